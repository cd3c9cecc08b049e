/*
 * Helpers shared by the SQLite reliability tests (crash, contention, bad
 * files): a scenario of contacts, one campaign and its messages; event
 * batches with distinct provider event ids; the checks run after the fact
 * (integrity, exactly-once, rollups equal a rebuild).
 */
#ifndef REL_H
#define REL_H

#include <stddef.h>
#include <stdint.h>

#include <mtrk/mtrk.h>
#include <sqlite3.h>

#define REL_TENANT "rel"
#define REL_PROVIDER "rel"

/* Fails the test: prints the message and exits 1 (safe in children too). */
void rel_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
#define REL_OK(expr, t)                                                                               \
    do {                                                                                              \
        int rc_ = (expr);                                                                             \
        if (rc_ != MTRK_OK)                                                                           \
            rel_die("%s:%d: %s = %s: %s", __FILE__, __LINE__, #expr, mtrk_strerror(rc_),               \
                    (t) ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());                                \
    } while (0)

/* A fresh directory under $TMPDIR (or /tmp); rel_rmdir removes it and its files. */
void rel_mkdtemp(char *out, size_t size, const char *tag);
void rel_rmdir(const char *dir);

/* The scenario: tenant REL_TENANT, ncontacts contacts in one audience, one
 * campaign in sending with a message per contact. Writes the mids (caller
 * frees) and the campaign. */
typedef struct rel_scn {
    mtrk_id campaign;
    mtrk_id *mids;
    size_t nmids;
} rel_scn;
void rel_scn_create(rel_scn *s, const char *path, size_t ncontacts);
/* Reads the scenario back from an existing database. */
void rel_scn_load(rel_scn *s, mtrk_tenant *t);
void rel_scn_free(rel_scn *s);

/* Records events first..first+n-1 (provider event ids "<tag>-<k>") in one
 * batch call, on messages chosen from k. Returns the call's status. */
int rel_record(mtrk_tenant *t, const rel_scn *s, const char *tag, uint64_t first, size_t n);

/* PRAGMA integrity_check of the file is "ok". */
void rel_check_integrity(const char *path);
/* Metrics of the campaign before and after mtrk_metrics_rebuild are equal. */
void rel_check_rollups(mtrk_tenant *t, mtrk_id campaign);

/* Reads the provider event ids of REL_PROVIDER, calling fn for each. */
void rel_each_event_id(const char *path, void (*fn)(void *ud, const char *peid), void *ud);

/* The first column of the one row `sql` gives, as an integer (dies when
 * there is none). */
int64_t rel_q_int(sqlite3 *db, const char *sql);
/* Records a human click, provider "esp", ids "after-0", "after-1", ...,
 * on each (message, link) that `sql` selects with ?1 bound to campaign;
 * returns how many (dies on an error or when there is none: `what`). */
int rel_click_again(mtrk_tenant *t, sqlite3 *db, const char *sql, mtrk_id campaign, const char *what);
/* Dies with `what` unless got == want. */
void rel_expect(int64_t got, int64_t want, const char *what);
/* Copies the file `from` to `to` (dies on failure). */
void rel_copy_file(const char *from, const char *to);

/* The SQLite user_version this library writes: where every migration ends. */
#define REL_SCHEMA_VERSION 17
/* A migration test's working copy: fixture copied into a fresh directory
 * (rel_mkdtemp with tag; its path in dir) as `name` (its path in path). */
void rel_fixture_copy(const char *fixture, const char *tag, const char *name, char *dir, size_t dsize, char *path,
                      size_t psize);
/* Opens path with SQLite alone (not the library) and dies unless its
 * user_version is `version` (`what` names the check). */
sqlite3 *rel_open_at(const char *path, int64_t version, const char *what);

/* Milliseconds of a monotonic clock. */
int64_t rel_ms(void);

#endif
