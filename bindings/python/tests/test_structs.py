"""ctypes mirrors against what the C compiler says (tests/python/struct_sizes.c,
built by meson; its path comes in MTRK_STRUCT_SIZES)."""
from __future__ import annotations

import ctypes
import os
import subprocess
import unittest

from mtrk import _lib


class StructSizeTest(unittest.TestCase):
    def setUp(self) -> None:
        prog = os.environ.get("MTRK_STRUCT_SIZES")
        if not prog or not os.path.exists(prog):
            self.skipTest("MTRK_STRUCT_SIZES is not set (run through meson test)")
        out = subprocess.run([prog], capture_output=True, text=True, check=True, timeout=30).stdout
        self.c = {}
        for line in out.splitlines():
            name, value = line.split()
            self.c[name] = int(value)

    def test_sizes(self) -> None:
        for name, cls in _lib.STRUCTS.items():
            with self.subTest(struct=name):
                self.assertIn(name, self.c, f"struct_sizes.c does not print {name}")
                self.assertEqual(ctypes.sizeof(cls), self.c[name])
        self.assertEqual(set(self.c) - {k for k in self.c if "." in k}, set(_lib.STRUCTS))

    def test_offsets(self) -> None:
        for key, off in self.c.items():
            if "." not in key:
                continue
            sname, field = key.split(".")
            with self.subTest(field=key):
                self.assertEqual(getattr(_lib.STRUCTS[sname], field).offset, off)

    def test_versions_match_init(self) -> None:
        L = _lib.lib()
        inits = {
            "mtrk_open_options": L.mtrk_open_options_init, "mtrk_tenant_settings": L.mtrk_tenant_settings_init,
            "mtrk_contact_spec": L.mtrk_contact_spec_init, "mtrk_campaign_spec": L.mtrk_campaign_spec_init,
            "mtrk_generate_report": L.mtrk_generate_report_init, "mtrk_message_info": L.mtrk_message_info_init,
            "mtrk_lead_input": L.mtrk_lead_input_init, "mtrk_lead_info": L.mtrk_lead_info_init,
            "mtrk_event_input": L.mtrk_event_input_init, "mtrk_event_outcome": L.mtrk_event_outcome_init,
            "mtrk_contact_outcome": L.mtrk_contact_outcome_init,
            "mtrk_event_info": L.mtrk_event_info_init, "mtrk_metrics": L.mtrk_metrics_init,
            "mtrk_link_stats": L.mtrk_link_stats_init, "mtrk_key_info": L.mtrk_key_info_init,
            "mtrk_api_token_info": L.mtrk_api_token_info_init,
            "mtrk_rendered": L.mtrk_rendered_init, "mtrk_classify_rules": L.mtrk_classify_rules_init,
            "mtrk_track_request": L.mtrk_track_request_init, "mtrk_resolve_options": L.mtrk_resolve_options_init,
            "mtrk_track_result": L.mtrk_track_result_init, "mtrk_sim_options": L.mtrk_sim_options_init,
            "mtrk_sim_report": L.mtrk_sim_report_init, "mtrk_bounce_recipient": L.mtrk_bounce_recipient_init,
            "mtrk_reputation_settings": L.mtrk_reputation_settings_init,
            "mtrk_reputation": L.mtrk_reputation_init, "mtrk_bounce_policy": L.mtrk_bounce_policy_init,
            "mtrk_webhook_request": L.mtrk_webhook_request_init,
            "mtrk_webhook_key_info": L.mtrk_webhook_key_info_init,
            "mtrk_webhook_settings": L.mtrk_webhook_settings_init,
            "mtrk_deadletter_info": L.mtrk_deadletter_info_init,
        }
        for name, init in inits.items():
            with self.subTest(struct=name):
                cls = _lib.STRUCTS[name]
                s = cls()
                self.assertEqual(init(ctypes.byref(s), cls.VERSION), 0)
                self.assertEqual(s.version, cls.VERSION)


if __name__ == "__main__":
    unittest.main()
