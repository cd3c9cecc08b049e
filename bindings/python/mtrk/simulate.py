"""The seeded campaign simulator (include/mtrk/simulate.h), as a Tenant method."""
from __future__ import annotations

import ctypes
import dataclasses
import uuid
from ctypes import byref
from typing import TYPE_CHECKING, Any, List, Optional

from . import _convert as cv
from . import _lib
from ._handle import Use
from .types import SimOptions, SimReport

if TYPE_CHECKING:
    from .tenant import TenantBase as _Base
else:
    _Base = object


def _float_in(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a float, not {type(value).__name__}")
    return float(value)


class SimulateMixin(_Base):
    def simulate(self, campaign: uuid.UUID, options: Optional[SimOptions] = None, **fields: Any) -> SimReport:
        """Simulates `campaign` (demos and tests only): claims and marks sent its
        queued messages when it is sending, then feeds a seeded, realistic
        stream of provider events through the normal recording path. Options
        as a SimOptions or its fields as keyword arguments; fields left None
        keep the library's defaults. The same seed on the same data gives the
        same events. On failure the error raised carries `.report`, the counts
        of what was done before it."""
        L = self._L
        c = cv.id_in(campaign, "campaign")
        if options is None:
            try:
                options = SimOptions(**fields)
            except TypeError as exc:
                raise TypeError(f"simulate: {exc}") from None
        elif fields:
            options = dataclasses.replace(options, **fields)
        if not isinstance(options, SimOptions):
            raise TypeError(f"options must be a SimOptions, not {type(options).__name__}")
        o = self._init(_lib.mtrk_sim_options, L.mtrk_sim_options_init)
        if options.seed is not None:
            o.seed = cv.int_in(options.seed, "seed", 0, (1 << 64) - 1)
        if options.start is not None:
            o.start = cv.time_in(options.start, "start")
        for name in _lib.SIM_RATES + ("half_life_hours", "spread_hours"):
            v = getattr(options, name)
            if v is not None:
                setattr(o, name, _float_in(v, name))
        if options.send_interval is not None:
            o.send_interval_ms = cv.duration_ms_in(options.send_interval, "send_interval")
        keep: List[Any] = []
        if options.link_weights is not None:
            lw = options.link_weights
            if not hasattr(lw, "items"):
                raise TypeError(f"link_weights must be a mapping of uuid.UUID to float, not {type(lw).__name__}")
            arr = (_lib.mtrk_sim_link_weight * max(len(lw), 1))()
            for i, (lid, w) in enumerate(lw.items()):
                arr[i].lid = cv.id_in(lid, f"link_weights key {i}")
                arr[i].weight = _float_in(w, f"link_weights[{lid}]")
            keep.append(arr)
            o.link_weights = arr
            o.nlink_weights = len(lw)
            o.link_weight_size = ctypes.sizeof(_lib.mtrk_sim_link_weight)
        r = self._init(_lib.mtrk_sim_report, L.mtrk_sim_report_init)
        with Use(self._h) as t:
            rc = L.mtrk_simulate(byref(r), t, c, byref(o))
            report = SimReport(**{n: getattr(r, n) for n in _lib.SIM_COUNTS})
            if rc:
                try:
                    self._raise(rc)
                except Exception as exc:
                    exc.report = report  # type: ignore[attr-defined]
                    raise
        return report
