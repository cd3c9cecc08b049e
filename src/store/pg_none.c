/* Built without libpq (meson option pg=disabled, or libpq missing): the
 * PostgreSQL store exists as a symbol and says why it cannot open. */
#include "mtrk/store.h"

#include "lasterr.h"

MTRK_API int mtrk_store_pg_new(mtrk_store **out, const char *conninfo, const mtrk_open_options *opts)
{
    (void)conninfo;
    (void)opts;
    if (out != NULL)
        *out = NULL;
    return gerr(MTRK_ESTORE, "this mtrk was built without PostgreSQL support (meson option pg, libpq-dev)");
}
