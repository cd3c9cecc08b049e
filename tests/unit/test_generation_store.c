/*
 * Generation's typed operations (store contract version 6):
 *  - on the memory and SQLite stores, the store-level checks of
 *    tests/common/generation_check.h (the PostgreSQL store runs them in
 *    tests/pg): messages_insert on both, members_read on SQLite (the memory
 *    store leaves it to the core);
 *  - mtrk_store_init of version 5 writes nothing of version 6's members;
 *  - in the core: generation hands its new messages to messages_insert,
 *    one call per page of members, and writes no message row through
 *    apply; a store without it (the pointer NULL, or a contract version
 *    before 6) gets the same messages as rows through apply, with the same
 *    report and figures; a rerun adds nothing either way;
 *  - a members_read that hands members out of contact order is refused
 *    (MTRK_ESTORE, named) and nothing of the generation remains.
 */
#include "../common/generation_check.h"

#include <mtrk/mtrk.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <unistd.h>

static void test_memory(void **state)
{
    (void)state;
    mtrk_store *st = NULL;
    assert_int_equal(mtrk_store_memory_new(&st), MTRK_OK);
    assert_int_equal(messages_insert_check(st, "mem"), 0);
    assert_null(st->members_read);
    mtrk_store_free(st);
}

static void test_sqlite(void **state)
{
    (void)state;
    char dir[] = "/tmp/mtrk-msgins-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/m.mtrk", dir);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.synchronous = MTRK_SYNC_OFF;
    mtrk_store *st = NULL;
    assert_int_equal(mtrk_store_sqlite_new(&st, path, &o), MTRK_OK);
    int failed = messages_insert_check(st, "lite");
    assert_non_null(st->members_read);
    failed += members_read_check(st, "lite2");
    mtrk_store_free(st);
    char wal[80];
    unlink(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    rmdir(dir);
    assert_int_equal(failed, 0);
}

/* ---- the core's use of it ---------------------------------------------- */

/* A store that forwards to the memory store and counts messages_insert
 * calls, the messages they carry, and message rows written through apply. */
typedef struct wrap {
    mtrk_store base;
    mtrk_store *in;
    long insert_calls, inserted, applied;
    unsigned messages_table;
} wrap;

static wrap *W(mtrk_store *s) { return (wrap *)s; }
static void w_free(mtrk_store *s) { (void)s; }
static int w_begin(mtrk_store *s, int w) { return W(s)->in->begin(W(s)->in, w); }
static int w_commit(mtrk_store *s) { return W(s)->in->commit(W(s)->in); }
static int w_rollback(mtrk_store *s) { return W(s)->in->rollback(W(s)->in); }
static const char *w_errmsg(mtrk_store *s) { return W(s)->in->errmsg(W(s)->in); }
static int w_get(mtrk_store *s, unsigned t, const mtrk_value *k, mtrk_row_fn fn, void *ud)
{
    return W(s)->in->get(W(s)->in, t, k, fn, ud);
}
static int w_scan(mtrk_store *s, unsigned t, int i, const mtrk_value *p, unsigned np, const mtrk_value *st,
                  unsigned ns, unsigned f, mtrk_row_fn fn, void *ud)
{
    return W(s)->in->scan(W(s)->in, t, i, p, np, st, ns, f, fn, ud);
}
static int w_apply(mtrk_store *s, const mtrk_change *ch, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ch[i].table == W(s)->messages_table && ch[i].op == MTRK_CHANGE_INSERT)
            W(s)->applied++;
    return W(s)->in->apply(W(s)->in, ch, n);
}
static int w_load(mtrk_store *s, mtrk_id t, const mtrk_id *m, size_t n, mtrk_store_message_fn fn, void *ud)
{
    return W(s)->in->messages_load(W(s)->in, t, m, n, fn, ud);
}
static int w_find(mtrk_store *s, mtrk_id t, const char *const *p, const char *const *e, size_t n,
                  mtrk_store_event_fn fn, void *ud)
{
    return W(s)->in->provider_ids_find(W(s)->in, t, p, e, n, fn, ud);
}
static int w_append(mtrk_store *s, mtrk_id t, const mtrk_store_event *const *e, size_t n)
{
    return W(s)->in->events_append(W(s)->in, t, e, n);
}
static int w_update(mtrk_store *s, mtrk_id t, const mtrk_store_message *const *m, const unsigned *k, size_t n)
{
    return W(s)->in->messages_update(W(s)->in, t, m, k, n);
}
static int w_counters(mtrk_store *s, mtrk_id t, int kind, const mtrk_store_counter_delta *const *d, size_t n)
{
    return W(s)->in->counters_add(W(s)->in, t, kind, d, n);
}
static int w_insert(mtrk_store *s, mtrk_id t, const mtrk_store_message *const *m, size_t n)
{
    W(s)->insert_calls++;
    W(s)->inserted += (long)n;
    return W(s)->in->messages_insert(W(s)->in, t, m, n);
}

static void wrap_init(wrap *w, mtrk_store *in)
{
    memset(w, 0, sizeof *w);
    assert_int_equal(mtrk_store_init(&w->base, MTRK_STORE_VERSION), MTRK_OK);
    w->base.free = w_free;
    w->base.begin = w_begin;
    w->base.commit = w_commit;
    w->base.rollback = w_rollback;
    w->base.get = w_get;
    w->base.scan = w_scan;
    w->base.apply = w_apply;
    w->base.errmsg = w_errmsg;
    w->base.messages_load = w_load;
    w->base.provider_ids_find = w_find;
    w->base.events_append = w_append;
    w->base.messages_update = w_update;
    w->base.counters_add = w_counters;
    w->base.messages_insert = w_insert;
    w->in = in;
    w->messages_table = sd_table("messages");
}

#define MEMBERS 1200 /* three pages of generation */

/* Generates a campaign over MEMBERS contacts (every tenth unsubscribed)
 * twice on the store; the reports and the campaign's message count. */
static void generate_twice(mtrk_store *st, mtrk_generate_report *first, mtrk_generate_report *second,
                           uint64_t *messages)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    assert_int_equal(mtrk_db_open_store(&db, st, NULL), MTRK_OK);
    assert_int_equal(mtrk_tenant_create(&t, db, "gen", "test:gen"), MTRK_OK);
    mtrk_id aud, cam;
    assert_int_equal(mtrk_audience_create(&aud, t, "all"), MTRK_OK);
    for (int i = 0; i < MEMBERS; i++) {
        char addr[64];
        mtrk_id c;
        snprintf(addr, sizeof addr, "m%d@acme.example", i);
        assert_int_equal(mtrk_contact_add(&c, NULL, t, addr, NULL), MTRK_OK);
        assert_int_equal(mtrk_audience_add(NULL, t, aud, c), MTRK_OK);
        if (i % 10 == 0)
            assert_int_equal(mtrk_unsub_add(NULL, t, c, MTRK_UNSUB_GLOBAL, (mtrk_id){ { 0 } }, MTRK_SOURCE_IMPORT),
                             MTRK_OK);
    }
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "c";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    assert_int_equal(mtrk_campaign_create(&cam, t, &spec), MTRK_OK);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, t, cam, aud), MTRK_OK);
    *first = (mtrk_generate_report)MTRK_GENERATE_REPORT_INIT;
    *second = (mtrk_generate_report)MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(first, t, cam), MTRK_OK);
    assert_int_equal(mtrk_campaign_generate(second, t, cam), MTRK_OK);
    mtrk_metrics m = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m, t, cam), MTRK_OK);
    *messages = m.messages;
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

static void test_generation_typed(void **state)
{
    (void)state;
    mtrk_store *mem = NULL;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    wrap w;
    wrap_init(&w, mem);
    mtrk_generate_report a, b;
    uint64_t messages = 0;
    generate_twice(&w.base, &a, &b, &messages);
    assert_int_equal(a.created, MEMBERS - MEMBERS / 10);
    assert_int_equal(a.excluded[MTRK_EXCL_GLOBAL_UNSUB], MEMBERS / 10);
    assert_int_equal(b.created, 0);
    assert_int_equal(b.already_present, MEMBERS - MEMBERS / 10);
    assert_int_equal(messages, MEMBERS - MEMBERS / 10);
    /* One call per page of members (GEN_PAGE, 512), none on the rerun. */
    assert_int_equal(w.inserted, MEMBERS - MEMBERS / 10);
    assert_int_equal(w.insert_calls, (MEMBERS + 511) / 512);
    assert_int_equal(w.applied, 0);
    mtrk_store_free(mem);
}

static void check_rows(unsigned version)
{
    mtrk_store *mem = NULL;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    wrap w;
    wrap_init(&w, mem);
    if (version < 6)
        w.base.version = version; /* messages_insert is past what it declares */
    else
        w.base.messages_insert = NULL;
    mtrk_generate_report a, b;
    uint64_t messages = 0;
    generate_twice(&w.base, &a, &b, &messages);
    assert_int_equal(a.created, MEMBERS - MEMBERS / 10);
    assert_int_equal(b.created, 0);
    assert_int_equal(b.already_present, MEMBERS - MEMBERS / 10);
    assert_int_equal(messages, MEMBERS - MEMBERS / 10);
    assert_int_equal(w.insert_calls, 0);
    assert_int_equal(w.applied, MEMBERS - MEMBERS / 10);
    mtrk_store_free(mem);
}

/* A members_read that hands the first member of the first audience twice:
 * not in contact order. */
static int first_contact(void *ud, const mtrk_value *row)
{
    memcpy(ud, row[2].p, 16); /* audience_contacts: tenant, audience, contact */
    return 1;
}

static int w_members_twice(mtrk_store *s, mtrk_id t, mtrk_id c, const mtrk_id *a, size_t naud, const mtrk_id *after,
                           size_t limit, mtrk_store_member_fn fn, void *ud)
{
    (void)c;
    (void)after;
    (void)limit;
    mtrk_value pre[2] = { mi_vid(&t), mi_vid(&a[0]) };
    mtrk_store_member m;
    memset(&m, 0, sizeof m);
    m.version = MTRK_STORE_MEMBER_VERSION;
    int rc = W(s)->in->scan(W(s)->in, sd_table("audience_contacts"), MTRK_INDEX_PK, pre, 2, NULL, 0, 0,
                            first_contact, &m.contact);
    unsigned char in[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
    m.found = 1;
    m.status = MTRK_CONTACT_ACTIVE;
    m.address_key = "x@acme.example";
    m.in_audience = naud <= sizeof in ? in : NULL;
    if (rc == 0)
        rc = fn(ud, &m);
    if (rc == 0)
        rc = fn(ud, &m);
    return rc;
}

/* The core refuses a members_read that breaks the contract (a member out
 * of contact order), naming it, and nothing of the generation remains. */
static void test_generation_members_out_of_order(void **state)
{
    (void)state;
    mtrk_store *mem = NULL;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    wrap w;
    wrap_init(&w, mem);
    w.base.members_read = w_members_twice;
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    assert_int_equal(mtrk_db_open_store(&db, &w.base, NULL), MTRK_OK);
    assert_int_equal(mtrk_tenant_create(&t, db, "bad", "test:gen"), MTRK_OK);
    mtrk_id aud, cam, c;
    assert_int_equal(mtrk_audience_create(&aud, t, "all"), MTRK_OK);
    assert_int_equal(mtrk_contact_add(&c, NULL, t, "x@acme.example", NULL), MTRK_OK);
    assert_int_equal(mtrk_audience_add(NULL, t, aud, c), MTRK_OK);
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "c";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    assert_int_equal(mtrk_campaign_create(&cam, t, &spec), MTRK_OK);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, t, cam, aud), MTRK_OK);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(&r, t, cam), MTRK_ESTORE);
    assert_non_null(strstr(mtrk_tenant_errmsg(t), "out of contact order"));
    mtrk_metrics m = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m, t, cam), MTRK_OK);
    assert_int_equal(m.messages, 0);
    assert_int_equal(w.inserted, 0);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    mtrk_store_free(mem);
}

static void test_generation_rows_without_pointer(void **state)
{
    (void)state;
    check_rows(6);
}

static void test_generation_rows_version_5(void **state)
{
    (void)state;
    check_rows(5);
}

/* A version-5 struct ends after counters_add: init of version 5 writes
 * nothing of version 6's members, and init of version 6 zeroes them. */
static void test_init_versions(void **state)
{
    (void)state;
    size_t v5 = offsetof(mtrk_store, messages_insert);
    unsigned char buf[sizeof(mtrk_store) + 16];
    memset(buf, 0xAB, sizeof buf);
    assert_int_equal(mtrk_store_init((mtrk_store *)(void *)buf, 5), MTRK_OK);
    for (size_t i = v5; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xAB);
    mtrk_store st;
    memset(&st, 0xAB, sizeof st);
    assert_int_equal(mtrk_store_init(&st, 6), MTRK_OK);
    assert_null(st.messages_insert);
    assert_null(st.members_read);
    mtrk_store init = MTRK_STORE_INIT;
    assert_int_equal(init.version, MTRK_STORE_VERSION);
    assert_null(init.members_read);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_versions),
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_sqlite),
        cmocka_unit_test(test_generation_typed),
        cmocka_unit_test(test_generation_members_out_of_order),
        cmocka_unit_test(test_generation_rows_without_pointer),
        cmocka_unit_test(test_generation_rows_version_5),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
