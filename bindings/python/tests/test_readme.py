"""The README's Python quick start runs as written."""
from __future__ import annotations

import contextlib
import io
import re
import unittest
from pathlib import Path

README = Path(__file__).resolve().parents[3] / "README.md"


class ReadmeTest(unittest.TestCase):
    def test_quick_start_runs(self) -> None:
        text = README.read_text(encoding="utf-8")
        m = re.search(r"## Python quick start.*?```python\n(.*?)```", text, re.S)
        self.assertIsNotNone(m, "README has no Python quick start")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(m.group(1), str(README), "exec"), {})
        self.assertIn("invalid e-mail address", out.getvalue())


if __name__ == "__main__":
    unittest.main()
