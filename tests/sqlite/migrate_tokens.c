/*
 * Forward migration to SQLite user_version 7 (the api_tokens table):
 * tests/data/sqlite-schema6.mtrk was made by the library at user_version 6
 * with its tool (`mtrk init` for tenant "acme", `mtrk tenant create beta`).
 * Opened by this library, a copy comes out at user_version 7 with both
 * tenants kept and an empty api_tokens table, in which tokens are then
 * created, found and revoked.
 */
#include "rel.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        rel_die("usage: sqlite-migrate-tokens FIXTURE");
    char dir[4096], path[4200];
    rel_fixture_copy(argv[1], "migrate-tokens", "v6.mtrk", dir, sizeof dir, path, sizeof path);

    sqlite3 *db = rel_open_at(path, 6, "fixture user_version");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'api_tokens'"), 0,
               "fixture without api_tokens");
    sqlite3_close(db);

    mtrk_db *m = NULL;
    if (mtrk_db_open(&m, path, NULL))
        rel_die("mtrk_db_open: %s", mtrk_last_errmsg());
    mtrk_tenant *acme = NULL, *beta = NULL;
    if (mtrk_tenant_open(&acme, m, "acme", "test") || mtrk_tenant_open(&beta, m, "beta", "test"))
        rel_die("tenants after the migration: %s", mtrk_last_errmsg());
    char sec[MTRK_API_TOKEN_SIZE], who[MTRK_MAX_TENANT_KEY + 1];
    mtrk_id id;
    REL_OK(mtrk_api_token_create(sec, sizeof sec, &id, beta, "migrated"), beta);
    if (mtrk_db_api_token_find(who, sizeof who, m, sec) || strcmp(who, "beta") != 0)
        rel_die("find after the migration: %s", mtrk_last_errmsg());
    REL_OK(mtrk_api_token_revoke(beta, id), beta);
    rel_expect(mtrk_db_api_token_find(who, sizeof who, m, sec), MTRK_ENOTFOUND, "find after revoke");
    mtrk_tenant_close(acme);
    mtrk_tenant_close(beta);
    mtrk_db_close(m);

    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after the migration");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM tenants"), 2, "tenants kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM api_tokens WHERE revoked_at > 0"), 1, "the revoked token");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM api_tokens WHERE length(hash) = 64"), 1, "stored hashed");
    sqlite3_close(db);
    rel_check_integrity(path);
    rel_rmdir(dir);
    printf("sqlite-migrate-tokens: a version-6 file migrated to 7 with api_tokens\n");
    return 0;
}
