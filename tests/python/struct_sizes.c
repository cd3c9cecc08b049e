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
    SIZE(mtrk_event_info);
    SIZE(mtrk_metrics);
    SIZE(mtrk_link_stats);
    SIZE(mtrk_store);

    OFF(mtrk_tenant_settings, retention_ms);
    OFF(mtrk_campaign_spec, ends_at);
    OFF(mtrk_generate_report, excluded);
    OFF(mtrk_message_info, delivered);
    OFF(mtrk_lead_input, captured_at);
    OFF(mtrk_lead_info, fields_json);
    OFF(mtrk_event_input, unsub_source);
    OFF(mtrk_event_outcome, event_id);
    OFF(mtrk_event_info, effects);
    OFF(mtrk_metrics, conversion_rate);
    OFF(mtrk_link_stats, label);
    OFF(mtrk_store, errmsg);
    return 0;
}
