#!/usr/bin/env python3
"""Speed of shoplens' frequent-itemset search, side by side with pyfim and mlxtend.

In one run, on the same files and thresholds, measures:
- shoplens native: the release CLI `shoplens itemsets FILE --min-support S --json`, file
  reading and parsing and writing the JSON (to /dev/null) included, process start too (a
  fresh process per run, measured alone through wait4);
- pyfim 6.28 `fim.fpgrowth` (Borgelt's C code): the call only, the file already parsed into
  Python lists (as REFERENCE.md times it);
- mlxtend 0.25 `fpgrowth` on the one-hot DataFrame: the call only (best of up to 3 runs);
- shoplens in the browser: the real Baskets page in headless Chromium (benches/baskets.mjs,
  one tab per case, needs `trunk build --release` first): the itemset search as the page
  times it in its worker (the ratio), and the whole search (itemsets, then rules at
  confidence 1 and the companion lists), with the
  file's parsing apart (the Data page's load plus the worker's basket building); memory is
  the worker's wasm memory (it only grows: its peak) plus the tab's JS heap.

Each tool runs in its own process, so its peak memory (ru_maxrss) is its own. Times are
the best of --repeat runs. On a shared machine wall-clock times swing with the load; CPU
time (user + system) is steadier and is what the ratio column uses; wall times are
printed too. Itemset counts are compared across the tools as a sanity check.

Usage (repository root, after `cargo build --release -p shoplens-cli` and
`trunk build --release`):
    python3 tools/bench_baskets.py [DATA_DIR] [--repeat N] [--no-mlxtend] [--no-browser]
DATA_DIR defaults to ../shared/data; groceries falls back to testdata/arules-groceries.

With --algorithms, instead: the three miners of each tool side by side. For T10I4D100K
and a retail.dat-like file (tools/gen_retail.py, seed 7; the real retail.dat is not
available) at 0.1 % and 0.05 %, pyfim 6.28's fpgrowth / apriori / eclat (the call only,
CPU time by time.process_time) against shoplens's FP-Growth / Apriori / Eclat timed by the
bench binary crates/core/benches/mine.rs (the search only, parsing excluded, CPU time of
its thread); the ratio is shoplens / pyfim (target <= 2). Itemset counts must be equal:
the script exits with 1 when they are not. Needs `pip install pyfim==6.28`.
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


def bench_native(path, support, count=False):
    """The CLI in a fresh process, its JSON written to /dev/null: wall, CPU (user + system)
    and peak memory of that process alone, from wait4. With count=True the JSON is read
    back instead, to count the itemsets and take the peak memory (that run is not timed: a pipe read by Python costs
    the CLI context switches that are the reader's, not the search's)."""
    argv = [CLI, "itemsets", path, "--min-support", str(support), "--json"]
    if count:
        # Peak memory from /usr/bin/time: a child of Python keeps Python's size as its
        # high-water mark across exec.
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, capture_output=True,
                             text=True, check=True)
        return len(json.loads(out.stdout)["itemsets"]), int(out.stderr.strip().splitlines()[-1])
    t0 = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{argv} failed with {child.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"itemsets": None, "wall": wall, "cpu": cpu, "peak_kb": None}


def bench_python(tool, path, support):
    out = subprocess.run(
        [sys.executable, "-c", CHILD, tool, path, str(support)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def bench_browser(cases, repeat):
    """The real page in headless Chromium for every (path, support) in `cases`, in one
    browser session: {(path, support): result} (see benches/baskets.mjs), or {} when the
    release site or node is missing."""
    if not os.path.exists(os.path.join(ROOT, "dist", "index.html")):
        print("no dist/: run `trunk build --release` for the browser column")
        return {}
    command = ["node", os.path.join(ROOT, "benches", "baskets.mjs"), "--repeat", str(repeat)]
    for path, support in cases:
        command += ["--case", f"{path}:{support}"]
    out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        print(f"browser bench failed:\n{out.stderr[-2000:]}")
        return {}
    return {(os.path.abspath(r["file"]), r["support"]): r for r in json.loads(out.stdout)}


def best(runs):
    return min(runs, key=lambda r: r["cpu"])


ALGORITHM_CASES = [
    ("fimi-T10I4D100K/T10I4D100K.dat", 0.001),
    ("fimi-T10I4D100K/T10I4D100K.dat", 0.0005),
    ("retail-like", 0.001),
    ("retail-like", 0.0005),
]

# Times one pyfim miner's call in a child Python (the file parsed first, not timed).
ALGORITHM_CHILD = r"""
import json, math, sys, time
import fim
miner, path, support, repeat = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
baskets = [sorted(set(line.split())) for line in open(path, encoding="ascii")]
baskets = [b for b in baskets if b]
exact = support * len(baskets)
count = int(round(exact)) if abs(exact - round(exact)) <= 1e-9 * max(round(exact), 1) else math.ceil(exact)
best_cpu, best_wall, found = float("inf"), float("inf"), 0
for _ in range(repeat):
    c0, w0 = time.process_time(), time.perf_counter()
    found = len(getattr(fim, miner)(baskets, supp=-count, report="a"))
    best_cpu = min(best_cpu, time.process_time() - c0)
    best_wall = min(best_wall, time.perf_counter() - w0)
print(json.dumps({"itemsets": found, "cpu": best_cpu, "wall": best_wall}))
"""


def bench_algorithms(data, repeat):
    """The --algorithms table; returns the exit code (1 on a count mismatch)."""
    build = subprocess.run(
        ["cargo", "bench", "-p", "shoplens-core", "--bench", "mine", "--no-run",
         "--message-format", "json"], capture_output=True, text=True, cwd=ROOT, check=True)
    binary = next(json.loads(line)["executable"] for line in build.stdout.splitlines()
                  if '"executable":"' in line and "mine" in line)
    retail = os.path.join(ROOT, "target", "bench", "retail_like.dat")
    if not os.path.exists(retail):
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_retail.py"), retail],
                       check=True)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          "each pair runs back to back; CPU seconds (best of {repeat})".replace("{repeat}", str(repeat)))
    header = f"{'data':<16} {'supp':>6} {'algorithm':<9} {'sets':>7} | {'shoplens s':>10} {'pyfim s':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    failed = False
    for rel, support in ALGORITHM_CASES:
        path = retail if rel == "retail-like" else os.path.join(data, rel)
        if not os.path.exists(path):
            print(f"{rel}: absent; skipped")
            continue
        for ours, theirs in (("fpgrowth", "fpgrowth"), ("apriori", "apriori"), ("eclat", "eclat")):
            out = subprocess.run([binary, path, str(support), ours, "--repeat", str(repeat)],
                                 capture_output=True, text=True, check=True)
            native = json.loads(out.stdout)
            out = subprocess.run([sys.executable, "-c", ALGORITHM_CHILD, theirs, path,
                                  str(support), str(repeat)], capture_output=True, text=True,
                                 check=True)
            pyfim = json.loads(out.stdout)
            if native["itemsets"] != pyfim["itemsets"]:
                failed = True
                print(f"  COUNT MISMATCH: shoplens {native['itemsets']}, pyfim {pyfim['itemsets']}")
            print(f"{os.path.basename(path)[:16]:<16} {support * 100:>5.2g}% {ours:<9} "
                  f"{native['itemsets']:>7} | {native['cpu']:>10.3f} {pyfim['cpu']:>8.3f} "
                  f"{native['cpu'] / pyfim['cpu']:>5.2f}x")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-mlxtend", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--algorithms", action="store_true",
                        help="the three miners against pyfim's three (see the module doc)")
    args = parser.parse_args()
    if args.algorithms:
        return bench_algorithms(args.data, args.repeat)
    if not os.path.exists(CLI):
        print(f"no CLI at {CLI}: run `cargo build --release -p shoplens-cli` first")
        return 2
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    cases = []
    for rel, support in CASES:
        path = os.path.join(args.data, rel)
        if not os.path.exists(path):
            local = os.path.join(ROOT, "testdata", rel)
            if os.path.exists(local):
                path = local
            else:
                print(f"{rel}: absent under {args.data}; skipped")
                continue
        cases.append((os.path.abspath(path), support))
    browsers = {} if args.no_browser else bench_browser(cases, args.repeat)
    header = (f"{'data':<16} {'supp':>6} {'sets':>6} | {'shoplens cpu/wall s':>19} {'MB':>5} | "
              f"{'pyfim cpu/wall s':>16} {'MB':>5} | {'mlxtend cpu/wall s':>18} {'MB':>5} | "
              f"{'browser sets/all/parse s':>28} {'MB':>5} | {'vs pyfim':>8} {'browser':>7} {'vs mlxtend':>10}")
    print(header)
    print("-" * len(header))
    for path, support in cases:
        native = best([bench_native(path, support) for _ in range(args.repeat)])
        native["itemsets"], native["peak_kb"] = bench_native(path, support, count=True)
        pyfim = best([bench_python("pyfim", path, support) for _ in range(args.repeat)])
        mlx = None if args.no_mlxtend else best(
            [bench_python("mlxtend", path, support) for _ in range(min(args.repeat, 3))])
        browser = browsers.get((path, support))
        counts = {native["itemsets"], pyfim["itemsets"]} | ({mlx["itemsets"]} if mlx else set())
        if browser:
            counts.add(browser["itemsets"])
        if len(counts) != 1:
            print(f"  COUNT MISMATCH: shoplens {native['itemsets']}, pyfim {pyfim['itemsets']}, "
                  f"mlxtend {mlx and mlx['itemsets']}, browser {browser and browser['itemsets']}")
        mlx_cell = f"{mlx['cpu']:>8.3f}/{mlx['wall']:<9.3f} {mlx['peak_kb'] / 1e3:>5.0f}" if mlx else f"{'skipped':>18} {'':>5}"
        ratio_mlx = f"{mlx['cpu'] / native['cpu']:>9.1f}x" if mlx else f"{'':>10}"
        if browser:
            sets = browser["itemsets_ms"] / 1e3
            search = browser["search_ms"] / 1e3
            parse = (browser["load_ms"] + browser["build_ms"]) / 1e3
            memory = (browser["wasm_bytes"] + browser["js_heap_bytes"]) / 1e6
            browser_cell = f"{sets:>8.3f}/{search:.3f}/{parse:<10.3f} {memory:>5.0f}"
            ratio_browser = f"{sets / pyfim['wall']:>6.2f}x"
        else:
            browser_cell = f"{'n/a':>28} {'':>5}"
            ratio_browser = f"{'':>7}"
        print(
            f"{os.path.basename(path)[:16]:<16} {support * 100:>5.2g}% {native['itemsets']:>6} | "
            f"{native['cpu']:>9.3f}/{native['wall']:<9.3f} {native['peak_kb'] / 1e3:>5.0f} | "
            f"{pyfim['cpu']:>7.3f}/{pyfim['wall']:<8.3f} {pyfim['peak_kb'] / 1e3:>5.0f} | "
            f"{mlx_cell} | {browser_cell} | "
            f"{native['cpu'] / pyfim['cpu']:>7.2f}x {ratio_browser} {ratio_mlx}"
        )
    print("vs pyfim: shoplens CPU time (parse included) / pyfim's call; target <= 1.0x.")
    print("browser: the page's itemset search in its worker / pyfim's call (wall); target <= 2x.")
    print("  browser all = the whole search (itemsets, rules, companion lists);")
    print("  browser parse = the Data page's load + the worker's basket building, apart;")
    print("  browser MB = the worker's wasm memory (its peak) + the tab's JS heap.")
    print("vs mlxtend: mlxtend's call / shoplens CPU time (how many times faster); target >= 20x.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
