/*
 * Conformance: campaigns and links.
 *
 * The contract (docs/rules.md "Campaigns"):
 *  - a campaign is created in draft from a versioned spec; name, subject,
 *    from_address and one of html/text are required; names and labels <= 256,
 *    subject <= 998, HTML <= 4 MiB, text <= 1 MiB; from_address and reply_to
 *    are valid addresses; when both are set ends_at > starts_at. A refused
 *    spec names the field and writes nothing;
 *  - status moves only along draft->scheduled->sending->sent,
 *    draft|scheduled|sending->paused, paused->the status it was paused from,
 *    any non-final->canceled; every other pair is MTRK_ESTATE naming both
 *    statuses; each change is audited ("campaign.status");
 *  - content, sender and links change only in draft;
 *  - audiences are attached/detached (audited) and listed in audience-id order;
 *  - links: http(s) URL, label, position; listed by position;
 *  - an id of another tenant behaves as an unknown id (MTRK_ENOTFOUND).
 */
#include "conf_util.h"

#include <stdlib.h>

/* ---------------------------------------------------------------- create */

static void campaign_create_in_draft_with_every_field_readable(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_id id;
    mtrk_campaign *c = NULL;
    conf_spec(&s);
    conf_clock_set(CONF_T0 + 5000);
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));
    assert_false(mtrk_id_is_nil(id));
    CONF_OK(mtrk_campaign_get(&c, fx->t, id));
    CONF_ID_EQ(mtrk_campaign_id(c), id);
    assert_string_equal(mtrk_campaign_name(c), s.name);
    assert_string_equal(mtrk_campaign_objective(c), s.objective);
    assert_string_equal(mtrk_campaign_subject(c), s.subject);
    assert_string_equal(mtrk_campaign_from_name(c), s.from_name);
    assert_string_equal(mtrk_campaign_from_address(c), s.from_address);
    assert_string_equal(mtrk_campaign_reply_to(c), s.reply_to);
    assert_string_equal(mtrk_campaign_html(c), s.html);
    assert_string_equal(mtrk_campaign_text(c), s.text);
    assert_int_equal(mtrk_campaign_starts_at(c), s.starts_at);
    assert_int_equal(mtrk_campaign_ends_at(c), s.ends_at);
    assert_int_equal(mtrk_campaign_status_of(c), MTRK_CAMPAIGN_DRAFT);
    assert_int_equal(mtrk_campaign_created_at(c), CONF_T0 + 5000);
    mtrk_campaign_free(c);
}

static void campaign_create_accepts_html_only_or_text_only(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_id id;
    conf_spec(&s);
    s.text = NULL;
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));
    conf_spec(&s);
    s.html = NULL;
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));
    conf_spec(&s);
    s.objective = s.from_name = s.reply_to = NULL;
    s.starts_at = s.ends_at = 0;
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));
    assert_int_equal(conf_count_campaigns(fx->t), 3);
}

/* Expects the spec to be refused with `code`, naming `field`, writing nothing. */
static void expect_refused(conf_fixture *fx, const mtrk_campaign_spec *s, int code, const char *field)
{
    mtrk_id id;
    size_t before = conf_count_campaigns(fx->t);
    CONF_EXPECT(code, mtrk_campaign_create(&id, fx->t, s));
    CONF_ERRMSG_HAS(field);
    assert_int_equal(conf_count_campaigns(fx->t), before);
}

static void campaign_create_requires_name_subject_sender_and_content(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    conf_spec(&s);
    s.name = NULL;
    expect_refused(fx, &s, MTRK_EINVAL, "name");
    conf_spec(&s);
    s.subject = NULL;
    expect_refused(fx, &s, MTRK_EINVAL, "subject");
    conf_spec(&s);
    s.from_address = NULL;
    expect_refused(fx, &s, MTRK_EINVAL, "from_address");
    conf_spec(&s);
    s.html = NULL;
    s.text = NULL;
    expect_refused(fx, &s, MTRK_EINVAL, "html");
}

static void campaign_create_enforces_length_limits(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_id id;
    char *name_ok = conf_str(MTRK_MAX_NAME, 'n'), *name_long = conf_str(MTRK_MAX_NAME + 1, 'n');
    char *subj_ok = conf_str(MTRK_MAX_SUBJECT, 's'), *subj_long = conf_str(MTRK_MAX_SUBJECT + 1, 's');
    char *html_ok = conf_str(MTRK_MAX_HTML, 'h'), *html_long = conf_str(MTRK_MAX_HTML + 1, 'h');
    char *text_ok = conf_str(MTRK_MAX_TEXT, 't'), *text_long = conf_str(MTRK_MAX_TEXT + 1, 't');

    conf_spec(&s);
    s.name = name_ok;
    s.objective = name_ok;
    s.from_name = name_ok;
    s.subject = subj_ok;
    s.html = html_ok;
    s.text = text_ok;
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));

    conf_spec(&s);
    s.name = name_long;
    expect_refused(fx, &s, MTRK_ETOOLONG, "name");
    conf_spec(&s);
    s.objective = name_long;
    expect_refused(fx, &s, MTRK_ETOOLONG, "objective");
    conf_spec(&s);
    s.from_name = name_long;
    expect_refused(fx, &s, MTRK_ETOOLONG, "from_name");
    conf_spec(&s);
    s.subject = subj_long;
    expect_refused(fx, &s, MTRK_ETOOLONG, "subject");
    conf_spec(&s);
    s.html = html_long;
    expect_refused(fx, &s, MTRK_ETOOLONG, "html");
    conf_spec(&s);
    s.text = text_long;
    expect_refused(fx, &s, MTRK_ETOOLONG, "text");
    free(name_ok);
    free(name_long);
    free(subj_ok);
    free(subj_long);
    free(html_ok);
    free(html_long);
    free(text_ok);
    free(text_long);
}

static void campaign_create_validates_sender_and_reply_to_addresses(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    conf_spec(&s);
    s.from_address = "not-an-address";
    expect_refused(fx, &s, MTRK_EADDRESS, "from_address");
    conf_spec(&s);
    s.from_address = "two@@example.com";
    expect_refused(fx, &s, MTRK_EADDRESS, "from_address");
    conf_spec(&s);
    s.reply_to = "reply to@example.com";
    expect_refused(fx, &s, MTRK_EADDRESS, "reply_to");
}

static void campaign_create_requires_ends_after_starts(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_id id;
    conf_spec(&s);
    s.ends_at = s.starts_at;
    expect_refused(fx, &s, MTRK_EINVAL, "ends_at");
    conf_spec(&s);
    s.ends_at = s.starts_at - 1;
    expect_refused(fx, &s, MTRK_EINVAL, "ends_at");
    conf_spec(&s);
    s.ends_at = s.starts_at + 1;
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));
    conf_spec(&s);
    s.starts_at = 0; /* only one side set: no order to check */
    CONF_OK(mtrk_campaign_create(&id, fx->t, &s));
}

static void campaign_create_refuses_invalid_utf8(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    conf_spec(&s);
    s.subject = "bad \xC3\x28 subject";
    expect_refused(fx, &s, MTRK_EENCODING, "subject");
    conf_spec(&s);
    s.name = "\xFF";
    expect_refused(fx, &s, MTRK_EENCODING, "name");
}

static void campaign_create_refuses_unknown_spec_version(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_id id;
    conf_spec(&s);
    s.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_campaign_create(&id, fx->t, &s));
    s.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_campaign_create(&id, fx->t, &s));
    CONF_EXPECT(MTRK_EVERSION, mtrk_campaign_spec_init(&s, 99));
    CONF_OK(mtrk_campaign_spec_init(&s, MTRK_CAMPAIGN_SPEC_VERSION));
    assert_int_equal(s.version, MTRK_CAMPAIGN_SPEC_VERSION);
    assert_int_equal(conf_count_campaigns(fx->t), 0);
}

static void campaign_functions_refuse_null_arguments_naming_them(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_id id = conf_campaign_new(fx->t, NULL);
    mtrk_campaign *c = NULL;
    conf_spec(&s);
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_create(NULL, fx->t, &s));
    CONF_ERRMSG_HAS("out_id");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_create(&id, NULL, &s));
    CONF_ERRMSG_HAS("tenant");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_create(&id, fx->t, NULL));
    CONF_ERRMSG_HAS("spec");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_get(NULL, fx->t, id));
    CONF_ERRMSG_HAS("out");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_get(&c, NULL, id));
    CONF_ERRMSG_HAS("tenant");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_edit(fx->t, id, NULL));
    CONF_ERRMSG_HAS("spec");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_set_status(NULL, id, MTRK_CAMPAIGN_SCHEDULED));
    CONF_ERRMSG_HAS("tenant");
    CONF_EXPECT(MTRK_EINVAL, mtrk_link_add(NULL, fx->t, id, "https://x.example.com/", "l", 0));
    CONF_ERRMSG_HAS("out_lid");
    CONF_EXPECT(MTRK_EINVAL, mtrk_link_add(&id, fx->t, id, NULL, "l", 0));
    CONF_ERRMSG_HAS("url");
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_iter_new(NULL, fx->t));
    mtrk_campaign_free(NULL); /* NULL-safe */
    mtrk_link_free(NULL);
}

static void campaign_get_of_unknown_id_is_not_found(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign *c = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_get(&c, fx->t, conf_unknown_id()));
    assert_null(c);
}

static void campaign_status_names_are_static_and_out_of_range_is_null(void **state)
{
    (void)state;
    assert_string_equal(mtrk_campaign_status_name(MTRK_CAMPAIGN_DRAFT), "draft");
    assert_string_equal(mtrk_campaign_status_name(MTRK_CAMPAIGN_SCHEDULED), "scheduled");
    assert_string_equal(mtrk_campaign_status_name(MTRK_CAMPAIGN_SENDING), "sending");
    assert_string_equal(mtrk_campaign_status_name(MTRK_CAMPAIGN_SENT), "sent");
    assert_string_equal(mtrk_campaign_status_name(MTRK_CAMPAIGN_PAUSED), "paused");
    assert_string_equal(mtrk_campaign_status_name(MTRK_CAMPAIGN_CANCELED), "canceled");
    assert_null(mtrk_campaign_status_name((mtrk_campaign_status)0));
    assert_null(mtrk_campaign_status_name((mtrk_campaign_status)7));
}

static void campaign_iteration_lists_the_tenants_campaigns_in_id_order(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id ids[4];
    mtrk_campaign_iter *it = NULL;
    const mtrk_campaign *c;
    mtrk_id prev = { { 0 } };
    size_t n = 0, seen[4] = { 0 };
    int rc;
    for (int i = 0; i < 4; i++)
        ids[i] = conf_campaign_new(fx->t, NULL);
    (void)conf_campaign_new(fx->t2, "other tenant");
    CONF_OK(mtrk_campaign_iter_new(&it, fx->t));
    while ((rc = mtrk_campaign_iter_next(&c, it)) == MTRK_OK) {
        mtrk_id id = mtrk_campaign_id(c);
        if (n > 0)
            assert_true(mtrk_id_compare(prev, id) < 0);
        prev = id;
        for (int i = 0; i < 4; i++)
            if (mtrk_id_compare(ids[i], id) == 0)
                seen[i]++;
        n++;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_campaign_iter_free(it);
    assert_int_equal(n, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(seen[i], 1);
}

/* ------------------------------------------------------------------ edit */

static void campaign_edit_in_draft_replaces_content(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_campaign *c = NULL;
    mtrk_id id = conf_campaign_new(fx->t, NULL);
    conf_spec(&s);
    s.name = "Renamed";
    s.subject = "New subject";
    s.html = "<p>new</p>";
    s.text = NULL;
    s.from_address = "other@shop.example.com";
    CONF_OK(mtrk_campaign_edit(fx->t, id, &s));
    CONF_OK(mtrk_campaign_get(&c, fx->t, id));
    assert_string_equal(mtrk_campaign_name(c), "Renamed");
    assert_string_equal(mtrk_campaign_subject(c), "New subject");
    assert_string_equal(mtrk_campaign_html(c), "<p>new</p>");
    assert_string_equal(mtrk_campaign_from_address(c), "other@shop.example.com");
    assert_int_equal(mtrk_campaign_status_of(c), MTRK_CAMPAIGN_DRAFT);
    mtrk_campaign_free(c);
}

static void campaign_edit_validates_like_create_and_keeps_the_old_content(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec s;
    mtrk_campaign *c = NULL;
    mtrk_id id = conf_campaign_new(fx->t, "Original");
    conf_spec(&s);
    s.name = "Changed";
    s.from_address = "broken";
    CONF_EXPECT(MTRK_EADDRESS, mtrk_campaign_edit(fx->t, id, &s));
    CONF_ERRMSG_HAS("from_address");
    s.from_address = "ok@shop.example.com";
    s.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_campaign_edit(fx->t, id, &s));
    CONF_OK(mtrk_campaign_get(&c, fx->t, id));
    assert_string_equal(mtrk_campaign_name(c), "Original");
    mtrk_campaign_free(c);
}

static void campaign_edit_outside_draft_is_refused(void **state)
{
    conf_fixture *fx = *state;
    static const mtrk_campaign_status targets[] = { MTRK_CAMPAIGN_SCHEDULED, MTRK_CAMPAIGN_SENDING,
                                                    MTRK_CAMPAIGN_SENT, MTRK_CAMPAIGN_PAUSED,
                                                    MTRK_CAMPAIGN_CANCELED };
    mtrk_campaign_spec s;
    conf_spec(&s);
    s.name = "Edited";
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        mtrk_campaign *c = NULL;
        mtrk_id id = conf_campaign_new(fx->t, "Before");
        conf_campaign_to(fx->t, id, targets[i]);
        CONF_EXPECT(MTRK_ESTATE, mtrk_campaign_edit(fx->t, id, &s));
        CONF_OK(mtrk_campaign_get(&c, fx->t, id));
        assert_string_equal(mtrk_campaign_name(c), "Before");
        mtrk_campaign_free(c);
    }
    /* paused from draft is not draft either */
    mtrk_id id = conf_campaign_new(fx->t, "Before");
    CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_PAUSED));
    CONF_EXPECT(MTRK_ESTATE, mtrk_campaign_edit(fx->t, id, &s));
}

/* ------------------------------------------------------------ transitions */

/* Starting points: a status, and for paused the status it was paused from. */
typedef struct start_state {
    mtrk_campaign_status status;
    mtrk_campaign_status paused_from; /* 0 unless paused */
} start_state;

static const start_state starts[] = {
    { MTRK_CAMPAIGN_DRAFT, 0 },
    { MTRK_CAMPAIGN_SCHEDULED, 0 },
    { MTRK_CAMPAIGN_SENDING, 0 },
    { MTRK_CAMPAIGN_SENT, 0 },
    { MTRK_CAMPAIGN_PAUSED, MTRK_CAMPAIGN_DRAFT },
    { MTRK_CAMPAIGN_PAUSED, MTRK_CAMPAIGN_SCHEDULED },
    { MTRK_CAMPAIGN_PAUSED, MTRK_CAMPAIGN_SENDING },
    { MTRK_CAMPAIGN_CANCELED, 0 },
};

/* The allowed set of docs/rules.md. */
static int allowed(const start_state *from, mtrk_campaign_status to)
{
    switch (from->status) {
    case MTRK_CAMPAIGN_DRAFT:
        return to == MTRK_CAMPAIGN_SCHEDULED || to == MTRK_CAMPAIGN_PAUSED || to == MTRK_CAMPAIGN_CANCELED;
    case MTRK_CAMPAIGN_SCHEDULED:
        return to == MTRK_CAMPAIGN_SENDING || to == MTRK_CAMPAIGN_PAUSED || to == MTRK_CAMPAIGN_CANCELED;
    case MTRK_CAMPAIGN_SENDING:
        return to == MTRK_CAMPAIGN_SENT || to == MTRK_CAMPAIGN_PAUSED || to == MTRK_CAMPAIGN_CANCELED;
    case MTRK_CAMPAIGN_PAUSED:
        return to == from->paused_from || to == MTRK_CAMPAIGN_CANCELED;
    default:
        return 0; /* sent and canceled are final */
    }
}

static void drive_to(mtrk_tenant *t, mtrk_id id, const start_state *st)
{
    if (st->status == MTRK_CAMPAIGN_PAUSED) {
        conf_campaign_to(t, id, st->paused_from);
        CONF_OK(mtrk_campaign_set_status(t, id, MTRK_CAMPAIGN_PAUSED));
    } else {
        conf_campaign_to(t, id, st->status);
    }
}

static void campaign_status_moves_exactly_along_the_allowed_transitions(void **state)
{
    conf_fixture *fx = *state;
    size_t tried = 0, ok = 0;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        for (int to = MTRK_CAMPAIGN_DRAFT; to <= MTRK_CAMPAIGN_CANCELED; to++) {
            mtrk_id id = conf_campaign_new(fx->t, NULL);
            drive_to(fx->t, id, &starts[i]);
            int rc = mtrk_campaign_set_status(fx->t, id, (mtrk_campaign_status)to);
            tried++;
            if (allowed(&starts[i], (mtrk_campaign_status)to)) {
                if (rc != MTRK_OK)
                    fail_msg("%s (paused from %s) -> %s refused (%d): %s",
                             mtrk_campaign_status_name(starts[i].status),
                             starts[i].paused_from ? mtrk_campaign_status_name(starts[i].paused_from) : "-",
                             mtrk_campaign_status_name((mtrk_campaign_status)to), rc, mtrk_last_errmsg());
                assert_int_equal(conf_campaign_status(fx->t, id), to);
                ok++;
            } else {
                if (rc != MTRK_ESTATE)
                    fail_msg("%s (paused from %s) -> %s returned %d, expected MTRK_ESTATE",
                             mtrk_campaign_status_name(starts[i].status),
                             starts[i].paused_from ? mtrk_campaign_status_name(starts[i].paused_from) : "-",
                             mtrk_campaign_status_name((mtrk_campaign_status)to), rc);
                CONF_ERRMSG_HAS(mtrk_campaign_status_name(starts[i].status));
                CONF_ERRMSG_HAS(mtrk_campaign_status_name((mtrk_campaign_status)to));
                assert_int_equal(conf_campaign_status(fx->t, id), starts[i].status);
            }
        }
    }
    assert_int_equal(tried, 48);
    /* draft 3, scheduled 3, sending 3, paused 2 x 3 */
    assert_int_equal(ok, 15);
}

static void campaign_resume_returns_to_the_status_it_was_paused_from(void **state)
{
    conf_fixture *fx = *state;
    static const mtrk_campaign_status from[] = { MTRK_CAMPAIGN_DRAFT, MTRK_CAMPAIGN_SCHEDULED,
                                                 MTRK_CAMPAIGN_SENDING };
    for (size_t i = 0; i < 3; i++) {
        mtrk_id id = conf_campaign_new(fx->t, NULL);
        conf_campaign_to(fx->t, id, from[i]);
        CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_PAUSED));
        assert_int_equal(conf_campaign_status(fx->t, id), MTRK_CAMPAIGN_PAUSED);
        for (size_t j = 0; j < 3; j++)
            if (j != i)
                CONF_EXPECT(MTRK_ESTATE, mtrk_campaign_set_status(fx->t, id, from[j]));
        CONF_OK(mtrk_campaign_set_status(fx->t, id, from[i]));
        assert_int_equal(conf_campaign_status(fx->t, id), from[i]);
        /* and it can be paused again afterwards */
        CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_PAUSED));
        CONF_OK(mtrk_campaign_set_status(fx->t, id, from[i]));
    }
}

static void campaign_set_status_refuses_out_of_range_status(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_campaign_new(fx->t, NULL);
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_set_status(fx->t, id, (mtrk_campaign_status)0));
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_set_status(fx->t, id, (mtrk_campaign_status)7));
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_set_status(fx->t, id, (mtrk_campaign_status)-1));
    assert_int_equal(conf_campaign_status(fx->t, id), MTRK_CAMPAIGN_DRAFT);
}

static void campaign_status_changes_are_audited_with_actor_and_both_statuses(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id = conf_campaign_new(fx->t, NULL);
    mtrk_audit_iter *it = NULL;
    const mtrk_audit_entry *e;
    int rc, found = 0;
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:alice"));
    conf_clock_set(CONF_T0 + 777);
    CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_SCHEDULED));
    CONF_EXPECT(MTRK_ESTATE, mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_SENT));
    CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_PAUSED));
    CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_SCHEDULED));
    CONF_OK(mtrk_campaign_set_status(fx->t, id, MTRK_CAMPAIGN_CANCELED));
    /* four successful changes, the refused one leaves no entry */
    assert_int_equal(conf_count_audit(fx->t, "campaign.status", id), 4);
    CONF_OK(mtrk_audit_iter_new(&it, fx->t));
    while ((rc = mtrk_audit_iter_next(&e, it)) == MTRK_OK) {
        if (strcmp(mtrk_audit_action(e), "campaign.status") != 0 || found)
            continue;
        found = 1;
        CONF_ID_EQ(mtrk_audit_entity(e), id);
        assert_string_equal(mtrk_audit_actor(e), "api:alice");
        assert_int_equal(mtrk_audit_at(e), CONF_T0 + 777);
        assert_non_null(strstr(mtrk_audit_detail(e), "draft"));
        assert_non_null(strstr(mtrk_audit_detail(e), "scheduled"));
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_audit_iter_free(it);
    assert_true(found);
    /* the other tenant's log holds none of it */
    assert_int_equal(conf_count_audit(fx->t2, "campaign.status", (mtrk_id){ { 0 } }), 0);
}

/* ------------------------------------------------------------- audiences */

static void campaign_attach_and_detach_audiences(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL);
    mtrk_id a[3], out[3];
    size_t count = 99;
    int attached = -1;
    for (int i = 0; i < 3; i++)
        a[i] = conf_audience_new(fx->t, "list");
    CONF_OK(mtrk_campaign_audiences(out, 3, &count, fx->t, c));
    assert_int_equal(count, 0);
    CONF_OK(mtrk_campaign_attach_audience(&attached, fx->t, c, a[2]));
    assert_int_equal(attached, 1);
    CONF_OK(mtrk_campaign_attach_audience(&attached, fx->t, c, a[0]));
    assert_int_equal(attached, 1);
    CONF_OK(mtrk_campaign_attach_audience(&attached, fx->t, c, a[2]));
    assert_int_equal(attached, 0);
    CONF_OK(mtrk_campaign_attach_audience(NULL, fx->t, c, a[1]));
    CONF_OK(mtrk_campaign_audiences(out, 3, &count, fx->t, c));
    assert_int_equal(count, 3);
    /* listed in audience-id order */
    assert_true(mtrk_id_compare(out[0], out[1]) < 0);
    assert_true(mtrk_id_compare(out[1], out[2]) < 0);
    /* cap smaller than the count: writes cap ids, reports the total */
    mtrk_id one[1];
    CONF_OK(mtrk_campaign_audiences(one, 1, &count, fx->t, c));
    assert_int_equal(count, 3);
    CONF_ID_EQ(one[0], out[0]);

    CONF_OK(mtrk_campaign_detach_audience(fx->t, c, a[0]));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_detach_audience(fx->t, c, a[0]));
    CONF_OK(mtrk_campaign_audiences(out, 3, &count, fx->t, c));
    assert_int_equal(count, 2);
    for (size_t i = 0; i < count; i++)
        CONF_ID_NE(out[i], a[0]);
    assert_true(conf_count_audit(fx->t, "campaign.attach", (mtrk_id){ { 0 } }) >= 3);
    assert_int_equal(conf_count_audit(fx->t, "campaign.detach", (mtrk_id){ { 0 } }), 1);
}

static void campaign_attach_unknown_audience_or_campaign_is_not_found(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL);
    mtrk_id a = conf_audience_new(fx->t, "list");
    size_t count = 0;
    mtrk_id out[1];
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_attach_audience(NULL, fx->t, c, conf_unknown_id()));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_attach_audience(NULL, fx->t, conf_unknown_id(), a));
    CONF_OK(mtrk_campaign_audiences(out, 1, &count, fx->t, c));
    assert_int_equal(count, 0);
}

/* ----------------------------------------------------------------- links */

static void link_add_catalogues_url_label_and_position(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL), lid;
    mtrk_link *l = NULL;
    CONF_OK(mtrk_link_add(&lid, fx->t, c, "https://shop.example.com/buy?x=1", "Buy now", 3));
    assert_false(mtrk_id_is_nil(lid));
    CONF_OK(mtrk_link_get(&l, fx->t, lid));
    CONF_ID_EQ(mtrk_link_id(l), lid);
    CONF_ID_EQ(mtrk_link_campaign(l), c);
    assert_string_equal(mtrk_link_url(l), "https://shop.example.com/buy?x=1");
    assert_string_equal(mtrk_link_label(l), "Buy now");
    assert_int_equal(mtrk_link_position(l), 3);
    mtrk_link_free(l);
    CONF_OK(mtrk_link_add(&lid, fx->t, c, "http://shop.example.com/plain", "Plain http", 4));
}

static void link_add_requires_an_http_url_within_limits(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL), lid;
    static const char *const bad[] = { "ftp://shop.example.com/file", "javascript:alert(1)",
                                       "shop.example.com/no-scheme", "", "mailto:a@example.com" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CONF_EXPECT(MTRK_EINVAL, mtrk_link_add(&lid, fx->t, c, bad[i], "x", 0));
        CONF_ERRMSG_HAS("url");
    }
    char *url = conf_str(MTRK_MAX_URL + 1, 'a');
    memcpy(url, "https://example.com/", 20);
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_link_add(&lid, fx->t, c, url, "x", 0));
    CONF_ERRMSG_HAS("url");
    url[MTRK_MAX_URL] = '\0';
    CONF_OK(mtrk_link_add(&lid, fx->t, c, url, "x", 0));
    free(url);
    char *label = conf_str(MTRK_MAX_NAME + 1, 'l');
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_link_add(&lid, fx->t, c, "https://example.com/", label, 1));
    CONF_ERRMSG_HAS("label");
    free(label);
    CONF_EXPECT(MTRK_EENCODING, mtrk_link_add(&lid, fx->t, c, "https://example.com/", "\xC0\xAF", 1));
    /* only the one valid link was catalogued */
    mtrk_link_iter *it = NULL;
    const mtrk_link *l;
    size_t n = 0;
    CONF_OK(mtrk_link_iter_new(&it, fx->t, c));
    while (mtrk_link_iter_next(&l, it) == MTRK_OK)
        n++;
    mtrk_link_iter_free(it);
    assert_int_equal(n, 1);
}

static void link_add_only_in_draft(void **state)
{
    conf_fixture *fx = *state;
    static const mtrk_campaign_status st[] = { MTRK_CAMPAIGN_SCHEDULED, MTRK_CAMPAIGN_SENDING,
                                               MTRK_CAMPAIGN_SENT, MTRK_CAMPAIGN_PAUSED,
                                               MTRK_CAMPAIGN_CANCELED };
    for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
        mtrk_id c = conf_campaign_new(fx->t, NULL), lid;
        conf_campaign_to(fx->t, c, st[i]);
        CONF_EXPECT(MTRK_ESTATE, mtrk_link_add(&lid, fx->t, c, "https://example.com/", "x", 0));
    }
}

static void link_iteration_is_by_position(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL);
    mtrk_id other = conf_campaign_new(fx->t, NULL);
    static const uint32_t pos[] = { 5, 0, 2, 9, 1 };
    mtrk_id lids[5];
    for (int i = 0; i < 5; i++) {
        char url[64];
        snprintf(url, sizeof url, "https://example.com/p%u", pos[i]);
        lids[i] = conf_link_new(fx->t, c, url, pos[i]);
    }
    (void)conf_link_new(fx->t, other, "https://example.com/other", 0);
    mtrk_link_iter *it = NULL;
    const mtrk_link *l;
    uint32_t last = 0;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_link_iter_new(&it, fx->t, c));
    while ((rc = mtrk_link_iter_next(&l, it)) == MTRK_OK) {
        CONF_ID_EQ(mtrk_link_campaign(l), c);
        if (n > 0)
            assert_true(mtrk_link_position(l) > last);
        last = mtrk_link_position(l);
        char url[64];
        snprintf(url, sizeof url, "https://example.com/p%u", last);
        assert_string_equal(mtrk_link_url(l), url);
        n++;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_link_iter_free(it);
    assert_int_equal(n, 5);
    assert_int_equal(last, 9);
    (void)lids;
}

static void link_get_of_unknown_lid_is_not_found(void **state)
{
    conf_fixture *fx = *state;
    mtrk_link *l = NULL;
    mtrk_id lid;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_get(&l, fx->t, conf_unknown_id()));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_add(&lid, fx->t, conf_unknown_id(), "https://example.com/", "x", 0));
}

/* --------------------------------------------------------------- tenancy */

static void campaign_ids_of_another_tenant_behave_as_unknown(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL);
    mtrk_id lid = conf_link_new(fx->t, c, "https://example.com/a", 0);
    mtrk_id a1 = conf_audience_new(fx->t, "t1 list");
    conf_attach(fx->t, c, a1);
    mtrk_id c2 = conf_campaign_new(fx->t2, NULL);
    mtrk_id a2 = conf_audience_new(fx->t2, "t2 list");
    mtrk_campaign_spec s;
    mtrk_campaign *cp = NULL;
    mtrk_link *l = NULL;
    mtrk_id out[2], tmp;
    size_t count;
    mtrk_exclusion why;
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    conf_spec(&s);

    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_get(&cp, fx->t2, c));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_edit(fx->t2, c, &s));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_set_status(fx->t2, c, MTRK_CAMPAIGN_SCHEDULED));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_attach_audience(NULL, fx->t2, c, a2));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_attach_audience(NULL, fx->t2, c2, a1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_attach_audience(NULL, fx->t, c, a2));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_detach_audience(fx->t2, c, a1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_audiences(out, 2, &count, fx->t2, c));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_generate(&r, fx->t2, c));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_check_contact(&why, fx->t2, c, conf_contact_new(fx->t2, "x@example.com")));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_add(&tmp, fx->t2, c, "https://example.com/b", "x", 1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_get(&l, fx->t2, lid));

    /* iterators: exactly as for an unknown campaign */
    mtrk_link_iter *li = NULL, *lu = NULL;
    int rc_foreign = mtrk_link_iter_new(&li, fx->t2, c);
    int rc_unknown = mtrk_link_iter_new(&lu, fx->t2, conf_unknown_id());
    assert_int_equal(rc_foreign, rc_unknown);
    if (rc_foreign == MTRK_OK) {
        const mtrk_link *x;
        assert_int_equal(mtrk_link_iter_next(&x, li), MTRK_ITEROVER);
    } else {
        assert_int_equal(rc_foreign, MTRK_ENOTFOUND);
    }
    mtrk_link_iter_free(li);
    mtrk_link_iter_free(lu);

    /* t2's listing does not show t1's campaign; t1's campaign is unchanged */
    assert_int_equal(conf_count_campaigns(fx->t2), 1);
    assert_int_equal(conf_campaign_status(fx->t, c), MTRK_CAMPAIGN_DRAFT);
    CONF_OK(mtrk_campaign_audiences(out, 2, &count, fx->t, c));
    assert_int_equal(count, 1);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(campaign_create_in_draft_with_every_field_readable),
    CONF_TEST(campaign_create_accepts_html_only_or_text_only),
    CONF_TEST(campaign_create_requires_name_subject_sender_and_content),
    CONF_TEST(campaign_create_enforces_length_limits),
    CONF_TEST(campaign_create_validates_sender_and_reply_to_addresses),
    CONF_TEST(campaign_create_requires_ends_after_starts),
    CONF_TEST(campaign_create_refuses_invalid_utf8),
    CONF_TEST(campaign_create_refuses_unknown_spec_version),
    CONF_TEST(campaign_functions_refuse_null_arguments_naming_them),
    CONF_TEST(campaign_get_of_unknown_id_is_not_found),
    CONF_TEST(campaign_status_names_are_static_and_out_of_range_is_null),
    CONF_TEST(campaign_iteration_lists_the_tenants_campaigns_in_id_order),
    CONF_TEST(campaign_edit_in_draft_replaces_content),
    CONF_TEST(campaign_edit_validates_like_create_and_keeps_the_old_content),
    CONF_TEST(campaign_edit_outside_draft_is_refused),
    CONF_TEST(campaign_status_moves_exactly_along_the_allowed_transitions),
    CONF_TEST(campaign_resume_returns_to_the_status_it_was_paused_from),
    CONF_TEST(campaign_set_status_refuses_out_of_range_status),
    CONF_TEST(campaign_status_changes_are_audited_with_actor_and_both_statuses),
    CONF_TEST(campaign_attach_and_detach_audiences),
    CONF_TEST(campaign_attach_unknown_audience_or_campaign_is_not_found),
    CONF_TEST(link_add_catalogues_url_label_and_position),
    CONF_TEST(link_add_requires_an_http_url_within_limits),
    CONF_TEST(link_add_only_in_draft),
    CONF_TEST(link_iteration_is_by_position),
    CONF_TEST(link_get_of_unknown_lid_is_not_found),
    CONF_TEST(campaign_ids_of_another_tenant_behave_as_unknown),
};

CONF_GROUP(conf_group_campaigns, "campaigns", tests);
