/*
 * API bearer tokens (include/mtrk/apitoken.h), the contract:
 *   1. create hands out a token once; find maps it to its tenant's key;
 *   2. the store never holds the token (only a hash), and list never shows
 *      a secret: labels, ids, creation and revocation times;
 *   3. revoke makes find refuse the token at once; revoking again keeps the
 *      first time; an unknown id (or another tenant's) is MTRK_ENOTFOUND;
 *   4. find refuses, with MTRK_ENOTFOUND, anything else: a changed octet, a
 *      truncated or malformed token, a revoked one;
 *   5. a token of one tenant is never listed, revoked or found as another's;
 *   6. bad labels are refused by name, writing nothing; create and revoke
 *      are audited without the secret.
 */
#include "harness.h"

#include <stdlib.h>

static size_t count_tokens(mtrk_tenant *t)
{
    size_t n = 99;
    CONF_OK(mtrk_api_token_list(NULL, 0, &n, t));
    return n;
}

static void token_create_then_find_gives_its_tenant(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE], sec2[MTRK_API_TOKEN_SIZE], who[MTRK_MAX_TENANT_KEY + 1];
    mtrk_id id, id2;
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, &id, fx->t, "dashboard"));
    assert_int_equal(strlen(sec), MTRK_API_TOKEN_SIZE - 1);
    assert_memory_equal(sec, "mtrk_", 5);
    CONF_OK(mtrk_api_token_create(sec2, sizeof sec2, &id2, fx->t2, "other"));
    assert_string_not_equal(sec, sec2);
    CONF_OK(mtrk_db_api_token_find(who, sizeof who, fx->db, sec));
    assert_string_equal(who, mtrk_tenant_key(fx->t));
    CONF_OK(mtrk_db_api_token_find(who, sizeof who, fx->db, sec2));
    assert_string_equal(who, mtrk_tenant_key(fx->t2));
}

static void token_list_shows_labels_and_times_never_secrets(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE];
    mtrk_id a, b;
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, &a, fx->t, "first"));
    conf_clock_advance(1000);
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, &b, fx->t, "second"));
    mtrk_api_token_info i0 = MTRK_API_TOKEN_INFO_INIT, i1 = MTRK_API_TOKEN_INFO_INIT;
    mtrk_api_token_info *outs[2] = { &i0, &i1 };
    size_t n = 0;
    CONF_OK(mtrk_api_token_list(outs, 2, &n, fx->t));
    assert_int_equal(n, 2);
    assert_string_equal(i0.label, "first");
    assert_string_equal(i1.label, "second");
    assert_int_equal(mtrk_id_compare(i0.id, a), 0);
    assert_int_equal(mtrk_id_compare(i1.id, b), 0);
    assert_int_equal(i0.created_at, CONF_T0);
    assert_int_equal(i1.created_at, CONF_T0 + 1000);
    assert_int_equal(i0.revoked_at, 0);
    /* Fewer slots than tokens: the count says how many there are. */
    CONF_OK(mtrk_api_token_list(outs, 1, &n, fx->t));
    assert_int_equal(n, 2);
    assert_int_equal(count_tokens(fx->t2), 0);
}

static void token_revoked_is_refused_at_once(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE], who[MTRK_MAX_TENANT_KEY + 1];
    mtrk_id id;
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, &id, fx->t, "ci"));
    conf_clock_advance(5000);
    CONF_OK(mtrk_api_token_revoke(fx->t, id));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_db_api_token_find(who, sizeof who, fx->db, sec));
    assert_string_equal(who, "");
    conf_clock_advance(5000);
    CONF_OK(mtrk_api_token_revoke(fx->t, id)); /* again: the first time stays */
    mtrk_api_token_info i = MTRK_API_TOKEN_INFO_INIT;
    mtrk_api_token_info *outs[1] = { &i };
    size_t n = 0;
    CONF_OK(mtrk_api_token_list(outs, 1, &n, fx->t));
    assert_int_equal(n, 1);
    assert_int_equal(i.revoked_at, CONF_T0 + 5000);
    mtrk_id unknown;
    CONF_OK(mtrk_id_from_string(&unknown, "01890a5d-ac96-774b-bcce-b302099a8057"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_api_token_revoke(fx->t, unknown));
}

static void token_find_refuses_anything_but_the_token(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE], bad[MTRK_API_TOKEN_SIZE + 8], who[MTRK_MAX_TENANT_KEY + 1];
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, "x"));
    /* Each octet of the encoded part changed in turn: the ids, then the secret. */
    for (size_t i = 5; i < strlen(sec); i += 7) {
        memcpy(bad, sec, sizeof sec);
        bad[i] = bad[i] == 'A' ? 'B' : 'A';
        CONF_EXPECT(MTRK_ENOTFOUND, mtrk_db_api_token_find(who, sizeof who, fx->db, bad));
        assert_string_equal(who, "");
    }
    const char *others[] = { "", "mtrk_", "Bearer x", "mtrk_!!!!" };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        CONF_EXPECT(MTRK_ENOTFOUND, mtrk_db_api_token_find(who, sizeof who, fx->db, others[i]));
    memcpy(bad, sec, sizeof sec);
    bad[strlen(sec) - 1] = '\0'; /* truncated */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_db_api_token_find(who, sizeof who, fx->db, bad));
    snprintf(bad, sizeof bad, "%sA", sec); /* extended */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_db_api_token_find(who, sizeof who, fx->db, bad));
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_api_token_find(who, 8, fx->db, sec));
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_api_token_find(who, sizeof who, fx->db, NULL));
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_api_token_find(NULL, sizeof who, fx->db, sec));
    CONF_EXPECT(MTRK_EINVAL, mtrk_db_api_token_find(who, sizeof who, NULL, sec));
    CONF_OK(mtrk_db_api_token_find(who, sizeof who, fx->db, sec));
}

static void token_of_another_tenant_is_never_revoked_or_listed(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE], who[MTRK_MAX_TENANT_KEY + 1];
    mtrk_id id;
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, &id, fx->t2, "theirs"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_api_token_revoke(fx->t, id));
    assert_int_equal(count_tokens(fx->t), 0);
    CONF_OK(mtrk_db_api_token_find(who, sizeof who, fx->db, sec));
    assert_string_equal(who, mtrk_tenant_key(fx->t2));
}

static void token_bad_label_is_refused_by_name_writing_nothing(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE];
    char long_label[MTRK_MAX_TOKEN_LABEL + 2];
    memset(long_label, 'l', sizeof long_label - 1);
    long_label[sizeof long_label - 1] = '\0';
    CONF_EXPECT(MTRK_EINVAL, mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, ""));
    CONF_ERRMSG_HAS("label");
    assert_string_equal(sec, "");
    CONF_EXPECT(MTRK_EINVAL, mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, NULL));
    CONF_EXPECT(MTRK_EINVAL, mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, "tab\there"));
    CONF_ERRMSG_HAS("control");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, long_label));
    CONF_ERRMSG_HAS("label");
    CONF_EXPECT(MTRK_EENCODING, mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, "\xff\xfe"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_api_token_create(sec, MTRK_API_TOKEN_SIZE - 1, NULL, fx->t, "ok"));
    CONF_ERRMSG_HAS("size");
    CONF_EXPECT(MTRK_EINVAL, mtrk_api_token_create(sec, sizeof sec, NULL, NULL, "ok"));
    assert_int_equal(count_tokens(fx->t), 0);
    long_label[MTRK_MAX_TOKEN_LABEL] = '\0'; /* exactly the limit */
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, NULL, fx->t, long_label));
    assert_int_equal(count_tokens(fx->t), 1);
}

static void token_create_and_revoke_are_audited_without_the_secret(void **state)
{
    conf_fixture *fx = *state;
    char sec[MTRK_API_TOKEN_SIZE];
    mtrk_id id;
    CONF_OK(mtrk_api_token_create(sec, sizeof sec, &id, fx->t, "audited \"label\""));
    CONF_OK(mtrk_api_token_revoke(fx->t, id));
    mtrk_audit_iter *it = NULL;
    CONF_OK(mtrk_audit_iter_new(&it, fx->t));
    const mtrk_audit_entry *e;
    int created = 0, revoked = 0;
    while (mtrk_audit_iter_next(&e, it) == MTRK_OK) {
        const char *action = mtrk_audit_action(e), *detail = mtrk_audit_detail(e);
        assert_null(strstr(detail ? detail : "", sec + 5));
        if (strcmp(action, "api_token.create") == 0) {
            created++;
            assert_non_null(strstr(detail, "audited \\\"label\\\""));
            assert_int_equal(mtrk_id_compare(mtrk_audit_entity(e), id), 0);
        }
        revoked += strcmp(action, "api_token.revoke") == 0;
    }
    mtrk_audit_iter_free(it);
    assert_int_equal(created, 1);
    assert_int_equal(revoked, 1);
}

static void token_info_init_checks_the_version(void **state)
{
    (void)state;
    mtrk_api_token_info i;
    CONF_OK(mtrk_api_token_info_init(&i, MTRK_API_TOKEN_INFO_VERSION));
    assert_int_equal(i.version, MTRK_API_TOKEN_INFO_VERSION);
    CONF_EXPECT(MTRK_EVERSION, mtrk_api_token_info_init(&i, MTRK_API_TOKEN_INFO_VERSION + 1));
    CONF_EXPECT(MTRK_EINVAL, mtrk_api_token_info_init(NULL, 1));
    conf_fixture *fx = *state;
    mtrk_api_token_info bad = MTRK_API_TOKEN_INFO_INIT;
    bad.version = 99;
    mtrk_api_token_info *outs[1] = { &bad };
    size_t n;
    CONF_EXPECT(MTRK_EVERSION, mtrk_api_token_list(outs, 1, &n, fx->t));
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(token_create_then_find_gives_its_tenant),
    CONF_TEST(token_list_shows_labels_and_times_never_secrets),
    CONF_TEST(token_revoked_is_refused_at_once),
    CONF_TEST(token_find_refuses_anything_but_the_token),
    CONF_TEST(token_of_another_tenant_is_never_revoked_or_listed),
    CONF_TEST(token_bad_label_is_refused_by_name_writing_nothing),
    CONF_TEST(token_create_and_revoke_are_audited_without_the_secret),
    CONF_TEST(token_info_init_checks_the_version),
};

CONF_GROUP(conf_group_apitokens, "apitokens", tests);
