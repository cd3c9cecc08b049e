/*
 * An out-of-tree mtrk store (ot_store.c): the one function its shared
 * object exports.
 */
#ifndef OT_STORE_H
#define OT_STORE_H

#include <mtrk/store.h>

/**
 * A new, empty store held in memory, shareable by any number of mtrk_db
 * handles of this process (mtrk_db_open_store); its transactions are
 * serialized by one mutex. *out is set only on success; free it with
 * mtrk_store_free after closing the handles. Returns MTRK_EINVAL (out NULL),
 * MTRK_ENOMEM or MTRK_ESTORE.
 */
__attribute__((visibility("default"))) int outoftree_store_new(mtrk_store **out);

#endif
