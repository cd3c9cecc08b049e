/* What every provider adapter shares: the request path (limits, nesting,
 * verification, parsing), typed JSON access with messages naming the field,
 * exact time conversion, and the crypto primitives (libsodium where it has
 * them, OpenSSL's libcrypto for HMAC-SHA1, ECDSA and RSA). */
#include "webhook.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sodium.h>

/* Latest time accepted: 9999-12-31T23:59:59.999Z. */
#define WH_TIME_MAX INT64_C(253402300799999)

const wh_adapter *wh_adapter_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; wh_adapters[i] != NULL; i++)
        if (strcmp(wh_adapters[i]->name, name) == 0)
            return wh_adapters[i];
    return NULL;
}

int wh_fail(wh_result *res, wh_verdict verdict, const char *fmt, ...)
{
    res->verdict = verdict;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->message, sizeof res->message, fmt, ap);
    va_end(ap);
    return -1;
}

static void event_clear(wh_event *e)
{
    char **strs[] = { &e->provider_type, &e->provider_message_id, &e->send_id, &e->key, &e->recipient, &e->url,
                      &e->user_agent, &e->ip, &e->verdict_reason, &e->enhanced_status, &e->diagnostic,
                      &e->bounce_type, &e->bounce_subtype, &e->unsub_list, &e->raw, &e->error };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        free(*strs[i]);
        *strs[i] = NULL;
    }
}

void wh_result_free(wh_result *res)
{
    if (res == NULL)
        return;
    for (size_t i = 0; i < res->n; i++)
        event_clear(&res->events[i]);
    free(res->events);
    free(res->confirm_url);
    free(res->nonce);
    memset(res, 0, sizeof *res);
}

wh_verdict wh_process(wh_result *out, const char *provider, const wh_request *req)
{
    memset(out, 0, sizeof *out);
    const wh_adapter *a = wh_adapter_find(provider);
    if (a == NULL) {
        wh_fail(out, WH_MALFORMED, "unknown provider '%.64s'", provider ? provider : "(null)");
        return out->verdict;
    }
    if (req == NULL || (req->body == NULL && req->len > 0) || (req->headers == NULL && req->nheaders > 0)) {
        wh_fail(out, WH_MALFORMED, "request: body or headers missing");
        return out->verdict;
    }
    size_t limit = req->body_limit ? req->body_limit : WH_DEFAULT_BODY_LIMIT;
    if (req->len > limit) {
        wh_fail(out, WH_MALFORMED, "body of %zu octets is over the limit of %zu", req->len, limit);
        return out->verdict;
    }
    if (req->len == 0) {
        wh_fail(out, WH_MALFORMED, "empty body");
        return out->verdict;
    }
    if (a->verify != NULL && a->verify(req, out) != 0)
        return out->verdict;
    if (a->parse(req, out) != 0) {
        /* Nothing half-parsed survives a refused request. */
        wh_verdict v = out->verdict;
        char msg[WH_MSG];
        memcpy(msg, out->message, sizeof msg);
        wh_result_free(out);
        out->verdict = v;
        memcpy(out->message, msg, sizeof msg);
    }
    return out->verdict;
}

const char *wh_header_get(const wh_request *req, const char *name)
{
    for (size_t i = 0; i < req->nheaders; i++)
        if (req->headers[i].name && strcasecmp(req->headers[i].name, name) == 0)
            return req->headers[i].value;
    return NULL;
}

/* Refuses nesting deeper than WH_MAX_DEPTH before the parser recurses. A
 * string is skipped with memchr to its closing quote (the first not escaped
 * by an odd run of backslashes): strings are most of a provider's body. */
static int depth_check(const char *s, size_t n, size_t *at)
{
    int depth = 0;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '"') {
            size_t j = i + 1;
            for (;;) {
                const char *q = memchr(s + j, '"', n - j);
                if (q == NULL)
                    return 0; /* unterminated: the parser names it */
                size_t k = (size_t)(q - s), b = 0;
                while (k - b > i + 1 && s[k - b - 1] == '\\')
                    b++;
                j = k + 1;
                if (b % 2 == 0)
                    break;
            }
            i = j;
            continue;
        }
        if (c == '[' || c == '{') {
            if (++depth > WH_MAX_DEPTH) {
                *at = i;
                return -1;
            }
        } else if (c == ']' || c == '}') {
            depth--;
        }
        i++;
    }
    return 0;
}

/* ---- a fast reader for the common case --------------------------------------
 *
 * jansson's parser reads a provider's event object at about 170
 * instructions an octet (its lexer takes one character at a time, with its
 * UTF-8 and escape handling), most of a request's parsing. Provider bodies
 * are mostly plain ASCII: this reader builds the same tree for text made
 * only of objects, arrays, strings of printable ASCII without escapes,
 * integers of at most 18 digits, true, false and null, and gives up (NULL)
 * on anything else: an escape, a non-ASCII or control octet, a fraction or
 * exponent, a duplicate key, a syntax error. The caller then parses with
 * jansson, so every refusal and every message is jansson's. Within its
 * subset the tree equals jansson's, member order included (the order the
 * derived keys are computed in). */

static size_t fast_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* A plain string at s[*i] == '"': its content's span, or -1. */
static int fast_str(const char *s, size_t n, size_t *i, size_t *start, size_t *len)
{
    size_t j = *i + 1;
    *start = j;
    while (j < n) {
        unsigned char c = (unsigned char)s[j];
        if (c == '"') {
            *len = j - *start;
            *i = j + 1;
            return 0;
        }
        if (c < 0x20 || c > 0x7e || c == '\\')
            return -1;
        j++;
    }
    return -1;
}

static json_t *fast_value(const char *s, size_t n, size_t *i, int depth);

static json_t *fast_object(const char *s, size_t n, size_t *i, int depth)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    size_t j = fast_ws(s, n, *i + 1);
    if (j < n && s[j] == '}') {
        *i = j + 1;
        return o;
    }
    char key[256];
    for (;;) {
        size_t ks, kl;
        if (j >= n || s[j] != '"' || fast_str(s, n, &j, &ks, &kl) != 0 || kl >= sizeof key)
            break;
        memcpy(key, s + ks, kl);
        key[kl] = '\0';
        j = fast_ws(s, n, j);
        if (j >= n || s[j] != ':')
            break;
        j = fast_ws(s, n, j + 1);
        json_t *v = fast_value(s, n, &j, depth + 1);
        if (v == NULL)
            break;
        if (json_object_get(o, key) != NULL) {
            json_decref(v); /* a duplicate: jansson refuses it */
            break;
        }
        if (json_object_set_new_nocheck(o, key, v) != 0)
            break; /* v is released by the call */
        j = fast_ws(s, n, j);
        if (j < n && s[j] == ',') {
            j = fast_ws(s, n, j + 1);
            continue;
        }
        if (j < n && s[j] == '}') {
            *i = j + 1;
            return o;
        }
        break;
    }
    json_decref(o);
    return NULL;
}

static json_t *fast_array(const char *s, size_t n, size_t *i, int depth)
{
    json_t *a = json_array();
    if (a == NULL)
        return NULL;
    size_t j = fast_ws(s, n, *i + 1);
    if (j < n && s[j] == ']') {
        *i = j + 1;
        return a;
    }
    for (;;) {
        json_t *v = fast_value(s, n, &j, depth + 1);
        if (v == NULL || json_array_append_new(a, v) != 0)
            break;
        j = fast_ws(s, n, j);
        if (j < n && s[j] == ',') {
            j = fast_ws(s, n, j + 1);
            continue;
        }
        if (j < n && s[j] == ']') {
            *i = j + 1;
            return a;
        }
        break;
    }
    json_decref(a);
    return NULL;
}

static json_t *fast_value(const char *s, size_t n, size_t *i, int depth)
{
    size_t j = *i;
    if (j >= n || depth > WH_MAX_DEPTH)
        return NULL;
    char c = s[j];
    if (c == '{')
        return fast_object(s, n, i, depth);
    if (c == '[')
        return fast_array(s, n, i, depth);
    if (c == '"') {
        size_t st, len;
        if (fast_str(s, n, &j, &st, &len) != 0)
            return NULL;
        *i = j;
        return json_stringn_nocheck(s + st, len);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        /* -?(0|[1-9][0-9]*), at most 18 digits: no overflow, as strtoll reads it. */
        size_t k = j + (c == '-');
        if (k >= n || s[k] < '0' || s[k] > '9')
            return NULL;
        size_t d0 = k;
        while (k < n && s[k] >= '0' && s[k] <= '9')
            k++;
        size_t nd = k - d0;
        if (nd > 18 || (nd > 1 && s[d0] == '0'))
            return NULL;
        if (k < n && (s[k] == '.' || s[k] == 'e' || s[k] == 'E'))
            return NULL;
        json_int_t v = 0;
        for (size_t m = d0; m < k; m++)
            v = v * 10 + (s[m] - '0');
        *i = k;
        return json_integer(c == '-' ? -v : v);
    }
    static const struct {
        const char *word;
        size_t len;
    } lit[] = { { "true", 4 }, { "false", 5 }, { "null", 4 } };
    for (int k = 0; k < 3; k++)
        if (n - j >= lit[k].len && memcmp(s + j, lit[k].word, lit[k].len) == 0) {
            *i = j + lit[k].len;
            return k == 0 ? json_true() : k == 1 ? json_false() : json_null();
        }
    return NULL;
}

json_t *wh_json_fast(const char *s, size_t n)
{
    size_t i = fast_ws(s, n, 0);
    if (i >= n || (s[i] != '{' && s[i] != '['))
        return NULL;
    json_t *v = fast_value(s, n, &i, 1);
    if (v != NULL && fast_ws(s, n, i) != n) {
        json_decref(v);
        v = NULL;
    }
    return v;
}

json_t *wh_json_load(const char *text, size_t len, wh_result *res, const char *what)
{
    size_t at = 0;
    if (depth_check(text, len, &at) != 0) {
        wh_fail(res, WH_MALFORMED, "%s: JSON nested deeper than %d levels (at offset %zu)", what, WH_MAX_DEPTH, at);
        return NULL;
    }
    json_error_t err;
    json_t *root = wh_json_fast(text, len);
    if (root == NULL)
        root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
        wh_fail(res, WH_MALFORMED, "%s: malformed JSON: %s (line %d, column %d)", what, err.text, err.line,
                err.column);
    return root;
}

/* The end of the string starting at s[i] == '"' (one past its closing
 * quote), or n when it is not closed. */
static size_t string_end(const char *s, size_t n, size_t i)
{
    size_t j = i + 1;
    for (;;) {
        const char *q = memchr(s + j, '"', n - j);
        if (q == NULL)
            return n;
        size_t k = (size_t)(q - s), b = 0;
        while (k - b > i + 1 && s[k - b - 1] == '\\')
            b++;
        j = k + 1;
        if (b % 2 == 0)
            return j;
    }
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

int wh_json_array_spans(const char *s, size_t n, wh_result *res, const char *what,
                        int (*each)(void *ud, size_t index, json_t *value, const char *text, size_t len), void *ud)
{
    size_t at = 0;
    if (depth_check(s, n, &at) != 0)
        return wh_fail(res, WH_MALFORMED, "%s: JSON nested deeper than %d levels (at offset %zu)", what, WH_MAX_DEPTH,
                       at);
    size_t i = skip_ws(s, n, 0);
    if (i == n || s[i] != '[')
        return wh_fail(res, WH_MALFORMED, "%s is not a JSON array of events", what);
    i = skip_ws(s, n, i + 1);
    size_t index = 0;
    if (i < n && s[i] == ']') {
        i = skip_ws(s, n, i + 1);
        return i == n ? 0 : wh_fail(res, WH_MALFORMED, "%s: malformed JSON: text after the array (offset %zu)", what, i);
    }
    for (;;) {
        if (i >= n)
            return wh_fail(res, WH_MALFORMED, "%s: malformed JSON: the body ends inside the array", what);
        /* One element: a nested value to its matching close, a string, or a scalar. */
        size_t start = i, depth = 0;
        while (i < n) {
            char c = s[i];
            if (c == '"') {
                i = string_end(s, n, i);
                if (depth == 0)
                    break;
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0)
                    break; /* a scalar ended by the array's close */
                if (--depth == 0) {
                    i++;
                    break;
                }
            } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                break;
            }
            i++;
        }
        if (i >= n && depth > 0)
            return wh_fail(res, WH_MALFORMED, "%s: malformed JSON: the body ends inside element %zu (offset %zu)", what,
                           index, start);
        json_error_t err;
        json_t *v = wh_json_fast(s + start, i - start);
        if (v == NULL)
            v = json_loadb(s + start, i - start, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
        if (v == NULL)
            return wh_fail(res, WH_MALFORMED, "%s: malformed JSON: %s (element %zu at offset %zu, column %d)", what,
                           err.text, index, start, err.column);
        int rc = each(ud, index, v, s + start, i - start);
        json_decref(v);
        if (rc != 0)
            return -1;
        index++;
        i = skip_ws(s, n, i);
        if (i < n && s[i] == ',') {
            i = skip_ws(s, n, i + 1);
            continue;
        }
        if (i < n && s[i] == ']') {
            i = skip_ws(s, n, i + 1);
            if (i != n)
                return wh_fail(res, WH_MALFORMED, "%s: malformed JSON: text after the array (offset %zu)", what, i);
            return 0;
        }
        return wh_fail(res, WH_MALFORMED, "%s: malformed JSON: expected ',' or ']' after element %zu (offset %zu)",
                       what, index - 1, i);
    }
}

wh_event *wh_event_add_text(wh_result *res, const char *text, size_t len)
{
    wh_event *ev = wh_event_add(res, NULL);
    if (ev == NULL)
        return NULL;
    if ((ev->raw = malloc(len + 1)) != NULL) {
        memcpy(ev->raw, text, len);
        ev->raw[len] = '\0';
    }
    return ev;
}

void wh_key_from_object(wh_event *ev, json_t *o)
{
    if (ev->key != NULL)
        return;
    char *compact = json_dumps(o, JSON_COMPACT | JSON_ENCODE_ANY);
    if (compact == NULL)
        return;
    char *raw = ev->raw;
    ev->raw = compact;
    wh_key_from_raw(ev);
    ev->raw = raw;
    free(compact);
}

char *wh_strdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

wh_event *wh_event_add(wh_result *res, json_t *raw)
{
    if (res->n == res->cap) {
        size_t cap = res->cap ? res->cap * 2 : 8;
        wh_event *e = realloc(res->events, cap * sizeof *e);
        if (e == NULL)
            return NULL;
        res->events = e;
        res->cap = cap;
    }
    wh_event *ev = &res->events[res->n++];
    memset(ev, 0, sizeof *ev);
    ev->link_index = -1;
    if (raw != NULL)
        ev->raw = json_dumps(raw, JSON_COMPACT | JSON_ENCODE_ANY);
    return ev;
}

void wh_event_fail(wh_event *ev, const char *fmt, ...)
{
    if (ev->error != NULL)
        return; /* the first fault is the one reported */
    char buf[WH_MSG];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ev->error = wh_strdup(buf);
}

void wh_map(wh_event *ev, const char *provider_type, mtrk_event_type type)
{
    free(ev->provider_type);
    ev->provider_type = wh_strdup(provider_type);
    ev->mapped = type != 0;
    ev->type = type;
}

static const char *type_name(json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

const char *wh_str(wh_event *ev, json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (v == NULL || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        wh_event_fail(ev, "field '%s' is %s, expected a string", key, type_name(v));
        return NULL;
    }
    return json_string_value(v);
}

int wh_set_str(char **dst, wh_event *ev, json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    char buf[32];
    const char *s;
    if (json_is_string(v)) {
        s = json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        s = buf;
    } else {
        wh_event_fail(ev, "field '%s' is %s, expected a string", key, type_name(v));
        return -1;
    }
    free(*dst);
    *dst = wh_strdup(s);
    return 1;
}

static int hexval(int c);

/* An id in its canonical text, 8-4-4-4-12 hex digits of either case: what
 * mtrk_id_from_string accepts, read without its library call (one per
 * event of a request). 0, or -1. */
static int id_parse(mtrk_id *out, const char *s)
{
    size_t b = 0;
    for (size_t i = 0; i < MTRK_ID_STRLEN; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return -1;
            continue;
        }
        int hi = hexval((unsigned char)s[i]);
        int lo = hi < 0 ? -1 : hexval((unsigned char)s[i + 1]);
        if (lo < 0)
            return -1;
        out->bytes[b++] = (unsigned char)(hi << 4 | lo);
        i++;
    }
    return s[MTRK_ID_STRLEN] == '\0' ? 0 : -1;
}

void wh_set_mid(wh_event *ev, const char *text, const char *where)
{
    if (text == NULL || ev->has_mid)
        return;
    mtrk_id id;
    if (id_parse(&id, text) != 0) {
        wh_event_fail(ev, "%s '%.40s' is not an mtrk message id", where, text);
        return;
    }
    ev->mid = id;
    ev->has_mid = 1;
}

/* Exact decimal seconds or milliseconds from text: "1521472262.908181". */
static int time_text(mtrk_time *out, const char *s, int millis)
{
    const char *p = s;
    if (!isdigit((unsigned char)*p))
        return -1;
    int64_t whole = 0;
    for (; isdigit((unsigned char)*p); p++) {
        if (whole > (WH_TIME_MAX / 10) + 10)
            return -1;
        whole = whole * 10 + (*p - '0');
    }
    int64_t frac_ms = 0;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        int k = 0;
        for (; isdigit((unsigned char)*p); p++, k++)
            if (!millis && k < 3)
                frac_ms = frac_ms * 10 + (*p - '0');
        for (; !millis && k < 3; k++)
            frac_ms *= 10;
    }
    if (*p != '\0')
        return -1;
    int64_t ms = millis ? whole : whole * 1000 + frac_ms;
    if (!millis && whole > WH_TIME_MAX / 1000)
        return -1;
    if (ms > WH_TIME_MAX)
        return -1;
    *out = ms;
    return 0;
}

int wh_time_seconds(mtrk_time *out, json_t *v)
{
    if (json_is_integer(v)) {
        json_int_t s = json_integer_value(v);
        if (s < 0 || s > WH_TIME_MAX / 1000)
            return -1;
        *out = (mtrk_time)s * 1000;
        return 0;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (!isfinite(d) || d < 0 || d > (double)(WH_TIME_MAX / 1000))
            return -1;
        /* A double holds a current Unix time to better than a microsecond:
         * round to the microsecond the provider wrote, then truncate to ms. */
        int64_t us = (int64_t)llround(d * 1e6);
        *out = us / 1000;
        return 0;
    }
    if (json_is_string(v))
        return time_text(out, json_string_value(v), 0);
    return -1;
}

int wh_time_millis(mtrk_time *out, json_t *v)
{
    if (json_is_integer(v)) {
        json_int_t ms = json_integer_value(v);
        if (ms < 0 || ms > WH_TIME_MAX)
            return -1;
        *out = ms;
        return 0;
    }
    if (json_is_string(v))
        return time_text(out, json_string_value(v), 1);
    return -1;
}

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

int wh_time_iso8601(mtrk_time *out, const char *s)
{
    if (s == NULL)
        return -1;
    const char *p = s;
    int y, mo, d, h, mi, se, ms = 0;
    if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' || digits(&p, 2, &d))
        return -1;
    if (*p != 'T' && *p != 't' && *p != ' ')
        return -1;
    p++;
    if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi) || *p++ != ':' || digits(&p, 2, &se))
        return -1;
    if (*p == '.' || *p == ',') {
        p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        int k = 0;
        for (; isdigit((unsigned char)*p); p++, k++)
            if (k < 3)
                ms = ms * 10 + (*p - '0');
        for (; k < 3; k++)
            ms *= 10;
    }
    int offset_min = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
        if (digits(&p, 2, &oh))
            return -1;
        if (*p == ':')
            p++;
        if (*p != '\0' && digits(&p, 2, &om))
            return -1;
        if (oh > 23 || om > 59)
            return -1;
        offset_min = sign * (oh * 60 + om);
    } else {
        return -1; /* a time without its zone is not an instant */
    }
    if (*p != '\0')
        return -1;
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 ||
        se > 60)
        return -1;
    if (se == 60)
        se = 59; /* a leap second is kept in its minute */
    int64_t t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se -
                (int64_t)offset_min * 60;
    int64_t v = t * 1000 + ms;
    if (v < 0 || v > WH_TIME_MAX)
        return -1;
    *out = v;
    return 0;
}

void wh_set_time(wh_event *ev, json_t *obj, const char *key, enum wh_time_unit unit)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (v == NULL || json_is_null(v)) {
        wh_event_fail(ev, "field '%s' (the event time) is missing", key);
        return;
    }
    int rc;
    const char *want;
    switch (unit) {
    case WH_SECONDS:
        rc = wh_time_seconds(&ev->occurred_at, v);
        want = "Unix seconds";
        break;
    case WH_MILLIS:
        rc = wh_time_millis(&ev->occurred_at, v);
        want = "Unix milliseconds";
        break;
    default:
        rc = json_is_string(v) ? wh_time_iso8601(&ev->occurred_at, json_string_value(v)) : -1;
        want = "an ISO 8601 time with its zone";
        break;
    }
    if (rc != 0)
        wh_event_fail(ev, "field '%s' is not %s", key, want);
}

void wh_parse_smtp(wh_event *ev, const char *text)
{
    if (text == NULL)
        return;
    const char *p = text;
    while (*p == ' ' || *p == '\t')
        p++;
    if (ev->smtp_code == 0 && (p[0] == '2' || p[0] == '4' || p[0] == '5') && isdigit((unsigned char)p[1]) &&
        isdigit((unsigned char)p[2]) && !isdigit((unsigned char)p[3]))
        ev->smtp_code = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    if (ev->enhanced_status != NULL)
        return;
    /* The first "C.SSS.DDD" with C in 2, 4, 5 standing as a word. */
    for (const char *q = text; *q; q++) {
        if ((*q != '2' && *q != '4' && *q != '5') || q[1] != '.')
            continue;
        if (q > text && (isalnum((unsigned char)q[-1]) || q[-1] == '.'))
            continue;
        const char *r = q + 2;
        int n1 = 0, n2 = 0;
        while (isdigit((unsigned char)r[n1]) && n1 < 4)
            n1++;
        if (n1 == 0 || n1 > 3 || r[n1] != '.')
            continue;
        r += n1 + 1;
        while (isdigit((unsigned char)r[n2]) && n2 < 4)
            n2++;
        if (n2 == 0 || n2 > 3 || isalnum((unsigned char)r[n2]) || (r[n2] == '.' && isdigit((unsigned char)r[n2 + 1])))
            continue;
        size_t len = (size_t)(r + n2 - q);
        ev->enhanced_status = malloc(len + 1);
        if (ev->enhanced_status) {
            memcpy(ev->enhanced_status, q, len);
            ev->enhanced_status[len] = '\0';
        }
        return;
    }
}

int wh_equal(const void *a, size_t alen, const void *b, size_t blen)
{
    if (alen != blen)
        return 0;
    if (alen == 0)
        return 1;
    return sodium_memcmp(a, b, alen) == 0;
}

unsigned char *wh_base64_decode(const char *s, size_t slen, size_t *outlen)
{
    while (slen > 0 && (s[slen - 1] == '=' || isspace((unsigned char)s[slen - 1])))
        slen--;
    size_t cap = slen / 4 * 3 + 3;
    unsigned char *out = malloc(cap ? cap : 1);
    if (out == NULL)
        return NULL;
    const char *end = NULL;
    if (sodium_base642bin(out, cap, s, slen, " \r\n\t", outlen, &end, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) !=
            0 ||
        end != s + slen) {
        free(out);
        return NULL;
    }
    return out;
}

char *wh_base64_encode(const unsigned char *p, size_t n)
{
    size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *out = malloc(len);
    if (out)
        sodium_bin2base64(out, len, p, n, sodium_base64_VARIANT_ORIGINAL);
    return out;
}

void wh_hex(char *out, const unsigned char *p, size_t n)
{
    sodium_bin2hex(out, 2 * n + 1, p, n);
}

size_t wh_hmac(unsigned char out[32], const char *alg, const void *key, size_t keylen, const void *msg, size_t len)
{
    if (strcmp(alg, "sha256") == 0) {
        crypto_auth_hmacsha256_state st;
        crypto_auth_hmacsha256_init(&st, key, keylen);
        crypto_auth_hmacsha256_update(&st, msg, len);
        crypto_auth_hmacsha256_final(&st, out);
        sodium_memzero(&st, sizeof st);
        return 32;
    }
    if (strcmp(alg, "sha1") == 0) {
        /* libsodium has no SHA-1. */
        unsigned int n = 0;
        if (HMAC(EVP_sha1(), key, (int)keylen, msg, len, out, &n) == NULL)
            return 0;
        return n;
    }
    return 0;
}

static EVP_PKEY *load_key(const char *key)
{
    EVP_PKEY *pk = NULL;
    if (strncmp(key, "-----BEGIN CERTIFICATE", 22) == 0) {
        BIO *b = BIO_new_mem_buf(key, -1);
        X509 *x = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
        if (x) {
            pk = X509_get_pubkey(x);
            X509_free(x);
        }
        BIO_free(b);
    } else if (strncmp(key, "-----BEGIN", 10) == 0) {
        BIO *b = BIO_new_mem_buf(key, -1);
        if (b)
            pk = PEM_read_bio_PUBKEY(b, NULL, NULL, NULL);
        BIO_free(b);
    } else {
        if (strncmp(key, "p=", 2) == 0) /* a DNS TXT record's key */
            key += 2;
        size_t n = 0;
        unsigned char *der = wh_base64_decode(key, strlen(key), &n);
        if (der) {
            const unsigned char *p = der;
            pk = d2i_PUBKEY(NULL, &p, (long)n);
            free(der);
        }
    }
    return pk;
}

int wh_pk_verify(const char *key, const char *alg, const void *msg, size_t len, const unsigned char *sig,
                 size_t siglen)
{
    const EVP_MD *md = strcmp(alg, "sha1") == 0 ? EVP_sha1() : strcmp(alg, "sha256") == 0 ? EVP_sha256() : NULL;
    EVP_PKEY *pk = key && md ? load_key(key) : NULL;
    int ok = 0;
    if (pk != NULL) {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        if (ctx && EVP_DigestVerifyInit(ctx, NULL, md, NULL, pk) == 1)
            ok = EVP_DigestVerify(ctx, sig, siglen, msg, len) == 1;
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_free(pk);
    }
    ERR_clear_error();
    return ok;
}

int wh_has_key(const wh_request *req)
{
    if (req->secrets == NULL)
        return 0;
    for (int i = 0; i < WH_MAX_KEYS; i++)
        if (req->secrets->keys[i] != NULL && req->secrets->keys[i][0] != '\0')
            return 1;
    return 0;
}

int wh_check_age(const wh_request *req, wh_result *res, mtrk_time ts)
{
    int64_t tol = req->secrets && req->secrets->tolerance_ms ? req->secrets->tolerance_ms : WH_DEFAULT_TOLERANCE_MS;
    if (tol < 0)
        return 0;
    int64_t diff = ts > req->now ? ts - req->now : req->now - ts;
    if (diff > tol)
        return wh_fail(res, WH_SIGNATURE_REFUSED,
                       "signed timestamp is %lld s %s now, outside the tolerance of %lld s (a replay?)",
                       (long long)(diff / 1000), ts > req->now ? "after" : "before", (long long)(tol / 1000));
    return 0;
}

void wh_set_nonce(const wh_request *req, wh_result *res, const char *token, size_t len, mtrk_time ts)
{
    int64_t tol = req->secrets && req->secrets->tolerance_ms ? req->secrets->tolerance_ms : WH_DEFAULT_TOLERANCE_MS;
    if (tol < 0 || token == NULL || len == 0)
        return;
    free(res->nonce);
    if (len <= 128) {
        res->nonce = malloc(len + 1);
        if (res->nonce != NULL) {
            memcpy(res->nonce, token, len);
            res->nonce[len] = '\0';
        }
    } else {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, (const unsigned char *)token, len);
        char hex[2 * sizeof h + 1];
        wh_hex(hex, h, sizeof h);
        res->nonce = wh_join("sha256", ":", hex);
    }
    mtrk_time base = ts > req->now ? ts : req->now;
    res->nonce_expires = base > INT64_MAX - tol ? INT64_MAX : base + tol;
}

char *wh_msgid_norm(const char *id)
{
    if (id == NULL)
        return NULL;
    while (*id == ' ' || *id == '\t')
        id++;
    size_t n = strlen(id);
    while (n > 0 && (id[n - 1] == ' ' || id[n - 1] == '\t'))
        n--;
    if (n >= 2 && id[0] == '<' && id[n - 1] == '>') {
        id++;
        n -= 2;
    }
    if (n == 0)
        return NULL;
    char *p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, id, n);
        p[n] = '\0';
    }
    return p;
}

int wh_need_key(const wh_request *req, wh_result *res, const char *provider)
{
    if (wh_has_key(req))
        return 0;
    if (req->secrets != NULL && req->secrets->allow_unsigned)
        return 1;
    return wh_fail(res, WH_SIGNATURE_REFUSED, "no %s signing key or secret is configured to check the request",
                   provider);
}

void wh_key_from_raw(wh_event *ev)
{
    if (ev->key != NULL || ev->raw == NULL)
        return;
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)ev->raw, strlen(ev->raw));
    char hex[2 * 16 + 1];
    wh_hex(hex, h, 16);
    ev->key = wh_join("sha256", ":", hex);
}

int wh_bool(wh_event *ev, json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (json_is_boolean(v))
        return json_is_true(v);
    if (json_is_string(v) && (strcmp(json_string_value(v), "true") == 0 || strcmp(json_string_value(v), "false") == 0))
        return strcmp(json_string_value(v), "true") == 0;
    wh_event_fail(ev, "field '%s' is %s, expected a boolean", key, type_name(v));
    return 0;
}

char *wh_join(const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    char *p = malloc(la + ls + lb + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, a, la);
    memcpy(p + la, sep, ls);
    memcpy(p + la + ls, b, lb + 1);
    return p;
}

int wh_mid_in_text(wh_event *ev, const char *text, const char *where)
{
    if (text == NULL || ev->has_mid)
        return ev->has_mid;
    mtrk_id id;
    if (strlen(text) == MTRK_ID_STRLEN && mtrk_id_from_string(&id, text) == MTRK_OK) {
        ev->mid = id;
        ev->has_mid = 1;
        return 1;
    }
    const char *p = text;
    int seen = 0;
    while ((p = strstr(p, WH_MID_KEY)) != NULL) {
        const char *v = p + strlen(WH_MID_KEY);
        p = v;
        if (*v != '=' && *v != ':')
            continue; /* "mtrk_mid" as a word of something else */
        seen = 1;
        v++;
        char buf[MTRK_ID_STRLEN + 1];
        if (strnlen(v, MTRK_ID_STRLEN) < MTRK_ID_STRLEN)
            break;
        memcpy(buf, v, MTRK_ID_STRLEN);
        buf[MTRK_ID_STRLEN] = '\0';
        if (!isxdigit((unsigned char)v[MTRK_ID_STRLEN]) && v[MTRK_ID_STRLEN] != '-' &&
            mtrk_id_from_string(&id, buf) == MTRK_OK) {
            ev->mid = id;
            ev->has_mid = 1;
            return 1;
        }
    }
    if (!seen)
        return 0;
    wh_event_fail(ev, "%s has '%s' followed by no mtrk message id", where, WH_MID_KEY);
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Percent-decodes s[0..n) with '+' as space into a malloc'd string. */
char *wh_form_decode(const char *s, size_t n, size_t *outlen)
{
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%' && i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
                   hexval((unsigned char)s[i + 2]) >= 0) {
            out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

char *wh_form_get(const char *body, size_t len, const char *name, size_t *outlen)
{
    size_t nl = strlen(name), i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && body[end] != '&')
            end++;
        size_t eq = i;
        while (eq < end && body[eq] != '=')
            eq++;
        size_t kl = 0;
        char *k = wh_form_decode(body + i, eq - i, &kl);
        int match = k != NULL && kl == nl && memcmp(k, name, nl) == 0;
        free(k);
        if (match)
            return wh_form_decode(body + (eq < end ? eq + 1 : end), eq < end ? end - eq - 1 : 0, outlen);
        i = end + 1;
    }
    return NULL;
}

int wh_parse_object_or_array(const wh_request *req, wh_result *res, const char *provider,
                             void (*map)(wh_event *ev, json_t *o))
{
    char what[64];
    snprintf(what, sizeof what, "%s body", provider);
    json_t *root = wh_json_load(req->body, req->len, res, what);
    if (root == NULL)
        return -1;
    if (!json_is_object(root) && !json_is_array(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "%s body is not a JSON object or array", provider);
    }
    json_t *list = root;
    if (json_is_object(root)) {
        list = json_array();
        json_array_append(list, root);
    }
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o) {
        wh_event *ev = wh_event_add(res, o);
        if (ev == NULL)
            break;
        if (!json_is_object(o))
            wh_event_fail(ev, "event %zu is not a JSON object", i);
        else
            map(ev, o);
        json_array_set_new(list, i, json_null()); /* release it as soon as it is read */
    }
    if (list != root)
        json_decref(list);
    json_decref(root);
    return 0;
}
