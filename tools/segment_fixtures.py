#!/usr/bin/env python3
"""Reference fixtures for shoplens-core's `segment` module (issue 6).

Writes, under testdata/fixtures/:
  segment_rfm_sample20k.csv   per-customer recency, frequency, monetary, R/F/M scores and
                              segment on online_retail_sample20k.csv (pandas)
  segment_rfm_sample20k.json  the totals of that run (customers, skipped lines, as-of date)
  segment_churn_sample20k.csv/.json  churn features before 2011-09-01 and 90-day labels
                              (pandas), AUC of recency alone (sklearn roc_auc_score)
  segment_kmeans_wholesale.json  scikit-learn KMeans inertia / silhouette for k = 2..10 on
                              standardised log1p spend of Wholesale_customers_data.csv, and
                              the first two principal components (sklearn PCA)

Conventions reproduced here are the ones shoplens documents in crates/core/src/segment:
  * a line with no customer id is counted in `skipped_no_id` (whatever else it is);
  * of the remaining lines, a cancellation (invoice starting with "C", or quantity < 0) is
    counted in `cancelled` and dropped; zero-price lines are kept (they are real orders);
  * customers are listed in order of first appearance among kept lines (groupby sort=False),
    which is also the order that breaks ties in rank(method="first");
  * recency = whole calendar days from the customer's last order day to the as-of day
    (default: the day after the last order day in the data);
  * frequency = distinct invoices; monetary = sum of quantity x unit price;
  * scores = pd.qcut(series.rank(method="first"), 5, labels=...) with R reversed (5 = most
    recent);
  * segment from the (R, F) score grid, see SEGMENT_GRID below.

Run from the repository root: python3 tools/segment_fixtures.py
"""

import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "testdata", "fixtures")
SCRIPT = "tools/segment_fixtures.py"


def segment_of(r, f):
    """The R/F grid (same map as crates/core/src/segment/names.rs)."""
    if r == 1 and f == 1:
        return "lost"
    if r <= 2:
        if f <= 2:
            return "hibernating"
        if f <= 4:
            return "at_risk"
        return "cant_lose_them"
    if r == 3:
        if f <= 2:
            return "about_to_sleep"
        if f == 3:
            return "need_attention"
        return "loyal"
    if r == 4:
        if f == 1:
            return "promising"
        if f <= 3:
            return "potential_loyalists"
        return "loyal"
    # r == 5
    if f == 1:
        return "new"
    if f <= 3:
        return "potential_loyalists"
    return "champions"


def rfm_frame(path, dates_format=None):
    """Order lines -> (per-customer RFM frame, totals), with the conventions above."""
    d = pd.read_csv(path, dtype={"InvoiceNo": str, "CustomerID": "Int64"})
    lines = len(d)
    no_id = d["CustomerID"].isna()
    skipped_no_id = int(no_id.sum())
    d = d[~no_id]
    cancel = d["InvoiceNo"].str.startswith("C") | (d["Quantity"] < 0)
    cancelled = int(cancel.sum())
    d = d[~cancel].copy()
    d["day"] = pd.to_datetime(d["InvoiceDate"], format=dates_format).dt.normalize()
    d["amount"] = d["Quantity"] * d["UnitPrice"]
    as_of = d["day"].max() + pd.Timedelta(days=1)
    g = d.groupby("CustomerID", sort=False)
    rfm = pd.DataFrame(
        {
            "recency": (as_of - g["day"].max()).dt.days,
            "frequency": g["InvoiceNo"].nunique(),
            "monetary": g["amount"].sum(),
        }
    )
    rfm["r"] = pd.qcut(rfm["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
    rfm["f"] = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    rfm["m"] = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    rfm["segment"] = [segment_of(r, f) for r, f in zip(rfm["r"], rfm["f"])]
    rfm.index.name = "customer"
    totals = {"lines": lines, "skipped_no_id": skipped_no_id, "cancelled": cancelled, "as_of": as_of}
    return rfm, totals


def rfm_fixture():
    path = os.path.join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv")
    rfm, totals = rfm_frame(path)
    lines, skipped_no_id, cancelled, as_of = (totals[k] for k in ("lines", "skipped_no_id", "cancelled", "as_of"))
    header = f"# pandas {pd.__version__}, numpy {np.__version__}; {SCRIPT}; online_retail_sample20k.csv\n"
    with open(os.path.join(OUT, "segment_rfm_sample20k.csv"), "w") as fh:
        fh.write(header)
        rfm.to_csv(fh, float_format="%.6f")
    segments = rfm.groupby("segment").agg(customers=("r", "size"), revenue=("monetary", "sum"))
    summary = {
        "tool": f"pandas {pd.__version__}",
        "script": SCRIPT,
        "data": "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv",
        "lines": lines,
        "skipped_no_id": skipped_no_id,
        "cancelled": cancelled,
        "customers": len(rfm),
        "as_of": as_of.strftime("%Y-%m-%d"),
        "segments": {k: {"customers": int(v.customers), "revenue": float(v.revenue)} for k, v in segments.iterrows()},
    }
    with open(os.path.join(OUT, "segment_rfm_sample20k.json"), "w") as fh:
        json.dump(summary, fh, indent=1)
    print("rfm:", len(rfm), "customers,", skipped_no_id, "no id,", cancelled, "cancelled")

    # The first 1,071 lines of the full export: US dates (12/1/2010 8:26), text to the table
    # reader today, and cancellations.
    path = os.path.join(ROOT, "testdata", "uci-online-retail-first1071", "OnlineRetail_first1071.csv")
    rfm, totals = rfm_frame(path, dates_format="%m/%d/%Y %H:%M")
    first = {
        "tool": f"pandas {pd.__version__}",
        "script": SCRIPT,
        "data": "testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv",
        "lines": totals["lines"],
        "skipped_no_id": totals["skipped_no_id"],
        "cancelled": totals["cancelled"],
        "customers": len(rfm),
        "as_of": totals["as_of"].strftime("%Y-%m-%d"),
        "revenue": float(rfm["monetary"].sum()),
        "orders": int(rfm["frequency"].sum()),
    }
    with open(os.path.join(OUT, "segment_rfm_first1071.json"), "w") as fh:
        json.dump(first, fh, indent=1)
    print("rfm first1071:", first)


def churn_fixture():
    """Churn features before 2011-09-01 and labels for a 90-day window, with pandas; the
    AUC of recency alone by scikit-learn's roc_auc_score."""
    from sklearn.metrics import roc_auc_score

    path = os.path.join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv")
    d = pd.read_csv(path, dtype={"InvoiceNo": str, "CustomerID": "Int64"})
    d = d[~d["CustomerID"].isna()]
    d = d[~(d["InvoiceNo"].str.startswith("C") | (d["Quantity"] < 0))].copy()
    d["day"] = pd.to_datetime(d["InvoiceDate"]).dt.normalize()
    d["amount"] = d["Quantity"] * d["UnitPrice"]
    cutoff = pd.Timestamp("2011-09-01")
    window, trend = 90, 90
    before = d[d["day"] < cutoff]
    g = before.groupby("CustomerID", sort=False)
    # An order's day is the first day any of its lines carries.
    orders = before.groupby(["CustomerID", "InvoiceNo"], sort=False)["day"].min().reset_index()
    recent = orders[orders["day"] >= cutoff - pd.Timedelta(days=trend)].groupby("CustomerID").size()
    prior = orders[
        (orders["day"] < cutoff - pd.Timedelta(days=trend)) & (orders["day"] >= cutoff - pd.Timedelta(days=2 * trend))
    ].groupby("CustomerID").size()
    f = pd.DataFrame(
        {
            "recency_days": (cutoff - g["day"].max()).dt.days,
            "frequency": g["InvoiceNo"].nunique(),
            "monetary": g["amount"].sum(),
            "tenure_days": (cutoff - g["day"].min()).dt.days,
        }
    )
    f["average_order_value"] = f["monetary"] / f["frequency"]
    f["orders_recent"] = recent.reindex(f.index, fill_value=0)
    f["orders_prior"] = prior.reindex(f.index, fill_value=0)
    f["order_trend"] = f["orders_recent"] - f["orders_prior"]
    in_window = d[(d["day"] >= cutoff) & (d["day"] < cutoff + pd.Timedelta(days=window))]["CustomerID"].unique()
    f["churned"] = (~f.index.isin(in_window)).astype(int)
    f.index.name = "customer"
    with open(os.path.join(OUT, "segment_churn_sample20k.csv"), "w") as fh:
        fh.write(f"# pandas {pd.__version__}, scikit-learn {sklearn.__version__}; {SCRIPT}; cutoff 2011-09-01, window 90, trend 90\n")
        f.to_csv(fh, float_format="%.6f")
    summary = {
        "tool": f"pandas {pd.__version__}, scikit-learn {sklearn.__version__}",
        "script": SCRIPT,
        "data": "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv",
        "cutoff": "2011-09-01",
        "window_days": window,
        "trend_days": trend,
        "customers": len(f),
        "churned": int(f["churned"].sum()),
        "auc_recency_all_customers": float(roc_auc_score(f["churned"], f["recency_days"])),
    }
    # The learn hook end to end: LogisticRegression(C=1) on the standardised features of all
    # customers, scored on the same customers.
    from sklearn.linear_model import LogisticRegression

    feats = f.drop(columns=["churned"]).to_numpy(dtype=float)
    xs = StandardScaler().fit_transform(feats)
    lr = LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000).fit(xs, f["churned"])
    p = lr.predict_proba(xs)[:, 1]
    summary["logistic_all_customers"] = {
        "model": "LogisticRegression(C=1.0, tol=1e-10, max_iter=10000) on StandardScaler features",
        "auc": float(roc_auc_score(f["churned"], p)),
        "first_probabilities": p[:5].tolist(),
    }
    with open(os.path.join(OUT, "segment_churn_sample20k.json"), "w") as fh:
        json.dump(summary, fh, indent=1)
    print("churn:", summary)


def kmeans_fixture():
    path = os.path.join(ROOT, "testdata", "uci-wholesale-customers", "Wholesale_customers_data.csv")
    d = pd.read_csv(path)
    cols = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"]
    x = StandardScaler().fit_transform(np.log1p(d[cols].to_numpy(dtype=float)))
    elbow = []
    for k in range(2, 11):
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        elbow.append(
            {
                "k": k,
                "inertia": float(km.inertia_),
                "silhouette": float(silhouette_score(x, km.labels_)),
                "sizes": sorted(np.bincount(km.labels_).tolist(), reverse=True),
            }
        )
    pca = PCA(n_components=2).fit(x)
    proj = pca.transform(x)
    out = {
        "tool": f"scikit-learn {sklearn.__version__}",
        "script": SCRIPT,
        "data": "testdata/uci-wholesale-customers/Wholesale_customers_data.csv",
        "features": "StandardScaler (population std) of log1p(" + ", ".join(cols) + ")",
        "kmeans": "KMeans(n_clusters=k, n_init=10, random_state=0), init k-means++ (greedy), Lloyd",
        "columns": cols,
        "elbow": elbow,
        "pca": {
            "components": pca.components_.tolist(),
            "explained_variance": pca.explained_variance_.tolist(),
            "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
            "first_rows": proj[:5].tolist(),
        },
    }
    with open(os.path.join(OUT, "segment_kmeans_wholesale.json"), "w") as fh:
        json.dump(out, fh, indent=1)
    for e in elbow[:2]:
        print("kmeans k=%d inertia %.2f silhouette %.4f" % (e["k"], e["inertia"], e["silhouette"]))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rfm_fixture()
    churn_fixture()
    kmeans_fixture()
    sys.exit(0)
