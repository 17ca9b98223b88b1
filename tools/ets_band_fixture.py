#!/usr/bin/env python3
"""Prediction-band fixtures for shoplens' ETS forms (forecast::state_space::variance).

Fits statsforecast's `ets_f` with fixed components on the series of `tools/ets_fixture.py`
and writes, per fit, the point forecast and the half-width of the 95 % band for two seasons
(statsforecast's `forecast_ets` with `level=[95]`), so the test can compare the `h`-step
standard deviations, `half / 1.959964`. The class-2 form MAA and the class-3 forms (MNM,
MAM, MAdM) are written too but flagged `"statsforecast_slip": true`: statsforecast 2.1.1
computes MAA's weights as `alpha * beta * j` (the sum `alpha + beta * j` is meant) and never
moves its class-3 mean forward, so for those the test checks shoplens against simulated
paths instead (see variance.rs). Each step's half-width comes from its own call with that
step as the horizon: statsforecast's class-1 seasonal forms (ANA, AAA, AAdA) count the whole
seasons passed from the whole horizon rather than from each step, which is right only for
the last step of a call.

Usage: /work/venv/bin/python tools/ets_band_fixture.py   (writes testdata/forecast/ets_bands.json)
"""
import json
import os

import numpy as np
import statsforecast
from statsforecast.ets import ets_f, forecast_ets

from ets_fixture import series

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "testdata", "forecast", "ets_bands.json")
SLIPS = {"MAA", "MNM", "MAM", "MAdM"}


def main():
    out = {
        "tool": "statsforecast.ets.forecast_ets",
        "tool_version": statsforecast.__version__,
        "numpy_version": np.__version__,
        "script": "tools/ets_band_fixture.py",
        "level": 95,
        "series": [],
    }
    for name, m, y, specs in series():
        if name == "elnino_short":
            continue
        fits = []
        for spec in specs:
            damped = "d" in spec
            comp = spec.replace("d", "")
            mod = ets_f(y, m, model=comp, damped=damped)
            h = 2 * max(m, 4)
            # One call per step, its last value kept: statsforecast's class-1 seasonal forms
            # count whole seasons as floor((h - 1) / m) of the *whole* horizon at every step,
            # which is right only for the last one.
            half = []
            for k in range(1, h + 1):
                fc = forecast_ets(mod, k, level=[95])
                half.append(float(fc["hi-95"][-1] - fc["mean"][-1]))
            fits.append(
                {
                    "model": spec,
                    "mean": [float(v) for v in fc["mean"]],
                    "half95": half,
                    "statsforecast_slip": spec in SLIPS,
                }
            )
            print(f"{name:15s} {spec:5s} half95[0] {half[0]:.4f} half95[-1] {half[-1]:.4f}")
        out["series"].append({"name": name, "season": m, "y": [float(v) for v in y], "fits": fits})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
