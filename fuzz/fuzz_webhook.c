/* fuzz_webhook_<provider>: one provider's adapter on arbitrary bodies
 * (built once per provider with WH_PROVIDER set; unsigned requests allowed,
 * so the parser is reached). Invariants: the verdict is one of the four; a
 * refused request carries a message and no event; an accepted request's
 * events each have either an error message or a provider type, an
 * idempotency key, the raw event text, a time in range and, when mapped, a
 * valid mtrk type; and parsing the same body again gives the same events
 * (keys and types), so retries are recognized. */
#include "fixture.h"
#include "webhook.h"

#include <string.h>

#ifndef WH_PROVIDER
#error "WH_PROVIDER must name the provider"
#endif

static void check(const wh_result *r)
{
    FUZZ_CHECK(r->verdict == WH_ACCEPTED || r->verdict == WH_MALFORMED || r->verdict == WH_SIGNATURE_REFUSED ||
                   r->verdict == WH_CONFIRM,
               "verdict %d", (int)r->verdict);
    if (r->verdict != WH_ACCEPTED) {
        FUZZ_CHECK(r->message[0] != '\0', "refused without a message");
        FUZZ_CHECK(r->verdict == WH_CONFIRM || r->n == 0, "refused with %zu events", r->n);
        FUZZ_CHECK(r->verdict != WH_CONFIRM || r->confirm_url != NULL, "confirmation without its URL");
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        const wh_event *e = &r->events[i];
        if (e->error != NULL) {
            FUZZ_CHECK(e->error[0] != '\0', "empty event error");
            continue;
        }
        FUZZ_CHECK(e->provider_type != NULL && e->key != NULL && e->raw != NULL, "event %zu incomplete", i);
        FUZZ_CHECK(e->occurred_at >= 0 && e->occurred_at <= INT64_C(253402300799999), "time %lld",
                   (long long)e->occurred_at);
        FUZZ_CHECK(!e->mapped || (e->type >= MTRK_EV_SENT && e->type < MTRK_EV_TYPE_COUNT), "type %d", (int)e->type);
        FUZZ_CHECK(e->bounce_kind == MTRK_BOUNCE_NONE || (e->mapped && e->type == MTRK_EV_BOUNCE),
                   "bounce kind on a non-bounce");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
    wh_header h[] = { { "Content-Type", "application/json" } };
    wh_request req = { h, 1, (const char *)data, size, "https://example.com/hook", INT64_C(1700000000000), &open,
                       1u << 20 };
    wh_result a, b;
    wh_process(&a, WH_PROVIDER, &req);
    check(&a);
    wh_process(&b, WH_PROVIDER, &req);
    FUZZ_CHECK(a.verdict == b.verdict && a.n == b.n, "not deterministic");
    for (size_t i = 0; i < a.n; i++) {
        const wh_event *x = &a.events[i], *y = &b.events[i];
        FUZZ_CHECK((x->key == NULL) == (y->key == NULL) && (x->key == NULL || strcmp(x->key, y->key) == 0),
                   "event %zu: key differs between two parses", i);
        FUZZ_CHECK(x->type == y->type && x->mapped == y->mapped, "event %zu: type differs", i);
    }
    wh_result_free(&a);
    wh_result_free(&b);
    return 0;
}
