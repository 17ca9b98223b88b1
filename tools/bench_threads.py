#!/usr/bin/env python3
"""Threads benchmark: the CLI with --threads 1 and 2 against scikit-learn and statsforecast
with n_jobs 1 and 2, the same work on the same files, in one run.

Cases (online_shoppers_intention.csv, 12,330 rows, target Revenue, REFERENCE.md's encoding;
Walmart weekly sales, 45 stores):
- forest:   a random forest of 100 trees, fit alone (`shoplens fit --model forest`'s
            fit_seconds; sklearn RandomForestClassifier.fit);
- compare:  5-fold cross-validation of logistic, k-NN, tree, forest and linear SVM
            (`shoplens compare`, whole process; sklearn cross_val_score per model, scaled
            where shoplens scales);
- grid:     a forest of 10, 25, 50 and 100 trees, 5 folds each (`shoplens grid --model
            forest`; sklearn GridSearchCV);
- elbow:    k-means (10 starts) for k = 2..10 with the silhouette on 2,000 rows, on the 10
            numeric columns, log1p and standardised (a `shoplens run` segment job with the
            elbow; sklearn KMeans + silhouette_score under threadpoolctl's thread limit);
- forecast: 45 Walmart stores, 8 weeks ahead, season 52 (`shoplens forecast --group-col
            Store`, which backtests several models per store and picks one; statsforecast
            AutoETS alone with n_jobs). Not the same work: the ratio between the tools is
            shown for scale only, the 1-to-2 speed-up of each tool is the figure.
- baskets:  1,000,000 generated order lines (`tools/gen_orders.py`, seed 42) read, typed
            and grouped into baskets (`shoplens baskets`, whole process); no reference tool
            with jobs.
- fpgrowth: frequent itemsets of T10I4D100K at 0.05 % by FP-Growth (`shoplens itemsets`,
            whole process); pyfim has no threads.

Times are wall-clock seconds, best of --repeat. The machine's load average is printed:
with other work running, the second core is not free and the speed-ups shrink.

Build first:  cargo build --release -p shoplens-cli
Run:          python3 tools/bench_threads.py [--repeat 3] [--walmart PATH]
Needs:        scikit-learn 1.9.1, statsforecast 2.1.1, pandas (tools/requirements.txt).
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
import sklearn
import statsforecast
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import silhouette_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier
from statsforecast import StatsForecast
from statsforecast.models import AutoETS
from threadpoolctl import threadpool_limits

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOPPERS = os.path.join(ROOT, "testdata", "uci-online-shoppers", "online_shoppers_intention.csv")
NUMERIC = ["Administrative", "Administrative_Duration", "Informational", "Informational_Duration",
           "ProductRelated", "ProductRelated_Duration", "BounceRates", "ExitRates", "PageValues",
           "SpecialDay"]


def best_of(repeat, run):
    """Best wall time of `run()` over `repeat` tries, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - t)
    return best, result


def cli(binary, threads, args):
    text = subprocess.run([binary, "--threads", str(threads)] + args, check=True,
                          capture_output=True, text=True).stdout
    return json.loads(text)


def shoppers_matrix():
    d = pd.read_csv(SHOPPERS)
    y = d.pop("Revenue").astype(int).to_numpy()
    d["Weekend"] = d["Weekend"].astype(int)
    x = pd.get_dummies(d, columns=["Month", "VisitorType"], dtype=float).to_numpy()
    return x, y


def shoplens_side(binary, repeat, walmart, job_file, orders, t10):
    out = {}
    for threads in (1, 2):
        row = {}
        fits = []
        for _ in range(repeat):
            fits.append(cli(binary, threads, ["fit", SHOPPERS, "--target", "Revenue", "--model",
                                              "forest", "--json"])["fit_seconds"])
        row["forest"] = min(fits)
        row["compare"] = best_of(repeat, lambda: cli(binary, threads, [
            "compare", SHOPPERS, "--target", "Revenue", "--folds", "5", "--json"]))[0]
        row["grid"] = best_of(repeat, lambda: cli(binary, threads, [
            "grid", SHOPPERS, "--target", "Revenue", "--model", "forest", "--folds", "5",
            "--json"]))[0]
        row["elbow"] = best_of(repeat, lambda: cli(binary, threads, [
            "run", job_file, SHOPPERS, "--json"]))[0]
        if walmart:
            row["forecast"] = best_of(repeat, lambda: cli(binary, threads, [
                "forecast", walmart, "--date-col", "Date", "--value-col", "Weekly_Sales",
                "--group-col", "Store", "--horizon", "8", "--season", "52", "--json"]))[0]
        row["baskets"] = best_of(repeat, lambda: cli(binary, threads, [
            "baskets", orders, "--json"]))[0]
        if t10:
            row["fpgrowth"] = best_of(repeat, lambda: cli(binary, threads, [
                "itemsets", t10, "--min-support", "0.0005", "--json"]))[0]
        out[threads] = row
    return out


def reference_side(repeat, walmart):
    x, y = shoppers_matrix()
    d = pd.read_csv(SHOPPERS)
    features = StandardScaler().fit_transform(np.log1p(d[NUMERIC].to_numpy()))
    folds = StratifiedKFold(5, shuffle=True, random_state=42)
    series = None
    if walmart:
        w = pd.read_csv(walmart)
        series = pd.DataFrame({
            "unique_id": w["Store"].astype(str),
            "ds": pd.to_datetime(w["Date"], format="%d-%m-%Y"),
            "y": w["Weekly_Sales"].astype(float),
        })
    if series is not None:
        # statsforecast compiles its models with numba on first use: once, before timing.
        first = series[series["unique_id"] == series["unique_id"].iloc[0]]
        StatsForecast(models=[AutoETS(season_length=52)], freq="W-FRI").forecast(df=first, h=8)
    out = {}
    for jobs in (1, 2):
        row = {}

        def forest():
            RandomForestClassifier(n_estimators=100, n_jobs=jobs, random_state=0).fit(x, y)

        row["forest"] = best_of(repeat, forest)[0]

        def compare():
            models = [
                make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
                make_pipeline(StandardScaler(), KNeighborsClassifier()),
                DecisionTreeClassifier(random_state=0),
                RandomForestClassifier(n_estimators=100, random_state=0),
                make_pipeline(StandardScaler(), LinearSVC()),
            ]
            for m in models:
                cross_val_score(m, x, y, cv=folds, n_jobs=jobs)

        row["compare"] = best_of(repeat, compare)[0]

        def grid():
            GridSearchCV(RandomForestClassifier(random_state=0),
                         {"n_estimators": [10, 25, 50, 100]}, cv=folds, n_jobs=jobs).fit(x, y)

        row["grid"] = best_of(repeat, grid)[0]

        def elbow():
            with threadpool_limits(limits=jobs):
                for k in range(2, 11):
                    labels = KMeans(k, n_init=10, random_state=42).fit_predict(features)
                    silhouette_score(features, labels, sample_size=2000, random_state=42)

        row["elbow"] = best_of(repeat, elbow)[0]
        if series is not None:
            def forecast():
                StatsForecast(models=[AutoETS(season_length=52)], freq="W-FRI",
                              n_jobs=jobs).forecast(df=series, h=8)

            row["forecast"] = best_of(repeat, forecast)[0]
        out[jobs] = row
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "shoplens"))
    ap.add_argument("--walmart", default=os.path.join(ROOT, "..", "shared", "data",
                                                      "walmart-store-sales", "Walmart.csv"))
    ap.add_argument("--t10", default=os.path.join(ROOT, "..", "shared", "data", "fimi-T10I4D100K",
                                                  "T10I4D100K.dat"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"binary not found: {args.bin} (cargo build --release -p shoplens-cli)")
    walmart = args.walmart if os.path.exists(args.walmart) else None
    t10 = args.t10 if os.path.exists(args.t10) else None
    orders = os.path.join(tempfile.gettempdir(), "shoplens-bench-orders-1m.csv")
    if not os.path.exists(orders):
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_orders.py"), "--seed", "42",
                        "1000000", orders], check=True)
    job = {"kind": "segment", "source": {"columns": NUMERIC}, "log": True, "k": 4,
           "seed": 42, "n_init": 10, "elbow": True}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(job, f)
        job_file = f.name
    load_before = os.getloadavg()[0]
    sl = shoplens_side(args.bin, args.repeat, walmart, job_file, orders, t10)
    ref = reference_side(args.repeat, walmart)
    os.unlink(job_file)
    print(f"best of {args.repeat}, wall seconds; {os.cpu_count()} cores, load average "
          f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after; scikit-learn "
          f"{sklearn.__version__}, statsforecast {statsforecast.__version__}")
    print(f"{'case':9} {'shoplens 1':>10} {'2':>7} {'1→2':>6}   {'reference 1':>11} {'2':>7} "
          f"{'1→2':>6}   {'shoplens/ref at 2':>17}")
    for case in sl[1]:
        a1, a2 = sl[1][case], sl[2][case]
        line = f"{case:9} {a1:10.3f} {a2:7.3f} {a1 / a2:5.2f}×   "
        if case in ref[1]:
            r1, r2 = ref[1][case], ref[2][case]
            line += f"{r1:11.3f} {r2:7.3f} {r1 / r2:5.2f}×   {a2 / r2:17.2f}"
        else:
            line += f"{'—':>11} {'—':>7} {'—':>6}   {'—':>17}"
        print(line)
    print("1→2: speed-up from one thread (job) to two. forecast: shoplens backtests several "
          "models per store, statsforecast fits AutoETS only.")


if __name__ == "__main__":
    main()
