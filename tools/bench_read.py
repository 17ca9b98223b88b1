#!/usr/bin/env python3
"""Reading speed, side by side: shoplens (native CLI) vs pandas on the same order-lines file.

Usage: python3 tools/bench_read.py [FILE] [--bin PATH] [--runs N]
  FILE defaults to target/bench/orders_1m.csv (make it with tools/gen_orders.py);
  --bin defaults to target/release/shoplens (cargo build --release -p shoplens-cli).

Two tasks, each timed end to end (process start to exit, best of N runs):
  inspect: read + decode + type every column + profile it   (pandas: read_csv + describe + nunique)
  baskets: read + type + group into baskets by InvoiceNo      (pandas: read_csv + filter + groupby nunique)
Prints seconds, MB/s and the ratio pandas / shoplens (above 1: shoplens is faster).
The in-browser numbers (wasm in headless Chromium vs DuckDB-WASM and PapaParse) belong to the
app's benchmark; this one measures the kernel natively.
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PANDAS_INSPECT = """
import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
df.describe(); df.nunique()
print(len(df))
"""
PANDAS_BASKETS = """
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], dtype={"InvoiceNo": str})
df = df[~df["InvoiceNo"].str.startswith("C") & (df["Quantity"] >= 0)]
df = df[df["Description"].notna() & (df["Quantity"] != 0)]
sizes = df.groupby("InvoiceNo", sort=False)["Description"].nunique()
print(len(sizes))
"""


def best_of(runs, args):
    best = None
    out = None
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(args, capture_output=True, text=True)
        dt = time.perf_counter() - t
        if out.returncode != 0:
            sys.exit(f"{args[:3]} failed: {out.stderr.strip()}")
        best = dt if best is None else min(best, dt)
    return best, out.stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=os.path.join(ROOT, "target", "bench", "orders_1m.csv"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "shoplens"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.file):
        sys.exit(f"{a.file} not found: python3 tools/gen_orders.py")
    mb = os.path.getsize(a.file) / 1e6
    rows = []
    for task, ours_args, script in [
        ("inspect", [a.bin, "inspect", a.file, "--json"], PANDAS_INSPECT),
        ("baskets", [a.bin, "baskets", a.file, "--json"], PANDAS_BASKETS),
    ]:
        ours, ours_out = best_of(a.runs, ours_args)
        theirs, theirs_out = best_of(a.runs, [sys.executable, "-c", script, a.file])
        rows.append((task, ours, theirs))
        if task == "baskets":
            import json
            print(f"baskets: shoplens {json.loads(ours_out)['baskets']}, pandas {theirs_out}")
    print(f"file: {a.file} ({mb:.1f} MB), best of {a.runs}")
    print(f"{'task':8} {'shoplens s':>11} {'MB/s':>8} {'pandas s':>9} {'MB/s':>8} {'pandas/shoplens':>16}")
    for task, ours, theirs in rows:
        print(f"{task:8} {ours:11.2f} {mb / ours:8.1f} {theirs:9.2f} {mb / theirs:8.1f} {theirs / ours:16.2f}")


if __name__ == "__main__":
    main()
