#!/usr/bin/env python3
"""Check the shoplens CLI against REFERENCE.md on basket files that cannot be committed.

Market_Basket_Optimisation.csv and T10I4D100K.dat have no known licence, so they stay out
of the repository and out of the tests. This script runs the release CLI on them from a
shared data folder and compares the counts (and one top rule) with the figures pyfim 6.28
and mlxtend 0.25 give in /work/shared/data/REFERENCE.md.

Usage (from the repository root, after `cargo build --release -p shoplens-cli`):
    python3 tools/validate_baskets.py [DATA_DIR]    # default ../shared/data
Exit status 0 when every check passes, 1 when one fails, 2 when the data are absent.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "target", "release", "shoplens")

# (folder/file, min support, itemsets, rules_1c, rules_all) from REFERENCE.md.
CASES = [
    ("market-basket-optimisation/Market_Basket_Optimisation.csv", "0.01", 257, 2, 2),
    ("market-basket-optimisation/Market_Basket_Optimisation.csv", "0.005", 725, 20, 20),
    ("fimi-T10I4D100K/T10I4D100K.dat", "0.01", 385, 6, 7),
    ("fimi-T10I4D100K/T10I4D100K.dat", "0.005", 1073, 607, 1145),
]
# REFERENCE.md: Market_Basket_Optimisation 1%, top rule by lift.
TOP_RULE = (
    "market-basket-optimisation/Market_Basket_Optimisation.csv", "0.01",
    ["eggs", "ground beef"], ["mineral water"], 0.01013, 0.5067, 2.1256,
)


def run(*args):
    out = subprocess.run([CLI, *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
    if not os.path.exists(CLI):
        print(f"no CLI at {CLI}: run `cargo build --release -p shoplens-cli` first")
        return 2
    failures = 0
    checked = 0
    print(f"{'data':<36} {'support':>7} {'check':<10} {'shoplens':>9} {'reference':>9}")
    for rel, support, itemsets, rules_1c, rules_all in CASES:
        path = os.path.join(data, rel)
        if not os.path.exists(path):
            print(f"{rel}: ABSENT (not in the repository: unknown licence); skipped")
            continue
        got = {
            "itemsets": len(run("itemsets", path, "--min-support", support)["itemsets"]),
            "rules_1c": len(
                run("rules", path, "--min-support", support, "--min-confidence", "0.5")["rules"]
            ),
            "rules_all": len(
                run("rules", path, "--min-support", support, "--min-confidence", "0.5",
                    "--max-consequent", "0")["rules"]
            ),
        }
        for key, expected in [("itemsets", itemsets), ("rules_1c", rules_1c), ("rules_all", rules_all)]:
            ok = got[key] == expected
            failures += not ok
            checked += 1
            print(f"{os.path.basename(rel):<36} {support:>7} {key:<10} {got[key]:>9} {expected:>9}"
                  f"  {'ok' if ok else 'MISMATCH'}")
    rel, support, antecedent, consequent, s, c, l = TOP_RULE
    path = os.path.join(data, rel)
    if os.path.exists(path):
        top = run("rules", path, "--min-support", support, "--min-confidence", "0.5", "--top", "1")
        rule = top["rules"][0]
        ok = (
            sorted(rule["antecedent"]) == antecedent
            and rule["consequent"] == consequent
            and abs(rule["support"] - s) < 5e-6
            and abs(rule["confidence"] - c) < 5e-5
            and abs(rule["lift"] - l) < 5e-5
        )
        failures += not ok
        checked += 1
        print(f"top rule {rule['antecedent']} -> {rule['consequent']}: support "
              f"{rule['support']:.5f} confidence {rule['confidence']:.4f} lift {rule['lift']:.4f}"
              f"  {'ok' if ok else 'MISMATCH'}")
    if checked == 0:
        print(f"no data found under {data}")
        return 2
    print(f"{checked - failures}/{checked} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
