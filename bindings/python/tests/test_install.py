"""The package installs offline into a venv (pip install --no-build-isolation)
and works from there."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import mtrk

PKG = Path(__file__).resolve().parent.parent


def _venv_available() -> bool:
    try:
        import ensurepip
        import venv
        del ensurepip, venv
    except ImportError:
        return False
    return True


@unittest.skipUnless(_venv_available(), "python3-venv is not installed (scripts/deps installs it)")
class InstallTest(unittest.TestCase):
    def test_pip_install_into_venv(self) -> None:
        with tempfile.TemporaryDirectory(prefix="mtrk-install-") as d:
            src = Path(d) / "src"
            # A copy, so that the build leaves nothing in the source tree.
            shutil.copytree(PKG, src, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info",
                                                                     "__pycache__"))
            venv = Path(d) / "venv"
            subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True,
                           capture_output=True, timeout=120)
            py = venv / "bin" / "python"
            r = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-build-isolation", "--no-index",
                                str(src)], capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            env["MTRK_LIBRARY"] = mtrk.load().path
            r = subprocess.run([str(py), "-c", "import mtrk; db = mtrk.open(); "
                                "t = db.create_tenant('acme', 'x'); print(mtrk.__file__, t.key); db.close()"],
                               capture_output=True, text=True, env=env, cwd=d, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("site-packages", r.stdout)
            self.assertIn("acme", r.stdout)


if __name__ == "__main__":
    unittest.main()
