/* Version 7 UUIDs (RFC 9562): 48-bit Unix ms, then a 74-bit counter/random tail. */
#include "internal.h"

#include <pthread.h>
#include <sodium.h>
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

bool id_is_nil(mtrk_id id) { return memcmp(&id, &nil_id, sizeof id) == 0; }
bool id_eq(mtrk_id a, mtrk_id b) { return memcmp(&a, &b, sizeof a) == 0; }

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
