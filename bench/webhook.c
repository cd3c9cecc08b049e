/* Provider webhooks, the pure part: parsing and verifying a 100,000-event
 * SendGrid request (about 40 MB) and a stream of 10,000 SES notifications
 * through SNS, against a baseline measured in the same run: jansson loading
 * and walking the same JSON with nothing else (what any JSON-reading
 * ingestion pays). Each figure is the median of MTRK_BENCH_RUNS runs (5),
 * each run in its own process so that peak memory is its own.
 *
 *     build-bench/bench/bench-webhook [EVENTS] [NOTIFICATIONS]
 *
 * Then the public call end to end (verify, parse, map, record in one
 * transaction): the 100,000-event SendGrid request (signed, verified with
 * the tenant's ECDSA key) and the 10,000 SES
 * notifications (one request, so one transaction, each) through
 * mtrk_webhook_ingest into an SQLite file of MTRK_BENCH_MESSAGES (20,000)
 * generated messages, against recording the same events directly with
 * mtrk_event_record_batch (one call of 100,000; 10,000 calls of one) on a
 * copy of the same file, in the same run: the same mids, times, keys,
 * provider message ids, links, and the bounces with the facts the request
 * records for them (reason, SMTP code, status, provider type); medians of
 * MTRK_BENCH_RECORD_RUNS (3) runs, each in its own process, with its peak
 * RSS. */
#include "bench_util.h"
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

typedef struct ctx {
    char *sg_body;
    size_t sg_len, sg_events;
    char **ses_bodies;
    size_t ses_n;
    EVP_PKEY *ec, *rsa;
    char *ec_pub, *cert, *sg_sig;
    int stage; /* sendgrid: 0 baseline, 1 unsigned, 2 signed */
} ctx;

static char *sign_b64(EVP_PKEY *k, const EVP_MD *md, const void *msg, size_t len)
{
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    size_t n = 0;
    EVP_DigestSignInit(c, NULL, md, NULL, k);
    EVP_DigestSign(c, NULL, &n, msg, len);
    unsigned char *sig = malloc(n);
    EVP_DigestSign(c, sig, &n, msg, len);
    EVP_MD_CTX_free(c);
    char *s = wh_base64_encode(sig, n);
    free(sig);
    return s;
}

static void build_sendgrid(ctx *c, size_t n)
{
    size_t cap = n * 520 + 16, len = 0;
    char *b = malloc(cap);
    b[len++] = '[';
    static const char *types[] = { "processed", "delivered", "open", "click", "bounce", "deferred" };
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(b + len, cap - len,
                                "%s{\"email\":\"c%zu@example.com\",\"timestamp\":%lld,\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\","
                                "\"event\":\"%s\",\"category\":[\"newsletter\"],\"sg_event_id\":\"ev-%zu-ZGVsaXZlcmVkLTAtMjQ0\","
                                "\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.%zu\","
                                "\"useragent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\",\"ip\":\"203.0.113.%zu\","
                                "\"url\":\"https://example.com/offer\",\"reason\":\"550 5.1.1 user unknown\",\"type\":\"bounce\","
                                "\"mtrk_mid\":\"0190a1b2-c3d4-7e5f-8a9b-%012zx\"}",
                                i ? "," : "", i, (long long)(BENCH_T0 / 1000 + (long long)i), types[i % 6], i, i, i % 250, i);
    }
    b[len++] = ']';
    b[len] = '\0';
    c->sg_body = b;
    c->sg_len = len;
    c->sg_events = n;
}

static void build_ses(ctx *c, size_t n)
{
    c->ses_bodies = calloc(n, sizeof *c->ses_bodies);
    c->ses_n = n;
    for (size_t i = 0; i < n; i++) {
        char rec[2048], id[64], ts[32] = "2026-01-01T00:00:00.000Z";
        snprintf(id, sizeof id, "sns-%zu", i);
        snprintf(rec, sizeof rec,
                 "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                 "\"bouncedRecipients\":[{\"emailAddress\":\"c%zu@example.com\",\"action\":\"failed\",\"status\":\"5.1.1\","
                 "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],\"timestamp\":\"2026-01-01T00:00:01.000Z\","
                 "\"feedbackId\":\"fb-%zu\"},\"mail\":{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"messageId\":\"m-%zu\","
                 "\"destination\":[\"c%zu@example.com\"],\"tags\":{\"mtrk_mid\":[\"0190a1b2-c3d4-7e5f-8a9b-%012zx\"]}}}",
                 i, i, i, i, i);
        char tosign[4096];
        snprintf(tosign, sizeof tosign, "Message\n%s\nMessageId\n%s\nTimestamp\n%s\nTopicArn\narn:aws:sns:us-east-1:1:t\nType\nNotification\n",
                 rec, id, ts);
        char *sig = sign_b64(c->rsa, EVP_sha256(), tosign, strlen(tosign));
        json_t *e = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "Type", "Notification", "MessageId", id, "TopicArn",
                              "arn:aws:sns:us-east-1:1:t", "Message", rec, "Timestamp", ts, "SignatureVersion", "2",
                              "Signature", sig, "SigningCertURL", "https://sns.us-east-1.amazonaws.com/c.pem");
        c->ses_bodies[i] = json_dumps(e, JSON_COMPACT);
        json_decref(e);
        free(sig);
    }
}

static int get_cert(char **pem, const char *url, void *ud)
{
    (void)url;
    *pem = strdup(((ctx *)ud)->cert); /* a host's cache hit */
    return 0;
}

/* One stage per process (c->stage), so each peak RSS is that stage's own.
 * Figures: seconds, peak RSS MiB. */
static int run_sendgrid(void *arg, double *out, size_t nout)
{
    ctx *c = arg;
    (void)nout;
    size_t done = 0;
    double t0 = bench_now();
    if (c->stage == 0) {
        json_error_t err;
        json_t *root = json_loadb(c->sg_body, c->sg_len, 0, &err);
        size_t i;
        json_t *o;
        json_array_foreach(root, i, o) done += json_object_size(o) > 0;
        json_decref(root);
    } else {
        char ts[32];
        snprintf(ts, sizeof ts, "%lld", (long long)(BENCH_T0 / 1000));
        wh_header h[] = { { "X-Twilio-Email-Event-Webhook-Signature", c->sg_sig },
                          { "X-Twilio-Email-Event-Webhook-Timestamp", ts } };
        wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
        wh_secrets s = { { c->ec_pub, NULL }, 0, 0, NULL, NULL };
        wh_request req = { h, 2, c->sg_body, c->sg_len, NULL, BENCH_T0, c->stage == 1 ? &open : &s, 0 };
        wh_result r;
        wh_process(&r, "sendgrid", &req);
        done = r.verdict == WH_ACCEPTED ? r.n : 0;
        wh_result_free(&r);
    }
    double t1 = bench_now();
    if (done != c->sg_events) {
        fprintf(stderr, "bench-webhook: sendgrid stage %d: %zu of %zu events\n", c->stage, done, c->sg_events);
        return -1;
    }
    out[0] = t1 - t0;
    out[1] = (double)bench_maxrss_kib() / 1024.0;
    return 0;
}

static int run_ses(void *arg, double *out, size_t nout)
{
    ctx *c = arg;
    (void)nout;
    double t0 = bench_now();
    size_t seen = 0;
    for (size_t i = 0; i < c->ses_n; i++) {
        json_error_t err;
        json_t *env = json_loads(c->ses_bodies[i], 0, &err);
        json_t *rec = json_loads(json_string_value(json_object_get(env, "Message")), 0, &err);
        seen += rec != NULL;
        json_decref(rec);
        json_decref(env);
    }
    double t1 = bench_now();
    wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
    wh_secrets s = { { "arn:aws:sns:us-east-1:1:t", NULL }, 0, 0, get_cert, c };
    size_t ok = 0, sok = 0;
    for (size_t i = 0; i < c->ses_n; i++) {
        wh_request req = { NULL, 0, c->ses_bodies[i], strlen(c->ses_bodies[i]), NULL, BENCH_T0, &open, 0 };
        wh_result r;
        ok += wh_process(&r, "ses", &req) == WH_ACCEPTED && r.n == 1;
        wh_result_free(&r);
    }
    double t2 = bench_now();
    for (size_t i = 0; i < c->ses_n; i++) {
        wh_request req = { NULL, 0, c->ses_bodies[i], strlen(c->ses_bodies[i]), NULL, BENCH_T0, &s, 0 };
        wh_result r;
        sok += wh_process(&r, "ses", &req) == WH_ACCEPTED && r.n == 1;
        wh_result_free(&r);
    }
    double t3 = bench_now();
    if (seen != c->ses_n || ok != c->ses_n || sok != c->ses_n) {
        fprintf(stderr, "bench-webhook: ses: %zu/%zu/%zu of %zu\n", seen, ok, sok, c->ses_n);
        return -1;
    }
    out[0] = t1 - t0;
    out[1] = t2 - t1;
    out[2] = t3 - t2;
    out[3] = (double)bench_maxrss_kib() / 1024.0;
    return 0;
}

/* ---- recording through the public call ------------------------------------------ */

typedef struct rec_ctx {
    char base[4096], run[4096];
    mtrk_id *mids;
    size_t nmids;
    mtrk_id links[3];
    size_t nev, nses;
    char *sg_body;
    size_t sg_len;
    char **ses_bodies;
    mtrk_event_input *sg_in, *ses_in; /* the same events, for the baseline */
    char (*keys)[48], (*pmids)[48];
    char (*ses_keys)[48], (*ses_pmids)[48];
    int stage; /* 0 sendgrid ingest, 1 its baseline, 2 ses ingest, 3 its baseline */
    const char *ec_pub; /* the SendGrid request is signed (ECDSA P-256), as a provider sends it */
    char *sg_sig;
    char sg_ts[24];
} rec_ctx;

static int member_all(size_t i, size_t a)
{
    (void)i;
    (void)a;
    return 1;
}

static const char *const sg_types[] = { "processed", "delivered", "open", "click", "deferred", "bounce" };
static const mtrk_event_type sg_mtrk[] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN, MTRK_EV_CLICK,
                                           MTRK_EV_DEFERRED, MTRK_EV_BOUNCE };

/* A bounce's facts as the request records them (src/core/webhook.c,
 * bounce_facts_of: the provider's bounce object through the taxonomy of
 * bounce_table.c), so that the baseline records the same events, facts
 * included; the strings are kept for the process's life. */
static void bounce_facts(mtrk_event_input *e, const wh_event *ev, const char *provider)
{
    mtrk_bounce_reason r = wh_bounce_reason(provider, ev->bounce_type, ev->bounce_subtype, ev->smtp_code,
                                            ev->enhanced_status, ev->diagnostic);
    e->bounce_kind = mtrk_bounce_reason_kind(r) == MTRK_BOUNCE_HARD ? MTRK_BOUNCE_HARD : MTRK_BOUNCE_SOFT;
    e->bounce_reason = r;
    e->smtp_code = ev->smtp_code >= 200 && ev->smtp_code <= 599 ? ev->smtp_code : 0;
    e->diagnostic = ev->diagnostic ? strdup(ev->diagnostic) : NULL;
    e->bounce_status = ev->enhanced_status ? strdup(ev->enhanced_status) : NULL;
    e->bounce_type = ev->bounce_type ? strdup(ev->bounce_type) : NULL;
    e->bounce_subtype = ev->bounce_subtype ? strdup(ev->bounce_subtype) : NULL;
}

/* The facts of the SendGrid request's bounces, read by the adapter outside
 * any timing. */
static void sendgrid_bounce_facts(mtrk_event_input *in, size_t n, const char *body, size_t len)
{
    wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
    wh_request req = { NULL, 0, body, len, NULL, BENCH_T0, &open, 0 };
    wh_result r;
    if (wh_process(&r, "sendgrid", &req) != WH_ACCEPTED || r.n != n) {
        fprintf(stderr, "bench-webhook: the SendGrid body: %s\n", r.message);
        exit(1);
    }
    for (size_t i = 0; i < n; i++)
        if (in[i].type == MTRK_EV_BOUNCE)
            bounce_facts(&in[i], &r.events[i], "sendgrid");
    wh_result_free(&r);
}

/* SendGrid events over the file's messages, and the same as mtrk_event_input. */
static void build_record_inputs(rec_ctx *c)
{
    size_t cap = c->nev * 420 + 16, len = 0;
    char *b = malloc(cap);
    c->sg_in = calloc(c->nev, sizeof *c->sg_in);
    c->keys = calloc(c->nev, sizeof *c->keys);
    c->pmids = calloc(c->nev, sizeof *c->pmids);
    b[len++] = '[';
    for (size_t i = 0; i < c->nev; i++) {
        size_t k = i % 6;
        char mid[MTRK_ID_STRLEN + 1];
        mtrk_id m = c->mids[(i * 7919) % c->nmids];
        mtrk_id_to_string(mid, m);
        long long ts = BENCH_T0 / 1000 - 86000 + (long long)(i % 86000);
        snprintf(c->keys[i], sizeof c->keys[i], "sg-%zu", i);
        snprintf(c->pmids[i], sizeof c->pmids[i], "sgm-%zu", i);
        char extra[160] = "";
        if (k == 3)
            snprintf(extra, sizeof extra, ",\"url\":\"https://example.com/l%zu\"", i % 3);
        else if (k == 5)
            snprintf(extra, sizeof extra, ",\"type\":\"bounce\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 user unknown\"");
        len += (size_t)snprintf(b + len, cap - len,
                                "%s{\"email\":\"c%zu@example.com\",\"timestamp\":%lld,\"event\":\"%s\",\"sg_event_id\":\"%s\","
                                "\"sg_message_id\":\"%s\",\"useragent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\","
                                "\"ip\":\"203.0.113.%zu\",\"mtrk_mid\":\"%s\"%s}",
                                i ? "," : "", i, ts, sg_types[k], c->keys[i], c->pmids[i], i % 250, mid, extra);
        mtrk_event_input *e = &c->sg_in[i];
        mtrk_event_input_init(e, MTRK_EVENT_INPUT_VERSION);
        e->type = sg_mtrk[k];
        e->mid = m;
        e->occurred_at = ts * 1000;
        e->provider = "sendgrid";
        e->provider_event_id = c->keys[i];
        e->provider_message_id = c->pmids[i];
        if (k == 2 || k == 3) {
            e->user_agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
            e->ip = "203.0.113.1";
        }
        if (k == 3)
            e->lid = c->links[i % 3];
    }
    b[len++] = ']';
    b[len] = '\0';
    c->sg_body = b;
    c->sg_len = len;
    sendgrid_bounce_facts(c->sg_in, c->nev, b, len);

    /* SES: one SNS notification (unsigned: raw message delivery) per event. */
    c->ses_bodies = calloc(c->nses, sizeof *c->ses_bodies);
    c->ses_in = calloc(c->nses, sizeof *c->ses_in);
    c->ses_keys = calloc(c->nses, sizeof *c->ses_keys);
    c->ses_pmids = calloc(c->nses, sizeof *c->ses_pmids);
    for (size_t i = 0; i < c->nses; i++) {
        char mid[MTRK_ID_STRLEN + 1], rec[1024];
        mtrk_id m = c->mids[(i * 104729) % c->nmids];
        mtrk_id_to_string(mid, m);
        int bounce = i % 2;
        snprintf(rec, sizeof rec,
                 bounce ? "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                          "\"bouncedRecipients\":[{\"emailAddress\":\"c%zu@example.com\",\"action\":\"failed\",\"status\":\"5.1.1\","
                          "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],\"timestamp\":\"2025-12-31T12:00:01.000Z\","
                          "\"feedbackId\":\"fb-%zu\"},\"mail\":{\"timestamp\":\"2025-12-31T12:00:00.000Z\",\"messageId\":\"m-%zu\","
                          "\"destination\":[\"c%zu@example.com\"],\"tags\":{\"mtrk_mid\":[\"%s\"]}}}"
                        : "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2025-12-31T12:00:01.000Z\","
                          "\"recipients\":[\"c%zu@example.com\"],\"processingTimeMillis\":500,\"smtpResponse\":\"250 ok\"},"
                          "\"mail\":{\"timestamp\":\"2025-12-31T12:00:00.000Z\",\"messageId\":\"m-%zu-%zu\","
                          "\"destination\":[\"c%zu@example.com\"],\"tags\":{\"mtrk_mid\":[\"%s\"]}}}",
                 i, i, i, i, mid);
        c->ses_bodies[i] = strdup(rec);
    }
}

/* The SES events as the adapter reads them (keys and fields), outside any timing. */
static void build_ses_inputs(rec_ctx *c)
{
    wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
    for (size_t i = 0; i < c->nses; i++) {
        wh_request req = { NULL, 0, c->ses_bodies[i], strlen(c->ses_bodies[i]), NULL, BENCH_T0, &open, 0 };
        wh_result r;
        if (wh_process(&r, "ses", &req) != WH_ACCEPTED || r.n != 1) {
            fprintf(stderr, "bench-webhook: SES record %zu: %s\n", i, r.message);
            exit(1);
        }
        const wh_event *ev = &r.events[0];
        snprintf(c->ses_keys[i], sizeof c->ses_keys[i], "%s", ev->key);
        snprintf(c->ses_pmids[i], sizeof c->ses_pmids[i], "%s", ev->provider_message_id ? ev->provider_message_id : "");
        mtrk_event_input *e = &c->ses_in[i];
        mtrk_event_input_init(e, MTRK_EVENT_INPUT_VERSION);
        e->type = ev->type;
        e->mid = ev->mid;
        e->occurred_at = ev->occurred_at;
        e->provider = "ses";
        e->provider_event_id = c->ses_keys[i];
        e->provider_message_id = c->ses_pmids[i][0] ? c->ses_pmids[i] : NULL;
        if (ev->type == MTRK_EV_BOUNCE)
            bounce_facts(e, ev, "ses");
        wh_result_free(&r);
    }
}

static void make_record_base(rec_ctx *c, size_t nmsgs)
{
    bench_world w;
    bench_remove_db(c->base);
    int rc = bench_open(&w, c->base);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    bench_populate(&w, nmsgs, 1, member_all);
    bench_campaign(&w, 1);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    if ((rc = mtrk_campaign_generate(&rep, w.t, w.campaign)))
        bench_die("mtrk_campaign_generate", rc, w.t);
    mtrk_webhook_settings s = MTRK_WEBHOOK_SETTINGS_INIT;
    s.allow_unsigned = 1; /* SES: the RSA checks are measured above; SendGrid is verified */
    if ((rc = mtrk_webhook_settings_set(w.t, "ses", &s)))
        bench_die("mtrk_webhook_settings_set", rc, w.t);
    if ((rc = mtrk_webhook_key_add(w.t, "sendgrid", c->ec_pub)))
        bench_die("mtrk_webhook_key_add", rc, w.t);
    mtrk_webhook_settings sg = MTRK_WEBHOOK_SETTINGS_INIT;
    sg.tolerance_ms = 30 * INT64_C(86400000); /* the bench clock moves a millisecond a call */
    if ((rc = mtrk_webhook_settings_set(w.t, "sendgrid", &sg)))
        bench_die("mtrk_webhook_settings_set", rc, w.t);
    bench_read_mids(&w);
    c->mids = w.mids;
    c->nmids = w.nmids;
    w.mids = NULL;
    for (int i = 0; i < 3; i++)
        c->links[i] = w.links[i];
    bench_close(&w);
}

/* The process's CPU time (user + system), seconds: on a machine shared by
 * other jobs the wall clock measures their load as much as this work. */
static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec / 1e6;
}

/* One stage in its own process on a fresh copy of the base file. Figures:
 * seconds, peak RSS MiB, CPU seconds. */
static int run_record(void *arg, double *out, size_t nout)
{
    rec_ctx *c = arg;
    (void)nout;
    bench_remove_db(c->run);
    if (bench_copy_file(c->base, c->run) != 0)
        return 1;
    bench_world w;
    int rc = bench_open(&w, c->run);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    size_t recorded = 0, want = c->stage < 2 ? c->nev : c->nses;
    double c0 = cpu_seconds(), t0 = bench_now();
    if (c->stage == 0 || c->stage == 2) {
        size_t nreq = c->stage == 0 ? 1 : c->nses;
        for (size_t i = 0; i < nreq; i++) {
            mtrk_webhook_request rq = MTRK_WEBHOOK_REQUEST_INIT;
            rq.provider = c->stage == 0 ? "sendgrid" : "ses";
            rq.body = c->stage == 0 ? c->sg_body : c->ses_bodies[i];
            rq.len = c->stage == 0 ? c->sg_len : strlen(c->ses_bodies[i]);
            mtrk_header hs[2] = { { "X-Twilio-Email-Event-Webhook-Signature", c->sg_sig },
                                  { "X-Twilio-Email-Event-Webhook-Timestamp", c->sg_ts } };
            if (c->stage == 0) {
                rq.headers = hs;
                rq.nheaders = 2;
            }
            mtrk_webhook_result *r = NULL;
            if ((rc = mtrk_webhook_ingest(&r, w.t, &rq)))
                bench_die("mtrk_webhook_ingest", rc, w.t);
            if (r->verdict != MTRK_WEBHOOK_ACCEPTED || r->refused || r->dead_lettered) {
                fprintf(stderr, "bench-webhook: %s: %s, %zu refused, %zu dead-lettered (%s)\n", rq.provider,
                        mtrk_webhook_verdict_name(r->verdict), r->refused, r->dead_lettered,
                        r->n ? (r->outcomes[0]->message ? r->outcomes[0]->message : "") : r->message);
                return 1;
            }
            recorded += r->recorded + r->duplicates;
            mtrk_webhook_result_free(r);
        }
    } else {
        mtrk_event_input *in = c->stage == 1 ? c->sg_in : c->ses_in;
        size_t batch = c->stage == 1 ? c->nev : 1;
        const mtrk_event_input **pin = calloc(batch, sizeof *pin);
        mtrk_event_outcome *oc = calloc(batch, sizeof *oc);
        mtrk_event_outcome **poc = calloc(batch, sizeof *poc);
        for (size_t i = 0; i < want; i += batch) {
            for (size_t j = 0; j < batch; j++) {
                pin[j] = &in[i + j];
                mtrk_event_outcome_init(&oc[j], MTRK_EVENT_OUTCOME_VERSION);
                poc[j] = &oc[j];
            }
            size_t n = 0;
            if ((rc = mtrk_event_record_batch(&n, poc, w.t, pin, batch)))
                bench_die("mtrk_event_record_batch", rc, w.t);
            for (size_t j = 0; j < batch; j++) {
                recorded += oc[j].status == 0;
                if (oc[j].status != 0 && i + j == 0)
                    fprintf(stderr, "bench-webhook: stage %d event 0: %s (%s)\n", c->stage, mtrk_strerror(oc[j].status),
                            oc[j].message ? oc[j].message : "");
            }
        }
        free(pin);
        free(oc);
        free(poc);
    }
    double t1 = bench_now(), c1 = cpu_seconds();
    bench_close(&w);
    if (recorded != want) {
        fprintf(stderr, "bench-webhook: record stage %d: %zu of %zu events\n", c->stage, recorded, want);
        return 1;
    }
    out[0] = t1 - t0;
    out[1] = (double)bench_maxrss_kib() / 1024.0;
    out[2] = c1 - c0;
    return 0;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* The SQLite file's growth for the SendGrid request through
 * mtrk_webhook_ingest, with the tenant's keep_webhook_payloads off (keep 0)
 * or on: bytes per event. In its own process (bench_measure, one run). */
static int run_bytes(void *arg, double *out, size_t nout)
{
    rec_ctx *c = arg;
    (void)nout;
    bench_remove_db(c->run);
    if (bench_copy_file(c->base, c->run) != 0)
        return 1;
    long long before = file_size(c->run);
    bench_world w;
    int rc = bench_open(&w, c->run);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    mtrk_tenant_settings st = MTRK_TENANT_SETTINGS_INIT;
    if ((rc = mtrk_tenant_settings_get(&st, w.t)))
        bench_die("mtrk_tenant_settings_get", rc, w.t);
    st.keep_webhook_payloads = c->stage;
    if ((rc = mtrk_tenant_settings_set(w.t, &st)))
        bench_die("mtrk_tenant_settings_set", rc, w.t);
    mtrk_webhook_request rq = MTRK_WEBHOOK_REQUEST_INIT;
    mtrk_header hs[2] = { { "X-Twilio-Email-Event-Webhook-Signature", c->sg_sig },
                          { "X-Twilio-Email-Event-Webhook-Timestamp", c->sg_ts } };
    rq.provider = "sendgrid";
    rq.body = c->sg_body;
    rq.len = c->sg_len;
    rq.headers = hs;
    rq.nheaders = 2;
    mtrk_webhook_result *r = NULL;
    if ((rc = mtrk_webhook_ingest(&r, w.t, &rq)))
        bench_die("mtrk_webhook_ingest", rc, w.t);
    size_t n = r->recorded;
    mtrk_webhook_result_free(r);
    bench_close(&w); /* checkpoints the WAL into the file */
    long long after = file_size(c->run);
    if (n != c->nev || before < 0 || after < 0)
        return 1;
    out[0] = (double)(after - before) / (double)n;
    return 0;
}

static int bench_record(size_t nev, size_t nses, const ctx *pc)
{
    static rec_ctx c;
    c.ec_pub = pc->ec_pub;
    int runs = (int)bench_env_long("MTRK_BENCH_RECORD_RUNS", 3);
    size_t nmsgs = (size_t)bench_env_long("MTRK_BENCH_MESSAGES", 20000);
    snprintf(c.base, sizeof c.base, "%s/mtrk-bench-webhook-base.db", bench_dir());
    snprintf(c.run, sizeof c.run, "%s/mtrk-bench-webhook-run.db", bench_dir());
    c.nev = nev;
    c.nses = nses;
    make_record_base(&c, nmsgs);
    build_record_inputs(&c);
    build_ses_inputs(&c);
    /* The bench clock starts five days after BENCH_T0 and moves a millisecond a call (bench_util.c). */
    snprintf(c.sg_ts, sizeof c.sg_ts, "%lld", (long long)((BENCH_T0 + 5 * INT64_C(86400000)) / 1000));
    size_t tl = strlen(c.sg_ts);
    char *msg = malloc(tl + c.sg_len);
    memcpy(msg, c.sg_ts, tl);
    memcpy(msg + tl, c.sg_body, c.sg_len);
    c.sg_sig = sign_b64(pc->ec, EVP_sha256(), msg, tl + c.sg_len);
    free(msg);
    /* The stages interleaved, run by run (ingest, its baseline, ...), so that
     * both sides of a ratio meet the same load: on a shared machine the load
     * moves in minutes, and whole stages run one after the other measured
     * it more than the code. Each figure is the median of its runs; the
     * ratios are also given as the median of the runs' own ratios. */
    enum { MAXR = 16 };
    if (runs < 1 || runs > MAXR)
        runs = 3;
    double v[4][3][MAXR], f[4][3], ratio[2][MAXR], cratio[2][MAXR];
    for (int k = 0; k < runs; k++) {
        for (c.stage = 0; c.stage < 4; c.stage++) {
            double one[3];
            if (bench_in_child(run_record, &c, one, 3) != 0)
                return 1;
            for (int j = 0; j < 3; j++)
                v[c.stage][j][k] = one[j];
        }
        ratio[0][k] = v[1][0][k] / v[0][0][k];
        ratio[1][k] = v[3][0][k] / v[2][0][k];
        cratio[0][k] = v[1][2][k] / v[0][2][k];
        cratio[1][k] = v[3][2][k] / v[2][2][k];
    }
    for (int st = 0; st < 4; st++)
        for (int j = 0; j < 3; j++)
            f[st][j] = bench_median(v[st][j], (size_t)runs);
    for (int w = 0; w < 2; w++) {
        double (*rr)[MAXR] = w ? cratio : ratio;
        printf("per-run ratios by %s (ingest of baseline), sendgrid:", w ? "CPU time" : "wall clock");
        for (int k = 0; k < runs; k++)
            printf(" %.2f", rr[0][k]);
        printf("; ses:");
        for (int k = 0; k < runs; k++)
            printf(" %.2f", rr[1][k]);
        printf("; medians: sendgrid %.2f, ses %.2f\n", bench_median(rr[0], (size_t)runs),
               bench_median(rr[1], (size_t)runs));
    }
    printf("CPU time (medians): sendgrid batch %.2f s, ingest %.2f s (%.0f and %.0f events per CPU second); "
           "ses batch %.2f s, ingest %.2f s\n",
           f[1][2], f[0][2], (double)nev / f[1][2], (double)nev / f[0][2], f[3][2], f[2][2]);
    printf("recording through mtrk_webhook_ingest into SQLite (%zu messages; medians of %d runs)\n"
           "sendgrid: one request of %zu events (%.1f MB), signed (ECDSA P-256)\n"
           "  mtrk_event_record_batch (baseline) %8.0f events/s  peak RSS %4.0f MiB\n"
           "  mtrk_webhook_ingest                %8.0f events/s  peak RSS %4.0f MiB  (%.2f of baseline)\n"
           "ses: %zu notifications, one request (one transaction) each\n"
           "  mtrk_event_record_batch of one     %8.0f events/s  peak RSS %4.0f MiB\n"
           "  mtrk_webhook_ingest                %8.0f events/s  peak RSS %4.0f MiB  (%.2f of baseline)\n",
           nmsgs, runs, nev, (double)c.sg_len / 1e6, (double)nev / f[1][0], f[1][1], (double)nev / f[0][0], f[0][1],
           f[1][0] / f[0][0], nses, (double)nses / f[3][0], f[3][1], (double)nses / f[2][0], f[2][1],
           f[3][0] / f[2][0]);
    double bytes[2];
    for (c.stage = 0; c.stage < 2; c.stage++)
        if (bench_measure(run_bytes, &c, 1, 1, &bytes[c.stage]) != 0)
            return 1;
    printf("SQLite file growth for the SendGrid request (%.0f octets of body per event)\n"
           "  payloads not kept (the default)    %8.0f bytes/event\n"
           "  keep_webhook_payloads on           %8.0f bytes/event  (+%.0f)\n",
           (double)c.sg_len / (double)nev, bytes[0], bytes[1], bytes[1] - bytes[0]);
    bench_remove_db(c.base);
    bench_remove_db(c.run);
    return 0;
}

int main(int argc, char **argv)
{
    size_t nev = argc > 1 ? (size_t)atol(argv[1]) : 100000, nses = argc > 2 ? (size_t)atol(argv[2]) : 10000;
    int runs = (int)bench_env_long("MTRK_BENCH_RUNS", 5);
    ctx c;
    memset(&c, 0, sizeof c);
    c.ec = EVP_EC_gen("P-256");
    c.rsa = EVP_RSA_gen(2048);
    unsigned char *der = NULL;
    int dl = i2d_PUBKEY(c.ec, &der);
    c.ec_pub = wh_base64_encode(der, (size_t)dl);
    OPENSSL_free(der);
    X509 *x = X509_new();
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, c.rsa);
    X509_sign(x, c.rsa, EVP_sha256());
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, x);
    char *p = NULL;
    long pl = BIO_get_mem_data(b, &p);
    c.cert = strndup(p, (size_t)pl);
    BIO_free(b);
    X509_free(x);

    build_sendgrid(&c, nev);
    char ts[32];
    snprintf(ts, sizeof ts, "%lld", (long long)(BENCH_T0 / 1000));
    size_t tl = strlen(ts);
    char *msg = malloc(tl + c.sg_len);
    memcpy(msg, ts, tl);
    memcpy(msg + tl, c.sg_body, c.sg_len);
    c.sg_sig = sign_b64(c.ec, EVP_sha256(), msg, tl + c.sg_len);
    free(msg);
    build_ses(&c, nses);

    if (bench_env_long("MTRK_BENCH_SKIP_PARSE", 0))
        return bench_record(nev, nses, &c);
    double m[4], sg[3][2];
    printf("webhook parse (medians of %d runs; the machine may be shared: figures under load)\n", runs);
    long base_kib = bench_maxrss_kib();
    for (c.stage = 0; c.stage < 3; c.stage++)
        if (bench_measure(run_sendgrid, &c, runs, 2, sg[c.stage]) != 0)
            return 1;
    printf("sendgrid: %zu events, %.1f MB body; peak RSS of the process before parsing %.0f MiB\n"
           "  jansson load + walk (baseline) %8.0f events/s  peak RSS %4.0f MiB\n"
           "  parse + map, unsigned           %8.0f events/s  peak RSS %4.0f MiB  (%.2f of baseline)\n"
           "  verify + parse + map (ECDSA)    %8.0f events/s  peak RSS %4.0f MiB  (%.2f of baseline)\n",
           nev, (double)c.sg_len / 1e6, (double)base_kib / 1024.0, (double)nev / sg[0][0], sg[0][1],
           (double)nev / sg[1][0], sg[1][1], sg[0][0] / sg[1][0], (double)nev / sg[2][0], sg[2][1], sg[0][0] / sg[2][0]);
    if (bench_measure(run_ses, &c, runs, 4, m) == 0)
        printf("ses: %zu SNS notifications, one request each\n"
               "  jansson load envelope + record  %8.0f requests/s\n"
               "  parse + map, unsigned           %8.0f requests/s  (%.2f of baseline)\n"
               "  verify (SNS v2, RSA) + parse    %8.0f requests/s  (%.2f of baseline)\n",
               nses, (double)nses / m[0], (double)nses / m[1], m[0] / m[1], (double)nses / m[2], m[0] / m[2]);
    if (bench_env_long("MTRK_BENCH_SKIP_RECORD", 0))
        return 0;
    return bench_record(nev, nses, &c);
}
