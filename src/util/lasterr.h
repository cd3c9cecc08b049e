/*
 * The library's last error (mtrk_last_errmsg): what a public call that has
 * no handle to blame sets before it returns a code. Shared by the core and
 * the backends' constructors; knows no rule.
 */
#ifndef MTRK_UTIL_LASTERR_H
#define MTRK_UTIL_LASTERR_H

/* Sets the calling thread's last error to code and the formatted message;
 * returns code. */
int gerr(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
