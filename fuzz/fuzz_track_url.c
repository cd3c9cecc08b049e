/* fuzz_track_url: mtrk_track_path_tenant and mtrk_track_resolve on arbitrary
 * requests, and mtrk_track_mail_unsubscribe on arbitrary mail subjects,
 * against the fixture tenant "acme" (fixture.c: real messages, and the URLs
 * the library signed for them).
 *
 * Input: byte 0 the method (GET, HEAD, POST, or a bad one), byte 1 flags
 * (bit 0: a user agent, bit 1: an IP, bit 2: apply the edit, bit 3: a fixed
 * request time, bit 6: the expanded template is a mail subject for
 * mtrk_track_mail_unsubscribe instead of a path), bytes 2-3 an edit position and byte 4 an XOR mask applied to
 * the expanded path, then the path template up to the first newline, then the
 * body. In the template "{o0}" .. "{o2}", "{c0}" .. "{c5}", "{u0}" .. "{u2}",
 * "{l0}" .. "{l2}" expand to the path of the fixture's signed open, click,
 * unsubscribe and landing URLs, "{x0}" .. to globex's (another tenant),
 * "{m0}" .. "{m2}" to the mail subject of acme's unsubscribe URLs
 * ("unsubscribe:acme/{token}"), and "{t}" to the tenant key; so the corpus
 * holds real signed URLs although keys and ids are new in every run.
 *
 * Invariants: no crash; a success only for a path ending (before any query
 * or fragment, which are ignored) with the last three segments of a URL the
 * library signed for acme, and the result names that
 * URL's kind, message and link, a click redirecting to the catalogued URL; a
 * refused request records nothing (events and unsubscribe rules unchanged).
 * A mail subject succeeds only when, trimmed, it is "unsubscribe:" in any
 * case followed by the tenant and token of an unsubscribe URL signed for
 * acme, and then names that URL's message. */
#include "fixture.h"

#include <string.h>
#include <strings.h>

#define MAX_PATH 9000

static const fx_url *pick(const fixture *f, char kind, int i)
{
    const fx_url *list = kind == 'x' ? f->other_urls : f->urls;
    size_t n = kind == 'x' ? f->nother : f->nurls;
    int want = kind == 'o' ? MTRK_URL_OPEN : kind == 'c' ? MTRK_URL_CLICK : kind == 'u' ? MTRK_URL_UNSUBSCRIBE
             : kind == 'l' ? MTRK_URL_LANDING : 0;
    int k = 0;
    for (size_t j = 0; j < n; j++) {
        if (want && (int)list[j].kind != want)
            continue;
        if (k++ == i)
            return &list[j];
    }
    return NULL;
}

/* Expands the template into out (NUL-terminated, at most cap-1 octets). */
static size_t expand(char *out, size_t cap, const fixture *f, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap;) {
        const char *rep = NULL;
        size_t used = 0;
        if (s[i] == '{' && i + 2 < n && s[i + 1] == 't' && s[i + 2] == '}') {
            rep = "acme";
            used = 3;
        } else if (s[i] == '{' && i + 3 < n && s[i + 1] == 'm' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
                   s[i + 3] == '}' && pick(f, 'u', s[i + 2] - '0') != NULL) {
            /* "unsubscribe:" then the tail after its "/u/" */
            static char subj[MAX_PATH];
            snprintf(subj, sizeof subj, "unsubscribe:%s", pick(f, 'u', s[i + 2] - '0')->tail + 3);
            rep = subj;
            used = 4;
        } else if (s[i] == '{' && i + 3 < n && strchr("oculx", s[i + 1]) && s[i + 2] >= '0' && s[i + 2] <= '9' &&
                   s[i + 3] == '}') {
            const fx_url *u = pick(f, s[i + 1], s[i + 2] - '0');
            if (u) {
                rep = u->path;
                used = 4;
            }
        }
        if (rep) {
            size_t m = strlen(rep);
            if (k + m + 1 > cap)
                break;
            memcpy(out + k, rep, m);
            k += m;
            i += used;
        } else {
            out[k++] = s[i++];
        }
    }
    out[k] = '\0';
    return k;
}

/* The subject as mtrk_track_mail_unsubscribe should read it: trimmed of mail
 * whitespace, "unsubscribe:" in any case, then "{tenant}/{token}". The
 * unsubscribe URL whose tail is "/u/" and that rest, or NULL. */
static const fx_url *subject_url(const fixture *f, const char *s, size_t n)
{
    while (n > 0 && strchr(" \t\r\n", *s) && *s) {
        s++;
        n--;
    }
    while (n > 0 && strchr(" \t\r\n", s[n - 1]) && s[n - 1])
        n--;
    static const char pre[] = "unsubscribe:";
    size_t np = sizeof pre - 1;
    if (n <= np || strncasecmp(s, pre, np) != 0)
        return NULL;
    for (size_t i = 0; i < f->nurls; i++) {
        const fx_url *u = &f->urls[i];
        const char *rest = u->tail + 3; /* after "/u/" */
        if (u->kind == MTRK_URL_UNSUBSCRIBE && strlen(rest) == n - np && memcmp(rest, s + np, n - np) == 0)
            return u;
    }
    return NULL;
}

static void mail_subject(fixture *fp, const char *subject, size_t n, mtrk_time at)
{
    uint64_t before = fixture_recorded(fp);
    mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
    int rc = mtrk_track_mail_unsubscribe(&res, fp->t, subject, at);
    uint64_t after = fixture_recorded(fp);
    const fx_url *u = subject_url(fp, subject, n);
    if (rc != MTRK_OK) {
        FUZZ_CHECK(rc == MTRK_ESIGNATURE || rc == MTRK_ETENANT || rc == MTRK_EINVAL,
                   "refusal status %d (%s) for subject \"%s\"", rc, mtrk_tenant_errmsg(fp->t), subject);
        FUZZ_CHECK(u == NULL, "refused the subject of a signed URL: \"%s\" (%s)", subject,
                   mtrk_tenant_errmsg(fp->t));
        FUZZ_CHECK(res.action == MTRK_ACTION_REFUSED, "refused with action %d", res.action);
        FUZZ_CHECK(after == before, "refused subject recorded %llu things", (unsigned long long)(after - before));
    } else {
        FUZZ_CHECK(u != NULL, "accepted a subject the library did not sign: \"%s\"", subject);
        FUZZ_CHECK(res.kind == MTRK_URL_UNSUBSCRIBE && mtrk_id_compare(res.mid, u->mid) == 0,
                   "result names another URL");
        FUZZ_CHECK(res.action == MTRK_ACTION_UNSUBSCRIBED, "mail action %d", res.action);
        FUZZ_CHECK(after >= before, "an accepted subject lost records");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    static const char *const methods[] = { "GET", "HEAD", "POST", "PUT" };
    static const char *const agents[] = { "Mozilla/5.0 (X11; Linux x86_64)", "GoogleImageProxy" };
    const char *method = methods[data[0] & 3];
    unsigned flags = data[1];
    size_t epos = (size_t)data[2] | (size_t)data[3] << 8;
    uint8_t emask = data[4];
    const char *rest = (const char *)data + 5;
    size_t n = size - 5;
    const char *nl = memchr(rest, '\n', n);
    size_t tlen = nl ? (size_t)(nl - rest) : n;
    const char *body = nl ? nl + 1 : NULL;
    size_t body_len = nl ? n - tlen - 1 : 0;

    fixture *fp = fixture_shared();
#define f (*fp)
    static char path[MAX_PATH];
    size_t plen = expand(path, sizeof path, &f, rest, tlen);
    if ((flags & 4) && plen > 0)
        path[epos % plen] ^= (char)emask;
    plen = strlen(path); /* the request's path ends at a NUL of the input */

    char key[MTRK_MAX_TENANT_KEY + 1];
    int krc = mtrk_track_path_tenant(key, sizeof key, path);
    FUZZ_CHECK(krc == MTRK_OK || krc == MTRK_ESIGNATURE, "path_tenant status %d", krc);
    if (krc == MTRK_OK)
        FUZZ_CHECK(strlen(key) >= 1 && strlen(key) <= MTRK_MAX_TENANT_KEY, "tenant key length");

    if (flags & 64) {
        mail_subject(fp, path, plen, (flags & 8) ? 1767225600000 + 3600000 : 0);
        return 0;
    }

    uint64_t before = fixture_recorded(&f);
    mtrk_track_request req = MTRK_TRACK_REQUEST_INIT;
    req.method = method;
    req.path = path;
    req.body = body;
    req.body_len = body_len;
    req.user_agent = (flags & 1) ? agents[(flags >> 4) & 1] : NULL;
    req.ip = (flags & 2) ? ((flags & 32) ? "2001:db8::7" : "192.0.2.7") : NULL;
    req.at = (flags & 8) ? 1767225600000 + 3600000 : 0;
    mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
    int rc = mtrk_track_resolve(&res, f.t, &req, NULL);
    /* redirect_url is borrowed until the tenant's next call: keep a copy. */
    char *redirect = res.redirect_url ? strdup(res.redirect_url) : NULL;
    uint64_t after = fixture_recorded(&f);
    if (rc != MTRK_OK) {
        FUZZ_CHECK(rc == MTRK_ESIGNATURE || rc == MTRK_ETENANT || rc == MTRK_EINVAL || rc == MTRK_ENOTFOUND,
                   "refusal status %d (%s) for \"%s\"", rc, mtrk_tenant_errmsg(f.t), path);
        FUZZ_CHECK(res.action == MTRK_ACTION_REFUSED, "refused with action %d", res.action);
        FUZZ_CHECK(after == before, "refused request recorded %llu things", (unsigned long long)(after - before));
    } else {
        /* A query or fragment after the token is ignored (docs/tracking.md). */
        size_t pl = strcspn(path, "?#");
        const fx_url *u = NULL;
        for (size_t i = 0; i < f.nurls && !u; i++) {
            size_t tl = strlen(f.urls[i].tail);
            if (pl >= tl && memcmp(path + pl - tl, f.urls[i].tail, tl) == 0)
                u = &f.urls[i];
        }
        FUZZ_CHECK(u != NULL, "accepted a path the library did not sign: \"%s\"", path);
        FUZZ_CHECK(res.kind == u->kind && mtrk_id_compare(res.mid, u->mid) == 0, "result names another URL");
        if (u->kind == MTRK_URL_CLICK) {
            FUZZ_CHECK(mtrk_id_compare(res.lid, u->lid) == 0, "click names another link");
            FUZZ_CHECK(res.action == MTRK_ACTION_REDIRECT && redirect != NULL, "click action %d", res.action);
            int known = 0;
            for (int i = 0; i < FX_LINKS; i++)
                known |= strcmp(redirect, f.link_urls[i]) == 0;
            FUZZ_CHECK(known, "redirect to an uncatalogued URL \"%s\"", redirect);
        }
        FUZZ_CHECK(after >= before, "an accepted request lost records");
    }
    free(redirect);
    return 0;
}
#undef f
