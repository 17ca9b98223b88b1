#!/usr/bin/env python3
"""Fit-time benchmark: shoplens (native CLI, release build) against scikit-learn, one run.

Both sides fit on online_shoppers_intention.csv with REFERENCE.md's encoding and an 80/20
split (sklearn: random_state=42; shoplens: its own seeded split of the same size), single
threaded (sklearn n_jobs=1). Times are the model fit alone: sklearn's `fit` call and the
`fit_seconds` that `shoplens fit --json` reports (preprocessing and scoring excluded).
Each fit is repeated and the best time kept, since the machine is shared.

Build first:  cargo build --release -p shoplens-cli
Run:          python3 tools/bench_learn.py [--data PATH] [--bin PATH] [--repeat N]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sklearn_side(path, repeat):
    d = pd.read_csv(path)
    y = d.pop("Revenue").astype(int).to_numpy()
    d["Weekend"] = d["Weekend"].astype(int)
    x = pd.get_dummies(d, columns=["Month", "VisitorType"], dtype=float).to_numpy()
    xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.2, random_state=42)
    scaler = StandardScaler().fit(xtr)
    models = {
        "forest": (lambda: RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=0), False),
        "tree": (lambda: DecisionTreeClassifier(random_state=0), False),
        "logistic": (lambda: LogisticRegression(), True),
    }
    out = {}
    for name, (make, scaled) in models.items():
        a, b = (scaler.transform(xtr), scaler.transform(xte)) if scaled else (xtr, xte)
        best = float("inf")
        for _ in range(repeat):
            m = make()
            t = time.perf_counter()
            m.fit(a, ytr)
            best = min(best, time.perf_counter() - t)
        out[name] = {
            "seconds": best,
            "accuracy": accuracy_score(yte, m.predict(b)),
            "roc_auc": roc_auc_score(yte, m.predict_proba(b)[:, 1]),
        }
    return out


def shoplens_side(binary, path, repeat):
    out = {}
    for name in ["forest", "tree", "logistic"]:
        best, report = float("inf"), None
        for _ in range(repeat):
            text = subprocess.run([binary, "fit", path, "--target", "Revenue", "--model", name, "--json"],
                                  check=True, capture_output=True, text=True).stdout
            report = json.loads(text)
            best = min(best, report["fit_seconds"])
        out[name] = {"seconds": best, "accuracy": report["metrics"]["accuracy"],
                     "roc_auc": report["metrics"]["roc_auc"]}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "testdata", "uci-online-shoppers",
                                                   "online_shoppers_intention.csv"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "shoplens"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(args.data):
        sys.exit(f"data not found: {args.data}")
    if not os.path.exists(args.bin):
        sys.exit(f"binary not found: {args.bin} (cargo build --release -p shoplens-cli)")
    sk = sklearn_side(args.data, args.repeat)
    sl = shoplens_side(args.bin, args.data, args.repeat)
    print(f"online_shoppers fit times, best of {args.repeat}; scikit-learn {sklearn.__version__} n_jobs=1 "
          f"vs shoplens native; load average {os.getloadavg()[0]:.1f}")
    print(f"{'model':10} {'sklearn s':>10} {'shoplens s':>11} {'ratio':>7}  {'acc sk':>7} {'acc sl':>7} "
          f"{'auc sk':>7} {'auc sl':>7}")
    for name in ["forest", "tree", "logistic"]:
        a, b = sk[name], sl[name]
        print(f"{name:10} {a['seconds']:10.3f} {b['seconds']:11.3f} {b['seconds'] / a['seconds']:7.2f}  "
              f"{a['accuracy']:7.4f} {b['accuracy']:7.4f} {a['roc_auc']:7.4f} {b['roc_auc']:7.4f}")
    print("ratio = shoplens / sklearn (below 1: shoplens faster). Splits differ (same size), "
          "so accuracies differ by split noise.")


if __name__ == "__main__":
    main()
