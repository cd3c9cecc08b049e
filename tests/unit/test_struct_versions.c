/*
 * Structs crossing the ABI stay readable by callers built against another
 * header: a function given an older, smaller versioned struct writes only
 * the fields of its version, and an array of structs travels with its
 * element size. Buffers here are heap blocks of exactly the caller's size,
 * so under AddressSanitizer (the ASan build runs this suite) a write past
 * them fails the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtrk/mtrk.h"
#include "mtrk/store.h"

#define OK(call)                                                                                   \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != MTRK_OK)                                                                        \
            fail_msg("%s: %s (%s)", #call, mtrk_strerror(rc_), mtrk_last_errmsg());                \
    } while (0)

/* The report's array is fixed: a reason added later cannot grow it. */
_Static_assert(sizeof(((mtrk_generate_report *)0)->excluded) == 9 * sizeof(uint64_t),
               "mtrk_generate_report.excluded has MTRK_GENERATE_REPORT_NEXCLUDED entries");

/* Tripwire. Every other struct the library writes into (init functions,
 * calls that fill an out struct) is at version 1, where the library's
 * sizeof is every caller's. Bumping one to version 2 means its init
 * function and each call that fills it must write only the fields of the
 * caller's version (as mtrk_tenant_settings_init and mtrk_open_options_init
 * do), tested below with a version-1 caller's exact-size block; until then
 * this fails to compile. */
#define AT_VERSION_1(X) _Static_assert(X##_VERSION == 1, #X "_VERSION grew: see the tripwire comment")
AT_VERSION_1(MTRK_CAMPAIGN_SPEC);
AT_VERSION_1(MTRK_GENERATE_REPORT);
AT_VERSION_1(MTRK_MESSAGE_INFO);
AT_VERSION_1(MTRK_LEAD_INPUT);
AT_VERSION_1(MTRK_LEAD_INFO);
AT_VERSION_1(MTRK_CONTACT_SPEC);
AT_VERSION_1(MTRK_EVENT_INFO);
AT_VERSION_1(MTRK_METRICS);
AT_VERSION_1(MTRK_LINK_STATS);
AT_VERSION_1(MTRK_SIM_OPTIONS);
AT_VERSION_1(MTRK_SIM_REPORT);
AT_VERSION_1(MTRK_KEY_INFO);
AT_VERSION_1(MTRK_CLASSIFY_RULES);
AT_VERSION_1(MTRK_CLASSIFY_INPUT);
AT_VERSION_1(MTRK_TRACK_REQUEST);
AT_VERSION_1(MTRK_RESOLVE_OPTIONS);
AT_VERSION_1(MTRK_TRACK_RESULT);
AT_VERSION_1(MTRK_HTML_LINK);
_Static_assert(MTRK_TENANT_SETTINGS_VERSION == 4 && MTRK_OPEN_OPTIONS_VERSION == 3 && MTRK_EVENT_OUTCOME_VERSION == 2 &&
                   MTRK_RENDERED_VERSION == 3 && MTRK_EVENT_INPUT_VERSION == 2 &&
                   MTRK_BOUNCE_RECIPIENT_VERSION == 2,
               "a new version: add its exact-size test below");

/* mtrk_rendered as a caller built against version 1 declares it. */
typedef struct rendered_v1 {
    unsigned int version;
    char *html, *text, *list_unsubscribe, *list_unsubscribe_post;
    size_t html_len, text_len;
} rendered_v1;
_Static_assert(sizeof(rendered_v1) == offsetof(mtrk_rendered, mid_header), "version 1 ends there");

/* mtrk_event_input as a caller built against version 1 declares it: it ends
 * where bounce_reason begins. */
static void event_input_version_1_caller_gets_only_version_1_fields(void **state)
{
    (void)state;
    size_t v1size = offsetof(mtrk_event_input, bounce_reason);
    void *v1 = malloc(v1size); /* exactly the old caller's size */
    assert_non_null(v1);
    OK(mtrk_event_input_init(v1, 1));
    mtrk_event_input seen = MTRK_EVENT_INPUT_INIT;
    memcpy(&seen, v1, v1size);
    assert_int_equal(seen.version, 1);
    assert_int_equal(seen.verdict, MTRK_VERDICT_AUTO);
    seen.type = MTRK_EV_BOUNCE;
    seen.bounce_kind = MTRK_BOUNCE_SOFT;
    seen.mid.bytes[0] = 1;
    memcpy(v1, &seen, v1size);
    char key[MTRK_EVENT_CONTENT_KEY_SIZE];
    OK(mtrk_event_content_key(key, v1)); /* reads version 1's fields only */
    /* The same input at version 2 with no facts gives the same key. */
    mtrk_event_input v2 = seen;
    v2.version = 2;
    char key2[MTRK_EVENT_CONTENT_KEY_SIZE];
    OK(mtrk_event_content_key(key2, &v2));
    assert_string_equal(key, key2);
    v2.bounce_reason = MTRK_BR_MAILBOX_FULL;
    OK(mtrk_event_content_key(key2, &v2));
    assert_string_not_equal(key, key2);
    free(v1);
}

/* mtrk_bounce_recipient as a caller built against version 1 declares it:
 * it ends where verp begins; init and report_get write nothing past it. */
static void bounce_recipient_version_1_caller_gets_only_version_1_fields(void **state)
{
    (void)state;
    size_t v1size = offsetof(mtrk_bounce_recipient, verp);
    void *v1 = malloc(v1size);
    assert_non_null(v1);
    OK(mtrk_bounce_recipient_init(v1, 1));
    static const char dsn[] = "From: MAILER-DAEMON@mx.example\r\nTo: bounces+mtrk-0190a1b2c3d47e5f8a9b0c1d2e3f4a5b@b.example\r\n"
                              "Subject: Undelivered Mail Returned to Sender\r\nContent-Type: text/plain\r\n\r\n"
                              "<ana@x.example>: host mx.x.example said: 550 5.1.1 User unknown\r\n";
    mtrk_bounce_report *r = NULL;
    OK(mtrk_bounce_parse(&r, dsn, sizeof dsn - 1));
    assert_true(mtrk_bounce_report_count(r) >= 1);
    OK(mtrk_bounce_report_get(v1, r, 0));
    mtrk_bounce_recipient seen = MTRK_BOUNCE_RECIPIENT_INIT;
    memcpy(&seen, v1, v1size);
    assert_int_equal(seen.mid_source, MTRK_BOUNCE_MID_VERP);
    mtrk_bounce_recipient two = MTRK_BOUNCE_RECIPIENT_INIT;
    OK(mtrk_bounce_report_get(&two, r, 0));
    assert_string_equal(two.verp, "bounces+mtrk-0190a1b2c3d47e5f8a9b0c1d2e3f4a5b@b.example");
    mtrk_bounce_report_free(r);
    free(v1);
}

/* mtrk_open_options as a caller built against version 1 declares it. */
typedef struct open_options_v1 {
    unsigned int version;
    mtrk_clock_fn clock;
    void *clock_userdata;
} open_options_v1;
_Static_assert(sizeof(open_options_v1) == offsetof(mtrk_open_options, synchronous), "version 1 ends there");

static mtrk_time fixed_clock(void *ud)
{
    (void)ud;
    return 1767225600000;
}

static void open_options_version_1_caller_gets_only_version_1_fields(void **state)
{
    (void)state;
    open_options_v1 *v1 = malloc(sizeof *v1);
    assert_non_null(v1);
    OK(mtrk_open_options_init((mtrk_open_options *)v1, 1));
    assert_int_equal(v1->version, 1);
    assert_null(v1->clock);
    v1->clock = fixed_clock;
    mtrk_db *db = NULL;
    OK(mtrk_db_open(&db, "memory:", (const mtrk_open_options *)v1)); /* reads version 1's fields only */
    assert_int_equal(mtrk_db_now(db), 1767225600000);
    mtrk_db_close(db);
    free(v1);
}

/* mtrk_tenant_settings as a caller built against version 1 declares it. */
typedef struct settings_v1 {
    unsigned int version;
    const char *tracking_base_url;
    uint32_t soft_bounce_threshold;
    int64_t attribution_window_ms;
    int64_t retention_ms;
} settings_v1;
_Static_assert(sizeof(settings_v1) == offsetof(mtrk_tenant_settings, list_unsubscribe_mailto),
               "version 1 ends where list_unsubscribe_mailto begins");

static void settings_version_1_caller_gets_only_version_1_fields(void **state)
{
    (void)state;
    /* mtrk_tenant_settings_init wrote the whole current struct whatever the version. */
    settings_v1 *v1 = malloc(sizeof *v1); /* exactly the old caller's size */
    assert_non_null(v1);
    OK(mtrk_tenant_settings_init((mtrk_tenant_settings *)v1, 1));
    assert_int_equal(v1->version, 1);
    assert_int_equal(v1->soft_bounce_threshold, 3);
    assert_string_equal(v1->tracking_base_url, "");

    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open(&db, "memory:", NULL));
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    v1->soft_bounce_threshold = 4;
    v1->tracking_base_url = "https://t.acme.example";
    OK(mtrk_tenant_settings_set(t, (const mtrk_tenant_settings *)v1));
    memset(v1, 0, sizeof *v1);
    v1->version = 1;
    OK(mtrk_tenant_settings_get((mtrk_tenant_settings *)v1, t));
    assert_int_equal(v1->soft_bounce_threshold, 4);
    assert_string_equal(v1->tracking_base_url, "https://t.acme.example");
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    free(v1);
    assert_int_equal(mtrk_tenant_settings_init(NULL, 1), MTRK_EINVAL);
    mtrk_tenant_settings s;
    assert_int_equal(mtrk_tenant_settings_init(&s, MTRK_TENANT_SETTINGS_VERSION + 1), MTRK_EVERSION);
}

/* mtrk_tenant_settings as a caller built against version 2 declares it. */
typedef struct settings_v2 {
    settings_v1 v1;
    const char *list_unsubscribe_mailto;
} settings_v2;
_Static_assert(sizeof(settings_v2) == offsetof(mtrk_tenant_settings, events_earliest),
               "version 2 ends where events_earliest begins");

static void settings_version_2_caller_keeps_the_event_window(void **state)
{
    (void)state;
    settings_v2 *v2 = malloc(sizeof *v2); /* exactly the old caller's size */
    assert_non_null(v2);
    OK(mtrk_tenant_settings_init((mtrk_tenant_settings *)v2, 2));
    assert_int_equal(v2->v1.version, 2);
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open(&db, "memory:", NULL));
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    mtrk_tenant_settings cur;
    OK(mtrk_tenant_settings_init(&cur, MTRK_TENANT_SETTINGS_VERSION));
    assert_int_equal(cur.events_earliest, MTRK_EVENTS_EARLIEST_DEFAULT);
    assert_int_equal(cur.events_ahead_ms, MTRK_EVENTS_AHEAD_DEFAULT_MS);
    OK(mtrk_tenant_settings_get(&cur, t));
    cur.events_ahead_ms = 7 * 86400000LL;
    OK(mtrk_tenant_settings_set(t, &cur));
    /* A version-2 caller's set leaves the window as stored. */
    OK(mtrk_tenant_settings_get((mtrk_tenant_settings *)v2, t));
    v2->v1.soft_bounce_threshold = 5;
    OK(mtrk_tenant_settings_set(t, (const mtrk_tenant_settings *)v2));
    OK(mtrk_tenant_settings_get(&cur, t));
    assert_int_equal(cur.soft_bounce_threshold, 5);
    assert_int_equal(cur.events_ahead_ms, 7 * 86400000LL);
    assert_int_equal(cur.events_earliest, MTRK_EVENTS_EARLIEST_DEFAULT);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    free(v2);
}

/* mtrk_tenant_settings as a caller built against version 3 declares it. */
typedef struct settings_v3 {
    settings_v2 v2;
    mtrk_time events_earliest;
    int64_t events_ahead_ms;
} settings_v3;
_Static_assert(sizeof(settings_v3) == offsetof(mtrk_tenant_settings, keep_webhook_payloads),
               "version 3 ends where keep_webhook_payloads begins");

static void settings_version_3_caller_keeps_the_payload_setting(void **state)
{
    (void)state;
    settings_v3 *v3 = malloc(sizeof *v3); /* exactly the old caller's size */
    assert_non_null(v3);
    OK(mtrk_tenant_settings_init((mtrk_tenant_settings *)v3, 3));
    assert_int_equal(v3->v2.v1.version, 3);
    assert_int_equal(v3->events_ahead_ms, MTRK_EVENTS_AHEAD_DEFAULT_MS);
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open(&db, "memory:", NULL));
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    mtrk_tenant_settings cur;
    OK(mtrk_tenant_settings_init(&cur, MTRK_TENANT_SETTINGS_VERSION));
    assert_int_equal(cur.keep_webhook_payloads, 0);
    assert_int_equal(cur.webhook_payload_retention_ms, MTRK_WEBHOOK_PAYLOAD_RETENTION_DEFAULT_MS);
    OK(mtrk_tenant_settings_get(&cur, t));
    cur.keep_webhook_payloads = 1;
    cur.webhook_payload_retention_ms = 86400000LL;
    OK(mtrk_tenant_settings_set(t, &cur));
    OK(mtrk_tenant_settings_get(&cur, t)); /* its strings are borrowed: read again after a set */
    cur.keep_webhook_payloads = 2;
    assert_int_equal(mtrk_tenant_settings_set(t, &cur), MTRK_EINVAL);
    assert_non_null(strstr(mtrk_tenant_errmsg(t), "keep_webhook_payloads"));
    /* A version-3 caller's set leaves the payload setting as stored. */
    OK(mtrk_tenant_settings_get((mtrk_tenant_settings *)v3, t));
    v3->v2.v1.soft_bounce_threshold = 6;
    OK(mtrk_tenant_settings_set(t, (const mtrk_tenant_settings *)v3));
    OK(mtrk_tenant_settings_get(&cur, t));
    assert_int_equal(cur.soft_bounce_threshold, 6);
    assert_int_equal(cur.keep_webhook_payloads, 1);
    assert_int_equal(cur.webhook_payload_retention_ms, 86400000LL);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    free(v3);
}

/* A caller built against a header whose link-weight struct has grown. */
typedef struct wide_weight {
    mtrk_sim_link_weight w;
    double later_member;
    char another[40];
} wide_weight;

static void simulate_reads_link_weights_with_the_callers_element_size(void **state)
{
    (void)state;
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open(&db, "memory:", NULL));
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    mtrk_id audience, camp, lids[3];
    OK(mtrk_audience_create(&audience, t, "news"));
    for (int i = 0; i < 200; i++) {
        char addr[64];
        mtrk_id c;
        snprintf(addr, sizeof addr, "c%d@example.com", i);
        OK(mtrk_contact_add(&c, NULL, t, addr, NULL));
        OK(mtrk_audience_add(NULL, t, audience, c));
    }
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "spring";
    s.subject = "Spring";
    s.from_address = "news@acme.example";
    s.text = "hello";
    OK(mtrk_campaign_create(&camp, t, &s));
    for (uint32_t i = 0; i < 3; i++) {
        char url[64];
        snprintf(url, sizeof url, "https://acme.example/%u", i);
        OK(mtrk_link_add(&lids[i], t, camp, url, "cta", i));
    }
    OK(mtrk_campaign_attach_audience(NULL, t, camp, audience));
    OK(mtrk_campaign_generate(NULL, t, camp));
    OK(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SCHEDULED));
    OK(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SENDING));

    /* Every weight on the last link; with the library's own stride the
     * second and third elements would be read from the padding. */
    wide_weight *ws = calloc(3, sizeof *ws);
    assert_non_null(ws);
    for (int i = 0; i < 3; i++) {
        ws[i].w.lid = lids[i];
        ws[i].w.weight = i == 2 ? 1.0 : 0.0;
        ws[i].later_member = 5.0; /* garbage to a reader with the wrong stride */
        memset(ws[i].another, 0x7f, sizeof ws[i].another);
    }
    mtrk_sim_options o = MTRK_SIM_OPTIONS_INIT;
    assert_int_equal(o.link_weight_size, sizeof(mtrk_sim_link_weight));
    o.start = 1767225600000;
    o.click_rate = 0.5;
    o.open_rate = 0.9;
    o.scanner_click_share = 0.0;
    o.link_weights = &ws[0].w;
    o.nlink_weights = 3;
    o.link_weight_size = 0;
    assert_int_equal(mtrk_simulate(NULL, t, camp, &o), MTRK_EINVAL);
    assert_non_null(strstr(mtrk_tenant_errmsg(t), "link_weight_size"));
    o.link_weight_size = sizeof *ws;
    mtrk_sim_report r = MTRK_SIM_REPORT_INIT;
    OK(mtrk_simulate(&r, t, camp, &o));
    assert_true(r.clicks > 0);

    mtrk_link_stats st[3];
    mtrk_link_stats *outs[3] = { &st[0], &st[1], &st[2] };
    for (int i = 0; i < 3; i++)
        OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION));
    size_t n = 0;
    OK(mtrk_metrics_links(outs, 3, &n, t, camp));
    assert_int_equal(n, 3);
    for (int i = 0; i < 3; i++) {
        bool last = memcmp(&st[i].lid, &lids[2], sizeof(mtrk_id)) == 0;
        if (last)
            assert_int_equal(st[i].clicks, r.clicks);
        else
            assert_int_equal(st[i].clicks, 0);
    }
    free(ws);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

/* mtrk_event_outcome as a caller built against version 1 declares it: the
 * init function, a recorded event, a duplicate, a refusal and a conflict,
 * single and in a batch, write nothing past it (exact-size heap blocks). */
static void event_outcome_version_1_caller_gets_only_version_1_fields(void **state)
{
    (void)state;
    const size_t v1 = offsetof(mtrk_event_outcome, conflict);
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    OK(mtrk_db_open(&db, "memory:", NULL));
    OK(mtrk_tenant_create(&t, db, "acme", "test"));
    mtrk_id audience, camp, contacts[2];
    OK(mtrk_audience_create(&audience, t, "news"));
    OK(mtrk_contact_add(&contacts[0], NULL, t, "a@example.com", NULL));
    OK(mtrk_contact_add(&contacts[1], NULL, t, "b@example.com", NULL));
    OK(mtrk_audience_add(NULL, t, audience, contacts[0]));
    OK(mtrk_audience_add(NULL, t, audience, contacts[1]));
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "spring";
    s.subject = "Spring";
    s.from_address = "news@acme.example";
    s.text = "hello";
    OK(mtrk_campaign_create(&camp, t, &s));
    OK(mtrk_campaign_attach_audience(NULL, t, camp, audience));
    OK(mtrk_campaign_generate(NULL, t, camp));
    mtrk_message_info m[2] = { MTRK_MESSAGE_INFO_INIT, MTRK_MESSAGE_INFO_INIT };
    OK(mtrk_message_find(&m[0], t, camp, contacts[0]));
    OK(mtrk_message_find(&m[1], t, camp, contacts[1]));

    enum { N = 4 };
    mtrk_event_input in[N];
    const mtrk_event_input *ev[N];
    mtrk_event_outcome *out[N];
    for (int i = 0; i < N; i++) {
        OK(mtrk_event_input_init(&in[i], MTRK_EVENT_INPUT_VERSION));
        in[i].type = MTRK_EV_OPEN;
        in[i].mid = m[0].mid;
        in[i].provider = "esp";
        in[i].provider_event_id = "e1";
        ev[i] = &in[i];
        out[i] = malloc(v1);
        assert_non_null(out[i]);
        OK(mtrk_event_outcome_init(out[i], 1));
    }
    in[1].mid = m[1].mid;                   /* a conflict */
    in[2].mid = (mtrk_id){ { 0x42 } };      /* refused: no such message */
    in[2].provider_event_id = "e2";         /* in[3]: a duplicate of in[0] */
    size_t recorded = 0;
    OK(mtrk_event_record_batch(&recorded, out, t, ev, N));
    assert_int_equal(recorded, 1);
    assert_int_equal(out[1]->status, MTRK_EEXISTS);
    assert_int_equal(out[2]->status, MTRK_ENOTFOUND);
    assert_int_equal(out[3]->duplicate, 1);
    assert_int_equal(mtrk_event_record(out[0], t, &in[1]), MTRK_EEXISTS);
    assert_int_equal(mtrk_event_record(out[0], t, &in[2]), MTRK_ENOTFOUND);
    OK(mtrk_event_record(out[0], t, &in[3]));
    assert_int_equal(out[0]->duplicate, 1);
    for (int i = 0; i < N; i++)
        free(out[i]);

    /* mtrk_event_input version 1, exactly its size: a bounce recorded
     * alone and in a batch reads nothing past it (the bounce-facts hook
     * looks at version 2's members only for version 2). */
    size_t in1 = offsetof(mtrk_event_input, bounce_reason);
    void *b1 = malloc(in1);
    assert_non_null(b1);
    OK(mtrk_event_input_init(b1, 1));
    mtrk_event_input bounce = MTRK_EVENT_INPUT_INIT;
    memcpy(&bounce, b1, in1);
    bounce.type = MTRK_EV_BOUNCE;
    bounce.mid = m[1].mid;
    bounce.bounce_kind = MTRK_BOUNCE_SOFT;
    bounce.provider = "esp";
    bounce.provider_event_id = "b1";
    memcpy(b1, &bounce, in1);
    OK(mtrk_event_record(NULL, t, b1));
    bounce.provider_event_id = "b2";
    memcpy(b1, &bounce, in1);
    const mtrk_event_input *bev[1] = { b1 };
    mtrk_event_outcome bo = MTRK_EVENT_OUTCOME_INIT, *bop[1] = { &bo };
    OK(mtrk_event_record_batch(&recorded, bop, t, bev, 1));
    assert_int_equal(recorded, 1);
    size_t nf = 9;
    OK(mtrk_bounce_facts_message(NULL, 0, &nf, t, m[1].mid));
    assert_int_equal(nf, 0); /* no facts: version 1 */
    free(b1);

    /* mtrk_rendered: version 1 ends before mid_header; init, render and
     * clear write nothing past it, and version 2 gets the mid's header. */
    mtrk_tenant_settings st;
    OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION));
    OK(mtrk_tenant_settings_get(&st, t));
    st.tracking_base_url = "https://t.example.com/t";
    OK(mtrk_tenant_settings_set(t, &st));
    rendered_v1 *old = malloc(sizeof *old);
    assert_non_null(old);
    OK(mtrk_rendered_init((mtrk_rendered *)old, 1));
    OK(mtrk_message_render((mtrk_rendered *)old, t, m[0].mid));
    assert_non_null(old->text);
    mtrk_rendered_clear((mtrk_rendered *)old);
    assert_null(old->text);
    free(old);
    /* Version 2 ends before return_path: render_with may not fill it. */
    size_t v2size = offsetof(mtrk_rendered, return_path);
    void *two = malloc(v2size);
    assert_non_null(two);
    OK(mtrk_rendered_init(two, 2));
    OK(mtrk_message_render(two, t, m[0].mid));
    mtrk_rendered_clear(two);
    mtrk_render_options ro = MTRK_RENDER_OPTIONS_INIT;
    ro.provider = "sendgrid";
    assert_int_equal(mtrk_message_render_with(two, t, m[0].mid, &ro), MTRK_EINVAL);
    OK(mtrk_message_render_with(two, t, m[0].mid, NULL));
    mtrk_rendered_clear(two);
    free(two);
    mtrk_rendered now = MTRK_RENDERED_INIT;
    OK(mtrk_message_render(&now, t, m[0].mid));
    char mid_text[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(mid_text, m[0].mid);
    assert_string_equal(now.mid_header, mid_text);
    mtrk_rendered_clear(&now);
    assert_null(now.mid_header);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

/* The one rule of every *_init function (a caller's first call on a struct):
 * NULL is refused naming the argument, a version the library does not know
 * (0 or past the current one) is refused naming the struct, and every version
 * it knows is accepted and stored in the struct. */
#define INIT_RULE(T, V)                                                                            \
    do {                                                                                           \
        T *p_ = calloc(1, sizeof(T));                                                              \
        assert_non_null(p_);                                                                       \
        assert_int_equal(T##_init(NULL, (V)), MTRK_EINVAL);                                        \
        assert_non_null(strstr(mtrk_last_errmsg(), " is NULL"));                                   \
        assert_int_equal(T##_init(p_, 0), MTRK_EVERSION);                                          \
        assert_non_null(strstr(mtrk_last_errmsg(), #T " version 0 unknown"));                      \
        assert_int_equal(T##_init(p_, (V) + 1), MTRK_EVERSION);                                    \
        assert_non_null(strstr(mtrk_last_errmsg(), #T " version"));                                \
        for (unsigned v_ = 1; v_ <= (V); v_++) {                                                   \
            OK(T##_init(p_, v_));                                                                  \
            assert_int_equal(p_->version, v_);                                                     \
        }                                                                                          \
        free(p_);                                                                                  \
    } while (0)

static void every_init_refuses_null_and_versions_it_does_not_know(void **state)
{
    (void)state;
    INIT_RULE(mtrk_api_token_info, MTRK_API_TOKEN_INFO_VERSION);
    INIT_RULE(mtrk_bounce_recipient, MTRK_BOUNCE_RECIPIENT_VERSION);
    INIT_RULE(mtrk_campaign_spec, MTRK_CAMPAIGN_SPEC_VERSION);
    INIT_RULE(mtrk_generate_report, MTRK_GENERATE_REPORT_VERSION);
    INIT_RULE(mtrk_message_info, MTRK_MESSAGE_INFO_VERSION);
    INIT_RULE(mtrk_lead_input, MTRK_LEAD_INPUT_VERSION);
    INIT_RULE(mtrk_lead_info, MTRK_LEAD_INFO_VERSION);
    INIT_RULE(mtrk_contact_spec, MTRK_CONTACT_SPEC_VERSION);
    INIT_RULE(mtrk_contact_outcome, MTRK_CONTACT_OUTCOME_VERSION);
    INIT_RULE(mtrk_open_options, MTRK_OPEN_OPTIONS_VERSION);
    INIT_RULE(mtrk_tenant_settings, MTRK_TENANT_SETTINGS_VERSION);
    INIT_RULE(mtrk_event_input, MTRK_EVENT_INPUT_VERSION);
    INIT_RULE(mtrk_event_outcome, MTRK_EVENT_OUTCOME_VERSION);
    INIT_RULE(mtrk_event_info, MTRK_EVENT_INFO_VERSION);
    INIT_RULE(mtrk_metrics, MTRK_METRICS_VERSION);
    INIT_RULE(mtrk_link_stats, MTRK_LINK_STATS_VERSION);
    INIT_RULE(mtrk_reputation_settings, MTRK_REPUTATION_SETTINGS_VERSION);
    INIT_RULE(mtrk_reputation, MTRK_REPUTATION_VERSION);
    INIT_RULE(mtrk_bounce_policy, MTRK_BOUNCE_POLICY_VERSION);
    INIT_RULE(mtrk_bounce_fact, MTRK_BOUNCE_FACT_VERSION);
    INIT_RULE(mtrk_sim_options, MTRK_SIM_OPTIONS_VERSION);
    INIT_RULE(mtrk_sim_report, MTRK_SIM_REPORT_VERSION);
    INIT_RULE(mtrk_store, MTRK_STORE_VERSION);
    INIT_RULE(mtrk_key_info, MTRK_KEY_INFO_VERSION);
    INIT_RULE(mtrk_rendered, MTRK_RENDERED_VERSION);
    INIT_RULE(mtrk_render_options, MTRK_RENDER_OPTIONS_VERSION);
    INIT_RULE(mtrk_classify_rules, MTRK_CLASSIFY_RULES_VERSION);
    INIT_RULE(mtrk_track_request, MTRK_TRACK_REQUEST_VERSION);
    INIT_RULE(mtrk_resolve_options, MTRK_RESOLVE_OPTIONS_VERSION);
    INIT_RULE(mtrk_track_result, MTRK_TRACK_RESULT_VERSION);
    INIT_RULE(mtrk_webhook_request, MTRK_WEBHOOK_REQUEST_VERSION);
    INIT_RULE(mtrk_webhook_key_info, MTRK_WEBHOOK_KEY_INFO_VERSION);
    INIT_RULE(mtrk_webhook_settings, MTRK_WEBHOOK_SETTINGS_VERSION);
    INIT_RULE(mtrk_deadletter_info, MTRK_DEADLETTER_INFO_VERSION);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(open_options_version_1_caller_gets_only_version_1_fields),
        cmocka_unit_test(event_input_version_1_caller_gets_only_version_1_fields),
        cmocka_unit_test(bounce_recipient_version_1_caller_gets_only_version_1_fields),
        cmocka_unit_test(settings_version_1_caller_gets_only_version_1_fields),
        cmocka_unit_test(settings_version_2_caller_keeps_the_event_window),
        cmocka_unit_test(settings_version_3_caller_keeps_the_payload_setting),
        cmocka_unit_test(simulate_reads_link_weights_with_the_callers_element_size),
        cmocka_unit_test(event_outcome_version_1_caller_gets_only_version_1_fields),
        cmocka_unit_test(every_init_refuses_null_and_versions_it_does_not_know),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
