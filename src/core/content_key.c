/* The idempotency key derived from an event's content
 * (mtrk_event_content_key, include/mtrk/event.h). The hash layout is the one
 * the tool's ingest used before the function moved here, so a file ingested
 * again after an upgrade still gives duplicates. */
#include "internal.h"

#include <sodium.h>
#include <string.h>

#define CONTENT_PREFIX "content:"

/* One tagged, length-prefixed value (the length as 8 octets, little end first). */
static void h_add(crypto_generichash_state *h, char tag, const void *v, size_t n)
{
    unsigned char hdr[9];
    hdr[0] = (unsigned char)tag;
    for (int i = 0; i < 8; i++)
        hdr[1 + i] = (unsigned char)((uint64_t)n >> (8 * i));
    crypto_generichash_update(h, hdr, sizeof hdr);
    if (n)
        crypto_generichash_update(h, v, n);
}

static void h_str(crypto_generichash_state *h, char tag, const char *s)
{
    if (s)
        h_add(h, tag, s, strlen(s));
}

static void h_int(crypto_generichash_state *h, char tag, int64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)((uint64_t)v >> (8 * i));
    h_add(h, tag, b, sizeof b);
}

MTRK_API int mtrk_event_content_key(char *out, const mtrk_event_input *in)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (in == NULL)
        return gerr(MTRK_EINVAL, "event is NULL");
    if (in->version == 0 || in->version > MTRK_EVENT_INPUT_VERSION)
        return gerr(MTRK_EVERSION, "event->version %u unknown (1..%u)", in->version, MTRK_EVENT_INPUT_VERSION);
    if (sodium_init() < 0)
        return gerr(MTRK_ESTORE, "libsodium could not be initialized");
    crypto_generichash_state h;
    crypto_generichash_init(&h, NULL, 0, 32);
    h_int(&h, 't', in->type);
    h_add(&h, 'm', &in->mid, sizeof in->mid);
    h_add(&h, 'l', &in->lid, sizeof in->lid);
    h_int(&h, 'o', in->occurred_at);
    h_str(&h, 'p', in->provider);
    h_str(&h, 'q', in->provider_message_id);
    h_int(&h, 'b', in->bounce_kind);
    h_str(&h, 'd', in->diagnostic);
    h_str(&h, 'u', in->user_agent);
    h_str(&h, 'i', in->ip);
    h_int(&h, 'v', in->verdict);
    h_str(&h, 'r', in->verdict_reason);
    h_int(&h, 's', in->unsub_scope);
    h_add(&h, 'a', &in->unsub_audience, sizeof in->unsub_audience);
    h_int(&h, 'c', in->unsub_source);
    /* Version 2's bounce facts, only when given: a key never changes for an
     * input a version-1 caller can give. */
    if (in->version >= 2 && in->bounce_reason != MTRK_BR_UNDETERMINED)
        h_int(&h, 'R', in->bounce_reason);
    if (in->version >= 2 && in->smtp_code != 0)
        h_int(&h, 'C', in->smtp_code);
    if (in->version >= 2) {
        h_str(&h, 'S', in->bounce_status);
        h_str(&h, 'T', in->bounce_type);
        h_str(&h, 'U', in->bounce_subtype);
    }
    unsigned char d[32];
    crypto_generichash_final(&h, d, sizeof d);
    memcpy(out, CONTENT_PREFIX, sizeof CONTENT_PREFIX - 1);
    sodium_bin2hex(out + sizeof CONTENT_PREFIX - 1, 65, d, sizeof d);
    return MTRK_OK;
}
