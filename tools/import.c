/* contacts import: a streamed CSV import in bounded memory.
 *
 * Rows are read one physical line at a time (at most IMPORT_MAX_RECORD
 * octets) into libcsv in strict mode (RFC 4180 quoting), so every record is
 * known by the line it starts on and its original text is at hand for the
 * rejects file. A record that is malformed (a stray quote), still open at the
 * end of the input (an unclosed quote) or longer than IMPORT_MAX_RECORD is
 * rejected by its first line, and reading starts again at the line after it:
 * the lines a bad quote would have swallowed are read as rows of their own,
 * never merged into another row. Each row is added with mtrk_contact_add
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

/* ---- lines kept in memory (a record's, and those to read again) -------- */
typedef struct span {
    long no;        /* physical line number */
    size_t off, len;
    bool overlong;  /* longer than IMPORT_MAX_RECORD: not kept */
} span;
typedef struct lines {
    char *b;
    size_t n, cap;
    span *l;
    size_t nl, capl, head; /* head: the next line to read again */
} lines;

static int lines_push(lines *x, long no, const char *s, size_t n, bool overlong)
{
    if (x->n + n > x->cap) {
        size_t nc = x->cap ? x->cap : 4096;
        while (nc < x->n + n)
            nc *= 2;
        char *nb = realloc(x->b, nc);
        if (nb == NULL)
            return -1;
        x->b = nb;
        x->cap = nc;
    }
    if (x->nl == x->capl) {
        size_t nc = x->capl ? x->capl * 2 : 16;
        span *nl = realloc(x->l, nc * sizeof *nl);
        if (nl == NULL)
            return -1;
        x->l = nl;
        x->capl = nc;
    }
    if (n)
        memcpy(x->b + x->n, s, n);
    x->l[x->nl++] = (span){ no, x->n, n, overlong };
    x->n += n;
    return 0;
}

static void lines_clear(lines *x) { x->n = x->nl = x->head = 0; }
static void lines_free(lines *x) { free(x->b); free(x->l); }

/* A line without its terminator. */
static size_t chomp(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n;
}

/* ---- the import state --------------------------------------------------- */
typedef struct import {
    cli_ctx *c;
    FILE *rej;
    const char *path;
    char delim;
    char *fields[MAX_COLS];
    size_t nfields;       /* fields of the current record (kept or not) */
    size_t nstored;       /* of which in fields[] */
    bool overflow;        /* more than MAX_COLS fields */
    bool extra_nonempty;  /* a field past the header's columns holds something */
    size_t nul_col;       /* 1-based column holding a NUL byte (0: none) */
    bool header_done;
    int addr_col, name_col;
    char *keys[MAX_COLS]; /* custom field keys by column, NULL for none */
    size_t ncols;
    long rec_line;        /* the line the current record started on */
    lines rec;            /* the current record's lines, as read */
    uint64_t read, added, present, rejected;
    hset seen;
    mtrk_id audience;
    bool has_audience;
    mtrk_id *pending;
    long pending_line;    /* the line of the first pending member */
    size_t npending;
    long busy_from;       /* the first line not recorded because the database was busy */
    int fatal;            /* an exit status that stops the import */
} import;

/* One rejects-file row: line, reason, address, and the original record. */
static void reject_raw(import *im, long line, const char *addr, const char *reason, const char *row, size_t rowlen)
{
    csv_num(im->rej, line, true);
    csv_cell(im->rej, reason, false);
    csv_cell(im->rej, addr && utf8_ok(addr, strlen(addr)) ? addr : "", false);
    csv_cell_n(im->rej, row, rowlen, false);
    csv_end(im->rej);
    im->rejected++;
}

static void reject(import *im, const char *addr, const char *fmt, const char *detail)
{
    char reason[600];
    snprintf(reason, sizeof reason, fmt, detail ? detail : "");
    reject_raw(im, im->rec_line, addr, reason, im->rec.b, chomp(im->rec.b, im->rec.n));
}

static void on_field(void *s, size_t len, void *ud)
{
    import *im = ud;
    size_t col = ++im->nfields;
    if (im->header_done && col > im->ncols) {
        /* Past the header's columns: only whether it holds something matters. */
        if (len)
            im->extra_nonempty = true;
        return;
    }
    if (col > MAX_COLS) {
        im->overflow = true;
        return;
    }
    if (im->nul_col == 0 && len && memchr(s, '\0', len) != NULL)
        im->nul_col = col;
    char *f = malloc(len + 1);
    if (f == NULL) {
        im->fatal = data_err(im->c, "out of memory");
        return;
    }
    if (len)
        memcpy(f, s, len);
    f[len] = '\0';
    im->fields[col - 1] = f;
    im->nstored = col;
}

static void drop_fields(import *im)
{
    size_t n = im->nstored;
    im->nstored = 0;
    for (size_t i = 0; i < n; i++) {
        free(im->fields[i]);
        im->fields[i] = NULL;
    }
    im->nfields = 0;
    im->overflow = false;
    im->extra_nonempty = false;
    im->nul_col = 0;
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
    if (im->overflow)
        return data_err(im->c, "%s: header: more than %d columns", im->path, MAX_COLS);
    if (im->nul_col)
        return data_err(im->c, "%s: header column %zu holds a NUL byte", im->path, im->nul_col);
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
        return data_err(im->c, "header: no address column (address, email, e-mail or email_address)%s",
                        im->nfields == 1 ? "; the header is one column with this delimiter: give --delimiter"
                                         : "");
    return 0;
}

static void busy_at(import *im, long line)
{
    if (im->busy_from == 0 || line < im->busy_from)
        im->busy_from = line;
}

static int flush_members(import *im)
{
    if (!im->has_audience || im->npending == 0)
        return 0;
    int rc = mtrk_audience_add_batch(NULL, im->c->t, im->audience, im->pending, im->npending);
    im->npending = 0;
    if (rc == MTRK_EBUSY)
        busy_at(im, im->pending_line);
    if (rc)
        return lib_err(im->c, rc, "adding the contacts of lines %ld-%ld to the audience", im->pending_line,
                       im->rec_line);
    return 0;
}

static void do_row(import *im)
{
    im->read++;
    if (im->overflow) {
        reject(im, NULL, "more than %s fields", "256");
        return;
    }
    if (im->nfields > im->ncols && im->extra_nonempty) {
        char d[160];
        snprintf(d, sizeof d, "%zu fields where the header has %zu, and the fields past the header are not empty",
                 im->nfields, im->ncols);
        reject(im, NULL, "%s", d);
        return;
    }
    size_t nf = im->nstored;
    if (im->nul_col) {
        char d[64];
        snprintf(d, sizeof d, "%zu", im->nul_col);
        reject(im, NULL, "bad encoding: column %s holds a NUL byte", d);
        return;
    }
    for (size_t i = 0; i < nf; i++) {
        if (!utf8_ok(im->fields[i], strlen(im->fields[i]))) {
            char d[64];
            snprintf(d, sizeof d, "%zu", i + 1);
            reject(im, NULL, "bad encoding: column %s is not valid UTF-8", d);
            return;
        }
    }
    const char *raw = (size_t)im->addr_col < nf ? im->fields[im->addr_col] : "";
    char norm[MTRK_MAX_ADDRESS + 1];
    if (mtrk_address_normalize(norm, sizeof norm, raw) != MTRK_OK) {
        reject(im, raw, "invalid address: %s", mtrk_last_errmsg());
        return;
    }
    char key[MTRK_MAX_ADDRESS + 1];
    strcpy(key, norm);
    lower(key);
    uint64_t h = hash64(key);
    int fresh = hset_add(&im->seen, h);
    if (fresh < 0) {
        im->fatal = data_err(im->c, "out of memory");
        return;
    }
    if (fresh == 0) {
        reject(im, raw, "duplicate within the file%s", NULL);
        return;
    }
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    if (im->name_col >= 0 && (size_t)im->name_col < nf && *im->fields[im->name_col])
        spec.name = im->fields[im->name_col];
    spec.consent_source = "import";
    mtrk_id id;
    int created = 0;
    int rc = mtrk_contact_add(&id, &created, im->c->t, norm, &spec);
    if (rc == MTRK_ESTORE || rc == MTRK_EBUSY || rc == MTRK_ENOMEM) {
        if (rc == MTRK_EBUSY)
            busy_at(im, im->rec_line);
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
        for (size_t i = 0; i < nf; i++) {
            if (im->keys[i] == NULL || *im->fields[i] == '\0')
                continue;
            rc = mtrk_contact_set_field(im->c->t, id, im->keys[i], im->fields[i]);
            if (rc == MTRK_EBUSY) {
                busy_at(im, im->rec_line);
                im->fatal = lib_err(im->c, rc, "line %ld: field %s", im->rec_line, im->keys[i]);
                return;
            }
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
        if (im->npending == 0)
            im->pending_line = im->rec_line;
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
            im->fatal = do_header(im);
            im->header_done = true;
        } else if (!(im->nfields == 1 && im->fields[0][0] == '\0')) { /* skip blank lines */
            do_row(im);
        }
    }
    drop_fields(im);
}

/* The delimiter of a header line: the most frequent of , ; and tab outside
 * quotes (a tie goes to the first of them; none at all: a comma). */
static char detect_delim(const char *s, size_t n)
{
    size_t count[3] = { 0, 0, 0 };
    bool q = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            q = !q;
        else if (!q)
            count[0] += s[i] == ',', count[1] += s[i] == ';', count[2] += s[i] == '\t';
    }
    int best = 0;
    for (int i = 1; i < 3; i++)
        if (count[i] > count[best])
            best = i;
    return ",;\t"[best];
}

static int blank_only(unsigned char ch) { return ch == ' '; }

static void parser_init(struct csv_parser *p, char delim)
{
    csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_delim(p, (unsigned char)delim);
    if (delim == '\t')
        csv_set_space_func(p, blank_only); /* a tab separates; only blanks are space */
}

/* The current record is malformed, too long or unclosed: its first line is
 * rejected, the parser starts afresh, and the record's other lines (then
 * `cur`, when it was not taken into the record, then the lines that were
 * waiting) are read again. */
static int fail_record(import *im, struct csv_parser *p, lines *again, const span *cur, const char *curtext,
                       const char *reason)
{
    drop_fields(im);
    csv_free(p);
    parser_init(p, im->delim);
    const span *first = &im->rec.l[0];
    if (!im->header_done) {
        im->header_done = true;
        return data_err(im->c, "%s: line %ld: header: %s", im->path, first->no, reason);
    }
    im->read++;
    /* The address column, when it comes before the damage: the line's
     * text up to that column's delimiter, if it holds no quote. */
    char addr[MTRK_MAX_ADDRESS + 1] = "";
    if (!first->overlong && im->addr_col >= 0) {
        const char *t = im->rec.b + first->off, *end = t + chomp(t, first->len);
        for (int col = 0; col < im->addr_col && t < end; col++) {
            const char *d = memchr(t, im->delim, (size_t)(end - t));
            t = d ? d + 1 : end;
        }
        const char *d = memchr(t, im->delim, (size_t)(end - t));
        size_t n = (size_t)((d ? d : end) - t);
        if (t < end && n <= MTRK_MAX_ADDRESS && memchr(im->rec.b + first->off, '"', (size_t)((d ? d : end) - (im->rec.b + first->off))) == NULL) {
            memcpy(addr, t, n);
            addr[n] = '\0';
        }
    }
    reject_raw(im, first->no, addr, reason, first->overlong ? NULL : im->rec.b + first->off,
               first->overlong ? 0 : chomp(im->rec.b + first->off, first->len));
    lines next = { 0 };
    int rc = 0;
    for (size_t i = 1; rc == 0 && i < im->rec.nl; i++)
        rc = lines_push(&next, im->rec.l[i].no, im->rec.b + im->rec.l[i].off, im->rec.l[i].len, im->rec.l[i].overlong);
    if (rc == 0 && cur)
        rc = lines_push(&next, cur->no, curtext, cur->overlong ? 0 : cur->len, cur->overlong);
    for (size_t i = again->head; rc == 0 && i < again->nl; i++)
        rc = lines_push(&next, again->l[i].no, again->b + again->l[i].off, again->l[i].len, again->l[i].overlong);
    lines_free(again);
    *again = next;
    lines_clear(&im->rec);
    return rc ? data_err(im->c, "out of memory") : 0;
}

int contacts_import_stream(cli_ctx *c, FILE *in, const import_opts *o, FILE *rej, import_counts *counts)
{
    import im = { 0 };
    im.c = c;
    im.rej = rej;
    im.path = o->path;
    if (o->audience) {
        im.audience = *o->audience;
        im.has_audience = true;
    }
    im.pending = malloc(IMPORT_BATCH * sizeof *im.pending);
    line_reader lr;
    if (im.pending == NULL || lr_init(&lr, in, IMPORT_MAX_RECORD)) {
        free(im.pending);
        return data_err(c, "out of memory");
    }
    progress pg;
    progress_start(&pg, o->size, "rows");

    struct csv_parser p;
    bool parser_ready = false;
    lines again = { 0 };
    int st = 0;
    bool first = true;
    char reason[200];
    while (st == 0 && im.fatal == 0) {
        /* The next line: one to read again, or a new one. */
        span cur;
        const char *text;
        if (again.head < again.nl) {
            cur = again.l[again.head++];
            text = again.b + cur.off;
            if (again.head == again.nl)
                lines_clear(&again);
        } else {
            int r = lr_next(&lr);
            if (r < 0) {
                st = data_err(c, "%s: read error", o->path);
                break;
            }
            if (r == 0) {
                /* End of input: a record still open has an unclosed quote. */
                if (im.rec.nl == 0)
                    break;
                if (csv_fini(&p, on_field, on_row, &im) == 0) {
                    lines_clear(&im.rec);
                    break;
                }
                snprintf(reason, sizeof reason,
                         "malformed CSV: unclosed quote (the quoted field that begins in this row is never closed)");
                st = fail_record(&im, &p, &again, NULL, NULL, reason);
                continue;
            }
            cur = (span){ lr.lineno, 0, lr.len, lr.overlong };
            text = lr.buf;
            progress_update(&pg, lr.pos, im.read);
        }
        if (first) {
            first = false;
            if (cur.len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* a UTF-8 byte order mark */
                text += 3;
                cur.len -= 3;
            }
            im.delim = o->delimiter ? o->delimiter : detect_delim(text, cur.len);
            parser_init(&p, im.delim);
            parser_ready = true;
        }
        if (cur.overlong || im.rec.n + cur.len > IMPORT_MAX_RECORD) {
            if (im.rec.nl == 0) {
                /* One physical line longer than the limit: a record of its own. */
                if (lines_push(&im.rec, cur.no, NULL, 0, true)) {
                    st = data_err(c, "out of memory");
                    break;
                }
                snprintf(reason, sizeof reason, "line longer than %d octets (not kept here)", IMPORT_MAX_RECORD);
                st = fail_record(&im, &p, &again, NULL, NULL, reason);
            } else {
                snprintf(reason, sizeof reason,
                         "malformed CSV: a quoted field that begins in this row is not closed within %d octets "
                         "(an unclosed quote?)",
                         IMPORT_MAX_RECORD);
                st = fail_record(&im, &p, &again, &cur, text, reason);
            }
            continue;
        }
        if (im.rec.nl == 0)
            im.rec_line = cur.no;
        if (lines_push(&im.rec, cur.no, text, cur.len, false)) {
            st = data_err(c, "out of memory");
            break;
        }
        size_t done = csv_parse(&p, text, cur.len, on_field, on_row, &im);
        if (done != cur.len) {
            if (csv_error(&p) != CSV_EPARSE) {
                st = data_err(c, "%s: line %ld: %s", o->path, cur.no, csv_strerror(csv_error(&p)));
                break;
            }
            snprintf(reason, sizeof reason,
                     "malformed CSV (line %ld, octet %zu): a quote must begin or end a field, and a quote "
                     "inside a quoted field is written twice",
                     cur.no, done + 1);
            st = fail_record(&im, &p, &again, NULL, NULL, reason);
            continue;
        }
        /* The parser is back at "row not begun" when the record ended on
         * this line; otherwise the line continues a quoted field. */
        if (p.pstate == 0)
            lines_clear(&im.rec);
    }
    if (st == 0 && im.fatal == 0)
        im.fatal = flush_members(&im);
    if (im.busy_from && im.npending)
        busy_at(&im, im.pending_line); /* added, but not yet to the audience */
    if (im.busy_from) {
        /* What was not recorded: from the busy line to the end of the input. */
        long last = lr.lineno;
        while (lr_next(&lr) > 0)
            last = lr.lineno;
        counts->busy_from = im.busy_from;
        counts->busy_to = last > im.busy_from ? last : im.busy_from;
    }
    if (st == 0)
        st = im.fatal;
    if (st == 0 && !im.header_done)
        st = data_err(c, "%s: empty file (no header row)", o->path);
    progress_end(&pg, im.read);
    if (parser_ready)
        csv_free(&p);
    lr_free(&lr);
    lines_free(&again);
    lines_free(&im.rec);
    /* A fatal error or a parse error stops before the record's end: the
     * fields collected for it so far are never handed to on_row. */
    drop_fields(&im);
    for (size_t i = 0; i < MAX_COLS; i++)
        free(im.keys[i]);
    free(im.pending);
    free(im.seen.v);
    counts->read = im.read;
    counts->added = im.added;
    counts->present = im.present;
    counts->rejected = im.rejected;
    counts->delimiter = im.delim ? im.delim : ',';
    return st;
}

/* --delimiter: ",", ";", "tab" (or a tab), or another single punctuation
 * character; "auto" (the default) detects it from the header line. */
static int parse_delim(char *out, cli_ctx *c, const char *v)
{
    *out = 0;
    if (v == NULL || strcmp(v, "auto") == 0)
        return 0;
    if (strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0) {
        *out = '\t';
        return 0;
    }
    if (strlen(v) == 1 && (ispunct((unsigned char)v[0]) || v[0] == '\t') && v[0] != '"') {
        *out = v[0];
        return 0;
    }
    return usage_err(c, "--delimiter \"%s\": one of , ; tab | (or auto)", v);
}

int cmd_contacts_import(cli_ctx *c, cli_args *a)
{
    const char *path = a->pos[0];
    bool from_stdin = strcmp(path, "-") == 0;
    char delim = 0;
    int st = parse_delim(&delim, c, opt(a, "delimiter"));
    if (st)
        return st;
    const char *rej_path = opt(a, "rejects");
    if (from_stdin && rej_path == NULL)
        return usage_err(c, "reading from standard input: say where rejected rows go with --rejects PATH");
    mtrk_id audience;
    bool has_audience = false;
    if (opt(a, "audience")) {
        st = resolve_audience(&audience, c, opt(a, "audience"));
        if (st)
            return st;
        has_audience = true;
    }
    FILE *in = from_stdin ? stdin : fopen(path, "rb");
    if (in == NULL)
        return data_err(c, "%s: cannot open: %m", path);
    char rejbuf[4096];
    if (rej_path == NULL) {
        snprintf(rejbuf, sizeof rejbuf, "%s.rejects.csv", path);
        rej_path = rejbuf;
    }
    struct stat sb, rb;
    if (!from_stdin && stat(rej_path, &rb) == 0 && fstat(fileno(in), &sb) == 0 && sb.st_dev == rb.st_dev &&
        sb.st_ino == rb.st_ino) {
        fclose(in);
        return usage_err(c, "--rejects %s is the file being imported", rej_path);
    }
    FILE *rej = fopen(rej_path, "wb");
    if (rej == NULL) {
        if (in != stdin)
            fclose(in);
        return data_err(c, "%s: cannot write the rejects file: %m", rej_path);
    }
    fputs("line,reason,address,row\r\n", rej);
    import_opts o = { 0 };
    o.path = path;
    o.size = (in != stdin && fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode)) ? (long)sb.st_size : 0;
    o.audience = has_audience ? &audience : NULL;
    o.delimiter = delim;
    import_counts im = { 0 };
    st = contacts_import_stream(c, in, &o, rej, &im);
    if (in != stdin)
        fclose(in);
    if (fclose(rej) != 0 && st == 0)
        st = data_err(c, "%s: writing the rejects file failed", rej_path);
    char dname[8];
    snprintf(dname, sizeof dname, "%s", im.delimiter == '\t' ? "tab" : (char[]){ im.delimiter, 0 });
    if (c->json) {
        printf("{\"file\":");
        json_str(stdout, path);
        printf(",\"read\":%llu,\"added\":%llu,\"already_present\":%llu,\"rejected\":%llu,\"rejects_file\":",
               (unsigned long long)im.read, (unsigned long long)im.added, (unsigned long long)im.present,
               (unsigned long long)im.rejected);
        json_str(stdout, rej_path);
        printf(",\"delimiter\":");
        json_str(stdout, dname);
        printf(",\"not_recorded\":");
        if (im.busy_from)
            printf("{\"first_line\":%ld,\"last_line\":%ld,\"reason\":\"busy\"}", im.busy_from, im.busy_to);
        else
            printf("null");
        printf(",\"complete\":%s}\n", st == 0 ? "true" : "false");
    } else {
        printf("%s: read %llu, added %llu, already present %llu, rejected %llu", path, (unsigned long long)im.read,
               (unsigned long long)im.added, (unsigned long long)im.present, (unsigned long long)im.rejected);
        if (im.rejected)
            printf(" (see %s)", rej_path);
        if (im.delimiter != ',')
            printf("; delimiter %s", dname);
        if (im.busy_from)
            printf("; not recorded: lines %ld-%ld (the database was busy: run the import again)", im.busy_from,
                   im.busy_to);
        else if (st)
            printf("; stopped early");
        putchar('\n');
    }
    if (st == 0 && im.rejected)
        st = EXIT_DATA; /* the good rows are in; the exit status tells a script some were not */
    return st;
}
