/* Walking the messages of a path for mtrk_bounce_parse: one .eml file, an
 * mbox, or a maildir. One message is held in memory at a time, at most
 * MTRK_MAX_BOUNCE_MESSAGE octets of it. */
#include "bounce_int.h"
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct mtrk_bounce_source {
    char *path;
    FILE *mbox;       /* an mbox being read */
    size_t mbox_index;
    int mbox_pending; /* the "From " line of the next message was read */
    char **files;     /* a maildir's files, or the one file */
    size_t nfiles, next;
    char origin[4096];
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_dir_files(mtrk_bounce_source *s, const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return MTRK_OK;
    size_t first = s->nfiles, cap = s->nfiles;
    struct dirent *e;
    int rc = MTRK_OK;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *p = NULL;
        if (asprintf(&p, "%s/%s", dir, e->d_name) < 0) {
            rc = MTRK_ENOMEM;
            break;
        }
        struct stat st;
        if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(p);
            continue;
        }
        if (s->nfiles == cap) {
            cap = cap ? cap * 2 : 64;
            char **f = realloc(s->files, cap * sizeof *f);
            if (f == NULL) {
                free(p);
                rc = MTRK_ENOMEM;
                break;
            }
            s->files = f;
        }
        s->files[s->nfiles++] = p;
    }
    closedir(d);
    if (s->nfiles > first)
        qsort(s->files + first, s->nfiles - first, sizeof *s->files, cmp_str);
    return rc;
}

MTRK_API void mtrk_bounce_source_close(mtrk_bounce_source *s)
{
    if (s == NULL)
        return;
    if (s->mbox)
        fclose(s->mbox);
    for (size_t i = 0; i < s->nfiles; i++)
        free(s->files[i]);
    free(s->files);
    free(s->path);
    free(s);
}

MTRK_API int mtrk_bounce_source_open(mtrk_bounce_source **out, const char *path)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (path == NULL)
        return gerr(MTRK_EINVAL, "path is NULL");
    struct stat st;
    if (stat(path, &st) != 0)
        return gerr(MTRK_ENOTFOUND, "%s: %s", path, strerror(errno));
    mtrk_bounce_source *s = calloc(1, sizeof *s);
    if (s == NULL || (s->path = strdup(path)) == NULL) {
        free(s);
        return gerr(MTRK_ENOMEM, "out of memory");
    }
    int rc = MTRK_OK;
    if (S_ISDIR(st.st_mode)) {
        char sub[4096];
        struct stat ss;
        snprintf(sub, sizeof sub, "%s/cur", path);
        bool maildir = stat(sub, &ss) == 0 && S_ISDIR(ss.st_mode);
        snprintf(sub, sizeof sub, "%s/new", path);
        maildir = maildir || (stat(sub, &ss) == 0 && S_ISDIR(ss.st_mode));
        if (maildir) {
            rc = add_dir_files(s, sub);
            snprintf(sub, sizeof sub, "%s/cur", path);
            if (rc == MTRK_OK)
                rc = add_dir_files(s, sub);
        } else {
            rc = add_dir_files(s, path);
        }
    } else {
        FILE *f = fopen(path, "rb");
        if (f == NULL) {
            mtrk_bounce_source_close(s);
            return gerr(MTRK_ENOTFOUND, "%s: %s", path, strerror(errno));
        }
        char head[5];
        if (fread(head, 1, 5, f) == 5 && memcmp(head, "From ", 5) == 0) {
            rewind(f);
            s->mbox = f;
        } else {
            fclose(f);
            s->files = malloc(sizeof *s->files);
            if (s->files == NULL || (s->files[0] = strdup(path)) == NULL)
                rc = MTRK_ENOMEM;
            else
                s->nfiles = 1;
        }
    }
    if (rc) {
        mtrk_bounce_source_close(s);
        return gerr(rc, "out of memory");
    }
    *out = s;
    return MTRK_OK;
}

/* Reads one line (any ending) of the mbox into *line; false at the end. */
static bool mbox_line(FILE *f, char **line, size_t *cap, size_t *len)
{
    ssize_t n = getline(line, cap, f);
    if (n < 0)
        return false;
    *len = (size_t)n;
    return true;
}

static int finish(mtrk_bounce_report **out, mtrk_bounce_source *s, const char *data, size_t len, bool too_long)
{
    if (too_long)
        return gerr(MTRK_ETOOLONG, "%s: message over %u octets", s->origin, MTRK_MAX_BOUNCE_MESSAGE);
    int rc = mtrk_bounce_parse(out, data, len);
    if (rc) {
        /* the parser's message without its code's name, which gerr puts back */
        const char *m = mtrk_last_errmsg(), *name = mtrk_strerror(rc);
        size_t n = strlen(name);
        if (strncmp(m, name, n) == 0 && strncmp(m + n, ": ", 2) == 0)
            m += n + 2;
        char msg[512];
        snprintf(msg, sizeof msg, "%s", m);
        return gerr(rc, "%s: %s", s->origin, msg);
    }
    if (bounce_report_set_origin(*out, s->origin)) {
        mtrk_bounce_report_free(*out);
        *out = NULL;
        return gerr(MTRK_ENOMEM, "out of memory");
    }
    return MTRK_OK;
}

MTRK_API int mtrk_bounce_source_next(mtrk_bounce_report **out, mtrk_bounce_source *s)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (s == NULL)
        return gerr(MTRK_EINVAL, "source is NULL");
    if (s->mbox) {
        char *line = NULL;
        size_t cap = 0, len = 0, n = 0;
        char *buf = NULL;
        size_t bcap = 0;
        bool any = false, too_long = false;
        if (!s->mbox_pending) {
            /* the first "From " line */
            if (!mbox_line(s->mbox, &line, &cap, &len)) {
                free(line);
                return MTRK_ITEROVER;
            }
        }
        s->mbox_pending = 0;
        while (mbox_line(s->mbox, &line, &cap, &len)) {
            if (len >= 5 && memcmp(line, "From ", 5) == 0) {
                s->mbox_pending = 1;
                break;
            }
            any = true;
            const char *l = line;
            if (len >= 6 && memcmp(line, ">From ", 6) == 0) { /* mboxrd quoting */
                l++;
                len--;
            }
            if (too_long || n + len > MTRK_MAX_BOUNCE_MESSAGE) {
                too_long = true;
                continue;
            }
            if (n + len + 1 > bcap) {
                size_t nc = bcap ? bcap * 2 : 8192;
                while (nc < n + len + 1)
                    nc *= 2;
                char *nb = realloc(buf, nc);
                if (nb == NULL) {
                    free(buf);
                    free(line);
                    return gerr(MTRK_ENOMEM, "out of memory");
                }
                buf = nb;
                bcap = nc;
            }
            memcpy(buf + n, l, len);
            n += len;
        }
        free(line);
        if (!any && !s->mbox_pending && s->mbox_index > 0 && n == 0) {
            free(buf);
            return MTRK_ITEROVER;
        }
        s->mbox_index++;
        snprintf(s->origin, sizeof s->origin, "%s:%zu", s->path, s->mbox_index);
        int rc = finish(out, s, buf ? buf : "", n, too_long);
        free(buf);
        return rc;
    }
    if (s->next >= s->nfiles)
        return MTRK_ITEROVER;
    const char *path = s->files[s->next++];
    snprintf(s->origin, sizeof s->origin, "%s", path);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return gerr(MTRK_ENOTFOUND, "%s: %s", path, strerror(errno));
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    bool too_long = false;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        if (cap > MTRK_MAX_BOUNCE_MESSAGE) {
            too_long = true;
            break;
        }
        char *nb = realloc(buf, cap * 2);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf == NULL)
        return gerr(MTRK_ENOMEM, "out of memory");
    int rc = finish(out, s, buf, n, too_long || n > MTRK_MAX_BOUNCE_MESSAGE);
    free(buf);
    return rc;
}

MTRK_API const char *mtrk_bounce_source_origin(const mtrk_bounce_source *s)
{
    return s ? s->origin : "";
}
