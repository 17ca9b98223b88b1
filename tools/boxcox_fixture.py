#!/usr/bin/env python3
"""Box-Cox fixtures for shoplens' forecast::boxcox, produced by coreforecast.

For each series, coreforecast 0.0.20's `boxcox_lambda(y, method="guerrero",
season_length=m)` (λ in [-0.9, 2], Brent's search) and `boxcox(y, λ)` for the whole series
and for each backtest window's training part (3 rolling origins, step = horizon), so the λ
a window would use is checked too. shoplens must give the same λ and transformed values
to 1e-6.

Series (committed in the repository, read from there):
  wineind       testdata/pmdarima-wineind/wineind.csv, m = 12, h = 12 (pmdarima, MIT);
  ShampooSales  testdata/sktime-shampoo-sales/ShampooSales.csv, m = 12 and m = 2, h = 6
                (sktime, BSD-3-Clause).
Each fixture is written next to its series as boxcox_coreforecast.json.

Pinned: coreforecast 0.0.20 (numpy version in the JSON).
Usage: /work/venv-bench/bin/python tools/boxcox_fixture.py
"""
import json
import os
from importlib.metadata import version

import numpy as np
import pandas as pd
from coreforecast.scalers import boxcox, boxcox_lambda

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WINDOWS = 3

SERIES = [
    ("wineind", "testdata/pmdarima-wineind/wineind.csv", "wine_sales", [12], 12),
    ("ShampooSales", "testdata/sktime-shampoo-sales/ShampooSales.csv", "Sales", [12, 2], 6),
]


def case(y, m):
    lam = float(boxcox_lambda(y, method="guerrero", season_length=m))
    return {"season": m, "length": len(y), "lambda": lam, "transformed": boxcox(y, lam).tolist()}


def main():
    for name, path, column, seasons, h in SERIES:
        y = pd.read_csv(os.path.join(REPO, path))[column].to_numpy(np.float64)
        cases = []
        for m in seasons:
            for train_len in [len(y) - (WINDOWS - k) * h for k in range(WINDOWS)] + [len(y)]:
                c = case(y[:train_len], m)
                cases.append(c)
                print(f"{name:13s} m={m:2d} n={train_len:3d} lambda={c['lambda']:.8f}")
        out = {
            "tool": "coreforecast.scalers.boxcox_lambda(method='guerrero') and boxcox",
            "tool_version": version("coreforecast"),
            "numpy_version": np.__version__,
            "script": "tools/boxcox_fixture.py",
            "series": name,
            "file": path,
            "column": column,
            "lower": -0.9,
            "upper": 2.0,
            "cases": cases,
        }
        target = os.path.join(REPO, os.path.dirname(path), "boxcox_coreforecast.json")
        with open(target, "w") as f:
            json.dump(out, f, indent=1)
        print("wrote", os.path.relpath(target, REPO))


if __name__ == "__main__":
    main()
