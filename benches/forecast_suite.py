#!/usr/bin/env python3
"""Forecast suite: shoplens (through its CLI, `--json`) against statsforecast's AutoETS,
AutoARIMA, AutoTheta and SeasonalNaive, under the project's protocol: 3 rolling origins,
step = horizon, each window's MASE scaled by the in-sample seasonal-naive MAE of its own
training part (lag m; lag 1 for yearly data), the series' score the mean over windows.

Series come from pip packages only (none from R's datasets, fpp2, fpp3 or fma, nor airline
or ausbeer): statsmodels.datasets (elnino, co2, macrodata, interest_inflation,
danish_data, nile, sunspots; public domain, statsmodels BSD-3-Clause), pmdarima.datasets
(wineind, woolyrnq, heartrate; pmdarima MIT) and sktime's ShampooSales (committed under
testdata/sktime-shampoo-sales, BSD-3-Clause).

shoplens chooses its model per window from that window's past only (its CLI reports that
out-of-sample score as `mase`); the column `sl_ets` is its AICc-chosen ETS alone.

Usage: /work/venv/bin/python benches/forecast_suite.py [--bin target/release/shoplens]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import statsforecast
import statsmodels.datasets as smd
from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, SeasonalNaive

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WINDOWS = 3


def suite():
    import pmdarima.datasets as pmd

    out = []
    elnino = smd.elnino.load_pandas().data.drop(columns=["YEAR"]).to_numpy(float).ravel()
    out.append(("elnino", "monthly", 12, 12, elnino))
    co2 = smd.co2.load_pandas().data["co2"]
    co2 = co2.interpolate().resample("MS").mean().dropna().to_numpy(float)
    out.append(("co2_monthly", "monthly", 12, 12, co2))
    out.append(("wineind", "monthly", 12, 12, np.asarray(pmd.load_wineind(), float)))
    shampoo = []
    with open(os.path.join(REPO, "testdata/sktime-shampoo-sales/ShampooSales.csv")) as f:
        for row in csv.DictReader(f):
            shampoo.append(float(row["Sales"]))
    out.append(("shampoo", "monthly", 12, 6, np.asarray(shampoo)))
    macro = smd.macrodata.load_pandas().data
    for col in ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1",
                "unemp", "tbilrate", "pop"]:
        out.append((f"macro_{col}", "quarterly", 4, 8, macro[col].to_numpy(float)))
    ii = smd.interest_inflation.load_pandas().data
    out.append(("dk_inflation_Dp", "quarterly", 4, 8, ii["Dp"].to_numpy(float)))
    out.append(("dk_interest_R", "quarterly", 4, 8, ii["R"].to_numpy(float)))
    dk = smd.danish_data.load_pandas().data
    for col in ["lrm", "lry", "ibo"]:
        out.append((f"dk_{col}", "quarterly", 4, 8, dk[col].to_numpy(float)))
    out.append(("woolyrnq", "quarterly", 4, 8, np.asarray(pmd.load_woolyrnq(), float)))
    out.append(("nile", "yearly", 1, 5, smd.nile.load_pandas().data["volume"].to_numpy(float)))
    out.append(("sunspots", "yearly", 1, 5,
                smd.sunspots.load_pandas().data["SUNACTIVITY"].to_numpy(float)))
    out.append(("heartrate", "yearly", 1, 5, np.asarray(pmd.load_heartrate(), float)))
    return out


def dates(freq, n):
    if freq == "monthly":
        return [f"{1900 + t // 12}-{t % 12 + 1:02d}" for t in range(n)]
    if freq == "quarterly":
        return [f"{1900 + t // 4}Q{t % 4 + 1}" for t in range(n)]
    return [f"{1700 + t}" for t in range(n)]


def origins(n, h):
    return [n - (WINDOWS - k) * h for k in range(WINDOWS)]


def mase(train, actual, fc, m):
    scale = np.mean(np.abs(train[m:] - train[:-m]))
    return float(np.mean(np.abs(actual - fc)) / scale)


def reference(y, m, h):
    models = {
        "AutoETS": lambda: AutoETS(season_length=m),
        "AutoARIMA": lambda: AutoARIMA(season_length=m),
        "AutoTheta": lambda: AutoTheta(season_length=m),
        "SeasonalNaive": lambda: SeasonalNaive(season_length=m),
    }
    scores, times = {}, {}
    for name, make in models.items():
        errs = []
        t0 = time.perf_counter()
        for L in origins(len(y), h):
            train, actual = y[:L], y[L:L + h]
            try:
                fc = make().forecast(y=train, h=h)["mean"]
                errs.append(mase(train, actual, fc, m))
            except Exception as e:  # a reference that cannot fit scores as missing
                print(f"  {name}: {e}", file=sys.stderr)
                errs = None
                break
        times[name] = time.perf_counter() - t0
        scores[name] = float(np.mean(errs)) if errs else float("nan")
    return scores, times


def shoplens(binary, name, freq, m, h, y, tmp):
    path = os.path.join(tmp, f"{name}.csv")
    with open(path, "w") as f:
        f.write("date,value\n")
        for d, v in zip(dates(freq, len(y)), y):
            f.write(f"{d},{float(v)!r}\n")
    t0 = time.perf_counter()
    out = subprocess.run(
        [binary, "forecast", path, "--date-col", "date", "--value-col", "value",
         "--frequency", freq, "--horizon", str(h), "--season", str(m), "--json"],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        print(f"  shoplens failed on {name}: {out.stderr.strip()}", file=sys.stderr)
        return float("nan"), float("nan"), elapsed, "-"
    s = json.loads(out.stdout)["series"][0]
    ets = next((r["mase"] for r in s["scores"] if r["model"] == "ets"), float("nan"))
    return s["mase"], ets, elapsed, s.get("selected") or s["model"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target")), "release", "shoplens"))
    ap.add_argument("--only", default=None, help="comma-separated series names")
    ap.add_argument("--cache", default=None,
                    help="JSON file keeping the reference scores between runs")
    ap.add_argument("--reference-only", action="store_true")
    args = ap.parse_args()
    cache = {}
    if args.cache and os.path.exists(args.cache):
        with open(args.cache) as f:
            cache = json.load(f)
    cols = ["shoplens", "sl_ets", "AutoETS", "AutoARIMA", "AutoTheta", "SeasonalNaive"]
    rows = []
    print(f"statsforecast {statsforecast.__version__}; protocol: {WINDOWS} origins, step = h")
    print(f"{'series':18} {'n':>4} {'m':>2} {'h':>2} " + " ".join(f"{c:>13}" for c in cols)
          + "  chosen (full history)")
    with tempfile.TemporaryDirectory() as tmp:
        for name, freq, m, h, y in suite():
            if args.only and name not in args.only.split(","):
                continue
            key = f"{name}/{len(y)}/{m}/{h}"
            if key not in cache:
                cache[key] = reference(y, m, h)
                if args.cache:
                    with open(args.cache, "w") as f:
                        json.dump(cache, f)
            ref, ref_t = cache[key]
            if args.reference_only:
                print(name, ref, flush=True)
                continue
            sl, sl_ets, sl_t, chosen = shoplens(args.bin, name, freq, m, h, y, tmp)
            row = {"series": name, "n": len(y), "m": m, "h": h, "shoplens": sl, "sl_ets": sl_ets,
                   **ref, "time_shoplens": sl_t, **{f"time_{k}": v for k, v in ref_t.items()}}
            rows.append(row)
            print(f"{name:18} {len(y):4d} {m:2d} {h:2d} "
                  + " ".join(f"{row[c]:13.4f}" for c in cols) + f"  {chosen}", flush=True)
    if args.reference_only:
        return
    means = {c: float(np.nanmean([r[c] for r in rows])) for c in cols}
    print(f"{'mean':18} {'':4} {'':2} {'':2} " + " ".join(f"{means[c]:13.4f}" for c in cols))
    ratio = means["shoplens"] / means["AutoETS"]
    print(f"shoplens / AutoETS mean MASE: {ratio:.4f} ({(ratio - 1) * 100:+.1f} %)")
    refs = ["AutoETS", "AutoARIMA", "AutoTheta", "SeasonalNaive"]
    worst = max(rows, key=lambda r: r["shoplens"] / min(r[c] for c in refs))
    print(f"worst series vs best reference: {worst['series']} "
          f"{worst['shoplens'] / min(worst[c] for c in refs):.3f}x")
    tt = {k: sum(r[f"time_{k}"] for r in rows) for k in ["shoplens"] + refs}
    print("total time (s, 3 windows + shoplens' final fit): "
          + ", ".join(f"{k} {v:.1f}" for k, v in tt.items()))


if __name__ == "__main__":
    main()
