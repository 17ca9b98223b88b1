#!/usr/bin/env python3
"""Fixed-order autoregression fixtures for shoplens' forecast::autoreg, by statsforecast.

For each series and order, statsforecast 2.1.1's
`ARIMA(order=(p, d, 0), seasonal_order=(P, D, 0), season_length=m, include_mean=...,
include_drift=..., method="CSS")` is fitted and its coefficients, residual variance, point
forecasts and 80 / 95 % intervals are written to testdata/fixtures/forecast_ar.json.
The forecasts and intervals are statsforecast's `predict` for those CSS coefficients and
that CSS variance (see `case`: the CSS fit itself does not filter the series).

CSS minimises the sum of squared residuals after the first d + D·m + p + P·m values; for a
pure autoregression that is least squares on the same sample, which shoplens solves exactly.
statsforecast writes a constant R's way, `(1 - φ(B)) (w_t - μ)` with `w` the differenced
series: μ is the `intercept` (no difference) or the `drift` times the span one difference
covers (1 for d = 1, m for D = 1). The intercept shoplens fits on `w` is then
`c = μ (1 - Σ φ)`; the fixture gives both. A seasonal AR lag is only used with p = 0:
statsforecast multiplies `(1 - φ(B)) (1 - Φ B^m)`, shoplens adds lag m to lags 1..p.

Series (each entry in the JSON names its source):
  ShampooSales  testdata/sktime-shampoo-sales/ShampooSales.csv (sktime, BSD-3-Clause), m = 12;
  wineind       testdata/pmdarima-wineind/wineind.csv (pmdarima, MIT), m = 12;
  nile          statsmodels.datasets.nile (annual Nile flow 1871-1970), m = 1;
  realgdp       statsmodels.datasets.macrodata `realgdp` (quarterly, 1959Q1-2009Q3), m = 4;
  co2           statsmodels.datasets.co2 weekly Mauna Loa CO2, monthly means ("MS"), gaps
                filled backwards, 1990-01 onwards, m = 12.

Pinned: statsforecast 2.1.1 (numpy and statsmodels versions in the JSON).
Usage: /work/venv/bin/python tools/ar_fixture.py
"""
import json
import os
from importlib.metadata import version

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsforecast.models import ARIMA

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "testdata", "fixtures", "forecast_ar.json")
LEVELS = [80, 95]


def repo_csv(path, column):
    return pd.read_csv(os.path.join(REPO, path))[column].to_numpy(np.float64)


def co2_monthly():
    weekly = sm.datasets.co2.load_pandas().data["co2"]
    monthly = weekly.resample("MS").mean()
    monthly = monthly.fillna(monthly.bfill())
    return monthly["1990-01-01":].to_numpy(np.float64)


# name, source, values, season, horizon, orders as (p, d, P, D, constant)
SERIES = [
    (
        "ShampooSales",
        "testdata/sktime-shampoo-sales/ShampooSales.csv",
        repo_csv("testdata/sktime-shampoo-sales/ShampooSales.csv", "Sales"),
        12,
        6,
        [(1, 0, 0, 0, True), (2, 1, 0, 0, True), (3, 1, 0, 0, False)],
    ),
    (
        "wineind",
        "testdata/pmdarima-wineind/wineind.csv",
        repo_csv("testdata/pmdarima-wineind/wineind.csv", "wine_sales"),
        12,
        12,
        [(2, 0, 0, 1, True), (0, 0, 1, 1, True), (1, 1, 0, 1, False)],
    ),
    (
        "nile",
        "statsmodels.datasets.nile volume",
        sm.datasets.nile.load_pandas().data["volume"].to_numpy(np.float64),
        1,
        10,
        [(1, 0, 0, 0, True), (2, 0, 0, 0, True), (2, 1, 0, 0, True)],
    ),
    (
        "realgdp",
        "statsmodels.datasets.macrodata realgdp (quarterly)",
        sm.datasets.macrodata.load_pandas().data["realgdp"].to_numpy(np.float64),
        4,
        8,
        [(1, 1, 0, 0, True), (2, 1, 0, 0, True), (2, 2, 0, 0, False), (0, 1, 1, 0, True)],
    ),
    (
        "co2",
        "statsmodels.datasets.co2, monthly means from 1990-01, gaps filled backwards",
        co2_monthly(),
        12,
        12,
        [(2, 1, 0, 1, False), (0, 0, 1, 1, True), (1, 0, 0, 1, True)],
    ),
]


def case(y, m, h, p, d, sp, sd, constant):
    def arima(**kwargs):
        return ARIMA(
            order=(p, d, 0),
            seasonal_order=(sp, sd, 0),
            season_length=m,
            include_mean=constant and d + sd == 0,
            include_drift=constant and d + sd == 1,
            **kwargs,
        ).fit(y)

    model = arima(method="CSS")
    coef = {k: float(v) for k, v in model.model_["coef"].items()}
    ar = [coef.get(f"ar{i}", 0.0) for i in range(1, p + 1)]
    sar = coef.get("sar1")
    phi_sum = sum(ar) + (sar or 0.0)
    if "intercept" in coef:
        mu = coef["intercept"]
    elif "drift" in coef:
        mu = coef["drift"] * (m if sd == 1 else 1)
    else:
        mu = 0.0
    # statsforecast 2.1.1's CSS fit leaves its state-space filter unrun (its own forecasts
    # are the mean or drift alone), so the forecasts come from the same model with the CSS
    # coefficients fixed, which runs the filter, and the CSS variance put back.
    filtered = arima(method="ML", fixed=dict(model.model_["coef"]))
    filtered.model_["sigma2"] = model.model_["sigma2"]
    fc = filtered.predict(h, level=LEVELS)
    residuals = np.asarray(model.model_["residuals"], dtype=float)
    return {
        "p": p,
        "d": d,
        "seasonal_p": sp,
        "seasonal_d": sd,
        "constant": constant,
        "coef": coef,
        "ar": ar,
        "seasonal_ar": sar,
        "constant_on_differences": mu * (1.0 - phi_sum),
        "sigma2": float(model.model_["sigma2"]),
        "css_sse": float(np.nansum(residuals**2)),
        "forecast": fc["mean"].tolist(),
        **{
            f"{level}": {"lower": fc[f"lo-{level}"].tolist(), "upper": fc[f"hi-{level}"].tolist()}
            for level in LEVELS
        },
    }


def main():
    series = []
    for name, source, y, m, h, orders in SERIES:
        cases = []
        for p, d, sp, sd, constant in orders:
            c = case(y, m, h, p, d, sp, sd, constant)
            cases.append(c)
            print(f"{name:13s} ({p},{d},0)({sp},{sd},0)[{m}] c={constant}: {c['coef']}")
        series.append(
            {"name": name, "source": source, "season": m, "horizon": h, "values": y.tolist(), "cases": cases}
        )
    doc = {
        "tool": "statsforecast.models.ARIMA(method='CSS')",
        "tool_version": version("statsforecast"),
        "numpy_version": np.__version__,
        "statsmodels_version": version("statsmodels"),
        "script": "tools/ar_fixture.py",
        "series": series,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
    print("wrote", os.path.relpath(OUT, REPO))


if __name__ == "__main__":
    main()
