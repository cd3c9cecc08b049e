/*
 * Conformance: tenants, settings, actor, shared stores; ids, status codes,
 * version functions and open options.
 *
 * The contract (docs/rules.md "Tenants"):
 *  - a tenant is created explicitly (MTRK_EEXISTS if the key exists) and
 *    opened by key (MTRK_ENOTFOUND if missing); a mistyped open never creates;
 *  - a key is 1–64 chars of A–Z a–z 0–9 . _ - ; keys are global to the store;
 *  - the actor (1–256 octets of UTF-8) is recorded by the audit log for every
 *    change made through the handle and can be changed at any time;
 *  - settings have defaults ("", 3, 30 days, 365 days), are validated field by
 *    field (the message names the field), and changes are audited
 *    ("tenant.settings");
 *  - handles on one shared store see each other's tenants; "memory:" stores
 *    are private to their handle;
 *  - ids are version 7 UUIDs with a canonical lower-case text form;
 *  - mtrk_strerror names every status code; versioned structs refuse an
 *    unknown version with MTRK_EVERSION.
 */
#define _POSIX_C_SOURCE 200809L
#include <time.h>
#include <ctype.h>

#include "conf_build.h"
#include "conf_util.h"
#include "mtrk/store.h"

#define DAY_MS INT64_C(86400000)

/* ---- create / open / close ----------------------------------------- */

static void test_tenant_create_then_open_by_key_gives_same_tenant(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant *a = NULL, *b = NULL;
    CONF_OK(mtrk_tenant_create(&a, fx->db, "acme", "api:alice"));
    assert_non_null(a);
    assert_string_equal(mtrk_tenant_key(a), "acme");
    assert_false(mtrk_id_is_nil(mtrk_tenant_id(a)));
    CONF_OK(mtrk_tenant_open(&b, fx->db, "acme", "api:bob"));
    assert_non_null(b);
    assert_true(conf_id_eq(mtrk_tenant_id(a), mtrk_tenant_id(b)));
    assert_string_equal(mtrk_tenant_key(b), "acme");
    assert_string_equal(mtrk_tenant_actor(b), "api:bob");
    mtrk_tenant_close(b);
    mtrk_tenant_close(a);
}

static void test_tenant_create_existing_key_is_eexists(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant *a = NULL;
    CONF_EXPECT(MTRK_EEXISTS, mtrk_tenant_create(&a, fx->db, "t1", "api:alice"));
    CONF_ERRMSG_HAS("t1");
    /* the existing tenant is untouched: still opens with its id */
    CONF_OK(mtrk_tenant_open(&a, fx->db, "t1", "api:alice"));
    assert_true(conf_id_eq(mtrk_tenant_id(a), mtrk_tenant_id(fx->t)));
    mtrk_tenant_close(a);
}

static void test_tenant_open_missing_key_is_enotfound_and_never_creates(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant *a = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&a, fx->db, "t3", "api:alice"));
    /* a second attempt is still not found: the first one created nothing */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&a, fx->db, "t3", "api:alice"));
    /* a mistyped key of an existing tenant is not found either (keys are case-sensitive) */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&a, fx->db, "T1", "api:alice"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&a, fx->db, "t", "api:alice"));
    /* a key that cannot exist is refused as such, naming it, and creates nothing */
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_open(&a, fx->db, "t1 ", "api:alice"));
    CONF_ERRMSG_HAS("key");
    assert_null(a);
    /* and creating it afterwards succeeds: the key was free */
    CONF_OK(mtrk_tenant_create(&a, fx->db, "t3", "api:alice"));
    mtrk_tenant_close(a);
}

static void test_tenant_key_accepts_allowed_characters_up_to_64(void **state)
{
    conf_fixture *fx = *state;
    static const char *const good[] = {
        "a", "Z", "0", "A.b_c-9", "tenant.example_01-x", "...", "-_-",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        mtrk_tenant *a = NULL;
        CONF_OK(mtrk_tenant_create(&a, fx->db, good[i], "api:alice"));
        assert_string_equal(mtrk_tenant_key(a), good[i]);
        mtrk_tenant_close(a);
        CONF_OK(mtrk_tenant_open(&a, fx->db, good[i], "api:alice"));
        mtrk_tenant_close(a);
    }
    char *k64 = conf_repeat('k', MTRK_MAX_TENANT_KEY);
    mtrk_tenant *a = NULL;
    CONF_OK(mtrk_tenant_create(&a, fx->db, k64, "api:alice"));
    mtrk_tenant_close(a);
    free(k64);
}

static void test_tenant_key_refuses_bad_keys(void **state)
{
    conf_fixture *fx = *state;
    static const char *const bad[] = {
        "a b", " a", "a/b", "a@b", "a:b", "a\tb", "a\nb", "caf\xc3\xa9", "a*", "a,b",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mtrk_tenant *a = NULL;
        CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_create(&a, fx->db, bad[i], "api:alice"));
        CONF_ERRMSG_HAS("key");
        /* nothing was created under that key */
        CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_create(&a, fx->db, bad[i], "api:alice"));
    }
    mtrk_tenant *a = NULL;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_create(&a, fx->db, "", "api:alice"));
    CONF_ERRMSG_HAS("key");
    char *k65 = conf_repeat('k', MTRK_MAX_TENANT_KEY + 1);
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_tenant_create(&a, fx->db, k65, "api:alice"));
    CONF_ERRMSG_HAS("key");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_tenant_open(&a, fx->db, k65, "api:alice"));
    free(k65);
    CONF_EXPECT(MTRK_EENCODING, mtrk_tenant_create(&a, fx->db, "a\xff", "api:alice"));
    CONF_ERRMSG_HAS("key");
}

static void test_tenant_close_is_null_safe(void **state)
{
    conf_fixture *fx = *state;
    /* an error to keep: closing NULL neither clears nor replaces it */
    mtrk_tenant *missing = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&missing, fx->db, "no-such-tenant", "api:alice"));
    char before[512];
    snprintf(before, sizeof before, "%s", mtrk_last_errmsg());
    assert_true(before[0] != '\0');
    mtrk_tenant_close(NULL);
    mtrk_db_close(NULL);
    assert_string_equal(mtrk_last_errmsg(), before);
    assert_string_equal(mtrk_db_errmsg(NULL), "");
    /* and the open handles still work */
    assert_string_equal(mtrk_tenant_key(fx->t), "t1");
    mtrk_tenant *again = NULL;
    CONF_EXPECT(MTRK_OK, mtrk_tenant_open(&again, fx->db, "t1", "api:bob"));
    mtrk_tenant_close(again);
}

static void test_tenant_ids_are_distinct_per_tenant(void **state)
{
    conf_fixture *fx = *state;
    assert_false(mtrk_id_is_nil(mtrk_tenant_id(fx->t)));
    assert_false(mtrk_id_is_nil(mtrk_tenant_id(fx->t2)));
    assert_false(conf_id_eq(mtrk_tenant_id(fx->t), mtrk_tenant_id(fx->t2)));
}

/* ---- actor ------------------------------------------------------------- */

static void test_tenant_actor_rules(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant *a = NULL;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_open(&a, fx->db, "t1", ""));
    CONF_ERRMSG_HAS("actor");
    char *long_actor = conf_repeat('x', MTRK_MAX_NAME + 1);
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_tenant_open(&a, fx->db, "t1", long_actor));
    CONF_ERRMSG_HAS("actor");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_tenant_set_actor(fx->t, long_actor));
    CONF_ERRMSG_HAS("actor");
    free(long_actor);
    CONF_EXPECT(MTRK_EENCODING, mtrk_tenant_open(&a, fx->db, "t1", "api:\xc3("));
    CONF_ERRMSG_HAS("actor");
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_set_actor(fx->t, ""));
    CONF_EXPECT(MTRK_EENCODING, mtrk_tenant_set_actor(fx->t, "\xff"));
    /* the refused changes left the actor as it was */
    assert_string_equal(mtrk_tenant_actor(fx->t), "test:conformance");

    char *max_actor = conf_repeat('y', MTRK_MAX_NAME);
    CONF_OK(mtrk_tenant_set_actor(fx->t, max_actor));
    assert_string_equal(mtrk_tenant_actor(fx->t), max_actor);
    free(max_actor);
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:jos\xc3\xa9"));
    assert_string_equal(mtrk_tenant_actor(fx->t), "api:jos\xc3\xa9");
}

static void test_tenant_create_is_audited_with_actor(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant *a = NULL;
    CONF_OK(mtrk_tenant_create(&a, fx->db, "acme", "api:alice"));
    conf_audit r = conf_audit_last(a, "tenant.create");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.actor, "api:alice");
    assert_int_equal(r.at, CONF_T0);
    mtrk_tenant_close(a);
}

static void test_tenant_actor_change_applies_to_later_audit_entries(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:alice"));
    assert_string_equal(mtrk_tenant_actor(fx->t), "api:alice");
    s.soft_bounce_threshold = 4;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    conf_audit r1 = conf_audit_last(fx->t, "tenant.settings");
    assert_true(r1.found);
    assert_string_equal(r1.actor, "api:alice");

    CONF_OK(mtrk_tenant_set_actor(fx->t, "cli:bob"));
    s.soft_bounce_threshold = 5;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    conf_audit r2 = conf_audit_last(fx->t, "tenant.settings");
    assert_int_equal(r2.count, 2);
    assert_string_equal(r2.actor, "cli:bob");
}

static void test_tenant_actor_is_per_handle(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant *other = NULL;
    CONF_OK(mtrk_tenant_open(&other, fx->db, "t1", "api:carol"));
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.soft_bounce_threshold = 7;
    CONF_OK(mtrk_tenant_settings_set(other, &s));
    assert_string_equal(mtrk_tenant_actor(fx->t), "test:conformance");
    conf_audit r = conf_audit_last(fx->t, "tenant.settings");
    assert_true(r.found);
    assert_string_equal(r.actor, "api:carol");
    mtrk_tenant_close(other);
}

/* ---- settings ---------------------------------------------------------- */

static void test_tenant_settings_defaults(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant_settings s;
    CONF_OK(mtrk_tenant_settings_init(&s, MTRK_TENANT_SETTINGS_VERSION));
    assert_int_equal(s.version, MTRK_TENANT_SETTINGS_VERSION);
    assert_string_equal(s.tracking_base_url, "");
    assert_int_equal(s.soft_bounce_threshold, 3);
    assert_int_equal(s.attribution_window_ms, 30 * DAY_MS);
    assert_int_equal(s.retention_ms, 365 * DAY_MS);

    mtrk_tenant_settings g = MTRK_TENANT_SETTINGS_INIT;
    g.soft_bounce_threshold = 0;
    g.tracking_base_url = NULL;
    CONF_OK(mtrk_tenant_settings_get(&g, fx->t));
    assert_non_null(g.tracking_base_url);
    assert_string_equal(g.tracking_base_url, "");
    assert_int_equal(g.soft_bounce_threshold, 3);
    assert_int_equal(g.attribution_window_ms, 30 * DAY_MS);
    assert_int_equal(g.retention_ms, 365 * DAY_MS);
}

static void test_tenant_settings_set_then_get_round_trips(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "https://track.example.com/t";
    s.soft_bounce_threshold = 5;
    s.attribution_window_ms = 7 * DAY_MS;
    s.retention_ms = 90 * DAY_MS;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));

    mtrk_tenant_settings g = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&g, fx->t));
    assert_string_equal(g.tracking_base_url, "https://track.example.com/t");
    assert_int_equal(g.soft_bounce_threshold, 5);
    assert_int_equal(g.attribution_window_ms, 7 * DAY_MS);
    assert_int_equal(g.retention_ms, 90 * DAY_MS);

    /* persisted: another handle on the tenant reads the same */
    mtrk_tenant *again = NULL;
    CONF_OK(mtrk_tenant_open(&again, fx->db, "t1", "api:x"));
    mtrk_tenant_settings h = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&h, again));
    assert_string_equal(h.tracking_base_url, "https://track.example.com/t");
    assert_int_equal(h.soft_bounce_threshold, 5);
    assert_int_equal(h.retention_ms, 90 * DAY_MS);
    mtrk_tenant_close(again);

    /* and the other tenant keeps its defaults */
    mtrk_tenant_settings o = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&o, fx->t2));
    assert_string_equal(o.tracking_base_url, "");
    assert_int_equal(o.soft_bounce_threshold, 3);
}

static void test_tenant_settings_accept_the_limits(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "http://localhost:8080";
    s.soft_bounce_threshold = 1;
    s.attribution_window_ms = 1;
    s.retention_ms = 1;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    s.soft_bounce_threshold = 100;
    s.tracking_base_url = "";
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    mtrk_tenant_settings g = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&g, fx->t));
    assert_int_equal(g.soft_bounce_threshold, 100);
    assert_string_equal(g.tracking_base_url, "");
    assert_int_equal(g.retention_ms, 1);
    s.attribution_window_ms = s.retention_ms = MTRK_MAX_DURATION_MS;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    CONF_OK(mtrk_tenant_settings_get(&g, fx->t));
    assert_int_equal(g.retention_ms, MTRK_MAX_DURATION_MS);
    assert_int_equal(g.attribution_window_ms, MTRK_MAX_DURATION_MS);
}

static void expect_settings_refused(conf_fixture *fx, const mtrk_tenant_settings *s, const char *field)
{
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_settings_set(fx->t, s));
    CONF_ERRMSG_HAS(field);
    /* nothing changed */
    mtrk_tenant_settings g = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&g, fx->t));
    assert_string_equal(g.tracking_base_url, "");
    assert_int_equal(g.soft_bounce_threshold, 3);
    assert_int_equal(g.attribution_window_ms, 30 * DAY_MS);
    assert_int_equal(g.retention_ms, 365 * DAY_MS);
}

static void test_tenant_settings_validation_names_the_field(void **state)
{
    conf_fixture *fx = *state;
    size_t audits = conf_audit_count(fx->t);
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.soft_bounce_threshold = 0;
    expect_settings_refused(fx, &s, "soft_bounce_threshold");
    s.soft_bounce_threshold = 101;
    expect_settings_refused(fx, &s, "soft_bounce_threshold");
    s.soft_bounce_threshold = 3;
    s.attribution_window_ms = 0;
    expect_settings_refused(fx, &s, "attribution_window_ms");
    s.attribution_window_ms = -1;
    expect_settings_refused(fx, &s, "attribution_window_ms");
    s.attribution_window_ms = DAY_MS;
    s.retention_ms = 0;
    expect_settings_refused(fx, &s, "retention_ms");
    s.retention_ms = -DAY_MS;
    expect_settings_refused(fx, &s, "retention_ms");
    s.retention_ms = MTRK_MAX_DURATION_MS + 1;
    expect_settings_refused(fx, &s, "retention_ms");
    s.retention_ms = INT64_MAX;
    expect_settings_refused(fx, &s, "retention_ms");
    s.retention_ms = DAY_MS;
    s.attribution_window_ms = MTRK_MAX_DURATION_MS + 1;
    expect_settings_refused(fx, &s, "attribution_window_ms");
    s.attribution_window_ms = INT64_MAX;
    expect_settings_refused(fx, &s, "attribution_window_ms");
    s.attribution_window_ms = DAY_MS;
    static const char *const bad_urls[] = {
        "ftp://track.example.com", "track.example.com", "https://", "javascript:alert(1)",
        "https://exa mple.com", " https://example.com",
    };
    for (size_t i = 0; i < sizeof bad_urls / sizeof bad_urls[0]; i++) {
        s.tracking_base_url = bad_urls[i];
        expect_settings_refused(fx, &s, "tracking_base_url");
    }
    s.tracking_base_url = NULL;
    expect_settings_refused(fx, &s, "tracking_base_url");
    /* no refused change was audited */
    assert_int_equal(conf_audit_count(fx->t), audits);
}

static void test_tenant_settings_change_is_audited(void **state)
{
    conf_fixture *fx = *state;
    assert_false(conf_audit_last(fx->t, "tenant.settings").found);
    conf_clock_advance(5000);
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "https://t.example.com";
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    conf_audit r = conf_audit_last(fx->t, "tenant.settings");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.actor, "test:conformance");
    assert_int_equal(r.at, CONF_T0 + 5000);
    assert_true(conf_id_eq(r.entity, mtrk_tenant_id(fx->t)));
    assert_int_equal(r.detail[0], '{');
    /* the other tenant's log does not show it */
    assert_false(conf_audit_last(fx->t2, "tenant.settings").found);
}

static void test_tenant_settings_unknown_version_is_eversion(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    CONF_EXPECT(MTRK_EVERSION, mtrk_tenant_settings_init(&s, 0));
    CONF_EXPECT(MTRK_EVERSION, mtrk_tenant_settings_init(&s, 99));
    s = (mtrk_tenant_settings)MTRK_TENANT_SETTINGS_INIT;
    s.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_tenant_settings_get(&s, fx->t));
    CONF_EXPECT(MTRK_EVERSION, mtrk_tenant_settings_set(fx->t, &s));
    s.version = 99;
    s.soft_bounce_threshold = 9;
    CONF_EXPECT(MTRK_EVERSION, mtrk_tenant_settings_get(&s, fx->t));
    CONF_EXPECT(MTRK_EVERSION, mtrk_tenant_settings_set(fx->t, &s));
    mtrk_tenant_settings g = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&g, fx->t));
    assert_int_equal(g.soft_bounce_threshold, 3);
}

/* ---- shared and private stores --------------------------------------- */

static void test_tenant_handles_on_a_shared_store_see_each_others_tenants(void **state)
{
    conf_fixture *fx = *state;
    mtrk_db *db2 = NULL;
    CONF_OK(conf_open_same(&db2, fx));
    mtrk_tenant *a = NULL, *b = NULL;
    /* the fixture's tenant is visible through the second handle */
    CONF_OK(mtrk_tenant_open(&a, db2, "t1", "api:second"));
    assert_true(conf_id_eq(mtrk_tenant_id(a), mtrk_tenant_id(fx->t)));
    /* keys are global to the store: the second handle cannot create t1 again */
    CONF_EXPECT(MTRK_EEXISTS, mtrk_tenant_create(&b, db2, "t1", "api:second"));
    /* a tenant created through the second handle opens through the first */
    CONF_OK(mtrk_tenant_create(&b, db2, "t9", "api:second"));
    mtrk_tenant *c = NULL;
    CONF_OK(mtrk_tenant_open(&c, fx->db, "t9", "api:first"));
    assert_true(conf_id_eq(mtrk_tenant_id(b), mtrk_tenant_id(c)));
    /* data written through one handle is read through the other */
    mtrk_id id = conf_contact(a, "shared@example.com");
    mtrk_contact *ct = NULL;
    CONF_OK(mtrk_contact_get(&ct, fx->t, id));
    assert_string_equal(mtrk_contact_address(ct), "shared@example.com");
    mtrk_contact_free(ct);
    mtrk_tenant_close(c);
    mtrk_tenant_close(b);
    mtrk_tenant_close(a);
    mtrk_db_close(db2);
}

static void test_tenant_memory_target_gives_a_private_store(void **state)
{
    (void)state;
    mtrk_db *d = NULL;
    CONF_OK(conf_open_db(&d));
    mtrk_tenant *a = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&a, d, "t1", "api:x"));
    CONF_OK(mtrk_tenant_create(&a, d, "t1", "api:x"));
    mtrk_tenant_close(a);
    mtrk_db_close(d);
}

static void test_db_now_follows_the_clock_option(void **state)
{
    conf_fixture *fx = *state;
    assert_int_equal(mtrk_db_now(fx->db), CONF_T0);
    conf_clock_advance(1234);
    assert_int_equal(mtrk_db_now(fx->db), CONF_T0 + 1234);
    /* without a clock option, the system clock */
    mtrk_db *d = NULL;
    CONF_OK(mtrk_db_open(&d, "memory:", NULL));
    int64_t sys = (int64_t)time(NULL) * 1000;
    int64_t now = mtrk_db_now(d);
    assert_true(now > sys - 10000 && now < sys + 10000);
    mtrk_db_close(d);
}

/* ---- open options ----------------------------------------------------- */

/* An event's occurrence time lies between 2000-01-01 and a day after the
 * db's clock; a refusal says what the value looks like. */
static void test_event_time_outside_the_window_is_refused(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "tw", 1, 0, 1);
    size_t before = conf_count_message_events(fx->t, s.mids[0]);
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], CONF_T0 / 1000));
    CONF_ERRMSG_HAS("occurred_at");
    CONF_ERRMSG_HAS("looks like Unix seconds");
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], INT64_C(253402300799000)));
    CONF_ERRMSG_HAS("9999-12-31T23:59:59Z");
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], conf_clock_now() + 86400001));
    CONF_ERRMSG_HAS("more than a day after the clock");
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before);
    /* inside: a day ahead, and the first instant of 2000 */
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], conf_clock_now() + 86400000));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], INT64_C(946684800000)));
    /* the window moves with the clock */
    conf_clock_advance(86400000);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], conf_clock_now() + 86400000));
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before + 3);
    conf_scn_free(&s);
}

/* The window is a tenant setting (version 3): earliest and how far ahead,
 * range-checked, audited, read by every handle opened after the change; the
 * other tenant keeps the defaults. */
static void test_event_time_window_is_a_tenant_setting(void **state)
{
    conf_fixture *fx = *state;
    mtrk_tenant_settings s;
    CONF_OK(mtrk_tenant_settings_init(&s, MTRK_TENANT_SETTINGS_VERSION));
    CONF_OK(mtrk_tenant_settings_get(&s, fx->t));
    assert_int_equal(s.events_earliest, INT64_C(946684800000));
    assert_int_equal(s.events_ahead_ms, DAY_MS);
    s.tracking_base_url = s.list_unsubscribe_mailto = ""; /* the handle's strings end with its next call */
    size_t audits = conf_audit_count(fx->t);
    /* range checks, naming the field; nothing changed */
    s.events_ahead_ms = 0;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("events_ahead_ms");
    s.events_ahead_ms = MTRK_MAX_DURATION_MS + 1;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("events_ahead_ms");
    s.events_ahead_ms = DAY_MS;
    s.events_earliest = -1;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("events_earliest");
    s.events_earliest = conf_clock_now() + 1;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("events_earliest");
    assert_int_equal(conf_audit_count(fx->t), audits);

    /* a handle opened before the change, which has checked an event already */
    mtrk_tenant *early = NULL;
    CONF_OK(mtrk_tenant_open(&early, fx->db, "t1", "api:early"));
    conf_scn se;
    conf_scn_build(&se, early, "twe", 1, 0, 1);
    CONF_OK(conf_ev(NULL, early, MTRK_EV_OPEN, se.mids[0], INT64_C(1735689599999)));
    mtrk_tenant *early_batch = NULL; /* the same, recording in batches */
    CONF_OK(mtrk_tenant_open(&early_batch, fx->db, "t1", "api:early"));
    mtrk_event_input bin;
    mtrk_event_outcome bout, *boutp = &bout;
    const mtrk_event_input *binp = &bin;
    conf_ev_init(&bin, MTRK_EV_OPEN, se.mids[0], INT64_C(1735689599998));
    CONF_INIT(bout, MTRK_EVENT_OUTCOME_VERSION);
    CONF_OK(mtrk_event_record_batch(NULL, &boutp, early_batch, &binp, 1));
    assert_int_equal(bout.status, MTRK_OK);

    /* 2025-01-01 to a week ahead */
    s.events_earliest = INT64_C(1735689600000);
    s.events_ahead_ms = 7 * DAY_MS;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &s));
    conf_audit r = conf_audit_last(fx->t, "tenant.settings");
    assert_true(r.found);
    assert_non_null(strstr(r.detail, "\"events_ahead_ms\":{\"from\":86400000,\"to\":604800000}"));
    mtrk_tenant *again = NULL;
    CONF_OK(mtrk_tenant_open(&again, fx->db, "t1", "api:x"));
    conf_scn sc;
    conf_scn_build(&sc, again, "tw", 1, 0, 1);
    size_t before = conf_count_message_events(again, sc.mids[0]);
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, again, MTRK_EV_OPEN, sc.mids[0], INT64_C(1735689599999)));
    CONF_ERRMSG_HAS("before 2025-01-01");
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, again, MTRK_EV_OPEN, sc.mids[0], conf_clock_now() + 7 * DAY_MS + 1));
    CONF_ERRMSG_HAS("more than 7 days after the clock");
    CONF_OK(conf_ev(NULL, again, MTRK_EV_OPEN, sc.mids[0], conf_clock_now() + 7 * DAY_MS));
    CONF_OK(conf_ev(NULL, again, MTRK_EV_OPEN, sc.mids[0], INT64_C(1735689600000)));
    assert_int_equal(conf_count_message_events(again, sc.mids[0]), before + 2);
    conf_scn_free(&sc);
    mtrk_tenant_close(again);
    /* the early handle applies the change within a second of clock time */
    conf_clock_advance(1000);
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, early, MTRK_EV_OPEN, se.mids[0], INT64_C(1735689599999)));
    CONF_ERRMSG_HAS("before 2025-01-01");
    conf_ev_init(&bin, MTRK_EV_OPEN, se.mids[0], INT64_C(1735689599997));
    CONF_INIT(bout, MTRK_EVENT_OUTCOME_VERSION);
    CONF_OK(mtrk_event_record_batch(NULL, &boutp, early_batch, &binp, 1));
    assert_int_equal(bout.status, MTRK_EINVAL);
    assert_non_null(strstr(bout.message, "before 2025-01-01"));
    conf_scn_free(&se);
    mtrk_tenant_close(early);
    mtrk_tenant_close(early_batch);

    /* the other tenant keeps the defaults */
    CONF_OK(mtrk_tenant_settings_get(&s, fx->t2));
    assert_int_equal(s.events_earliest, INT64_C(946684800000));
    assert_int_equal(s.events_ahead_ms, DAY_MS);
    conf_scn_build(&sc, fx->t2, "tw2", 1, 0, 1);
    CONF_EXPECT(MTRK_EINVAL, conf_ev(NULL, fx->t2, MTRK_EV_OPEN, sc.mids[0], conf_clock_now() + 2 * DAY_MS));
    CONF_ERRMSG_HAS("more than a day after the clock");
    CONF_OK(conf_ev(NULL, fx->t2, MTRK_EV_OPEN, sc.mids[0], INT64_C(1000000000000))); /* 2001 */
    conf_scn_free(&sc);
}

/* Every tenant a store holds follows the current address rule from its
 * creation: opening another handle on the store finds nothing to migrate
 * (no "contact.rekey" entry) and every spelling of an IDN address still
 * names its one contact. */
static void test_db_open_finds_no_address_rule_migration_for_new_data(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact_new(fx->t, "ana@bücher.de");
    mtrk_db *other = NULL;
    CONF_OK(conf_open_same(&other, fx));
    mtrk_tenant *t = NULL;
    CONF_OK(mtrk_tenant_open(&t, other, "t1", "api:x"));
    assert_int_equal(conf_count_audit(t, "contact.rekey", mtrk_tenant_id(t)), 0);
    mtrk_id again;
    int created = -1;
    CONF_OK(mtrk_contact_add(&again, &created, t, "ana@xn--bcher-kva.de", NULL));
    assert_int_equal(created, 0);
    assert_memory_equal(again.bytes, id.bytes, sizeof id.bytes);
    mtrk_tenant_close(t);
    mtrk_db_close(other);
}

static void test_open_options_unknown_version_is_eversion(void **state)
{
    (void)state;
    mtrk_open_options o;
    CONF_EXPECT(MTRK_EVERSION, mtrk_open_options_init(&o, 0));
    CONF_EXPECT(MTRK_EVERSION, mtrk_open_options_init(&o, 99));
    CONF_OK(mtrk_open_options_init(&o, MTRK_OPEN_OPTIONS_VERSION));
    assert_int_equal(o.version, MTRK_OPEN_OPTIONS_VERSION);
    assert_null(o.clock);

    mtrk_db *d = NULL;
    o.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_db_open(&d, "memory:", &o));
    assert_null(d);
    o.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_db_open(&d, "memory:", &o));
    assert_null(d);
    mtrk_store *st = NULL;
    CONF_OK(mtrk_store_memory_new(&st));
    CONF_EXPECT(MTRK_EVERSION, mtrk_db_open_store(&d, st, &o));
    assert_null(d);
    mtrk_store_free(st);
}

static void test_db_open_refuses_null_or_unknown_target(void **state)
{
    (void)state;
    mtrk_db *d = NULL;
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_open(&d, NULL, NULL));
    CONF_ERRMSG_HAS("target");
    assert_null(d);
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_open(&d, "nosuchbackend:whatever", NULL));
    assert_null(d);
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_open(NULL, "memory:", NULL));
    CONF_ERRMSG_HAS("out");
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_open_store(&d, NULL, NULL));
    CONF_ERRMSG_HAS("store");
}

/* ---- ids -------------------------------------------------------------- */

static void test_id_text_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < 100; i++) {
        mtrk_id id = mtrk_id_new(), back;
        char text[MTRK_ID_STRLEN + 1];
        memset(text, 'Z', sizeof text);
        mtrk_id_to_string(text, id);
        assert_int_equal(strlen(text), MTRK_ID_STRLEN);
        for (int k = 0; k < MTRK_ID_STRLEN; k++) {
            if (k == 8 || k == 13 || k == 18 || k == 23)
                assert_int_equal(text[k], '-');
            else
                assert_true(isxdigit((unsigned char)text[k]) && !isupper((unsigned char)text[k]));
        }
        assert_int_equal(text[14], '7');                 /* version 7 */
        assert_non_null(strchr("89ab", text[19]));      /* RFC 9562 variant */
        CONF_OK(mtrk_id_from_string(&back, text));
        assert_true(conf_id_eq(id, back));
        /* upper case parses to the same id */
        for (int k = 0; k < MTRK_ID_STRLEN; k++)
            text[k] = (char)toupper((unsigned char)text[k]);
        CONF_OK(mtrk_id_from_string(&back, text));
        assert_true(conf_id_eq(id, back));
    }
}

static void test_id_known_text_maps_to_bytes(void **state)
{
    (void)state;
    mtrk_id id;
    CONF_OK(mtrk_id_from_string(&id, "0189f7e0-1234-7abc-8def-0123456789ab"));
    static const uint8_t want[16] = { 0x01, 0x89, 0xf7, 0xe0, 0x12, 0x34, 0x7a, 0xbc,
                                      0x8d, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab };
    assert_memory_equal(id.bytes, want, 16);
    char text[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(text, id);
    assert_string_equal(text, "0189f7e0-1234-7abc-8def-0123456789ab");
    mtrk_id nil;
    CONF_OK(mtrk_id_from_string(&nil, "00000000-0000-0000-0000-000000000000"));
    assert_true(mtrk_id_is_nil(nil));
}

static void test_id_parse_refuses_malformed_text(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "0189f7e0",
        "0189f7e0-1234-7abc-8def-0123456789a",   /* 35 */
        "0189f7e0-1234-7abc-8def-0123456789abc", /* 37 */
        "0189f7e012347abc8def0123456789ab",      /* no hyphens */
        "0189f7e0-1234-7abc-8def-0123456789ag",  /* not hex */
        "0189f7e01-234-7abc-8def-0123456789ab",  /* hyphen misplaced */
        "{0189f7e0-1234-7abc-8def-0123456789ab}",
        " 0189f7e0-1234-7abc-8def-0123456789ab",
        "0189f7e0-1234-7abc-8def-0123456789ab ",
        "0189f7e0_1234_7abc_8def_0123456789ab",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mtrk_id id;
        CONF_EXPECT(MTRK_EINVAL, mtrk_id_from_string(&id, bad[i]));
    }
    mtrk_id id;
    CONF_EXPECT(MTRK_EINVAL, mtrk_id_from_string(&id, NULL));
    CONF_EXPECT(MTRK_EINVAL, mtrk_id_from_string(NULL, "0189f7e0-1234-7abc-8def-0123456789ab"));
}

static void test_id_nil_and_compare(void **state)
{
    (void)state;
    mtrk_id nil = conf_nil();
    assert_true(mtrk_id_is_nil(nil));
    mtrk_id a = mtrk_id_new();
    assert_false(mtrk_id_is_nil(a));
    assert_int_equal(mtrk_id_compare(a, a), 0);
    assert_true(mtrk_id_compare(nil, a) < 0);
    assert_true(mtrk_id_compare(a, nil) > 0);
    mtrk_id x, y;
    CONF_OK(mtrk_id_from_string(&x, "0189f7e0-1234-7abc-8def-0123456789ab"));
    CONF_OK(mtrk_id_from_string(&y, "0189f7e0-1234-7abc-8def-0123456789ac"));
    assert_true(mtrk_id_compare(x, y) < 0);
    assert_true(mtrk_id_compare(y, x) > 0);
}

static void test_id_new_is_time_ordered_and_carries_the_time(void **state)
{
    (void)state;
    int64_t before = (int64_t)time(NULL) * 1000;
    mtrk_id a = mtrk_id_new();
    struct timespec ts = { 0, 3 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    mtrk_id b = mtrk_id_new();
    assert_true(mtrk_id_compare(a, b) < 0);
    /* the first 48 bits are Unix milliseconds */
    int64_t ms = 0;
    for (int i = 0; i < 6; i++)
        ms = (ms << 8) | a.bytes[i];
    assert_true(ms >= before - 2000 && ms <= before + 10000);
    /* ids are unique */
    mtrk_id ids[256];
    for (int i = 0; i < 256; i++) {
        ids[i] = mtrk_id_new();
        for (int j = 0; j < i; j++)
            assert_false(conf_id_eq(ids[i], ids[j]));
    }
}

/* ---- status codes and versions ----------------------------------------- */

static void test_strerror_names_every_code(void **state)
{
    (void)state;
    static const int codes[] = {
        MTRK_OK, MTRK_EINVAL, MTRK_ENOTFOUND, MTRK_EEXISTS, MTRK_ESTATE, MTRK_EBUSY,
        MTRK_ESTORE, MTRK_ENOMEM, MTRK_EVERSION, MTRK_ETOOLONG, MTRK_EENCODING,
        MTRK_ITEROVER, MTRK_EINCOMPLETE, MTRK_EADDRESS,
    };
    size_t n = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = mtrk_strerror(codes[i]);
        assert_non_null(s);
        assert_true(strlen(s) > 0);
        /* static: the same pointer each time */
        assert_ptr_equal(s, mtrk_strerror(codes[i]));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(s, mtrk_strerror(codes[j]));
    }
    assert_non_null(strstr(mtrk_strerror(MTRK_EINVAL), "invalid"));
    /* codes are fixed numbers (appended only, never renumbered) */
    assert_int_equal(MTRK_EINVAL, -1);
    assert_int_equal(MTRK_EADDRESS, -13);
    /* an unknown code still gets a string */
    assert_non_null(mtrk_strerror(-999));
    assert_non_null(mtrk_strerror(42));
}

static void test_last_errmsg_names_the_argument_of_the_failed_call(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id;
    CONF_EXPECT(MTRK_EADDRESS, mtrk_contact_add(&id, NULL, fx->t, "no-at-sign", NULL));
    assert_true(strlen(mtrk_last_errmsg()) > 0);
    CONF_ERRMSG_HAS("address");
    /* the tenant handle keeps the same message */
    assert_non_null(strstr(mtrk_tenant_errmsg(fx->t), "address"));
}

static void test_version_functions_match_the_header(void **state)
{
    (void)state;
    assert_int_equal(mtrk_version_number(), MTRK_VERSION_NUMBER);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", MTRK_VERSION_MAJOR, MTRK_VERSION_MINOR,
             MTRK_VERSION_PATCH);
    assert_string_equal(mtrk_version_string(), want);
    assert_int_equal(MTRK_VERSION_NUMBER,
                     MTRK_VERSION_MAJOR * 1000000 + MTRK_VERSION_MINOR * 1000 + MTRK_VERSION_PATCH);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_tenant_create_then_open_by_key_gives_same_tenant),
    CONF_TEST(test_tenant_create_existing_key_is_eexists),
    CONF_TEST(test_tenant_open_missing_key_is_enotfound_and_never_creates),
    CONF_TEST(test_tenant_key_accepts_allowed_characters_up_to_64),
    CONF_TEST(test_tenant_key_refuses_bad_keys),
    CONF_TEST(test_tenant_close_is_null_safe),
    CONF_TEST(test_tenant_ids_are_distinct_per_tenant),
    CONF_TEST(test_tenant_actor_rules),
    CONF_TEST(test_tenant_create_is_audited_with_actor),
    CONF_TEST(test_tenant_actor_change_applies_to_later_audit_entries),
    CONF_TEST(test_tenant_actor_is_per_handle),
    CONF_TEST(test_tenant_settings_defaults),
    CONF_TEST(test_event_time_window_is_a_tenant_setting),
    CONF_TEST(test_db_open_finds_no_address_rule_migration_for_new_data),
    CONF_TEST(test_tenant_settings_set_then_get_round_trips),
    CONF_TEST(test_tenant_settings_accept_the_limits),
    CONF_TEST(test_tenant_settings_validation_names_the_field),
    CONF_TEST(test_tenant_settings_change_is_audited),
    CONF_TEST(test_tenant_settings_unknown_version_is_eversion),
    CONF_TEST(test_tenant_handles_on_a_shared_store_see_each_others_tenants),
    CONF_TEST(test_tenant_memory_target_gives_a_private_store),
    CONF_TEST(test_db_now_follows_the_clock_option),
    CONF_TEST(test_event_time_outside_the_window_is_refused),
    CONF_TEST(test_open_options_unknown_version_is_eversion),
    CONF_TEST(test_db_open_refuses_null_or_unknown_target),
    CONF_TEST(test_id_text_round_trip),
    CONF_TEST(test_id_known_text_maps_to_bytes),
    CONF_TEST(test_id_parse_refuses_malformed_text),
    CONF_TEST(test_id_nil_and_compare),
    CONF_TEST(test_id_new_is_time_ordered_and_carries_the_time),
    CONF_TEST(test_strerror_names_every_code),
    CONF_TEST(test_last_errmsg_names_the_argument_of_the_failed_call),
    CONF_TEST(test_version_functions_match_the_header),
};

CONF_GROUP(conf_group_tenants, "tenants", tests);
