/*
 * The stored form of an event's IP address and user agent (sanitize.c):
 * canonical IPv4/IPv6 text or nothing; a user agent without controls,
 * bidirectional formatting or zero-width characters, invalid octets as '?',
 * trimmed, cut at a character boundary to MTRK_MAX_USER_AGENT.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sanitize.h"

static void ip_canonical_or_nothing(void **state)
{
    (void)state;
    char out[MTRK_MAX_IP + 1];
    assert_true(sanitize_ip(out, "192.0.2.7"));
    assert_string_equal(out, "192.0.2.7");
    assert_true(sanitize_ip(out, "2001:DB8::0:1"));
    assert_string_equal(out, "2001:db8::1");
    assert_true(sanitize_ip(out, "::FFFF:1.2.3.4"));
    assert_string_equal(out, "::ffff:1.2.3.4");
    const char *bad[] = { "999.1.1.1", "1.2.3", "10.0.0.1/8", "fe80::1%eth0", " 1.2.3.4", "1.2.3.4 ", "",
                          "01.2.3.4x", "::g", "1.2.3.4\n" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strcpy(out, "junk");
        assert_false(sanitize_ip(out, bad[i]));
        assert_string_equal(out, "");
    }
    assert_false(sanitize_ip(out, NULL));
    char longer[MTRK_MAX_IP + 8];
    memset(longer, '1', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_false(sanitize_ip(out, longer));
}

static void user_agent_cleaned(void **state)
{
    (void)state;
    char out[MTRK_MAX_USER_AGENT + 1];
    /* C0, DEL, C1 (U+0085), RLO U+202E, LRI U+2066, ZWSP U+200B, BOM U+FEFF, LS U+2028 removed */
    size_t n = sanitize_user_agent(out, "  Mozilla\x07/5.0\x7f (\xc2\x85X11\xe2\x80\xae;\xe2\x81\xa6 Linux)"
                                        "\xe2\x80\x8b\xef\xbb\xbf\xe2\x80\xa8  ");
    assert_string_equal(out, "Mozilla/5.0 (X11; Linux)");
    assert_int_equal(n, strlen(out));
    /* invalid octets become '?', valid non-ASCII stays */
    sanitize_user_agent(out, "caf\xc3\xa9 \xff\xc3)");
    assert_string_equal(out, "caf\xc3\xa9 ?" "?)");
    /* cut at a character boundary */
    char in[MTRK_MAX_USER_AGENT + 16];
    memset(in, 'a', MTRK_MAX_USER_AGENT - 1);
    memcpy(in + MTRK_MAX_USER_AGENT - 1, "\xc3\xa9zz", 5);
    n = sanitize_user_agent(out, in);
    assert_int_equal(n, MTRK_MAX_USER_AGENT - 1);
    assert_int_equal(strlen(out), MTRK_MAX_USER_AGENT - 1);
    assert_int_equal(sanitize_user_agent(out, "\x01\xe2\x80\x8f "), 0);
    assert_string_equal(out, "");
    assert_int_equal(sanitize_user_agent(out, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ip_canonical_or_nothing),
        cmocka_unit_test(user_agent_cleaned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
