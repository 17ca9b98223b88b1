#!/usr/bin/env python3
"""Validation and speed check of `shoplens forecast` on three Walmart stores, against
statsforecast run in the same script under the same protocol (3 rolling origins,
step = horizon, MASE scaled by each training part's seasonal-naive MAE).

The Walmart file's licence is not verified, so it is not in the repository: pass its path
(default ../shared/data/walmart-store-sales/Walmart.csv relative to the repository). Build
the CLI first: cargo build --release -p shoplens-cli.

Checks: shoplens' Naive and SeasonalNaive MASE equal statsforecast's to 1e-6; shoplens'
automatic choice scores no worse than AutoETS on each store. Prints a table and the
wall-clock ratio (shoplens CLI, whole process, vs statsforecast, Python calls only).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import statsforecast
from statsforecast.models import AutoETS, Naive, SeasonalNaive

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def backtest(y, make, h, m, windows=3):
    scores = []
    for k in range(windows):
        cut = len(y) - (windows - k) * h
        train, test = y[:cut], y[cut : cut + h]
        scale = np.mean(np.abs(train[m:] - train[:-m]))
        fc = make().fit(train).predict(h)["mean"]
        scores.append(np.mean(np.abs(test - fc)) / scale)
    return float(np.mean(scores))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--file",
        default=os.path.join(REPO, "..", "shared", "data", "walmart-store-sales", "Walmart.csv"),
    )
    p.add_argument("--bin", default=os.path.join(REPO, "target", "release", "shoplens"))
    p.add_argument("--stores", default="1,20,45")
    p.add_argument("--horizon", type=int, default=8)
    p.add_argument("--season", type=int, default=52)
    a = p.parse_args()
    if not os.path.exists(a.file):
        print(f"Walmart data not found at {a.file}: pass --file (not in the repo, licence unverified)")
        return 0
    if not os.path.exists(a.bin):
        print(f"{a.bin} not found: cargo build --release -p shoplens-cli")
        return 1
    stores = [int(s) for s in a.stores.split(",")]
    df = pd.read_csv(a.file)
    df = df[df["Store"].isin(stores)].copy()
    df["Date"] = pd.to_datetime(df["Date"], format="%d-%m-%Y")
    df = df.sort_values(["Store", "Date"])
    h, m = a.horizon, a.season

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "walmart3.csv")
        out = df[["Store", "Date", "Weekly_Sales"]].copy()
        out["Date"] = out["Date"].dt.strftime("%d-%m-%Y")
        out.to_csv(path, index=False)
        base = [a.bin, "forecast", path, "--date-col", "Date", "--value-col", "Weekly_Sales",
                "--group-col", "Store", "--horizon", str(h), "--season", str(m), "--json"]
        t0 = time.perf_counter()
        auto = json.loads(subprocess.run(base, check=True, capture_output=True).stdout)
        t_cli = time.perf_counter() - t0
        bench = json.loads(subprocess.run(base + ["--models", "naive,seasonal_naive"],
                                          check=True, capture_output=True).stdout)

    ok = True
    t_sf = 0.0
    print(f"statsforecast {statsforecast.__version__}; h = {h}, m = {m}, 3 windows")
    print(f"{'store':>5} {'sf Naive':>9} {'ours':>9} {'sf SNaive':>9} {'ours':>9} "
          f"{'AutoETS':>9} {'ours auto':>9}  chosen")
    for store, s_auto, s_bench in zip(stores, auto["series"], bench["series"]):
        assert s_auto["group"] == str(store), (s_auto["group"], store)
        y = df[df["Store"] == store]["Weekly_Sales"].to_numpy(dtype=float)
        t0 = time.perf_counter()
        sf = {
            "naive": backtest(y, Naive, h, m),
            "seasonal_naive": backtest(y, lambda: SeasonalNaive(season_length=m), h, m),
            "AutoETS": backtest(y, lambda: AutoETS(season_length=m), h, m),
        }
        t_sf += time.perf_counter() - t0
        ours = {s["model"]: s["mase"] for s in s_bench["scores"]}
        for name in ("naive", "seasonal_naive"):
            if abs(ours[name] - sf[name]) > 1e-6:
                ok = False
                print(f"MISMATCH store {store} {name}: {ours[name]} vs {sf[name]}")
        if s_auto["mase"] > sf["AutoETS"] + 1e-12:
            ok = False
            print(f"WORSE store {store}: {s_auto['mase']} vs AutoETS {sf['AutoETS']}")
        print(f"{store:>5} {sf['naive']:9.4f} {ours['naive']:9.4f} {sf['seasonal_naive']:9.4f} "
              f"{ours['seasonal_naive']:9.4f} {sf['AutoETS']:9.4f} {s_auto['mase']:9.4f}  "
              f"{s_auto['model']}")
    print(f"\ntime for 3 stores: shoplens CLI (all candidates, whole process) {t_cli:.3f} s; "
          f"statsforecast (Naive + SeasonalNaive + AutoETS) {t_sf:.3f} s; "
          f"ratio shoplens/statsforecast {t_cli / t_sf:.2f}")
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
