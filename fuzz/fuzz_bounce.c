/* fuzz_bounce: mtrk_bounce_parse on arbitrary bytes, and the pure
 * classifiers on the same bytes as text.
 * Invariants: the status is OK or a documented refusal (EINVAL, ETOOLONG,
 * ENOMEM) with no report; a report has at most MTRK_MAX_BOUNCE_RECIPIENTS
 * results whose strings are non-NULL valid UTF-8, the diagnostic within
 * MTRK_MAX_DIAGNOSTIC, the reason in range and the kind the reason's; the
 * status is "" or class.subject.detail matching its parsed digits. */
#include "fixture.h"

#include <string.h>

static int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mtrk_bounce_report *rep = NULL;
    int rc = mtrk_bounce_parse(&rep, data, size);
    FUZZ_CHECK(rc == MTRK_OK || rc == MTRK_EINVAL || rc == MTRK_ETOOLONG || rc == MTRK_ENOMEM, "status %d", rc);
    if (rc) {
        FUZZ_CHECK(rep == NULL, "a refusal left a report");
    } else {
        size_t n = mtrk_bounce_report_count(rep);
        FUZZ_CHECK(n <= MTRK_MAX_BOUNCE_RECIPIENTS, "%zu results", n);
        FUZZ_CHECK(mtrk_bounce_format_name(mtrk_bounce_report_format(rep)) != NULL, "format out of range");
        FUZZ_CHECK(utf8_valid(mtrk_bounce_report_note(rep)), "note is not UTF-8");
        for (size_t i = 0; i < n; i++) {
            mtrk_bounce_recipient r = MTRK_BOUNCE_RECIPIENT_INIT;
            FUZZ_CHECK(mtrk_bounce_report_get(&r, rep, i) == MTRK_OK, "get %zu", i);
            const char *s[] = { r.recipient, r.original_recipient, r.action, r.status, r.diagnostic, r.remote_mta,
                                r.original_message_id };
            for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
                FUZZ_CHECK(s[k] != NULL && utf8_valid(s[k]), "string %zu of result %zu", k, i);
            FUZZ_CHECK(strlen(r.diagnostic) <= MTRK_MAX_DIAGNOSTIC, "diagnostic of %zu octets", strlen(r.diagnostic));
            FUZZ_CHECK(mtrk_bounce_reason_name(r.reason) != NULL, "reason %d", (int)r.reason);
            FUZZ_CHECK(r.kind == mtrk_bounce_reason_kind(r.reason), "kind %d for reason %d", (int)r.kind,
                       (int)r.reason);
            FUZZ_CHECK(mtrk_bounce_mid_source_name(r.mid_source) != NULL, "mid source %d", (int)r.mid_source);
            FUZZ_CHECK((r.mid_source == MTRK_BOUNCE_MID_NONE) == (mtrk_id_is_nil(r.mid) != 0), "mid and source");
            if (*r.status) {
                char again[32];
                snprintf(again, sizeof again, "%d.%d.%d", r.status_class, r.status_subject, r.status_detail);
                FUZZ_CHECK(strcmp(again, r.status) == 0, "status \"%s\" parsed as %s", r.status, again);
            } else {
                FUZZ_CHECK(r.status_class == 0, "class without status");
            }
        }
        FUZZ_CHECK(mtrk_bounce_report_get(&(mtrk_bounce_recipient)MTRK_BOUNCE_RECIPIENT_INIT, rep, n) == MTRK_EINVAL,
                   "index past the end");
        mtrk_bounce_report_free(rep);
    }
    /* The pure functions on the same bytes as text. */
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    mtrk_bounce_reason r = mtrk_bounce_classify(text, (int)(size % 700), text);
    FUZZ_CHECK(mtrk_bounce_reason_name(r) != NULL, "classify gave %d", (int)r);
    mtrk_id mid;
    rc = mtrk_bounce_verp_parse(&mid, text);
    FUZZ_CHECK(rc == MTRK_OK || rc == MTRK_ENOTFOUND, "verp_parse %d", rc);
    if (rc == MTRK_OK)
        FUZZ_CHECK(!mtrk_id_is_nil(mid), "verp gave the nil id");
    FUZZ_CHECK(mtrk_bounce_reason_name(mtrk_bounce_reason_sparkpost((int)(size % 128), text, text)) != NULL, "sp");
    FUZZ_CHECK(mtrk_bounce_reason_name(mtrk_bounce_reason_postmark((int)size, text)) != NULL, "postmark");
    free(text);
    return 0;
}
