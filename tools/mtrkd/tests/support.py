"""Shared by mtrkd's tests: a database with two tenants built through the
Python binding, and the server started on a loopback port of its own."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from typing import Dict, List, Optional, Tuple

SRC = os.environ.get("MTRK_SRC", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(SRC, "bindings", "python"))

MTRKD = os.environ.get("MTRKD_BIN", "build/tools/mtrkd/mtrkd")
HOST = "https://t.example.com"
HTML = ('<html><body><a href="https://shop.example.com/buy">Buy now</a>'
        '<a href="https://shop.example.com/lookbook">Lookbook</a>'
        '<a href="https://shop.example.com/pricing">Pricing</a>'
        '<a href="{{unsubscribe_url}}">Unsubscribe</a></body></html>')
#: The API token of each fixture tenant (created in the database by Fixture).
TOKENS: Dict[str, str] = {}
UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/130.0"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


def path_of(url: str) -> str:
    assert url.startswith(HOST), url
    return url[len(HOST):]


class Fixture:
    """Tenants acme and beta, each with one sending campaign of n messages,
    three links and a landing page; URLs as paths on the server. Built in a
    child interpreter (the library is loaded there, not in the test), so
    that a sanitizer build can preload its runtime into that child alone
    (MTRK_PRELOAD)."""

    def __init__(self, directory: str, n: int = 6, target: Optional[str] = None,
                 keys: Tuple[str, str] = ("acme", "beta"), urls: Optional[Tuple[str, ...]] = None) -> None:
        self.path = target or os.path.join(directory, "mtrk.db")
        env = dict(os.environ)
        if os.environ.get("MTRK_PRELOAD"):
            env["LD_PRELOAD"] = os.environ["MTRK_PRELOAD"]
            env["ASAN_OPTIONS"] = "detect_leaks=0"
        kinds = ["--urls", ",".join(urls)] if urls else []
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--fixture", self.path, str(n), *kinds, *keys],
                             env=env, check=True, capture_output=True, text=True)
        self.t: Dict[str, Dict[str, object]] = json.loads(out.stdout)
        TOKENS.update({k: str(v["token"]) for k, v in self.t.items()})


URL_KINDS = ("open", "click", "click2", "unsub", "landing")


def build_fixture(path: str, n: int, keys: List[str],
                  urls: Tuple[str, ...] = URL_KINDS) -> Dict[str, Dict[str, object]]:
    """The fixture's tenants; `urls` names the kinds of URL made for every
    message (each is a library call per message: a benchmark of many
    messages asks only for those it uses)."""
    import mtrk
    from mtrk import UrlKind
    db = mtrk.open(path)
    tenants: Dict[str, Dict[str, object]] = {}
    for key in keys:
        t = db.create_tenant(key, "test:setup")
        t.set_settings(tracking_base_url=HOST)
        ids = [t.add_contact("user%d@%s.example" % (i, key))[0] for i in range(n)]
        aud = t.create_audience("all")
        t.add_members(aud, ids)
        camp = t.create_campaign(name="Spring " + key, subject="Spring is here",
                                 from_address="news@%s.example" % key, html=HTML)
        t.create_landing_page(camp, "spring", "https://shop.example.com/spring")
        t.attach_audience(camp, aud)
        t.set_campaign_status(camp, mtrk.CampaignStatus.SCHEDULED)
        t.set_campaign_status(camp, mtrk.CampaignStatus.SENDING)
        t.generate(camp)
        mids = list(t.claim(camp, n, 60000).mids)
        for m in mids:
            t.mark_sent(m, T0)
        links = list(t.links(camp))
        _, token = t.create_api_token("test")
        make = {
            "open": lambda m: t.track_url(UrlKind.OPEN, m),
            "click": lambda m: t.track_url(UrlKind.CLICK, m, links[0].id),
            "click2": lambda m: t.track_url(UrlKind.CLICK, m, links[1].id),
            "unsub": lambda m: t.track_url(UrlKind.UNSUBSCRIBE, m),
            "landing": lambda m: t.track_url(UrlKind.LANDING, m),
        }
        tenants[key] = {
            "token": token,
            "campaign": str(camp), "mids": [str(m) for m in mids], "links": [str(l.id) for l in links],
            "link_urls": [l.url for l in links], "contacts": [str(c) for c in ids],
        }
        for kind in urls:
            tenants[key][kind] = [path_of(make[kind](m)) for m in mids]
    db.close()
    return tenants


class Server:
    """mtrkd on 127.0.0.1 and a port the kernel picks."""

    def __init__(self, db: str, directory: str, *args: str, env: Optional[Dict[str, str]] = None) -> None:
        self.log = os.path.join(directory, "access.log")
        self.stderr = open(os.path.join(directory, "mtrkd.stderr"), "w+")
        e = dict(os.environ)
        e.update(env or {})
        self.proc = subprocess.Popen(
            [MTRKD, "--listen", "127.0.0.1:0", "--db", db, "--access-log", self.log,
             "--threads", "2", *args], stdout=subprocess.PIPE, stderr=self.stderr, text=True, env=e)
        line = self.proc.stdout.readline()
        if "port" not in line:
            self.proc.kill()
            self.stderr.seek(0)
            raise RuntimeError("mtrkd did not start: %r %s" % (line, self.stderr.read()))
        self.port = int(line.split("(port ")[1].split(")")[0])

    def url(self, path: str) -> str:
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout=30)
        finally:
            self.proc.stdout.close()
            self.stderr.close()
        return rc

    def stderr_text(self) -> str:
        if not self.stderr.closed:
            self.stderr.flush()
        with open(self.stderr.name) as f:
            return f.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):  # type: ignore[override]
        return None


def export_events(db: str, tenant: str) -> List[dict]:
    """Every event of the tenant, through the mtrk tool's export."""
    out = subprocess.run([os.environ.get("MTRK_BIN", "build/tools/mtrk"), "--db", db, "--tenant", tenant,
                          "export", "events", "--format", "jsonl"], check=True, capture_output=True, text=True)
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def wait_for(pred, timeout: float = 10.0) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


def tmpdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="mtrkd-test-")


if __name__ == "__main__" and sys.argv[1:2] == ["--fixture"]:
    rest = sys.argv[4:]
    kinds = URL_KINDS
    if rest[:1] == ["--urls"]:
        kinds, rest = tuple(rest[1].split(",")), rest[2:]
    print(json.dumps(build_fixture(sys.argv[2], int(sys.argv[3]), rest, kinds)))
