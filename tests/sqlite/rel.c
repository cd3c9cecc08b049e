/* Helpers of the SQLite reliability tests (see rel.h). */
#include "rel.h"

#include <ftw.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void rel_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL [%d]: ", (int)getpid());
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    fflush(stderr);
    _exit(1);
}

int64_t rel_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void rel_mkdtemp(char *out, size_t size, const char *tag)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || *tmp == '\0')
        tmp = "/tmp";
    if ((size_t)snprintf(out, size, "%s/mtrk-%s-XXXXXX", tmp, tag) >= size || mkdtemp(out) == NULL)
        rel_die("cannot make a temporary directory under %s", tmp);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void rel_rmdir(const char *dir)
{
    nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

void rel_scn_create(rel_scn *s, const char *path, size_t ncontacts)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    REL_OK(mtrk_db_open(&db, path, NULL), t);
    REL_OK(mtrk_tenant_create(&t, db, REL_TENANT, "test:rel"), t);
    mtrk_id aud, camp;
    REL_OK(mtrk_audience_create(&aud, t, "all"), t);
    for (size_t i = 0; i < ncontacts; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "c%zu@example.com", i);
        mtrk_id c;
        REL_OK(mtrk_contact_add(&c, NULL, t, addr, NULL), t);
        REL_OK(mtrk_audience_add(NULL, t, aud, c), t);
    }
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "reliability";
    spec.subject = "hello";
    spec.from_address = "news@example.com";
    spec.text = "hello";
    REL_OK(mtrk_campaign_create(&camp, t, &spec), t);
    REL_OK(mtrk_campaign_attach_audience(NULL, t, camp, aud), t);
    REL_OK(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SCHEDULED), t);
    REL_OK(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SENDING), t);
    mtrk_generate_report rep;
    REL_OK(mtrk_generate_report_init(&rep, MTRK_GENERATE_REPORT_VERSION), t);
    REL_OK(mtrk_campaign_generate(&rep, t, camp), t);
    if (rep.created != ncontacts)
        rel_die("generated %llu messages, expected %zu", (unsigned long long)rep.created, ncontacts);
    rel_scn_load(s, t);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

void rel_scn_load(rel_scn *s, mtrk_tenant *t)
{
    memset(s, 0, sizeof *s);
    mtrk_campaign_iter *ci = NULL;
    const mtrk_campaign *c = NULL;
    REL_OK(mtrk_campaign_iter_new(&ci, t), t);
    REL_OK(mtrk_campaign_iter_next(&c, ci), t);
    s->campaign = mtrk_campaign_id(c);
    mtrk_campaign_iter_free(ci);
    mtrk_message_iter *mi = NULL;
    REL_OK(mtrk_message_iter_new(&mi, t, s->campaign), t);
    size_t cap = 0;
    for (;;) {
        mtrk_message_info info;
        REL_OK(mtrk_message_info_init(&info, MTRK_MESSAGE_INFO_VERSION), t);
        int rc = mtrk_message_iter_next(&info, mi);
        if (rc == MTRK_ITEROVER)
            break;
        REL_OK(rc, t);
        if (s->nmids == cap) {
            cap = cap ? 2 * cap : 256;
            s->mids = realloc(s->mids, cap * sizeof *s->mids);
            if (s->mids == NULL)
                rel_die("out of memory");
        }
        s->mids[s->nmids++] = info.mid;
    }
    mtrk_message_iter_free(mi);
}

void rel_scn_free(rel_scn *s)
{
    free(s->mids);
    memset(s, 0, sizeof *s);
}

int rel_record(mtrk_tenant *t, const rel_scn *s, const char *tag, uint64_t first, size_t n)
{
    static const mtrk_event_type types[] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN, MTRK_EV_OPEN,
                                             MTRK_EV_OPEN, MTRK_EV_DEFERRED };
    mtrk_event_input *in = calloc(n, sizeof *in);
    mtrk_event_outcome *out = calloc(n, sizeof *out);
    const mtrk_event_input **pin = calloc(n, sizeof *pin);
    mtrk_event_outcome **pout = calloc(n, sizeof *pout);
    char (*ids)[64] = calloc(n, sizeof *ids);
    if (!in || !out || !pin || !pout || !ids)
        rel_die("out of memory");
    for (size_t i = 0; i < n; i++) {
        uint64_t k = first + i;
        mtrk_event_input_init(&in[i], MTRK_EVENT_INPUT_VERSION);
        mtrk_event_outcome_init(&out[i], MTRK_EVENT_OUTCOME_VERSION);
        in[i].type = types[k % (sizeof types / sizeof types[0])];
        in[i].mid = s->mids[(k * 2654435761u) % s->nmids];
        in[i].occurred_at = 1767225600000 + (int64_t)(k % 100000) * 1000;
        in[i].provider = REL_PROVIDER;
        snprintf(ids[i], sizeof ids[i], "%s-%llu", tag, (unsigned long long)k);
        in[i].provider_event_id = ids[i];
        pin[i] = &in[i];
        pout[i] = &out[i];
    }
    size_t recorded = 0;
    int rc = mtrk_event_record_batch(&recorded, pout, t, pin, n);
    if (rc == MTRK_OK) {
        for (size_t i = 0; i < n; i++)
            if (out[i].status != MTRK_OK || out[i].duplicate)
                rel_die("event %s: status %d duplicate %d", ids[i], out[i].status, out[i].duplicate);
        if (recorded != n)
            rel_die("recorded %zu of %zu", recorded, n);
    }
    free(in);
    free(out);
    free(pin);
    free(pout);
    free(ids);
    return rc;
}

void rel_check_integrity(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        rel_die("integrity: cannot open %s: %s", path, sqlite3_errmsg(db));
    sqlite3_busy_timeout(db, 30000);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW)
        rel_die("integrity: %s", sqlite3_errmsg(db));
    const char *res = (const char *)sqlite3_column_text(st, 0);
    if (res == NULL || strcmp(res, "ok") != 0)
        rel_die("integrity_check of %s: %s", path, res ? res : "(null)");
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
        rel_die("foreign_key_check: %s", sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        rel_die("foreign_key_check of %s: table %s violates a foreign key", path,
                (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

#define M_FIELDS(X)                                                                                       \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit) X(bounced_hard) X(bounced_soft)      \
    X(complaints) X(unsubscribes) X(opens_total) X(opens_unique) X(opens_unique_human) X(opens_machine)     \
    X(opens_inferred) X(clicks_total) X(clicks_unique) X(clicks_unique_human) X(clicks_machine)             \
    X(leads_total) X(leads_attributed) X(leads_forwarded)

void rel_check_rollups(mtrk_tenant *t, mtrk_id campaign)
{
    mtrk_metrics before, after;
    REL_OK(mtrk_metrics_init(&before, MTRK_METRICS_VERSION), t);
    REL_OK(mtrk_metrics_init(&after, MTRK_METRICS_VERSION), t);
    REL_OK(mtrk_metrics_campaign(&before, t, campaign), t);
    REL_OK(mtrk_metrics_rebuild(t), t);
    REL_OK(mtrk_metrics_campaign(&after, t, campaign), t);
#define X_(f)                                                                                              \
    if (before.f != after.f)                                                                               \
        rel_die("rollup %s: %llu kept, %llu rebuilt", #f, (unsigned long long)before.f,                     \
                (unsigned long long)after.f);
    M_FIELDS(X_)
#undef X_
}

void rel_each_event_id(const char *path, void (*fn)(void *ud, const char *peid), void *ud)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        rel_die("cannot open %s: %s", path, sqlite3_errmsg(db));
    sqlite3_busy_timeout(db, 30000);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT provider_event_id FROM events WHERE provider = '" REL_PROVIDER "'", -1, &st,
                           NULL) != SQLITE_OK)
        rel_die("events query: %s", sqlite3_errmsg(db));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(ud, (const char *)sqlite3_column_text(st, 0));
    if (rc != SQLITE_DONE)
        rel_die("events query: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

int64_t rel_q_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare %s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(st) != SQLITE_ROW)
        rel_die("no row for %s: %s", sql, sqlite3_errmsg(db));
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int rel_click_again(mtrk_tenant *t, sqlite3 *db, const char *sql, mtrk_id campaign, const char *what)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare %s: %s", sql, sqlite3_errmsg(db));
    sqlite3_bind_blob(st, 1, campaign.bytes, sizeof campaign.bytes, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
        in.type = MTRK_EV_CLICK;
        memcpy(in.mid.bytes, sqlite3_column_blob(st, 0), sizeof in.mid.bytes);
        memcpy(in.lid.bytes, sqlite3_column_blob(st, 1), sizeof in.lid.bytes);
        in.verdict = MTRK_VERDICT_HUMAN;
        in.provider = "esp";
        char peid[32];
        snprintf(peid, sizeof peid, "after-%d", n++);
        in.provider_event_id = peid;
        REL_OK(mtrk_event_record(NULL, t, &in), t);
    }
    sqlite3_finalize(st);
    if (n == 0)
        rel_die("%s", what);
    return n;
}

void rel_expect(int64_t got, int64_t want, const char *what)
{
    if (got != want)
        rel_die("%s: %lld, expected %lld", what, (long long)got, (long long)want);
}

void rel_copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (in == NULL || out == NULL)
        rel_die("cannot copy %s to %s", from, to);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            rel_die("cannot write %s", to);
    fclose(in);
    if (fclose(out) != 0)
        rel_die("cannot write %s", to);
}

void rel_fixture_copy(const char *fixture, const char *tag, const char *name, char *dir, size_t dsize, char *path,
                      size_t psize)
{
    rel_mkdtemp(dir, dsize, tag);
    snprintf(path, psize, "%s/%s", dir, name);
    rel_copy_file(fixture, path);
}

sqlite3 *rel_open_at(const char *path, int64_t version, const char *what)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    rel_expect(rel_q_int(db, "PRAGMA user_version"), version, what);
    return db;
}
