/* API bearer tokens: per tenant, a list of SHA-256 hashes of the tokens
 * (never the tokens), read from a file and the environment at start. A
 * request's token is hashed and compared with the tenant's hashes in
 * constant time (sodium_memcmp); a token of one tenant is never looked up
 * under another. The store-backed token table comes with the store
 * contract's next version (docs/server.md). */
#include "mtrkd.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

typedef struct token_hash {
    char tenant[MTRK_MAX_TENANT_KEY + 1];
    unsigned char hash[crypto_hash_sha256_BYTES];
} token_hash;

static token_hash *g_tokens;
static size_t g_ntokens;

static int add_hash(const char *tenant, size_t tlen, const char *hex, size_t hlen, const char *where)
{
    token_hash th = { 0 };
    size_t bin_len = 0;
    if (tlen == 0 || tlen > MTRK_MAX_TENANT_KEY || hlen != 2 * sizeof th.hash ||
        sodium_hex2bin(th.hash, sizeof th.hash, hex, hlen, NULL, &bin_len, NULL) != 0 || bin_len != sizeof th.hash) {
        fprintf(stderr, "mtrkd: %s: expected \"TENANT SHA256-HEX\" (64 hex digits)\n", where);
        return -1;
    }
    memcpy(th.tenant, tenant, tlen);
    token_hash *n = realloc(g_tokens, (g_ntokens + 1) * sizeof *n);
    if (n == NULL)
        return -1;
    g_tokens = n;
    g_tokens[g_ntokens++] = th;
    return 0;
}

int tokens_load(const char *file, const char *env)
{
    if (file) {
        FILE *f = fopen(file, "r");
        if (f == NULL) {
            fprintf(stderr, "mtrkd: --tokens %s: cannot open\n", file);
            return -1;
        }
        char line[512];
        int lineno = 0;
        while (fgets(line, sizeof line, f)) {
            lineno++;
            char *p = line + strspn(line, " \t");
            p[strcspn(p, "\r\n")] = '\0';
            if (*p == '\0' || *p == '#')
                continue;
            size_t tl = strcspn(p, " \t");
            char *h = p + tl + strspn(p + tl, " \t");
            size_t hl = strcspn(h, " \t");
            char where[600];
            snprintf(where, sizeof where, "%s:%d", file, lineno);
            if (add_hash(p, tl, h, hl, where)) {
                fclose(f);
                return -1;
            }
        }
        fclose(f);
    }
    if (env) {
        for (const char *p = env; *p;) {
            size_t n = strcspn(p, ",");
            const char *colon = memchr(p, ':', n);
            if (colon == NULL || add_hash(p, (size_t)(colon - p), colon + 1, n - (size_t)(colon - p) - 1,
                                          "MTRKD_TOKEN_HASHES")) {
                if (colon == NULL)
                    fprintf(stderr, "mtrkd: MTRKD_TOKEN_HASHES: expected \"TENANT:SHA256-HEX,...\"\n");
                return -1;
            }
            p += n + (p[n] == ',');
        }
    }
    return 0;
}

bool tokens_check(const char *tenant, const char *authorization)
{
    if (authorization == NULL || strncasecmp(authorization, "Bearer ", 7) != 0)
        return false;
    const char *tok = authorization + 7;
    while (*tok == ' ')
        tok++;
    size_t n = strlen(tok);
    if (n == 0)
        return false;
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)tok, n);
    bool ok = false;
    for (size_t i = 0; i < g_ntokens; i++)
        if (strcmp(g_tokens[i].tenant, tenant) == 0 && sodium_memcmp(g_tokens[i].hash, h, sizeof h) == 0)
            ok = true;
    return ok;
}

void tokens_free(void)
{
    free(g_tokens);
    g_tokens = NULL;
    g_ntokens = 0;
}
