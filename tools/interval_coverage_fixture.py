#!/usr/bin/env python3
"""Interval-coverage fixtures for shoplens' backtest (forecast::backtest::interval_coverage).

Runs statsforecast 2.1.1's `StatsForecast.cross_validation(h, n_windows=3, step_size=h,
level=[80, 95])` with fixed-component ETS models (`AutoETS(model=..., damped=False)`, one
form each, fitted by maximum likelihood on each window's training part) and writes, per
series, form and window: the training length, the held-out values, the point forecast,
the 80 % and 95 % bounds per step, and how many held-out values lie inside each band
(bounds included). shoplens fits the same form on the same training part and must find
the same bounds (within the parameter-fit tolerance) and the same counts.

Series (committed in the repository, read from there):
  wineind       testdata/pmdarima-wineind/wineind.csv, monthly, m = 12, h = 12;
                forms ANA and AAA (pmdarima, MIT; data from R's forecast package);
  ShampooSales  testdata/sktime-shampoo-sales/ShampooSales.csv, monthly, h = 6,
                non-seasonal forms ANN and AAN (sktime, BSD-3-Clause).
Each fixture is written next to its series as interval_coverage_statsforecast.json.

Pinned: statsforecast 2.1.1, coreforecast 0.0.20, numpy and pandas as printed in the JSON.
Usage: /work/venv-bench/bin/python tools/interval_coverage_fixture.py
"""
import json
import os

import numpy as np
import pandas as pd
import statsforecast
from statsforecast import StatsForecast
from statsforecast.models import AutoETS

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WINDOWS = 3
LEVELS = [80, 95]

SERIES = [
    ("wineind", "testdata/pmdarima-wineind/wineind.csv", "wine_sales", 12, 12, ["ANA", "AAA"]),
    ("ShampooSales", "testdata/sktime-shampoo-sales/ShampooSales.csv", "Sales", 1, 6, ["ANN", "AAN"]),
]


def cross_validate(y, m, h, form):
    df = pd.DataFrame(
        {
            "unique_id": "s",
            "ds": np.arange(1, len(y) + 1),
            "y": y,
        }
    )
    model = AutoETS(season_length=m, model=form, damped=False, alias="ets")
    sf = StatsForecast(models=[model], freq=1, n_jobs=1)
    cv = sf.cross_validation(df=df, h=h, n_windows=WINDOWS, step_size=h, level=LEVELS)
    windows = []
    for cutoff, part in cv.groupby("cutoff", sort=True):
        part = part.sort_values("ds")
        actual = part["y"].to_numpy(float)
        entry = {
            "train_len": int(cutoff),
            "actual": actual.tolist(),
            "forecast": part["ets"].to_numpy(float).tolist(),
        }
        for level in LEVELS:
            lo = part[f"ets-lo-{level}"].to_numpy(float)
            hi = part[f"ets-hi-{level}"].to_numpy(float)
            entry[f"lo_{level}"] = lo.tolist()
            entry[f"hi_{level}"] = hi.tolist()
            entry[f"inside_{level}"] = int(np.sum((lo <= actual) & (actual <= hi)))
        windows.append(entry)
    steps = sum(len(w["actual"]) for w in windows)
    pooled = {str(level): sum(w[f"inside_{level}"] for w in windows) / steps for level in LEVELS}
    return windows, pooled


def main():
    for name, path, column, m, h, forms in SERIES:
        y = pd.read_csv(os.path.join(REPO, path))[column].to_numpy(float)
        out = {
            "tool": "statsforecast StatsForecast.cross_validation with AutoETS(model=FORM, damped=False)",
            "tool_version": statsforecast.__version__,
            "numpy_version": np.__version__,
            "pandas_version": pd.__version__,
            "script": "tools/interval_coverage_fixture.py",
            "series": name,
            "file": path,
            "column": column,
            "season": m,
            "horizon": h,
            "n_windows": WINDOWS,
            "levels": LEVELS,
            "forms": [],
        }
        for form in forms:
            windows, pooled = cross_validate(y, m, h, form)
            out["forms"].append({"form": form, "windows": windows, "coverage": pooled})
            print(f"{name:13s} {form}: coverage 80 % {pooled['80']:.3f}, 95 % {pooled['95']:.3f}")
        target = os.path.join(REPO, os.path.dirname(path), "interval_coverage_statsforecast.json")
        with open(target, "w") as f:
            json.dump(out, f, indent=1)
        print("wrote", os.path.relpath(target, REPO))


if __name__ == "__main__":
    main()
