"""Reference fit of the ad-budget media model on ISLR's Advertising data.

Tool: scipy.optimize.curve_fit (scipy 1.17.1, numpy 2.4.6; pinned in tools/requirements.txt).
Writes testdata/islr-advertising/media_fit.json, which
crates/core/src/optimize/budget/media_tests.rs compares the Rust fit with.

The model is the one of crates/core/src/optimize/budget/media.rs, written out again here:

    a[c][0] = x[c][0],  a[c][t] = (1 - lam_c) x[c][t] + lam_c a[c][t-1]
    y[t]    = base + sum_c top_c a^h_c / (k_c^h_c + a^h_c)

with bounds base >= 0, top >= 0, k in [min positive spend / 1000, 10 max spend],
h in [0.3, 5], lam in [0, 0.9]. curve_fit is local, so it is started from a grid of shapes
and the best sum of squares is kept.

Also written: the straight line y = b0 + sum b_c x_c by numpy.linalg.lstsq on every row
(ISLR 2nd ed., table 3.9 publishes 2.939, 0.046, 0.189, -0.001) and, for the held-out check,
both models fitted on the first 150 rows and scored (RMSE) on the last 50.

Run: python3 tools/budget_media_fixture.py
"""

import json
import pathlib

import numpy as np
import scipy
from scipy.optimize import curve_fit

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "testdata" / "islr-advertising" / "Advertising.csv"
OUT = ROOT / "testdata" / "islr-advertising" / "media_fit.json"
CHANNELS = ["TV", "radio", "newspaper"]
TRAINING_ROWS = 150


def adstock(x, lam):
    out = np.empty_like(x)
    carried = x[0]
    for t, v in enumerate(x):
        carried = (1.0 - lam) * v + lam * carried
        out[t] = carried
    return out


def hill(a, k, h):
    with np.errstate(divide="ignore"):
        return np.where(a > 0, 1.0 / (1.0 + (k / np.maximum(a, 1e-300)) ** h), 0.0)


def predict(spend, params):
    base = params[0]
    y = np.full(spend.shape[1], base)
    for c in range(spend.shape[0]):
        top, k, h, lam = params[1 + 4 * c : 5 + 4 * c]
        y = y + top * hill(adstock(spend[c], lam), k, h)
    return y


def fit(spend, outcome):
    n_channels = spend.shape[0]
    lower, upper = [0.0], [np.inf]
    for c in range(n_channels):
        x = spend[c]
        lower += [0.0, x[x > 0].min() / 1000.0, 0.3, 0.0]
        upper += [np.inf, 10.0 * x.max(), 5.0, 0.9]

    def f(_, *params):
        return predict(spend, np.array(params))

    best = None
    for h0 in (0.5, 1.0, 2.0):
        for lam0 in (0.0, 0.3, 0.6):
            for k_scale in (0.5, 1.0, 3.0):
                p0 = [max(outcome.min(), 1e-3)]
                for c in range(n_channels):
                    p0 += [outcome.max(), k_scale * spend[c].mean(), h0, lam0]
                p0 = np.clip(p0, np.array(lower) + 1e-9, np.array(upper) - 1e-9)
                try:
                    params, _ = curve_fit(
                        f,
                        np.arange(len(outcome)),
                        outcome,
                        p0=p0,
                        bounds=(lower, upper),
                        method="trf",
                        max_nfev=20000,
                        xtol=1e-12,
                        ftol=1e-12,
                        gtol=1e-12,
                    )
                except RuntimeError:
                    continue
                sse = float(((predict(spend, params) - outcome) ** 2).sum())
                if best is None or sse < best[1]:
                    best = (params, sse)
    return best


def describe(spend, outcome, params, sse):
    channels = {}
    for c, name in enumerate(CHANNELS):
        top, k, h, lam = params[1 + 4 * c : 5 + 4 * c]
        channels[name] = {"top": top, "k": k, "h": h, "decay": lam}
    tss = float(((outcome - outcome.mean()) ** 2).sum())
    return {
        "base": params[0],
        "channels": channels,
        "sse": sse,
        "r2": 1.0 - sse / tss,
        "predicted": predict(spend, params).tolist(),
    }


def linear(spend, outcome):
    design = np.column_stack([np.ones(spend.shape[1])] + list(spend))
    coef, *_ = np.linalg.lstsq(design, outcome, rcond=None)
    return coef


def main():
    rows = np.loadtxt(DATA, delimiter=",", skiprows=1)
    spend = rows[:, :3].T.copy()
    outcome = rows[:, 3].copy()
    params, sse = fit(spend, outcome)
    full = describe(spend, outcome, [float(p) for p in params], sse)

    train_spend = spend[:, :TRAINING_ROWS]
    train_params, _ = fit(train_spend, outcome[:TRAINING_ROWS])
    held = slice(TRAINING_ROWS, None)
    curve_rmse = float(np.sqrt(((predict(spend, train_params)[held] - outcome[held]) ** 2).mean()))
    line = linear(train_spend, outcome[:TRAINING_ROWS])
    line_pred = line[0] + line[1:] @ spend[:, held]
    line_rmse = float(np.sqrt(((line_pred - outcome[held]) ** 2).mean()))
    full_line = linear(spend, outcome)
    line_sse = float(((full_line[0] + full_line[1:] @ spend - outcome) ** 2).sum())
    tss = float(((outcome - outcome.mean()) ** 2).sum())

    out = {
        "tool": f"scipy.optimize.curve_fit (scipy {scipy.__version__}, numpy {np.__version__})",
        "script": "tools/budget_media_fixture.py",
        "data": "testdata/islr-advertising/Advertising.csv",
        "media_model": full,
        "linear": {"coefficients": full_line.tolist(), "r2": 1.0 - line_sse / tss},
        "holdout": {
            "training_rows": TRAINING_ROWS,
            "held_out_rows": int(outcome.size - TRAINING_ROWS),
            "rmse": curve_rmse,
            "linear_rmse": line_rmse,
        },
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps({k: v for k, v in out.items() if k != "media_model"}, indent=1))
    print("media r2", full["r2"], "sse", sse, "params", params)


if __name__ == "__main__":
    main()
