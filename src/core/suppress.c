/*
 * The suppression list: tenant-wide blocks on an address, a domain, or an
 * erased address kept only as a keyed hash.
 *
 * Values are stored as keys: an address as its uniqueness key (local part
 * lower-cased, domain in A-label form: the contacts' address_key), a domain
 * in its A-label form (as in address_key), a hash as 64 hex digits.
 * Adding an address through the API cancels the queued messages of its
 * contact at once; a domain entry is left to the claim-time recheck (the queue
 * re-checks eligibility before a message is handed to a sender), which avoids
 * scanning every contact of the tenant.
 * Audit details never hold an address (an erasure could not remove it from
 * the log): an address entry is recorded by its keyed hash.
 */
#include "contact_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct mtrk_suppression {
    row_suppressions row;
};

struct mtrk_suppression_iter {
    pager pg;
    struct mtrk_suppression current;
};

const char *suppression_kind_name(int kind)
{
    switch (kind) {
    case MTRK_SUPPRESS_ADDRESS: return "address";
    case MTRK_SUPPRESS_DOMAIN: return "domain";
    case MTRK_SUPPRESS_HASH: return "hash";
    default: return "unknown";
    }
}

/* Does a (kind, value) entry exist? */
static int entry_exists(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, bool *out)
{
    row_suppressions r = { 0 };
    r.tenant = t->id;
    r.kind = kind;
    r.value = (char *)value;
    int rc = st_get(t, T_SUPPRESSIONS, &r);
    *out = rc == MTRK_OK;
    if (rc == MTRK_OK)
        rows_clear(T_SUPPRESSIONS, &r);
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

int core_suppression_of(mtrk_tenant *t, const char *address_key, mtrk_suppression_kind *out)
{
    *out = 0;
    bool hit = false;
    int rc = entry_exists(t, MTRK_SUPPRESS_ADDRESS, address_key, &hit);
    if (rc || hit) {
        if (hit)
            *out = MTRK_SUPPRESS_ADDRESS;
        return rc;
    }
    char hash[65];
    rc = tenant_address_hash(t, address_key, hash);
    if (rc == MTRK_OK)
        rc = entry_exists(t, MTRK_SUPPRESS_HASH, hash, &hit);
    /* An erasure under the older address rule hashed the Unicode spelling
     * (docs/decisions.md "Addresses"). */
    char legacy[MTRK_MAX_ADDRESS + 1];
    int lrc = rc || hit ? MTRK_ENOTFOUND : addr_legacy_key(legacy, address_key);
    if (lrc == MTRK_ENOMEM)
        rc = terr(t, lrc, "out of memory");
    else if (lrc == MTRK_OK && (rc = tenant_address_hash(t, legacy, hash)) == MTRK_OK)
        rc = entry_exists(t, MTRK_SUPPRESS_HASH, hash, &hit);
    if (rc || hit) {
        if (hit)
            *out = MTRK_SUPPRESS_HASH;
        return rc;
    }
    rc = entry_exists(t, MTRK_SUPPRESS_DOMAIN, addr_domain(address_key), &hit);
    if (rc == MTRK_OK && hit)
        *out = MTRK_SUPPRESS_DOMAIN;
    return rc;
}

int suppress_row_put(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, const char *reason,
                     const mtrk_id *event, int *created)
{
    if (created)
        *created = 0;
    bool exists = false;
    int rc = entry_exists(t, kind, value, &exists);
    if (rc || exists)
        return rc;
    row_suppressions r = { 0 };
    r.tenant = t->id;
    r.kind = kind;
    r.value = (char *)value;
    r.reason = (char *)reason;
    r.created_at = core_now(t->db);
    if (event)
        r.event = *event;
    rc = st_insert(t, T_SUPPRESSIONS, &r);
    if (rc == MTRK_OK && created)
        *created = 1;
    return rc;
}

/* {"kind":...,"value"|"hash":...} for the audit log: addresses only as a hash. */
static int audit_detail(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, const char *reason,
                        strbuf *d)
{
    sb_printf(d, "{\"kind\":\"%s\",", suppression_kind_name(kind));
    if (kind == MTRK_SUPPRESS_ADDRESS) {
        char hash[65];
        int rc = tenant_address_hash(t, value, hash);
        if (rc)
            return rc;
        sb_printf(d, "\"hash\":\"%s\"", hash);
    } else {
        sb_add(d, "\"value\":");
        sb_json_str(d, value);
    }
    if (reason) {
        sb_add(d, ",\"reason\":");
        sb_json_str(d, reason);
    }
    sb_add(d, "}");
    return d->oom ? terr(t, MTRK_ENOMEM, "out of memory") : MTRK_OK;
}

static int audit_suppression(mtrk_tenant *t, const char *action, mtrk_suppression_kind kind, const char *value,
                             const char *reason)
{
    strbuf d = { 0 };
    int rc = audit_detail(t, kind, value, reason, &d);
    if (rc == MTRK_OK)
        rc = audit_add(t, action, NULL, d.p);
    sb_free(&d);
    return rc;
}

int core_suppress_put(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, const char *reason,
                      const mtrk_id *event, int *created)
{
    int made = 0;
    int rc = suppress_row_put(t, kind, value, reason, event, &made);
    if (rc == MTRK_OK && made && event == NULL)
        rc = audit_suppression(t, "suppression.add", kind, value, reason);
    if (created)
        *created = rc == MTRK_OK ? made : 0;
    return rc;
}

/* ---- argument checks ---------------------------------------------------- */

/* A domain argument: trimmed, validated with the address rules for domains, lower-cased. */
static int check_domain(mtrk_tenant *t, const char *what, const char *in, char *out)
{
    if (in == NULL)
        return terr(t, MTRK_EINVAL, "%s is NULL", what);
    size_t n = strnlen(in, MTRK_MAX_ADDRESS + 1);
    if (n > MTRK_MAX_ADDRESS - 2)
        return terr(t, MTRK_ETOOLONG, "%s is longer than %d octets", what, MTRK_MAX_ADDRESS - 2);
    /* A domain is valid when "x@domain" is a valid address. */
    char probe[MTRK_MAX_ADDRESS + 3], norm[MTRK_MAX_ADDRESS + 1], key[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
    memcpy(probe, "x@", 2);
    memcpy(probe + 2, in, n + 1);
    int rc = addr_normalize_key(norm, key, probe, why);
    if (rc == MTRK_EENCODING)
        return terr(t, rc, "%s is not valid UTF-8", what);
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory");
    if (rc || strchr(in, '@'))
        return terr(t, MTRK_EINVAL, "%s \"%.253s\" is not a valid domain: %s", what, in, why);
    /* Stored as the key's domain (A-label form), which is what a contact's
     * address_key is compared with. */
    strcpy(out, addr_domain(key));
    return MTRK_OK;
}

/* Normalizes the value of a (kind, value) argument into its stored key. */
static int check_value(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, char *out, bool hash_ok)
{
    switch (kind) {
    case MTRK_SUPPRESS_ADDRESS: {
        char norm[MTRK_MAX_ADDRESS + 1];
        return check_address_key(t, "value", value, norm, out);
    }
    case MTRK_SUPPRESS_DOMAIN:
        return check_domain(t, "value", value, out);
    case MTRK_SUPPRESS_HASH:
        if (!hash_ok)
            return terr(t, MTRK_EINVAL, "kind hash is set only by erasure");
        if (value == NULL)
            return terr(t, MTRK_EINVAL, "value is NULL");
        if (strlen(value) != 64)
            return terr(t, MTRK_EINVAL, "value is not a 64-digit hex hash");
        for (size_t i = 0; i < 64; i++) {
            if (!isxdigit((unsigned char)value[i]))
                return terr(t, MTRK_EINVAL, "value is not a 64-digit hex hash");
            out[i] = (char)tolower((unsigned char)value[i]);
        }
        out[64] = '\0';
        return MTRK_OK;
    default:
        return terr(t, MTRK_EINVAL, "kind %d is out of range", (int)kind);
    }
}

/* Cancels the queued messages of the contact holding address_key, if any. */
static int recheck_address(mtrk_tenant *t, const char *address_key)
{
    row_contacts c;
    mtrk_value k[2] = { v_id(&t->id), v_text(address_key) };
    int rc = st_find(t, T_CONTACTS, IDX_CONTACTS_ADDRESS, k, 2, &c);
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK;
    if (rc)
        return rc;
    mtrk_id id = c.id;
    rows_clear(T_CONTACTS, &c);
    return core_recheck_contact(t, id, NULL);
}

/* ---- public API --------------------------------------------------------- */

MTRK_API int mtrk_suppression_add(int *out_created, mtrk_tenant *t, mtrk_suppression_kind kind, const char *value,
                                  const char *reason)
{
    if (out_created)
        *out_created = 0;
    TENANT_CHECK(t);
    char key[MTRK_MAX_ADDRESS + 1];
    int rc = check_value(t, kind, value, key, false);
    if (rc == MTRK_OK)
        rc = check_str(t, "reason", reason, MTRK_MAX_NAME, true);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    int created = 0;
    rc = core_suppress_put(t, kind, key, reason, NULL, &created);
    if (rc == MTRK_OK && created && kind == MTRK_SUPPRESS_ADDRESS)
        rc = recheck_address(t, key);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_created)
        *out_created = created;
    return rc;
}

static int delete_entry(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, bool *removed)
{
    bool exists = false;
    int rc = entry_exists(t, kind, value, &exists);
    if (rc || !exists)
        return rc;
    row_suppressions r = { 0 };
    r.tenant = t->id;
    r.kind = kind;
    r.value = (char *)value;
    rc = st_delete(t, T_SUPPRESSIONS, &r);
    if (rc == MTRK_OK)
        *removed = true;
    return rc;
}

MTRK_API int mtrk_suppression_remove(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value)
{
    TENANT_CHECK(t);
    char key[MTRK_MAX_ADDRESS + 1];
    int rc = check_value(t, kind, value, key, true);
    if (rc)
        return rc;
    char hash[65] = "";
    if (kind == MTRK_SUPPRESS_ADDRESS && (rc = tenant_address_hash(t, key, hash)) != MTRK_OK)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    bool removed = false;
    rc = delete_entry(t, kind, key, &removed);
    /* Unsuppressing an address is new consent: it lifts its erased-hash entry too. */
    if (rc == MTRK_OK && hash[0])
        rc = delete_entry(t, MTRK_SUPPRESS_HASH, hash, &removed);
    if (rc == MTRK_OK && !removed)
        rc = terr(t, MTRK_ENOTFOUND, "%s %s is not suppressed", suppression_kind_name(kind), key);
    if (rc == MTRK_OK)
        rc = audit_suppression(t, "suppression.remove", kind, key, NULL);
    return tx_end(t, rc);
}

MTRK_API int mtrk_suppression_check(mtrk_suppression_kind *out_kind, mtrk_tenant *t, const char *address)
{
    if (out_kind == NULL)
        return gerr(MTRK_EINVAL, "out_kind is NULL");
    *out_kind = 0;
    TENANT_CHECK(t);
    char norm[MTRK_MAX_ADDRESS + 1], key[MTRK_MAX_ADDRESS + 1];
    int rc = check_address_key(t, "address", address, norm, key);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    mtrk_suppression_kind k = 0;
    rc = tx_end(t, core_suppression_of(t, key, &k));
    if (rc == MTRK_OK)
        *out_kind = k;
    return rc;
}

/* ---- iteration ---------------------------------------------------------- */

MTRK_API int mtrk_suppression_iter_new(mtrk_suppression_iter **out, mtrk_tenant *t)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_suppression_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    int rc = pager_init(&it->pg, t, T_SUPPRESSIONS, MTRK_INDEX_PK, &pre, 1);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_suppression_iter_next(const mtrk_suppression **out, mtrk_suppression_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    int rc = pager_step(&it->pg, &it->current.row);
    if (rc)
        return rc;
    *out = &it->current;
    return MTRK_OK;
}

MTRK_API void mtrk_suppression_iter_free(mtrk_suppression_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_SUPPRESSIONS, &it->current.row);
    free(it);
}

MTRK_API mtrk_suppression_kind mtrk_suppression_kind_of(const mtrk_suppression *s)
{
    return s ? (mtrk_suppression_kind)s->row.kind : (mtrk_suppression_kind)0;
}
MTRK_API const char *mtrk_suppression_value(const mtrk_suppression *s) { return s ? s->row.value : NULL; }
MTRK_API const char *mtrk_suppression_reason(const mtrk_suppression *s) { return s ? s->row.reason : NULL; }
MTRK_API mtrk_time mtrk_suppression_created_at(const mtrk_suppression *s) { return s ? s->row.created_at : 0; }
