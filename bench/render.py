#!/usr/bin/env python3
"""Rendering at send speed through the Python binding (docs/performance.md).

    render.py BENCH_RENDER   environment: MTRK_LIBRARY, MTRK_BENCH_RUNS (3),
                             MTRK_BENCH_RENDERS (5000)

Renders the same template as bench/render.c (built here in the same way: 30 KB,
10 links) through Tenant.render, and compares with the baseline that
BENCH_RENDER --baseline measures right after each run. Medians of the runs.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import mtrk

NLINKS = 10
TEMPLATE_BYTES = 30 * 1024


def template() -> str:
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>News</title>'
           '<style>body{margin:0;font-family:Arial}td{padding:8px}.btn{color:#fff}</style>'
           '</head><body><table width="600" cellpadding="0" cellspacing="0">']
    per = (TEMPLATE_BYTES - 600) // NLINKS
    for i in range(NLINKS):
        block = f'<tr><td class="block"><h2 style="color:#333">Section {i}</h2><p>'
        while len(block) < per - 220:
            block += "Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit, sed do. "
        block += (f'</p><a class="btn" href="https://shop.example.com/p/{i}?utm_source=news&amp;'
                  f'utm_medium=email" style="background:#07c">Read more {i}</a></td></tr>')
        out.append(block)
    out.append('<tr><td><a href="{{unsubscribe_url}}">Unsubscribe</a></td></tr></table></body></html>')
    return "".join(out)


def one_run(html: str, renders: int) -> float:
    with mtrk.open("memory:") as db, db.create_tenant("bench", "bench:python") as t:
        t.set_settings(tracking_base_url="https://t.example.com/track")
        aud = t.create_audience("all")
        ids = [t.add_contact(f"c{i}@example.com")[0] for i in range(200)]
        t.add_members(aud, ids)
        c = t.create_campaign(name="render", subject="News", from_address="news@example.com", html=html,
                              text="Read more: https://shop.example.com/p/1?utm_source=news&utm_medium=email\n")
        t.attach_audience(c, aud)
        t.generate(c)
        mids = [m.mid for m in t.messages(c)]
        t0 = time.perf_counter()
        for i in range(renders):
            t.render(mids[i % len(mids)])
        return renders / (time.perf_counter() - t0)


def main() -> int:
    runs = int(os.environ.get("MTRK_BENCH_RUNS", "3"))
    renders = int(os.environ.get("MTRK_BENCH_RENDERS", "5000"))
    html = template()
    figs, bases, ratios = [], [], []
    for _ in range(runs):
        figs.append(one_run(html, renders))
        if len(sys.argv) > 1:
            out = subprocess.run([sys.argv[1], "--baseline", str(renders)], check=True, capture_output=True,
                                 text=True, env=dict(os.environ, MTRK_BENCH_RUNS="1"))
            bases.append(float(out.stdout.strip()))
            ratios.append(figs[-1] / bases[-1])
    print(f"render-python: template {len(html.encode())} octets, {NLINKS} links, {renders} renders, "
          f"medians of {runs} runs")
    line = f"  python Tenant.render {statistics.median(figs):8.0f} messages/s"
    if ratios:
        line += (f", baseline (copy + 12 HMACs) {statistics.median(bases):8.0f}/s,"
                 f" ratio {statistics.median(ratios):.3f}")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
