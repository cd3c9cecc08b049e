/* Every MTRK_*_INIT macro initializes its struct completely: no -Wmissing-field-initializers
 * warning under -Wall -Wextra -Werror, in C11 and in C++11 (compiled by tests/headers). */
#include "mtrk/mtrk.h"
int main(void) {
  mtrk_message_info a = MTRK_MESSAGE_INFO_INIT; mtrk_lead_input b = MTRK_LEAD_INPUT_INIT; mtrk_lead_info c = MTRK_LEAD_INFO_INIT;
  mtrk_event_input d = MTRK_EVENT_INPUT_INIT; mtrk_event_info e = MTRK_EVENT_INFO_INIT; mtrk_metrics f = MTRK_METRICS_INIT;
  mtrk_link_stats g = MTRK_LINK_STATS_INIT; mtrk_event_outcome h = MTRK_EVENT_OUTCOME_INIT; mtrk_generate_report i = MTRK_GENERATE_REPORT_INIT;
  mtrk_campaign_spec j = MTRK_CAMPAIGN_SPEC_INIT; mtrk_contact_spec k = MTRK_CONTACT_SPEC_INIT; mtrk_tenant_settings l = MTRK_TENANT_SETTINGS_INIT;
  mtrk_open_options m = MTRK_OPEN_OPTIONS_INIT;
  mtrk_key_info n = MTRK_KEY_INFO_INIT; mtrk_rendered o = MTRK_RENDERED_INIT; mtrk_classify_rules p = MTRK_CLASSIFY_RULES_INIT;
  mtrk_track_request q = MTRK_TRACK_REQUEST_INIT; mtrk_resolve_options r = MTRK_RESOLVE_OPTIONS_INIT;
  mtrk_track_result s = MTRK_TRACK_RESULT_INIT;
  mtrk_sim_options u = MTRK_SIM_OPTIONS_INIT; mtrk_sim_report v = MTRK_SIM_REPORT_INIT;
  mtrk_contact_outcome w = MTRK_CONTACT_OUTCOME_INIT;
  mtrk_reputation_settings x = MTRK_REPUTATION_SETTINGS_INIT; mtrk_reputation y = MTRK_REPUTATION_INIT;
  mtrk_bounce_policy z = MTRK_BOUNCE_POLICY_INIT;
  mtrk_webhook_request wa = MTRK_WEBHOOK_REQUEST_INIT; mtrk_webhook_key_info wb = MTRK_WEBHOOK_KEY_INFO_INIT;
  mtrk_webhook_settings wc = MTRK_WEBHOOK_SETTINGS_INIT; mtrk_deadletter_info wd = MTRK_DEADLETTER_INFO_INIT;
  (void)a;(void)b;(void)c;(void)d;(void)e;(void)f;(void)g;(void)h;(void)i;(void)j;(void)k;(void)l;(void)m;
  (void)n;(void)o;(void)p;(void)q;(void)r;(void)s;(void)u;(void)v;(void)w;
  (void)x;(void)y;(void)z;(void)wa;(void)wb;(void)wc;(void)wd; return 0; }
