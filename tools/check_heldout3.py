#!/usr/bin/env python3
"""Compare `shoplens inspect --json` with the hand-written expectations of testdata/heldout3.

What: for every file listed in `testdata/heldout3/expected.json` this runs the CLI
(`$SHOPLENS`, default `target/debug/shoplens`) and prints, as Markdown, one row per file
(shape expected and got, frequency, encoding, roles and personal-data kinds that differ,
basket and item columns for order lines, failures and non-zero exits) and the totals.

Why: the corpus was never used to tune the file-understanding module, so its totals are
an out-of-sample measure of how well shoplens reads exports it has not seen. The script
always exits 0: it reports, it does not gate.

Expectations: a role or shape may be one value or a list of acceptable values; a role of
null is not checked (matrix item columns); a pii of "?" is not checked. Columns are
compared by position, so duplicated or space-padded header names do not confuse it.
Standard library only.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
CORPUS = os.path.join(ROOT, "testdata", "heldout3")


def accepts(expected, got):
    if isinstance(expected, list):
        return got in expected
    return got == expected


def show(expected):
    return "|".join(expected) if isinstance(expected, list) else str(expected)


def norm_encoding(name):
    n = (name or "").lower().replace("_", "-")
    aliases = {"cp1250": "windows-1250", "cp1251": "windows-1251", "euc-kr": "euc-kr",
               "gb18030": "gb18030", "gbk": "gb18030"}
    return aliases.get(n, n)


def col_names(got, indexes):
    if indexes is None:
        return None
    if isinstance(indexes, int):
        indexes = [indexes]
    names = []
    for i in indexes:
        cols = got.get("columns", [])
        names.append(cols[i]["name"].strip() if 0 <= i < len(cols) else "#%d" % i)
    return names


def main():
    binary = os.environ.get("SHOPLENS", os.path.join(ROOT, "target", "debug", "shoplens"))
    with open(os.path.join(CORPUS, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)["files"]

    t = {"files": 0, "ran": 0, "shape": 0, "freq_n": 0, "freq": 0, "enc_n": 0, "enc": 0,
         "roles_n": 0, "roles": 0, "pii_n": 0, "pii": 0, "basket_n": 0, "basket": 0,
         "item_n": 0, "item": 0, "matrix_n": 0, "matrix": 0}
    lines = ["| file | shape expected → got | freq | roles differing | pii differing | other |",
             "|---|---|---|---|---|---|"]
    for e in expected:
        t["files"] += 1
        path = os.path.join(CORPUS, e["file"])
        try:
            proc = subprocess.run([binary, "inspect", path, "--json"], capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as err:
            lines.append("| %s | %s → FAILED | | | | %s |" % (e["file"], show(e["shape"]), err))
            continue
        if proc.returncode != 0:
            msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            lines.append("| %s | %s → exit %d | | | | %s |" % (
                e["file"], show(e["shape"]), proc.returncode, (msg[-1] if msg else "")[:120]))
            continue
        try:
            got = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as err:
            lines.append("| %s | %s → bad JSON | | | | %s |" % (e["file"], show(e["shape"]), err))
            continue
        t["ran"] += 1
        other = []
        shape_ok = accepts(e["shape"], got.get("shape"))
        t["shape"] += shape_ok
        shape_cell = "%s → %s%s" % (show(e["shape"]), got.get("shape"), "" if shape_ok else " **✗**")

        freq_cell = ""
        series_optional = isinstance(e["shape"], list) and got.get("shape") in e["shape"] \
            and got.get("shape") != "time_series"
        if series_optional:
            pass  # the shape is accepted as a non-series, so no frequency is owed
        elif e.get("frequency") and got.get("shape") == "time_series":
            t["freq_n"] += 1
            ok = got.get("frequency") == e["frequency"]
            t["freq"] += ok
            freq_cell = "%s → %s%s" % (e["frequency"], got.get("frequency"), "" if ok else " **✗**")
        elif e.get("frequency"):
            t["freq_n"] += 1
            freq_cell = "%s → (not a series) **✗**" % e["frequency"]

        if e.get("encoding"):
            t["enc_n"] += 1
            ok = norm_encoding(got.get("encoding")) == norm_encoding(e["encoding"])
            t["enc"] += ok
            if not ok:
                other.append("encoding %s → %s" % (e["encoding"], got.get("encoding")))

        role_diffs, pii_diffs = [], []
        exp_cols = e.get("columns")
        got_cols = got.get("columns", [])
        if exp_cols is not None:
            if len(exp_cols) != len(got_cols):
                other.append("%d columns expected, %d got" % (len(exp_cols), len(got_cols)))
            exp_names = [ec["name"] for ec in exp_cols]
            for i, ec in enumerate(exp_cols):
                gc = got_cols[i] if i < len(got_cols) else None
                label = ec["name"] if ec["name"] is not None else "#%d" % (i + 1)
                if ec["name"] is not None and exp_names.count(ec["name"]) > 1:
                    label = "%s [col %d]" % (ec["name"], i + 1)
                if ec["name"] and gc and gc.get("name", "").strip() != ec["name"]:
                    other.append("col %d named %r (header %r)" % (i + 1, gc.get("name"), ec["name"]))
                if ec["role"] is not None:
                    t["roles_n"] += 1
                    grole = gc.get("role") if gc else None
                    if accepts(ec["role"], grole):
                        t["roles"] += 1
                    else:
                        role_diffs.append("%s: %s → %s" % (label, show(ec["role"]), grole))
                if ec["pii"] != "?":
                    t["pii_n"] += 1
                    gpii = gc.get("pii") if gc else None
                    if gpii == ec["pii"]:
                        t["pii"] += 1
                    else:
                        pii_diffs.append("%s: %s → %s" % (label, ec["pii"], gpii))

        sug = got.get("suggested") or {}
        # Basket and item suggestions are owed when order lines are the only right shape,
        # or when the module itself chose order lines where a table was also accepted.
        owes_baskets = e["shape"] == "order_lines" or got.get("shape") == "order_lines"
        if "basket_columns" in e and owes_baskets:
            t["basket_n"] += 1
            gotb = col_names(got, sug.get("basket_columns"))
            want = e["basket_columns"]
            options = want if want and isinstance(want[0], list) else [want]
            ok = gotb in options
            t["basket"] += ok
            if not ok:
                other.append("basket_columns %s → %s" % (" or ".join(map(str, options)), gotb))
        if "item_column" in e and owes_baskets:
            t["item_n"] += 1
            goti = col_names(got, sug.get("item_column"))
            # An entry may be a column position (for duplicated header names) or a name.
            ok = goti is not None and (goti[0] in e["item_column"] or sug.get("item_column") in e["item_column"])
            t["item"] += ok
            if not ok:
                other.append("item_column %s → %s" % ("|".join(map(str, e["item_column"])), goti))
        if "matrix_id_column" in e:
            t["matrix_n"] += 1
            gotm = col_names(got, sug.get("matrix_id_column"))
            want = e["matrix_id_column"]
            # A position stands for a column whose header is empty (renamed by the reader).
            ok = sug.get("matrix_id_column") == want if isinstance(want, int) else gotm == [want]
            t["matrix"] += ok
            if not ok:
                other.append("matrix_id_column %r → %s" % (e["matrix_id_column"], gotm))
        for w in got.get("warnings") or []:
            text = w if isinstance(w, str) else json.dumps(w, ensure_ascii=False)
            other.append("warning: " + text[:100])

        lines.append("| %s | %s | %s | %s | %s | %s |" % (
            e["file"], shape_cell, freq_cell, "; ".join(role_diffs), "; ".join(pii_diffs),
            "; ".join(other).replace("|", "/")))

    print("\n".join(lines))
    print()
    print("## Totals")
    print()
    print("- files: %d, ran with exit 0 and JSON: %d" % (t["files"], t["ran"]))
    print("- shape right: %d / %d" % (t["shape"], t["files"]))
    print("- frequency right (series): %d / %d" % (t["freq"], t["freq_n"]))
    print("- encoding right (non-UTF-8 files): %d / %d" % (t["enc"], t["enc_n"]))
    print("- roles right: %d / %d" % (t["roles"], t["roles_n"]))
    print("- pii right: %d / %d" % (t["pii"], t["pii_n"]))
    print("- order lines, suggested.basket_columns right: %d / %d" % (t["basket"], t["basket_n"]))
    print("- order lines, suggested.item_column right: %d / %d" % (t["item"], t["item_n"]))
    print("- basket matrix, suggested.matrix_id_column right: %d / %d" % (t["matrix"], t["matrix_n"]))
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as err:  # report, never gate
        print("check_heldout3 failed: %s" % err, file=sys.stderr)
    sys.exit(0)
