#!/usr/bin/env python3
"""Compare shoplens' understanding of the second held-out corpus with the expectations.

`tools/make_heldout2_corpus.py` writes `testdata/heldout2/` and `expected.json`, the
understanding each file should get, written by hand from how the files are built. This
script runs `shoplens inspect FILE --json` on every file, compares shape, frequency, each
column's role and personal-data kind, and for basket-bearing files the suggested basket,
item and matrix columns, and prints a Markdown report: a table file by file, then totals.
It only measures; it exits 0 whatever it finds.

Binary: env SHOPLENS (default target/debug/shoplens). Standard library only.
Usage: SHOPLENS=/path/to/shoplens python3 tools/check_heldout2.py [CORPUS_DIR]
"""

import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "testdata", "heldout2")
BIN = os.environ.get("SHOPLENS", os.path.join(ROOT, "target", "debug", "shoplens"))
SKIP = "?"


def as_list(v):
    return v if isinstance(v, list) else [v]


def fmt(v):
    if isinstance(v, list):
        return "/".join("null" if x is None else str(x) for x in v)
    return "null" if v is None else str(v)


def inspect(path, extra=()):
    try:
        p = subprocess.run([BIN, "inspect", path, "--json", *extra], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not run: {e}"
    if p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit {p.returncode}: {msg[0] if msg else ''}"
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, f"bad JSON: {e}"


def names_of(idx, columns):
    if idx is None:
        return None
    return columns[idx]["name"] if 0 <= idx < len(columns) else f"#{idx}"


def main():
    with open(os.path.join(CORPUS, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)["files"]
    t = dict(files=0, failed=0, shape=0, freq_n=0, freq=0, roles_n=0, roles=0, pii_n=0, pii=0,
             pii_pos_n=0, pii_pos=0, pii_false=0, basket_n=0, basket=0, item_n=0, item=0,
             matrix_n=0, matrix=0, missing_cols=0)
    detected = {}
    out = ["| file | shape expected → got | differences |", "|---|---|---|"]
    for name in sorted(expected):
        exp = expected[name]
        t["files"] += 1
        got, err = inspect(os.path.join(CORPUS, name))
        if got is None:
            t["failed"] += 1
            t["roles_n"] += len(exp["columns"])
            t["pii_n"] += sum(c.get("pii") != SKIP for c in exp["columns"].values())
            t["pii_pos_n"] += sum(c.get("pii") not in (SKIP, None) for c in exp["columns"].values())
            out.append(f"| {name} | {fmt(exp['shape'])} → FAILED | {err} |")
            continue
        detected[name] = got.get("encoding")
        diffs = []
        shape_ok = got.get("shape") in as_list(exp["shape"])
        t["shape"] += shape_ok
        if exp.get("frequency") is not None and got.get("shape") == "time_series" or (
                exp.get("frequency") is not None and exp["shape"] == "time_series"):
            t["freq_n"] += 1
            if got.get("frequency") in as_list(exp["frequency"]):
                t["freq"] += 1
            else:
                diffs.append(f"frequency {fmt(exp['frequency'])} → {fmt(got.get('frequency'))}")
        cols = got.get("columns", [])
        by_name = {c["name"]: c for c in cols}
        for cname, ce in exp["columns"].items():
            c = by_name.get(cname)
            if c is None and cname == "":
                c = cols[0] if cols else None  # unnamed first column may get a generated name
            if c is None:
                t["missing_cols"] += 1
                t["roles_n"] += 1
                t["pii_n"] += ce.get("pii") != SKIP  # counted as wrong
                t["pii_pos_n"] += ce.get("pii") not in (SKIP, None)
                diffs.append(f"column `{cname}` not found")
                continue
            t["roles_n"] += 1
            if c.get("role") in as_list(ce["role"]):
                t["roles"] += 1
            else:
                diffs.append(f"`{cname}` role {fmt(ce['role'])} → {c.get('role')}")
            if ce.get("pii") != SKIP:
                t["pii_n"] += 1
                ok = c.get("pii") == ce.get("pii")
                t["pii"] += ok
                if ce.get("pii") is not None:
                    t["pii_pos_n"] += 1
                    t["pii_pos"] += ok
                elif not ok:
                    t["pii_false"] += 1
                if not ok:
                    diffs.append(f"`{cname}` pii {fmt(ce.get('pii'))} → {fmt(c.get('pii'))}")
        sug = got.get("suggested") or {}
        for key, counter, got_value in (
                ("basket_columns", "basket", [names_of(i, cols) for i in sug.get("basket_columns") or []]),
                ("item_column", "item", names_of(sug.get("item_column"), cols)),
                ("matrix_item_columns", "matrix", [names_of(i, cols) for i in sug.get("matrix_item_columns") or []])):
            if key not in exp:
                continue
            t[counter + "_n"] += 1
            # basket_columns and item_column list the acceptable answers; matrix_item_columns is the one answer
            acceptable = [exp[key]] if key == "matrix_item_columns" else exp[key]
            if got_value in acceptable:
                t[counter] += 1
            else:
                diffs.append(f"{key} {' or '.join(map(str, acceptable))} → {got_value}")
        shape_txt = f"{fmt(exp['shape'])} → {got.get('shape')}" + ("" if shape_ok else " **✗**")
        out.append(f"| {name} | {shape_txt} | {'; '.join(diffs) if diffs else 'all right'} |")
    notes = []
    for name in sorted(expected):
        enc = expected[name].get("encoding")
        if not enc:
            continue
        got, err = inspect(os.path.join(CORPUS, name), ["--encoding", enc])
        if got is None:
            notes.append(f"- {name} with `--encoding {enc}`: {err}")
            continue
        by_name = {c["name"]: c for c in got.get("columns", [])}
        ec = expected[name]["columns"]
        right = sum(1 for k, v in ec.items() if k in by_name and by_name[k].get("role") in as_list(v["role"]))
        notes.append(f"- {name} (written as {enc}; read by default as {detected.get(name, 'nothing')}); "
                     f"with `--encoding {enc}`: shape {got.get('shape')}, roles right {right}/{len(ec)}")
    pct = lambda a, b: f"{a}/{b} ({100 * a / b:.0f} %)" if b else "0/0"
    out += ["", "## Totals", "",
            f"- files: {t['files']}, failed to read (non-zero exit or bad JSON): {t['failed']}",
            f"- shape right: {pct(t['shape'], t['files'])}",
            f"- frequency right (series): {pct(t['freq'], t['freq_n'])}",
            f"- column roles right: {pct(t['roles'], t['roles_n'])} (columns not found: {t['missing_cols']})",
            f"- pii right: {pct(t['pii'], t['pii_n'])}; personal-data columns found with the right kind: "
            f"{pct(t['pii_pos'], t['pii_pos_n'])}; false flags on non-personal columns: {t['pii_false']}",
            f"- order-line suggestions: basket columns {pct(t['basket'], t['basket_n'])}, "
            f"item column {pct(t['item'], t['item_n'])}",
            f"- basket-matrix item columns right: {pct(t['matrix'], t['matrix_n'])}",
            "", "## Legacy encodings named explicitly (not in the totals)", ""] + notes
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
