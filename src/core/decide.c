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

decide_event decide_event_make(int64_t type, int64_t bounce_kind, int64_t effects, int64_t verdict, mtrk_time at)
{
    bool bounce = type == MTRK_EV_BOUNCE;
    decide_event de = { (int)type, bounce && (bounce_kind == MTRK_BOUNCE_HARD || (effects & MTRK_EFFECT_HARD_BOUNCE)),
                        bounce && bounce_kind == MTRK_BOUNCE_SOFT, verdict == MTRK_VERDICT_HUMAN, at };
    return de;
}

decide_event decide_event_of(const row_events *e)
{
    return decide_event_make(e->type, e->bounce_kind, e->effects, e->verdict, e->occurred_at);
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

/* Bit i: field i of CONTRIB_FIELDS, in their order. */
enum {
#define X_(f) CB_##f,
    CONTRIB_FIELDS(X_)
#undef X_
    CB_COUNT
};
_Static_assert(CB_COUNT <= 32, "a contribution's fields fit a word");

uint32_t stats_contribution_bits(const row_messages *m)
{
    if (m == NULL)
        return 0;
    int64_t f = m->flags;
    bool hard = (f & MSGF_HARD_BOUNCED) != 0;
#define B_(field, cond) ((uint32_t)((cond) ? 1 : 0) << CB_##field)
    return B_(messages, true) | B_(canceled, m->state == MTRK_MSG_CANCELED) | B_(sent, f & MSGF_SENT) |
           B_(delivered, (f & (MSGF_DELIVERED_EXPLICIT | MSGF_OPENED | MSGF_CLICKED)) != 0 && !hard) |
           B_(delivered_explicit, (f & MSGF_DELIVERED_EXPLICIT) != 0 && !hard) | B_(bounced_hard, hard) |
           B_(bounced_soft, f & MSGF_SOFT_BOUNCED) | B_(complaints, f & MSGF_COMPLAINED) |
           B_(unsubscribes, f & MSGF_UNSUBSCRIBED) | B_(opens_unique, f & MSGF_OPENED) |
           B_(opens_unique_human, f & MSGF_OPENED_HUMAN) |
           B_(opens_inferred, (f & MSGF_CLICKED) != 0 && (f & MSGF_OPENED) == 0) |
           B_(clicks_unique, f & MSGF_CLICKED) | B_(clicks_unique_human, f & MSGF_CLICKED_HUMAN);
#undef B_
}

void stats_contribution(const row_messages *m, stats_contrib *out)
{
    uint32_t b = stats_contribution_bits(m);
#define X_(f) out->f = (b >> CB_##f) & 1;
    CONTRIB_FIELDS(X_)
#undef X_
}
