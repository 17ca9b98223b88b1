#!/usr/bin/env python3
"""The Spark export checked against the native run (`make test-spark`).

For each job below: run it natively (`shoplens run JOB FILE --json`), export it
(`shoplens export spark JOB --out DIR`), run the exported program with pyspark's bundled
`spark-submit --master local[2]`, and compare:

- baskets (groceries, one basket per line; Online Retail order lines): the same build
  counts, the same frequent itemsets with the same counts, the same rules, and support,
  confidence and lift equal to 1e-9;
- RFM k-means on Online Retail order lines, started from the native run's k-means++
  centres (passed with --initial-centres, as Spark's k-means|| cannot reproduce core's
  seeded k-means++): inertia within 1 % and the same cluster sizes up to relabelling;
- a random forest (50 trees, depth 10) on online shoppers, held out on the native run's test rows (passed
  with --test-rows, as Spark cannot reproduce core's shuffle): accuracy within 0.02.

Prints a table (counts, measures, seconds) and exits 1 on any mismatch. Needs the
shoplens binary (SHOPLENS, default target/debug/shoplens) and spark-submit (SPARK_SUBMIT,
default .venv/bin/spark-submit, which ./setup.sh installs). Standard library only.
"""

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOPLENS = os.environ.get("SHOPLENS", os.path.join(ROOT, "target", "debug", "shoplens"))
SPARK_SUBMIT = os.environ.get("SPARK_SUBMIT", os.path.join(ROOT, ".venv", "bin", "spark-submit"))
MASTER = os.environ.get("SPARK_MASTER_URL", "local[2]")

GROCERIES = os.path.join(ROOT, "testdata", "arules-groceries", "groceries.csv")
RETAIL = os.path.join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv")
RETAIL_FULL_ORDERS = os.path.join(ROOT, "testdata", "uci-online-retail-first1071", "OnlineRetail_first1071.csv")
SHOPPERS = os.path.join(ROOT, "testdata", "uci-online-shoppers", "online_shoppers_intention.csv")

failures = []
rows = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print(f"  MISMATCH: {what}", file=sys.stderr)


def run(cmd):
    # Spark's Python (driver and workers) is the virtualenv's that holds pyspark and numpy.
    env = dict(os.environ)
    venv_python = os.path.join(os.path.dirname(SPARK_SUBMIT), "python")
    if os.path.exists(venv_python):
        env.setdefault("PYSPARK_PYTHON", venv_python)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}")
    return done.stdout, seconds


def native(job_path, data):
    out, seconds = run([SHOPLENS, "run", job_path, data, "--json"])
    return json.loads(out), seconds


def spark(job_path, data, work, name, *extra):
    folder = os.path.join(work, name)
    run([SHOPLENS, "export", "spark", job_path, "--out", folder])
    out, seconds = run([SPARK_SUBMIT, "--master", MASTER, "--driver-memory", "1g",
                        os.path.join(folder, "job.py"), data, *extra])
    return json.loads(out), seconds


def write_job(work, name, job):
    path = os.path.join(work, f"{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(job, f, indent=2)
    return path


def report(*row):
    """Keeps a row for the closing table and prints it at once (a long run shows progress)."""
    rows.append(row)
    print(" | ".join(str(x) if not isinstance(x, float) else f"{x:.1f}s" for x in row), flush=True)


def close(a, b, tol=1e-9):
    return a is not None and b is not None and abs(a - b) <= tol


def compare_baskets(work, name, data, job):
    path = write_job(work, name, job)
    # The native run fills in the detected shape and columns; Spark runs that filled job.
    ours, t_native = native(path, data)
    filled = write_job(work, f"{name}-filled", {"kind": "baskets", **ours["job"]})
    theirs, t_spark = spark(filled, data, work, name)
    a, b = ours["prepared"]["report"], theirs["prepared"]["report"]
    for key in ["rows", "baskets", "items", "empty_baskets"]:
        check(a[key] == b[key], f"{name}: {key} {a[key]} native, {b[key]} Spark")
    for key, value in a["removed"].items():
        check(value == b["removed"][key], f"{name}: removed.{key} {value} native, {b['removed'][key]} Spark")
    if a.get("cancellations"):
        for key in ["applied", "prefixed_lines", "negative_lines", "reason"]:
            check(a["cancellations"][key] == b["cancellations"][key],
                  f"{name}: cancellations.{key} {a['cancellations'][key]} native, {b['cancellations'][key]} Spark")
    m, s = ours["mined"], theirs["mined"]
    check(m["min_count"] == s["min_count"], f"{name}: min_count {m['min_count']} vs {s['min_count']}")

    def itemsets(mined):
        names = mined["items"]
        return {frozenset(names[i] for i in x["items"]): x for x in mined["itemsets"]}

    def rules(mined):
        names = mined["items"]
        return {(frozenset(names[i] for i in r["antecedent"]), names[r["consequent"][0]]): r for r in mined["rules"]}

    ni, si = itemsets(m), itemsets(s)
    check(set(ni) == set(si), f"{name}: itemsets differ ({len(set(ni) - set(si))} native only, "
          f"{len(set(si) - set(ni))} Spark only)")
    worst = 0.0
    for key in set(ni) & set(si):
        check(ni[key]["count"] == si[key]["count"], f"{name}: count of {sorted(key)}")
        worst = max(worst, abs(ni[key]["support"] - si[key]["support"]))
    nr, sr = rules(m), rules(s)
    check(set(nr) == set(sr), f"{name}: rules differ ({len(set(nr) - set(sr))} native only, "
          f"{len(set(sr) - set(nr))} Spark only)")
    for key in set(nr) & set(sr):
        for measure in ["support", "confidence", "lift"]:
            diff = abs(nr[key][measure] - sr[key][measure])
            worst = max(worst, diff)
            check(diff <= 1e-9, f"{name}: {measure} of {sorted(key[0])} -> {key[1]}: "
                  f"{nr[key][measure]!r} vs {sr[key][measure]!r}")
    report(name, f"{a['baskets']} baskets, {len(ni)} itemsets, {len(nr)} rules",
                 f"{b['baskets']} baskets, {len(si)} itemsets, {len(sr)} rules",
                 f"max |diff| support/conf/lift {worst:.1e}", t_native, t_spark)


def compare_segment(work):
    job = {
        "kind": "segment",
        "source": {"rfm": {"customer": "CustomerID", "date": "InvoiceDate", "invoice": "InvoiceNo",
                           "amount": {"QuantityPrice": {"quantity": "Quantity", "price": "UnitPrice"}}}},
        "log": True, "k": 4, "seed": 42, "n_init": 10,
    }
    path = write_job(work, "segment", job)
    ours, t_native = native(path, RETAIL)
    centres = os.path.join(work, "initial-centres.json")
    with open(centres, "w", encoding="utf-8") as f:
        json.dump(ours["initial_centers"], f)
    theirs, t_spark = spark(path, RETAIL, work, "segment", "--initial-centres", centres)
    check(ours["ids"] == theirs["ids"], "segment: customers differ (ids or their order)")
    worst = max((abs(a - b) for a, b in zip(ours["values"], theirs["values"])), default=0.0)
    check(len(ours["values"]) == len(theirs["values"]) and worst <= 1e-6 * max(1.0, max(map(abs, ours["values"]))),
          f"segment: RFM values differ by up to {worst}")
    rel = abs(ours["inertia"] - theirs["inertia"]) / ours["inertia"]
    check(rel <= 0.01, f"segment: inertia {ours['inertia']} native, {theirs['inertia']} Spark")
    sizes_n = sorted(Counter(ours["labels"]).values())
    sizes_s = sorted(Counter(theirs["labels"]).values())
    check(sizes_n == sizes_s, f"segment: sizes {sizes_n} native, {sizes_s} Spark")
    # Same partition up to relabelling: each native cluster maps to one Spark cluster.
    pairs = Counter(zip(ours["labels"], theirs["labels"]))
    agree = sum(max(c for (n, _), c in pairs.items() if n == label) for label in set(ours["labels"]))
    report("RFM k-means (k=4, log)", f"{len(ours['ids'])} customers, inertia {ours['inertia']:.4f}, sizes {sizes_n}",
                 f"inertia {theirs['inertia']:.4f}, sizes {sizes_s}",
                 f"inertia rel. diff {rel:.1e}, {agree}/{len(ours['labels'])} same segment", t_native, t_spark)


def compare_forest(work):
    # The CLI's job with every default filled in (features, task, stratify), then a
    # forest of 50 trees at most 10 deep (small, so that Spark fits it in seconds).
    filled_path = os.path.join(work, "forest.json")
    run([SHOPLENS, "fit", SHOPPERS, "--target", "Revenue", "--model", "forest",
                  "--save-job", filled_path, "--json"])
    with open(filled_path, encoding="utf-8") as f:
        filled = json.load(f)
    filled["model"]["n_trees"] = 50
    filled["model"]["tree"]["max_depth"] = 10
    with open(filled_path, "w", encoding="utf-8") as f:
        json.dump(filled, f, indent=2)
    ours, t_native = native(filled_path, SHOPPERS)
    test_rows = os.path.join(work, "test-rows.json")
    with open(test_rows, "w", encoding="utf-8") as f:
        json.dump([p["row"] for p in ours["predictions"]], f)
    theirs, t_spark = spark(filled_path, SHOPPERS, work, "forest", "--test-rows", test_rows)
    acc_n = dict(ours["metrics"])["accuracy"]
    acc_s = dict(theirs["metrics"])["accuracy"]
    check(ours["n_test"] == theirs["n_test"], f"forest: {ours['n_test']} test rows native, {theirs['n_test']} Spark")
    check(abs(acc_n - acc_s) <= 0.02, f"forest: accuracy {acc_n:.4f} native, {acc_s:.4f} Spark")
    auc_n, auc_s = dict(ours["metrics"]).get("roc_auc"), dict(theirs["metrics"]).get("roc_auc")
    report("forest, online shoppers", f"{ours['n_train']}/{ours['n_test']} rows, accuracy {acc_n:.4f}, AUC {auc_n:.4f}",
                 f"accuracy {acc_s:.4f}, AUC {auc_s:.4f}", f"accuracy diff {abs(acc_n - acc_s):.4f}", t_native, t_spark)


def check_refusals(work):
    """Options Spark lacks stop the program with exit code 2 and a sentence naming them,
    before Spark starts."""
    cases = [
        ("support as a count", {"kind": "baskets", "source": {"shape": "line_per_basket"},
                                "mine": {"min_support": {"Count": 50}, "min_confidence": 0.2}},
         "mine.min_support"),
        ("two-item consequents", {"kind": "baskets", "source": {"shape": "line_per_basket"},
                                  "mine": {"min_support": {"Fraction": 0.01}, "min_confidence": 0.2,
                                           "max_consequent": 2}},
         "mine.max_consequent"),
        ("min_samples_split", {"kind": "fit", "target": "Revenue", "features": ["PageValues"],
                               "task": "classification",
                               "model": {"kind": "forest", "tree": {"min_samples_split": 5}}},
         "model.min_samples_split"),
    ]
    for name, job, field in cases:
        path = write_job(work, f"refuse-{field}", job)
        folder = os.path.join(work, f"refuse-{field}")
        run([SHOPLENS, "export", "spark", path, "--out", folder])
        python = os.path.join(os.path.dirname(SPARK_SUBMIT), "python")
        done = subprocess.run([python, os.path.join(folder, "job.py"), GROCERIES],
                              capture_output=True, text=True)
        check(done.returncode == 2 and field in done.stderr and not done.stdout,
              f"refusal of {name}: exit {done.returncode}, stderr {done.stderr[-300:]!r}")
    report("options Spark lacks", f"{len(cases)} jobs", "refused (exit 2, field named)", "", 0.0, 0.0)


def main():
    for tool in (SHOPLENS, SPARK_SUBMIT):
        if not os.path.exists(tool):
            raise SystemExit(f"missing {tool}: run ./setup.sh and cargo build -p shoplens-cli")
    with tempfile.TemporaryDirectory(prefix="shoplens-spark-") as work:
        check_refusals(work)
        compare_baskets(work, "groceries baskets", GROCERIES, {
            "kind": "baskets",
            "mine": {"min_support": {"Fraction": 0.005}, "min_confidence": 0.2},
        })
        compare_baskets(work, "retail order lines", RETAIL_FULL_ORDERS, {
            "kind": "baskets",
            "mine": {"min_support": {"Fraction": 0.07}, "min_confidence": 0.5},
        })
        compare_segment(work)
        compare_forest(work)
    width = [max(len(str(r[i])) for r in rows) for i in range(4)]
    print(f"\n{'job':<{width[0]}}  {'native':<{width[1]}}  {'Spark local[2]':<{width[2]}}  {'agreement':<{width[3]}}  native s  Spark s")
    for r in rows:
        print(f"{r[0]:<{width[0]}}  {r[1]:<{width[1]}}  {r[2]:<{width[2]}}  {r[3]:<{width[3]}}  {r[4]:8.2f}  {r[5]:7.1f}")
    if failures:
        print(f"\n{len(failures)} mismatches", file=sys.stderr)
        return 1
    print("\nSpark export agrees with the native runs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
