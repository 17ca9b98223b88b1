#!/usr/bin/env python3
"""Theta fixtures for shoplens' forecast::theta, produced by statsforecast.

shoplens' Theta is statsforecast's `Theta` (the standard theta model, STM, of Fiorucci et
al. 2016, θ = 2): the series is seasonally adjusted when the lag-m autocorrelation is
significant at 90 % (m ≥ 4 and n ≥ 2m), by a classical decomposition (multiplicative on
positive data unless an index falls below 0.01); the initial level ℓ0 and α in [0.1, 0.99]
minimise the squared one-step errors from the fourth value on; A_n and B_n are the
intercept and slope of a line through the whole (adjusted) series.

For each series this writes statsforecast 2.1.1's `Theta(season_length=m)` fit: whether
and how it decomposed, α, ℓ0, A_n, B_n, the criterion it minimised (`mse`: the squared
errors from the fourth on divided by mean |x|), and the point forecast; and, with α and ℓ0
fixed (`statsforecast.theta.auto_theta(..., model="STM", alpha=..., initial_smoothed=...)`),
the forecast of the same recursions without any search. Prediction intervals are left out:
statsforecast simulates them.

Series (each entry names its source):
  ShampooSales  testdata/sktime-shampoo-sales/ShampooSales.csv (sktime, BSD-3-Clause), m = 12;
  wineind       testdata/pmdarima-wineind/wineind.csv (pmdarima, MIT), m = 12;
  nile          statsmodels.datasets.nile (annual Nile flow 1871-1970), m = 1;
  realgdp       statsmodels.datasets.macrodata `realgdp` (quarterly, 1959Q1-2009Q3), m = 4;
  co2           statsmodels.datasets.co2 weekly Mauna Loa CO2, monthly means ("MS"), gaps
                filled backwards, 1990-01 onwards, m = 12;
  wineind_diff  wineind's seasonal differences (negative values: additive adjustment), m = 12.

Pinned: statsforecast 2.1.1 (numpy and statsmodels versions in the JSON).
Usage: /work/venv/bin/python tools/theta_fixture.py
"""
import json
import os
from importlib.metadata import version

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsforecast.models import Theta
from statsforecast.theta import auto_theta, forecast_theta

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "testdata", "fixtures", "forecast_theta.json")


def repo_csv(path, column):
    return pd.read_csv(os.path.join(REPO, path))[column].to_numpy(np.float64)


def co2_monthly():
    weekly = sm.datasets.co2.load_pandas().data["co2"]
    monthly = weekly.resample("MS").mean()
    monthly = monthly.fillna(monthly.bfill())
    return monthly["1990-01-01":].to_numpy(np.float64)


WINE = repo_csv("testdata/pmdarima-wineind/wineind.csv", "wine_sales")

# name, source, values, season, horizon, fixed (alpha, initial level as a share of y[0])
SERIES = [
    ("ShampooSales", "testdata/sktime-shampoo-sales/ShampooSales.csv",
     repo_csv("testdata/sktime-shampoo-sales/ShampooSales.csv", "Sales"), 12, 6, (0.3, 0.5)),
    ("wineind", "testdata/pmdarima-wineind/wineind.csv", WINE, 12, 12, (0.2, 1.0)),
    ("nile", "statsmodels.datasets.nile volume",
     sm.datasets.nile.load_pandas().data["volume"].to_numpy(np.float64), 1, 10, (0.25, 1.0)),
    ("realgdp", "statsmodels.datasets.macrodata realgdp (quarterly)",
     sm.datasets.macrodata.load_pandas().data["realgdp"].to_numpy(np.float64), 4, 8, (0.9, 1.0)),
    ("co2", "statsmodels.datasets.co2, monthly means from 1990-01, gaps filled backwards",
     co2_monthly(), 12, 12, (0.5, 0.9)),
    ("wineind_diff", "testdata/pmdarima-wineind/wineind.csv, y[t] - y[t-12]",
     WINE[12:] - WINE[:-12], 12, 12, (0.4, 0.0)),
]


def main():
    series = []
    for name, source, y, m, h, (alpha, share) in SERIES:
        model = Theta(season_length=m).fit(y)
        fit = model.model_
        states = np.asarray(fit["states"])
        decompose = bool(fit.get("decompose", False))
        entry = {
            "name": name,
            "source": source,
            "season": m,
            "horizon": h,
            "values": y.tolist(),
            "decomposed": fit.get("decomposition_type") if decompose else None,
            "alpha": float(fit["par"]["alpha"]),
            "level0": float(fit["par"]["initial_smoothed"]),
            "theta": float(fit["par"]["theta"]),
            "intercept": float(states[0, 2]),
            "slope": float(states[0, 3]),
            "mse": float(fit["mse"]),
            "forecast": model.predict(h)["mean"].tolist(),
        }
        level0 = share * float(y[0])
        fixed = auto_theta(y, m, model="STM", alpha=alpha, initial_smoothed=level0)
        entry["fixed"] = {
            "alpha": alpha,
            "level0": level0,
            "mse": float(fixed["mse"]),
            "forecast": forecast_theta(fixed, h)["mean"].tolist(),
        }
        series.append(entry)
        print(f"{name:13s} m={m:2d} decomposed={entry['decomposed']} alpha={entry['alpha']:.6f} "
              f"level0={entry['level0']:.4f} mse={entry['mse']:.6f}")
    doc = {
        "tool": "statsforecast.models.Theta (STM) and statsforecast.theta.auto_theta",
        "tool_version": version("statsforecast"),
        "numpy_version": np.__version__,
        "statsmodels_version": version("statsmodels"),
        "script": "tools/theta_fixture.py",
        "series": series,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
    print("wrote", os.path.relpath(OUT, REPO))


if __name__ == "__main__":
    main()
