#!/usr/bin/env python3
"""Compare ``shoplens inspect --json`` with the held-out corpus's expected.json.

What: for every file listed in ``testdata/heldout/expected.json`` (written by
``tools/make_heldout_corpus.py``), run ``shoplens inspect FILE --json`` and
compare the shape, the frequency of a time series, the number of data
rows, the role of each column with one clear right answer, the
personal-data flag of each column and, for order lines, the columns
shoplens suggests for grouping lines into baskets and for the item.
Columns are matched by position, so an unnamed or misdecoded header still
lines up. A failing run (non-zero exit, a panic, a timeout, output that is
not JSON) is reported as a finding for that file.

Why: the file-understanding module was tuned on its own corpus; this report
shows how it does on files it never saw. It is a report, not a test: it
prints a table file by file and the totals, and always exits 0.

The binary comes from the environment variable SHOPLENS (default
``target/debug/shoplens``). Files run one at a time with ``--threads 1`` to
keep the load light.

Usage: SHOPLENS=path/to/shoplens python3 tools/check_heldout.py [CORPUS_DIR]
"""

import json
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "testdata", "heldout")
BINARY = os.environ.get("SHOPLENS", os.path.join(ROOT, "target", "debug", "shoplens"))
TIMEOUT_S = 120


def run(path):
    """(parsed JSON or None, failure message or None)."""
    try:
        done = subprocess.run([BINARY, "inspect", path, "--json", "--threads", "1"],
                              capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT_S} s"
    except OSError as e:
        return None, f"could not run {BINARY}: {e}"
    err = done.stderr.decode("utf-8", "replace").strip().replace("\n", " ")
    if done.returncode != 0:
        kind = "panic" if "panicked" in err else "error"
        return None, f"exit {done.returncode} ({kind}): {err[:300]}"
    try:
        return json.loads(done.stdout.decode("utf-8")), None
    except ValueError as e:
        return None, f"exit 0 but output is not JSON ({e})"


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main():
    with open(os.path.join(CORPUS, "expected.json"), encoding="utf-8") as f:
        files = json.load(f)["files"]

    totals = {"files": 0, "shape_ok": 0, "failed": 0, "ts": 0, "freq_ok": 0,
              "roles": 0, "roles_ok": 0, "pii": 0, "pii_ok": 0, "deb": 0, "deb_ok": 0,
              "cols_files": 0, "cols_ok": 0, "rows": 0, "rows_ok": 0,
              "baskets": 0, "baskets_ok": 0, "items_ok": 0}
    print(f"binary: `{BINARY}`\n")
    print("| file | shape expected | shape got | rows | basket / item suggested "
          "| roles that differ | pii that differs |")
    print("|---|---|---|---|---|---|---|")
    debatable_lines = []
    for name in sorted(files):
        exp = files[name]
        totals["files"] += 1
        got, failure = run(os.path.join(CORPUS, name))
        n_roles = len(exp.get("roles", {}))
        n_pii = len(exp.get("pii", {}))
        totals["roles"] += n_roles
        totals["pii"] += n_pii
        totals["deb"] += len(exp.get("debatable", {}))
        if "frequency" in exp:
            totals["ts"] += 1
        if "columns" in exp:
            totals["cols_files"] += 1
        if failure:
            totals["failed"] += 1
            print(f"| {cell(name)} | {exp['shape']} | **FAILED** | | | {cell(failure)} | |")
            continue

        shape = got.get("shape")
        shape_txt = str(shape)
        if shape == exp["shape"]:
            totals["shape_ok"] += 1
        else:
            shape_txt = f"**{shape}**"
        if "frequency" in exp:
            freq = got.get("frequency")
            if freq == exp["frequency"]:
                totals["freq_ok"] += 1
            shape_txt += f" / {freq}" if freq == exp["frequency"] else f" / **{freq}**"
        exp_shape = exp["shape"] + (f" / {exp['frequency']}" if "frequency" in exp else "")

        rows_txt = ""
        if "rows" in exp:
            totals["rows"] += 1
            if got.get("rows") == exp["rows"]:
                totals["rows_ok"] += 1
                rows_txt = "ok"
            else:
                rows_txt = f"**{got.get('rows')}** (expected {exp['rows']})"
        basket_txt = ""
        if "basket_columns" in exp:
            totals["baskets"] += 1
            sug = got.get("suggested") or {}
            names = [c.get("name") for c in (got.get("columns") or [])]
            exp_idx = [exp["columns"].index(c) for c in exp["basket_columns"]]
            got_idx = list(sug.get("basket_columns") or [])
            item_idx = sug.get("item_column")
            parts = []
            if sorted(got_idx) == sorted(exp_idx):
                totals["baskets_ok"] += 1
            else:
                shown = [names[i] if i < len(names) else i for i in got_idx]
                parts.append(f"basket {exp['basket_columns']}→**{shown}**")
            if item_idx == exp["columns"].index(exp["item_column"]):
                totals["items_ok"] += 1
            else:
                shown = names[item_idx] if isinstance(item_idx, int) and item_idx < len(names) \
                    else item_idx
                parts.append(f"item `{exp['item_column']}`→**{shown}**")
            basket_txt = "; ".join(parts) or "ok"
        role_diffs, pii_diffs = [], []
        if "columns" in exp:
            cols = exp["columns"]
            got_cols = got.get("columns") or []
            if len(got_cols) == len(cols):
                totals["cols_ok"] += 1
            else:
                role_diffs.append(f"{len(got_cols)} columns read, {len(cols)} in the file")
            by_name = {c: i for i, c in enumerate(cols)}

            def got_col(col):
                i = by_name[col]
                return got_cols[i] if i < len(got_cols) else None

            for key, field, diffs in (("roles", "role", role_diffs),
                                      ("pii", "pii", pii_diffs)):
                for col, want in exp.get(key, {}).items():
                    g = got_col(col)
                    have = g.get(field) if g else "(missing)"
                    if have == want:
                        totals[key + "_ok"] += 1
                    else:
                        diffs.append(f"`{col or '(unnamed)'}` {want}→{have}")
            for col, ok_roles in exp.get("debatable", {}).items():
                g = got_col(col)
                have = g.get("role") if g else "(missing)"
                if have in ok_roles:
                    totals["deb_ok"] += 1
                else:
                    debatable_lines.append(
                        f"- {name}: `{col or '(unnamed)'}` got {have} "
                        f"(defensible: {', '.join(ok_roles)})")
        print(f"| {cell(name)} | {exp_shape} | {shape_txt} | {cell(rows_txt)} "
              f"| {cell(basket_txt)} | {cell('; '.join(role_diffs))} "
              f"| {cell('; '.join(pii_diffs))} |")

    t = totals
    print()
    print("## Totals\n")
    print(f"- files: {t['files']}; runs that failed (non-zero exit, panic, timeout): {t['failed']}")
    print(f"- shape right: {t['shape_ok']} / {t['files']}")
    print(f"- frequency right: {t['freq_ok']} / {t['ts']} time series")
    print(f"- column count right: {t['cols_ok']} / {t['cols_files']} files with columns")
    print(f"- data row count right: {t['rows_ok']} / {t['rows']} files")
    print(f"- order lines: suggested basket columns right {t['baskets_ok']} / {t['baskets']}, "
          f"suggested item column right {t['items_ok']} / {t['baskets']}")
    print(f"- role right: {t['roles_ok']} / {t['roles']} columns with one clear answer")
    print(f"- personal-data flag right: {t['pii_ok']} / {t['pii']} columns "
          f"(kind where personal, null elsewhere)")
    print(f"- debatable columns given one of the defensible roles: {t['deb_ok']} / {t['deb']} "
          f"(not counted above)")
    if debatable_lines:
        print("\n## Debatable columns given none of the defensible roles\n")
        print("\n".join(debatable_lines))
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
