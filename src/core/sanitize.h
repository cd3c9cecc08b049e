/*
 * mtrk core — how an event's client fields are stored: the IP address and
 * the user agent, cleaned the same way whatever path brings them (the
 * tracking endpoint, a provider's events, the tool's ingest).
 *
 * Pure functions of their input, with no library state. The event path
 * (event_row) and the tracking path call them; the tools hand the fields
 * over as given (internal.h includes this header).
 */
#ifndef MTRK_SANITIZE_H
#define MTRK_SANITIZE_H

#include "mtrk/common.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * The canonical text of an IPv4 or IPv6 address (inet_pton, then
 * inet_ntop: "::FFFF:1.2.3.4" -> "::ffff:1.2.3.4", "2001:DB8::0:1" ->
 * "2001:db8::1") into out. False, with out = "", when `ip` is NULL, empty,
 * longer than MTRK_MAX_IP, or not an address ("999.1.1.1", "1.2.3",
 * "10.0.0.1/8", a zone id "fe80::1%eth0", surrounding blanks).
 */
bool sanitize_ip(char out[MTRK_MAX_IP + 1], const char *ip);

/*
 * A user agent as stored, into out (MTRK_MAX_USER_AGENT + 1 octets):
 * each octet that does not begin a valid UTF-8 sequence becomes '?';
 * removed are C0 and C1 controls and DEL, the bidirectional formatting
 * characters (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069),
 * the line and paragraph separators (U+2028, U+2029), zero-width
 * characters (U+200B..U+200D, U+2060, U+FEFF); surrounding blanks are
 * trimmed; then it is cut to MTRK_MAX_USER_AGENT octets at a character
 * boundary. Returns the length stored; 0 (out = "") for NULL or nothing
 * left.
 */
size_t sanitize_user_agent(char out[MTRK_MAX_USER_AGENT + 1], const char *ua);

#endif
