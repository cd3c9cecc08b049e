/**
 * @file apitoken.h
 * API bearer tokens: per tenant, for hosts that serve a tenant's data over
 * HTTP (mtrkd's JSON API). A token is a high-entropy random secret handed
 * out once, when it is created; the store keeps only its BLAKE2b-256 hash
 * (libsodium's generic hash) with a label and the times it was created and
 * revoked. A token names its tenant and its id in clear (so that a lookup
 * needs no scan) and 32 random bytes: "mtrk_" and 86 base64url characters.
 *
 * Errors as everywhere (common.h); the messages never repeat a secret.
 */
#ifndef MTRK_APITOKEN_H
#define MTRK_APITOKEN_H

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Octets of a token's text, its NUL included: the size of mtrk_api_token_create's buffer. */
#define MTRK_API_TOKEN_SIZE 92
/** Longest label of a token, in octets (UTF-8, no control characters). */
#define MTRK_MAX_TOKEN_LABEL 64

/**
 * Creates a token of the tenant (one transaction, audited as
 * "api_token.create" with the label, never the secret). `label` says what
 * the token is for (1 to MTRK_MAX_TOKEN_LABEL octets of UTF-8, no control
 * characters; labels need not be unique). The token's text (NUL-terminated)
 * is written to out_secret, which has room for `size` octets (at least
 * MTRK_API_TOKEN_SIZE); it cannot be read again: the store keeps its hash.
 * The caller should wipe it once handed over. *out_id (may be NULL)
 * receives the token's id, which mtrk_api_token_revoke takes.
 * Returns MTRK_EINVAL (a NULL argument, size too small, an empty label or
 * one with a control character), MTRK_ETOOLONG, MTRK_EENCODING (label),
 * or a storage error; on error out_secret holds "" and nothing is written.
 */
MTRK_API int mtrk_api_token_create(char *out_secret, size_t size, mtrk_id *out_id, mtrk_tenant *tenant,
                                   const char *label);

/**
 * Revokes the tenant's token `id` (one transaction, audited as
 * "api_token.revoke"): mtrk_db_api_token_find no longer finds it. Revoking
 * a revoked token succeeds and keeps its first revocation time.
 * Returns MTRK_ENOTFOUND (no such token of this tenant: another tenant's
 * token is never touched), MTRK_EINVAL (tenant NULL), or a storage error.
 */
MTRK_API int mtrk_api_token_revoke(mtrk_tenant *tenant, mtrk_id id);

#define MTRK_API_TOKEN_INFO_VERSION 1 /**< Current version of mtrk_api_token_info (its version member) */
/** A token's public facts (never its secret nor its hash). */
typedef struct mtrk_api_token_info {
    unsigned int version;                  /**< MTRK_API_TOKEN_INFO_VERSION or an older version */
    mtrk_id id;                            /**< the token's id */
    char label[MTRK_MAX_TOKEN_LABEL + 1];  /**< its label, NUL-terminated */
    mtrk_time created_at;                  /**< when it was created */
    mtrk_time revoked_at;                  /**< when it was revoked; 0 while valid */
} mtrk_api_token_info;
/** Initializer of a mtrk_api_token_info at its current version, with the defaults */
#define MTRK_API_TOKEN_INFO_INIT { MTRK_API_TOKEN_INFO_VERSION, { { 0 } }, { 0 }, 0, 0 }
/**
 * Fills *info with the defaults of mtrk_api_token_info for `version` (1 to
 * MTRK_API_TOKEN_INFO_VERSION), for callers that cannot use
 * MTRK_API_TOKEN_INFO_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_api_token_info_init(mtrk_api_token_info *info, unsigned int version);

/**
 * The tenant's tokens, revoked ones included, by id (that is, in order of
 * creation): up to cap into outs (each non-NULL, version set; the caller's
 * memory), the number of tokens into *out_count (which may exceed cap: call
 * again with more room). Returns MTRK_EINVAL (out_count or tenant NULL, outs
 * NULL with cap > 0), MTRK_EVERSION (an out of unknown version), or a
 * storage error.
 */
MTRK_API int mtrk_api_token_list(mtrk_api_token_info *const *outs, size_t cap, size_t *out_count,
                                 mtrk_tenant *tenant);

/**
 * Checks a bearer token: finds the token `secret` names, compares the hash
 * of its secret part with the stored one in constant time
 * (sodium_memcmp), and on a match with an unrevoked token writes its
 * tenant's key (NUL-terminated) to out_tenant, which has room for `size`
 * octets (at least MTRK_MAX_TENANT_KEY + 1). A host then serves that
 * tenant's data only. Reads only; safe to call for every request.
 * Returns MTRK_ENOTFOUND for anything that is not a valid token (malformed,
 * unknown, of a deleted tenant, wrong secret, revoked: one code, so that
 * the answer tells an attacker nothing), MTRK_EINVAL (a NULL argument, size
 * too small), or a storage error; out_tenant holds "" on error.
 */
MTRK_API int mtrk_db_api_token_find(char *out_tenant, size_t size, mtrk_db *db, const char *secret);

#ifdef __cplusplus
}
#endif
#endif
