/* API bearer tokens: checked against the database for every API request
 * (mtrk_db_api_token_find: the token's hash compared in constant time with
 * the stored one), so that a token created or revoked with `mtrk token`
 * takes effect at once, with no restart. The token must be one of the
 * tenant the path names: a token of one tenant never opens another's
 * data. docs/decisions.md says why there is no token file any more. */
#include "mtrkd.h"

#include <string.h>

int tokens_check(const char *tenant, const char *authorization)
{
    if (authorization == NULL || strncasecmp(authorization, "Bearer ", 7) != 0)
        return 0;
    const char *tok = authorization + 7;
    while (*tok == ' ')
        tok++;
    if (*tok == '\0')
        return 0;
    unsigned status = 0;
    mtrk_db *db = worker_db(&status);
    if (db == NULL)
        return -1;
    char who[MTRK_MAX_TENANT_KEY + 1];
    int rc = mtrk_db_api_token_find(who, sizeof who, db, tok);
    if (rc == MTRK_ENOTFOUND)
        return 0;
    if (rc)
        return -1;
    return strcmp(who, tenant) == 0 ? 1 : 0;
}
