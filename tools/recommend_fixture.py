#!/usr/bin/env python3
"""Reference fixture for shoplens-core's per-customer recommendations (issue 19, item 4).

Tool: pandas 2.3.3 with numpy 2.4.6 (pinned in tools/requirements.txt). An independent
implementation of the same recommender and evaluation, written from the description in
crates/core/src/products/recommend/mod.rs, not from the Rust code: co-purchase counts come
from a pandas self-merge of the basket/product table (the Rust side walks an inverted
index), rankings from Python sorts.

Writes testdata/fixtures/products_recommend_sample20k.json from
testdata/uci-online-retail-sample20k/online_retail_sample20k.csv (columns CustomerID,
StockCode, InvoiceDate, Quantity, InvoiceNo): the held-out evaluation (hit rate@10,
recall@10 of the recommender and of popularity) for baskets = orders (the default) and
baskets = customers, and the top-10 lists (product, score, reason) of the first 400
customers by id with baskets = orders.

Conventions:
  * kept lines: a customer id, a product id, quantity above zero, invoice not starting
    with "C";
  * an order's time is its earliest line; a customer's last order is the latest (ties: the
    larger invoice id as text); customers with two orders or more have it held out;
  * cosine(i, j) = together / sqrt(count_i * count_j) over baskets (an order's products, or
    a customer's), for pairs bought together in at least 2 baskets (the support count of
    the rule i -> j; rarer pairs are noise); a customer's score for j = sum over their products i (ascending by id)
    of cosine(i, j); products they bought are never recommended; ties by product id; the
    list is filled with the most popular products (most baskets, ties by id);
  * the reason is the customer's product with the largest cosine (ties: smaller id), with
    confidence together / count_anchor;
  * a customer is evaluated when the held-out order has a product not bought before;
    hit rate@k = share with one of those in the top k; recall@k = mean share found.

Run from the repository root: python3 tools/recommend_fixture.py
"""

import json
import math
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv")
OUT = os.path.join(ROOT, "testdata", "fixtures", "products_recommend_sample20k.json")
K = 10
MIN_TOGETHER = 2
# The values shoplens tries on the validation split, in its tie-break order.
CANDIDATES = [2, 1, 3, 5]
LISTED = 400


def kept_lines():
    d = pd.read_csv(DATA, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    d = d[d["CustomerID"].notna() & d["StockCode"].notna()]
    d = d[(d["Quantity"] > 0) & ~d["InvoiceNo"].str.upper().str.startswith("C")]
    return d.assign(date=pd.to_datetime(d["InvoiceDate"]))[["CustomerID", "InvoiceNo", "StockCode", "date"]]


def held_out_mask(d):
    orders = d.groupby(["CustomerID", "InvoiceNo"], as_index=False)["date"].min()
    counts = orders.groupby("CustomerID")["InvoiceNo"].transform("size")
    orders = orders[counts >= 2].sort_values(["CustomerID", "date", "InvoiceNo"])
    last = orders.groupby("CustomerID").tail(1)
    keys = set(zip(last["CustomerID"], last["InvoiceNo"]))
    return np.array([(c, o) in keys for c, o in zip(d["CustomerID"], d["InvoiceNo"])])


class Model:
    """Co-purchase counts and popularity learned from `lines` with baskets keyed by `unit`."""

    def __init__(self, lines, unit, min_together=MIN_TOGETHER):
        items = lines[[unit, "StockCode"]].drop_duplicates()
        self.count = items.groupby("StockCode").size().to_dict()
        self.baskets = items[unit].nunique()
        pairs = items.merge(items, on=unit, suffixes=("_a", "_b"))
        pairs = pairs[pairs["StockCode_a"] != pairs["StockCode_b"]]
        together = pairs.groupby(["StockCode_a", "StockCode_b"]).size()
        together = together[together >= min_together]
        self.neighbours = {}
        for (a, b), n in together.items():
            self.neighbours.setdefault(a, []).append((b, int(n)))
        self.popular = sorted(self.count, key=lambda p: (-self.count[p], p))

    def top(self, history, k, co_purchase=True):
        score, best = {}, {}
        if co_purchase:
            for i in sorted(history):
                for j, n in self.neighbours.get(i, []):
                    if j in history:
                        continue
                    cosine = n / math.sqrt(float(self.count[i]) * float(self.count[j]))
                    score[j] = score.get(j, 0.0) + cosine
                    if j not in best or cosine > best[j][0] or (cosine == best[j][0] and i < best[j][1]):
                        best[j] = (cosine, i, n)
        ranked = sorted(score, key=lambda j: (-score[j], j))[:k]
        out = [(j, score[j], best[j][1], best[j][2] / self.count[best[j][1]]) for j in ranked]
        chosen = set(ranked)
        for j in self.popular:
            if len(out) >= k:
                break
            if j in history or j in chosen:
                continue
            out.append((j, self.count[j] / self.baskets, None, None))
        return out


def evaluate(d, unit, min_together=MIN_TOGETHER):
    held = held_out_mask(d)
    return score(d[~held], d[held], sorted(d["CustomerID"].unique()), unit, min_together)


def validation(d, unit):
    """Each candidate scored on the second-to-last orders: the last orders set aside, the
    last of what is left held out, learned from the rest."""
    rest = d[~held_out_mask(d)]
    val = held_out_mask(rest)
    customers = sorted(d["CustomerID"].unique())
    scored = {str(m): score(rest[~val], rest[val], customers, unit, m) for m in CANDIDATES}
    first = scored[str(CANDIDATES[0])]
    return {"customers": first["customers"],
            "hit_rate": {m: s["recommender"]["hit_rate"] for m, s in scored.items()},
            "recall": {m: s["recommender"]["recall"] for m, s in scored.items()}}


def score(train, test, all_customers, unit, min_together):
    model = Model(train, unit, min_together)
    history = train.groupby("CustomerID")["StockCode"].agg(set).to_dict()
    last = test.groupby("CustomerID")["StockCode"].agg(set).to_dict()
    result = {"customers": 0, "single_order": 0, "nothing_new": 0}
    sums = {"recommender": [0, 0.0], "popularity": [0, 0.0]}
    for c in all_customers:
        if c not in last:
            result["single_order"] += 1
            continue
        h = history.get(c, set())
        new = last[c] - h
        if not new:
            result["nothing_new"] += 1
            continue
        result["customers"] += 1
        for name, co in [("recommender", True), ("popularity", False)]:
            found = sum(1 for j, *_ in model.top(h, K, co) if j in new)
            sums[name][0] += found > 0
            sums[name][1] += found / len(new)
    n = result["customers"]
    for name, (hits, recall) in sums.items():
        result[name] = {"hit_rate": hits / n, "recall": recall / n}
    return result


def main():
    d = kept_lines()
    evaluation = {unit: evaluate(d, key) for unit, key in [("order", "InvoiceNo"), ("customer", "CustomerID")]}
    model = Model(d, "InvoiceNo")
    history = d.groupby("CustomerID")["StockCode"].agg(set).to_dict()
    customers = sorted(history)
    popular_only = 0
    lists = {}
    for i, c in enumerate(customers):
        top = model.top(history[c], K)
        if all(anchor is None for _, _, anchor, _ in top):
            popular_only += 1
        if i < LISTED:
            lists[c] = [[j, s, a, conf] for j, s, a, conf in top]
    fixture = {
        "source": "tools/recommend_fixture.py",
        "tool": f"pandas {pd.__version__}, numpy {np.__version__}",
        "data": "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv",
        "columns": {
            "customer": "CustomerID",
            "product": "StockCode",
            "date": "InvoiceDate",
            "quantity": "Quantity",
            "order": "InvoiceNo",
        },
        "k": K,
        "min_together": MIN_TOGETHER,
        "lines": int(len(d)),
        "customers": len(customers),
        "products": int(d["StockCode"].nunique()),
        "popular_only": popular_only,
        "evaluation": evaluation,
        "validation": validation(d, "InvoiceNo"),
        "lists": lists,
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(json.dumps({k: v for k, v in fixture.items() if k != "lists"}, indent=1))


if __name__ == "__main__":
    main()
