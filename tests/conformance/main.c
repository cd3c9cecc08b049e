/* Conformance runner: `conformance BACKEND [GROUP]` runs every group (or one). */
#include "harness.h"

#include <stdlib.h>

#include "mtrk/store.h"

const char *conf_backend = "memory";
static mtrk_time clock_now = CONF_T0;

void conf_clock_set(mtrk_time now) { clock_now = now; }
void conf_clock_advance(int64_t ms) { clock_now += ms; }
mtrk_time conf_clock_now(void) { return clock_now; }
static mtrk_time fake_clock(void *ud) { (void)ud; return clock_now; }

/* Stores opened by the fixture, so conf_open_same can share them. */
typedef struct fx_private {
    conf_fixture pub;
    mtrk_store *store;
} fx_private;

static int open_backend(mtrk_db **out, mtrk_store **out_store)
{
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    *out_store = NULL;
    if (strcmp(conf_backend, "memory") == 0) {
        int rc = mtrk_store_memory_new(out_store);
        if (rc)
            return rc;
        rc = mtrk_db_open_store(out, *out_store, &o);
        if (rc) {
            mtrk_store_free(*out_store);
            *out_store = NULL;
        }
        return rc;
    }
    fail_msg("unknown backend %s", conf_backend);
    return MTRK_EINVAL;
}

int conf_open_db(mtrk_db **out)
{
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    if (strcmp(conf_backend, "memory") == 0)
        return mtrk_db_open(out, "memory:", &o);
    fail_msg("unknown backend %s", conf_backend);
    return MTRK_EINVAL;
}

int conf_open_same(mtrk_db **out, const conf_fixture *fx)
{
    const fx_private *p = (const fx_private *)fx;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    return mtrk_db_open_store(out, p->store, &o);
}

int conf_setup(void **state)
{
    fx_private *p = calloc(1, sizeof *p);
    if (p == NULL)
        return -1;
    clock_now = CONF_T0;
    if (open_backend(&p->pub.db, &p->store) != MTRK_OK ||
        mtrk_tenant_create(&p->pub.t, p->pub.db, "t1", "test:conformance") != MTRK_OK ||
        mtrk_tenant_create(&p->pub.t2, p->pub.db, "t2", "test:conformance") != MTRK_OK) {
        fprintf(stderr, "fixture: %s\n", mtrk_last_errmsg());
        return -1;
    }
    *state = p;
    return 0;
}

int conf_teardown(void **state)
{
    fx_private *p = *state;
    if (p == NULL)
        return 0;
    mtrk_tenant_close(p->pub.t);
    mtrk_tenant_close(p->pub.t2);
    mtrk_db_close(p->pub.db);
    mtrk_store_free(p->store);
    free(p);
    return 0;
}

/* The groups, one per test file (see groups.h). */
#include "groups.h"

int main(int argc, char **argv)
{
    int failed = 0;
    if (argc > 1)
        conf_backend = argv[1];
    for (size_t i = 0; i < sizeof conf_groups / sizeof conf_groups[0]; i++) {
        const conf_group *g = conf_groups[i];
        if (argc > 2 && strcmp(argv[2], g->name) != 0)
            continue;
        char name[128];
        snprintf(name, sizeof name, "%s/%s", conf_backend, g->name);
        failed += _cmocka_run_group_tests(name, g->tests, g->count, NULL, NULL);
    }
    return failed ? 1 : 0;
}
