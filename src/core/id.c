/* Version 7 UUIDs (RFC 9562): 48-bit Unix ms, then a 74-bit counter/random tail. */
#include "internal.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uuid/uuid.h>

const mtrk_id nil_id;

static pthread_mutex_t gen_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t last_ms;
static uint8_t last_tail[10]; /* the 80 bits after the timestamp, as last issued */
/* Random bytes drawn 1,000 tails at a time: one system call per millisecond
 * each was 5 % of an in-memory ingest whose clock moves on every call. */
static uint8_t pool[10000];
static size_t pool_left;

/* A forked child must not issue the parent's next ids: it draws a fresh
 * tail (and pool) at its first id. The lock is held across fork so neither
 * side inherits it half-taken. */
static void fork_prepare(void) { pthread_mutex_lock(&gen_lock); }
static void fork_parent(void) { pthread_mutex_unlock(&gen_lock); }
static void fork_child(void)
{
    pool_left = 0;
    last_ms = 0;
    pthread_mutex_unlock(&gen_lock);
}
static pthread_once_t fork_once = PTHREAD_ONCE_INIT;
static void fork_register(void) { pthread_atfork(fork_prepare, fork_parent, fork_child); }

/* Under gen_lock. */
static void fresh_tail(void)
{
    if (pool_left < sizeof last_tail) {
        randombytes_buf(pool, sizeof pool);
        pool_left = sizeof pool;
    }
    memcpy(last_tail, pool + sizeof pool - pool_left, sizeof last_tail);
    pool_left -= sizeof last_tail;
    last_tail[0] &= 0x0f; /* leave head room so increments rarely carry into ms */
}

static mtrk_time system_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (mtrk_time)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Monotonic within the process (RFC 9562, 6.2 method 3: the random tail is
 * incremented when the clock does not advance), so ids sort in issue order
 * even under a frozen test clock. */
/* Under gen_lock: the next id at ms (or after the last one issued). */
static mtrk_id next_id(uint64_t ms)
{
    mtrk_id id;
    if (ms > last_ms) {
        last_ms = ms;
        fresh_tail();
    } else {
        ms = last_ms;
        for (int i = 9; i >= 0; i--) {
            if (++last_tail[i] != 0)
                break;
            if (i == 0) { /* tail exhausted: move to the next millisecond */
                last_ms = ++ms;
                fresh_tail();
            }
        }
    }
    for (int i = 0; i < 6; i++)
        id.bytes[i] = (uint8_t)(ms >> (40 - 8 * i));
    memcpy(id.bytes + 6, last_tail, 10);
    /* version and variant bits overwrite 6 bits of the tail; the tail's order
     * is kept because they sit at fixed positions with fixed values. */
    id.bytes[6] = (uint8_t)(0x70 | (id.bytes[6] & 0x0f));
    id.bytes[8] = (uint8_t)(0x80 | (id.bytes[8] & 0x3f));
    return id;
}

static mtrk_id make_id(mtrk_time now)
{
    pthread_once(&fork_once, fork_register);
    pthread_mutex_lock(&gen_lock);
    mtrk_id id = next_id(now < 0 ? 0 : (uint64_t)now);
    pthread_mutex_unlock(&gen_lock);
    return id;
}

mtrk_time core_now(const mtrk_db *db)
{
    return db->clock ? db->clock(db->clock_userdata) : system_ms();
}

mtrk_id core_id_new(const mtrk_db *db) { return make_id(core_now(db)); }

mtrk_time core_ids_new(const mtrk_db *db, mtrk_id *ids, size_t n, size_t stride)
{
    mtrk_time now = core_now(db);
    uint64_t ms = now < 0 ? 0 : (uint64_t)now;
    pthread_once(&fork_once, fork_register);
    pthread_mutex_lock(&gen_lock);
    for (size_t i = 0; i < n; i++)
        *(mtrk_id *)((char *)ids + i * stride) = next_id(ms);
    pthread_mutex_unlock(&gen_lock);
    return now;
}

MTRK_API mtrk_id mtrk_id_new(void)
{
    if (sodium_init() < 0)
        return nil_id;
    return make_id(system_ms());
}

MTRK_API int mtrk_id_is_nil(mtrk_id id) { return id_is_nil(id); }
MTRK_API int mtrk_id_compare(mtrk_id a, mtrk_id b)
{
    int c = memcmp(a.bytes, b.bytes, sizeof a.bytes);
    return (c > 0) - (c < 0);
}

MTRK_API void mtrk_id_to_string(char out[MTRK_ID_STRLEN + 1], mtrk_id id)
{
    if (out == NULL)
        return;
    uuid_unparse_lower(id.bytes, out);
}

MTRK_API int mtrk_id_from_string(mtrk_id *out, const char *text)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (text == NULL)
        return gerr(MTRK_EINVAL, "text is NULL");
    if (strlen(text) != MTRK_ID_STRLEN || uuid_parse(text, out->bytes) != 0)
        return gerr(MTRK_EINVAL, "text \"%.40s\" is not a UUID (8-4-4-4-12 hex digits)", text);
    return MTRK_OK;
}

/* ---- sorting ids -------------------------------------------------------------
 * A batch sorts its events by message id (event.c): an MSD radix sort on
 * the bits that differ. Ids are version 7: a millisecond prefix most ids of
 * a batch share, then a tail that is random per millisecond and counts up
 * within it, so the leading bits separate few keys and the bits past the
 * first that differs separate many. Each range takes the bits that differ
 * in it from their top, as many as it takes to number its keys (at most 11), as one
 * digit of a counting sort (stable), and goes on in every bucket; a range
 * of SORT_SMALL keys or fewer is sorted by insertion. */

/* An id as two integers whose order is the id's bytewise order. */
typedef struct sort_key {
    uint64_t hi, lo;
    size_t i;
} sort_key;

enum { SORT_SMALL = 16, SORT_MAX_BITS = 11 };

static inline uint64_t be64_of(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline bool skey_less(const sort_key *a, const sort_key *b)
{
    return a->hi != b->hi ? a->hi < b->hi : a->lo < b->lo;
}

/* The `bits` bits of k below bit `top` + 1 of the 128 (hi: bits 127..64),
 * zeros past bit 0. */
static inline unsigned skey_digit(const sort_key *k, unsigned top, unsigned bits)
{
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    if (top >= 64) {
        unsigned t = top - 64; /* the digit's top bit in hi */
        if (t + 1 >= bits)
            return (unsigned)((k->hi >> (t + 1 - bits)) & mask);
        /* the rest from the top of lo */
        unsigned from_lo = bits - (t + 1);
        return (unsigned)(((k->hi << from_lo) | (k->lo >> (64 - from_lo))) & mask);
    }
    if (top + 1 >= bits)
        return (unsigned)((k->lo >> (top + 1 - bits)) & mask);
    return (unsigned)((k->lo << (bits - (top + 1))) & mask);
}

/* Puts from[0..n-1] into to[0..n-1] in order, by insertion (from == to:
 * in place). */
static void skey_insert_into(sort_key *to, const sort_key *from, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        sort_key x = from[j];
        size_t k = j;
        for (; k > 0 && skey_less(&x, &to[k - 1]); k--) /* strict: stable */
            to[k] = to[k - 1];
        to[k] = x;
    }
}

/* Sorts src[0..n-1] (n > SORT_SMALL) into src itself (`back`) or into
 * dst, the other's room; count has room for 1 << SORT_MAX_BITS (this
 * level's until its keys are placed: its buckets are then found again from
 * the keys, whose digits ascend). */
static void skey_sort(sort_key *src, sort_key *dst, size_t n, bool back, uint32_t *count)
{
    uint64_t dh = 0, dl = 0;
    for (size_t j = 1; j < n; j++) {
        dh |= src[j].hi ^ src[0].hi;
        dl |= src[j].lo ^ src[0].lo;
    }
    if ((dh | dl) == 0) { /* all equal: in their order */
        if (!back)
            memcpy(dst, src, n * sizeof *dst);
        return;
    }
    unsigned top = dh != 0 ? 127 - (unsigned)__builtin_clzll(dh) : 63 - (unsigned)__builtin_clzll(dl);
    unsigned bits = 1;
    while (bits < SORT_MAX_BITS && ((size_t)1 << bits) < n)
        bits++;
    size_t nb = (size_t)1 << bits;
    memset(count, 0, nb * sizeof *count);
    for (size_t j = 0; j < n; j++)
        count[skey_digit(&src[j], top, bits)]++;
    uint32_t at = 0;
    for (size_t d = 0; d < nb; d++) { /* each bucket's start */
        uint32_t c = count[d];
        count[d] = at;
        at += c;
    }
    for (size_t j = 0; j < n; j++) /* in order within a bucket: stable */
        dst[count[skey_digit(&src[j], top, bits)]++] = src[j];
    /* Each bucket sorted where the whole must end: a small one by
     * insertion, a large one by the next digits, the buffers' roles
     * swapped. */
    for (size_t j = 0; j < n;) {
        unsigned d = skey_digit(&dst[j], top, bits);
        size_t e = j + 1;
        while (e < n && skey_digit(&dst[e], top, bits) == d)
            e++;
        if (e - j <= SORT_SMALL)
            skey_insert_into(back ? src + j : dst + j, dst + j, e - j);
        else
            skey_sort(dst + j, src + j, e - j, !back, count);
        j = e;
    }
}

bool core_id_keys_sort(id_key *keys, size_t n)
{
    if (n < 2)
        return true;
    if (n > UINT32_MAX)
        return false; /* the counts are 32-bit (batches are far smaller) */
    sort_key *a = malloc(2 * n * sizeof *a + ((size_t)1 << SORT_MAX_BITS) * sizeof(uint32_t));
    if (a == NULL)
        return false;
    for (size_t j = 0; j < n; j++)
        a[j] = (sort_key){ be64_of(keys[j].id.bytes), be64_of(keys[j].id.bytes + 8), keys[j].i };
    if (n <= SORT_SMALL)
        skey_insert_into(a, a, n);
    else
        skey_sort(a, a + n, n, true, (uint32_t *)(a + 2 * n));
    for (size_t j = 0; j < n; j++) {
        uint64_t hi = a[j].hi, lo = a[j].lo;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        hi = __builtin_bswap64(hi);
        lo = __builtin_bswap64(lo);
#endif
        memcpy(keys[j].id.bytes, &hi, 8);
        memcpy(keys[j].id.bytes + 8, &lo, 8);
        keys[j].i = a[j].i;
    }
    free(a);
    return true;
}
