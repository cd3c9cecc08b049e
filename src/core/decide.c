/* Pure decisions: one event on a message's facts, a message's contribution. */
#include "decide.h"

#include <string.h>

static void first_time(int64_t *slot, mtrk_time at)
{
    if (*slot == 0 || at < *slot)
        *slot = at;
}

/* Events that carry a state of their own: a sent event says "sent", a
 * delivery (explicit or implied by an open or click) says "delivered", a hard
 * bounce says "bounced". When such a state cannot be taken (it is behind the
 * current one, or the message is terminal), the event is traced STATE_KEPT. */
static int own_state(const decide_event *e)
{
    switch (e->type) {
    case MTRK_EV_SENT: return MTRK_MSG_SENT;
    case MTRK_EV_DELIVERED:
    case MTRK_EV_OPEN:
    case MTRK_EV_CLICK: return MTRK_MSG_DELIVERED;
    case MTRK_EV_BOUNCE: return e->hard ? MTRK_MSG_BOUNCED : 0;
    default: return 0;
    }
}

static uint32_t move_state(row_messages *m, const decide_event *e)
{
    int cur = (int)m->state;
    bool terminal = cur == MTRK_MSG_BOUNCED || cur == MTRK_MSG_CANCELED;
    int want = own_state(e);
    if (want == 0) {
        /* Soft bounces, complaints and unsubscribes only imply the message
         * went out: they lift a not-yet-sent message to sent, never more. */
        if (e->type == MTRK_EV_DEFERRED || terminal || cur >= MTRK_MSG_SENT)
            return 0;
        m->state = MTRK_MSG_SENT;
        return MTRK_EFFECT_MESSAGE_STATE;
    }
    if (want == cur)
        return 0;
    if (terminal)
        return MTRK_EFFECT_STATE_KEPT;
    if (want == MTRK_MSG_BOUNCED || want > cur) {
        m->state = want;
        return MTRK_EFFECT_MESSAGE_STATE;
    }
    return MTRK_EFFECT_STATE_KEPT;
}

uint32_t decide_message(row_messages *m, const decide_event *e)
{
    if (e->type != MTRK_EV_DEFERRED)
        m->flags |= MSGF_SENT;
    switch (e->type) {
    case MTRK_EV_SENT:
        first_time(&m->sent_at, e->at);
        break;
    case MTRK_EV_DELIVERED:
        m->flags |= MSGF_DELIVERED_EXPLICIT;
        first_time(&m->delivered_at, e->at);
        break;
    case MTRK_EV_OPEN:
        m->flags |= MSGF_OPENED | (e->human ? MSGF_OPENED_HUMAN : 0);
        first_time(&m->first_open_at, e->at);
        m->opens++;
        break;
    case MTRK_EV_CLICK:
        m->flags |= MSGF_CLICKED | (e->human ? MSGF_CLICKED_HUMAN : 0);
        first_time(&m->first_click_at, e->at);
        m->clicks++;
        break;
    case MTRK_EV_BOUNCE:
        if (e->soft) {
            m->flags |= MSGF_SOFT_BOUNCED;
            m->soft_bounces++;
        }
        if (e->hard) {
            m->flags |= MSGF_HARD_BOUNCED;
            first_time(&m->bounced_at, e->at);
        }
        break;
    case MTRK_EV_COMPLAINT:
        m->flags |= MSGF_COMPLAINED;
        first_time(&m->first_complaint_at, e->at);
        break;
    case MTRK_EV_UNSUBSCRIBE:
        m->flags |= MSGF_UNSUBSCRIBED;
        first_time(&m->first_unsub_at, e->at);
        break;
    default:
        break;
    }
    return move_state(m, e);
}

decide_event decide_event_of(const row_events *e)
{
    bool bounce = e->type == MTRK_EV_BOUNCE;
    decide_event de = { (int)e->type,
                        bounce && (e->bounce_kind == MTRK_BOUNCE_HARD || (e->effects & MTRK_EFFECT_HARD_BOUNCE)),
                        bounce && e->bounce_kind == MTRK_BOUNCE_SOFT, e->verdict == MTRK_VERDICT_HUMAN,
                        e->occurred_at };
    return de;
}

void decide_reset_facts(row_messages *m)
{
    m->flags = 0;
    m->sent_at = m->delivered_at = m->bounced_at = 0;
    m->first_open_at = m->first_click_at = m->first_complaint_at = m->first_unsub_at = 0;
    m->opens = m->clicks = m->soft_bounces = 0;
}

bool decide_facts_equal(const row_messages *a, const row_messages *b)
{
    return a->state == b->state && a->flags == b->flags && a->sent_at == b->sent_at &&
           a->delivered_at == b->delivered_at && a->bounced_at == b->bounced_at &&
           a->first_open_at == b->first_open_at && a->first_click_at == b->first_click_at &&
           a->first_complaint_at == b->first_complaint_at && a->first_unsub_at == b->first_unsub_at &&
           a->opens == b->opens && a->clicks == b->clicks && a->soft_bounces == b->soft_bounces;
}

void stats_contribution(const row_messages *m, stats_contrib *out)
{
    memset(out, 0, sizeof *out);
    if (m == NULL)
        return;
    int64_t f = m->flags;
    bool hard = (f & MSGF_HARD_BOUNCED) != 0;
    out->messages = 1;
    out->canceled = m->state == MTRK_MSG_CANCELED;
    out->sent = (f & MSGF_SENT) != 0;
    out->delivered = (f & (MSGF_DELIVERED_EXPLICIT | MSGF_OPENED | MSGF_CLICKED)) != 0 && !hard;
    out->delivered_explicit = (f & MSGF_DELIVERED_EXPLICIT) != 0 && !hard;
    out->bounced_hard = hard;
    out->bounced_soft = (f & MSGF_SOFT_BOUNCED) != 0;
    out->complaints = (f & MSGF_COMPLAINED) != 0;
    out->unsubscribes = (f & MSGF_UNSUBSCRIBED) != 0;
    out->opens_unique = (f & MSGF_OPENED) != 0;
    out->opens_unique_human = (f & MSGF_OPENED_HUMAN) != 0;
    out->opens_inferred = (f & MSGF_CLICKED) != 0 && (f & MSGF_OPENED) == 0;
    out->clicks_unique = (f & MSGF_CLICKED) != 0;
    out->clicks_unique_human = (f & MSGF_CLICKED_HUMAN) != 0;
}
