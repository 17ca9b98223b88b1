#!/usr/bin/env python3
"""A generated 0/1 basket matrix with empty rows and an id column, and what mlxtend and
pyfim make of it: testdata/basket-matrix/matrix_empty_rows.csv and
testdata/fixtures/basket_matrix_empty_rows.json.

The matrix has 1,000 rows (a `Customer Number` first column, then 8 item columns of 0/1);
43 rows have no item. mlxtend's fpgrowth on the one-hot frame and pyfim's fpgrowth on the
row baskets (empty ones included) both count the empty rows in N = 1,000; the fixture
keeps every frequent itemset at 5 % with its support and count, from both tools.
Usage: /work/venv/bin/python tools/basket_matrix_fixture.py  (from the repository root)
"""

import json
import os
import random

import fim
import mlxtend
import pandas as pd
from mlxtend.frequent_patterns import fpgrowth

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSV = os.path.join(ROOT, "testdata", "basket-matrix", "matrix_empty_rows.csv")
OUT = os.path.join(ROOT, "testdata", "fixtures", "basket_matrix_empty_rows.json")
ITEMS = ["bread", "milk", "eggs", "butter", "jam", "tea", "coffee", "sugar"]
ROWS, EMPTY, MIN_SUPPORT = 1000, 43, 0.05


def main():
    rng = random.Random(20261206)
    empty_rows = set(rng.sample(range(ROWS), EMPTY))
    weights = [0.45, 0.4, 0.3, 0.25, 0.15, 0.2, 0.35, 0.1]
    rows = []
    for r in range(ROWS):
        if r in empty_rows:
            rows.append([0] * len(ITEMS))
            continue
        row = [int(rng.random() < w) for w in weights]
        if not any(row):
            row[rng.randrange(len(ITEMS))] = 1
        rows.append(row)
    frame = pd.DataFrame(rows, columns=ITEMS).astype(bool)
    with open(CSV, "w", encoding="utf-8", newline="") as f:
        f.write("Customer Number," + ",".join(ITEMS) + "\n")
        for r, row in enumerate(rows):
            f.write(f"C{10001 + r}," + ",".join(map(str, row)) + "\n")
    assert sum(1 for row in rows if not any(row)) == EMPTY

    found = fpgrowth(frame, min_support=MIN_SUPPORT, use_colnames=True)
    mlx = {tuple(sorted(s)): float(v) for s, v in zip(found["itemsets"], found["support"])}
    baskets = [[ITEMS[i] for i, v in enumerate(row) if v] for row in rows]
    pyfim = fim.fpgrowth(baskets, target="s", supp=MIN_SUPPORT * 100, zmin=1, report="a")
    pf = {tuple(sorted(s)): int(c) for s, c in pyfim}
    assert set(pf) == set(mlx)
    for key, count in pf.items():
        assert abs(count / ROWS - mlx[key]) < 1e-12, key
    itemsets = [
        {"items": list(k), "count": pf[k], "support": mlx[k]}
        for k in sorted(pf, key=lambda k: (len(k), k))
    ]
    fixture = {
        "script": "tools/basket_matrix_fixture.py",
        "tools": {"mlxtend": mlxtend.__version__, "pyfim": "6.28", "pandas": pd.__version__},
        "rows": ROWS,
        "empty_rows": EMPTY,
        "min_support": MIN_SUPPORT,
        "itemsets": itemsets,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"{len(itemsets)} itemsets at {MIN_SUPPORT:.0%}, N = {ROWS} ({EMPTY} empty)")


if __name__ == "__main__":
    main()
