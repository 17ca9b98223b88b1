#!/usr/bin/env python3
"""scikit-learn's KMeans (and pandas RFM) on the very data of the Customers benchmark.

crates/core/benches/customers.rs generates its data from SplitMix64 counters
(`points`, `orders_csv`); this script builds the
same values bit for bit with NumPy, so the two sides cluster identical points:
- k-means: 100,000 points x 3 features around 8 blobs; KMeans(n_clusters=8, n_init=10,
  init="k-means++", algorithm="lloyd"), timed on `fit` only, single-threaded (OMP/BLAS
  limited to one thread, as the browser worker is one thread) and with all cores;
- RFM: 1,000,000 order lines (20 per order, 50,000 customer ids); pandas groupby recency,
  frequency, monetary, qcut(rank(first)) scores and the R/F segment grid, on arrays already
  in memory (parsing excluded on both sides).

Prints one JSON object. `benches/customers.mjs` runs this beside the browser and prints the
ratios. Usage: python3 tools/bench_customers.py [--repeat 3]
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402

U = np.uint64


def splitmix64(x):
    z = x + U(0x9E3779B97F4A7C15)
    z = (z ^ (z >> U(30))) * U(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> U(27))) * U(0x94D049BB133111EB)
    return z ^ (z >> U(31))


def uniform(i):
    return (splitmix64(i) >> U(11)).astype(np.float64) / float(1 << 53)


def bench_points(n):
    i = np.arange(n, dtype=np.uint64)[:, None]
    j = np.arange(3, dtype=np.uint64)[None, :]
    blob = i % U(8)
    centre = 10.0 * uniform(U(1_000_000_000) + U(3) * blob + j)
    base = (U(3) * i + j) * U(3)
    noise = uniform(base) + uniform(base + U(1)) + uniform(base + U(2)) - 1.5
    return centre + noise


def bench_orders(lines):
    i = np.arange(lines, dtype=np.uint64)
    order = i // U(20)
    customer = U(10_000) + splitmix64(order ^ U(0xC0FFEE00)) % U(50_000)
    day = 14_944 + (splitmix64(order ^ U(0xDA7E)) % U(374)).astype(np.int64)
    h = splitmix64(i ^ U(0x9A17))
    quantity = (U(1) + h % U(12)).astype(np.float64)
    price = (U(50) + (h >> U(8)) % U(1000)).astype(np.float64) / 100.0
    return pd.DataFrame(
        {"invoice": order.astype(np.int64), "customer": customer.astype(np.int64), "day": day,
         "amount": quantity * price}
    )


# R (rows 5..1) x F (columns 1..5) grid of crates/core/src/segment/names.rs.
GRID = {
    5: ["new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
    4: ["promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"],
    3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
    2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
    1: ["lost", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
}


def rfm(df):
    as_of = df["day"].max() + 1
    g = df.groupby("customer", sort=False)
    out = pd.DataFrame({
        "recency": as_of - g["day"].max(),
        "frequency": g["invoice"].nunique(),
        "monetary": g["amount"].sum(),
    })
    score = lambda s: pd.qcut(s.rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)  # noqa: E731
    out["r"] = 6 - score(out["recency"])
    out["f"] = score(out["frequency"])
    out["m"] = score(out["monetary"])
    table = np.array([GRID[r] for r in range(1, 6)], dtype=object)
    out["segment"] = table[out["r"].to_numpy() - 1, out["f"].to_numpy() - 1]
    return out


def best_of(repeat, f):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - started)
    return min(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--n-init", type=int, default=10)
    args = parser.parse_args()
    from threadpoolctl import threadpool_limits

    x = bench_points(args.n)
    fit = lambda: KMeans(n_clusters=8, n_init=args.n_init, init="k-means++", algorithm="lloyd",  # noqa: E731
                         random_state=0).fit(x)
    with threadpool_limits(limits=1):
        one_thread, model = best_of(args.repeat, fit)
    all_threads, _ = best_of(args.repeat, fit)
    df = bench_orders(args.lines)
    rfm_seconds, scores = best_of(args.repeat, lambda: rfm(df))
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "pandas": pd.__version__,
        "kmeans": {"n": args.n, "k": 8, "n_init": args.n_init, "seconds_1_thread": one_thread,
                   "seconds_all_threads": all_threads, "inertia": float(model.inertia_),
                   "first_point": x[0].tolist()},
        "rfm": {"lines": args.lines, "seconds": rfm_seconds, "customers": int(len(scores))},
    }))


if __name__ == "__main__":
    main()
