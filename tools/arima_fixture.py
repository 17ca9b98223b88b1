#!/usr/bin/env python3
"""ARIMA fixtures for shoplens' seasonal ARIMA fitted by CSS-ML (forecast::arima).

Fits statsforecast 2.1.1's `statsforecast.models.ARIMA(order=..., seasonal_order=...,
season_length=..., include_mean=..., include_drift=..., method="CSS-ML")` with fixed orders
on public series and writes, per case: the coefficients (ar, ma, sar, sma, then intercept
or drift, in statsforecast's order), sigma2 (statsforecast's: the sum of squared
standardised innovations over nstar - npar + 1), the log-likelihood, AIC, AICc, BIC, and
the first h point forecasts with their 80 % and 95 % intervals; and, from a separate
`method="CSS"` fit, the conditional-sum-of-squares coefficients CSS-ML starts from.

statsforecast 2.1.1's ML stage does not move from the CSS start when the model has
differences (d + D > 0): `arima_like` writes its predicted covariance into the model's `Pn`
and `upARIMA` restores only the ARMA block, so after the first evaluation the differencing
states start with (almost) zero variance instead of kappa = 1e6, every trial point looks
worse than the start, and BFGS stops with status 2 at the start. Such fits report the CSS
coefficients with the exact log-likelihood at them; the Rust tests compare those cases on
the CSS stage, on the likelihood at statsforecast's coefficients and on forecasts there.
ARIMA(2,1,2) with drift on the shampoo series is left out: there even the reported
likelihood comes from the altered start.

Series (all committed inside the fixture, with their source):
  nile        yearly Nile flow at Aswan 1871-1970, statsmodels.datasets.nile
              (Durbin & Koopman 2001, public domain; statsmodels: BSD-3-Clause);
  shampoo     monthly shampoo sales over three years, testdata/sktime-shampoo-sales
              (Makridakis, Wheelwright & Hyndman 1998, via sktime);
  realgdp     US real GDP, quarterly 1959Q1-2009Q3, statsmodels.datasets.macrodata
              (public domain, US BEA/FRB);
  co2         Mauna Loa CO2, the weekly statsmodels.datasets.co2 averaged per month
              (missing weeks skipped), the last 240 months 1982-2001 (public domain,
              Scripps/NOAA);
  sunspots    yearly sunspot numbers 1700-2008, statsmodels.datasets.sunspots (public
              domain, SIDC);
  elnino      monthly sea-surface temperature 1950-2010, statsmodels.datasets.elnino
              (public domain, NOAA); AutoARIMA only, on its first 144 months;
  wineind     Australian wine sales by winemakers in bottles <= 1 litre, monthly
              1980-1994, testdata/pmdarima-wineind (Hyndman's tsdl, via pmdarima).

Usage: /work/venv/bin/python tools/arima_fixture.py
(writes testdata/fixtures/forecast_arima.json)
"""
import csv
import json
import os
import warnings

import numpy as np
import pandas as pd
import statsforecast
import statsmodels
import statsmodels.datasets as smd
from statsforecast.arima import Arima
from statsforecast.models import ARIMA, AutoARIMA

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "testdata", "fixtures", "forecast_arima.json")


def read_csv_column(path, column):
    with open(os.path.join(ROOT, path), newline="") as f:
        return [float(row[column]) for row in csv.DictReader(f)]


def series():
    nile = smd.nile.load_pandas().data["volume"].astype(float).tolist()
    macro = smd.macrodata.load_pandas().data
    realgdp = macro["realgdp"].astype(float).tolist()
    co2 = smd.co2.load_pandas().data["co2"]
    co2_monthly = co2.resample("MS").mean().dropna()
    co2_last = [round(v, 6) for v in co2_monthly.iloc[-240:].tolist()]
    shampoo = read_csv_column("testdata/sktime-shampoo-sales/ShampooSales.csv", "Sales")
    sunspots = smd.sunspots.load_pandas().data["SUNACTIVITY"].astype(float).tolist()
    wine = read_csv_column("testdata/pmdarima-wineind/wineind.csv", "wine_sales")
    elnino = smd.elnino.load_pandas().data.iloc[:, 1:].to_numpy().ravel().astype(float)
    return {
        "elnino": elnino.tolist(),
        "nile": nile,
        "shampoo": shampoo,
        "realgdp": realgdp,
        "co2": co2_last,
        "wineind": wine,
        "sunspots": sunspots,
    }


# name, series, order, seasonal order, season length, include_mean, include_drift, h
CASES = [
    ("nile_101_mean", "nile", (1, 0, 1), (0, 0, 0), 1, True, False, 10),
    ("shampoo_011", "shampoo", (0, 1, 1), (0, 0, 0), 1, False, False, 12),
    ("sunspots_201_mean", "sunspots", (2, 0, 1), (0, 0, 0), 1, True, False, 10),
    ("wineind_100_100_12_mean", "wineind", (1, 0, 0), (1, 0, 0), 12, True, False, 24),
    ("nile_200_mean", "nile", (2, 0, 0), (0, 0, 0), 1, True, False, 10),
    ("realgdp_212_drift", "realgdp", (2, 1, 2), (0, 0, 0), 1, False, True, 8),
    ("co2_011_011_12", "co2", (0, 1, 1), (0, 1, 1), 12, False, False, 24),
    ("realgdp_110_100_4_drift", "realgdp", (1, 1, 0), (1, 0, 0), 4, False, True, 8),
    ("wineind_100_011_12", "wineind", (1, 0, 0), (0, 1, 1), 12, False, False, 24),
    ("wineind_101_mean", "wineind", (1, 0, 1), (0, 0, 0), 1, True, False, 12),
    ("nile_011", "nile", (0, 1, 1), (0, 0, 0), 1, False, False, 10),
    ("wineind_011_011_12", "wineind", (0, 1, 1), (0, 1, 1), 12, False, False, 24),
]


def main():
    data = series()
    out_series = [{"name": k, "values": v} for k, v in data.items()]
    cases = []
    for name, key, order, sorder, m, mean, drift, h in CASES:
        y = np.asarray(data[key], dtype=float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = ARIMA(
                order=order,
                seasonal_order=sorder,
                season_length=m,
                include_mean=mean,
                include_drift=drift,
                method="CSS-ML",
            )
            model.fit(y)
            fc = model.predict(h=h, level=[80, 95])
        fit = model.model_
        css = Arima(
            y,
            order=order,
            seasonal={"order": sorder, "period": m},
            include_mean=mean,
            include_drift=drift,
            method="CSS",
        )
        coef = {k: float(v) for k, v in fit["coef"].items()}
        cases.append(
            {
                "name": name,
                "series": key,
                "order": list(order),
                "seasonal_order": list(sorder),
                "season_length": m,
                "include_mean": mean,
                "include_drift": drift,
                "h": h,
                "coef": coef,
                "css_coef": {k: float(v) for k, v in css["coef"].items()},
                "ml_code": int(fit["code"]),
                "sigma2": float(fit["sigma2"]),
                "loglik": float(fit["loglik"]),
                "aic": float(fit["aic"]),
                "aicc": float(fit["aicc"]),
                "bic": float(fit["bic"]),
                "mean": fc["mean"].tolist(),
                "lo80": fc["lo-80"].tolist(),
                "hi80": fc["hi-80"].tolist(),
                "lo95": fc["lo-95"].tolist(),
                "hi95": fc["hi-95"].tolist(),
            }
        )
        print(name, coef, round(float(fit["loglik"]), 6))
    # AutoARIMA's choice (stepwise Hyndman-Khandakar, AICc) on series short enough
    # (<= 150 values, season <= 12) that statsforecast fits every candidate by CSS-ML.
    autos = []
    for key, m, first in [("nile", 1, 100), ("elnino", 12, 144), ("shampoo", 12, 36)]:
        y = np.asarray(data[key][:first], dtype=float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = AutoARIMA(season_length=m).fit(y)
        p, q, sp, sq, period, d, sd = model.model_["arma"]
        names = list(model.model_["coef"].keys())
        autos.append(
            {
                "series": key,
                "season_length": m,
                "length": first,
                "order": [int(p), int(d), int(q)],
                "seasonal_order": [int(sp), int(sd), int(sq)],
                "constant": "intercept" in names or "drift" in names,
                "aicc": float(model.model_["aicc"]),
            }
        )
        print("auto", autos[-1])
    doc = {
        "source": (
            f"statsforecast {statsforecast.__version__}, statsmodels {statsmodels.__version__}, "
            f"numpy {np.__version__}, pandas {pd.__version__}; script tools/arima_fixture.py"
        ),
        "note": "statsforecast.models.ARIMA(method='CSS-ML') with fixed orders",
        "series": out_series,
        "cases": cases,
        "auto": autos,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
