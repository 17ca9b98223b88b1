#!/usr/bin/env python3
"""Reference fixture for shoplens-core's ABC/XYZ product classes (issue 19, item 3).

Tool: pandas 2.3.3 with numpy 2.4.6 (pinned in tools/requirements.txt).

Writes testdata/fixtures/products_abc_xyz_sample20k.json from
testdata/uci-online-retail-sample20k/online_retail_sample20k.csv: for each configuration
(by revenue or quantity, monthly or weekly demand) the number of periods, the 3x3 matrix
(products and revenue per cell) and every product's ABC class, XYZ class, measure and CV.

Conventions (the ones crates/core/src/products/abc_xyz.rs documents):
  * kept lines: a product id (StockCode), a quantity above zero and an invoice not starting
    with "C"; lines without a customer are kept (their revenue is real);
  * revenue = Quantity x UnitPrice, summed per product;
  * ABC: products sorted by the measure, largest first, ties by product id; A while the
    share held by the products before it is below 0.80, B below 0.80 + 0.15, C after;
    a product whose measure is not above zero is C;
  * XYZ: units per period (pandas to_period "M", or "W-SUN" = Monday-based weeks) over every
    period from the first sale to the last (missing periods are zero); CV = population
    standard deviation (numpy ddof=0) / mean; X if CV <= 0.5, Y if CV <= 1.0, Z above.

Run from the repository root: python3 tools/abc_xyz_fixture.py
"""

import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv")
OUT = os.path.join(ROOT, "testdata", "fixtures", "products_abc_xyz_sample20k.json")
A_SHARE, B_SHARE, X_MAX, Y_MAX = 0.80, 0.15, 0.5, 1.0


def kept_lines():
    d = pd.read_csv(DATA, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    d = d[d["StockCode"].notna() & (d["StockCode"].str.strip() != "")]
    d = d[(d["Quantity"] > 0) & ~d["InvoiceNo"].str.upper().str.startswith("C")]
    d = d.assign(
        revenue=d["Quantity"] * d["UnitPrice"],
        date=pd.to_datetime(d["InvoiceDate"]),
    )
    return d


def classify(d, by, period, detail):
    per_product = d.groupby("StockCode").agg(revenue=("revenue", "sum"), quantity=("Quantity", "sum"))
    measure = per_product[by]
    order = sorted(per_product.index, key=lambda p: (-measure[p], p))
    positive = [measure[p] for p in order if measure[p] > 0]
    total = float(np.cumsum(positive)[-1])
    abc, before = {}, 0.0
    for p in order:
        m = measure[p]
        share_before = before / total
        if m <= 0:
            abc[p] = "C"
        elif share_before < A_SHARE:
            abc[p] = "A"
        elif share_before < A_SHARE + B_SHARE:
            abc[p] = "B"
        else:
            abc[p] = "C"
        if m > 0:
            before += m

    freq = {"month": "M", "week": "W-SUN"}[period]
    periods = d["date"].dt.to_period(freq)
    calendar = pd.period_range(periods.min(), periods.max(), freq=freq)
    demand = (
        d.assign(period=periods)
        .pivot_table(index="StockCode", columns="period", values="Quantity", aggfunc="sum", fill_value=0)
        .reindex(columns=calendar, fill_value=0)
        .astype(float)
    )
    values = demand.to_numpy()
    mean = values.mean(axis=1)
    cv = values.std(axis=1, ddof=0) / mean
    cv_of = dict(zip(demand.index, cv))
    xyz = {p: ("X" if cv_of[p] <= X_MAX else "Y" if cv_of[p] <= Y_MAX else "Z") for p in order}

    cells = []
    for a in "ABC":
        for x in "XYZ":
            members = [p for p in order if abc[p] == a and xyz[p] == x]
            cells.append(
                {
                    "class": a + x,
                    "products": len(members),
                    "revenue": float(per_product.loc[members, "revenue"].sum()) if members else 0.0,
                }
            )
    near = sum(1 for p in order if min(abs(cv_of[p] - X_MAX), abs(cv_of[p] - Y_MAX)) < 1e-9)
    if near:
        print(f"warning: {near} products within 1e-9 of an XYZ threshold")
    return {
        "by": by,
        "period": period,
        "periods": len(calendar),
        "first_period": str(calendar[0].start_time.date()),
        # Every product in ABC order; the measure and CV only for the first run, to keep the
        # file small (the classes of the other runs are checked all the same).
        "products": [
            [p, abc[p] + xyz[p], float(measure[p]), float(cv_of[p])] if detail else [p, abc[p] + xyz[p]]
            for p in order
        ],
        "matrix": cells,
    }


def main():
    d = kept_lines()
    configurations = [("revenue", "month"), ("revenue", "week"), ("quantity", "month")]
    runs = [classify(d, by, period, i == 0) for i, (by, period) in enumerate(configurations)]
    fixture = {
        "source": "tools/abc_xyz_fixture.py",
        "tool": f"pandas {pd.__version__}, numpy {np.__version__}",
        "data": "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv",
        "columns": {"product": "StockCode", "date": "InvoiceDate", "quantity": "Quantity", "price": "UnitPrice"},
        "lines": int(len(d)),
        "revenue": float(d["revenue"].sum()),
        "runs": runs,
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=None, separators=(",", ":"))
        f.write("\n")
    for run in runs:
        print(run["by"], run["period"], run["periods"], [(c["class"], c["products"], round(c["revenue"], 2)) for c in run["matrix"]])


if __name__ == "__main__":
    main()
