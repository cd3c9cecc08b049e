/*
 * Conformance: contacts — normalization, validation, upsert by address,
 * snapshots, custom fields, name, consent, status, iteration, erasure and the
 * JSON export.
 *
 * The contract (docs/rules.md "Contacts"):
 *  - an address is trimmed of ASCII whitespace, its domain lower-cased, its
 *    local part kept; uniqueness is case-insensitive on the whole address;
 *  - valid: exactly one '@'; local part 1–64 octets of printable ASCII without
 *    spaces or "(),:;<>[\] and without leading, trailing or double dots;
 *    domain <= 253 octets, >= 2 labels of 1–63 octets of a–z 0–9 - (not at
 *    either end) or UTF-8 octets >= 0x80 (IDN); address <= 254 octets;
 *    invalid UTF-8 is MTRK_EENCODING, other faults MTRK_EADDRESS naming the
 *    address, and nothing is written;
 *  - adding an existing address returns its id with created = 0 and ignores
 *    the spec;
 *  - custom fields: keys 1–64 octets, values <= 1024, at most 64 per contact;
 *  - explicit status changes are audited ("contact.status"); ERASED only by
 *    erase; an erased contact refuses every change (MTRK_ESTATE);
 *  - erase removes personal data (address, name, fields, consent,
 *    memberships), keeps the id, suppresses the address as a keyed hash
 *    (reason "erased"), is audited ("contact.erase"); adding the address again
 *    creates a new contact that stays suppressed until
 *    mtrk_suppression_remove(MTRK_SUPPRESS_ADDRESS, address);
 *  - the export is one JSON document with everything held about the contact.
 */
#include <jansson.h>

#include "conf_build.h"
#include "conf_util.h"

/* ---- normalization and validation ------------------------------------ */

typedef struct addr_case {
    const char *in;
    const char *out;
} addr_case;

/* A domain label of n copies of ch followed by '.' (into buf at *pos). */
static void put_label(char *buf, size_t *pos, char ch, size_t n, int dot)
{
    memset(buf + *pos, ch, n);
    *pos += n;
    if (dot)
        buf[(*pos)++] = '.';
    buf[*pos] = '\0';
}

/* local part of `local` octets, '@', a domain of exactly `domain` octets. */
static char *make_address(size_t local, size_t domain)
{
    char *s = malloc(local + domain + 2);
    assert_non_null(s);
    size_t pos = 0;
    put_label(s, &pos, 'l', local, 0);
    s[pos++] = '@';
    /* labels of 63, separated by dots, the last one "com" */
    size_t left = domain - 3; /* room for the "label." parts before "com" */
    while (left > 0) {
        size_t n = left - 1 > 63 ? 63 : left - 1;
        if (left - (n + 1) == 1) /* a lone octet left could not hold "x." */
            n--;
        put_label(s, &pos, 'd', n, 1);
        left -= n + 1;
    }
    memcpy(s + pos, "com", 4);
    assert_int_equal(strlen(s), local + 1 + domain);
    return s;
}

static void test_address_normalize_accepts_and_normalizes_valid_addresses(void **state)
{
    (void)state;
    static const addr_case ok[] = {
        { "alice@example.com", "alice@example.com" },
        { "  Alice@Example.COM  ", "Alice@example.com" },
        { "\tbob@example.org\r\n", "bob@example.org" },
        { "first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk" },
        { "a@b.co", "a@b.co" },
        { "user_name-1@my-domain.example", "user_name-1@my-domain.example" },
        { "o'neil@example.com", "o'neil@example.com" },
        { "x!#$%&*+/=?^`{|}~@example.com", "x!#$%&*+/=?^`{|}~@example.com" },
        { "user@123.example.com", "user@123.example.com" },
        { "User@EXAMPLE.com", "User@example.com" },
        { "joao@exempl\xc3\xb4.com.br", "joao@exempl\xc3\xb4.com.br" },
        { "joao@EXEMPL\xc3\xb4.COM", "joao@exempl\xc3\xb4.com" },
        { "info@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd", "info@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd" },
        { "x@xn--bcher-kva.example", "x@b\xc3\xbc" "cher.example" },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char out[MTRK_MAX_ADDRESS + 1];
        int rc = mtrk_address_normalize(out, sizeof out, ok[i].in);
        if (rc != MTRK_OK)
            fail_msg("\"%s\" refused: %d %s", ok[i].in, rc, mtrk_last_errmsg());
        assert_string_equal(out, ok[i].out);
    }
}

static void test_address_rfc5321_limits_are_inclusive(void **state)
{
    (void)state;
    char out[MTRK_MAX_ADDRESS + 1];
    /* local part of exactly 64 */
    char *a = make_address(MTRK_MAX_LOCAL_PART, 20);
    CONF_OK(mtrk_address_normalize(out, sizeof out, a));
    assert_string_equal(out, a);
    free(a);
    /* whole address of exactly 254 */
    a = make_address(MTRK_MAX_LOCAL_PART, MTRK_MAX_ADDRESS - MTRK_MAX_LOCAL_PART - 1);
    assert_int_equal(strlen(a), MTRK_MAX_ADDRESS);
    CONF_OK(mtrk_address_normalize(out, sizeof out, a));
    assert_string_equal(out, a);
    free(a);
    /* a label of exactly 63 */
    char buf[128];
    size_t pos = 0;
    memcpy(buf, "x@", 2);
    pos = 2;
    put_label(buf, &pos, 'q', 63, 1);
    memcpy(buf + pos, "com", 4);
    CONF_OK(mtrk_address_normalize(out, sizeof out, buf));
    /* surrounding whitespace does not count towards the limit */
    a = make_address(MTRK_MAX_LOCAL_PART, MTRK_MAX_ADDRESS - MTRK_MAX_LOCAL_PART - 1);
    char *padded = malloc(strlen(a) + 5);
    assert_non_null(padded);
    sprintf(padded, "  %s  ", a);
    CONF_OK(mtrk_address_normalize(out, sizeof out, padded));
    assert_string_equal(out, a);
    free(padded);
    free(a);
}

/* Each invalid address is refused by normalize, add and find alike. */
static void expect_address_refused(mtrk_tenant *t, const char *in, int code, int alt)
{
    char out[512];
    mtrk_id id;
    int rc = mtrk_address_normalize(out, sizeof out, in);
    if (rc != code && rc != alt)
        fail_msg("normalize(\"%s\") returned %d (%s), expected %d: %s", in, rc,
                 mtrk_strerror(rc), code, mtrk_last_errmsg());
    if (rc == MTRK_EADDRESS || rc == MTRK_ETOOLONG)
        CONF_ERRMSG_HAS("address");
    int rc2 = mtrk_contact_add(&id, NULL, t, in, NULL);
    if (rc2 != rc)
        fail_msg("contact_add(\"%s\") returned %d, normalize %d: %s", in, rc2, rc,
                 mtrk_last_errmsg());
    mtrk_contact *c = NULL;
    int rc3 = mtrk_contact_find(&c, t, in);
    if (rc3 != rc)
        fail_msg("contact_find(\"%s\") returned %d, normalize %d", in, rc3, rc);
}

static void test_address_invalid_addresses_are_refused_and_nothing_written(void **state)
{
    conf_fixture *fx = *state;
    static const char *const bad[] = {
        "", "   ", "plainaddress", "a@@example.com", "a@b@example.com", "@example.com",
        "alice@", "alice@example", ".alice@example.com", "alice.@example.com",
        "al..ice@example.com", "alice@example..com", "alice@.example.com",
        "alice@example.com.", "al ice@example.com", "alice@exa mple.com",
        "alice @example.com", "alice@ example.com", "ali\x01" "ce@example.com",
        "alice@exam\x7fple.com", "ali\tce@example.com", "alice\n@example.com",
        "\"alice\"@example.com", "ali(ce)@example.com", "a,b@example.com",
        "a:b@example.com", "a;b@example.com", "a<b@example.com", "a>b@example.com",
        "a[b]@example.com", "a\\b@example.com", "alice@-example.com",
        "alice@example-.com", "alice@exa_mple.com", "alice@exam!ple.com",
        "jo\xc3\xa3o@example.com", "alice@[127.0.0.1]", "alice@example.com\x01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_address_refused(fx->t, bad[i], MTRK_EADDRESS, MTRK_EADDRESS);
    assert_int_equal(conf_contact_count(fx->t), 0);
}

static void test_address_over_rfc5321_limits_is_refused(void **state)
{
    conf_fixture *fx = *state;
    /* address of 255 octets (local part 64): over MTRK_MAX_ADDRESS */
    char *a = make_address(MTRK_MAX_LOCAL_PART, MTRK_MAX_ADDRESS - MTRK_MAX_LOCAL_PART);
    assert_int_equal(strlen(a), MTRK_MAX_ADDRESS + 1);
    expect_address_refused(fx->t, a, MTRK_ETOOLONG, MTRK_ETOOLONG);
    free(a);
    /* a very long address */
    char *huge = conf_repeat('a', 5000);
    huge[2000] = '@';
    memcpy(huge + 4990, ".com", 4);
    expect_address_refused(fx->t, huge, MTRK_ETOOLONG, MTRK_ETOOLONG);
    free(huge);
    /* local part of 65 */
    a = make_address(MTRK_MAX_LOCAL_PART + 1, 20);
    expect_address_refused(fx->t, a, MTRK_EADDRESS, MTRK_ETOOLONG);
    free(a);
    /* a label of 64 */
    char buf[128];
    size_t pos = 2;
    memcpy(buf, "x@", 2);
    put_label(buf, &pos, 'q', 64, 1);
    memcpy(buf + pos, "com", 4);
    expect_address_refused(fx->t, buf, MTRK_EADDRESS, MTRK_ETOOLONG);
    assert_int_equal(conf_contact_count(fx->t), 0);
}

static void test_address_invalid_utf8_is_eencoding(void **state)
{
    conf_fixture *fx = *state;
    static const char *const bad[] = {
        "alice@exampl\xff.com",
        "alice@\xc3(.com",
        "alice@\xc0\xae" "example.com",         /* overlong */
        "alice@\xed\xa0\x80" "example.com",     /* surrogate */
        "alice@example\xe4\xbe.com",            /* truncated sequence */
        "al\x80ice@example.com",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_address_refused(fx->t, bad[i], MTRK_EENCODING, MTRK_EENCODING);
    assert_int_equal(conf_contact_count(fx->t), 0);
}

static void test_address_normalize_refuses_a_too_small_buffer(void **state)
{
    (void)state;
    char out[32];
    CONF_EXPECT(MTRK_EINVAL, mtrk_address_normalize(out, 5, "alice@example.com"));
    /* exactly the length plus the NUL is enough */
    CONF_OK(mtrk_address_normalize(out, strlen("alice@example.com") + 1, "  alice@example.com "));
    assert_string_equal(out, "alice@example.com");
}

/* ---- add / get / find ------------------------------------------------ */

static void test_contact_add_existing_address_returns_same_id(void **state)
{
    conf_fixture *fx = *state;
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    spec.name = "Alice";
    mtrk_id a, b, c;
    int created = -1;
    CONF_OK(mtrk_contact_add(&a, &created, fx->t, "Alice@Example.com", &spec));
    assert_int_equal(created, 1);
    spec.name = "Someone Else";
    CONF_OK(mtrk_contact_add(&b, &created, fx->t, "alice@example.com", &spec));
    assert_int_equal(created, 0);
    assert_true(conf_id_eq(a, b));
    CONF_OK(mtrk_contact_add(&c, &created, fx->t, "  ALICE@EXAMPLE.COM ", NULL));
    assert_int_equal(created, 0);
    assert_true(conf_id_eq(a, c));
    /* out_created may be NULL */
    CONF_OK(mtrk_contact_add(&c, NULL, fx->t, "aLiCe@example.com", NULL));
    assert_true(conf_id_eq(a, c));
    assert_int_equal(conf_contact_count(fx->t), 1);
    /* the spec of the repeats was ignored; the first address form is kept */
    mtrk_contact *ct = NULL;
    CONF_OK(mtrk_contact_get(&ct, fx->t, a));
    assert_string_equal(mtrk_contact_name(ct), "Alice");
    assert_string_equal(mtrk_contact_address(ct), "Alice@example.com");
    mtrk_contact_free(ct);
}

static void test_contact_same_address_in_two_tenants_is_two_contacts(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id a = conf_contact(fx->t, "bob@example.com");
    mtrk_id b = conf_contact(fx->t2, "bob@example.com");
    assert_false(conf_id_eq(a, b));
}

static void test_contact_get_returns_the_stored_snapshot(void **state)
{
    conf_fixture *fx = *state;
    conf_clock_advance(777);
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    spec.name = "Jos\xc3\xa9 Silva";
    spec.consent_at = CONF_T0 - 1000;
    spec.consent_source = "signup-form";
    spec.consent_text_version = "v2";
    mtrk_id id;
    CONF_OK(mtrk_contact_add(&id, NULL, fx->t, " Jose@Example.COM", &spec));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_true(conf_id_eq(mtrk_contact_id(c), id));
    assert_string_equal(mtrk_contact_address(c), "Jose@example.com");
    assert_string_equal(mtrk_contact_name(c), "Jos\xc3\xa9 Silva");
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    assert_int_equal(mtrk_contact_created_at(c), CONF_T0 + 777);
    assert_int_equal(mtrk_contact_consent_at(c), CONF_T0 - 1000);
    assert_string_equal(mtrk_contact_consent_source(c), "signup-form");
    assert_string_equal(mtrk_contact_consent_text_version(c), "v2");
    assert_int_equal(mtrk_contact_field_count(c), 0);
    mtrk_contact_free(c);

    /* without a spec: nothing given */
    mtrk_id id2 = conf_contact(fx->t, "plain@example.com");
    CONF_OK(mtrk_contact_get(&c, fx->t, id2));
    assert_null(mtrk_contact_name(c));
    assert_int_equal(mtrk_contact_consent_at(c), 0);
    assert_null(mtrk_contact_consent_source(c));
    assert_null(mtrk_contact_consent_text_version(c));
    mtrk_contact_free(c);
    mtrk_contact_free(NULL);
}

static void test_contact_find_normalizes_and_matches_case_insensitively(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "Carol@example.com");
    static const char *const forms[] = {
        "Carol@example.com", "carol@example.com", "  CAROL@EXAMPLE.COM\t", "cArOl@ExAmPlE.cOm",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        mtrk_contact *c = NULL;
        CONF_OK(mtrk_contact_find(&c, fx->t, forms[i]));
        assert_true(conf_id_eq(mtrk_contact_id(c), id));
        mtrk_contact_free(c);
    }
    mtrk_contact *c = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_find(&c, fx->t, "carol@example.org"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_find(&c, fx->t, "caro@example.com"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_get(&c, fx->t, conf_unknown_id()));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_get(&c, fx->t, conf_nil()));
}

/* Every spelling of one internationalized domain is one contact: the key is
 * the A-label form of the domain, the stored address its Unicode form. */
static void test_contact_spellings_of_an_idn_domain_are_one_contact(void **state)
{
    conf_fixture *fx = *state;
    static const char *const forms[] = {
        "ana@b\xc3\xbc" "cher.de",                             /* U-label, NFC */
        "ana@B\xc3\x9c" "CHER.de",                             /* upper case */
        "ana@bu\xcc\x88" "cher.de",                            /* NFD */
        "ana@xn--bcher-kva.de",                                /* A-label */
        "Ana@XN--BCHER-KVA.DE",
        "ana@\xef\xbd\x82\xc3\xbc\xef\xbd\x83her\xef\xbc\x8e" "de", /* full-width b, c and dot */
    };
    mtrk_id first = conf_nil();
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        mtrk_id id;
        int created = -1;
        CONF_OK(mtrk_contact_add(&id, &created, fx->t, forms[i], NULL));
        assert_int_equal(created, i == 0);
        if (i == 0)
            first = id;
        assert_true(conf_id_eq(id, first));
        mtrk_contact *c = NULL;
        CONF_OK(mtrk_contact_find(&c, fx->t, forms[i]));
        assert_true(conf_id_eq(mtrk_contact_id(c), first));
        assert_string_equal(mtrk_contact_address(c), "ana@b\xc3\xbc" "cher.de");
        mtrk_contact_free(c);
    }
    assert_int_equal(conf_contact_count(fx->t), 1);
    /* IDNA2008 keeps sharp s: fass.de is another domain */
    mtrk_id a, b;
    CONF_OK(mtrk_contact_add(&a, NULL, fx->t, "x@fa\xc3\x9f.de", NULL));
    CONF_OK(mtrk_contact_add(&b, NULL, fx->t, "x@fass.de", NULL));
    assert_false(conf_id_eq(a, b));
}

/* A domain suppressed in one spelling blocks addresses in every other. */
static void test_suppression_of_an_idn_domain_holds_for_every_spelling(void **state)
{
    conf_fixture *fx = *state;
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "M\xc3\x9c" "NCHEN.de", "manual"));
    static const char *const forms[] = { "x@m\xc3\xbc" "nchen.de", "x@xn--mnchen-3ya.de", "x@mu\xcc\x88" "nchen.de" };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        mtrk_suppression_kind k = 0;
        CONF_OK(mtrk_suppression_check(&k, fx->t, forms[i]));
        assert_int_equal(k, MTRK_SUPPRESS_DOMAIN);
    }
    int created = -1;
    CONF_OK(mtrk_suppression_add(&created, fx->t, MTRK_SUPPRESS_DOMAIN, "xn--mnchen-3ya.de", "manual"));
    assert_int_equal(created, 0);
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "Bob@xn--bcher-kva.de", "manual"));
    mtrk_suppression_kind k = 0;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "bob@B\xc3\x9c" "CHER.de"));
    assert_int_equal(k, MTRK_SUPPRESS_ADDRESS);
}

/* Spaces, controls, invisible characters, symbols, bad A-labels, numeric and
 * special-use top-level domains: refused by every call that takes an address,
 * nothing written. */
static void test_address_undeliverable_domains_are_refused(void **state)
{
    conf_fixture *fx = *state;
    static const char *const bad[] = {
        "test@invalid.co\xe3\x80\x80m", "test@invalid.co\xc2\xa0m", "test@invalid.co\xc2\x9cm",
        "ana@b\xc3\xbc\xe2\x80\x8b" "cher.de", "ana@b\xc3\xbc\xe2\x80\xae" "cher.de",
        "ana@b\xee\x80\x80" "cher.de", "ana@b\xcd\xb8" "cher.de", "ana@a\xc2\xa9" "b.com",
        "ana@\xe2\x92\x88" "com", "ana@xn--0.com", "ana@xn--abc.com", "test@255.255.255.255",
        "ana@example.test", "ana@foo.invalid", "ana@printer.local", "ana@foo.localhost",
        "ana@abcdefghijklmnop.onion", "ana@1.0.0.127.in-addr.arpa",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_address_refused(fx->t, bad[i], MTRK_EADDRESS, MTRK_EADDRESS);
    assert_int_equal(conf_contact_count(fx->t), 0);
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "xn--0.com", "manual"));
    CONF_ERRMSG_HAS("not a valid A-label");
}

/* ---- batches ---------------------------------------------------------- */

/* One transaction, an outcome per address: bad addresses are refused with
 * their message and do not stop the others; repeats give the same id. */
static void test_contact_add_batch_judges_each_address(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id existing = conf_contact(fx->t, "old@example.com");
    static const char *const addrs[] = {
        "a@example.com", "not-an-address", "OLD@example.com", "b@b\xc3\xbc" "cher.de", "A@EXAMPLE.COM",
        "x@example.test", "b@xn--bcher-kva.de",
    };
    enum { N = sizeof addrs / sizeof addrs[0] };
    mtrk_contact_outcome o[N], *po[N];
    for (size_t i = 0; i < N; i++) {
        CONF_OK(mtrk_contact_outcome_init(&o[i], MTRK_CONTACT_OUTCOME_VERSION));
        po[i] = &o[i];
    }
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    spec.name = "Ana";
    const mtrk_contact_spec *specs[N] = { &spec };
    size_t created = 99;
    CONF_OK(mtrk_contact_add_batch(&created, po, fx->t, addrs, specs, N));
    assert_int_equal(created, 2);
    assert_int_equal(o[0].status, MTRK_OK);
    assert_int_equal(o[0].created, 1);
    assert_null(o[0].message);
    assert_int_equal(o[1].status, MTRK_EADDRESS);
    assert_true(conf_id_eq(o[1].id, conf_nil()));
    assert_non_null(o[1].message);
    assert_non_null(strstr(o[1].message, "addresses[1]"));
    assert_non_null(strstr(o[1].message, "has no '@'"));
    assert_int_equal(o[2].status, MTRK_OK);
    assert_int_equal(o[2].created, 0);
    assert_true(conf_id_eq(o[2].id, existing));
    assert_int_equal(o[3].created, 1);
    assert_int_equal(o[4].created, 0);
    assert_true(conf_id_eq(o[4].id, o[0].id));
    assert_int_equal(o[5].status, MTRK_EADDRESS);
    assert_non_null(strstr(o[5].message, "addresses[5]"));
    assert_non_null(strstr(o[5].message, "special-use"));
    assert_true(conf_id_eq(o[6].id, o[3].id));
    assert_int_equal(conf_contact_count(fx->t), 3);
    /* the spec applied to the new contact it was given with */
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, o[0].id));
    assert_string_equal(mtrk_contact_name(c), "Ana");
    mtrk_contact_free(c);
    /* the call succeeded: no message is left on the handle */
    assert_string_equal(mtrk_tenant_errmsg(fx->t), "");
    /* an empty batch does nothing */
    CONF_OK(mtrk_contact_add_batch(&created, po, fx->t, addrs, NULL, 0));
    assert_int_equal(created, 0);
}

static void test_contact_add_batch_refuses_bad_arguments_and_writes_nothing(void **state)
{
    conf_fixture *fx = *state;
    const char *addrs[2] = { "a@example.com", "b@example.com" };
    mtrk_contact_outcome o[2], *po[2] = { &o[0], &o[1] };
    CONF_OK(mtrk_contact_outcome_init(&o[0], MTRK_CONTACT_OUTCOME_VERSION));
    CONF_OK(mtrk_contact_outcome_init(&o[1], MTRK_CONTACT_OUTCOME_VERSION));
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_add_batch(NULL, NULL, fx->t, addrs, NULL, 2));
    CONF_ERRMSG_HAS("outcomes");
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_add_batch(NULL, po, fx->t, NULL, NULL, 2));
    CONF_ERRMSG_HAS("addresses");
    o[1].version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_add_batch(NULL, po, fx->t, addrs, NULL, 2));
    CONF_ERRMSG_HAS("outcomes[1]");
    o[1].version = MTRK_CONTACT_OUTCOME_VERSION;
    mtrk_contact_spec bad = MTRK_CONTACT_SPEC_INIT;
    bad.version = 77;
    const mtrk_contact_spec *specs[2] = { NULL, &bad };
    CONF_OK(mtrk_contact_add_batch(NULL, po, fx->t, addrs, specs, 2));
    assert_int_equal(o[0].status, MTRK_OK);
    assert_int_equal(o[1].status, MTRK_EVERSION);
    assert_non_null(strstr(o[1].message, "specs[1]"));
    CONF_EXPECT(MTRK_ETOOLONG,
                mtrk_contact_add_batch(NULL, po, fx->t, addrs, NULL, (size_t)MTRK_MAX_CONTACT_BATCH + 1));
    assert_int_equal(conf_contact_count(fx->t), 1);
    CONF_EXPECT(MTRK_EVERSION, mtrk_contact_outcome_init(&o[0], 2));
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_outcome_init(NULL, 1));
}

/* ---- lookups by name --------------------------------------------------- */

static void test_audience_campaign_and_link_found_by_name(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id a1, a2, a3, got;
    CONF_OK(mtrk_audience_create(&a1, fx->t, "Newsletter"));
    CONF_OK(mtrk_audience_create(&a2, fx->t, "VIP"));
    CONF_OK(mtrk_audience_create(&a3, fx->t, "VIP"));
    CONF_OK(mtrk_audience_find(&got, fx->t, "Newsletter"));
    assert_true(conf_id_eq(got, a1));
    CONF_EXPECT(MTRK_EEXISTS, mtrk_audience_find(&got, fx->t, "VIP"));
    CONF_ERRMSG_HAS("2 audiences have the name \"VIP\"");
    assert_true(conf_id_eq(got, conf_nil()));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_find(&got, fx->t, "newsletter"));
    CONF_ERRMSG_HAS("no audience has the name");
    CONF_EXPECT(MTRK_EINVAL, mtrk_audience_find(&got, fx->t, NULL));
    CONF_EXPECT(MTRK_EINVAL, mtrk_audience_find(NULL, fx->t, "VIP"));
    /* another tenant's names are not seen */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_find(&got, fx->t2, "Newsletter"));

    mtrk_id c1 = conf_campaign_new(fx->t, "Spring");
    (void)conf_campaign_new(fx->t, "Summer");
    (void)conf_campaign_new(fx->t, "Summer");
    CONF_OK(mtrk_campaign_find(&got, fx->t, "Spring"));
    assert_true(conf_id_eq(got, c1));
    CONF_EXPECT(MTRK_EEXISTS, mtrk_campaign_find(&got, fx->t, "Summer"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_find(&got, fx->t, "Autumn"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_find(&got, fx->t2, "Spring"));

    mtrk_id buy, blog;
    CONF_OK(mtrk_link_add(&buy, fx->t, c1, "https://shop.example.com/buy", "Buy", 0));
    CONF_OK(mtrk_link_add(&blog, fx->t, c1, "https://shop.example.com/blog", "Blog", 1));
    CONF_OK(mtrk_link_find(&got, fx->t, c1, "Blog"));
    assert_true(conf_id_eq(got, blog));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_find(&got, fx->t, c1, "Sale"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_find(&got, fx->t, conf_unknown_id(), "Buy"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_find(&got, fx->t2, c1, "Buy"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_link_find(&got, fx->t, c1, NULL));
}

/* ---- custom fields, name, consent ------------------------------------ */

static void test_contact_fields_set_overwrite_remove(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "f@example.com");
    CONF_OK(mtrk_contact_set_field(fx->t, id, "plan", "gold"));
    CONF_OK(mtrk_contact_set_field(fx->t, id, "city", "Recife"));
    CONF_OK(mtrk_contact_set_field(fx->t, id, "plan", "silver"));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_field_count(c), 2);
    const char *k = NULL, *v = NULL;
    /* key order */
    CONF_OK(mtrk_contact_field_at(&k, &v, c, 0));
    assert_string_equal(k, "city");
    assert_string_equal(v, "Recife");
    CONF_OK(mtrk_contact_field_at(&k, &v, c, 1));
    assert_string_equal(k, "plan");
    assert_string_equal(v, "silver");
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_field_at(&k, &v, c, 2));
    assert_string_equal(mtrk_contact_field(c, "plan"), "silver");
    assert_null(mtrk_contact_field(c, "missing"));
    mtrk_contact_free(c);

    CONF_OK(mtrk_contact_set_field(fx->t, id, "plan", NULL));
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_field_count(c), 1);
    assert_null(mtrk_contact_field(c, "plan"));
    assert_string_equal(mtrk_contact_field(c, "city"), "Recife");
    mtrk_contact_free(c);
}

static void test_contact_fields_at_most_64(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "many@example.com");
    char key[16];
    for (int i = 0; i < MTRK_MAX_FIELDS; i++) {
        snprintf(key, sizeof key, "k%02d", i);
        CONF_OK(mtrk_contact_set_field(fx->t, id, key, "v"));
    }
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_set_field(fx->t, id, "one-too-many", "v"));
    /* changing an existing field at the limit is fine */
    CONF_OK(mtrk_contact_set_field(fx->t, id, "k00", "changed"));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_field_count(c), MTRK_MAX_FIELDS);
    assert_null(mtrk_contact_field(c, "one-too-many"));
    assert_string_equal(mtrk_contact_field(c, "k00"), "changed");
    mtrk_contact_free(c);
    /* after removing one, a new one fits */
    CONF_OK(mtrk_contact_set_field(fx->t, id, "k01", NULL));
    CONF_OK(mtrk_contact_set_field(fx->t, id, "one-too-many", "v"));
}

static void test_contact_field_key_and_value_limits(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "lim@example.com");
    char *k64 = conf_repeat('k', MTRK_MAX_FIELD_KEY);
    char *k65 = conf_repeat('k', MTRK_MAX_FIELD_KEY + 1);
    char *v1024 = conf_repeat('v', MTRK_MAX_FIELD_VALUE);
    char *v1025 = conf_repeat('v', MTRK_MAX_FIELD_VALUE + 1);
    CONF_OK(mtrk_contact_set_field(fx->t, id, k64, v1024));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_set_field(fx->t, id, k65, "v"));
    CONF_ERRMSG_HAS("key");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_set_field(fx->t, id, "short", v1025));
    CONF_ERRMSG_HAS("value");
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_field(fx->t, id, "", "v"));
    CONF_ERRMSG_HAS("key");
    CONF_EXPECT(MTRK_EENCODING, mtrk_contact_set_field(fx->t, id, "k\xff", "v"));
    CONF_ERRMSG_HAS("key");
    CONF_EXPECT(MTRK_EENCODING, mtrk_contact_set_field(fx->t, id, "short", "\xc3"));
    CONF_ERRMSG_HAS("value");
    CONF_OK(mtrk_contact_set_field(fx->t, id, "cidade", "S\xc3\xa3o Paulo"));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_field_count(c), 2);
    assert_string_equal(mtrk_contact_field(c, k64), v1024);
    assert_null(mtrk_contact_field(c, "short"));
    assert_string_equal(mtrk_contact_field(c, "cidade"), "S\xc3\xa3o Paulo");
    mtrk_contact_free(c);
    free(k64);
    free(k65);
    free(v1024);
    free(v1025);
}

static void test_contact_set_name_sets_and_clears(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "n@example.com");
    CONF_OK(mtrk_contact_set_name(fx->t, id, "Ana Souza"));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_string_equal(mtrk_contact_name(c), "Ana Souza");
    mtrk_contact_free(c);
    char *n256 = conf_repeat('n', MTRK_MAX_NAME);
    char *n257 = conf_repeat('n', MTRK_MAX_NAME + 1);
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_contact_set_name(fx->t, id, n257));
    CONF_ERRMSG_HAS("name");
    CONF_EXPECT(MTRK_EENCODING, mtrk_contact_set_name(fx->t, id, "Ana \xff"));
    CONF_ERRMSG_HAS("name");
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_string_equal(mtrk_contact_name(c), "Ana Souza");
    mtrk_contact_free(c);
    CONF_OK(mtrk_contact_set_name(fx->t, id, n256));
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_string_equal(mtrk_contact_name(c), n256);
    mtrk_contact_free(c);
    CONF_OK(mtrk_contact_set_name(fx->t, id, NULL));
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_null(mtrk_contact_name(c));
    mtrk_contact_free(c);
    free(n256);
    free(n257);
}

static void test_contact_set_consent_records_evidence_and_ignores_name(void **state)
{
    conf_fixture *fx = *state;
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    spec.name = "Original";
    mtrk_id id;
    CONF_OK(mtrk_contact_add(&id, NULL, fx->t, "consent@example.com", &spec));
    mtrk_contact_spec consent = MTRK_CONTACT_SPEC_INIT;
    consent.name = "Ignored";
    consent.consent_at = CONF_T0 + 42;
    consent.consent_source = "checkout";
    consent.consent_text_version = "2026-01";
    CONF_OK(mtrk_contact_set_consent(fx->t, id, &consent));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_consent_at(c), CONF_T0 + 42);
    assert_string_equal(mtrk_contact_consent_source(c), "checkout");
    assert_string_equal(mtrk_contact_consent_text_version(c), "2026-01");
    assert_string_equal(mtrk_contact_name(c), "Original");
    mtrk_contact_free(c);
}

/* ---- status ------------------------------------------------------------ */

static void test_contact_set_status_is_audited(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "s@example.com");
    assert_false(conf_audit_last(fx->t, "contact.status").found);
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:ops"));
    CONF_OK(mtrk_contact_set_status(fx->t, id, MTRK_CONTACT_BOUNCED));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_BOUNCED);
    mtrk_contact_free(c);
    conf_audit r = conf_audit_last(fx->t, "contact.status");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_true(conf_id_eq(r.entity, id));
    assert_string_equal(r.actor, "api:ops");
    assert_int_equal(r.detail[0], '{');

    /* reactivating is allowed and audited too */
    CONF_OK(mtrk_contact_set_status(fx->t, id, MTRK_CONTACT_ACTIVE));
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
    assert_int_equal(conf_audit_last(fx->t, "contact.status").count, 2);

    CONF_OK(mtrk_contact_set_status(fx->t, id, MTRK_CONTACT_COMPLAINED));
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_COMPLAINED);
    mtrk_contact_free(c);
}

static void test_contact_set_status_refuses_erased_and_out_of_range(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_contact(fx->t, "s2@example.com");
    CONF_EXPECT(MTRK_ESTATE, mtrk_contact_set_status(fx->t, id, MTRK_CONTACT_ERASED));
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_status(fx->t, id, (mtrk_contact_status)0));
    CONF_ERRMSG_HAS("status");
    CONF_EXPECT(MTRK_EINVAL, mtrk_contact_set_status(fx->t, id, (mtrk_contact_status)99));
    CONF_ERRMSG_HAS("status");
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
    assert_false(conf_audit_last(fx->t, "contact.status").found);
}

/* ---- iteration --------------------------------------------------------- */

static void test_contact_iteration_is_complete_and_in_creation_order(void **state)
{
    conf_fixture *fx = *state;
    enum { N = 1000 };
    mtrk_id *ids = calloc(N, sizeof *ids);
    assert_non_null(ids);
    char addr[64];
    for (int i = 0; i < N; i++) {
        /* addresses in an order unrelated to creation order */
        snprintf(addr, sizeof addr, "c%04d@example.com", (i * 7919) % N);
        ids[i] = conf_contact(fx->t, addr);
        conf_clock_advance(1);
    }
    conf_contact(fx->t2, "other-tenant@example.com");
    mtrk_contact_iter *it = NULL;
    const mtrk_contact *c;
    CONF_OK(mtrk_contact_iter_new(&it, fx->t));
    int n = 0, rc;
    mtrk_id prev = conf_nil();
    while ((rc = mtrk_contact_iter_next(&c, it)) == MTRK_OK) {
        assert_true(n < N);
        mtrk_id id = mtrk_contact_id(c);
        assert_true(conf_id_eq(id, ids[n]));
        assert_true(mtrk_id_compare(prev, id) < 0);
        snprintf(addr, sizeof addr, "c%04d@example.com", (n * 7919) % N);
        assert_string_equal(mtrk_contact_address(c), addr);
        prev = id;
        n++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    /* past the end stays at the end */
    CONF_EXPECT(MTRK_ITEROVER, mtrk_contact_iter_next(&c, it));
    mtrk_contact_iter_free(it);
    assert_int_equal(n, N);
    assert_int_equal(conf_contact_count(fx->t2), 1);
    free(ids);
}

static void test_contact_iteration_of_an_empty_tenant_ends_at_once(void **state)
{
    conf_fixture *fx = *state;
    mtrk_contact_iter *it = NULL;
    const mtrk_contact *c;
    CONF_OK(mtrk_contact_iter_new(&it, fx->t));
    CONF_EXPECT(MTRK_ITEROVER, mtrk_contact_iter_next(&c, it));
    mtrk_contact_iter_free(it);
    mtrk_contact_iter_free(NULL);
}

/* ---- erasure ----------------------------------------------------------- */

static mtrk_id rich_contact(conf_fixture *fx, const char *address, mtrk_id *out_aud)
{
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    spec.name = "Erin Example";
    spec.consent_at = CONF_T0 - 5;
    spec.consent_source = "signup-form";
    spec.consent_text_version = "v7";
    mtrk_id id;
    int created = 0;
    CONF_OK(mtrk_contact_add(&id, &created, fx->t, address, &spec));
    assert_int_equal(created, 1);
    CONF_OK(mtrk_contact_set_field(fx->t, id, "plan", "gold-plan-value"));
    mtrk_id aud = conf_audience(fx->t, "erase-list");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, id));
    if (out_aud)
        *out_aud = aud;
    return id;
}

static void test_contact_erase_removes_personal_data_and_keeps_the_id(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud;
    mtrk_id id = rich_contact(fx, "erin@example.com", &aud);
    mtrk_id keep = conf_contact(fx->t, "keep@example.com");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, keep));
    size_t before = conf_contact_count(fx->t);
    CONF_OK(mtrk_contact_erase(fx->t, id));

    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_true(conf_id_eq(mtrk_contact_id(c), id));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ERASED);
    assert_null(mtrk_contact_address(c));
    assert_null(mtrk_contact_name(c));
    assert_int_equal(mtrk_contact_field_count(c), 0);
    assert_null(mtrk_contact_field(c, "plan"));
    assert_null(mtrk_contact_consent_source(c));
    assert_null(mtrk_contact_consent_text_version(c));
    mtrk_contact_free(c);
    /* the address no longer finds it */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_find(&c, fx->t, "erin@example.com"));
    /* ids and counts stay */
    assert_int_equal(conf_contact_count(fx->t), before);
    /* memberships removed, other members kept */
    assert_int_equal(conf_member_count(fx->t, aud), 1);
    /* the other contact is untouched */
    CONF_OK(mtrk_contact_get(&c, fx->t, keep));
    assert_string_equal(mtrk_contact_address(c), "keep@example.com");
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
}

static void test_contact_erase_suppresses_the_address_as_a_hash(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = rich_contact(fx, "Erin@Example.com", NULL);
    CONF_OK(mtrk_contact_erase(fx->t, id));
    mtrk_suppression_kind k = 0;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "Erin@example.com"));
    assert_int_equal(k, MTRK_SUPPRESS_HASH);
    /* case-insensitive like the address itself */
    k = 0;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "  ERIN@EXAMPLE.COM"));
    assert_int_equal(k, MTRK_SUPPRESS_HASH);
    /* another address of the domain is not suppressed */
    k = 99;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "someone@example.com"));
    assert_int_equal(k, 0);
    /* the list holds one hash entry with reason "erased", not the address */
    mtrk_suppression_iter *it = NULL;
    const mtrk_suppression *s;
    CONF_OK(mtrk_suppression_iter_new(&it, fx->t));
    CONF_OK(mtrk_suppression_iter_next(&s, it));
    assert_int_equal(mtrk_suppression_kind_of(s), MTRK_SUPPRESS_HASH);
    assert_string_equal(mtrk_suppression_reason(s), "erased");
    const char *v = mtrk_suppression_value(s);
    assert_non_null(v);
    assert_null(strstr(v, "rin@"));
    assert_null(strstr(v, "xample"));
    assert_true(strlen(v) >= 32);
    for (const char *p = v; *p; p++)
        assert_true((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'));
    CONF_EXPECT(MTRK_ITEROVER, mtrk_suppression_iter_next(&s, it));
    mtrk_suppression_iter_free(it);
    /* the other tenant is not affected */
    k = 99;
    CONF_OK(mtrk_suppression_check(&k, fx->t2, "erin@example.com"));
    assert_int_equal(k, 0);
}

static void test_contact_erase_is_audited(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = rich_contact(fx, "audit-erase@example.com", NULL);
    CONF_OK(mtrk_tenant_set_actor(fx->t, "dpo:maria"));
    conf_clock_advance(60000);
    CONF_OK(mtrk_contact_erase(fx->t, id));
    conf_audit r = conf_audit_last(fx->t, "contact.erase");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_true(conf_id_eq(r.entity, id));
    assert_string_equal(r.actor, "dpo:maria");
    assert_int_equal(r.at, CONF_T0 + 60000);
    /* the audit entry does not keep the erased address */
    assert_null(strstr(r.detail, "audit-erase@"));
}

static void test_contact_erase_twice_is_estate_and_erased_refuses_changes(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = rich_contact(fx, "twice@example.com", NULL);
    CONF_OK(mtrk_contact_erase(fx->t, id));
    size_t audits = conf_audit_count(fx->t);
    CONF_EXPECT(MTRK_ESTATE, mtrk_contact_erase(fx->t, id));
    CONF_EXPECT(MTRK_ESTATE, mtrk_contact_set_field(fx->t, id, "plan", "x"));
    CONF_EXPECT(MTRK_ESTATE, mtrk_contact_set_name(fx->t, id, "x"));
    CONF_EXPECT(MTRK_ESTATE, mtrk_contact_set_status(fx->t, id, MTRK_CONTACT_ACTIVE));
    mtrk_contact_spec consent = MTRK_CONTACT_SPEC_INIT;
    consent.consent_source = "x";
    CONF_EXPECT(MTRK_ESTATE, mtrk_contact_set_consent(fx->t, id, &consent));
    assert_int_equal(conf_audit_count(fx->t), audits);
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, id));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ERASED);
    assert_null(mtrk_contact_name(c));
    assert_int_equal(mtrk_contact_field_count(c), 0);
    mtrk_contact_free(c);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_erase(fx->t, conf_unknown_id()));
}

static void test_contact_readded_after_erase_is_new_and_stays_suppressed(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id old = rich_contact(fx, "back@example.com", NULL);
    CONF_OK(mtrk_contact_erase(fx->t, old));
    mtrk_id fresh;
    int created = 0;
    CONF_OK(mtrk_contact_add(&fresh, &created, fx->t, "Back@example.com", NULL));
    assert_int_equal(created, 1);
    assert_false(conf_id_eq(fresh, old));
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_find(&c, fx->t, "back@example.com"));
    assert_true(conf_id_eq(mtrk_contact_id(c), fresh));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
    mtrk_suppression_kind k = 0;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "back@example.com"));
    assert_int_equal(k, MTRK_SUPPRESS_HASH);
    /* a campaign would not reach it */
    mtrk_id aud = conf_audience(fx->t, "returning");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, fresh));
    mtrk_id camp = conf_campaign_for(fx->t, aud);
    mtrk_exclusion why = MTRK_EXCL_NONE;
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, fresh));
    assert_int_equal(why, MTRK_EXCL_ADDRESS_SUPPRESSED);
    /* still suppressed after another add of the same address */
    CONF_OK(mtrk_contact_add(&fresh, &created, fx->t, "back@example.com", NULL));
    assert_int_equal(created, 0);
    CONF_OK(mtrk_suppression_check(&k, fx->t, "back@example.com"));
    assert_int_equal(k, MTRK_SUPPRESS_HASH);

    /* new consent: an explicit, audited unsuppress of the address */
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:consent"));
    CONF_OK(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "BACK@example.com"));
    k = 99;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "back@example.com"));
    assert_int_equal(k, 0);
    conf_audit r = conf_audit_last(fx->t, "suppression.remove");
    assert_true(r.found);
    assert_string_equal(r.actor, "api:consent");
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, fresh));
    assert_int_equal(why, MTRK_EXCL_NONE);
    /* nothing left to remove */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "back@example.com"));
}

/* ---- export ------------------------------------------------------------ */

/* 1 if `s` is a string value or an object key anywhere in `j`. */
static int json_has(const json_t *j, const char *s)
{
    if (json_is_string(j))
        return strcmp(json_string_value(j), s) == 0;
    if (json_is_object(j)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)j, k, v) {
            if (strcmp(k, s) == 0 || json_has(v, s))
                return 1;
        }
        return 0;
    }
    if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) {
            if (json_has(v, s))
                return 1;
        }
    }
    return 0;
}

/* 1 if `s` occurs inside any string value or key anywhere in `j`. */
static int json_mentions(const json_t *j, const char *s)
{
    if (json_is_string(j))
        return strstr(json_string_value(j), s) != NULL;
    if (json_is_object(j)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)j, k, v) {
            if (strstr(k, s) || json_mentions(v, s))
                return 1;
        }
        return 0;
    }
    if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) {
            if (json_mentions(v, s))
                return 1;
        }
    }
    return 0;
}

static json_t *export_json(mtrk_tenant *t, mtrk_id id)
{
    char *text = NULL;
    CONF_OK(mtrk_contact_export_json(&text, t, id));
    assert_non_null(text);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    if (root == NULL)
        fail_msg("export is not JSON (%s at %d): %s", err.text, err.position, text);
    mtrk_free(text);
    assert_true(json_is_object(root));
    return root;
}

static void test_contact_export_json_holds_attributes_consent_memberships(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud1;
    mtrk_id id = rich_contact(fx, "export@example.com", &aud1);
    mtrk_id aud2 = conf_audience(fx->t, "second-list");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud2, id));
    CONF_OK(mtrk_contact_set_field(fx->t, id, "cidade", "S\xc3\xa3o Paulo"));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, id, MTRK_UNSUB_AUDIENCE, aud2, MTRK_SOURCE_MANUAL));
    json_t *root = export_json(fx->t, id);
    char idtext[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(idtext, id);
    assert_true(json_has(root, idtext));
    assert_true(json_has(root, "export@example.com"));
    assert_true(json_has(root, "Erin Example"));
    assert_true(json_has(root, "plan"));
    assert_true(json_has(root, "gold-plan-value"));
    assert_true(json_has(root, "S\xc3\xa3o Paulo"));
    assert_true(json_has(root, "signup-form"));
    assert_true(json_has(root, "v7"));
    mtrk_id_to_string(idtext, aud1);
    assert_true(json_has(root, idtext));
    mtrk_id_to_string(idtext, aud2);
    assert_true(json_has(root, idtext));
    /* nothing of another contact */
    conf_contact(fx->t, "stranger@example.com");
    assert_false(json_mentions(root, "stranger@"));
    json_decref(root);
}

static void test_contact_export_after_erase_holds_no_personal_data(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = rich_contact(fx, "gone@example.com", NULL);
    CONF_OK(mtrk_contact_erase(fx->t, id));
    json_t *root = export_json(fx->t, id);
    char idtext[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(idtext, id);
    assert_true(json_has(root, idtext));
    assert_false(json_mentions(root, "gone@example.com"));
    assert_false(json_mentions(root, "Erin Example"));
    assert_false(json_mentions(root, "gold-plan-value"));
    json_decref(root);
}

/* The export holds what the provider webhooks keep about the contact's
 * messages: its bounces' facts, the providers' message ids and, when the
 * tenant keeps them, the original event objects; none of another contact's,
 * and after erasure neither the payloads nor the provider ids. */
static json_t *export_array(json_t *root, const char *key)
{
    json_t *a = json_object_get(root, key);
    if (!json_is_array(a))
        fail_msg("export has no array \"%s\"", key);
    return a;
}

static void test_contact_export_holds_bounce_facts_provider_ids_and_payloads(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "xw", 2, 0, 1);
    mtrk_webhook_settings ws;
    CONF_OK(mtrk_webhook_settings_init(&ws, MTRK_WEBHOOK_SETTINGS_VERSION));
    ws.allow_unsigned = 1;
    CONF_OK(mtrk_webhook_settings_set(fx->t, "sendgrid", &ws));
    mtrk_tenant_settings st;
    CONF_OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION));
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t));
    st.keep_webhook_payloads = 1;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &st));
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[0], "ses", "ses-xw-0"));
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[1], "ses", "ses-xw-1"));
    char m0[MTRK_ID_STRLEN + 1], m1[MTRK_ID_STRLEN + 1], body[1024];
    mtrk_id_to_string(m0, s.mids[0]);
    mtrk_id_to_string(m1, s.mids[1]);
    snprintf(body, sizeof body,
             "[{\"email\":\"a@example.com\",\"timestamp\":1767225600,\"event\":\"bounce\",\"type\":\"bounce\","
             "\"sg_event_id\":\"xw-b0\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 user unknown\","
             "\"mtrk_mid\":\"%s\"},"
             "{\"email\":\"b@example.com\",\"timestamp\":1767225600,\"event\":\"open\","
             "\"sg_event_id\":\"xw-o1\",\"mtrk_mid\":\"%s\"}]",
             m0, m1);
    mtrk_webhook_request rq;
    CONF_OK(mtrk_webhook_request_init(&rq, MTRK_WEBHOOK_REQUEST_VERSION));
    rq.provider = "sendgrid";
    rq.body = body;
    rq.len = strlen(body);
    mtrk_webhook_result *r = NULL;
    CONF_OK(mtrk_webhook_ingest(&r, fx->t, &rq));
    assert_int_equal(r->recorded, 2);
    char bounce[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(bounce, r->outcomes[0]->event_id);
    mtrk_webhook_result_free(r);

    json_t *root = export_json(fx->t, s.contacts[0]);
    json_t *facts = export_array(root, "bounce_facts");
    assert_int_equal(json_array_size(facts), 1);
    json_t *f = json_array_get(facts, 0);
    assert_string_equal(json_string_value(json_object_get(f, "event")), bounce);
    assert_string_equal(json_string_value(json_object_get(f, "mid")), m0);
    assert_string_equal(json_string_value(json_object_get(f, "status")), "5.1.1");
    assert_string_equal(json_string_value(json_object_get(f, "kind")), "hard");
    json_t *pids = export_array(root, "provider_message_ids");
    assert_int_equal(json_array_size(pids), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(pids, 0), "provider_message_id")),
                        "ses-xw-0");
    json_t *pl = export_array(root, "webhook_payloads");
    assert_int_equal(json_array_size(pl), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(pl, 0), "event")), bounce);
    assert_non_null(strstr(json_string_value(json_object_get(json_array_get(pl, 0), "payload")), "xw-b0"));
    assert_false(json_mentions(root, "ses-xw-1"));
    assert_false(json_mentions(root, "xw-o1"));
    json_decref(root);

    CONF_OK(mtrk_contact_erase(fx->t, s.contacts[0]));
    root = export_json(fx->t, s.contacts[0]);
    assert_int_equal(json_array_size(export_array(root, "webhook_payloads")), 0);
    assert_int_equal(json_array_size(export_array(root, "provider_message_ids")), 0);
    assert_false(json_mentions(root, "a@example.com"));
    json_decref(root);
    root = export_json(fx->t, s.contacts[1]); /* the other contact's stay */
    assert_int_equal(json_array_size(export_array(root, "webhook_payloads")), 1);
    assert_int_equal(json_array_size(export_array(root, "provider_message_ids")), 1);
    json_decref(root);
    conf_scn_free(&s);
}

static void test_contact_export_unknown_id_is_enotfound(void **state)
{
    conf_fixture *fx = *state;
    char *text = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_export_json(&text, fx->t, conf_unknown_id()));
    assert_null(text);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_address_normalize_accepts_and_normalizes_valid_addresses),
    CONF_TEST(test_address_rfc5321_limits_are_inclusive),
    CONF_TEST(test_address_invalid_addresses_are_refused_and_nothing_written),
    CONF_TEST(test_address_over_rfc5321_limits_is_refused),
    CONF_TEST(test_address_invalid_utf8_is_eencoding),
    CONF_TEST(test_address_normalize_refuses_a_too_small_buffer),
    CONF_TEST(test_contact_add_existing_address_returns_same_id),
    CONF_TEST(test_contact_same_address_in_two_tenants_is_two_contacts),
    CONF_TEST(test_contact_spellings_of_an_idn_domain_are_one_contact),
    CONF_TEST(test_contact_add_batch_judges_each_address),
    CONF_TEST(test_contact_add_batch_refuses_bad_arguments_and_writes_nothing),
    CONF_TEST(test_audience_campaign_and_link_found_by_name),
    CONF_TEST(test_suppression_of_an_idn_domain_holds_for_every_spelling),
    CONF_TEST(test_address_undeliverable_domains_are_refused),
    CONF_TEST(test_contact_get_returns_the_stored_snapshot),
    CONF_TEST(test_contact_find_normalizes_and_matches_case_insensitively),
    CONF_TEST(test_contact_fields_set_overwrite_remove),
    CONF_TEST(test_contact_fields_at_most_64),
    CONF_TEST(test_contact_field_key_and_value_limits),
    CONF_TEST(test_contact_set_name_sets_and_clears),
    CONF_TEST(test_contact_set_consent_records_evidence_and_ignores_name),
    CONF_TEST(test_contact_set_status_is_audited),
    CONF_TEST(test_contact_set_status_refuses_erased_and_out_of_range),
    CONF_TEST(test_contact_iteration_is_complete_and_in_creation_order),
    CONF_TEST(test_contact_iteration_of_an_empty_tenant_ends_at_once),
    CONF_TEST(test_contact_erase_removes_personal_data_and_keeps_the_id),
    CONF_TEST(test_contact_erase_suppresses_the_address_as_a_hash),
    CONF_TEST(test_contact_erase_is_audited),
    CONF_TEST(test_contact_erase_twice_is_estate_and_erased_refuses_changes),
    CONF_TEST(test_contact_readded_after_erase_is_new_and_stays_suppressed),
    CONF_TEST(test_contact_export_json_holds_attributes_consent_memberships),
    CONF_TEST(test_contact_export_holds_bounce_facts_provider_ids_and_payloads),
    CONF_TEST(test_contact_export_after_erase_holds_no_personal_data),
    CONF_TEST(test_contact_export_unknown_id_is_enotfound),
};

CONF_GROUP(conf_group_contacts, "contacts", tests);
