/*
 * Addresses, case by case (tests/unit/address_cases.h, written by
 * gen_address_cases.py with expectations computed independently of libidn2):
 * each valid spelling gives its normalized form and uniqueness key, every
 * spelling of one internationalized domain (U-label or A-label, NFC or NFD,
 * any case, full-width letters and dots) gives one key, and each refused
 * address is refused with its code and a message naming the rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <idn2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct addr_case {
    const char *in;
    int rc;
    const char *norm, *key, *why;
} addr_case;

#include "address_cases.h"

#define NCASES (sizeof addr_cases / sizeof addr_cases[0])

static void test_address_table(void **state)
{
    (void)state;
    size_t ok = 0, refused = 0;
    for (size_t i = 0; i < NCASES; i++) {
        const addr_case *c = &addr_cases[i];
        char norm[MTRK_MAX_ADDRESS + 1] = "", key[MTRK_MAX_ADDRESS + 1] = "", why[ERRMSG_SIZE] = "";
        int rc = addr_normalize_key(norm, key, c->in, why);
        if (rc != c->rc)
            fail_msg("case %zu \"%s\": returned %d (%s), expected %d", i, c->in, rc, why, c->rc);
        if (rc == MTRK_OK) {
            if (strcmp(norm, c->norm) != 0)
                fail_msg("case %zu \"%s\": normalized \"%s\", expected \"%s\"", i, c->in, norm, c->norm);
            if (strcmp(key, c->key) != 0)
                fail_msg("case %zu \"%s\": key \"%s\", expected \"%s\"", i, c->in, key, c->key);
            ok++;
        } else {
            if (strstr(why, c->why) == NULL)
                fail_msg("case %zu \"%s\": message \"%s\" lacks \"%s\"", i, c->in, why, c->why);
            refused++;
        }
    }
    /* the table is the few hundred cases it claims to be */
    assert_true(ok >= 500);
    assert_true(refused >= 100);
}

/* The key of a stored address is the key of the input it came from, and a
 * normalized address normalizes to itself. */
static void test_address_normalized_form_is_a_fixed_point(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCASES; i++) {
        const addr_case *c = &addr_cases[i];
        if (c->rc != MTRK_OK)
            continue;
        char key[MTRK_MAX_ADDRESS + 1], norm2[MTRK_MAX_ADDRESS + 1], key2[MTRK_MAX_ADDRESS + 1];
        char why[ERRMSG_SIZE];
        assert_int_equal(addr_key(key, c->norm), MTRK_OK);
        if (strcmp(key, c->key) != 0)
            fail_msg("addr_key(\"%s\") = \"%s\", expected \"%s\"", c->norm, key, c->key);
        if (addr_normalize_key(norm2, key2, c->norm, why) != MTRK_OK)
            fail_msg("\"%s\" (normalized) refused: %s", c->norm, why);
        assert_string_equal(norm2, c->norm);
        assert_string_equal(key2, c->key);
    }
}

/* The public call gives the same verdict and form as the table. */
static void test_address_public_normalize_agrees(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCASES; i++) {
        const addr_case *c = &addr_cases[i];
        char out[MTRK_MAX_ADDRESS + 1];
        int rc = mtrk_address_normalize(out, sizeof out, c->in);
        assert_int_equal(rc, c->rc);
        if (rc == MTRK_OK)
            assert_string_equal(out, c->norm);
        else if (*c->why)
            assert_non_null(strstr(mtrk_last_errmsg(), c->why));
    }
}

/* An all-ASCII domain takes a path that skips libidn2: its verdict and key
 * are the library's. */
static void test_address_ascii_path_agrees_with_libidn2(void **state)
{
    (void)state;
    size_t compared = 0;
    for (size_t i = 0; i < NCASES; i++) {
        const addr_case *c = &addr_cases[i];
        const char *at = strrchr(c->in, '@');
        if (at == NULL)
            continue;
        bool ascii = true;
        for (const char *p = c->in; *p; p++)
            ascii = ascii && (unsigned char)*p < 0x80;
        if (!ascii)
            continue;
        char *lib = NULL;
        int lrc = idn2_to_ascii_8z(at + 1, &lib, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
        if (c->rc == MTRK_OK) {
            assert_int_equal(lrc, IDN2_OK);
            assert_string_equal(lib, strrchr(c->key, '@') + 1);
        } else if (lrc != IDN2_OK) {
            /* the library refuses: so does mtrk (the table says how) */
            assert_int_not_equal(c->rc, MTRK_OK);
        }
        free(lib);
        compared++;
    }
    assert_true(compared >= 150);
    /* the reserved-label rule on both paths */
    char n[MTRK_MAX_ADDRESS + 1], k[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
    assert_int_equal(addr_normalize_key(n, k, "x@ab--cd.example.com", why), MTRK_EADDRESS);
    assert_non_null(strstr(why, "RFC 5891"));
    assert_int_equal(idn2_to_ascii_8z("ab--cd.example.com", &(char *){ NULL }, IDN2_NONTRANSITIONAL), IDN2_2HYPHEN);
}

/* The spellings named in the documentation, one key. */
static void test_address_spellings_of_one_domain_share_one_key(void **state)
{
    (void)state;
    static const char *const same[] = {
        "ana@B\xc3\x9c" "CHER.de",                 /* BÜCHER, upper case */
        "ana@b\xc3\xbc" "cher.de",                 /* bücher, NFC */
        "ana@bu\xcc\x88" "cher.de",                /* bücher, NFD */
        "ana@xn--bcher-kva.de",                    /* A-label */
        "ana@XN--BCHER-KVA.DE",                    /* A-label, upper case */
        "ana@\xef\xbd\x82\xc3\xbc\xef\xbd\x83her\xef\xbc\x8e" "de", /* full-width b, c and dot */
        "ANA@b\xc3\xbc" "cher.de",                 /* local part case */
    };
    char first[MTRK_MAX_ADDRESS + 1] = "";
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        char norm[MTRK_MAX_ADDRESS + 1], key[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
        if (addr_normalize_key(norm, key, same[i], why) != MTRK_OK)
            fail_msg("\"%s\" refused: %s", same[i], why);
        assert_string_equal(key, "ana@xn--bcher-kva.de");
        if (i == 0)
            strcpy(first, norm);
        if (i < 6)
            assert_string_equal(norm, "ana@b\xc3\xbc" "cher.de");
    }
    assert_string_equal(first, "ana@b\xc3\xbc" "cher.de");
    /* IDNA2008, not IDNA2003: ß is its own letter, so faß.de is not fass.de */
    char k1[MTRK_MAX_ADDRESS + 1], k2[MTRK_MAX_ADDRESS + 1], n[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
    assert_int_equal(addr_normalize_key(n, k1, "x@fa\xc3\x9f.de", why), MTRK_OK);
    assert_int_equal(addr_normalize_key(n, k2, "x@fass.de", why), MTRK_OK);
    assert_string_equal(k1, "x@xn--fa-hia.de");
    assert_string_not_equal(k1, k2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_address_table),
        cmocka_unit_test(test_address_normalized_form_is_a_fixed_point),
        cmocka_unit_test(test_address_public_normalize_agrees),
        cmocka_unit_test(test_address_ascii_path_agrees_with_libidn2),
        cmocka_unit_test(test_address_spellings_of_one_domain_share_one_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
