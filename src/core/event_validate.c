/*
 * Events: the input's rules that need no store (pure), the names of event
 * types, and the init functions of the event structs.
 */
#include "event_int.h"
#include "contact_int.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* ---- validation (pure) ----------------------------------------------------- */

static const char *const type_names[MTRK_EV_TYPE_COUNT] = {
    NULL, "sent", "delivered", "deferred", "open", "click", "bounce", "complaint", "unsubscribe",
};

MTRK_API const char *mtrk_event_type_name(mtrk_event_type type)
{
    return (int)type > 0 && (int)type < MTRK_EV_TYPE_COUNT ? type_names[type] : NULL;
}

MTRK_API int mtrk_event_input_init(mtrk_event_input *in, unsigned int version)
{
    int rc = init_check(in, "input", "mtrk_event_input", version, MTRK_EVENT_INPUT_VERSION);
    if (rc)
        return rc;
    /* A version-1 caller's struct ends before bounce_reason: nothing past it is written. */
    memset(in, 0, version == 1 ? offsetof(mtrk_event_input, bounce_reason) : sizeof *in);
    in->version = version;
    in->verdict = MTRK_VERDICT_AUTO;
    return MTRK_OK;
}

MTRK_API int mtrk_event_outcome_init(mtrk_event_outcome *o, unsigned int version)
{
    int rc = init_check(o, "outcome", "mtrk_event_outcome", version, MTRK_EVENT_OUTCOME_VERSION);
    if (rc)
        return rc;
    /* A version-1 caller's struct ends before conflict: nothing past it is written. */
    memset(o, 0, version == 1 ? offsetof(mtrk_event_outcome, conflict) : sizeof *o);
    o->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_event_info_init(mtrk_event_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_event_info", version, MTRK_EVENT_INFO_VERSION);
    if (rc)
        return rc;
    memset(info, 0, sizeof *info);
    info->version = version;
    return MTRK_OK;
}

const char *ev_name_of(ev_name *n)
{
    if (n->index == SIZE_MAX)
        return n->base;
    snprintf(n->buf, sizeof n->buf, "%s[%zu]", n->base, n->index);
    return n->buf;
}

/* terr, naming `arg` (a field of mtrk_event_input, static) as the one at
 * fault for the outcome's argument. */

int ev_err(mtrk_tenant *t, int code, const char *arg, const char *fmt, ...)
{
    char msg[ERRMSG_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    terr(t, code, "%s", msg);
    t->err_arg = arg;
    return code;
}

static int check_text(mtrk_tenant *t, ev_name *what, const char *field, const char *s, size_t max)
{
    size_t n = strnlen(s, max + 1);
    if (n <= max && utf8_valid(s, n))
        return MTRK_OK;
    char name[96];
    snprintf(name, sizeof name, "%s->%s", ev_name_of(what), field);
    int rc = check_str(t, name, s, max, false);
    t->err_arg = field;
    return rc;
}

/* Most of an event's texts are absent: no call for those. */
static inline int check_field(mtrk_tenant *t, ev_name *what, const char *field, const char *s, size_t max)
{
    return s == NULL ? MTRK_OK : check_text(t, what, field, s, max);
}

/* Every rule of docs/rules.md "Events / Validation" that needs no store.
 * `what` names the input in messages ("event", "events[3]"). */
int ev_validate(mtrk_tenant *t, ev_name *what, const mtrk_event_input *in)
{
    int rc;
    if (in == NULL || in->version == 0 || in->version > MTRK_EVENT_INPUT_VERSION)
        return check_version(t, ev_name_of(what), in, MTRK_EVENT_INPUT_VERSION);
    if ((int)in->type < 1 || (int)in->type >= MTRK_EV_TYPE_COUNT)
        return ev_err(t, MTRK_EINVAL, "type", "%s->type %d is not an event type", ev_name_of(what), (int)in->type);
    if (id_is_nil(in->mid))
        return ev_err(t, MTRK_EINVAL, "mid", "%s->mid is nil", ev_name_of(what));
    if (in->type == MTRK_EV_CLICK && id_is_nil(in->lid))
        return ev_err(t, MTRK_EINVAL, "lid", "%s->lid is nil: a click names a link", ev_name_of(what));
    if (in->type != MTRK_EV_CLICK && !id_is_nil(in->lid))
        return ev_err(t, MTRK_EINVAL, "lid", "%s->lid is set on a %s event (clicks only)", ev_name_of(what),
                    type_names[in->type]);
    if (in->type == MTRK_EV_BOUNCE && in->bounce_kind != MTRK_BOUNCE_HARD && in->bounce_kind != MTRK_BOUNCE_SOFT)
        return ev_err(t, MTRK_EINVAL, "bounce_kind", "%s->bounce_kind %d: a bounce is hard or soft", ev_name_of(what),
                    (int)in->bounce_kind);
    if (in->type != MTRK_EV_BOUNCE && in->bounce_kind != MTRK_BOUNCE_NONE)
        return ev_err(t, MTRK_EINVAL, "bounce_kind", "%s->bounce_kind is set on a %s event (bounces only)", ev_name_of(what),
                    type_names[in->type]);
    if (in->occurred_at < 0)
        return ev_err(t, MTRK_EINVAL, "occurred_at", "%s->occurred_at %lld is negative", ev_name_of(what),
                    (long long)in->occurred_at);
    char why[ERRMSG_SIZE - 64];
    if ((rc = evtime_tenant_check(t, in->occurred_at, why, sizeof why)) == MTRK_EINVAL) /* names the input only then */
        return ev_err(t, MTRK_EINVAL, "occurred_at", "%s->occurred_at %s", ev_name_of(what), why);
    if (rc)
        return rc;
    if (in->verdict != MTRK_VERDICT_HUMAN && in->verdict != MTRK_VERDICT_MACHINE && in->verdict != MTRK_VERDICT_AUTO)
        return ev_err(t, MTRK_EINVAL, "verdict", "%s->verdict %d is not human, machine or auto", ev_name_of(what),
                    (int)in->verdict);
    int scope = (int)in->unsub_scope;
    if (scope < 0 || scope > MTRK_UNSUB_AUDIENCE)
        return ev_err(t, MTRK_EINVAL, "unsub_scope", "%s->unsub_scope %d is not a scope", ev_name_of(what), scope);
    if (scope == MTRK_UNSUB_AUDIENCE && id_is_nil(in->unsub_audience))
        return ev_err(t, MTRK_EINVAL, "unsub_audience", "%s->unsub_audience is nil with audience scope", ev_name_of(what));
    if (scope != MTRK_UNSUB_AUDIENCE && !id_is_nil(in->unsub_audience))
        return ev_err(t, MTRK_EINVAL, "unsub_audience", "%s->unsub_audience is set without audience scope", ev_name_of(what));
    if (in->unsub_source != 0 && !unsub_source_valid((int)in->unsub_source))
        return ev_err(t, MTRK_EINVAL, "unsub_source", "%s->unsub_source %d is not an unsubscribe source", ev_name_of(what),
                    (int)in->unsub_source);
    if ((rc = check_field(t, what, "provider", in->provider, MTRK_MAX_PROVIDER)) ||
        (rc = check_field(t, what, "provider_event_id", in->provider_event_id, MTRK_MAX_PROVIDER)) ||
        (rc = check_field(t, what, "provider_message_id", in->provider_message_id, MTRK_MAX_PROVIDER)) ||
        (rc = check_field(t, what, "diagnostic", in->diagnostic, MTRK_MAX_DIAGNOSTIC)) ||
        (rc = check_field(t, what, "ip", in->ip, MTRK_MAX_IP)) ||
        (rc = check_field(t, what, "verdict_reason", in->verdict_reason, MTRK_MAX_NAME)))
        return rc;
    if (ev_given(in->provider) != ev_given(in->provider_event_id))
        return ev_err(t, MTRK_EINVAL, ev_given(in->provider) ? "provider_event_id" : "provider",
                      "%s->provider and %s->provider_event_id are given together or not at all",
                    ev_name_of(what), ev_name_of(what));
    return MTRK_OK;
}

int ev_not_found(mtrk_tenant *t, const char *what, mtrk_id id)
{
    char idt[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(idt, id);
    return terr(t, MTRK_ENOTFOUND, "%s %s not found", what, idt);
}
