#!/usr/bin/env python3
"""Checks `shoplens baskets` against REFERENCE.md and pandas on data that may not be committed.

Usage: python3 tools/validate_basket_builder.py [SHARED_DATA_DIR] [--bin PATH]
  SHARED_DATA_DIR defaults to ../shared/data relative to the repository;
  --bin defaults to target/release/shoplens, else target/debug/shoplens.

Market_Basket_Optimisation.csv and Groceries_dataset.csv have no stated licence, so they stay
out of the repository; this script reads them where they are and says so when they are absent.
Expected counts: REFERENCE.md (baskets), and pandas / plain Python computed here (items, mean
basket size, repeats). Exit code 1 on any mismatch.
"""
import argparse
import json
import os
import subprocess
import sys

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lines_reference(path):
    with open(path, encoding="utf-8") as f:
        baskets = [[i.strip() for i in l.rstrip("\r\n").split(",") if i.strip()] for l in f if l.strip()]
    distinct = [set(b) for b in baskets]
    return {
        "baskets": len(distinct),
        "items": len(set().union(*distinct)),
        "mean_basket_size": sum(map(len, distinct)) / len(distinct),
        "duplicate_items": sum(len(b) - len(set(b)) for b in baskets),
    }


def long_reference(path, keys, item):
    df = pd.read_csv(path)
    df[item] = df[item].astype(str).str.strip()
    sizes = df.groupby(keys)[item].nunique()
    return {
        "baskets": int(len(sizes)),
        "items": int(df[item].nunique()),
        "mean_basket_size": float(sizes.mean()),
        "duplicate_items": int(len(df) - sizes.sum()),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared", nargs="?", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--bin", default=None)
    a = ap.parse_args()
    binary = a.bin or next((p for p in (os.path.join(ROOT, "target", "release", "shoplens"),
                                        os.path.join(ROOT, "target", "debug", "shoplens")) if os.path.exists(p)), None)
    if binary is None:
        sys.exit("no shoplens binary: run cargo build --release -p shoplens-cli")
    cases = [
        ("arules-groceries/groceries.csv", [], None, 9835, lambda p: lines_reference(p)),
        ("market-basket-optimisation/Market_Basket_Optimisation.csv", [], None, 7501, lambda p: lines_reference(p)),
        ("kaggle-groceries-dataset/Groceries_dataset.csv", ["Member_number", "Date"], "itemDescription", 14963,
         lambda p: long_reference(p, ["Member_number", "Date"], "itemDescription")),
    ]
    failures = 0
    print(f"{'file':58} {'check':18} {'shoplens':>12} {'reference':>12}")
    for rel, keys, item, reference_baskets, reference in cases:
        path = os.path.join(a.shared, rel)
        if not os.path.exists(path):
            print(f"{rel:58} ABSENT: not checked (file not found under {a.shared})")
            continue
        args = [binary, "baskets", path, "--json"]
        for k in keys:
            args += ["--basket-col", k]
        if item:
            args += ["--item-col", item]
        out = subprocess.run(args, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{rel:58} FAILED: {out.stderr.strip()}")
            failures += 1
            continue
        ours = json.loads(out.stdout)
        ref = reference(path)
        checks = [("baskets (REF.md)", ours["baskets"], reference_baskets),
                  ("baskets (pandas)", ours["baskets"], ref["baskets"]),
                  ("items", ours["items"], ref["items"]),
                  ("duplicate_items", ours["removed"]["duplicate_items"], ref["duplicate_items"]),
                  ("mean_basket_size", round(ours["mean_basket_size"], 10), round(ref["mean_basket_size"], 10))]
        for name, got, want in checks:
            ok = got == want
            failures += not ok
            print(f"{rel:58} {name:18} {got:>12} {want:>12} {'ok' if ok else 'MISMATCH'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
