/* contacts import: a streamed CSV import in bounded memory.
 *
 * Rows are read one physical line at a time into libcsv (so every record is
 * known by the line it starts on), each row is added with mtrk_contact_add
 * (one transaction each; the API has no multi-contact add) and audience
 * memberships are added in batches of IMPORT_BATCH. "Duplicate within the
 * file" is detected with a set of 64-bit hashes of the lower-cased
 * normalized address: 8 bytes per distinct address (16 MB of table at
 * 1,000,000 rows), never the addresses themselves. A 64-bit collision
 * (odds about 3e-8 at a million rows) would reject a row as a duplicate; it
 * would be in the rejects file, never silently lost. */
#include "cli.h"

#include <csv.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define IMPORT_BATCH 1000
#define MAX_COLS 256

/* ---- a set of 64-bit hashes ----------------------------------------------- */
typedef struct hset { uint64_t *v; size_t cap, n; } hset;

static uint64_t hash64(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a, then a final mix */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h ? h : 1;
}

/* 1 if added, 0 if present, -1 on allocation failure. */
static int hset_add(hset *s, uint64_t h)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 4096;
        uint64_t *nv = calloc(ncap, sizeof *nv);
        if (nv == NULL)
            return -1;
        for (size_t i = 0; i < s->cap; i++) {
            if (s->v[i] == 0)
                continue;
            size_t j = s->v[i] & (ncap - 1);
            while (nv[j])
                j = (j + 1) & (ncap - 1);
            nv[j] = s->v[i];
        }
        free(s->v);
        s->v = nv;
        s->cap = ncap;
    }
    size_t j = h & (s->cap - 1);
    while (s->v[j]) {
        if (s->v[j] == h)
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->v[j] = h;
    s->n++;
    return 1;
}

/* ---- the import state --------------------------------------------------- */
typedef struct import {
    cli_ctx *c;
    FILE *rej;
    char *fields[MAX_COLS];
    size_t nfields;
    bool overflow;
    bool header_done;
    int addr_col, name_col;
    char *keys[MAX_COLS]; /* custom field keys by column, NULL for none */
    size_t ncols;
    long rec_line;        /* the line the current record started on */
    uint64_t read, added, present, rejected;
    hset seen;
    mtrk_id audience;
    bool has_audience;
    mtrk_id *pending;
    size_t npending;
    int fatal;            /* an exit status that stops the import */
} import;

static void reject(import *im, const char *addr, const char *fmt, const char *detail)
{
    char reason[600];
    snprintf(reason, sizeof reason, fmt, detail ? detail : "");
    csv_num(im->rej, im->rec_line, true);
    csv_cell(im->rej, reason, false);
    csv_cell(im->rej, addr && utf8_ok(addr, strlen(addr)) ? addr : "", false);
    csv_end(im->rej);
    im->rejected++;
}

static void on_field(void *s, size_t len, void *ud)
{
    import *im = ud;
    if (im->nfields == MAX_COLS) {
        im->overflow = true;
        return;
    }
    char *f = malloc(len + 1);
    if (f == NULL) {
        im->fatal = data_err(im->c, "out of memory");
        return;
    }
    memcpy(f, s, len);
    f[len] = '\0';
    im->fields[im->nfields++] = f;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t k = strspn(s, " \t");
    if (k)
        memmove(s, s + k, n - k + 1);
}

static int do_header(import *im)
{
    im->addr_col = im->name_col = -1;
    im->ncols = im->nfields;
    for (size_t i = 0; i < im->nfields; i++) {
        char *h = im->fields[i];
        trim(h);
        if (!utf8_ok(h, strlen(h)))
            return data_err(im->c, "header column %zu is not valid UTF-8", i + 1);
        lower(h);
        if (strcmp(h, "address") == 0 || strcmp(h, "email") == 0 || strcmp(h, "e-mail") == 0 ||
            strcmp(h, "email_address") == 0) {
            if (im->addr_col >= 0)
                return data_err(im->c, "header: two address columns (%d and %zu)", im->addr_col + 1, i + 1);
            im->addr_col = (int)i;
        } else if (strcmp(h, "name") == 0 || strcmp(h, "full_name") == 0) {
            im->name_col = (int)i;
        } else if (*h) {
            if (strlen(h) > MTRK_MAX_FIELD_KEY)
                return data_err(im->c, "header column %zu: field name longer than %d", i + 1, MTRK_MAX_FIELD_KEY);
            im->keys[i] = strdup(h);
        }
    }
    if (im->addr_col < 0)
        return data_err(im->c, "header: no address column (address, email, e-mail or email_address)");
    return 0;
}

static int flush_members(import *im)
{
    if (!im->has_audience || im->npending == 0)
        return 0;
    int rc = mtrk_audience_add_batch(NULL, im->c->t, im->audience, im->pending, im->npending);
    im->npending = 0;
    if (rc)
        return lib_err(im->c, rc, "adding contacts to the audience");
    return 0;
}

static void do_row(import *im)
{
    im->read++;
    if (im->overflow) {
        reject(im, NULL, "more than %s fields", "256");
        return;
    }
    if (im->nfields > im->ncols) {
        char d[96];
        snprintf(d, sizeof d, "%zu fields where the header has %zu", im->nfields, im->ncols);
        reject(im, NULL, "%s", d);
        return;
    }
    for (size_t i = 0; i < im->nfields; i++) {
        if (!utf8_ok(im->fields[i], strlen(im->fields[i]))) {
            char d[64];
            snprintf(d, sizeof d, "%zu", i + 1);
            reject(im, NULL, "bad encoding: column %s is not valid UTF-8", d);
            return;
        }
    }
    const char *raw = (size_t)im->addr_col < im->nfields ? im->fields[im->addr_col] : "";
    char norm[MTRK_MAX_ADDRESS + 1];
    if (mtrk_address_normalize(norm, sizeof norm, raw) != MTRK_OK) {
        reject(im, raw, "invalid address: %s", mtrk_last_errmsg());
        return;
    }
    char key[MTRK_MAX_ADDRESS + 1];
    strcpy(key, norm);
    lower(key);
    int fresh = hset_add(&im->seen, hash64(key));
    if (fresh < 0) {
        im->fatal = data_err(im->c, "out of memory");
        return;
    }
    if (fresh == 0) {
        reject(im, raw, "duplicate within the file%s", NULL);
        return;
    }
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    if (im->name_col >= 0 && (size_t)im->name_col < im->nfields && *im->fields[im->name_col])
        spec.name = im->fields[im->name_col];
    spec.consent_source = "import";
    mtrk_id id;
    int created = 0;
    int rc = mtrk_contact_add(&id, &created, im->c->t, norm, &spec);
    if (rc == MTRK_ESTORE || rc == MTRK_EBUSY || rc == MTRK_ENOMEM) {
        im->fatal = lib_err(im->c, rc, "line %ld", im->rec_line);
        return;
    }
    if (rc) {
        reject(im, raw, "%s", mtrk_last_errmsg());
        return;
    }
    if (created) {
        im->added++;
        /* Custom fields are set on new contacts only: an import never
         * overwrites what an existing contact holds. */
        for (size_t i = 0; i < im->nfields; i++) {
            if (im->keys[i] == NULL || *im->fields[i] == '\0')
                continue;
            rc = mtrk_contact_set_field(im->c->t, id, im->keys[i], im->fields[i]);
            if (rc) {
                char d[700];
                snprintf(d, sizeof d, "field %s not set (contact added): %s", im->keys[i], mtrk_last_errmsg());
                reject(im, raw, "%s", d);
                im->rejected--; /* the contact is in: a warning, not a reject */
                fprintf(stderr, "mtrk contacts import: line %ld: %s\n", im->rec_line, d);
            }
        }
    } else {
        im->present++;
    }
    if (im->has_audience) {
        im->pending[im->npending++] = id;
        if (im->npending == IMPORT_BATCH)
            im->fatal = flush_members(im);
    }
}

static void on_row(int term, void *ud)
{
    (void)term;
    import *im = ud;
    if (im->fatal == 0) {
        if (!im->header_done) {
            im->header_done = true;
            im->fatal = do_header(im);
        } else if (!(im->nfields == 1 && im->fields[0][0] == '\0')) { /* skip blank lines */
            do_row(im);
        }
    }
    for (size_t i = 0; i < im->nfields; i++)
        free(im->fields[i]);
    im->nfields = 0;
    im->overflow = false;
}

static void progress(const import *im, long pos, long size, bool done)
{
    int pct = size > 0 ? (int)(pos * 100 / size) : 100;
    int bar = pct * 30 / 100;
    fprintf(stderr, "\r[%.*s%*s] %3d%% %llu rows", bar, "##############################", 30 - bar, "", pct,
            (unsigned long long)im->read);
    if (done)
        fputc('\n', stderr);
}

int contacts_import_stream(cli_ctx *c, FILE *in, const char *path, long size, FILE *rej, const mtrk_id *audience,
                           import_counts *counts)
{
    import im = { 0 };
    im.c = c;
    im.rej = rej;
    if (audience) {
        im.audience = *audience;
        im.has_audience = true;
    }
    im.pending = malloc(IMPORT_BATCH * sizeof *im.pending);
    if (im.pending == NULL)
        return data_err(c, "out of memory");
    bool tty = isatty(2) && size > 0;

    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    bool in_record = false;
    int st = 0;
    while (st == 0 && im.fatal == 0 && (n = getline(&line, &cap, in)) > 0) {
        lineno++;
        if (!in_record)
            im.rec_line = lineno;
        if (csv_parse(&p, line, (size_t)n, on_field, on_row, &im) != (size_t)n)
            st = data_err(c, "%s: line %ld: %s", path, lineno, csv_strerror(csv_error(&p)));
        /* The parser is back at "row not begun" when the record ended on
         * this line; otherwise the line continues a quoted field. */
        in_record = p.pstate != 0;
        if (tty && (lineno & 4095) == 0)
            progress(&im, ftell(in), size, false);
    }
    if (st == 0 && im.fatal == 0) {
        csv_fini(&p, on_field, on_row, &im);
    }
    if (st == 0 && ferror(in))
        st = data_err(c, "%s: read error", path);
    if (st == 0 && im.fatal == 0)
        im.fatal = flush_members(&im);
    if (st == 0)
        st = im.fatal;
    if (st == 0 && !im.header_done)
        st = data_err(c, "%s: empty file (no header row)", path);
    if (tty)
        progress(&im, size, size, true);
    csv_free(&p);
    free(line);
    /* A fatal error or a parse error stops before the record's end: the
     * fields collected for it so far are never handed to on_row. */
    for (size_t i = 0; i < im.nfields; i++)
        free(im.fields[i]);
    for (size_t i = 0; i < MAX_COLS; i++)
        free(im.keys[i]);
    free(im.pending);
    free(im.seen.v);
    counts->read = im.read;
    counts->added = im.added;
    counts->present = im.present;
    counts->rejected = im.rejected;
    return st;
}

int cmd_contacts_import(cli_ctx *c, cli_args *a)
{
    const char *path = a->pos[0];
    mtrk_id audience;
    bool has_audience = false;
    if (opt(a, "audience")) {
        int st = resolve_audience(&audience, c, opt(a, "audience"));
        if (st)
            return st;
        has_audience = true;
    }
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (in == NULL)
        return data_err(c, "%s: cannot open: %m", path);
    char rejbuf[4096];
    const char *rej_path = opt(a, "rejects");
    if (rej_path == NULL) {
        snprintf(rejbuf, sizeof rejbuf, "%s.rejects.csv", strcmp(path, "-") == 0 ? "stdin" : path);
        rej_path = rejbuf;
    }
    FILE *rej = fopen(rej_path, "wb");
    if (rej == NULL) {
        if (in != stdin)
            fclose(in);
        return data_err(c, "%s: cannot write the rejects file: %m", rej_path);
    }
    fputs("line,reason,address\r\n", rej);
    struct stat sb;
    long size = (in != stdin && fstat(fileno(in), &sb) == 0) ? (long)sb.st_size : 0;
    import_counts im = { 0 };
    int st = contacts_import_stream(c, in, path, size, rej, has_audience ? &audience : NULL, &im);
    if (in != stdin)
        fclose(in);
    if (fclose(rej) != 0 && st == 0)
        st = data_err(c, "%s: writing the rejects file failed", rej_path);
    if (c->json) {
        printf("{\"file\":");
        json_str(stdout, path);
        printf(",\"read\":%llu,\"added\":%llu,\"already_present\":%llu,\"rejected\":%llu,\"rejects_file\":",
               (unsigned long long)im.read, (unsigned long long)im.added, (unsigned long long)im.present,
               (unsigned long long)im.rejected);
        json_str(stdout, rej_path);
        printf(",\"complete\":%s}\n", st == 0 ? "true" : "false");
    } else {
        printf("%s: read %llu, added %llu, already present %llu, rejected %llu", path, (unsigned long long)im.read,
               (unsigned long long)im.added, (unsigned long long)im.present, (unsigned long long)im.rejected);
        if (im.rejected)
            printf(" (see %s)", rej_path);
        putchar('\n');
    }
    if (st == 0 && im.rejected)
        st = EXIT_DATA; /* the good rows are in; the exit status tells a script some were not */
    return st;
}
