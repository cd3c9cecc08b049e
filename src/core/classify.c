/*
 * Machine activity: the data rules (user agents, networks), the behavioural
 * rules (honeypot, link burst, delivery window) and the host's callback, in
 * that order of strength. Pure: the caller reads what the rules need.
 */
#include "tracking_int.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const class_names[MTRK_CLASS_COUNT] = { "human", "privacy_proxy", "image_proxy",
                                                            "security_scanner", "unknown" };
static const char *const rule_names[MTRK_RULE_COUNT] = { "none",       "user_agent",      "network", "honeypot",
                                                          "link_burst", "delivery_window", "host" };

MTRK_API const char *mtrk_machine_class_name(mtrk_machine_class c)
{
    return (int)c >= 0 && (int)c < MTRK_CLASS_COUNT ? class_names[c] : NULL;
}
MTRK_API const char *mtrk_machine_rule_name(mtrk_machine_rule r)
{
    return (int)r >= 0 && (int)r < MTRK_RULE_COUNT ? rule_names[r] : NULL;
}

mtrk_verdict class_verdict(mtrk_machine_class c)
{
    return c == MTRK_CLASS_PRIVACY_PROXY || c == MTRK_CLASS_SECURITY_SCANNER ? MTRK_VERDICT_MACHINE
                                                                           : MTRK_VERDICT_HUMAN;
}

/* Defaults (docs/tracking.md): a starting set, meant to be replaced by the
 * host's own lists. Image proxies are real opens (human); the rest machine. */
static const mtrk_classify_rule default_agents[] = {
    { "GoogleImageProxy", MTRK_CLASS_IMAGE_PROXY, MTRK_APPLY_OPEN },
    { "YahooMailProxy", MTRK_CLASS_IMAGE_PROXY, MTRK_APPLY_OPEN },
    { "Barracuda", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "Mimecast", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "Proofpoint", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "urlscan", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "HeadlessChrome", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "python-requests", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "Go-http-client", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "curl/", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
    { "Wget/", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_BOTH },
};
static const mtrk_classify_rule default_networks[] = {
    /* Apple's network: Mail Privacy Protection fetches images from it. */
    { "17.0.0.0/8", MTRK_CLASS_PRIVACY_PROXY, MTRK_APPLY_OPEN },
};
static const mtrk_classify_rules default_rules = {
    MTRK_CLASSIFY_RULES_VERSION,
    sizeof(mtrk_classify_rule),
    default_agents,
    sizeof default_agents / sizeof default_agents[0],
    default_networks,
    sizeof default_networks / sizeof default_networks[0],
    1,
    1000,
    2,
    2000,
};

MTRK_API const mtrk_classify_rules *mtrk_classify_rules_default(void) { return &default_rules; }

MTRK_API int mtrk_classify_rules_init(mtrk_classify_rules *rules, unsigned int version)
{
    int rc = init_check(rules, "rules", "mtrk_classify_rules", version, MTRK_CLASSIFY_RULES_VERSION);
    if (rc)
        return rc;
    mtrk_classify_rules d = MTRK_CLASSIFY_RULES_INIT;
    *rules = d;
    rules->version = version;
    return MTRK_OK;
}

/* ---- networks ----------------------------------------------------------------- */

typedef struct net {
    int family;        /* 4 or 6 */
    uint8_t addr[16];
    unsigned bits;
} net;

static bool parse_addr(const char *s, net *out)
{
    if (inet_pton(AF_INET, s, out->addr) == 1) {
        out->family = 4;
        return true;
    }
    if (inet_pton(AF_INET6, s, out->addr) == 1) {
        out->family = 6;
        /* An IPv4-mapped address is judged as IPv4. */
        static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
        if (memcmp(out->addr, mapped, 12) == 0) {
            memmove(out->addr, out->addr + 12, 4);
            out->family = 4;
        }
        return true;
    }
    return false;
}

static bool parse_cidr(const char *s, net *out)
{
    char buf[80];
    const char *slash = strchr(s, '/');
    size_t n = slash ? (size_t)(slash - s) : strlen(s);
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (!parse_addr(buf, out))
        return false;
    unsigned max = out->family == 4 ? 32 : 128;
    if (slash == NULL) {
        out->bits = max;
        return true;
    }
    char *end;
    long b = strtol(slash + 1, &end, 10);
    if (slash[1] == '\0' || *end != '\0' || b < 0 || (unsigned long)b > max)
        return false;
    out->bits = (unsigned)b;
    return true;
}

static bool net_has(const net *n, const net *a)
{
    if (n->family != a->family)
        return false;
    unsigned full = n->bits / 8, rest = n->bits % 8;
    if (memcmp(n->addr, a->addr, full) != 0)
        return false;
    if (rest == 0)
        return true;
    uint8_t mask = (uint8_t)(0xFF << (8 - rest));
    return (n->addr[full] & mask) == (a->addr[full] & mask);
}

bool ip_normalize(const char *ip, char out[MTRK_MAX_IP + 1])
{
    if (ip == NULL || strnlen(ip, MTRK_MAX_IP + 1) > MTRK_MAX_IP)
        return false;
    net a;
    if (!parse_addr(ip, &a))
        return false;
    return inet_ntop(a.family == 4 ? AF_INET : AF_INET6, a.addr, out, MTRK_MAX_IP + 1) != NULL;
}

/* The smallest element a caller may declare: every member of version 1. */
#define RULE_SIZE_MIN (offsetof(mtrk_classify_rule, applies) + sizeof(unsigned int))
#define RULE_SIZE_MAX 4096

/* The i-th rule of an array of elements of `size` octets (the caller's
 * sizeof(mtrk_classify_rule)); members the caller's struct lacks stay zero. */
static mtrk_classify_rule rule_at(const mtrk_classify_rule *arr, size_t size, size_t i)
{
    mtrk_classify_rule r;
    memset(&r, 0, sizeof r);
    memcpy(&r, (const char *)arr + i * size, size < sizeof r ? size : sizeof r);
    return r;
}

static bool rule_ok(const mtrk_classify_rule *r)
{
    return r->match != NULL && r->match[0] != '\0' && (int)r->machine_class >= 0 &&
           (int)r->machine_class < MTRK_CLASS_COUNT && (r->applies & ~MTRK_APPLY_BOTH) == 0 && r->applies != 0;
}

int classify_rules_check(mtrk_tenant *t, const mtrk_classify_rules *r)
{
    int rc = check_version(t, "opts->rules", r, MTRK_CLASSIFY_RULES_VERSION);
    if (rc)
        return rc;
    if ((r->n_user_agents && r->user_agents == NULL) || (r->n_networks && r->networks == NULL))
        return terr(t, MTRK_EINVAL, "opts->rules has a count without its array");
    if ((r->n_user_agents || r->n_networks) && (r->rule_size < RULE_SIZE_MIN || r->rule_size > RULE_SIZE_MAX))
        return terr(t, MTRK_EINVAL, "opts->rules->rule_size %zu is not sizeof(mtrk_classify_rule) (%zu..%d)",
                    r->rule_size, (size_t)RULE_SIZE_MIN, RULE_SIZE_MAX);
    for (size_t i = 0; i < r->n_user_agents; i++) {
        mtrk_classify_rule x = rule_at(r->user_agents, r->rule_size, i);
        if (!rule_ok(&x))
            return terr(t, MTRK_EINVAL, "opts->rules->user_agents[%zu] is empty or has a bad class or applies", i);
    }
    for (size_t i = 0; i < r->n_networks; i++) {
        mtrk_classify_rule x = rule_at(r->networks, r->rule_size, i);
        net n;
        if (!rule_ok(&x) || !parse_cidr(x.match, &n))
            return terr(t, MTRK_EINVAL, "opts->rules->networks[%zu] is not a CIDR network with a class", i);
    }
    if (r->burst_window_ms < 0 || r->delivery_window_ms < 0)
        return terr(t, MTRK_EINVAL, "opts->rules windows must be >= 0");
    if (r->burst_links == 1)
        return terr(t, MTRK_EINVAL, "opts->rules->burst_links must be 0 (every link) or >= 2");
    return MTRK_OK;
}

static bool ua_has(const char *ua, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = ua; *p; p++) {
        if (strncasecmp(p, needle, n) == 0)
            return true;
    }
    return false;
}

void classify(const classify_ctx *c, const mtrk_classify_rules *r, mtrk_classifier_fn fn, void *ud,
              mtrk_machine_class *out_class, mtrk_machine_rule *out_rule)
{
    unsigned mask = c->in.kind == MTRK_URL_CLICK ? MTRK_APPLY_CLICK : MTRK_APPLY_OPEN;
    bool click = c->in.kind == MTRK_URL_CLICK;
    mtrk_machine_class cls = MTRK_CLASS_HUMAN;
    mtrk_machine_rule rule = MTRK_RULE_NONE;
    const char *ua = c->in.user_agent;
    net addr;
    bool has_ip = c->in.ip && parse_addr(c->in.ip, &addr);

    if (click && r->honeypot && c->honeypot) {
        cls = MTRK_CLASS_SECURITY_SCANNER;
        rule = MTRK_RULE_HONEYPOT;
        goto host;
    }
    for (size_t i = 0; ua && *ua && i < r->n_user_agents; i++) {
        mtrk_classify_rule x = rule_at(r->user_agents, r->rule_size, i);
        if ((x.applies & mask) && ua_has(ua, x.match)) {
            cls = x.machine_class;
            rule = MTRK_RULE_USER_AGENT;
            goto host;
        }
    }
    for (size_t i = 0; has_ip && i < r->n_networks; i++) {
        mtrk_classify_rule x = rule_at(r->networks, r->rule_size, i);
        net n;
        if ((x.applies & mask) && parse_cidr(x.match, &n) && net_has(&n, &addr)) {
            cls = x.machine_class;
            rule = MTRK_RULE_NETWORK;
            goto host;
        }
    }
    if (click && r->burst_window_ms > 0) {
        uint32_t need = r->burst_links ? r->burst_links : c->campaign_links;
        if (need >= 2 && c->burst_links_seen >= need) {
            cls = MTRK_CLASS_SECURITY_SCANNER;
            rule = MTRK_RULE_LINK_BURST;
            goto host;
        }
    }
    if (r->delivery_window_ms > 0) {
        mtrk_time ref = c->in.delivered_at ? c->in.delivered_at : c->in.sent_at;
        if (ref > 0 && c->in.at >= ref && c->in.at - ref < r->delivery_window_ms) {
            cls = click ? MTRK_CLASS_SECURITY_SCANNER : MTRK_CLASS_PRIVACY_PROXY;
            rule = MTRK_RULE_DELIVERY_WINDOW;
            goto host;
        }
    }
    if ((ua == NULL || *ua == '\0') && !has_ip)
        cls = MTRK_CLASS_UNKNOWN;
host:
    if (fn) {
        mtrk_classify_input in = c->in;
        in.builtin_class = cls;
        in.builtin_rule = rule;
        int h = fn(ud, &in);
        if (h >= 0 && h < MTRK_CLASS_COUNT) {
            cls = (mtrk_machine_class)h;
            rule = MTRK_RULE_HOST;
        }
    }
    *out_class = cls;
    *out_rule = rule;
}
