/* Provider webhooks, the pure part: parsing and verifying a 100,000-event
 * SendGrid request (about 40 MB) and a stream of 10,000 SES notifications
 * through SNS, against a baseline measured in the same run: jansson loading
 * and walking the same JSON with nothing else (what any JSON-reading
 * ingestion pays). Each figure is the median of MTRK_BENCH_RUNS runs (5),
 * each run in its own process so that peak memory is its own.
 *
 *     build-bench/bench/bench-webhook [EVENTS] [NOTIFICATIONS]
 *
 * Recording the events is not measured here: the public call lands with the
 * store's event outcome version 2 (docs/providers.md). */
#include "bench_util.h"
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    return 0;
}
