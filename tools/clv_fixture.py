#!/usr/bin/env python3
"""CLV fixtures from lifetimes on the CDNOW sample it ships.

Tools (pinned): lifetimes 0.11.3, numpy 1.26.4 (lifetimes 0.11.3 uses numpy APIs that
numpy 2 removed, so the venv keeps numpy < 2), pandas 3.0.6, scipy 1.17.1, autograd 1.9.1.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install lifetimes==0.11.3 'numpy<2' pandas
    /tmp/venv/bin/python tools/clv_fixture.py

Writes into testdata/cdnow-sample/:
- cdnow_sample.csv: lifetimes' CDNOW_sample.txt as CSV (customer = the sample's 1..2357
  id, date, cds, amount): the order lines the CLI and the app read;
- cdnow_customers_summary.csv, cdnow_customers_summary_with_transactions.csv: copied as
  shipped (x, t_x, T in weeks with calibration end 1997-09-30; zbar = mean repeat value);
- clv_fixture.json: lifetimes' BG/NBD, Pareto/NBD and Gamma-Gamma fits on the published
  summaries, per-customer P(alive) and expected purchases for a sample of customers, the
  summary of the order lines (freq "D", freq_multiplier 7), the calibration/holdout
  comparison per frequency group, and expected values by lifetimes' building blocks.

The log-likelihoods are recomputed on the unscaled weeks (lifetimes fits on rescaled
time, so its own figure is not the one CLVTools publishes).
"""

import json
import shutil
from pathlib import Path

import lifetimes
import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "testdata" / "cdnow-sample"
DATASETS = Path(lifetimes.__file__).parent / "datasets"
CALIBRATION_END = "1997-09-30"
END = "1998-06-30"
SAMPLE_IDS = [1, 2, 3, 10, 18, 46, 100, 150, 500, 1000, 1516, 2000, 2357]
HORIZONS = [10.0, 39.0]
PERIODS = 52
ANNUAL_DISCOUNT = 0.1


def scalar(value):
    """A float out of lifetimes' one-element arrays."""
    return float(np.asarray(value).ravel()[0])


def bgnbd_ll(params, x, t_x, T):
    r, alpha, a, b = params
    return -len(x) * BetaGeoFitter._negative_log_likelihood(
        np.log([r, alpha, a, b]), x, t_x, T, np.ones(len(x)), 0.0
    )


def pareto_ll(params, x, t_x, T):
    # Unlike BetaGeoFitter's, this one takes the parameters themselves and returns a sum.
    return -ParetoNBDFitter._negative_log_likelihood(np.array(params), x, t_x, T, np.ones(len(x)), 0.0)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ["cdnow_customers_summary.csv", "cdnow_customers_summary_with_transactions.csv"]:
        shutil.copy(DATASETS / name, OUT / name)
    raw = pd.read_csv(
        DATASETS / "CDNOW_sample.txt",
        sep=r"\s+",
        header=None,
        names=["master_id", "customer", "date", "cds", "amount"],
        dtype={"master_id": str, "date": str},
    )
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d").dt.strftime("%Y-%m-%d")
    raw[["customer", "date", "cds", "amount"]].to_csv(OUT / "cdnow_sample.csv", index=False)

    summary = pd.read_csv(OUT / "cdnow_customers_summary.csv")
    x, t_x, T = summary["frequency"].values, summary["recency"].values, summary["T"].values
    bgf = BetaGeoFitter().fit(x, t_x, T)
    bg = [float(bgf.params_[k]) for k in ["r", "alpha", "a", "b"]]
    pnbd = ParetoNBDFitter().fit(x, t_x, T)
    pn = [float(pnbd.params_[k]) for k in ["r", "alpha", "s", "beta"]]

    spend = pd.read_csv(OUT / "cdnow_customers_summary_with_transactions.csv")
    repeat = spend[spend["x"] > 0]
    ggf = GammaGammaFitter().fit(repeat["x"], repeat["zbar"])
    gg = [float(ggf.params_[k]) for k in ["p", "q", "v"]]

    sample = []
    for cid in SAMPLE_IDS:
        row = summary[summary["ID"] == cid].iloc[0]
        f, r, t = int(row["frequency"]), float(row["recency"]), float(row["T"])
        sample.append(
            {
                "id": cid,
                "frequency": f,
                "recency": r,
                "T": t,
                "bgnbd_p_alive": scalar(bgf.conditional_probability_alive(f, r, t)),
                "bgnbd_expected": [
                    scalar(bgf.conditional_expected_number_of_purchases_up_to_time(h, f, r, t))
                    for h in HORIZONS
                ],
                "pareto_p_alive": scalar(pnbd.conditional_probability_alive(f, r, t)),
                "pareto_expected": [
                    scalar(pnbd.conditional_expected_number_of_purchases_up_to_time(h, f, r, t))
                    for h in HORIZONS
                ],
            }
        )

    # Order lines: the summary lifetimes derives, and the calibration/holdout check.
    lines = pd.read_csv(OUT / "cdnow_sample.csv")
    lines["date"] = pd.to_datetime(lines["date"])
    full = summary_data_from_transaction_data(
        lines, "customer", "date", monetary_value_col="amount", observation_period_end=END,
        freq="D", freq_multiplier=7,
    )
    full_bgf = BetaGeoFitter().fit(full["frequency"], full["recency"], full["T"])
    full_repeat = full[full["frequency"] > 0]
    full_ggf = GammaGammaFitter().fit(full_repeat["frequency"], full_repeat["monetary_value"])
    per_period = (1 + ANNUAL_DISCOUNT) ** (7 / 365.25) - 1
    values = []
    for cid in SAMPLE_IDS:
        row = full.loc[cid]
        f, r, t, m = int(row["frequency"]), row["recency"], row["T"], row["monetary_value"]
        cumulative = [0.0] + [
            scalar(full_bgf.conditional_expected_number_of_purchases_up_to_time(i, f, r, t))
            for i in range(1, PERIODS + 1)
        ]
        spend_value = float(
            full_ggf.conditional_expected_average_profit(pd.Series([f]), pd.Series([m])).iloc[0]
        )
        discounted = sum(
            (cumulative[i] - cumulative[i - 1]) / (1 + per_period) ** i for i in range(1, PERIODS + 1)
        )
        values.append(
            {
                "id": cid,
                "expected_purchases": cumulative[-1],
                "expected_spend": spend_value,
                "expected_value": discounted * spend_value,
            }
        )

    cal = calibration_and_holdout_data(
        lines, "customer", "date", calibration_period_end=CALIBRATION_END,
        observation_period_end=END, freq="D", freq_multiplier=7,
    )
    cal_bgf = BetaGeoFitter().fit(cal["frequency_cal"], cal["recency_cal"], cal["T_cal"])
    duration = float(cal["duration_holdout"].iloc[0])
    cal["predicted"] = cal_bgf.conditional_expected_number_of_purchases_up_to_time(
        duration, cal["frequency_cal"], cal["recency_cal"], cal["T_cal"]
    )
    cal["group"] = cal["frequency_cal"].clip(upper=7).astype(int)
    groups = [
        {
            "frequency": int(g),
            "customers": int(len(d)),
            "actual": float(d["frequency_holdout"].mean()),
            "predicted": float(d["predicted"].mean()),
        }
        for g, d in cal.groupby("group")
    ]

    fixture = {
        "source": "lifetimes 0.11.3 (numpy 1.26.4, scipy 1.17.1, pandas 3.0.6), tools/clv_fixture.py",
        "published_clvtools": {
            "bgnbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "log_likelihood": -9582.4},
            "gamma_gamma": {"p": 6.25, "q": 3.74, "v": 15.44},
        },
        "bgnbd": dict(zip(["r", "alpha", "a", "b"], bg), log_likelihood=float(bgnbd_ll(bg, x, t_x, T))),
        "pareto_nbd": dict(
            zip(["r", "alpha", "s", "beta"], pn), log_likelihood=float(pareto_ll(pn, x, t_x, T))
        ),
        "gamma_gamma": dict(zip(["p", "q", "v"], gg)),
        "gamma_gamma_correlation": float(np.corrcoef(repeat["x"], repeat["zbar"])[0, 1]),
        "horizons": HORIZONS,
        "customers": sample,
        "order_lines": {
            "end": END,
            "unit": "week",
            "summary": {
                str(cid): [int(r["frequency"]), float(r["recency"]), float(r["T"]), float(r["monetary_value"])]
                for cid, r in full.iterrows()
            },
            "bgnbd": dict(zip(["r", "alpha", "a", "b"], [float(full_bgf.params_[k]) for k in ["r", "alpha", "a", "b"]])),
            "gamma_gamma": dict(zip(["p", "q", "v"], [float(full_ggf.params_[k]) for k in ["p", "q", "v"]])),
            "periods": PERIODS,
            "annual_discount": ANNUAL_DISCOUNT,
            "values": values,
        },
        "holdout": {
            "calibration_end": CALIBRATION_END,
            "end": END,
            "duration": duration,
            "bgnbd": dict(zip(["r", "alpha", "a", "b"], [float(cal_bgf.params_[k]) for k in ["r", "alpha", "a", "b"]])),
            "groups": groups,
            "customers": int(len(cal)),
            "actual_total": float(cal["frequency_holdout"].sum()),
            "predicted_total": float(cal["predicted"].sum()),
        },
    }
    (OUT / "clv_fixture.json").write_text(json.dumps(fixture, indent=1) + "\n")
    print(json.dumps({k: fixture[k] for k in ["bgnbd", "pareto_nbd", "gamma_gamma", "gamma_gamma_correlation"]}, indent=1))
    print(json.dumps(fixture["holdout"], indent=1))


if __name__ == "__main__":
    main()
