#!/usr/bin/env python3
"""Speed of shoplens's customer kernels beside the established tools, as ratios.

1. k-means: 100,000 customers x 3 features, k = 8, the same n_init on both sides, on the
   same seeded synthetic data (numpy, written once to CSV for the CLI). scikit-learn's
   KMeans (Lloyd, k-means++) runs single-threaded: OMP_NUM_THREADS=1 is set before numpy
   and sklearn are imported, and threadpoolctl limits BLAS/OpenMP to one thread as well.
   shoplens's time is `ms` in `shoplens segment --json` (core's segment job: standardising,
   k-means, a silhouette on a seeded sample of 5,000, profiles and the 2-D PCA map), the
   sklearn time the `fit` call alone; so the ratio counts more work on shoplens's side.
   Both exclude reading the file.
2. RFM: 1,000,000 seeded synthetic Online-Retail-shaped order lines (50,000 customers,
   ~2% cancellations, ~5% lines without a customer id). shoplens's time is order lines out
   of the parsed table plus RFM scoring and segments (`seconds.rfm` in the CLI's JSON);
   pandas' time is the same work on a DataFrame already read with the date parsed:
   filters, groupby recency/frequency/monetary, qcut(rank(first)) scores, segment map.
   File parsing is reported separately and left out of the ratio, as the issue asks
   ("under 1 s after parsing").

Run from the repository root after `cargo build --release -p shoplens-cli`:
    python3 tools/bench_segment.py [--repeat 3] [--n-init 3] [--bin target/release/shoplens]
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def kmeans_data(n=100_000, seed=0):
    """Three skewed spend-like features from 8 groups."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(2.0, 8.0, size=(8, 3))
    group = rng.integers(0, 8, size=n)
    x = np.exp(centres[group] + rng.normal(0.0, 0.6, size=(n, 3)))
    return pd.DataFrame(x, columns=["recency", "frequency", "monetary"])


def order_lines(n=1_000_000, customers=50_000, seed=1):
    rng = np.random.default_rng(seed)
    # Orders of 1..40 lines; each order one customer and one timestamp.
    sizes = rng.integers(1, 41, size=n // 10)
    sizes = sizes[np.cumsum(sizes) <= n]
    order_of_line = np.repeat(np.arange(len(sizes)), sizes)
    order_of_line = np.concatenate([order_of_line, np.full(n - len(order_of_line), len(sizes))])
    n_orders = len(sizes) + 1
    start = np.datetime64("2010-12-01T08:00")
    minutes = np.sort(rng.integers(0, 373 * 24 * 60, size=n_orders))
    when = (start + minutes.astype("timedelta64[m]"))[order_of_line]
    weights = rng.pareto(1.2, size=customers) + 1
    customer = rng.choice(customers, size=n_orders, p=weights / weights.sum()) + 12346
    cust = customer[order_of_line].astype(object)
    no_id = rng.random(n_orders)[order_of_line] < 0.05
    cust[no_id] = "NA"
    cancelled_order = rng.random(n_orders) < 0.02
    invoice = np.where(cancelled_order, "C", "") + (536365 + np.arange(n_orders)).astype(str)
    qty = rng.integers(1, 25, size=n)
    qty = np.where(cancelled_order[order_of_line], -qty, qty)
    price = np.round(rng.gamma(2.0, 2.0, size=n), 2)
    return pd.DataFrame(
        {
            "InvoiceNo": invoice[order_of_line],
            "Quantity": qty,
            "InvoiceDate": pd.to_datetime(when).strftime("%Y-%m-%d %H:%M:%S"),
            "UnitPrice": price,
            "CustomerID": cust,
        }
    )


def pandas_rfm(d):
    """The same RFM as shoplens (see tools/segment_fixtures.py), on a parsed frame."""
    d = d[d["CustomerID"].notna()]
    d = d[~(d["InvoiceNo"].str.startswith("C") | (d["Quantity"] < 0))]
    day = d["InvoiceDate"].dt.normalize()
    d = d.assign(day=day, amount=d["Quantity"] * d["UnitPrice"])
    as_of = d["day"].max() + pd.Timedelta(days=1)
    g = d.groupby("CustomerID", sort=False)
    rfm = pd.DataFrame(
        {
            "recency": (as_of - g["day"].max()).dt.days,
            "frequency": g["InvoiceNo"].nunique(),
            "monetary": g["amount"].sum(),
        }
    )
    rfm["r"] = pd.qcut(rfm["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
    rfm["f"] = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    rfm["m"] = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    grid = np.array(
        [
            ["lost", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
            ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
            ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
            ["promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"],
            ["new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
        ]
    )
    rfm["segment"] = grid[rfm["r"].to_numpy() - 1, rfm["f"].to_numpy() - 1]
    return rfm


def cli(binary, args):
    out = subprocess.run([binary] + args, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "shoplens"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the best is kept")
    parser.add_argument("--n-init", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin} not found: run `cargo build --release -p shoplens-cli` first")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (times are wall clock)")
    print(f"scikit-learn {sklearn.__version__}, pandas {pd.__version__}, numpy {np.__version__}; "
          f"OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}, threadpoolctl limit 1")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # 1. k-means.
        x = kmeans_data()
        path = os.path.join(tmp, "customers.csv")
        x.to_csv(path, index=False)
        xs = StandardScaler().fit_transform(np.log1p(x.to_numpy()))
        ours, theirs = [], []
        # Alternate the two sides so both see the same machine load.
        for seed in range(args.repeat):
            out = cli(args.bin, ["segment", path, "--k", "8", "--n-init", str(args.n_init),
                                 "--json", "--log"])
            ours.append(out["ms"] / 1000.0)
            with threadpool_limits(limits=1):
                t = time.perf_counter()
                km = KMeans(n_clusters=8, n_init=args.n_init, random_state=seed).fit(xs)
                theirs.append(time.perf_counter() - t)
        rows.append((f"k-means 100k x 3, k=8, n_init={args.n_init}", min(ours), min(theirs), "sklearn KMeans"))
        print(f"  k-means inertia: shoplens {out['inertia']:.2f}, sklearn {km.inertia_:.2f}")

        # 2. RFM.
        d = order_lines()
        path = os.path.join(tmp, "orders.csv")
        d.to_csv(path, index=False)
        t = time.perf_counter()
        frame = pd.read_csv(path, dtype={"InvoiceNo": str, "CustomerID": "Int64"}, parse_dates=["InvoiceDate"])
        pandas_read = time.perf_counter() - t
        ours, reads, theirs = [], [], []
        for _ in range(args.repeat):
            out = cli(args.bin, ["rfm", path, "--customer-col", "CustomerID", "--date-col", "InvoiceDate",
                                 "--quantity-col", "Quantity", "--price-col", "UnitPrice",
                                 "--invoice-col", "InvoiceNo", "--json"])
            ours.append(out["seconds"]["rfm"])
            reads.append(out["seconds"]["read"])
            t = time.perf_counter()
            ref = pandas_rfm(frame)
            theirs.append(time.perf_counter() - t)
        assert len(ref) == out["customers"], (len(ref), out["customers"])
        rows.append(("RFM 1,000,000 lines (after parsing)", min(ours), min(theirs), "pandas groupby+qcut"))
        rows.append(("  read + type the 1M-line CSV", min(reads), pandas_read, "pandas read_csv"))
        print(f"  RFM customers: shoplens {out['customers']}, pandas {len(ref)}")

    print()
    print(f"{'task':44} {'shoplens s':>11} {'reference s':>12} {'ratio':>7}  reference")
    for task, ours, theirs, tool in rows:
        print(f"{task:44} {ours:11.3f} {theirs:12.3f} {ours / theirs:7.2f}  {tool}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print("ratio = shoplens time / reference time (below 1: shoplens is faster); best of", args.repeat)


if __name__ == "__main__":
    main()
