#!/usr/bin/env python3
"""Reference fixtures for shoplens' basket kernels, from the established tools.

Runs pyfim 6.28 (Christian Borgelt's C implementation: fim.fpgrowth, fim.arules) and
mlxtend 0.25 (fpgrowth + association_rules) on testdata/arules-groceries/groceries.csv at
1%, 0.5% and 0.1% minimum support and writes testdata/fixtures/basket_groceries_*.json:

- basket_groceries_itemsets_<pct>.json: every frequent itemset with its basket count
  (pyfim, target 'all'), and the counts of closed and maximal itemsets (pyfim targets
  'c' and 'm'); the closed and maximal lists themselves at 0.5%.
- basket_groceries_rules_<pct>.json: rules at minimum confidence 0.5, one-item
  consequent from pyfim's arules (counts, confidence, lift), and any-size consequent from
  mlxtend's association_rules with all its measures.

Conventions: items trimmed of white space, repeats in a basket counted once; an itemset
is frequent when its count >= ceil(min_support x baskets) (pyfim's rule; mlxtend agrees).
Usage: python3 tools/basket_fixtures.py  (from the repository root)
"""

import json
import math
import os
import sys

import fim
import mlxtend
import pandas as pd
from mlxtend.frequent_patterns import association_rules, fpgrowth
from mlxtend.preprocessing import TransactionEncoder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "testdata", "arules-groceries", "groceries.csv")
OUT = os.path.join(ROOT, "testdata", "fixtures")
PYFIM_VERSION = "6.28"
MIN_CONFIDENCE = 0.5
SCRIPT = "tools/basket_fixtures.py"
ALL_MEASURES = [
    "support", "confidence", "lift", "leverage", "conviction",
    "zhangs_metric", "jaccard", "certainty", "kulczynski",
]


def read_baskets(path):
    baskets = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            items = sorted({i.strip() for i in line.split(",") if i.strip()})
            baskets.append(items)
    return baskets


def min_count(fraction, n):
    exact = fraction * n
    nearest = round(exact)
    if abs(exact - nearest) <= 1e-9 * max(nearest, 1):
        return int(nearest)
    return math.ceil(exact)


def r(x):
    """Round to 9 significant digits: ample for 4-decimal checks, smaller files."""
    if x is None or (isinstance(x, float) and (math.isinf(x) or math.isnan(x))):
        return None
    return float(f"{x:.9g}")


def itemsets_fixture(baskets, fraction, label):
    n = len(baskets)
    mc = min_count(fraction, n)
    # pyfim: negative supp is an absolute count, so the threshold is exactly ours.
    found = {t: fim.fpgrowth(baskets, target=t, supp=-mc, zmin=1, report="a") for t in "scm"}
    as_list = lambda sets: sorted(
        ([sorted(items), count] for items, count in sets), key=lambda x: (len(x[0]), x[0])
    )
    doc = {
        "source": f"pyfim {PYFIM_VERSION} fim.fpgrowth (targets s, c, m), produced by {SCRIPT}",
        "data": "testdata/arules-groceries/groceries.csv",
        "min_support": fraction,
        "baskets": n,
        "min_count": mc,
        "counts": {"all": len(found["s"]), "closed": len(found["c"]), "maximal": len(found["m"])},
        "itemsets": as_list(found["s"]),
    }
    if label == "05":
        doc["closed"] = as_list(found["c"])
        doc["maximal"] = as_list(found["m"])
    return doc


def rules_fixture(baskets, fraction):
    n = len(baskets)
    mc = min_count(fraction, n)
    # zmin=2: no rules with an empty antecedent (shoplens, arules and mlxtend agree).
    rules_1c = fim.arules(
        baskets, supp=-mc, conf=MIN_CONFIDENCE * 100, zmin=2, report="abhcl", mode="o"
    )
    # Rows rather than objects keep the files small; "columns" names the fields.
    one = sorted(
        [sorted(body), [head], a, b, h, r(c), r(l)] for head, body, a, b, h, c, l in rules_1c
    )
    te = TransactionEncoder()
    df = pd.DataFrame(te.fit(baskets).transform(baskets), columns=te.columns_)
    freq = fpgrowth(df, min_support=mc / n, use_colnames=True)
    ml = association_rules(freq, num_itemsets=len(df), metric="confidence", min_threshold=MIN_CONFIDENCE)
    every = []
    for _, row in ml.iterrows():
        every.append(
            [sorted(row["antecedents"]), sorted(row["consequents"])]
            + [r(row[m]) for m in ALL_MEASURES]
        )
    every.sort()
    return {
        "source": (
            f"rules_1c: pyfim {PYFIM_VERSION} fim.arules(zmin=2, mode='o'); rules_all: mlxtend "
            f"{mlxtend.__version__} fpgrowth + association_rules(metric='confidence'); "
            f"produced by {SCRIPT}"
        ),
        "data": "testdata/arules-groceries/groceries.csv",
        "min_support": fraction,
        "min_confidence": MIN_CONFIDENCE,
        "baskets": n,
        "min_count": mc,
        "counts": {"rules_1c": len(one), "rules_all": len(every)},
        "rules_1c_columns": [
            "antecedent", "consequent", "count", "antecedent_count", "consequent_count",
            "confidence", "lift",
        ],
        "rules_1c": one,
        "rules_all_columns": ["antecedent", "consequent"] + ALL_MEASURES,
        "rules_all": every,
    }


def write(name, doc):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{name}: {doc['counts']}  ({os.path.getsize(path) / 1e3:.0f} kB)")


def main():
    if fim.__dict__.get("__version__", PYFIM_VERSION) != PYFIM_VERSION:
        print("warning: expected pyfim", PYFIM_VERSION, file=sys.stderr)
    os.makedirs(OUT, exist_ok=True)
    baskets = read_baskets(DATA)
    for fraction, label in [(0.01, "1"), (0.005, "05"), (0.001, "01")]:
        write(f"basket_groceries_itemsets_{label}.json", itemsets_fixture(baskets, fraction, label))
        write(f"basket_groceries_rules_{label}.json", rules_fixture(baskets, fraction))


if __name__ == "__main__":
    main()
