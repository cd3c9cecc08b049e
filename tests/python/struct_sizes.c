/*
 * struct_sizes — prints "name size" for every versioned public struct (and
 * mtrk_id), one a line, plus "name.field offset" for fields whose place the
 * Python binding depends on. The Python test (bindings/python/tests/
 * test_structs.py) compares them with its ctypes mirrors.
 */
#include <stddef.h>
#include <stdio.h>
#include <mtrk/mtrk.h>
#include <mtrk/store.h>

#define SIZE(T) printf("%s %zu\n", #T, sizeof(T))
#define OFF(T, f) printf("%s.%s %zu\n", #T, #f, offsetof(T, f))

int main(void)
{
    SIZE(mtrk_id);
    SIZE(mtrk_open_options);
    SIZE(mtrk_tenant_settings);
    SIZE(mtrk_contact_spec);
    SIZE(mtrk_campaign_spec);
    SIZE(mtrk_generate_report);
    SIZE(mtrk_message_info);
    SIZE(mtrk_lead_input);
    SIZE(mtrk_lead_info);
    SIZE(mtrk_event_input);
    SIZE(mtrk_event_outcome);
    SIZE(mtrk_contact_outcome);
    SIZE(mtrk_event_info);
    SIZE(mtrk_metrics);
    SIZE(mtrk_bounce_recipient);
    SIZE(mtrk_link_stats);
    SIZE(mtrk_store);
    SIZE(mtrk_key_info);
    SIZE(mtrk_api_token_info);
    SIZE(mtrk_rendered);
    SIZE(mtrk_render_options);
    SIZE(mtrk_classify_rule);
    SIZE(mtrk_classify_rules);
    SIZE(mtrk_classify_input);
    SIZE(mtrk_track_request);
    SIZE(mtrk_resolve_options);
    SIZE(mtrk_track_result);
    SIZE(mtrk_html_link);
    SIZE(mtrk_sim_link_weight);
    SIZE(mtrk_sim_options);
    SIZE(mtrk_sim_report);
    SIZE(mtrk_reputation_settings);
    SIZE(mtrk_reputation);
    SIZE(mtrk_bounce_policy);
    SIZE(mtrk_bounce_fact);
    SIZE(mtrk_webhook_request);
    SIZE(mtrk_webhook_event);
    SIZE(mtrk_webhook_result);
    SIZE(mtrk_webhook_key_info);
    SIZE(mtrk_webhook_settings);
    SIZE(mtrk_deadletter_info);

    OFF(mtrk_tenant_settings, retention_ms);
    OFF(mtrk_reputation_settings, bounce_pause);
    OFF(mtrk_reputation, changed_at);
    OFF(mtrk_reputation, complaint_rate);
    OFF(mtrk_bounce_policy, soft_limit);
    OFF(mtrk_campaign_spec, ends_at);
    OFF(mtrk_generate_report, excluded);
    OFF(mtrk_message_info, delivered);
    OFF(mtrk_lead_input, captured_at);
    OFF(mtrk_lead_info, fields_json);
    OFF(mtrk_event_input, unsub_source);
    OFF(mtrk_event_input, bounce_subtype);
    OFF(mtrk_bounce_fact, diagnostic);
    OFF(mtrk_event_outcome, event_id);
    OFF(mtrk_event_info, effects);
    OFF(mtrk_metrics, conversion_rate);
    OFF(mtrk_link_stats, label);
    OFF(mtrk_store, errmsg);
    OFF(mtrk_open_options, busy_timeout_ms);
    OFF(mtrk_tenant_settings, list_unsubscribe_mailto);
    OFF(mtrk_key_info, current);
    OFF(mtrk_api_token_info, revoked_at);
    OFF(mtrk_rendered, text_len);
    OFF(mtrk_rendered, provider_header);
    OFF(mtrk_bounce_recipient, verp);
    OFF(mtrk_classify_rules, delivery_window_ms);
    OFF(mtrk_classify_input, builtin_rule);
    OFF(mtrk_track_request, at);
    OFF(mtrk_resolve_options, classifier_userdata);
    OFF(mtrk_track_result, withheld);
    OFF(mtrk_html_link, honeypot);
    OFF(mtrk_sim_options, link_weights);
    OFF(mtrk_sim_options, send_interval_ms);
    OFF(mtrk_sim_report, leads_duplicate);
    OFF(mtrk_webhook_request, cert_userdata);
    OFF(mtrk_webhook_result, refused);
    OFF(mtrk_deadletter_info, payload);
    OFF(mtrk_deadletter_info, bounce_subtype);
    OFF(mtrk_deadletter_info, diagnostic);
    return 0;
}
