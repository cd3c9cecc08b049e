/* fuzz_json_fast: the webhook adapters' reader of plain-ASCII JSON
 * (wh_json_fast, src/webhook/common.c) against jansson on arbitrary text.
 * Invariants: whenever the fast reader builds a tree, jansson (with the
 * flags the adapters use) accepts the same text and builds an equal tree,
 * member order included (derived idempotency keys hash that order); and
 * the fast reader never accepts what jansson refuses. The reader may give
 * up on text jansson accepts: that text is then jansson's alone. */
#include "fixture.h"
#include "webhook.h"

#include <jansson.h>
#include <string.h>

/* Equal values, objects' members in the same order. */
static int same(const json_t *a, const json_t *b)
{
    if (json_typeof(a) != json_typeof(b))
        return 0;
    switch (json_typeof(a)) {
    case JSON_OBJECT: {
        if (json_object_size(a) != json_object_size(b))
            return 0;
        void *ia = json_object_iter((json_t *)a), *ib = json_object_iter((json_t *)b);
        for (; ia != NULL && ib != NULL;
             ia = json_object_iter_next((json_t *)a, ia), ib = json_object_iter_next((json_t *)b, ib)) {
            if (strcmp(json_object_iter_key(ia), json_object_iter_key(ib)) != 0 ||
                !same(json_object_iter_value(ia), json_object_iter_value(ib)))
                return 0;
        }
        return ia == NULL && ib == NULL;
    }
    case JSON_ARRAY:
        if (json_array_size(a) != json_array_size(b))
            return 0;
        for (size_t i = 0; i < json_array_size(a); i++)
            if (!same(json_array_get(a, i), json_array_get(b, i)))
                return 0;
        return 1;
    default:
        return json_equal((json_t *)a, (json_t *)b);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    json_t *fast = wh_json_fast(text, size);
    if (fast == NULL)
        return 0;
    json_error_t err;
    json_t *ref = json_loadb(text, size, JSON_REJECT_DUPLICATES, &err);
    FUZZ_CHECK(ref != NULL, "the fast reader accepted what jansson refuses: %s", err.text);
    FUZZ_CHECK(same(fast, ref), "the trees differ");
    json_decref(fast);
    json_decref(ref);
    return 0;
}
