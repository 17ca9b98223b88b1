#!/usr/bin/env python3
"""Reference values for shoplens-core's `optimize` module, written to testdata/fixtures/.

Run from the repository root:  python3 tools/optimize_fixtures.py

Writes
- optimize_norm_ppf.json: scipy.stats.norm.ppf and .cdf values (service-level z scores).
- optimize_budget_long.csv: a small seeded long-format (channel, spend, outcome) history whose
  outcomes follow Hill curves plus noise (synthetic, made here with numpy's seeded PCG64).
- optimize_budget_fit.json: scipy.optimize.curve_fit fits of the logarithmic curve
  a + b*ln(1+s) and the Hill curve top*s^h/(k^h+s^h) per channel, on testdata/islr-advertising/
  Advertising.csv (wide: TV, radio, newspaper against sales) and on optimize_budget_long.csv.
- optimize_inventory_demand.csv / optimize_inventory_products.csv: a seeded daily demand
  history for six products (Poisson and intermittent) and their cost parameters (synthetic).
"""
import csv
import json
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import curve_fit
from scipy.stats import norm

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "testdata" / "fixtures"
SOURCE = f"tools/optimize_fixtures.py with scipy {scipy.__version__}, numpy {np.__version__}"

# Bounds of the Hill fit, shared with the Rust fitter (optimize/budget/response.rs):
# top in [0, 10*max outcome], k in [0, 10*max spend], h in [0.3, 5].
H_MIN, H_MAX = 0.3, 5.0


def log_curve(s, a, b):
    return a + b * np.log1p(s)


def hill(s, top, k, h):
    return top * s**h / (k**h + s**h)


def fit(spend, outcome):
    spend = np.asarray(spend, float)
    outcome = np.asarray(outcome, float)
    (a, b), _ = curve_fit(log_curve, spend, outcome, xtol=1e-15, ftol=1e-15, gtol=1e-15)
    p0 = [outcome.max(), np.median(spend), 1.0]
    lower = [0.0, 1e-9, H_MIN]
    upper = [10 * outcome.max(), 10 * spend.max(), H_MAX]
    (top, k, h), _ = curve_fit(hill, spend, outcome, p0=p0, bounds=(lower, upper),
                               method="trf", max_nfev=100000, xtol=1e-15, ftol=1e-15, gtol=1e-15)
    sse_log = float(((log_curve(spend, a, b) - outcome) ** 2).sum())
    sse_hill = float(((hill(spend, top, k, h) - outcome) ** 2).sum())
    # The log curve is linear in (a, b): numpy's exact least squares as a second reference
    # (curve_fit stops at its own tolerance, about 1e-9 relative here).
    exact = np.linalg.lstsq(np.c_[np.ones_like(spend), np.log1p(spend)], outcome, rcond=None)[0]
    return {
        "log": {"a": a, "b": b, "sse": sse_log},
        "log_lstsq": {"a": float(exact[0]), "b": float(exact[1])},
        "hill": {"top": top, "k": k, "h": h, "sse": sse_hill},
    }


def norm_fixture():
    ps = [1e-10, 1e-6, 1e-4, 0.001, 0.01, 0.02, 0.02425, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5,
          0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.98, 0.99, 0.995, 0.999, 0.9999,
          1 - 1e-6]
    xs = [-9.0, -6.0, -4.5, -3.5, -3.0, -2.5, -1.0, -0.1, 0.0, 0.3, 1.0, 1.6448536269514722,
          2.0, 3.0, 5.0]
    data = {
        "source": SOURCE + " (scipy.stats.norm.ppf / norm.cdf)",
        "ppf": [[p, float(norm.ppf(p))] for p in ps],
        "cdf": [[x, float(norm.cdf(x))] for x in xs],
    }
    (OUT / "optimize_norm_ppf.json").write_text(json.dumps(data, indent=1) + "\n")


def budget_fixtures():
    rng = np.random.default_rng(20261128)
    channels = {"search": (120.0, 40.0, 1.4), "social": (80.0, 25.0, 0.9), "display": (40.0, 30.0, 2.2)}
    rows = []
    for name, (top, k, h) in channels.items():
        spend = rng.uniform(1.0, 120.0, 40).round(2)
        # Outcomes are counts of sales: clipped at zero where the noise would go below.
        outcome = np.maximum(hill(spend, top, k, h) + rng.normal(0, 0.04 * top, 40), 0.0).round(3)
        rows += [(name, s, o) for s, o in zip(spend, outcome)]
    with open(OUT / "optimize_budget_long.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["channel", "spend", "outcome"])
        w.writerows(rows)
    fits = {"source": SOURCE + " (scipy.optimize.curve_fit; Hill with bounds, method trf)",
            "hill_bounds": {"h_min": H_MIN, "h_max": H_MAX, "top_max": "10 * max outcome",
                            "k_max": "10 * max spend"},
            "advertising": {}, "long": {}}
    with open(ROOT / "testdata" / "islr-advertising" / "Advertising.csv", newline="") as f:
        table = list(csv.DictReader(f))
    sales = [float(r["sales"]) for r in table]
    for ch in ["TV", "radio", "newspaper"]:
        fits["advertising"][ch] = fit([float(r[ch]) for r in table], sales)
    for name in channels:
        sel = [(s, o) for c, s, o in rows if c == name]
        fits["long"][name] = fit([s for s, _ in sel], [o for _, o in sel])
    (OUT / "optimize_budget_fit.json").write_text(json.dumps(fits, indent=1) + "\n")


def inventory_fixtures():
    rng = np.random.default_rng(7)
    days = np.arange(np.datetime64("2025-01-01"), np.datetime64("2025-07-01"))
    products = [
        # id, mean daily demand, unit cost, order cost, holding rate/yr, lead time, case pack, min order
        ("P01", 20.0, 4.0, 30.0, 0.25, 3, 12, 24),
        ("P02", 5.0, 25.0, 50.0, 0.20, 7, 6, 6),
        ("P03", 60.0, 1.5, 20.0, 0.30, 2, 24, 48),
        ("P04", 1.2, 80.0, 40.0, 0.20, 10, 1, 2),
        ("P05", 12.0, 10.0, 25.0, 0.25, 5, 10, 10),
        ("P06", 0.4, 150.0, 60.0, 0.15, 14, 1, 1),
    ]
    with open(OUT / "optimize_inventory_demand.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["product", "date", "quantity"])
        for pid, mean, *_ in products:
            demand = rng.poisson(mean, len(days))
            for day, q in zip(days, demand):
                # Zero-demand days are left out: the reader must fill the gaps with zeros.
                if q > 0:
                    w.writerow([pid, str(day), int(q)])
    with open(OUT / "optimize_inventory_products.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["product", "unit_cost", "order_cost", "holding_rate", "lead_time",
                    "case_pack", "min_order"])
        for pid, _, *rest in products:
            w.writerow([pid, *rest])


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    norm_fixture()
    budget_fixtures()
    inventory_fixtures()
    print("fixtures written to", OUT, file=sys.stderr)
