/* Status codes and error messages: per handle, mirrored per thread. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static _Thread_local char last_msg[ERRMSG_SIZE];

MTRK_API const char *mtrk_strerror(int code)
{
    switch (code) {
    case MTRK_OK: return "success";
    case MTRK_EINVAL: return "invalid argument";
    case MTRK_ENOTFOUND: return "not found";
    case MTRK_EEXISTS: return "already exists";
    case MTRK_ESTATE: return "invalid state transition";
    case MTRK_EBUSY: return "store busy";
    case MTRK_ESTORE: return "storage failure";
    case MTRK_ENOMEM: return "out of memory";
    case MTRK_EVERSION: return "unknown version";
    case MTRK_ETOOLONG: return "over its limit";
    case MTRK_EENCODING: return "invalid UTF-8";
    case MTRK_ITEROVER: return "no more items";
    case MTRK_EINCOMPLETE: return "incomplete store";
    case MTRK_EADDRESS: return "invalid e-mail address";
    case MTRK_ESIGNATURE: return "invalid tracking signature";
    case MTRK_ETENANT: return "tracking URL of another tenant";
    default: return "unknown status code";
    }
}

MTRK_API const char *mtrk_last_errmsg(void) { return last_msg; }

static void vset(char *buf, int code, const char *fmt, va_list ap)
{
    int n = snprintf(buf, ERRMSG_SIZE, "%s: ", mtrk_strerror(code));
    if (n < 0 || n >= ERRMSG_SIZE)
        n = 0;
    vsnprintf(buf + n, ERRMSG_SIZE - (size_t)n, fmt, ap);
    memcpy(last_msg, buf, ERRMSG_SIZE);
}

int terr(mtrk_tenant *t, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(t ? t->err : last_msg, code, fmt, ap);
    va_end(ap);
    if (t)
        t->err_arg = NULL;
    return code;
}

void terr_set(mtrk_tenant *t, const char *msg)
{
    memcpy(t->err, msg, ERRMSG_SIZE);
    memcpy(last_msg, msg, ERRMSG_SIZE);
}

int dberr(mtrk_db *db, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(db ? db->err : last_msg, code, fmt, ap);
    va_end(ap);
    return code;
}

int gerr(int code, const char *fmt, ...)
{
    char buf[ERRMSG_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vset(buf, code, fmt, ap);
    va_end(ap);
    return code;
}


MTRK_API int mtrk_version_number(void) { return MTRK_VERSION_NUMBER; }
MTRK_API const char *mtrk_version_string(void) { return "1.0.0"; }
