"""Library discovery, version check, and the prototype table against the
symbols the library exports."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import unittest
from pathlib import Path

import mtrk
from mtrk import _lib

PKG_ROOT = Path(__file__).resolve().parent.parent
REPO = PKG_ROOT.parent.parent

# Exported functions the binding deliberately leaves out: the store contract
# is for writing backends in C (its table catalogue is of no use to a Python
# host); ids are converted in Python (uuid.UUID).
NOT_BOUND = {"mtrk_store_table_count", "mtrk_store_table", "mtrk_store_sort_key", "mtrk_store_queue_state",
             "mtrk_store_event_hour"}


def run_python(code: str, **env: "str | None") -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(PKG_ROOT)
    for k, v in env.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=e, capture_output=True,
                          text=True, timeout=60)


class LoadTest(unittest.TestCase):
    def test_version_checked(self) -> None:
        L = mtrk.load()
        self.assertEqual(L.version_number // 1000000, mtrk.SUPPORTED_MAJOR)
        self.assertRegex(mtrk.version(), r"^\d+\.\d+\.\d+$")

    def test_every_prototype_symbol_exists(self) -> None:
        L = mtrk.load()
        for name, restype, argtypes in _lib._PROTOTYPES:
            with self.subTest(name=name):
                fn = getattr(L.cdll, name)  # AttributeError if not exported
                self.assertIs(fn.restype, restype)
                self.assertEqual(list(fn.argtypes), list(argtypes))
                self.assertIn(name, L.declared)

    def test_every_exported_function_is_bound(self) -> None:
        sym = (REPO / "src" / "libmtrk.sym").read_text()
        exported = set(re.findall(r"\b(mtrk_[a-z0-9_]+)\s*;", sym))
        self.assertTrue(exported, "no symbol read from src/libmtrk.sym")
        declared = {n for n, _, _ in _lib._PROTOTYPES + _lib._OPTIONAL_PROTOTYPES}
        missing = sorted(exported - declared - NOT_BOUND)
        self.assertEqual(missing, [], "exported functions the binding does not declare")

    def test_no_prototype_lacks_types(self) -> None:
        for name, restype, argtypes in _lib._PROTOTYPES:
            self.assertIsInstance(argtypes, list, name)
            for a in argtypes:
                self.assertFalse(a is int or a is str, name)

    def test_explicit_path_not_found(self) -> None:
        r = run_python("""
            import mtrk
            try:
                mtrk.load("/nonexistent/libmtrk.so.1")
            except mtrk.LibraryError as e:
                print("ERR", e)
        """)
        self.assertIn("ERR libmtrk not found", r.stdout, r.stderr)
        self.assertIn("explicit path: /nonexistent/libmtrk.so.1 (no such file)", r.stdout)

    def test_nothing_found_lists_every_place(self) -> None:
        r = run_python("""
            import mtrk, ctypes.util
            from pathlib import Path
            from mtrk import _lib
            _lib.BUILD_LIBRARY = Path("/nonexistent/build/libmtrk.so.1")
            ctypes.util.find_library = lambda name: None
            try:
                mtrk.open("memory:")
            except mtrk.LibraryError as e:
                print("ERR", e)
        """, MTRK_LIBRARY="/nowhere/libmtrk.so.1", LD_LIBRARY_PATH=None)  # meson sets it to build/
        out = r.stdout
        self.assertIn("ERR libmtrk not found", out, r.stderr)
        self.assertIn("MTRK_LIBRARY: /nowhere/libmtrk.so.1", out)
        self.assertIn("build directory: /nonexistent/build/libmtrk.so.1", out)
        self.assertIn("system loader: libmtrk.so.1", out)
        self.assertIn("set MTRK_LIBRARY", out)

    def test_env_then_build_directory(self) -> None:
        lib = mtrk.load().path
        r = run_python("""
            import mtrk
            print("PATH", mtrk.load().path)
        """, MTRK_LIBRARY=lib)
        self.assertIn(f"PATH {lib}", r.stdout, r.stderr)
        build = _lib.BUILD_LIBRARY
        if build.exists():
            r = run_python("""
                import mtrk
                print("PATH", mtrk.load().path)
            """, MTRK_LIBRARY=None)
            self.assertIn(f"PATH {build}", r.stdout, r.stderr)

    def test_open_with_library_argument(self) -> None:
        lib = mtrk.load().path
        r = run_python(f"""
            import mtrk
            with mtrk.open("memory:", library={lib!r}) as db:
                print("OK", mtrk.load().path)
            try:
                mtrk.load("/elsewhere/libmtrk.so.1")
            except mtrk.LibraryError as e:
                print("ERR", e)
        """, MTRK_LIBRARY="/nowhere/libmtrk.so.1")
        self.assertIn(f"OK {lib}", r.stdout, r.stderr)
        self.assertIn("ERR libmtrk is already loaded", r.stdout)

    def test_unsupported_major_refused(self) -> None:
        r = run_python("""
            import mtrk
            from mtrk import _lib
            _lib.SUPPORTED_MAJOR = 2
            try:
                mtrk.load()
            except mtrk.LibraryError as e:
                print("ERR", e)
        """)
        self.assertIn("is not supported: this binding needs 2.x", r.stdout, r.stderr)

    def test_wrong_path_type(self) -> None:
        with self.assertRaises(TypeError):
            mtrk.load(42)  # type: ignore[arg-type]


if __name__ == "__main__":
    unittest.main()
