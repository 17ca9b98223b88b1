#!/usr/bin/env python3
"""scikit-learn's side of the Models page speed check (issue 5), one JSON object.

Fits a random forest (100 trees), a decision tree and a logistic regression on
online_shoppers_intention.csv (12,330 rows x 28 encoded features, REFERENCE.md's encoding,
80/20 split with random_state=42), single-threaded (n_jobs=1, BLAS limited to one thread,
as the browser's worker is one thread), timing `fit` alone, best of --repeat. The model
code is `sklearn_side` of tools/bench_learn.py, shared so both benchmarks time the same
fits. `benches/models.mjs` runs this in the same run as the page and prints the ratios.

Usage: python3 tools/bench_models.py [--repeat 3]
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

import sklearn  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_learn import ROOT, sklearn_side  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "testdata", "uci-online-shoppers",
                                                   "online_shoppers_intention.csv"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    out = sklearn_side(args.data, args.repeat)
    print(json.dumps({"sklearn_version": sklearn.__version__, "models": out}))


if __name__ == "__main__":
    main()
