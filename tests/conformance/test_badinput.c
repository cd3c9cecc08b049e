/*
 * Conformance: bad input to the functions of tenants, contacts, audiences,
 * unsubscribes, suppressions, audit and retention.
 *
 * The contract (mtrk/common.h "Errors"; docs/rules.md "Errors"): bad input gets a
 * specific status code and a message naming the argument (the parameter
 * name used in the header):
 *  - NULL for a required pointer: MTRK_EINVAL;
 *  - a string over its limit: MTRK_ETOOLONG; invalid UTF-8: MTRK_EENCODING;
 *  - an enum out of range: MTRK_EINVAL;
 *  - a versioned struct with version 0 or 99: MTRK_EVERSION;
 * and nothing is written (counts and the audit log stay as they were).
 * Every _free/_close accepts NULL.
 */
#include "conf_build.h"
#include "mtrk/store.h"

/* expr fails with MTRK_EINVAL and the message names `arg`. */
#define NULL_ARG(expr, arg)               \
    do {                                  \
        CONF_EXPECT(MTRK_EINVAL, expr);   \
        CONF_ERRMSG_HAS(arg);             \
    } while (0)

typedef struct snapshot {
    size_t contacts, audiences, supp, audit, unsubs;
    uint64_t members;
} snapshot;

static snapshot take(mtrk_tenant *t, mtrk_id contact, mtrk_id audience)
{
    snapshot s;
    s.contacts = conf_contact_count(t);
    s.audiences = conf_audience_total(t);
    s.supp = conf_suppression_count(t);
    s.audit = conf_audit_count(t);
    s.unsubs = conf_unsub_count(t, contact);
    s.members = conf_member_count(t, audience);
    return s;
}

static void assert_same(const snapshot *a, const snapshot *b)
{
    assert_int_equal(a->contacts, b->contacts);
    assert_int_equal(a->audiences, b->audiences);
    assert_int_equal(a->supp, b->supp);
    assert_int_equal(a->audit, b->audit);
    assert_int_equal(a->unsubs, b->unsubs);
    assert_int_equal(a->members, b->members);
}

static void test_badinput_db_and_tenant_null_arguments(void **state)
{
    conf_fixture *fx = *state;
    mtrk_db *d = NULL;
    mtrk_tenant *t = NULL;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    NULL_ARG(mtrk_open_options_init(NULL, MTRK_OPEN_OPTIONS_VERSION), "opts");
    NULL_ARG(mtrk_db_open(NULL, "memory:", &o), "out");
    NULL_ARG(mtrk_db_open(&d, NULL, &o), "target");
    NULL_ARG(mtrk_db_open_store(NULL, NULL, &o), "out");
    NULL_ARG(mtrk_db_open_store(&d, NULL, &o), "store");
    assert_null(d);
    NULL_ARG(mtrk_tenant_create(NULL, fx->db, "new1", "a"), "out");
    NULL_ARG(mtrk_tenant_create(&t, NULL, "new1", "a"), "db");
    NULL_ARG(mtrk_tenant_create(&t, fx->db, NULL, "a"), "key");
    NULL_ARG(mtrk_tenant_create(&t, fx->db, "new1", NULL), "actor");
    NULL_ARG(mtrk_tenant_open(NULL, fx->db, "t1", "a"), "out");
    NULL_ARG(mtrk_tenant_open(&t, NULL, "t1", "a"), "db");
    NULL_ARG(mtrk_tenant_open(&t, fx->db, NULL, "a"), "key");
    NULL_ARG(mtrk_tenant_open(&t, fx->db, "t1", NULL), "actor");
    assert_null(t);
    /* none of the refused creates made the tenant */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&t, fx->db, "new1", "a"));
    NULL_ARG(mtrk_tenant_set_actor(NULL, "a"), "tenant");
    NULL_ARG(mtrk_tenant_set_actor(fx->t, NULL), "actor");
    assert_string_equal(mtrk_tenant_actor(fx->t), "test:conformance");
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    NULL_ARG(mtrk_tenant_settings_init(NULL, MTRK_TENANT_SETTINGS_VERSION), "settings");
    NULL_ARG(mtrk_tenant_settings_get(NULL, fx->t), "out");
    NULL_ARG(mtrk_tenant_settings_get(&s, NULL), "tenant");
    NULL_ARG(mtrk_tenant_settings_set(NULL, &s), "tenant");
    NULL_ARG(mtrk_tenant_settings_set(fx->t, NULL), "settings");
    mtrk_id id;
    NULL_ARG(mtrk_id_from_string(NULL, "0189f7e0-1234-7abc-8def-0123456789ab"), "out");
    NULL_ARG(mtrk_id_from_string(&id, NULL), "text");
    assert_false(conf_audit_last(fx->t, "tenant.settings").found);
}

static void test_badinput_contact_null_arguments(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "c@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    mtrk_id id;
    mtrk_contact *ct = NULL;
    char out[64];
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    NULL_ARG(mtrk_contact_spec_init(NULL, MTRK_CONTACT_SPEC_VERSION), "spec");
    NULL_ARG(mtrk_address_normalize(NULL, sizeof out, "a@example.com"), "out");
    NULL_ARG(mtrk_address_normalize(out, sizeof out, NULL), "address");
    NULL_ARG(mtrk_contact_add(NULL, NULL, fx->t, "new@example.com", NULL), "out_id");
    NULL_ARG(mtrk_contact_add(&id, NULL, NULL, "new@example.com", NULL), "tenant");
    NULL_ARG(mtrk_contact_add(&id, NULL, fx->t, NULL, NULL), "address");
    NULL_ARG(mtrk_contact_get(NULL, fx->t, c), "out");
    NULL_ARG(mtrk_contact_get(&ct, NULL, c), "tenant");
    NULL_ARG(mtrk_contact_find(NULL, fx->t, "c@example.com"), "out");
    NULL_ARG(mtrk_contact_find(&ct, NULL, "c@example.com"), "tenant");
    NULL_ARG(mtrk_contact_find(&ct, fx->t, NULL), "address");
    NULL_ARG(mtrk_contact_set_field(NULL, c, "k", "v"), "tenant");
    NULL_ARG(mtrk_contact_set_field(fx->t, c, NULL, "v"), "key");
    NULL_ARG(mtrk_contact_set_name(NULL, c, "n"), "tenant");
    NULL_ARG(mtrk_contact_set_consent(NULL, c, &spec), "tenant");
    NULL_ARG(mtrk_contact_set_consent(fx->t, c, NULL), "consent");
    NULL_ARG(mtrk_contact_set_status(NULL, c, MTRK_CONTACT_BOUNCED), "tenant");
    NULL_ARG(mtrk_contact_erase(NULL, c), "tenant");
    mtrk_contact_iter *it = NULL;
    NULL_ARG(mtrk_contact_iter_new(NULL, fx->t), "out");
    NULL_ARG(mtrk_contact_iter_new(&it, NULL), "tenant");
    const mtrk_contact *cc = NULL;
    NULL_ARG(mtrk_contact_iter_next(&cc, NULL), "iter");
    CONF_OK(mtrk_contact_iter_new(&it, fx->t));
    NULL_ARG(mtrk_contact_iter_next(NULL, it), "out");
    mtrk_contact_iter_free(it);
    char *json = NULL;
    NULL_ARG(mtrk_contact_export_json(NULL, fx->t, c), "out_json");
    NULL_ARG(mtrk_contact_export_json(&json, NULL, c), "tenant");
    /* field_at on a snapshot */
    CONF_OK(mtrk_contact_set_field(fx->t, c, "k", "v"));
    before.audit = conf_audit_count(fx->t);
    CONF_OK(mtrk_contact_get(&ct, fx->t, c));
    const char *k, *v;
    NULL_ARG(mtrk_contact_field_at(NULL, &v, ct, 0), "out_key");
    NULL_ARG(mtrk_contact_field_at(&k, NULL, ct, 0), "out_value");
    NULL_ARG(mtrk_contact_field_at(&k, &v, NULL, 0), "contact");
    assert_string_equal(mtrk_contact_field(ct, "k"), "v");
    mtrk_contact_free(ct);
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
    CONF_OK(mtrk_contact_get(&ct, fx->t, c));
    assert_null(mtrk_contact_name(ct));
    assert_null(mtrk_contact_consent_source(ct));
    assert_int_equal(mtrk_contact_status_of(ct), MTRK_CONTACT_ACTIVE);
    assert_int_equal(mtrk_contact_field_count(ct), 1);
    mtrk_contact_free(ct);
}

static void test_badinput_contact_spec_version_is_eversion(void **state)
{
    conf_fixture *fx = *state;
    mtrk_contact_spec spec;
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_spec_init(&spec, 0));
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_spec_init(&spec, 99));
    CONF_OK(mtrk_contact_spec_init(&spec, MTRK_CONTACT_SPEC_VERSION));
    assert_null(spec.name);
    assert_int_equal(spec.consent_at, 0);
    mtrk_id id;
    spec.name = "v";
    spec.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_add(&id, NULL, fx->t, "v@example.com", &spec));
    spec.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_add(&id, NULL, fx->t, "v@example.com", &spec));
    assert_int_equal(conf_contact_count(fx->t), 0);
    mtrk_id c = conf_contact(fx->t, "w@example.com");
    spec.consent_source = "x";
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_set_consent(fx->t, c, &spec));
    spec.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_set_consent(fx->t, c, &spec));
    mtrk_contact *ct = NULL;
    CONF_OK(mtrk_contact_get(&ct, fx->t, c));
    assert_null(mtrk_contact_consent_source(ct));
    mtrk_contact_free(ct);
}

static void test_badinput_contact_spec_strings_are_checked(void **state)
{
    conf_fixture *fx = *state;
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    mtrk_id id;
    char *n257 = conf_repeat('n', MTRK_MAX_NAME + 1);
    spec.name = n257;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_add(&id, NULL, fx->t, "s@example.com", &spec));
    CONF_ERRMSG_HAS("name");
    spec.name = "bad \xff";
    CONF_EXPECT(MTRK_EENCODING, mtrk_contact_add(&id, NULL, fx->t, "s@example.com", &spec));
    CONF_ERRMSG_HAS("name");
    spec.name = NULL;
    spec.consent_source = n257;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_add(&id, NULL, fx->t, "s@example.com", &spec));
    CONF_ERRMSG_HAS("consent_source");
    spec.consent_source = "\xc3";
    CONF_EXPECT(MTRK_EENCODING, mtrk_contact_add(&id, NULL, fx->t, "s@example.com", &spec));
    CONF_ERRMSG_HAS("consent_source");
    spec.consent_source = NULL;
    spec.consent_text_version = n257;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_add(&id, NULL, fx->t, "s@example.com", &spec));
    CONF_ERRMSG_HAS("consent_text_version");
    spec.consent_text_version = "\xfe";
    CONF_EXPECT(MTRK_EENCODING, mtrk_contact_add(&id, NULL, fx->t, "s@example.com", &spec));
    CONF_ERRMSG_HAS("consent_text_version");
    assert_int_equal(conf_contact_count(fx->t), 0);
    free(n257);
}

static void test_badinput_audience_null_and_batch_arguments(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "m@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    mtrk_id id;
    mtrk_audience *a = NULL;
    uint64_t n64;
    size_t n;
    NULL_ARG(mtrk_audience_create(NULL, fx->t, "x"), "out_id");
    NULL_ARG(mtrk_audience_create(&id, NULL, "x"), "tenant");
    NULL_ARG(mtrk_audience_create(&id, fx->t, NULL), "name");
    NULL_ARG(mtrk_audience_get(NULL, fx->t, aud), "out");
    NULL_ARG(mtrk_audience_get(&a, NULL, aud), "tenant");
    NULL_ARG(mtrk_audience_rename(NULL, aud, "x"), "tenant");
    NULL_ARG(mtrk_audience_rename(fx->t, aud, NULL), "name");
    NULL_ARG(mtrk_audience_delete(NULL, aud), "tenant");
    NULL_ARG(mtrk_audience_add(NULL, NULL, aud, c), "tenant");
    NULL_ARG(mtrk_audience_remove(NULL, NULL, aud, c), "tenant");
    NULL_ARG(mtrk_audience_add_batch(&n, NULL, aud, &c, 1), "tenant");
    NULL_ARG(mtrk_audience_add_batch(&n, fx->t, aud, NULL, 1), "contacts");
    NULL_ARG(mtrk_audience_remove_batch(&n, NULL, aud, &c, 1), "tenant");
    NULL_ARG(mtrk_audience_remove_batch(&n, fx->t, aud, NULL, 1), "contacts");
    NULL_ARG(mtrk_audience_count(NULL, fx->t, aud), "out_count");
    NULL_ARG(mtrk_audience_count(&n64, NULL, aud), "tenant");
    mtrk_audience_iter *ai = NULL;
    const mtrk_audience *ca;
    NULL_ARG(mtrk_audience_iter_new(NULL, fx->t), "out");
    NULL_ARG(mtrk_audience_iter_new(&ai, NULL), "tenant");
    NULL_ARG(mtrk_audience_iter_next(&ca, NULL), "iter");
    CONF_OK(mtrk_audience_iter_new(&ai, fx->t));
    NULL_ARG(mtrk_audience_iter_next(NULL, ai), "out");
    mtrk_audience_iter_free(ai);
    mtrk_member_iter *mi = NULL;
    mtrk_id m;
    NULL_ARG(mtrk_member_iter_new(NULL, fx->t, aud), "out");
    NULL_ARG(mtrk_member_iter_new(&mi, NULL, aud), "tenant");
    NULL_ARG(mtrk_member_iter_next(&m, NULL), "iter");
    CONF_OK(mtrk_member_iter_new(&mi, fx->t, aud));
    NULL_ARG(mtrk_member_iter_next(NULL, mi), "out_contact");
    mtrk_member_iter_free(mi);
    /* a batch over MTRK_MAX_BATCH is refused before anything is read */
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_audience_add_batch(&n, fx->t, aud, &c, (size_t)MTRK_MAX_BATCH + 1));
    CONF_ERRMSG_HAS("n");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_audience_remove_batch(&n, fx->t, aud, &c, (size_t)MTRK_MAX_BATCH + 1));
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
    CONF_OK(mtrk_audience_get(&a, fx->t, aud));
    assert_string_equal(mtrk_audience_name(a), "a");
    mtrk_audience_free(a);
}

static void test_badinput_unsub_suppression_audit_retention_null_arguments(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "u@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    NULL_ARG(mtrk_unsub_add(NULL, NULL, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL), "tenant");
    NULL_ARG(mtrk_unsub_remove(NULL, c, MTRK_UNSUB_GLOBAL, conf_nil()), "tenant");
    mtrk_unsub_iter *ui = NULL;
    const mtrk_unsub *u;
    NULL_ARG(mtrk_unsub_iter_new(NULL, fx->t, c), "out");
    NULL_ARG(mtrk_unsub_iter_new(&ui, NULL, c), "tenant");
    NULL_ARG(mtrk_unsub_iter_next(&u, NULL), "iter");
    CONF_OK(mtrk_unsub_iter_new(&ui, fx->t, c));
    NULL_ARG(mtrk_unsub_iter_next(NULL, ui), "out");
    mtrk_unsub_iter_free(ui);

    mtrk_suppression_kind k;
    NULL_ARG(mtrk_suppression_add(NULL, NULL, MTRK_SUPPRESS_ADDRESS, "s@example.com", "r"), "tenant");
    NULL_ARG(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, NULL, "r"), "value");
    NULL_ARG(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "s@example.com", NULL), "reason");
    NULL_ARG(mtrk_suppression_remove(NULL, MTRK_SUPPRESS_ADDRESS, "s@example.com"), "tenant");
    NULL_ARG(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, NULL), "value");
    NULL_ARG(mtrk_suppression_check(NULL, fx->t, "s@example.com"), "out_kind");
    NULL_ARG(mtrk_suppression_check(&k, NULL, "s@example.com"), "tenant");
    NULL_ARG(mtrk_suppression_check(&k, fx->t, NULL), "address");
    mtrk_suppression_iter *si = NULL;
    const mtrk_suppression *s;
    NULL_ARG(mtrk_suppression_iter_new(NULL, fx->t), "out");
    NULL_ARG(mtrk_suppression_iter_new(&si, NULL), "tenant");
    NULL_ARG(mtrk_suppression_iter_next(&s, NULL), "iter");
    CONF_OK(mtrk_suppression_iter_new(&si, fx->t));
    NULL_ARG(mtrk_suppression_iter_next(NULL, si), "out");
    mtrk_suppression_iter_free(si);

    mtrk_audit_iter *ai = NULL;
    const mtrk_audit_entry *e;
    NULL_ARG(mtrk_audit_iter_new(NULL, fx->t), "out");
    NULL_ARG(mtrk_audit_iter_new(&ai, NULL), "tenant");
    NULL_ARG(mtrk_audit_iter_next(&e, NULL), "iter");
    CONF_OK(mtrk_audit_iter_new(&ai, fx->t));
    NULL_ARG(mtrk_audit_iter_next(NULL, ai), "out");
    mtrk_audit_iter_free(ai);

    NULL_ARG(mtrk_retention_apply(NULL, NULL), "tenant");
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
}

static void test_badinput_strings_over_limits_are_etoolong(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "lim@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    char *n257 = conf_repeat('n', MTRK_MAX_NAME + 1);
    char *addr = conf_repeat('a', 400);
    addr[10] = '@';
    memcpy(addr + 396, ".com", 4);
    mtrk_id id;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_audience_create(&id, fx->t, n257));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_audience_rename(fx->t, aud, n257));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_set_name(fx->t, c, n257));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "x@example.com", n257));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, addr, "r"));
    CONF_ERRMSG_HAS("value");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_add(&id, NULL, fx->t, addr, NULL));
    CONF_ERRMSG_HAS("address");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_tenant_set_actor(fx->t, n257));
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
    free(n257);
    free(addr);
}

static void test_badinput_invalid_utf8_is_eencoding(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "enc@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    static const char *const bad[] = { "\xff", "ab\xc3", "\xc0\x80", "\xed\xb0\x80", "\xf5\x80\x80\x80" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mtrk_id id;
        CONF_EXPECT(MTRK_EENCODING, mtrk_audience_create(&id, fx->t, bad[i]));
        CONF_ERRMSG_HAS("name");
        CONF_EXPECT(MTRK_EENCODING, mtrk_audience_rename(fx->t, aud, bad[i]));
        CONF_EXPECT(MTRK_EENCODING, mtrk_contact_set_name(fx->t, c, bad[i]));
        CONF_EXPECT(MTRK_EENCODING, mtrk_contact_set_field(fx->t, c, bad[i], "v"));
        CONF_EXPECT(MTRK_EENCODING, mtrk_contact_set_field(fx->t, c, "k", bad[i]));
        CONF_EXPECT(MTRK_EENCODING, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "example.org", bad[i]));
        CONF_ERRMSG_HAS("reason");
        CONF_EXPECT(MTRK_EENCODING, mtrk_tenant_set_actor(fx->t, bad[i]));
        CONF_ERRMSG_HAS("actor");
    }
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
    assert_string_equal(mtrk_tenant_actor(fx->t), "test:conformance");
}

static void test_badinput_enums_out_of_range_are_einval(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "enum@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_status(fx->t, c, (mtrk_contact_status)0));
    CONF_ERRMSG_HAS("status");
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_status(fx->t, c, (mtrk_contact_status)5));
    CONF_ERRMSG_HAS("status");
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_status(fx->t, c, (mtrk_contact_status)-1));
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, (mtrk_unsub_scope)0, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_ERRMSG_HAS("scope");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, (mtrk_unsub_scope)4, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), (mtrk_source)0));
    CONF_ERRMSG_HAS("source");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_BOUNCE));
    CONF_ERRMSG_HAS("source");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), (mtrk_source)8));
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_remove(fx->t, c, (mtrk_unsub_scope)0, conf_nil()));
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, (mtrk_suppression_kind)0, "x@example.com", "r"));
    CONF_ERRMSG_HAS("kind");
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, (mtrk_suppression_kind)4, "x@example.com", "r"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_HASH, "00", "r"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_remove(fx->t, (mtrk_suppression_kind)0, "x@example.com"));
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
}

static void test_badinput_empty_strings_are_refused(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "empty@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    snapshot before = take(fx->t, c, aud);
    mtrk_id id;
    mtrk_tenant *t = NULL;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_create(&t, fx->db, "", "a"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_create(&t, fx->db, "x", ""));
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_set_actor(fx->t, ""));
    CONF_EXPECT(MTRK_EINVAL, mtrk_audience_create(&id, fx->t, ""));
    CONF_EXPECT(MTRK_EINVAL, mtrk_audience_rename(fx->t, aud, ""));
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_field(fx->t, c, "", "v"));
    CONF_EXPECT(MTRK_EADDRESS, mtrk_contact_add(&id, NULL, fx->t, "", NULL));
    CONF_EXPECT(MTRK_EADDRESS, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "", "r"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "e@example.com", ""));
    snapshot after = take(fx->t, c, aud);
    assert_same(&before, &after);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_open(&t, fx->db, "x", "a"));
}

static void test_badinput_free_and_close_accept_null(void **state)
{
    (void)state;
    mtrk_db_close(NULL);
    mtrk_tenant_close(NULL);
    mtrk_contact_free(NULL);
    mtrk_contact_iter_free(NULL);
    mtrk_audience_free(NULL);
    mtrk_audience_iter_free(NULL);
    mtrk_member_iter_free(NULL);
    mtrk_unsub_iter_free(NULL);
    mtrk_suppression_iter_free(NULL);
    mtrk_audit_iter_free(NULL);
    mtrk_store_free(NULL);
    mtrk_free(NULL);
    /* and a successful call after all that still works */
    mtrk_id id = mtrk_id_new();
    assert_false(mtrk_id_is_nil(id));
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_badinput_db_and_tenant_null_arguments),
    CONF_TEST(test_badinput_contact_null_arguments),
    CONF_TEST(test_badinput_contact_spec_version_is_eversion),
    CONF_TEST(test_badinput_contact_spec_strings_are_checked),
    CONF_TEST(test_badinput_audience_null_and_batch_arguments),
    CONF_TEST(test_badinput_unsub_suppression_audit_retention_null_arguments),
    CONF_TEST(test_badinput_strings_over_limits_are_etoolong),
    CONF_TEST(test_badinput_invalid_utf8_is_eencoding),
    CONF_TEST(test_badinput_enums_out_of_range_are_einval),
    CONF_TEST(test_badinput_empty_strings_are_refused),
    CONF_TEST(test_badinput_free_and_close_accept_null),
};

CONF_GROUP(conf_group_badinput, "badinput", tests);
