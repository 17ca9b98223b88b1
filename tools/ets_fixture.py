#!/usr/bin/env python3
"""ETS fixtures for shoplens' state-space exponential smoothing (forecast::ets_space).

Fits statsforecast's `ets_f` (the ETS of Hyndman et al. 2008 fitted by maximum likelihood,
ported from R's forecast::ets) with fixed components on public series and writes, per fit:
the smoothing parameters (alpha, beta, gamma, phi), the estimated initial states (level,
trend, seasonal states newest first, the last one implied by the normalisation), the
log-likelihood in statsforecast's convention (-0.5 * (n ln SSE + 2 sum ln|yhat|), constants
left out, as R reports it), AIC, AICc, sigma2 and the point forecast for one season.

Series (all committed inside the fixture, with their source):
  air_passengers   monthly 1949-1960, Box & Jenkins (1976), shipped as
                   statsforecast.utils.AirPassengers (statsforecast: Apache-2.0);
  elnino_1950s     monthly sea-surface temperature 1950-1959, statsmodels.datasets.elnino
                   (public domain, NOAA; statsmodels: BSD-3-Clause);
  elnino_short     its first 30 months (shorter than three seasons: Fourier initialisation);
  nile             yearly Nile flow at Aswan 1871-1970, statsmodels.datasets.nile
                   (Durbin & Koopman 2001, public domain);
  realgdp_q        US real GDP, quarterly 1959Q1-1973Q4 (60 values),
                   statsmodels.datasets.macrodata (public domain, US BEA/FRB).

Usage: /work/venv/bin/python tools/ets_fixture.py   (writes testdata/forecast/ets_fixed.json)
"""
import json
import os

import numpy as np
import statsforecast
import statsmodels
import statsmodels.datasets as smd
from statsforecast.ets import ets_f, pegelsfcast_C
from statsforecast.utils import AirPassengers

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "testdata", "forecast", "ets_fixed.json")

NON_SEASONAL = ["ANN", "AAN", "AAdN", "MNN", "MAN", "MAdN"]
SEASONAL = NON_SEASONAL + ["ANA", "AAA", "AAdA", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM"]


def series():
    elnino = smd.elnino.load_pandas().data
    months = elnino.drop(columns=["YEAR"]).to_numpy(dtype=float).ravel()
    nile = smd.nile.load_pandas().data["volume"].to_numpy(dtype=float)
    macro = smd.macrodata.load_pandas().data["realgdp"].to_numpy(dtype=float)
    return [
        ("air_passengers", 12, np.asarray(AirPassengers, dtype=float), SEASONAL),
        ("elnino_1950s", 12, months[:120], SEASONAL),
        ("elnino_short", 12, months[:30], ["ANN", "AAN", "ANA", "AAA", "MAM", "MNM"]),
        ("nile", 1, nile, NON_SEASONAL),
        ("realgdp_q", 4, macro[:60], SEASONAL),
    ]


def clean(x):
    x = float(x)
    return None if np.isnan(x) else x


def main():
    out = {
        "tool": "statsforecast.ets.ets_f",
        "tool_version": statsforecast.__version__,
        "statsmodels_version": statsmodels.__version__,
        "numpy_version": np.__version__,
        "script": "tools/ets_fixture.py",
        "series": [],
    }
    for name, m, y, specs in series():
        fits = []
        for spec in specs:
            damped = "d" in spec
            comp = spec.replace("d", "")
            mod = ets_f(y, m, model=comp, damped=damped)
            par = mod["par"]
            h = max(m, 4)
            fc = pegelsfcast_C(h, mod)
            fits.append(
                {
                    "model": spec,
                    "alpha": clean(par[0]),
                    "beta": clean(par[1]) if comp[1] != "N" else None,
                    "gamma": clean(par[2]) if comp[2] != "N" else None,
                    "phi": clean(par[3]) if damped else None,
                    "initial_states": [float(v) for v in par[4:]],
                    "loglik": float(mod["loglik"]),
                    "aic": float(mod["aic"]),
                    "aicc": float(mod["aicc"]),
                    "sigma2": float(mod["sigma2"]),
                    "n_params": int(mod["n_params"]),
                    "iterations": int(mod["fit"].nit),
                    "forecast": [float(v) for v in fc],
                }
            )
            print(f"{name:15s} {spec:5s} loglik {mod['loglik']:.4f} aicc {mod['aicc']:.4f}")
        out["series"].append({"name": name, "season": m, "y": [float(v) for v in y], "fits": fits})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
