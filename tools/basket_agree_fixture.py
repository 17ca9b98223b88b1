#!/usr/bin/env python3
"""Reference counts for the three miners on a sparse synthetic set: the first 10,000
baskets of FIMI's T10I4D100K (testdata/fimi-T10I4D100K/T10I4D100K-first10k.dat).

Runs pyfim 6.28 (Christian Borgelt's C code) fim.eclat(report='a') at minimum counts 10
and 20 and writes testdata/fixtures/basket_t10i4d100k_first10k.json: for each, the number
of frequent itemsets, how many there are of each length, and the sum of their counts, so
that a test can check every shoplens algorithm against it without storing 31,000 itemsets.
fim.fpgrowth and fim.apriori give the same numbers (checked here).

Usage: python3 tools/basket_agree_fixture.py   (pyfim==6.28, see tools/requirements.txt)
"""

import collections
import json
import os

import fim

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "testdata", "fimi-T10I4D100K", "T10I4D100K-first10k.dat")
OUT = os.path.join(ROOT, "testdata", "fixtures", "basket_t10i4d100k_first10k.json")


def main():
    baskets = [sorted(set(line.split())) for line in open(DATA, encoding="ascii")]
    baskets = [b for b in baskets if b]
    cases = []
    for min_count in (10, 20):
        def run(miner):
            found = miner(baskets, supp=-min_count, report="a")
            return sorted((tuple(sorted(items)), count) for items, count in found)

        found = run(fim.eclat)
        for other in (fim.fpgrowth, fim.apriori):
            assert run(other) == found
        lengths = collections.Counter(len(items) for items, _ in found)
        cases.append({
            "min_count": min_count,
            "itemsets": len(found),
            "by_length": {str(k): lengths[k] for k in sorted(lengths)},
            "count_sum": sum(count for _, count in found),
        })
    doc = {
        "source": "pyfim 6.28 fim.eclat(report='a') (fpgrowth and apriori agree); "
        "produced by tools/basket_agree_fixture.py",
        "data": "testdata/fimi-T10I4D100K/T10I4D100K-first10k.dat",
        "baskets": len(baskets),
        "cases": cases,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
