#!/usr/bin/env python3
"""Reference fixtures for shoplens-core::learn, produced with scikit-learn.

Writes testdata/fixtures/learn_*.json from the data committed under testdata/
(Advertising.csv, online_shoppers_intention.csv) and from scikit-learn's bundled
iris set (BSD licence). Every file records the tool, its version and this script.

Run from the repository root:  python3 tools/learn_fixtures.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score,
                             log_loss, mean_absolute_error,
                             mean_absolute_percentage_error,
                             mean_squared_error, precision_score, r2_score,
                             recall_score, roc_auc_score, roc_curve)
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.ensemble import RandomForestClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "testdata", "fixtures")


def header():
    return {
        "tool": "scikit-learn",
        "version": sklearn.__version__,
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "script": "tools/learn_fixtures.py",
    }


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


def floats(a):
    return [float(v) for v in np.ravel(a)]


def shoppers_xy():
    """The REFERENCE.md encoding: Weekend 0/1, Month and VisitorType one-hot, 28 features."""
    d = pd.read_csv(os.path.join(ROOT, "testdata", "uci-online-shoppers",
                                 "online_shoppers_intention.csv"))
    y = d.pop("Revenue").astype(int).to_numpy()
    d["Weekend"] = d["Weekend"].astype(int)
    x = pd.get_dummies(d, columns=["Month", "VisitorType"], dtype=float)
    return x, y


def advertising():
    d = pd.read_csv(os.path.join(ROOT, "testdata", "islr-advertising", "Advertising.csv"))
    x = d[["TV", "radio", "newspaper"]].to_numpy()
    y = d["sales"].to_numpy()
    ols = LinearRegression().fit(x, y)
    pred = ols.predict(x)
    n, p = x.shape
    r2 = r2_score(y, pred)
    ridge = Ridge(alpha=10.0).fit(x, y)
    # KNN regressor: first 150 rows train, last 50 test; distance weights, Manhattan.
    knn = KNeighborsRegressor(n_neighbors=5, weights="distance", p=1,
                              algorithm="brute").fit(x[:150], y[:150])
    knn_u = KNeighborsRegressor(n_neighbors=3).fit(x[:150], y[:150])
    tree = DecisionTreeRegressor(max_depth=3, random_state=0).fit(x, y)
    t = tree.tree_
    write("learn_advertising.json", {
        **header(),
        "what": "OLS and ridge (alpha=10) of sales on TV, radio, newspaper, all 200 rows; "
                "KNN regressors trained on rows 0..150 predicting rows 150..200; "
                "DecisionTreeRegressor(max_depth=3) on all rows",
        "features": ["TV", "radio", "newspaper"],
        "intercept": float(ols.intercept_),
        "coefficients": floats(ols.coef_),
        "r2": float(r2),
        "adjusted_r2": float(1 - (1 - r2) * (n - 1) / (n - p - 1)),
        "rmse": float(np.sqrt(mean_squared_error(y, pred))),
        "mae": float(mean_absolute_error(y, pred)),
        "mape": float(mean_absolute_percentage_error(y, pred)),
        "ridge_alpha": 10.0,
        "ridge_intercept": float(ridge.intercept_),
        "ridge_coefficients": floats(ridge.coef_),
        "knn_distance_manhattan_k5": floats(knn.predict(x[150:])),
        "knn_uniform_euclidean_k3": floats(knn_u.predict(x[150:])),
        "tree": tree_nodes(t, regression=True),
    })


def tree_nodes(t, regression):
    nodes = []
    for i in range(t.node_count):
        leaf = t.children_left[i] == -1
        value = t.value[i][0]
        nodes.append({
            "feature": None if leaf else int(t.feature[i]),
            "threshold": None if leaf else float(t.threshold[i]),
            "left": None if leaf else int(t.children_left[i]),
            "right": None if leaf else int(t.children_right[i]),
            "samples": int(t.n_node_samples[i]),
            "impurity": float(t.impurity[i]),
            "value": float(value[0]) if regression else floats(value),
        })
    return nodes


def shoppers():
    x, y = shoppers_xy()
    idx = np.arange(len(y))
    xtr, xte, ytr, yte, itr, ite = train_test_split(x.to_numpy(), y, idx, test_size=0.2,
                                                    random_state=42)
    scaler = StandardScaler().fit(xtr)
    str_, ste = scaler.transform(xtr), scaler.transform(xte)

    knn = KNeighborsClassifier(n_neighbors=5).fit(str_, ytr)
    knn_pred = knn.predict(ste)
    knn_proba = knn.predict_proba(ste)[:, 1]

    logit = LogisticRegression(C=1.0, tol=1e-12, max_iter=100000).fit(str_, ytr)
    logit_proba = logit.predict_proba(ste)[:, 1]

    tree = DecisionTreeClassifier(random_state=0).fit(xtr, ytr)
    tree_pred = tree.predict(xte)
    shallow = DecisionTreeClassifier(max_depth=3, random_state=0).fit(xtr, ytr)

    forest = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1,
                                    oob_score=True).fit(xtr, ytr)
    forest_proba = forest.predict_proba(xte)[:, 1]
    forest_pred = forest.predict(xte)

    svc = LinearSVC(C=1.0, loss="hinge", dual=True, max_iter=100000, random_state=0).fit(str_, ytr)
    svc_sq = LinearSVC(C=1.0, random_state=0, max_iter=100000).fit(str_, ytr)

    def cls_metrics(pred, score=None):
        m = {"accuracy": float(accuracy_score(yte, pred)), "f1": float(f1_score(yte, pred))}
        if score is not None:
            m["roc_auc"] = float(roc_auc_score(yte, score))
        return m

    write("learn_shoppers.json", {
        **header(),
        "what": "online_shoppers_intention.csv, label Revenue; Weekend 0/1; Month and "
                "VisitorType one-hot (pandas.get_dummies); train_test_split(test_size=0.2, "
                "random_state=42); KNN, logistic (C=1) and LinearSVC on StandardScaler "
                "features fitted on the train rows; trees and forest on raw features",
        "features": list(x.columns),
        "train_rows": [int(i) for i in itr],
        "test_rows": [int(i) for i in ite],
        "scaler_mean": floats(scaler.mean_),
        "scaler_scale": floats(scaler.scale_),
        "knn_k5_predictions": [int(v) for v in knn_pred],
        "knn_k5_metrics": cls_metrics(knn_pred, knn_proba),
        "logistic_coefficients": floats(logit.coef_),
        "logistic_intercept": float(logit.intercept_[0]),
        "logistic_metrics": cls_metrics(logit.predict(ste), logit_proba),
        "tree_metrics": cls_metrics(tree_pred, tree.predict_proba(xte)[:, 1]),
        "tree_depth3": tree_nodes(shallow.tree_, regression=False),
        "forest_metrics": cls_metrics(forest_pred, forest_proba),
        "forest_oob_score": float(forest.oob_score_),
        "linear_svc_hinge_accuracy": float(accuracy_score(yte, svc.predict(ste))),
        "linear_svc_squared_hinge_accuracy": float(accuracy_score(yte, svc_sq.predict(ste))),
    })


def iris():
    data = load_iris()
    x, y = data.data, data.target
    logit = LogisticRegression(C=1.0, tol=1e-12, max_iter=100000).fit(x, y)
    write("learn_iris.json", {
        **header(),
        "what": "sklearn.datasets.load_iris (BSD licence); multinomial LogisticRegression(C=1.0) "
                "on the raw features, all 150 rows",
        "features": list(data.feature_names),
        "classes": list(data.target_names),
        "x": [floats(r) for r in x],
        "y": [int(v) for v in y],
        "coefficients": [floats(r) for r in logit.coef_],
        "intercepts": floats(logit.intercept_),
        "probabilities_first5": [floats(r) for r in logit.predict_proba(x[:5])],
    })


def metrics():
    rng = np.random.default_rng(7)
    y_true = rng.integers(0, 2, 60)
    # Scores rounded to one decimal so many ties, which sklearn's ROC handles by grouping.
    y_score = np.round(np.clip(y_true * 0.25 + rng.random(60) * 0.75, 0.01, 0.99), 1)
    y_pred = (y_score >= 0.5).astype(int)
    fpr, tpr, thr = roc_curve(y_true, y_score, drop_intermediate=False)
    r_true = rng.random(40) * 100 + 1
    r_pred = r_true + rng.normal(0, 5, 40)
    write("learn_metrics.json", {
        **header(),
        "what": "classification metrics on 60 seeded labels and tied scores; regression "
                "metrics on 40 seeded values",
        "y_true": [int(v) for v in y_true],
        "y_score": floats(y_score),
        "y_pred": [int(v) for v in y_pred],
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "precision": float(precision_score(y_true, y_pred)),
        "recall": float(recall_score(y_true, y_pred)),
        "f1": float(f1_score(y_true, y_pred)),
        "roc_auc": float(roc_auc_score(y_true, y_score)),
        "log_loss": float(log_loss(y_true, y_score)),
        "confusion_matrix": [[int(v) for v in r] for r in confusion_matrix(y_true, y_pred)],
        "roc_fpr": floats(fpr),
        "roc_tpr": floats(tpr),
        "roc_thresholds": [float(v) if np.isfinite(v) else None for v in thr],
        "r_true": floats(r_true),
        "r_pred": floats(r_pred),
        "r2": float(r2_score(r_true, r_pred)),
        "rmse": float(np.sqrt(mean_squared_error(r_true, r_pred))),
        "mae": float(mean_absolute_error(r_true, r_pred)),
        "mape": float(mean_absolute_percentage_error(r_true, r_pred)),
    })


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    advertising()
    metrics()
    iris()
    shoppers()
    sys.exit(0)
