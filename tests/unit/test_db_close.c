/*
 * mtrk_db_close with tenants still open (the rule in mtrk/db.h): the tenants
 * stay fully usable and the connection is released when the last of them is
 * closed, in either order. Under AddressSanitizer (the ASan build runs this
 * suite) a tenant reaching a freed db is a heap-use-after-free, and a db
 * never released is a leak: both fail the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mtrk/mtrk.h"
#include "mtrk/store.h"

#define OK(call)                                                                                   \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != MTRK_OK)                                                                        \
            fail_msg("%s: %s (%s)", #call, mtrk_strerror(rc_), mtrk_last_errmsg());                \
    } while (0)

/* Writes, reads and lists through a tenant whose db handle is closed. */
static void use_tenant(mtrk_tenant *t, const char *address)
{
    mtrk_id id;
    int created = 0;
    OK(mtrk_contact_add(&id, &created, t, address, NULL));
    assert_int_equal(created, 1);
    mtrk_contact *c = NULL;
    OK(mtrk_contact_get(&c, t, id));
    assert_string_equal(mtrk_contact_address(c), address);
    mtrk_contact_free(c);
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    OK(mtrk_tenant_settings_get(&s, t));
    assert_int_equal(s.soft_bounce_threshold, 3);
    mtrk_contact_iter *it = NULL;
    OK(mtrk_contact_iter_new(&it, t));
    const mtrk_contact *ci;
    size_t n = 0;
    while (mtrk_contact_iter_next(&ci, it) == MTRK_OK)
        n++;
    mtrk_contact_iter_free(it);
    assert_true(n >= 1);
    /* a failing call still reports through the tenant's own message */
    assert_int_equal(mtrk_contact_add(&id, NULL, t, "not an address", NULL), MTRK_EADDRESS);
    assert_non_null(strstr(mtrk_tenant_errmsg(t), "address"));
}

static void closing_the_db_first_leaves_its_tenants_usable(const char *target)
{
    mtrk_db *db = NULL;
    mtrk_tenant *a = NULL, *b = NULL;
    OK(mtrk_db_open(&db, target, NULL));
    OK(mtrk_tenant_create(&a, db, "acme", "test"));
    OK(mtrk_tenant_create(&b, db, "beta", "test"));
    mtrk_db_close(db);
    use_tenant(a, "ana@example.com");
    use_tenant(b, "bob@example.com");
    mtrk_tenant_close(a);
    use_tenant(b, "bia@example.com"); /* the db outlives the first tenant closed */
    mtrk_tenant_close(b);             /* the last one releases the db */
}

static void db_close_with_open_tenants_memory(void **state)
{
    (void)state;
    closing_the_db_first_leaves_its_tenants_usable("memory:");
}

static void db_close_with_open_tenants_sqlite(void **state)
{
    (void)state;
    char dir[] = "/tmp/mtrk-db-close-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/a.db", dir);
    closing_the_db_first_leaves_its_tenants_usable(path);
    /* What the tenants wrote after mtrk_db_close was committed, and the file
     * was released: a new handle reads it. */
    mtrk_db *db = NULL;
    mtrk_tenant *b = NULL;
    mtrk_contact *c = NULL;
    OK(mtrk_db_open(&db, path, NULL));
    OK(mtrk_tenant_open(&b, db, "beta", "test"));
    OK(mtrk_contact_find(&c, b, "bia@example.com"));
    mtrk_contact_free(c);
    mtrk_tenant_close(b);
    mtrk_db_close(db);
    char side[sizeof path + 8];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* A borrowed store is not the handle's to free: it stays usable after the
 * deferred release and is freed by its owner. */
static void db_close_with_open_tenants_borrowed_store(void **state)
{
    (void)state;
    mtrk_store *store = NULL;
    OK(mtrk_store_memory_new(&store));
    mtrk_db *db = NULL, *db2 = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open_store(&db, store, NULL));
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    mtrk_db_close(db);
    use_tenant(t, "ana@example.com");
    mtrk_tenant_close(t);
    OK(mtrk_db_open_store(&db2, store, NULL));
    OK(mtrk_tenant_open(&t, db2, "acme", "test"));
    mtrk_contact *c = NULL;
    OK(mtrk_contact_find(&c, t, "ana@example.com"));
    mtrk_contact_free(c);
    mtrk_tenant_close(t);
    mtrk_db_close(db2);
    mtrk_store_free(store);
}

/* The usual order still works, and a tenant whose open failed does not keep
 * the db alive (it was counted and uncounted). */
static void db_close_after_its_tenants_and_after_failed_opens(void **state)
{
    (void)state;
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open(&db, "memory:", NULL));
    assert_int_equal(mtrk_tenant_open(&t, db, "missing", "test"), MTRK_ENOTFOUND);
    assert_null(t);
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    mtrk_tenant *dup = NULL;
    assert_int_equal(mtrk_tenant_create(&dup, db, "acme", "test"), MTRK_EEXISTS);
    mtrk_tenant_close(t);
    mtrk_db_close(db); /* no tenant left: released now (a leak under ASan otherwise) */
    mtrk_db_close(NULL);
    mtrk_tenant_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(db_close_with_open_tenants_memory),
        cmocka_unit_test(db_close_with_open_tenants_sqlite),
        cmocka_unit_test(db_close_with_open_tenants_borrowed_store),
        cmocka_unit_test(db_close_after_its_tenants_and_after_failed_opens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
