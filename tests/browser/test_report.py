#!/usr/bin/env python3
"""The HTML report as a marketer reads it, in headless Chromium.

Builds a store with the mtrk tool where every figure is known (events
ingested one by one: human and machine opens, a scanner's first-hour click
spike, a clicked honeypot, a link with more unique clicks but fewer human ones,
a label too long for one line, leads attributed and not), writes the report of
one campaign and the comparison of two, loads them in Chromium at a wide and a
narrow window, and checks what is rendered:

  rates      every funnel rate of the base docs/metrics.md names, labelled
             "of <base>", the same figure as the JSON and the terminal;
             the leads explanation on the page
  hourly     legend swatches and names in their lines' colours, dates on the
             time axis, human and machine series apart (machine dashed)
  cta        ranked by human unique clicks; the honeypot marked and out of
             the ranking; a long label wrapped, inside the chart
  compare    values and a value axis; only with two or more campaigns
  narrow     at 375 px, nothing wider than the window

Screenshots go to MTRK_TEST_OUT (meson's build dir) and stay there.
Fails, never skips, without Chromium.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Browser, BrowserMissing  # noqa: E402

BIN = os.environ.get("MTRK_BIN", "build/tools/mtrk")
OUT = os.environ.get("MTRK_TEST_OUT", os.path.join(tempfile.gettempdir(), "mtrk-browser-out"))
LONG = "Read the complete and extraordinarily long story of our spring collection, with every detail"
T0 = 1772355600000  # 2026-03-01T09:00:00Z
H = 3600000

PROBE = r"""
function box(e) { var r = e.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height,
  right: r.right}; }
function texts(sel, root) { return Array.prototype.map.call((root || document).querySelectorAll(sel),
  function (t) { return t.textContent; }); }
var out = {charts: {}, innerWidth: window.innerWidth,
           scrollWidth: document.documentElement.scrollWidth};
document.querySelectorAll('svg.chart').forEach(function (s) {
  var k = s.getAttribute('data-chart');
  (out.charts[k] = out.charts[k] || []).push({box: box(s)});
});
var hourly = document.querySelector('svg[data-chart=hourly]');
if (hourly) {
  out.legend = Array.prototype.map.call(hourly.querySelectorAll('g.legend'), function (g) {
    var line = g.querySelector('line'), text = g.querySelector('text');
    var poly = hourly.querySelector('polyline[data-series="' + g.getAttribute('data-series') + '"]');
    return {name: text.textContent, text_fill: getComputedStyle(text).fill,
            swatch: getComputedStyle(line).stroke, line: getComputedStyle(poly).stroke,
            swatch_dash: getComputedStyle(line).strokeDasharray, line_dash: getComputedStyle(poly).strokeDasharray};
  });
  out.dates = texts('text.date', hourly);
  out.ticks = texts('text.tick', hourly);
}
var cta = document.querySelector('svg[data-chart=cta]');
if (cta) {
  var bar0 = cta.querySelector('rect.bar');
  out.cta = Array.prototype.map.call(cta.querySelectorAll('g.row'), function (g) {
    var label = g.querySelector('text.label');
    return {label: Array.prototype.map.call(label.querySelectorAll('tspan'), function (t) { return t.textContent; }),
            box: box(label), value: g.querySelector('text.value').textContent,
            value_box: box(g.querySelector('text.value'))};
  });
  out.cta_svg = box(cta);
  out.cta_bar_x = bar0 ? box(bar0).x : null;
}
out.unranked = texts('ul.unranked li');
out.honeypots = texts('ul.unranked li.honeypot');
out.funnel = Array.prototype.map.call(document.querySelectorAll('svg[data-chart=funnel] g.row'), function (g) {
  return {label: g.querySelector('text.label').textContent, value: g.querySelector('text.value').textContent};
});
out.leads_note = texts('p.note.leads');
out.reasons = Array.prototype.map.call(document.querySelectorAll('svg[data-chart="bounce-reasons"] g.row'),
  function (g) { return {label: Array.prototype.map.call(g.querySelectorAll('text.label tspan'),
                                                          function (t) { return t.textContent; }).join(' ') ||
                                g.querySelector('text.label').textContent,
                         value: g.querySelector('text.value').textContent,
                         hard: g.classList.contains('hard')}; });
out.reasons_note = texts('p.note.bounce-reasons');
var cmp = document.querySelector('svg[data-chart=compare]');
if (cmp) {
  out.compare = {values: texts('text.value', cmp), ticks: texts('g.axis text.tick', cmp),
                 bars: cmp.querySelectorAll('rect.bar').length,
                 groups: Array.prototype.map.call(cmp.querySelectorAll('text.group'), box)};
}
out.too_wide = [];
document.querySelectorAll('svg.chart, table, h2, p, ul').forEach(function (e) {
  if (box(e).right > window.innerWidth + 1) out.too_wide.push(e.tagName + ' ' + (e.getAttribute('data-chart') || ''));
});
return out;
"""


def run(db, *args, stdin=None):
    p = subprocess.run([BIN, "--db", db, "--tenant", "demo"] + list(args), capture_output=True, text=True,
                       timeout=120, input=stdin)
    if p.returncode != 0:
        sys.exit("mtrk %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def build(tmp):
    db = os.path.join(tmp, "r.db")
    subprocess.run([BIN, "--db", db, "init"], check=True, capture_output=True)
    subprocess.run([BIN, "--db", db, "tenant", "create", "demo"], capture_output=True)
    run(db, "tenant", "set", "--tracking-url", "https://t.example.com")
    with open(os.path.join(tmp, "c.csv"), "w") as f:
        f.write("address\n" + "".join("p%d@example.com\n" % i for i in range(20)))
    run(db, "audience", "create", "all")
    run(db, "contacts", "import", os.path.join(tmp, "c.csv"), "--audience", "all")
    page = os.path.join(tmp, "a.html")
    with open(page, "w") as f:
        f.write('<html><body><a href="https://s.example.com/a">Alpha</a>'
                '<a href="https://s.example.com/b">' + LONG + '</a>'
                '<a href="https://s.example.com/trap" data-mtrk-honeypot style="display:none">Trap</a>'
                '<a href="https://s.example.com/p?e=[[Email]]">Profile</a></body></html>')
    for name in ("Spring", "Autumn"):
        run(db, "campaign", "create", "--name", name, "--subject", "S", "--from", "a@example.com",
            "--html-file", page, "--landing-page", "https://s.example.com/lp")
        run(db, "campaign", "attach", name, "all")
        run(db, "generate", name)
        run(db, "campaign", "status", name, "scheduled")
        run(db, "campaign", "status", name, "sending")
    return db


def ingest(db, name, opens_human, opens_machine):
    mids = [json.loads(l)["mid"] for l in run(db, "export", "messages", "--campaign", name,
                                                  "--format", "jsonl").splitlines()]
    links = {json.loads(l)["label"]: json.loads(l)["lid"] for l in run(db, "campaign", "links", name,
                                                                       "--json").splitlines()}
    ev = []

    def add(type_, mid, at, **kw):
        e = {"type": type_, "mid": mid, "occurred_at": at, "provider": "t",
             "provider_event_id": "%s-%d" % (name, len(ev))}
        e.update(kw)
        ev.append(e)

    for i, mid in enumerate(mids):
        add("sent", mid, T0)
        add("delivered", mid, T0 + 60000)
    for i in range(opens_human):
        add("open", mids[i], T0 + (1 + i % 5) * H + 1000)
    for i in range(opens_machine):
        add("open", mids[10 + i], T0 + 2000, verdict="machine", verdict_reason="proxy")
    # Alpha: 5 unique clicks, 1 human (a scanner in the first hour); the long label: 3 human.
    add("click", mids[0], T0 + 2 * H, lid=links["Alpha"])
    for i in range(1, 5):
        add("click", mids[i], T0 + 5000, lid=links["Alpha"], verdict="machine", verdict_reason="scanner")
    for i in range(3):
        add("click", mids[5 + i], T0 + 3 * H, lid=links[LONG])
    for i in range(6):
        add("click", mids[i], T0 + 6000, lid=links["Trap"], verdict="machine", verdict_reason="honeypot")
    # Bounces with their facts: two dead mailboxes (hard), one full (soft).
    for i, (reason, status) in enumerate((("user_unknown", "5.1.1"), ("user_unknown", "5.1.1"),
                                          ("mailbox_full", "4.2.2"))):
        add("bounce", mids[17 + i], T0 + 4 * H, bounce_kind="soft", bounce_reason=reason, bounce_status=status,
            bounce_type="bounce", smtp_code=550 if status[0] == "5" else 452)
    run(db, "events", "ingest", "-", stdin="".join(json.dumps(e) + "\n" for e in ev))
    run(db, "leads", "capture", name, "--address", "p0@example.com", "--key", "l1", "--mid", mids[0],
        "--at", "2026-03-01T12:00:00Z")
    run(db, "leads", "capture", name, "--address", "walkin@example.com", "--key", "l2", "--at", "2026-03-01T12:00:00Z")


def check_single(b, page, js, terminal, errors):
    got = b.probe(page, PROBE, 1200, 2400)
    # Rates: every funnel rate of its base, as the JSON and the terminal say.
    fr = js["funnel_rates"]
    for row in got["funnel"]:
        key = {"leads (attributed)": "leads"}.get(row["label"], row["label"])
        if key == "messages":
            continue
        want = "%.1f%% of %s" % (100 * fr[key]["rate"], fr[key]["of"])
        if want not in row["value"]:
            errors.append("funnel %s shows %r, expected %r" % (key, row["value"], want))
        line = [l for l in terminal.splitlines() if l.strip().startswith(row["label"])]
        if not line or ("%.1f%%" % (100 * fr[key]["rate"])) not in line[0] or fr[key]["of"] not in line[0]:
            errors.append("terminal funnel %s disagrees with the page: %r" % (key, line))
    if fr["opened"]["of"] != "delivered" or abs(fr["opened"]["rate"] - js["rates"]["open"]) > 1e-9:
        errors.append("open rate is not of delivered")
    note = " ".join(got["leads_note"])
    if "%d attributed" % js["leads"]["attributed"] not in note or "%d were captured" % js["leads"]["total"] not in note:
        errors.append("the leads explanation is missing or wrong: %r" % note)
    # Hourly: legend colours, dates, human and machine apart.
    legend = got.get("legend") or []
    if len(legend) != 4:
        errors.append("hourly legend has %d entries, expected 4" % len(legend))
    for g in legend:
        if not (g["text_fill"] == g["swatch"] == g["line"]):
            errors.append("legend %r: text %s, swatch %s, line %s" % (g["name"], g["text_fill"], g["swatch"], g["line"]))
        if (g["swatch_dash"] == "none") != (g["line_dash"] == "none"):
            errors.append("legend %r: swatch and line dashes differ" % g["name"])
    names = [g["name"] for g in legend]
    if not any("machine" in n for n in names) or not any("human" in n for n in names):
        errors.append("hourly chart does not split human and machine: %r" % names)
    if "2026-03-01" not in got.get("dates", []):
        errors.append("no date on the time axis: %r" % got.get("dates"))
    if not any(re.fullmatch(r"\d\d:\d\d", t) for t in got.get("ticks", [])):
        errors.append("no hour on the time axis")
    # CTA ranking.
    cta = got.get("cta") or []
    labels = [" ".join(r["label"]) for r in cta]
    if len(cta) != 2:
        errors.append("CTA ranking has %d rows, expected 2 (honeypot and untracked left out): %r" % (len(cta), labels))
    elif not labels[0].startswith("#1 Read the complete") or not labels[1].startswith("#2 Alpha"):
        errors.append("CTA ranking is not by human unique clicks: %r" % labels)
    if any("Trap" in l for l in labels):
        errors.append("the honeypot is in the ranking")
    if not any("Trap" in h for h in got["honeypots"]):
        errors.append("the honeypot is not marked: %r" % got["unranked"])
    for r in cta:
        if r["box"]["x"] < got["cta_svg"]["x"] - 0.5 or r["box"]["right"] > got["cta_bar_x"] + 0.5:
            errors.append("CTA label %r is clipped or overlaps the bars: %r" % (r["label"], r["box"]))
        if r["value_box"]["right"] > got["cta_svg"]["right"] + 0.5:
            errors.append("CTA value %r is cut at the right edge" % r["value"])
    long_rows = [r for r in cta if "Read" in " ".join(r["label"])]
    if long_rows and len(long_rows[0]["label"]) < 2:
        errors.append("the long label is not wrapped: %r" % long_rows[0]["label"])
    if "compare" in got["charts"]:
        errors.append("a comparison chart for one campaign")
    if got["too_wide"]:
        errors.append("wider than the window at 1200 px: %r" % got["too_wide"])
    b.screenshot(page, os.path.join(OUT, "report-wide.png"), 1200, 2400)
    narrow = b.probe(page, PROBE, 375, 2400)
    if narrow["scrollWidth"] > narrow["innerWidth"] + 1 or narrow["too_wide"]:
        errors.append("does not fit 375 px: scroll width %s, too wide %r" % (narrow["scrollWidth"], narrow["too_wide"]))
    b.screenshot(page, os.path.join(OUT, "report-narrow.png"), 375, 2400)


def check_reasons(got, js, terminal, errors):
    """Bounces by reason: the chart's rows, the JSON and the terminal agree."""
    if js.get("bounce_reasons") != {"user_unknown": 2, "mailbox_full": 1}:
        errors.append("JSON bounce_reasons: %r" % js.get("bounce_reasons"))
    rows = [(r["label"], r["value"].split(" ")[0], r["hard"]) for r in got["reasons"]]
    if rows != [("user unknown (hard)", "2", True), ("mailbox full (soft)", "1", False)]:
        errors.append("bounce reasons chart rows: %r" % got["reasons"])
    if not re.search(r"BOUNCES BY REASON[^\n]*\n  user unknown +2 +66\.7%  hard\n  mailbox full +1 +33\.3%  soft", terminal):
        errors.append("terminal bounce reasons: %r" % terminal[terminal.find("BOUNCES BY"):][:200])
    if got["reasons_note"]:
        errors.append("the no-reason note shows with reasons: %r" % got["reasons_note"])


def check_compare(b, page, errors):
    got = b.probe(page, PROBE, 1200, 4000)
    cmp = got.get("compare")
    if cmp is None:
        errors.append("no comparison chart for two campaigns")
        return
    if cmp["bars"] != 10 or len(cmp["values"]) != 10 or not all(v.endswith("%") for v in cmp["values"]):
        errors.append("comparison bars without their values: %r" % cmp)
    if len(cmp["ticks"]) < 3 or not all(t.endswith("%") for t in cmp["ticks"]):
        errors.append("comparison chart has no value axis: %r" % cmp["ticks"])
    g = cmp["groups"]
    if any(g[i]["right"] > g[i + 1]["x"] for i in range(len(g) - 1)):
        errors.append("comparison group labels overlap: %r" % g)
    b.screenshot(page, os.path.join(OUT, "report-compare.png"), 1200, 4000)


def main():
    os.makedirs(OUT, exist_ok=True)
    try:
        b = Browser()
    except BrowserMissing as e:
        sys.exit("FAIL: %s. The report test needs a real browser and does not skip." % e)
    tmp = tempfile.mkdtemp(prefix="mtrk-report-")
    errors = []
    try:
        db = build(tmp)
        ingest(db, "Spring", 8, 4)
        ingest(db, "Autumn", 4, 2)
        single = os.path.join(OUT, "report.html")
        run(db, "report", "Spring", "--html", single, "--hours", "12")
        js = json.loads(run(db, "report", "Spring", "--json", "--hours", "12"))
        terminal = run(db, "report", "Spring", "--hours", "12")
        check_single(b, single, js, terminal, errors)
        check_reasons(b.probe(single, PROBE, 1200, 2400), js, terminal, errors)
        both = os.path.join(OUT, "report-compare.html")
        run(db, "report", "--compare", "Spring", "Autumn", "--html", both)
        check_compare(b, both, errors)
    finally:
        b.close()
    if errors:
        sys.exit("FAIL:\n  " + "\n  ".join(errors))
    print("ok: report checked in Chromium; screenshots in %s" % OUT)


if __name__ == "__main__":
    main()
