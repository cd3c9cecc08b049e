/*
 * The core's side of the store contract:
 *  - a store of an unknown version is refused (MTRK_EVERSION), one missing a
 *    required operation is refused (MTRK_EINCOMPLETE) with the operation named;
 *  - every public call that writes is one transaction: failing the N-th store
 *    call (any operation, reads, applies, or the commit), for every N until
 *    the call succeeds, returns the failure and leaves every table and index
 *    byte-for-byte as before the call;
 *  - after the whole lifecycle, the rollups equal a rebuild from the raw log.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "faultstore.h"
#include "mtrk/mtrk.h"

static mtrk_time now_ms = INT64_C(1767225600000);
static mtrk_time fake_clock(void *ud) { (void)ud; return now_ms; }

static void test_unknown_store_version_refused(void **state)
{
    (void)state;
    mtrk_store *mem;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    faultstore fs;
    faultstore_init(&fs, mem);
    mtrk_db *db = NULL;
    fs.base.version = 0;
    assert_int_equal(mtrk_db_open_store(&db, &fs.base, NULL), MTRK_EVERSION);
    fs.base.version = MTRK_STORE_VERSION + 1;
    assert_int_equal(mtrk_db_open_store(&db, &fs.base, NULL), MTRK_EVERSION);
    assert_non_null(strstr(mtrk_last_errmsg(), "version"));
    assert_null(db);
    mtrk_store_free(mem);
}

static void test_incomplete_store_refused_naming_operation(void **state)
{
    (void)state;
    static const char *const ops[] = { "begin", "commit", "rollback", "get", "scan", "apply" };
    mtrk_store *mem;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        faultstore fs;
        faultstore_init(&fs, mem);
        switch (i) {
        case 0: fs.base.begin = NULL; break;
        case 1: fs.base.commit = NULL; break;
        case 2: fs.base.rollback = NULL; break;
        case 3: fs.base.get = NULL; break;
        case 4: fs.base.scan = NULL; break;
        case 5: fs.base.apply = NULL; break;
        }
        mtrk_db *db = NULL;
        assert_int_equal(mtrk_db_open_store(&db, &fs.base, NULL), MTRK_EINCOMPLETE);
        assert_non_null(strstr(mtrk_last_errmsg(), ops[i]));
        assert_null(db);
    }
    mtrk_store_free(mem);
}

/* ---- the rollback sweep -------------------------------------------------- */

typedef struct world {
    faultstore fs;
    mtrk_store *mem;
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_id contacts[6];
    mtrk_id audience, campaign, link, landing;
    mtrk_id claimed[8];
    size_t nclaimed;
    size_t sub;   /* steps made of several public calls: the next one to make */
    int more;     /* set by such a step while calls remain */
} world;

typedef int (*step_fn)(world *w);

static int step_tenant(world *w)
{
    mtrk_tenant *t = NULL;
    int rc = mtrk_tenant_create(&t, w->db, "acme", "test:faults");
    if (rc == MTRK_OK)
        w->t = t;
    return rc;
}
static int step_settings(world *w)
{
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "https://t.example.com";
    s.soft_bounce_threshold = 2;
    return mtrk_tenant_settings_set(w->t, &s);
}
static int step_contacts(world *w)
{
    static const char *const addrs[] = { "a@example.com", "b@example.com", "c@example.org",
                                         "d@example.org", "e@example.net", "f@example.net" };
    int rc = mtrk_contact_add(&w->contacts[w->sub], NULL, w->t, addrs[w->sub], NULL);
    if (rc == MTRK_OK)
        w->more = ++w->sub < 6;
    return rc;
}
static int step_audience(world *w) { return mtrk_audience_create(&w->audience, w->t, "list"); }
static int step_members(world *w) { return mtrk_audience_add_batch(NULL, w->t, w->audience, w->contacts, 6); }
static int step_campaign(world *w)
{
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "launch";
    s.subject = "Hello";
    s.from_address = "news@example.com";
    s.html = "<p>hi</p>";
    return mtrk_campaign_create(&w->campaign, w->t, &s);
}
static int step_link(world *w) { return mtrk_link_add(&w->link, w->t, w->campaign, "https://example.com/buy", "Buy", 0); }
static int step_attach(world *w) { return mtrk_campaign_attach_audience(NULL, w->t, w->campaign, w->audience); }
static int step_suppress(world *w) { return mtrk_suppression_add(NULL, w->t, MTRK_SUPPRESS_ADDRESS, "f@example.net", "manual"); }
static int step_unsub(world *w)
{
    return mtrk_unsub_add(NULL, w->t, w->contacts[4], MTRK_UNSUB_CAMPAIGN, w->campaign, MTRK_SOURCE_MANUAL);
}
static int step_generate(world *w)
{
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    return mtrk_campaign_generate(&r, w->t, w->campaign);
}
static int step_schedule(world *w) { return mtrk_campaign_set_status(w->t, w->campaign, MTRK_CAMPAIGN_SCHEDULED); }
static int step_sending(world *w) { return mtrk_campaign_set_status(w->t, w->campaign, MTRK_CAMPAIGN_SENDING); }
static int step_claim(world *w)
{
    return mtrk_queue_claim(w->claimed, &w->nclaimed, NULL, w->t, w->campaign, 8, 60000);
}
static int step_mark_sent(world *w)
{
    int rc = mtrk_queue_mark_sent(w->t, w->claimed[w->sub], 0, "sim", NULL);
    if (rc == MTRK_OK)
        w->more = ++w->sub < w->nclaimed;
    return rc;
}
static int step_events(world *w)
{
    mtrk_event_input in[8];
    mtrk_event_outcome out[8];
    const mtrk_event_input *pin[8];
    mtrk_event_outcome *pout[8];
    for (int i = 0; i < 8; i++) {
        mtrk_event_input z = MTRK_EVENT_INPUT_INIT;
        mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
        in[i] = z;
        out[i] = o;
        pin[i] = &in[i];
        pout[i] = &out[i];
        in[i].occurred_at = now_ms + i;
    }
    in[0].type = MTRK_EV_DELIVERED; in[0].mid = w->claimed[0];
    in[0].provider = "sim"; in[0].provider_event_id = "e0";
    in[1].type = MTRK_EV_OPEN; in[1].mid = w->claimed[0]; in[1].ip = "192.0.2.1"; in[1].user_agent = "UA";
    in[2].type = MTRK_EV_CLICK; in[2].mid = w->claimed[0]; in[2].lid = w->link;
    in[3].type = MTRK_EV_DELIVERED; in[3].mid = w->claimed[0];
    in[3].provider = "sim"; in[3].provider_event_id = "e0"; /* duplicate */
    in[4].type = MTRK_EV_BOUNCE; in[4].mid = w->claimed[1]; in[4].bounce_kind = MTRK_BOUNCE_HARD;
    in[5].type = MTRK_EV_COMPLAINT; in[5].mid = w->claimed[2];
    in[6].type = MTRK_EV_UNSUBSCRIBE; in[6].mid = w->claimed[3];
    in[7].type = MTRK_EV_CLICK; in[7].mid = w->claimed[3]; /* no lid: refused alone */
    return mtrk_event_record_batch(NULL, pout, w->t, pin, 8);
}
static int step_landing(world *w)
{
    return mtrk_landing_page_create(&w->landing, w->t, w->campaign, "Offer", "https://example.com/offer");
}
static int step_lead(world *w)
{
    mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
    in.landing_page = w->landing;
    in.lead_key = "lead-1";
    in.address = "friend@example.com";
    in.mid = w->claimed[0];
    return mtrk_lead_capture(NULL, NULL, w->t, &in);
}
static int step_resubscribe(world *w)
{
    return mtrk_unsub_remove(w->t, w->contacts[4], MTRK_UNSUB_CAMPAIGN, w->campaign);
}
static int step_erase(world *w) { return mtrk_contact_erase(w->t, w->contacts[0]); }
static int step_retention(world *w)
{
    now_ms += INT64_C(400) * 86400000;
    return mtrk_retention_apply(NULL, w->t);
}
static int step_rebuild(world *w) { return mtrk_metrics_rebuild(w->t); }

static const struct {
    const char *name;
    step_fn fn;
} steps[] = {
    { "tenant_create", step_tenant },   { "settings_set", step_settings },
    { "contact_add", step_contacts },   { "audience_create", step_audience },
    { "audience_add_batch", step_members }, { "campaign_create", step_campaign },
    { "link_add", step_link },          { "attach", step_attach },
    { "suppress", step_suppress },      { "unsub_add", step_unsub },
    { "generate", step_generate },      { "schedule", step_schedule },
    { "sending", step_sending },        { "claim", step_claim },
    { "mark_sent", step_mark_sent },    { "event_batch", step_events },
    { "landing_page", step_landing },   { "lead_capture", step_lead },
    { "resubscribe", step_resubscribe }, { "erase", step_erase },
    { "retention", step_retention },    { "rebuild", step_rebuild },
};

static void sweep(int kind, int sticky)
{
    world w;
    memset(&w, 0, sizeof w);
    now_ms = INT64_C(1767225600000);
    assert_int_equal(mtrk_store_memory_new(&w.mem), MTRK_OK);
    faultstore_init(&w.fs, w.mem);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    assert_int_equal(mtrk_db_open_store(&w.db, &w.fs.base, &o), MTRK_OK);
    long points = 0, calls = 0;
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
        for (long n = 1;; n++) {
            unsigned char before[32], after[32];
            assert_int_equal(store_digest(w.mem, before), 0);
            mtrk_time saved_now = now_ms;
            faultstore_arm(&w.fs, kind, n, sticky);
            int rc = steps[s].fn(&w);
            long injected = w.fs.injected;
            faultstore_arm(&w.fs, kind, 0, 0);
            if (injected == 0) {
                calls++;
                if (rc != MTRK_OK)
                    fail_msg("step %s failed without injection: %d %s", steps[s].name, rc, mtrk_last_errmsg());
                if (w.more) { /* the same step has another call to sweep */
                    w.more = 0;
                    n = 0;
                    continue;
                }
                w.sub = 0;
                break;
            }
            points++;
            if (rc == MTRK_OK)
                fail_msg("step %s succeeded although call %ld failed", steps[s].name, n);
            assert_int_equal(store_digest(w.mem, after), 0);
            if (memcmp(before, after, 32) != 0)
                fail_msg("step %s left the store changed after failing at call %ld (rc %d)", steps[s].name, n, rc);
            now_ms = saved_now;
        }
    }
    print_message("sweep kind=%d sticky=%d: %ld injection points over %ld calls\n", kind, sticky, points, calls);
    /* Every call reads, writes and commits at least once: each kind was injected in each call. */
    assert_true(points >= calls);

    /* Rollups equal a rebuild from the raw log. */
    mtrk_metrics m1 = MTRK_METRICS_INIT, m2 = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m1, w.t, w.campaign), MTRK_OK);
    assert_int_equal(mtrk_metrics_rebuild(w.t), MTRK_OK);
    assert_int_equal(mtrk_metrics_campaign(&m2, w.t, w.campaign), MTRK_OK);
    assert_memory_equal(&m1, &m2, sizeof m1);
    assert_true(m1.sent >= 4);

    mtrk_tenant_close(w.t);
    mtrk_db_close(w.db);
    mtrk_store_free(w.mem);
}

static void test_failing_any_store_call_leaves_store_unchanged(void **s) { (void)s; sweep(FS_ANY, 0); }
static void test_failing_every_call_from_n_leaves_store_unchanged(void **s) { (void)s; sweep(FS_ANY, 1); }
static void test_failing_apply_leaves_store_unchanged(void **s) { (void)s; sweep(FS_APPLY, 0); }
static void test_failing_reads_leaves_store_unchanged(void **s) { (void)s; sweep(FS_READ, 0); }
static void test_failing_commit_leaves_store_unchanged(void **s) { (void)s; sweep(FS_COMMIT, 0); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown_store_version_refused),
        cmocka_unit_test(test_incomplete_store_refused_naming_operation),
        cmocka_unit_test(test_failing_any_store_call_leaves_store_unchanged),
        cmocka_unit_test(test_failing_every_call_from_n_leaves_store_unchanged),
        cmocka_unit_test(test_failing_apply_leaves_store_unchanged),
        cmocka_unit_test(test_failing_reads_leaves_store_unchanged),
        cmocka_unit_test(test_failing_commit_leaves_store_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
