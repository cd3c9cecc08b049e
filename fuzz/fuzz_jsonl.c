/* fuzz_jsonl: the mtrk tool's JSON Lines event ingestion (tools/ingest.c,
 * events_ingest_stream) on arbitrary bytes, against the fixture store.
 * In the input, "{m0}" .. "{m2}" expand to the fixture's message ids,
 * "{k0}" "{k1}" to its link ids, "{a0}" to its audience and "{n0}" .. to the
 * other tenant's message ids, so the corpus holds lines that name real
 * messages although ids are new in every run.
 * Invariants: no crash or leak; a complete ingest accounts for every line
 * (lines = recorded + duplicates + rejected); metrics equal a rebuild; no
 * event without its effects (check_invariants); the other tenant's messages
 * receive nothing. */
#include "fixture.h"
#include "cli.h"

#include <string.h>

static size_t expand(char *out, size_t cap, const fixture *f, const mtrk_id *other, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        const mtrk_id *id = NULL;
        if (s[i] == '{' && i + 3 < n && s[i + 3] == '}' && s[i + 2] >= '0' && s[i + 2] <= '2') {
            int d = s[i + 2] - '0';
            switch (s[i + 1]) {
            case 'm': id = &f->mids[d]; break;
            case 'k': id = d < FX_LINKS ? &f->lids[d] : NULL; break;
            case 'a': id = &f->audience; break;
            case 'n': id = &other[d]; break;
            default: break;
            }
        }
        if (id) {
            if (k + MTRK_ID_STRLEN + 1 > cap)
                break;
            mtrk_id_to_string(out + k, *id);
            k += MTRK_ID_STRLEN;
            i += 4;
        } else {
            if (k + 2 > cap)
                break;
            out[k++] = s[i++];
        }
    }
    out[k] = '\0';
    return k;
}

static uint64_t count_events(mtrk_tenant *t, const mtrk_id *mids, size_t n)
{
    uint64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        mtrk_event_iter *it;
        FUZZ_CHECK(mtrk_event_iter_message(&it, t, mids[i]) == MTRK_OK, "event iter");
        mtrk_event_info e;
        mtrk_event_info_init(&e, MTRK_EVENT_INFO_VERSION);
        while (mtrk_event_iter_next(&e, it) == MTRK_OK)
            c++;
        mtrk_event_iter_free(it);
    }
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 100000)
        return 0;
    fixture *fp = fixture_shared();
#define f (*fp)
    mtrk_id other[FX_CONTACTS];
    for (int i = 0; i < FX_CONTACTS; i++)
        other[i] = f.other_urls[i * 5].mid;
    size_t cap = size * 10 + 2;
    char *buf = malloc(cap);
    if (buf == NULL)
        return 0;
    size_t len = expand(buf, cap, &f, other, (const char *)data, size);
    FILE *in = len ? fmemopen(buf, len, "rb") : fopen("/dev/null", "rb");
    FUZZ_CHECK(in != NULL, "cannot open the stream");
    cli_ctx c = { 0 };
    c.db = f.db;
    c.t = f.t;
    c.tenant_key = "acme";
    c.cmd = "events ingest";
    uint64_t other_before = count_events(f.other, other, FX_CONTACTS);
    ingest_counts n = { 0 };
    int st = events_ingest_stream(&c, in, "fuzz.jsonl", "fuzz.jsonl", (long)len, &n);
    fclose(in);
    if (st == 0)
        FUZZ_CHECK(n.lines == n.recorded + n.duplicates + n.bad, "lines %llu != %llu + %llu + %llu",
                   (unsigned long long)n.lines, (unsigned long long)n.recorded, (unsigned long long)n.duplicates,
                   (unsigned long long)n.bad);
    FUZZ_CHECK(count_events(f.other, other, FX_CONTACTS) == other_before, "the other tenant received events");
    check_invariants(f.t, &f.campaign, 1, f.mids, FX_CONTACTS, 0, 0, 0);
    free(buf);
    return 0;
}
#undef f
