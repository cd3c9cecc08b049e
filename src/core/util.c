/* Argument validation and small string helpers. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += len;
    }
    return true;
}

int check_str(mtrk_tenant *t, const char *what, const char *s, size_t max, bool required)
{
    if (s == NULL) {
        if (required)
            return terr(t, MTRK_EINVAL, "%s is NULL", what);
        return MTRK_OK;
    }
    size_t n = strnlen(s, max + 1);
    if (n == 0 && required)
        return terr(t, MTRK_EINVAL, "%s is empty", what);
    if (n > max)
        return terr(t, MTRK_ETOOLONG, "%s is longer than %zu octets", what, max);
    if (!utf8_valid(s, n))
        return terr(t, MTRK_EENCODING, "%s is not valid UTF-8", what);
    return MTRK_OK;
}

int check_version(mtrk_tenant *t, const char *what, const void *p, unsigned known)
{
    if (p == NULL)
        return terr(t, MTRK_EINVAL, "%s is NULL", what);
    unsigned v = *(const unsigned int *)p;
    if (v == 0 || v > known)
        return terr(t, MTRK_EVERSION, "%s has version %u; this library knows 1..%u", what, v, known);
    return MTRK_OK;
}

int init_check(const void *p, const char *what, const char *type, unsigned version, unsigned known)
{
    if (p == NULL)
        return gerr(MTRK_EINVAL, "%s is NULL", what);
    if (version == 0 || version > known)
        return gerr(MTRK_EVERSION, "%s version %u unknown; this library knows 1..%u", type, version, known);
    return MTRK_OK;
}

int check_versions(mtrk_tenant *t, const char *what, const void *const *ps, size_t n, unsigned known)
{
    for (size_t i = 0; i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s[%zu]", what, i);
        int rc = check_version(t, name, ps[i], known);
        if (rc)
            return rc;
    }
    return MTRK_OK;
}

int check_url(mtrk_tenant *t, const char *what, const char *url, bool required)
{
    int rc = check_str(t, what, url, MTRK_MAX_URL, required);
    if (rc || url == NULL || (*url == '\0' && !required))
        return rc;
    const char *rest;
    if (strncasecmp(url, "https://", 8) == 0)
        rest = url + 8;
    else if (strncasecmp(url, "http://", 7) == 0)
        rest = url + 7;
    else
        return terr(t, MTRK_EINVAL, "%s \"%.80s\" is not an http or https URL", what, url);
    if (*rest == '\0' || *rest == '/' || *rest == '?' || *rest == '#')
        return terr(t, MTRK_EINVAL, "%s \"%.80s\" has no host", what, url);
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= 0x20 || *p == 0x7f)
            return terr(t, MTRK_EINVAL, "%s contains a space or control character", what);
    }
    return MTRK_OK;
}

char *xstrdup(const char *s) { return s ? strdup(s) : NULL; }


int tenant_keep_owned(mtrk_tenant *t, char *p, bool previous)
{
    if (p == NULL)
        return MTRK_OK;
    char ***arr = previous ? &t->kept_old : &t->kept;
    size_t *n = previous ? &t->nkept_old : &t->nkept, *capp = previous ? &t->capkept_old : &t->capkept;
    if (*n == *capp) {
        size_t cap = *capp ? *capp * 2 : 8;
        char **k = realloc(*arr, cap * sizeof *k);
        if (k == NULL)
            return MTRK_ENOMEM;
        *arr = k;
        *capp = cap;
    }
    (*arr)[(*n)++] = p;
    return MTRK_OK;
}

const char *tenant_keep(mtrk_tenant *t, const char *s)
{
    if (s == NULL)
        return NULL;
    char *c = strdup(s);
    if (c != NULL && tenant_keep_owned(t, c, false) != MTRK_OK) {
        free(c);
        c = NULL;
    }
    return c;
}

void tenant_enter(mtrk_tenant *t)
{
    t->err[0] = '\0';
    t->err_arg = NULL;
    for (size_t i = 0; i < t->nkept_old; i++)
        free(t->kept_old[i]);
    /* The current generation becomes the old one; the old array is reused. */
    char **arr = t->kept_old;
    size_t cap = t->capkept_old;
    t->kept_old = t->kept;
    t->capkept_old = t->capkept;
    t->nkept_old = t->nkept;
    t->kept = arr;
    t->capkept = cap;
    t->nkept = 0;
}

void *grow_array(void *p, size_t *cap, size_t elem, size_t first)
{
    size_t n = *cap ? *cap : first / 2;
    if (n == 0 || n > SIZE_MAX / 2 / elem)
        return NULL;
    void *q = realloc(p, 2 * n * elem);
    if (q != NULL)
        *cap = 2 * n;
    return q;
}
