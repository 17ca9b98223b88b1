#!/usr/bin/env python3
"""Column profiles computed by pandas, as fixtures for the app's Data-page profile.

For each CSV under testdata/ named below, writes testdata/fixtures/profile_<folder>.json with,
per column: missing count, distinct present values (Series.nunique), whether every present
value is a number (pd.to_numeric), min/mean/median/max for numeric columns, and the three most
frequent values (Series.value_counts; ties broken by the value, ascending, as the app does).

Missing tokens are the same as shoplens-core's (table/infer.rs `is_missing`), given to pandas
explicitly with keep_default_na=False, so both count the same cells as missing; cells are
read as text and trimmed, as core does.

Usage: python3 tools/profile_fixture.py   (from the repository root)
"""
import json
import pathlib
import sys

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parent.parent
FILES = [
    "islr-advertising/Advertising.csv",
    "uci-online-retail-first1071/OnlineRetail_first1071.csv",
]
MISSING = ["", "-", "NA", "N/A", "n/a", "na", "null", "NULL", "Null", "NaN", "nan", "None"]


def profile(path):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    columns = []
    for name in frame.columns:
        text = frame[name].str.strip()
        present = text[~text.isin(MISSING)]
        numbers = pd.to_numeric(present, errors="coerce")
        numeric = bool(len(present) > 0 and numbers.notna().all())
        column = {
            "name": name.strip(),
            "missing": int(len(text) - len(present)),
            "distinct": int((numbers if numeric else present).nunique()),
            "numeric": numeric,
        }
        if numeric:
            column.update(
                min=float(numbers.min()),
                mean=float(numbers.mean()),
                median=float(numbers.median()),
                max=float(numbers.max()),
            )
        else:
            counts = present.value_counts()
            pairs = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
            column["top"] = [[value, int(count)] for value, count in pairs]
        columns.append(column)
    return {"rows": int(len(frame)), "columns": columns}


def main():
    out_dir = ROOT / "testdata" / "fixtures"
    out_dir.mkdir(parents=True, exist_ok=True)
    for relative in FILES:
        path = ROOT / "testdata" / relative
        fixture = {
            "produced_by": {
                "tool": f"pandas {pd.__version__}",
                "python": sys.version.split()[0],
                "script": "tools/profile_fixture.py",
            },
            "source": f"testdata/{relative}",
            **profile(path),
        }
        target = out_dir / f"profile_{relative.split('/')[0]}.json"
        target.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}: {fixture['rows']} rows, {len(fixture['columns'])} columns")


if __name__ == "__main__":
    main()
