#!/usr/bin/env python3
"""Reference counts for the Baskets page on mushroom.dat (FIMI coding of UCI Mushroom).

Runs pyfim 6.28 (Christian Borgelt's C implementation) on testdata/fimi-mushroom/mushroom.dat
and writes testdata/fixtures/basket_mushroom.json:

- at 1% minimum support (82 baskets): the number of frequent itemsets, from pyfim's pattern
  spectrum (fim.fpgrowth(report='#'): counts without listing 90 million itemsets). The page
  stops at its itemset budget far below that and says the result is partial.
- at 22% support and confidence 0.5: itemset counts (pyfim and mlxtend: pyfim leaves out
  the item in every basket) and one-item-consequent rule counts
  (fim.arules(zmin=2, mode='o'), as tools/basket_fixtures.py), and the lifts of the
  strongest rule, of the 50,000th by lift (the page lists the best 50,000) and of the
  weakest.

Conventions as tools/basket_fixtures.py: an itemset is frequent when its count >=
ceil(min_support x baskets). Usage: python3 tools/basket_mushroom_fixture.py
"""

import json
import math
import os

import fim
import mlxtend
import pandas as pd
from mlxtend.frequent_patterns import fpgrowth
from mlxtend.preprocessing import TransactionEncoder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "testdata", "fimi-mushroom", "mushroom.dat")
OUT = os.path.join(ROOT, "testdata", "fixtures", "basket_mushroom.json")
LISTED = 50_000


def main():
    baskets = [sorted(set(line.split())) for line in open(DATA, encoding="utf-8")]
    baskets = [b for b in baskets if b]
    n = len(baskets)
    low = math.ceil(0.01 * n)
    spectrum = fim.fpgrowth(baskets, supp=-low, report="#")
    high = math.ceil(0.22 * n)
    itemsets = fim.fpgrowth(baskets, supp=-high, report="")
    # pyfim leaves out the single item that is in every basket (item 85, a perfect
    # extension of the empty set); mlxtend lists it, as shoplens does.
    te = TransactionEncoder()
    df = pd.DataFrame(te.fit(baskets).transform(baskets), columns=te.columns_)
    with_mlxtend = len(fpgrowth(df, min_support=high / n))
    rules = fim.arules(baskets, supp=-high, conf=50, zmin=2, report="l", mode="o")
    lifts = sorted((r[2] for r in rules), reverse=True)
    doc = {
        "source": "pyfim 6.28 fim.fpgrowth(report='#') and fim.arules(zmin=2, mode='o'); "
        f"mlxtend {mlxtend.__version__} fpgrowth (itemsets_mlxtend); "
        "produced by tools/basket_mushroom_fixture.py",
        "data": "testdata/fimi-mushroom/mushroom.dat",
        "baskets": n,
        "at_1pct": {"min_support": 0.01, "min_count": low, "itemsets": int(sum(spectrum.values()))},
        "at_22pct": {
            "min_support": 0.22,
            "min_confidence": 0.5,
            "min_count": high,
            "itemsets_pyfim": len(itemsets),
            "itemsets_mlxtend": with_mlxtend,
            "rules_1c": len(rules),
            "top_lift": round(lifts[0], 10),
            "lift_at_50000": round(lifts[LISTED - 1], 10),
            "lowest_lift": round(lifts[-1], 10),
        },
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(json.dumps(doc))


if __name__ == "__main__":
    main()
