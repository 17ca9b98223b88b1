#!/usr/bin/env python3
"""Speed of shoplens' frequent-itemset search, side by side with pyfim and mlxtend.

In one run, on the same files and thresholds, measures:
- shoplens native: the release CLI `shoplens itemsets FILE --min-support S --json`, file
  reading and parsing included (a fresh process per run);
- pyfim 6.28 `fim.fpgrowth` (Borgelt's C code): the call only, the file already parsed into
  Python lists (as REFERENCE.md times it);
- mlxtend 0.25 `fpgrowth` on the one-hot DataFrame: the call only;
- shoplens in the browser: a slot, `bench_browser`, for the app engineer to fill (headless
  Chromium on the same wasm kernel); it prints "n/a" until then.

Each tool runs in its own process, so its peak memory (ru_maxrss) is its own. Times are
the best of --repeat runs. On a shared machine wall-clock times swing with the load; CPU
time (user + system) is steadier and is what the ratio column uses; wall times are
printed too. Itemset counts are compared across the tools as a sanity check.

Usage (repository root, after `cargo build --release -p shoplens-cli`):
    python3 tools/bench_baskets.py [DATA_DIR] [--repeat N] [--no-mlxtend]
DATA_DIR defaults to ../shared/data; groceries falls back to testdata/arules-groceries.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "target", "release", "shoplens")

CASES = [
    ("arules-groceries/groceries.csv", 0.01),
    ("arules-groceries/groceries.csv", 0.001),
    ("fimi-T10I4D100K/T10I4D100K.dat", 0.01),
    ("fimi-T10I4D100K/T10I4D100K.dat", 0.005),
    ("fimi-T10I4D100K/T10I4D100K.dat", 0.001),
]

# Runs in a child Python: parse the file (not timed), time the call, report JSON.
CHILD = r"""
import json, math, resource, sys, time
tool, path, support = sys.argv[1], sys.argv[2], float(sys.argv[3])
sep = " " if path.endswith(".dat") else ","
baskets = []
for line in open(path, encoding="utf-8"):
    items = sorted({i.strip() for i in line.split(sep) if i.strip()})
    if items:
        baskets.append(items)
n = len(baskets)
exact = support * n
count = int(round(exact)) if abs(exact - round(exact)) <= 1e-9 * max(round(exact), 1) else math.ceil(exact)
if tool == "pyfim":
    import fim
    def call():
        return len(fim.fpgrowth(baskets, supp=-count, report="a"))
else:
    import pandas as pd
    from mlxtend.frequent_patterns import fpgrowth
    from mlxtend.preprocessing import TransactionEncoder
    te = TransactionEncoder()
    df = pd.DataFrame(te.fit(baskets).transform(baskets), columns=te.columns_)
    def call():
        return len(fpgrowth(df, min_support=count / n))
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
found = call()
wall = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(json.dumps({"itemsets": found, "wall": wall, "cpu": cpu, "peak_kb": r1.ru_maxrss}))
"""


def bench_native(path, support):
    """The CLI in a fresh process: wall, CPU and peak memory from the OS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", CLI, "itemsets", path, "--min-support", str(support),
         "--json"],
        capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_kb = int(out.stderr.strip().splitlines()[-1])
    found = len(json.loads(out.stdout)["itemsets"])
    return {"itemsets": found, "wall": wall, "cpu": cpu, "peak_kb": peak_kb}


def bench_python(tool, path, support):
    out = subprocess.run(
        [sys.executable, "-c", CHILD, tool, path, str(support)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def bench_browser(path, support):
    """Slot for shoplens in headless Chromium (the same wasm kernel as the app).

    To be filled by the app engineer: load the bench page, hand it the file, time
    `mine_itemsets` in the worker, return {"itemsets", "wall", "cpu", "peak_kb"} like the
    others. Until then the table shows n/a.
    """
    return None


def best(runs):
    return min(runs, key=lambda r: r["cpu"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-mlxtend", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(CLI):
        print(f"no CLI at {CLI}: run `cargo build --release -p shoplens-cli` first")
        return 2
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    header = (f"{'data':<16} {'supp':>6} {'sets':>6} | {'shoplens cpu/wall s':>19} {'MB':>5} | "
              f"{'pyfim cpu/wall s':>16} {'MB':>5} | {'mlxtend cpu/wall s':>18} {'MB':>5} | "
              f"{'browser':>7} | {'vs pyfim':>8} {'vs mlxtend':>10}")
    print(header)
    print("-" * len(header))
    for rel, support in CASES:
        path = os.path.join(args.data, rel)
        if not os.path.exists(path):
            local = os.path.join(ROOT, "testdata", rel)
            if os.path.exists(local):
                path = local
            else:
                print(f"{rel}: absent under {args.data}; skipped")
                continue
        native = best([bench_native(path, support) for _ in range(args.repeat)])
        pyfim = best([bench_python("pyfim", path, support) for _ in range(args.repeat)])
        mlx = None if args.no_mlxtend else bench_python("mlxtend", path, support)
        browser = bench_browser(path, support)
        counts = {native["itemsets"], pyfim["itemsets"]} | ({mlx["itemsets"]} if mlx else set())
        if len(counts) != 1:
            print(f"  COUNT MISMATCH: shoplens {native['itemsets']}, pyfim {pyfim['itemsets']}, "
                  f"mlxtend {mlx and mlx['itemsets']}")
        mlx_cell = f"{mlx['cpu']:>8.3f}/{mlx['wall']:<9.3f} {mlx['peak_kb'] / 1e3:>5.0f}" if mlx else f"{'skipped':>18} {'':>5}"
        ratio_mlx = f"{mlx['cpu'] / native['cpu']:>9.1f}x" if mlx else f"{'':>10}"
        print(
            f"{os.path.basename(path)[:16]:<16} {support * 100:>5.2g}% {native['itemsets']:>6} | "
            f"{native['cpu']:>9.3f}/{native['wall']:<9.3f} {native['peak_kb'] / 1e3:>5.0f} | "
            f"{pyfim['cpu']:>7.3f}/{pyfim['wall']:<8.3f} {pyfim['peak_kb'] / 1e3:>5.0f} | "
            f"{mlx_cell} | {'n/a' if browser is None else browser['wall']:>7} | "
            f"{native['cpu'] / pyfim['cpu']:>7.2f}x {ratio_mlx}"
        )
    print("vs pyfim: shoplens CPU time (parse included) / pyfim's call; target <= 1.0x.")
    print("vs mlxtend: mlxtend's call / shoplens CPU time (how many times faster); target >= 20x.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
