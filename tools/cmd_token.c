/* mtrk token create|list|revoke: the tenant's API bearer tokens
 * (include/mtrk/apitoken.h), which hosts such as mtrkd check. */
#include "cli.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmd_token_create(cli_ctx *c, cli_args *a)
{
    char secret[MTRK_API_TOKEN_SIZE];
    mtrk_id id;
    int rc = mtrk_api_token_create(secret, sizeof secret, &id, c->t, a->pos[0]);
    if (rc == MTRK_EINVAL || rc == MTRK_ETOOLONG || rc == MTRK_EENCODING)
        return lib_err(c, rc, "label \"%s\"", a->pos[0]);
    if (rc)
        return lib_err(c, rc, "creating a token");
    char ib[MTRK_ID_STRLEN + 1];
    if (c->json) {
        printf("{\"id\":\"%s\",\"label\":", idstr(ib, id));
        json_str(stdout, a->pos[0]);
        printf(",\"token\":\"%s\"}\n", secret);
    } else {
        /* The token alone on standard output (for a pipe or a file); the
         * rest on standard error. */
        printf("%s\n", secret);
        fprintf(stderr, "token %s created for tenant %s; it is shown this once\n", idstr(ib, id),
                mtrk_tenant_key(c->t));
    }
    fflush(stdout);
    sodium_memzero(secret, sizeof secret);
    return 0;
}

static int cmd_token_list(cli_ctx *c, cli_args *a)
{
    (void)a;
    size_t n = 0, cap = 0;
    mtrk_api_token_info *infos = NULL;
    int rc;
    for (;;) {
        mtrk_api_token_info **ptrs = cap ? malloc(cap * sizeof *ptrs) : NULL;
        if (cap && ptrs == NULL) {
            free(infos);
            return lib_err(c, MTRK_ENOMEM, "listing tokens");
        }
        for (size_t i = 0; i < cap; i++) {
            mtrk_api_token_info d = MTRK_API_TOKEN_INFO_INIT;
            infos[i] = d;
            ptrs[i] = &infos[i];
        }
        rc = mtrk_api_token_list(ptrs, cap, &n, c->t);
        free(ptrs);
        if (rc || n <= cap)
            break;
        free(infos);
        cap = n;
        infos = malloc(cap * sizeof *infos);
        if (infos == NULL)
            return lib_err(c, MTRK_ENOMEM, "listing tokens");
    }
    if (rc) {
        free(infos);
        return lib_err(c, rc, "listing tokens");
    }
    char ib[MTRK_ID_STRLEN + 1], cb[32], rb[32];
    for (size_t i = 0; i < n; i++) {
        fmt_time(cb, infos[i].created_at);
        fmt_time(rb, infos[i].revoked_at);
        if (c->json) {
            printf("{\"id\":\"%s\",\"label\":", idstr(ib, infos[i].id));
            json_str(stdout, infos[i].label);
            printf(",\"created_at\":\"%s\",\"revoked_at\":", cb);
            if (infos[i].revoked_at)
                printf("\"%s\"}\n", rb);
            else
                printf("null}\n");
        } else {
            printf("%s  %-24s created %s%s%s\n", idstr(ib, infos[i].id), infos[i].label, cb,
                   infos[i].revoked_at ? "  revoked " : "", infos[i].revoked_at ? rb : "");
        }
    }
    free(infos);
    return 0;
}

static int cmd_token_revoke(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    if (mtrk_id_from_string(&id, a->pos[0]))
        return usage_err(c, "\"%s\" is not a token id (see mtrk token list)", a->pos[0]);
    int rc = mtrk_api_token_revoke(c->t, id);
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "tenant %s has no token %s", mtrk_tenant_key(c->t), a->pos[0]);
    if (rc)
        return lib_err(c, rc, "revoking token %s", a->pos[0]);
    printf(c->json ? "{\"revoked\":true}\n" : "token revoked\n");
    return 0;
}

const cli_cmd cmds_token[] = {
    { "token create",
      "mtrk token create LABEL [--json]\n"
      "  Creates an API bearer token of --tenant and prints it (this once: the\n"
      "  database keeps only its hash). --json: {\"id\", \"label\", \"token\"}.",
      "json", 1, 1, 1, cmd_token_create },
    { "token list", "mtrk token list [--json]\n  The tenant's tokens (ids, labels, times; never a secret).", "json", 0,
      0, 1, cmd_token_list },
    { "token revoke", "mtrk token revoke ID [--json]\n  Revokes a token: it is refused from then on.", "json", 1, 1, 1,
      cmd_token_revoke },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
