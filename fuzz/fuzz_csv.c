/* fuzz_csv: the mtrk tool's CSV contact import (tools/import.c,
 * contacts_import_stream) on arbitrary bytes, into the fixture tenant with an
 * audience.
 * Invariants: no crash or leak; a complete import accounts for every row
 * (read = added + already present + rejected); the tenant then holds exactly
 * the fixture's contacts plus those added, each with an address that
 * normalizes to itself; the audience holds the fixture's members plus, at
 * most, the rows accepted. */
#include "fixture.h"
#include "cli.h"

#include <string.h>

static uint64_t count_contacts(mtrk_tenant *t)
{
    mtrk_contact_iter *it;
    const mtrk_contact *c;
    uint64_t n = 0;
    FUZZ_CHECK(mtrk_contact_iter_new(&it, t) == MTRK_OK, "contact iter");
    while (mtrk_contact_iter_next(&c, it) == MTRK_OK) {
        const char *a = mtrk_contact_address(c);
        char norm[MTRK_MAX_ADDRESS + 1];
        FUZZ_CHECK(a && mtrk_address_normalize(norm, sizeof norm, a) == MTRK_OK && strcmp(norm, a) == 0,
                   "stored address \"%s\" is not normalized", a ? a : "(null)");
        n++;
    }
    mtrk_contact_iter_free(it);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fixture *fp = fixture_shared();
#define f (*fp)
    char *buf = malloc(size + 1);
    if (buf == NULL)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    FILE *in = size ? fmemopen(buf, size, "rb") : fopen("/dev/null", "rb");
    FILE *rej = fopen("/dev/null", "wb");
    FUZZ_CHECK(in && rej, "cannot open streams");
    cli_ctx c = { 0 };
    c.db = f.db;
    c.t = f.t;
    c.tenant_key = "acme";
    c.cmd = "contacts import";
    uint64_t before = count_contacts(f.t);
    uint64_t members_before = 0, members_after = 0;
    FUZZ_CHECK(mtrk_audience_count(&members_before, f.t, f.audience) == MTRK_OK, "audience count");
    import_counts n = { 0 };
    import_opts o = { "fuzz.csv", (long)size, &f.audience, 0 };
    int st = contacts_import_stream(&c, in, &o, rej, &n);
    fclose(in);
    fclose(rej);
    uint64_t after = count_contacts(f.t);
    FUZZ_CHECK(mtrk_audience_count(&members_after, f.t, f.audience) == MTRK_OK, "audience count");
    FUZZ_CHECK(after == before + n.added, "contacts %llu -> %llu with %llu added", (unsigned long long)before,
               (unsigned long long)after, (unsigned long long)n.added);
    if (st == 0)
        FUZZ_CHECK(n.read == n.added + n.present + n.rejected, "read %llu != %llu + %llu + %llu",
                   (unsigned long long)n.read, (unsigned long long)n.added, (unsigned long long)n.present,
                   (unsigned long long)n.rejected);
    FUZZ_CHECK(members_after >= members_before && members_after <= members_before + n.added + n.present,
               "audience %llu -> %llu", (unsigned long long)members_before, (unsigned long long)members_after);
    free(buf);
    return 0;
}
#undef f
