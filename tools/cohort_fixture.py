#!/usr/bin/env python3
"""Cohort-retention fixture from pandas on the Online Retail sample.

Tool (pinned): pandas 3.0.6 (numpy 1.26.4).

    /tmp/venv/bin/python tools/cohort_fixture.py

Reads testdata/uci-online-retail-sample20k/online_retail_sample20k.csv and writes
cohort_fixture.json beside it: for month and week periods (weeks start on Monday,
`to_period("W")`), each first-purchase cohort's customers, the customers active and the
revenue in each period since. Lines are kept as shoplens' order lines keep them: a
customer id present, the invoice not starting with C, quantity not negative; revenue is
quantity × unit price.
"""

import json
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "testdata" / "uci-online-retail-sample20k"


def table(lines, freq):
    period = lines["InvoiceDate"].dt.to_period(freq)
    lines = lines.assign(period=period)
    lines["cohort"] = lines.groupby("CustomerID")["period"].transform("min")
    lines["offset"] = [(p - c).n for p, c in zip(lines["period"], lines["cohort"])]
    last = lines["period"].max()
    out = []
    for cohort, group in sorted(lines.groupby("cohort"), key=lambda kv: kv[0]):
        periods = (last - cohort).n + 1
        active = group.groupby("offset")["CustomerID"].nunique()
        revenue = group.groupby("offset")["amount"].sum()
        label = str(cohort) if freq == "M" else cohort.start_time.strftime("%Y-%m-%d")
        out.append(
            {
                "label": label,
                "customers": int(group["CustomerID"].nunique()),
                "active": [int(active.get(k, 0)) for k in range(periods)],
                "revenue": [float(revenue.get(k, 0.0)) for k in range(periods)],
            }
        )
    return out


def main():
    lines = pd.read_csv(DATA / "online_retail_sample20k.csv", dtype={"InvoiceNo": str, "CustomerID": str})
    lines = lines[lines["CustomerID"].notna() & (lines["CustomerID"] != "")]
    lines = lines[~lines["InvoiceNo"].str.upper().str.startswith("C") & (lines["Quantity"] >= 0)]
    lines = lines.assign(
        InvoiceDate=pd.to_datetime(lines["InvoiceDate"]),
        amount=lines["Quantity"] * lines["UnitPrice"],
    )
    fixture = {
        "source": f"pandas {pd.__version__}, tools/cohort_fixture.py",
        "customers": int(lines["CustomerID"].nunique()),
        "month": table(lines, "M"),
        "week": table(lines, "W"),
    }
    (DATA / "cohort_fixture.json").write_text(json.dumps(fixture) + "\n")
    first = fixture["month"][0]
    print(fixture["customers"], len(fixture["month"]), len(fixture["week"]), first["label"], first["active"][:5])


if __name__ == "__main__":
    main()
