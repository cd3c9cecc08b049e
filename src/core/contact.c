/* Contacts: upsert by address, snapshots, custom fields, consent, status, erasure. */
#include "contact_int.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

struct mtrk_contact {
    row_contacts row;
    size_t nfields;
    char **keys;   /* key order */
    char **values;
};

struct mtrk_contact_iter {
    pager pg;
    struct mtrk_contact current;
};

const char *contact_status_name(int status)
{
    switch (status) {
    case MTRK_CONTACT_ACTIVE: return "active";
    case MTRK_CONTACT_BOUNCED: return "bounced";
    case MTRK_CONTACT_COMPLAINED: return "complained";
    case MTRK_CONTACT_ERASED: return "erased";
    default: return "unknown";
    }
}

MTRK_API void mtrk_free(void *ptr) { free(ptr); }

/* ---- snapshots ---------------------------------------------------------- */

static void contact_clear(struct mtrk_contact *c)
{
    for (size_t i = 0; i < c->nfields; i++) {
        free(c->keys[i]);
        free(c->values[i]);
    }
    free(c->keys);
    free(c->values);
    rows_clear(T_CONTACTS, &c->row);
    memset(c, 0, sizeof *c);
}

struct fields_ctx {
    struct mtrk_contact *c;
    size_t cap;
};

static int fields_cb(void *ud, void *row)
{
    struct fields_ctx *f = ud;
    row_contact_fields *r = row;
    struct mtrk_contact *c = f->c;
    if (c->nfields == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        char **k = realloc(c->keys, cap * sizeof *k);
        if (k == NULL)
            return MTRK_ENOMEM;
        c->keys = k;
        char **v = realloc(c->values, cap * sizeof *v);
        if (v == NULL)
            return MTRK_ENOMEM;
        c->values = v;
        f->cap = cap;
    }
    /* Take the strings over from the borrowed row: st_scan clears it after us. */
    c->keys[c->nfields] = r->key;
    c->values[c->nfields] = r->value;
    r->key = r->value = NULL;
    c->nfields++;
    return 0;
}

/* Loads the custom fields of c->row into c (inside a transaction). */
static int load_fields(mtrk_tenant *t, struct mtrk_contact *c)
{
    mtrk_value pre[2] = { v_id(&t->id), v_id(&c->row.id) };
    struct fields_ctx f = { c, 0 };
    int rc = st_scan(t, T_CONTACT_FIELDS, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, fields_cb, &f);
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory reading contact fields");
    return rc;
}

/* Reads a contact row (inside a transaction); names it when missing. */
static int read_contact(mtrk_tenant *t, mtrk_id id, row_contacts *r)
{
    memset(r, 0, sizeof *r);
    r->tenant = t->id;
    r->id = id;
    int rc = st_get(t, T_CONTACTS, r);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        return terr(t, MTRK_ENOTFOUND, "contact %s not found", s);
    }
    return rc;
}

/* Reads a contact that may still change: an erased one refuses (MTRK_ESTATE). */
static int read_changeable(mtrk_tenant *t, mtrk_id id, row_contacts *r)
{
    int rc = read_contact(t, id, r);
    if (rc == MTRK_OK && r->status == MTRK_CONTACT_ERASED) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        rows_clear(T_CONTACTS, r);
        return terr(t, MTRK_ESTATE, "contact %s is erased", s);
    }
    return rc;
}

static int check_contact_id(mtrk_tenant *t, mtrk_id id)
{
    if (id_is_nil(id))
        return terr(t, MTRK_EINVAL, "contact is nil");
    return MTRK_OK;
}

static int check_consent(mtrk_tenant *t, const mtrk_contact_spec *spec)
{
    int rc = check_str(t, "spec->consent_source", spec->consent_source, MTRK_MAX_NAME, false);
    if (rc == MTRK_OK)
        rc = check_str(t, "spec->consent_text_version", spec->consent_text_version, MTRK_MAX_NAME, false);
    if (rc == MTRK_OK && spec->consent_at < 0)
        rc = terr(t, MTRK_EINVAL, "spec->consent_at is negative");
    return rc;
}

MTRK_API int mtrk_contact_spec_init(mtrk_contact_spec *spec, unsigned int version)
{
    int rc = init_check(spec, "spec", "mtrk_contact_spec", version, MTRK_CONTACT_SPEC_VERSION);
    if (rc)
        return rc;
    mtrk_contact_spec d = MTRK_CONTACT_SPEC_INIT;
    *spec = d;
    spec->version = version;
    return MTRK_OK;
}

/* The one place a contact is found or created by address (mtrk_contact_add,
 * a lead's own address): uniqueness on the lower-cased whole address. spec
 * (validated by the caller, may be NULL) only applies to a new contact. */
int core_contact_upsert(mtrk_tenant *t, const char *normalized, const mtrk_contact_spec *spec, mtrk_id *out_id,
                        int *created)
{
    char key[MTRK_MAX_ADDRESS + 1];
    if (created)
        *created = 0;
    if (addr_key(key, normalized) != MTRK_OK)
        return terr(t, MTRK_ENOMEM, "out of memory");
    row_contacts c;
    mtrk_value k[2] = { v_id(&t->id), v_text(key) };
    int rc = st_find(t, T_CONTACTS, IDX_CONTACTS_ADDRESS, k, 2, &c);
    if (rc == MTRK_OK) {
        *out_id = c.id;
        rows_clear(T_CONTACTS, &c);
        return MTRK_OK;
    }
    if (rc != MTRK_ENOTFOUND)
        return rc;
    memset(&c, 0, sizeof c);
    c.tenant = t->id;
    c.id = core_id_new(t->db);
    c.address = (char *)normalized;
    c.address_key = key;
    c.status = MTRK_CONTACT_ACTIVE;
    c.created_at = c.updated_at = core_now(t->db);
    if (spec) {
        c.name = (char *)spec->name;
        c.consent_at = spec->consent_at;
        c.consent_source = (char *)spec->consent_source;
        c.consent_text_version = (char *)spec->consent_text_version;
    }
    rc = st_insert(t, T_CONTACTS, &c);
    if (rc)
        return rc;
    *out_id = c.id;
    if (created)
        *created = 1;
    return MTRK_OK;
}

MTRK_API int mtrk_contact_add(mtrk_id *out_id, int *out_created, mtrk_tenant *t, const char *address,
                              const mtrk_contact_spec *spec)
{
    if (out_id == NULL)
        return gerr(MTRK_EINVAL, "out_id is NULL");
    *out_id = nil_id;
    if (out_created)
        *out_created = 0;
    TENANT_CHECK(t);
    char norm[MTRK_MAX_ADDRESS + 1];
    int rc = check_address(t, "address", address, norm);
    if (rc)
        return rc;
    if (spec) {
        rc = check_version(t, "spec", spec, MTRK_CONTACT_SPEC_VERSION);
        if (rc == MTRK_OK)
            rc = check_str(t, "spec->name", spec->name, MTRK_MAX_NAME, false);
        if (rc == MTRK_OK)
            rc = check_consent(t, spec);
        if (rc)
            return rc;
    }
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    int created = 0;
    rc = core_contact_upsert(t, norm, spec, out_id, &created);
    rc = tx_end(t, rc);
    if (rc) {
        *out_id = nil_id;
        return rc;
    }
    if (out_created)
        *out_created = created;
    return MTRK_OK;
}

MTRK_API int mtrk_contact_outcome_init(mtrk_contact_outcome *outcome, unsigned int version)
{
    int rc = init_check(outcome, "outcome", "mtrk_contact_outcome", version, MTRK_CONTACT_OUTCOME_VERSION);
    if (rc)
        return rc;
    mtrk_contact_outcome d = MTRK_CONTACT_OUTCOME_INIT;
    *outcome = d;
    outcome->version = version;
    return MTRK_OK;
}

/* Validates item i of a batch (address and spec) into norm; the refusal is
 * left in t->err, naming addresses[i] or specs[i]. */
static int batch_item_check(mtrk_tenant *t, size_t i, const char *address, const mtrk_contact_spec *spec,
                            char *norm)
{
    char what[48];
    snprintf(what, sizeof what, "addresses[%zu]", i);
    int rc = check_address(t, what, address, norm);
    if (rc || spec == NULL)
        return rc;
    snprintf(what, sizeof what, "specs[%zu]", i);
    rc = check_version(t, what, spec, MTRK_CONTACT_SPEC_VERSION);
    if (rc == MTRK_OK) {
        char field[64];
        snprintf(field, sizeof field, "specs[%zu]->name", i);
        rc = check_str(t, field, spec->name, MTRK_MAX_NAME, false);
    }
    if (rc == MTRK_OK)
        rc = check_consent(t, spec);
    return rc;
}

/* Errors that belong to one address of a batch, not to the call. */
static bool batch_item_error(int rc)
{
    return rc == MTRK_EINVAL || rc == MTRK_EADDRESS || rc == MTRK_ETOOLONG || rc == MTRK_EENCODING ||
           rc == MTRK_EVERSION;
}

MTRK_API int mtrk_contact_add_batch(size_t *out_created, mtrk_contact_outcome *const *outcomes, mtrk_tenant *t,
                                    const char *const *addresses, const mtrk_contact_spec *const *specs, size_t n)
{
    if (out_created)
        *out_created = 0;
    TENANT_CHECK(t);
    if (n == 0)
        return MTRK_OK;
    if (outcomes == NULL)
        return terr(t, MTRK_EINVAL, "outcomes is NULL");
    if (addresses == NULL)
        return terr(t, MTRK_EINVAL, "addresses is NULL");
    if (n > MTRK_MAX_CONTACT_BATCH)
        return terr(t, MTRK_ETOOLONG, "n %zu is over MTRK_MAX_CONTACT_BATCH (%d)", n, MTRK_MAX_CONTACT_BATCH);
    for (size_t i = 0; i < n; i++) {
        char what[32];
        snprintf(what, sizeof what, "outcomes[%zu]", i);
        int rc = check_version(t, what, outcomes[i], MTRK_CONTACT_OUTCOME_VERSION);
        if (rc)
            return rc;
        outcomes[i]->status = MTRK_OK;
        outcomes[i]->id = nil_id;
        outcomes[i]->created = 0;
        outcomes[i]->message = NULL;
    }
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    size_t created_n = 0;
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        char norm[MTRK_MAX_ADDRESS + 1];
        const mtrk_contact_spec *spec = specs ? specs[i] : NULL;
        int irc = batch_item_check(t, i, addresses[i], spec, norm);
        if (irc) {
            if (!batch_item_error(irc)) {
                rc = irc;
                break;
            }
            outcomes[i]->status = irc;
            outcomes[i]->message = tenant_keep(t, t->err);
            if (outcomes[i]->message == NULL)
                rc = terr(t, MTRK_ENOMEM, "out of memory");
            continue;
        }
        int created = 0;
        rc = core_contact_upsert(t, norm, spec, &outcomes[i]->id, &created);
        outcomes[i]->created = created;
        created_n += (size_t)created;
    }
    rc = tx_end(t, rc);
    if (rc) {
        /* Nothing of the call was kept: no outcome names a contact. */
        for (size_t i = 0; i < n; i++) {
            outcomes[i]->id = nil_id;
            outcomes[i]->created = 0;
        }
        return rc;
    }
    /* The refusals live in the outcomes; the call itself succeeded. */
    t->err[0] = '\0';
    if (out_created)
        *out_created = created_n;
    return MTRK_OK;
}

static int contact_new(mtrk_tenant *t, struct mtrk_contact **out)
{
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    return MTRK_OK;
}

MTRK_API int mtrk_contact_get(mtrk_contact **out, mtrk_tenant *t, mtrk_id id)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_contact *c;
    int rc = contact_new(t, &c);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc == MTRK_OK) {
        /* The nil id is never a contact: not found, like any unknown id. */
        rc = read_contact(t, id, &c->row);
        if (rc == MTRK_OK)
            rc = load_fields(t, c);
        rc = tx_end(t, rc);
    }
    if (rc) {
        mtrk_contact_free(c);
        return rc;
    }
    *out = c;
    return MTRK_OK;
}

MTRK_API int mtrk_contact_find(mtrk_contact **out, mtrk_tenant *t, const char *address)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    char norm[MTRK_MAX_ADDRESS + 1], key[MTRK_MAX_ADDRESS + 1];
    int rc = check_address_key(t, "address", address, norm, key);
    if (rc)
        return rc;
    mtrk_contact *c;
    rc = contact_new(t, &c);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc == MTRK_OK) {
        mtrk_value k[2] = { v_id(&t->id), v_text(key) };
        rc = st_find(t, T_CONTACTS, IDX_CONTACTS_ADDRESS, k, 2, &c->row);
        if (rc == MTRK_ENOTFOUND)
            rc = terr(t, rc, "no contact with address %s", norm);
        if (rc == MTRK_OK)
            rc = load_fields(t, c);
        rc = tx_end(t, rc);
    }
    if (rc) {
        mtrk_contact_free(c);
        return rc;
    }
    *out = c;
    return MTRK_OK;
}

MTRK_API void mtrk_contact_free(mtrk_contact *c)
{
    if (c == NULL)
        return;
    contact_clear(c);
    free(c);
}

MTRK_API mtrk_id mtrk_contact_id(const mtrk_contact *c) { return c ? c->row.id : nil_id; }
MTRK_API const char *mtrk_contact_address(const mtrk_contact *c) { return c ? c->row.address : NULL; }
MTRK_API const char *mtrk_contact_name(const mtrk_contact *c) { return c ? c->row.name : NULL; }
MTRK_API mtrk_contact_status mtrk_contact_status_of(const mtrk_contact *c)
{
    return c ? (mtrk_contact_status)c->row.status : (mtrk_contact_status)0;
}
MTRK_API mtrk_time mtrk_contact_created_at(const mtrk_contact *c) { return c ? c->row.created_at : 0; }
MTRK_API mtrk_time mtrk_contact_consent_at(const mtrk_contact *c) { return c ? c->row.consent_at : 0; }
MTRK_API const char *mtrk_contact_consent_source(const mtrk_contact *c) { return c ? c->row.consent_source : NULL; }
MTRK_API const char *mtrk_contact_consent_text_version(const mtrk_contact *c)
{
    return c ? c->row.consent_text_version : NULL;
}
MTRK_API size_t mtrk_contact_field_count(const mtrk_contact *c) { return c ? c->nfields : 0; }

MTRK_API int mtrk_contact_field_at(const char **out_key, const char **out_value, const mtrk_contact *c, size_t i)
{
    if (out_key == NULL)
        return gerr(MTRK_EINVAL, "out_key is NULL");
    *out_key = NULL;
    if (out_value == NULL)
        return gerr(MTRK_EINVAL, "out_value is NULL");
    *out_value = NULL;
    if (c == NULL)
        return gerr(MTRK_EINVAL, "contact is NULL");
    if (i >= c->nfields)
        return gerr(MTRK_EINVAL, "i %zu is out of range (%zu fields)", i, c->nfields);
    *out_key = c->keys[i];
    *out_value = c->values[i];
    return MTRK_OK;
}

MTRK_API const char *mtrk_contact_field(const mtrk_contact *c, const char *key)
{
    if (c == NULL || key == NULL)
        return NULL;
    for (size_t i = 0; i < c->nfields; i++)
        if (strcmp(c->keys[i], key) == 0)
            return c->values[i];
    return NULL;
}

/* ---- changes ------------------------------------------------------------ */

static int count_cb(void *ud, void *row)
{
    (void)row;
    (*(size_t *)ud)++;
    return 0;
}

static int set_field_tx(mtrk_tenant *t, mtrk_id id, const char *key, const char *value)
{
    row_contacts c;
    int rc = read_changeable(t, id, &c);
    if (rc)
        return rc;
    rows_clear(T_CONTACTS, &c);
    row_contact_fields f = { 0 };
    f.tenant = t->id;
    f.contact = id;
    f.key = (char *)key;
    rc = st_get(t, T_CONTACT_FIELDS, &f);
    bool exists = rc == MTRK_OK;
    if (exists)
        rows_clear(T_CONTACT_FIELDS, &f);
    else if (rc != MTRK_ENOTFOUND)
        return rc;
    f.tenant = t->id;
    f.contact = id;
    f.key = (char *)key;
    f.value = (char *)value;
    if (value == NULL)
        return exists ? st_delete(t, T_CONTACT_FIELDS, &f) : MTRK_OK;
    if (exists)
        return st_update(t, T_CONTACT_FIELDS, &f);
    size_t n = 0;
    mtrk_value pre[2] = { v_id(&t->id), v_id(&id) };
    rc = st_scan(t, T_CONTACT_FIELDS, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, count_cb, &n);
    if (rc)
        return rc;
    if (n >= MTRK_MAX_FIELDS)
        return terr(t, MTRK_ETOOLONG, "contact already has %d custom fields (the limit)", MTRK_MAX_FIELDS);
    return st_insert(t, T_CONTACT_FIELDS, &f);
}

MTRK_API int mtrk_contact_set_field(mtrk_tenant *t, mtrk_id id, const char *key, const char *value)
{
    TENANT_CHECK(t);
    int rc = check_contact_id(t, id);
    if (rc == MTRK_OK)
        rc = check_str(t, "key", key, MTRK_MAX_FIELD_KEY, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "value", value, MTRK_MAX_FIELD_VALUE, false);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    return tx_end(t, set_field_tx(t, id, key, value));
}

/* Writes back the contact with `edit` applied to a shallow copy of its row:
 * the copy may point at the caller's strings while the read row keeps owning
 * what the store gave us. One transaction. */
typedef void (*contact_edit_fn)(row_contacts *w, const void *arg);

static int edit_contact(mtrk_tenant *t, mtrk_id id, contact_edit_fn edit, const void *arg)
{
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_contacts r;
    rc = read_changeable(t, id, &r);
    if (rc == MTRK_OK) {
        row_contacts w = r;
        edit(&w, arg);
        w.updated_at = core_now(t->db);
        rc = st_update(t, T_CONTACTS, &w);
        rows_clear(T_CONTACTS, &r);
    }
    return tx_end(t, rc);
}

static void edit_name(row_contacts *w, const void *arg) { w->name = (char *)arg; }

static void edit_consent(row_contacts *w, const void *arg)
{
    const mtrk_contact_spec *s = arg;
    w->consent_at = s->consent_at;
    w->consent_source = (char *)s->consent_source;
    w->consent_text_version = (char *)s->consent_text_version;
}

MTRK_API int mtrk_contact_set_name(mtrk_tenant *t, mtrk_id id, const char *name)
{
    TENANT_CHECK(t);
    int rc = check_contact_id(t, id);
    if (rc == MTRK_OK)
        rc = check_str(t, "name", name, MTRK_MAX_NAME, false);
    if (rc)
        return rc;
    return edit_contact(t, id, edit_name, name);
}

MTRK_API int mtrk_contact_set_consent(mtrk_tenant *t, mtrk_id id, const mtrk_contact_spec *consent)
{
    TENANT_CHECK(t);
    int rc = check_contact_id(t, id);
    if (rc == MTRK_OK)
        rc = check_version(t, "consent", consent, MTRK_CONTACT_SPEC_VERSION);
    if (rc == MTRK_OK)
        rc = check_consent(t, consent);
    if (rc)
        return rc;
    return edit_contact(t, id, edit_consent, consent);
}

int core_contact_status(mtrk_tenant *t, mtrk_id contact, mtrk_contact_status status)
{
    row_contacts r;
    int rc = read_contact(t, contact, &r);
    if (rc)
        return rc;
    if (r.status != status) {
        r.status = status;
        r.updated_at = core_now(t->db);
        rc = st_update(t, T_CONTACTS, &r);
    }
    rows_clear(T_CONTACTS, &r);
    return rc;
}

MTRK_API int mtrk_contact_set_status(mtrk_tenant *t, mtrk_id id, mtrk_contact_status status)
{
    TENANT_CHECK(t);
    int rc = check_contact_id(t, id);
    if (rc)
        return rc;
    if (status < MTRK_CONTACT_ACTIVE || status > MTRK_CONTACT_ERASED)
        return terr(t, MTRK_EINVAL, "status %d is out of range", (int)status);
    if (status == MTRK_CONTACT_ERASED)
        return terr(t, MTRK_ESTATE, "status erased is reached only by mtrk_contact_erase");
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_contacts r;
    rc = read_changeable(t, id, &r);
    if (rc == MTRK_OK) {
        int from = (int)r.status;
        rows_clear(T_CONTACTS, &r);
        if (from != (int)status) {
            rc = core_contact_status(t, id, status);
            if (rc == MTRK_OK)
                rc = audit_addf(t, "contact.status", &id, "{\"from\":\"%s\",\"to\":\"%s\"}",
                                contact_status_name(from), contact_status_name(status));
            /* A contact that may no longer receive mail loses its queued messages now. */
            if (rc == MTRK_OK && status != MTRK_CONTACT_ACTIVE)
                rc = core_recheck_contact(t, id, NULL);
        }
    }
    return tx_end(t, rc);
}

/* ---- erasure ------------------------------------------------------------ */

struct erase_counts {
    uint64_t fields, memberships, events, leads, canceled;
};

static int erase_fields(mtrk_tenant *t, mtrk_id id, struct erase_counts *n)
{
    struct mtrk_contact c = { 0 };
    c.row.id = id;
    int rc = load_fields(t, &c);
    for (size_t i = 0; rc == MTRK_OK && i < c.nfields; i++) {
        row_contact_fields f = { 0 };
        f.tenant = t->id;
        f.contact = id;
        f.key = c.keys[i];
        f.value = c.values[i];
        rc = st_delete(t, T_CONTACT_FIELDS, &f);
        n->fields++;
    }
    memset(&c.row, 0, sizeof c.row);
    contact_clear(&c);
    return rc;
}

static int audience_adjust(mtrk_tenant *t, mtrk_id audience, int64_t delta)
{
    row_audiences a = { 0 };
    a.tenant = t->id;
    a.id = audience;
    int rc = st_get(t, T_AUDIENCES, &a);
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK; /* a membership row without its audience: nothing to count */
    if (rc)
        return rc;
    a.member_count += delta;
    if (a.member_count < 0)
        a.member_count = 0;
    rc = st_update(t, T_AUDIENCES, &a);
    rows_clear(T_AUDIENCES, &a);
    return rc;
}

static int erase_memberships(mtrk_tenant *t, mtrk_id id, struct erase_counts *n)
{
    row_audience_contacts *rows = calloc(BULK_PAGE, sizeof *rows);
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_id(&id) };
    page_cursor cur = { 0 };
    int rc;
    size_t got;
    do {
        rc = scan_page(t, T_AUDIENCE_CONTACTS, IDX_AUDIENCE_CONTACTS_CONTACT, pre, 2, &cur, rows, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            if (rc == MTRK_OK)
                rc = st_delete(t, T_AUDIENCE_CONTACTS, &rows[i]);
            if (rc == MTRK_OK)
                rc = audience_adjust(t, rows[i].audience, -1);
            if (rc == MTRK_OK)
                n->memberships++;
            rows_clear(T_AUDIENCE_CONTACTS, &rows[i]);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    return rc;
}

static int erase_leads(mtrk_tenant *t, mtrk_id id, struct erase_counts *n)
{
    row_leads *rows = calloc(BULK_PAGE, sizeof *rows);
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_id(&id) };
    page_cursor cur = { 0 };
    int rc;
    size_t got;
    do {
        rc = scan_page(t, T_LEADS, IDX_LEADS_CONTACT, pre, 2, &cur, rows, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            if (rc == MTRK_OK && (rows[i].address || rows[i].fields_json)) {
                free(rows[i].address);
                free(rows[i].fields_json);
                rows[i].address = rows[i].fields_json = NULL;
                rc = st_update(t, T_LEADS, &rows[i]);
                if (rc == MTRK_OK)
                    n->leads++;
            }
            rows_clear(T_LEADS, &rows[i]);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    return rc;
}

/* Scrubs the personal data of the contact's events, message by message. */
static int erase_events(mtrk_tenant *t, mtrk_id id, uint64_t *scrubbed)
{
    mtrk_id *mids = NULL;
    size_t nm = 0;
    int rc = core_contact_mids(t, id, &mids, &nm);
    for (size_t i = 0; rc == MTRK_OK && i < nm; i++) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
        rc = events_scrub(t, IDX_EVENTS_MESSAGE, pre, 2, INT64_MAX, scrubbed);
    }
    free(mids);
    return rc;
}

static int erase_tx(mtrk_tenant *t, mtrk_id id)
{
    row_contacts r;
    int rc = read_contact(t, id, &r);
    if (rc)
        return rc;
    if (r.status == MTRK_CONTACT_ERASED) {
        rows_clear(T_CONTACTS, &r);
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        return terr(t, MTRK_ESTATE, "contact %s is already erased", s);
    }
    char hash[65] = "";
    if (r.address_key)
        rc = tenant_address_hash(t, r.address_key, hash);
    struct erase_counts n = { 0 };
    if (rc == MTRK_OK)
        rc = erase_fields(t, id, &n);
    if (rc == MTRK_OK)
        rc = erase_memberships(t, id, &n);
    if (rc == MTRK_OK)
        rc = erase_events(t, id, &n.events);
    if (rc == MTRK_OK)
        rc = erase_leads(t, id, &n);
    if (rc == MTRK_OK)
        rc = core_deadletters_erase_contact(t, id, r.address); /* webhook events kept aside (deadletter.c) */
    if (rc == MTRK_OK) {
        row_contacts e = { 0 };
        e.tenant = t->id;
        e.id = id;
        e.status = MTRK_CONTACT_ERASED;
        e.created_at = r.created_at;
        e.updated_at = core_now(t->db);
        rc = st_update(t, T_CONTACTS, &e);
    }
    rows_clear(T_CONTACTS, &r);
    /* The hash entry is part of this act: the "contact.erase" entry records it. */
    if (rc == MTRK_OK && hash[0])
        rc = suppress_row_put(t, MTRK_SUPPRESS_HASH, hash, "erased", NULL, NULL);
    if (rc == MTRK_OK)
        rc = core_recheck_contact(t, id, &n.canceled);
    if (rc == MTRK_OK)
        rc = audit_addf(t, "contact.erase", &id,
                        "{\"suppressed\":\"hash\",\"fields\":%llu,\"memberships\":%llu,"
                        "\"events_scrubbed\":%llu,\"leads_scrubbed\":%llu,\"messages_canceled\":%llu}",
                        (unsigned long long)n.fields, (unsigned long long)n.memberships,
                        (unsigned long long)n.events, (unsigned long long)n.leads,
                        (unsigned long long)n.canceled);
    return rc;
}

MTRK_API int mtrk_contact_erase(mtrk_tenant *t, mtrk_id id)
{
    TENANT_CHECK(t);
    int rc = check_contact_id(t, id);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    return tx_end(t, erase_tx(t, id));
}

/* ---- iteration ---------------------------------------------------------- */

MTRK_API int mtrk_contact_iter_new(mtrk_contact_iter **out, mtrk_tenant *t)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_contact_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    int rc = pager_init(&it->pg, t, T_CONTACTS, MTRK_INDEX_PK, &pre, 1);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_contact_iter_next(const mtrk_contact **out, mtrk_contact_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    mtrk_tenant *t = it->pg.t;
    tenant_enter(t); /* a call on the tenant (common.h, borrowed strings) */
    contact_clear(&it->current);
    int rc = pager_next(&it->pg, &it->current.row);
    if (rc)
        return rc;
    /* Fields come from their own short read: snapshots are complete. */
    rc = tx_begin(t, false);
    if (rc == MTRK_OK)
        rc = tx_end(t, load_fields(t, &it->current));
    if (rc) {
        contact_clear(&it->current);
        return rc;
    }
    *out = &it->current;
    return MTRK_OK;
}

MTRK_API void mtrk_contact_iter_free(mtrk_contact_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    contact_clear(&it->current);
    free(it);
}
