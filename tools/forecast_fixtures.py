#!/usr/bin/env python3
"""Fixtures for shoplens' forecasting kernels, produced by statsforecast.

Writes under testdata/fixtures/:
  forecast_backtest.json  the backtest protocol (3 rolling origins, step = horizon, MASE
                          scaled by the in-sample seasonal-naive MAE of each window's
                          training part) run with statsforecast's Naive, SeasonalNaive and
                          AutoETS on ShampooSales (m=12, h=6) and wineind (m=12, h=12);
  forecast_fixed.json     point forecasts of fixed-parameter models (SES, CrostonClassic,
                          TSB, WindowAverage) and Naive / SeasonalNaive with 80% and 95%
                          prediction intervals, which the Rust kernels must match;
  forecast_ets_fixed.json SES, Holt, damped Holt, additive Holt-Winters with fixed parameters
                          and initial states, run by statsforecast's ETS recursion.

Usage: python3 tools/forecast_fixtures.py [--data ../shared/data]
The two monthly series are also committed under testdata/ (BSD / MIT); the intermittent
series is derived from the UCI Online Retail 20k sample (CC BY 4.0) and stored inline.
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
import statsforecast
from statsforecast.models import (
    AutoETS,
    CrostonClassic,
    Naive,
    SeasonalNaive,
    SimpleExponentialSmoothing,
    TSB,
    WindowAverage,
)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "testdata", "fixtures")
WINDOWS = 3
SOURCE = (
    f"statsforecast {statsforecast.__version__}, numpy {np.__version__}, "
    f"pandas {pd.__version__}; script tools/forecast_fixtures.py"
)


def folds(n, h):
    """Training lengths of the 3 rolling origins, step = horizon, last window ends at n."""
    return [n - (WINDOWS - k) * h for k in range(WINDOWS)]


def seasonal_naive_mae(train, m):
    return float(np.mean(np.abs(train[m:] - train[:-m])))


def errors(actual, forecast, scale):
    e = actual - forecast
    return {
        "mase": float(np.mean(np.abs(e)) / scale),
        "mape": float(np.mean(np.abs(e) / np.abs(actual)) * 100.0),
        "smape": float(np.mean(2.0 * np.abs(e) / (np.abs(actual) + np.abs(forecast))) * 100.0),
    }


def backtest(name, file, values, m, h):
    y = np.asarray(values, dtype=float)
    models = {
        "Naive": lambda: Naive(),
        "SeasonalNaive": lambda: SeasonalNaive(season_length=m),
        "AutoETS": lambda: AutoETS(season_length=m),
    }
    windows = []
    for train_len in folds(len(y), h):
        train, test = y[:train_len], y[train_len : train_len + h]
        scale = seasonal_naive_mae(train, m)
        entry = {"train_len": train_len, "scale": scale, "actual": test.tolist(), "models": {}}
        for label, make in models.items():
            model = make().fit(train)
            fc = model.predict(h)["mean"]
            res = {"forecast": fc.tolist(), **errors(test, fc, scale)}
            if label == "AutoETS":
                res["method"] = model.model_["method"]
                res["aicc"] = float(model.model_["aicc"])
            entry["models"][label] = res
        windows.append(entry)
    summary = {
        label: {
            k: float(np.mean([w["models"][label][k] for w in windows]))
            for k in ("mase", "mape", "smape")
        }
        for label in models
    }
    return {
        "name": name,
        "file": file,
        "season": m,
        "horizon": h,
        "values": y.tolist(),
        "windows": windows,
        "mean": summary,
    }


def intermittent_series(data):
    """Daily quantity of the most frequent product in the 20k Online Retail sample,
    zero on days with no sale (cancellations dropped): real intermittent demand."""
    path = os.path.join(data, "uci-online-retail-sample20k", "online_retail_sample20k.csv")
    df = pd.read_csv(path, dtype={"StockCode": str})
    df = df[df["Quantity"] > 0]
    code = df["StockCode"].value_counts().idxmax()
    part = df[df["StockCode"] == code].copy()
    part["day"] = pd.to_datetime(part["InvoiceDate"]).dt.normalize()
    daily = part.groupby("day")["Quantity"].sum()
    full = pd.date_range(daily.index.min(), daily.index.max(), freq="D")
    daily = daily.reindex(full, fill_value=0)
    return code, [d.strftime("%Y-%m-%d") for d in daily.index], daily.astype(float).tolist()


def fixed(series, h):
    out = []
    for name, values in series:
        y = np.asarray(values, dtype=float)
        cases = []
        for alpha in (0.1, 0.3, 0.7):
            fc = SimpleExponentialSmoothing(alpha=alpha).fit(y).predict(h)["mean"]
            cases.append({"model": "SES", "params": {"alpha": alpha}, "forecast": fc.tolist()})
        for window in (3, 6):
            fc = WindowAverage(window_size=window).fit(y).predict(h)["mean"]
            cases.append({"model": "WindowAverage", "params": {"window": window}, "forecast": fc.tolist()})
        fc = CrostonClassic().fit(y).predict(h)["mean"]
        cases.append({"model": "CrostonClassic", "params": {"alpha": 0.1}, "forecast": fc.tolist()})
        for ad, ap in ((0.1, 0.1), (0.3, 0.05)):
            fc = TSB(alpha_d=ad, alpha_p=ap).fit(y).predict(h)["mean"]
            cases.append({"model": "TSB", "params": {"alpha_d": ad, "alpha_p": ap}, "forecast": fc.tolist()})
        for label, model in (("Naive", Naive()), ("SeasonalNaive", SeasonalNaive(season_length=12))):
            if label == "SeasonalNaive" and len(y) < 24:
                continue
            p = model.fit(y).predict(h, level=[80, 95])
            cases.append({
                "model": label,
                "params": {"season": 12} if label == "SeasonalNaive" else {},
                "forecast": p["mean"].tolist(),
                "intervals": {str(lv): {"lower": p[f"lo-{lv}"].tolist(), "upper": p[f"hi-{lv}"].tolist()}
                              for lv in (80, 95)},
            })
        out.append({"name": name, "values": y.tolist(), "horizon": h, "cases": cases})
    return out


def fixed_ets(name, values, m, h):
    """ETS with every parameter and initial state fixed, run by statsforecast's own state
    recursion (`pegelsresid_C`) and forecast (`etsforecast`): the exact equivalents of
    shoplens' SES, Holt, damped Holt and additive Holt-Winters with given parameters.
    `beta` is the ETS trend gain (trend += beta * error), `season0[j]` the seasonal index
    used at time j of the first season (statsforecast stores them most recent first)."""
    from statsforecast import ets as sf_ets

    y = np.asarray(values, dtype=float)
    level0 = float(y[0])
    trend0 = float(y[1] - y[0])
    first = y[: 2 * m].reshape(2, m).mean(axis=0)
    season0 = (first - first.mean()).tolist()
    specs = [
        ("N", False, "N", dict(alpha=0.3, beta=0.0, gamma=0.0, phi=1.0)),
        ("A", False, "N", dict(alpha=0.5, beta=0.1, gamma=0.0, phi=1.0)),
        ("A", True, "N", dict(alpha=0.5, beta=0.1, gamma=0.0, phi=0.9)),
        ("A", False, "A", dict(alpha=0.3, beta=0.05, gamma=0.1, phi=1.0)),
        ("A", True, "A", dict(alpha=0.3, beta=0.05, gamma=0.1, phi=0.95)),
    ]
    cases = []
    for trend, damped, season, par in specs:
        init = [level0] + ([trend0] if trend != "N" else [])
        if season != "N":
            init += season0[::-1]
        mm = m if season != "N" else 1
        _, _, states, _ = sf_ets.pegelsresid_C(
            y, mm, np.asarray(init), "A", trend, season, damped,
            par["alpha"], par["beta"], par["gamma"], par["phi"], 2,
        )
        f = np.zeros(h)
        sf_ets.etsforecast(
            states[-1], mm, sf_ets.switch(trend), sf_ets.switch(season),
            par["phi"] if damped else 1.0, h, f,
        )
        cases.append({
            "form": f"ETS(A,{trend}{'d' if damped else ''},{season})",
            "params": par,
            "season_length": mm,
            "level0": level0,
            "trend0": trend0 if trend != "N" else 0.0,
            "season0": season0 if season != "N" else [],
            "forecast": f.tolist(),
        })
    return {"name": name, "values": y.tolist(), "horizon": h, "cases": cases}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"))
    args = parser.parse_args()
    shampoo_path = os.path.join(REPO, "testdata", "sktime-shampoo-sales", "ShampooSales.csv")
    wine_path = os.path.join(REPO, "testdata", "pmdarima-wineind", "wineind.csv")
    shampoo = pd.read_csv(shampoo_path)["Sales"].tolist()
    wine = pd.read_csv(wine_path)["wine_sales"].tolist()

    bt = {
        "source": SOURCE,
        "protocol": "3 rolling origins, step = horizon; MASE scaled by the in-sample "
        "seasonal-naive MAE (season m) of each window's training part; MAPE and sMAPE in %; "
        "means over windows",
        "series": [
            backtest("ShampooSales", "sktime-shampoo-sales/ShampooSales.csv", shampoo, 12, 6),
            backtest("wineind", "pmdarima-wineind/wineind.csv", wine, 12, 12),
        ],
    }
    with open(os.path.join(OUT, "forecast_backtest.json"), "w") as f:
        json.dump(bt, f, indent=1)
    for s in bt["series"]:
        print(s["name"], {k: round(v["mase"], 4) for k, v in s["mean"].items()},
              [w["models"]["AutoETS"]["method"] for w in s["windows"]])

    series = [("ShampooSales", shampoo), ("wineind", wine)]
    intermittent = None
    if os.path.isdir(args.data):
        code, days, qty = intermittent_series(args.data)
        series.append((f"online-retail-{code}-daily", qty))
        intermittent = {"stock_code": code, "days": days}
    else:
        print(f"{args.data} not found: intermittent fixture skipped", file=sys.stderr)
    ets_fixed = {
        "source": SOURCE,
        "note": "statsforecast.ets.pegelsresid_C + etsforecast with fixed parameters and states",
        "series": [fixed_ets("ShampooSales", shampoo, 12, 6), fixed_ets("wineind", wine, 12, 12)],
    }
    with open(os.path.join(OUT, "forecast_ets_fixed.json"), "w") as f:
        json.dump(ets_fixed, f, indent=1)
    fx = {
        "source": SOURCE,
        "intermittent_origin": "UCI Online Retail (CC BY 4.0, 20k-row sample): daily sum of "
        "positive Quantity of the most frequent StockCode, zero-filled",
        "intermittent": intermittent,
        "series": fixed(series, 6),
    }
    with open(os.path.join(OUT, "forecast_fixed.json"), "w") as f:
        json.dump(fx, f, indent=1)


if __name__ == "__main__":
    main()
