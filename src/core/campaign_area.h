/*
 * Helpers shared by the campaign area's files (campaign.c, generate.c,
 * message.c, queue.c, lead.c). Not used outside them.
 */
#ifndef MTRK_CAMPAIGN_AREA_H
#define MTRK_CAMPAIGN_AREA_H

#include "internal.h"

/* Rows handed out as snapshots. */
struct mtrk_campaign {
    row_campaigns row;
};
struct mtrk_link {
    row_links row;
};

/* Reads a campaign (owned row: rows_clear it); names it when missing. */
int cam_load(mtrk_tenant *t, mtrk_id id, row_campaigns *out);
/* Opens p over a campaign's rows of table, through index led by (tenant,
 * campaign), once a read transaction has found the campaign: a nil or
 * unknown campaign is refused naming it, as every listing of a campaign's
 * rows does. On failure p holds nothing to free. */
int pager_init_campaign(pager *p, mtrk_tenant *t, mtrk_id campaign, unsigned table, int index);
/* Reads a contact; names it when missing. */
int contact_load(mtrk_tenant *t, mtrk_id id, row_contacts *out);

/* 1 if a campaign may move from `from` to `to` (paused_from: the status a
 * paused campaign resumes to). Pure; the one statement of the transitions. */
int cam_transition_ok(int from, int to, int paused_from);

/* A growable list of ids (bounded by what the caller puts in it). */
typedef struct id_list {
    mtrk_id *v;
    size_t n, cap;
} id_list;
int id_list_push(id_list *l, mtrk_id id);
void id_list_free(id_list *l);

/* The audiences attached to a campaign, in audience-id order. */
int cam_audiences(mtrk_tenant *t, mtrk_id campaign, id_list *out);
/* Is contact a member of audience? */
int audience_has(mtrk_tenant *t, mtrk_id audience, mtrk_id contact, bool *out);
/* The eligibility rule with the campaign's audiences already read (generate.c). */
int eligibility_with(mtrk_tenant *t, const row_campaigns *cam, const row_contacts *c, const id_list *auds,
                     mtrk_exclusion *out);
/* Whether a recheck of an already generated message cancels it for `reason`:
 * every reason but not_in_audience, which only the single check reports
 * (generation took the membership as it was). */
bool recheck_cancels(mtrk_exclusion reason);

/* Fills a message info from its row (message.c). */
void message_info_fill(mtrk_message_info *out, const row_messages *m);

#endif
