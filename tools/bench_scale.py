#!/usr/bin/env python3
"""How far one machine goes: the release CLI on 1, 5 and 10 million order lines (README
"When to move to Spark").

Usage: python3 tools/bench_scale.py [--bin PATH] [--sizes 1000000,5000000,10000000]
  --bin defaults to target/release/shoplens (cargo build --release -p shoplens-cli); the
  files are written by tools/gen_orders.py (seed 42) into target/bench/ when missing.

For each size, two commands run under GNU time (`/usr/bin/time -v`): `shoplens baskets`
(read, type, group the order lines into baskets) and `shoplens rules --min-support 0.01
--min-confidence 0.5` (the same, then FP-Growth and the rules). Prints wall seconds,
order lines per second and the peak resident memory, in total and per million lines.
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(cmd):
    done = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    hours, minutes, seconds = (float(g) if g else 0.0 for g in wall.groups())
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return hours * 3600 + minutes * 60 + seconds, rss_kb / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "shoplens"))
    parser.add_argument("--sizes", default="1000000,5000000,10000000")
    parser.add_argument("--dir", default=os.path.join(ROOT, "target", "bench"))
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    print("| order lines | file | command | seconds | lines/s | peak RSS | RSS per 1M lines |")
    print("|---|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        path = os.path.join(args.dir, f"orders_{size}.csv")
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_orders.py"), str(size), path],
                           check=True)
        mb = os.path.getsize(path) / 1e6
        for name, extra in [("baskets", ["baskets", path]),
                            ("rules 1%", ["rules", path, "--min-support", "0.01", "--min-confidence", "0.5"])]:
            seconds, rss = measure([args.bin, *extra])
            print(f"| {size:,} | {mb:,.0f} MB | {name} | {seconds:.2f} | {size / seconds:,.0f} | "
                  f"{rss:,.0f} MB | {rss / (size / 1e6):,.0f} MB |", flush=True)


if __name__ == "__main__":
    main()
