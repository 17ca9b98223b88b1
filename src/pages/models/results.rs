//! The Models page's results: metric cards, the coefficient table and the charts of the
//! trained model — predicted vs actual, residuals and one feature against the target
//! (regression); confusion matrix and ROC curve (classification); importances or
//! coefficient sizes; the tree diagram ([`super::tree`]). Every chart has a table in a
//! `<details>` next to it.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::learn::dataset::Task;
use shoplens_core::learn::ModelKind;
use shoplens_core::Lang;

use super::tree::TreeSection;
use crate::charts::bars::{Bar, BarChart};
use crate::charts::canvas::category;
use crate::charts::confusion_matrix::{ConfusionData, ConfusionMatrix};
use crate::charts::fit_scatter::{FitData, FitScatter, RefLine, LINE_COLOUR};
use crate::charts::roc_curve::{RocCurve, RocData};
use crate::components::format::stat;
use crate::i18n::fill;
use crate::i18n::models::{t as tm, ModelText as T};
use crate::i18n::models_results::{t, ResultText as R};
use crate::state::use_app_state;
use crate::worker::protocol::models::ModelView;

/// Rows shown at most in a chart's table alternative.
const TABLE_ROWS: usize = 200;

/// Bars shown at most in the importance chart.
const TOP_BARS: usize = 20;

/// Everything the page shows about a trained model.
#[component]
pub fn Results(view: Arc<ModelView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let metrics = view.metrics.clone();
    let coefficients: Vec<(String, f64)> = view
        .coefficients
        .clone()
        .map(|c| view.features.iter().cloned().zip(c).collect())
        .unwrap_or_default();
    let intercept = view.intercept;
    let has_coefficients = !coefficients.is_empty();
    let (n_train, n_test) = (view.n_train, view.n_test);
    let regression = view.task == Task::Regression && !view.scatter.is_empty();
    let classification = view.task == Task::Classification;
    let has_tree = view.tree.is_some() || !view.forest_trees.is_empty();
    view! {
        <section class="card" data-testid="models-results" data-kind=view.kind.as_str() data-target=view.target.clone()>
            <crate::components::DownloadJob key="models.train" name="fit" />
            <h2>{move || tm(lang.get(), T::Metrics)}</h2>
            <p data-testid="models-rows" data-train=n_train data-test=n_test>
                {move || format!("{}: {} / {}", tm(lang.get(), T::Rows), n_train, n_test)}
            </p>
            <dl class="facts">
                {metrics.into_iter().map(|(k, v)| view! {
                    <div class="fact">
                        <dt>{let key = k.clone(); move || crate::i18n::models_results::metric_label(lang.get(), &key)}</dt>
                        <dd data-testid=format!("metric-{k}") data-value=v.to_string()>{format!("{v:.4}")}</dd>
                    </div>
                }).collect_view()}
            </dl>
            // Only linear models have coefficients.
            {has_coefficients.then(|| view! {
                <h3>{move || tm(lang.get(), T::Coefficients)}</h3>
                <table class="grid" data-testid="models-coefficients">
                    <thead><tr>
                        <th>{move || tm(lang.get(), T::Feature)}</th>
                        <th class="num">{move || tm(lang.get(), T::Value)}</th>
                    </tr></thead>
                    <tbody>
                        {coefficients.into_iter().map(|(n, v)| view! {
                            <tr data-feature=n.clone() data-value=v.to_string()><th>{n.clone()}</th><td class="num">{format!("{v:.6}")}</td></tr>
                        }).collect_view()}
                        {intercept.map(|b| view! {
                            <tr data-testid="models-intercept" data-value=b.to_string()>
                                <th>{move || tm(lang.get(), T::Intercept)}</th><td class="num">{format!("{b:.6}")}</td>
                            </tr>
                        })}
                    </tbody>
                </table>
            })}
        </section>
        {regression.then(|| view! { <RegressionCharts view=view.clone() /> })}
        {classification.then(|| view! { <ClassificationCharts view=view.clone() /> })}
        <ImportanceChart view=view.clone() />
        {has_tree.then(|| view! { <TreeSection view=view.clone() /> })}
    }
}

/// `{shown}` of `{total}` when a table is cut short.
fn first_rows(lang: Lang, shown: usize, total: usize) -> Option<String> {
    (shown < total).then(|| {
        fill(
            t(lang, R::FirstRows),
            &[("shown", shown.to_string()), ("total", total.to_string())],
        )
    })
}

/// The line or dots of one feature against the target.
#[derive(Debug, Clone, PartialEq)]
enum FeatureFit {
    /// The linear model's partial line: `(x0, y0), (x1, y1)`.
    Line(Vec<(f64, f64)>),
    /// The model's predictions at each point's x.
    Dots(Vec<(f64, f64)>),
}

/// `(x, actual, predicted)` of the evaluated rows where feature `name` is present, and the
/// fit to draw over them. For a linear model on raw features the line is the model with
/// every other feature held at its mean over these rows: `mean(ŷ) + c·(x − mean(x))`, which
/// equals `b + c·x + Σ c_k·mean(x_k)` because the model is linear.
fn feature_points(view: &ModelView, name: &str) -> (Vec<(f64, f64, f64)>, FeatureFit) {
    let Some((_, values)) = view.feature_values.iter().find(|(n, _)| n == name) else {
        return (Vec::new(), FeatureFit::Dots(Vec::new()));
    };
    let rows: Vec<(f64, f64, f64)> = values
        .iter()
        .zip(&view.scatter)
        .filter_map(|(x, &(actual, predicted))| x.map(|x| (x, actual, predicted)))
        .collect();
    let coefficient = view.coefficients.as_ref().and_then(|c| {
        let j = view.features.iter().position(|f| f == name)?;
        c.get(j).copied()
    });
    match coefficient {
        Some(c) if view.kind == ModelKind::Linear && !view.standardized && !rows.is_empty() => {
            let n = rows.len() as f64;
            let mean_x = rows.iter().map(|r| r.0).sum::<f64>() / n;
            let mean_y = rows.iter().map(|r| r.2).sum::<f64>() / n;
            let low = rows.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
            let high = rows.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max);
            let at = |x: f64| (x, mean_y + c * (x - mean_x));
            (rows, FeatureFit::Line(vec![at(low), at(high)]))
        }
        _ => {
            let dots = rows.iter().map(|r| (r.0, r.2)).collect();
            (rows, FeatureFit::Dots(dots))
        }
    }
}

#[component]
fn RegressionCharts(view: Arc<ModelView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let scatter = Arc::new(view.scatter.clone());
    let fit = {
        let scatter = scatter.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            Arc::new(FitData {
                points: scatter.to_vec(),
                extra: Vec::new(),
                lines: vec![RefLine::Identity],
                x_title: t(lang, R::Actual).into(),
                y_title: t(lang, R::Predicted).into(),
                legend: vec![
                    (t(lang, R::RowsLegend).into(), category(0)),
                    (t(lang, R::IdentityLegend).into(), LINE_COLOUR),
                ],
            })
        })
    };
    let residuals = {
        let scatter = scatter.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            Arc::new(FitData {
                points: scatter.iter().map(|&(a, p)| (p, a - p)).collect(),
                extra: Vec::new(),
                lines: vec![RefLine::Horizontal(0.0)],
                x_title: t(lang, R::Predicted).into(),
                y_title: t(lang, R::Residual).into(),
                legend: vec![
                    (t(lang, R::RowsLegend).into(), category(0)),
                    (t(lang, R::ZeroLegend).into(), LINE_COLOUR),
                ],
            })
        })
    };
    let names: Vec<String> = view.feature_values.iter().map(|(n, _)| n.clone()).collect();
    let chosen = RwSignal::new(names.first().cloned().unwrap_or_default());
    let feature = {
        let view = view.clone();
        Memo::new(move |_| Arc::new(feature_points(&view, &chosen.get())))
    };
    let feature_data = {
        let target = view.target.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            let shown = feature.get();
            let (rows, fit) = &*shown;
            let points = rows.iter().map(|r| (r.0, r.1)).collect();
            let (extra, lines, second) = match fit {
                FeatureFit::Line(line) => (
                    Vec::new(),
                    vec![RefLine::Path(line.clone())],
                    (t(lang, R::FittedLineLegend).into(), LINE_COLOUR),
                ),
                FeatureFit::Dots(dots) => (
                    dots.clone(),
                    Vec::new(),
                    (t(lang, R::PredictionsLegend).into(), category(1)),
                ),
            };
            Arc::new(FitData {
                points,
                extra,
                lines,
                x_title: chosen.get(),
                y_title: target.clone(),
                legend: vec![(t(lang, R::RowsLegend).into(), category(0)), second],
            })
        })
    };
    let is_line = Memo::new(move |_| matches!(feature.get().1, FeatureFit::Line(_)));
    let total = scatter.len();
    let fit_rows = scatter
        .iter()
        .take(TABLE_ROWS)
        .map(|&(a, p)| {
            view! { <tr><td class="num">{stat(a)}</td><td class="num">{stat(p)}</td><td class="num">{stat(a - p)}</td></tr> }
        })
        .collect_view();
    let has_features = !names.is_empty();
    view! {
        <section class="card model-charts" data-testid="regression-charts">
            <div class="chart-pair">
                <div>
                    <h3>{move || t(lang.get(), R::FitHeading)}</h3>
                    <FitScatter data=fit label=Signal::derive(move || t(lang.get(), R::FitHeading).to_string())
                        file_name="predicted-vs-actual.png" test_id="chart-fit" />
                </div>
                <div>
                    <h3>{move || t(lang.get(), R::ResidualsHeading)}</h3>
                    <FitScatter data=residuals label=Signal::derive(move || t(lang.get(), R::ResidualsHeading).to_string())
                        file_name="residuals.png" test_id="chart-residuals" />
                </div>
            </div>
            <details>
                <summary>{move || t(lang.get(), R::AsTable)}</summary>
                {move || first_rows(lang.get(), TABLE_ROWS.min(total), total).map(|s| view! { <p class="note">{s}</p> })}
                <table class="plain" data-testid="fit-table">
                    <thead><tr>
                        <th class="num">{move || t(lang.get(), R::Actual)}</th>
                        <th class="num">{move || t(lang.get(), R::Predicted)}</th>
                        <th class="num">{move || t(lang.get(), R::Residual)}</th>
                    </tr></thead>
                    <tbody>{fit_rows}</tbody>
                </table>
            </details>
            <h3>{move || t(lang.get(), R::FeatureHeading)}</h3>
            {if has_features {
                view! {
                    <label class="field inline">
                        <span>{move || t(lang.get(), R::FeatureSelect)}</span>
                        <select data-testid="models-feature" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {names.iter().map(|n| {
                                let n2 = n.clone();
                                view! { <option value=n.clone() selected=move || chosen.get() == n2>{n.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <FitScatter data=feature_data label=Signal::derive(move || format!("{}: {}", t(lang.get(), R::FeatureHeading), chosen.get()))
                        file_name="feature-vs-target.png" test_id="chart-feature" />
                    <p class="note" data-testid="feature-caption">
                        {move || if is_line.get() { t(lang.get(), R::LinePartial) } else { t(lang.get(), R::DotsPredicted) }}
                    </p>
                    <details>
                        <summary>{move || t(lang.get(), R::AsTable)}</summary>
                        {move || feature.with(|f| {
                            let total = f.0.len();
                            let rows = f.0.iter().take(TABLE_ROWS).map(|&(x, a, p)| view! {
                                <tr><td class="num">{stat(x)}</td><td class="num">{stat(a)}</td><td class="num">{stat(p)}</td></tr>
                            }).collect_view();
                            view! {
                                {first_rows(lang.get(), TABLE_ROWS.min(total), total).map(|s| view! { <p class="note">{s}</p> })}
                                <table class="plain">
                                    <thead><tr>
                                        <th class="num">{chosen.get()}</th>
                                        <th class="num">{t(lang.get(), R::Actual)}</th>
                                        <th class="num">{t(lang.get(), R::Predicted)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }
                        })}
                    </details>
                }.into_any()
            } else {
                view! { <p class="note">{move || t(lang.get(), R::NoNumericFeature)}</p> }.into_any()
            }}
        </section>
    }
}

/// The area under `(fpr, tpr)` points by the trapezoid rule.
fn trapezoid_auc(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0) * (w[1].1 + w[0].1) / 2.0)
        .sum()
}

#[component]
fn ClassificationCharts(view: Arc<ModelView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let counts = view.confusion.clone().unwrap_or_default();
    let classes = view.classes.clone();
    let confusion = {
        let (counts, classes) = (counts.clone(), classes.clone());
        Memo::new(move |_| {
            let lang = lang.get();
            Arc::new(ConfusionData {
                counts: counts.clone(),
                classes: classes.clone(),
                titles: (
                    t(lang, R::TrueClass).to_string(),
                    t(lang, R::PredictedClass).to_string(),
                ),
            })
        })
    };
    let roc = view.roc.clone();
    let auc = view
        .metrics
        .iter()
        .find(|(k, _)| k == "roc_auc")
        .map(|m| m.1)
        .or_else(|| roc.as_deref().map(trapezoid_auc));
    let roc_chart = roc.clone().map(|points| {
        let data = Memo::new(move |_| {
            let lang = lang.get();
            let auc = fill(
                t(lang, R::AucLegend),
                &[("auc", format!("{:.3}", auc.unwrap_or(f64::NAN)))],
            );
            Arc::new(RocData {
                points: points.clone(),
                titles: (t(lang, R::Fpr).into(), t(lang, R::Tpr).into()),
                legend: (auc, t(lang, R::ChanceLegend).into()),
            })
        });
        // At most about 50 rows of the curve in its table: every k-th point plus the last.
        let step = (roc.as_ref().map_or(0, Vec::len) / 50).max(1);
        let rows = roc
            .clone()
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .map(|(_, &(f, tp))| view! { <tr><td class="num">{stat(f)}</td><td class="num">{stat(tp)}</td></tr> })
            .collect_view();
        view! {
            <div>
                <h3>{move || t(lang.get(), R::RocHeading)}</h3>
                <RocCurve data=data label=Signal::derive(move || t(lang.get(), R::RocHeading).to_string()) />
                <p class="note" data-testid="roc-auc" data-value=auc.unwrap_or_default().to_string()>
                    {move || fill(t(lang.get(), R::AucLegend), &[("auc", format!("{:.4}", auc.unwrap_or(f64::NAN)))])}
                </p>
                <details>
                    <summary>{move || t(lang.get(), R::AsTable)}</summary>
                    <table class="plain" data-testid="roc-table">
                        <thead><tr>
                            <th class="num">{move || t(lang.get(), R::Fpr)}</th>
                            <th class="num">{move || t(lang.get(), R::Tpr)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            </div>
        }
    });
    let header = classes
        .iter()
        .map(|c| view! { <th class="num" scope="col">{c.clone()}</th> })
        .collect_view();
    let body = counts
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .map(|&n| view! { <td class="num" data-testid="confusion-cell" data-count=n>{n}</td> })
                .collect_view();
            view! { <tr><th scope="row">{classes.get(i).cloned().unwrap_or_default()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <section class="card model-charts" data-testid="classification-charts">
            <div class="chart-pair">
                <div>
                    <h3>{move || t(lang.get(), R::ConfusionHeading)}</h3>
                    <ConfusionMatrix data=confusion label=Signal::derive(move || t(lang.get(), R::ConfusionHeading).to_string()) />
                    <details>
                        <summary>{move || t(lang.get(), R::AsTable)}</summary>
                        <table class="plain" data-testid="confusion-table">
                            <caption>{move || format!("{} ↓ × {} →", t(lang.get(), R::TrueClass), t(lang.get(), R::PredictedClass))}</caption>
                            <thead><tr><th></th>{header}</tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    </details>
                </div>
                {roc_chart}
            </div>
        </section>
    }
}

/// Importances (trees, forests) or coefficient sizes (linear models), largest first.
#[component]
fn ImportanceChart(view: Arc<ModelView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let (values, is_importance) = match (&view.importances, &view.coefficients) {
        (Some(v), _) => (v.clone(), true),
        (None, Some(c)) => (c.clone(), false),
        _ => return None,
    };
    let mut ranked: Vec<(String, f64)> = view.features.iter().cloned().zip(values).collect();
    ranked.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    ranked.truncate(TOP_BARS);
    let bars: Vec<Bar> = ranked
        .iter()
        .map(|(name, v)| Bar {
            label: name.clone(),
            value: v.abs(),
            // Coefficients: blue when positive, orange when negative.
            colour: category(usize::from(*v < 0.0)),
        })
        .collect();
    let heading = if is_importance {
        R::ImportanceHeading
    } else {
        R::CoefficientBarsHeading
    };
    let note = (!is_importance).then_some(if view.standardized {
        R::StandardizedNote
    } else {
        R::RawCoefficientNote
    });
    let column = if is_importance {
        R::Importance
    } else {
        R::Magnitude
    };
    let rows = ranked
        .into_iter()
        .map(|(n, v)| view! { <tr><th>{n}</th><td class="num">{stat(v)}</td></tr> })
        .collect_view();
    Some(view! {
        <section class="card model-charts" data-testid="importance-section">
            <h3>{move || t(lang.get(), heading)}</h3>
            <BarChart
                label=Signal::derive(move || t(lang.get(), heading).to_string())
                file_name="importances.png"
                bars=Signal::stored(bars)
                test_id="chart-importance"
            />
            {note.map(|n| view! { <p class="note">{move || t(lang.get(), n)}</p> })}
            <details>
                <summary>{move || t(lang.get(), R::AsTable)}</summary>
                <table class="plain" data-testid="importance-table">
                    <thead><tr>
                        <th>{move || tm(lang.get(), T::Feature)}</th>
                        <th class="num">{move || if is_importance { t(lang.get(), column).to_string() } else { tm(lang.get(), T::Value).to_string() }}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </section>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regression(kind: ModelKind, coefficients: Option<Vec<f64>>) -> ModelView {
        ModelView {
            task: Task::Regression,
            kind,
            target: "y".into(),
            features: vec!["a".into(), "b".into()],
            dropped: Vec::new(),
            n_train: 3,
            n_test: 3,
            in_sample: true,
            metrics: Vec::new(),
            coefficients,
            intercept: Some(1.0),
            standardized: false,
            importances: None,
            classes: Vec::new(),
            confusion: None,
            roc: None,
            // (actual, predicted) of y = 1 + 2a + 3b on (a, b) = (0, 1), (1, 1), (2, 4).
            scatter: vec![(4.0, 4.0), (6.5, 6.0), (17.0, 17.0)],
            tree: None,
            forest_trees: Vec::new(),
            feature_values: vec![
                ("a".into(), vec![Some(0.0), Some(1.0), Some(2.0)]),
                ("b".into(), vec![Some(1.0), None, Some(4.0)]),
            ],
            predictions: Vec::new(),
            fit_ms: 0.0,
            total_ms: 0.0,
        }
    }

    /// The partial line of a linear model is b + c·x + Σ c_k·mean(x_k) over the rows drawn.
    #[test]
    fn linear_partial_line_holds_the_other_features_at_their_means() {
        let view = regression(ModelKind::Linear, Some(vec![2.0, 3.0]));
        let (rows, fit) = feature_points(&view, "a");
        assert_eq!(rows.len(), 3);
        // Mean of b over the rows is (1 + 1 + 4) / 3 = 2 (b's missing cell imputed as 1 in
        // the prediction of row 2, as the fixture's predicted 6 says).
        let FeatureFit::Line(line) = fit else {
            panic!("a line")
        };
        let expect = |a: f64| 1.0 + 2.0 * a + 3.0 * 2.0;
        assert!((line[0].1 - expect(0.0)).abs() < 1e-12, "{line:?}");
        assert!((line[1].1 - expect(2.0)).abs() < 1e-12, "{line:?}");
        // Rows where the feature is missing are left out.
        assert_eq!(feature_points(&view, "b").0.len(), 2);
    }

    #[test]
    fn other_models_get_their_predictions_as_dots() {
        let view = regression(ModelKind::Tree, None);
        let (_, fit) = feature_points(&view, "a");
        assert_eq!(
            fit,
            FeatureFit::Dots(vec![(0.0, 4.0), (1.0, 6.0), (2.0, 17.0)])
        );
    }

    #[test]
    fn auc_of_the_perfect_and_the_chance_curve() {
        assert!((trapezoid_auc(&[(0.0, 0.0), (0.0, 1.0), (1.0, 1.0)]) - 1.0).abs() < 1e-12);
        assert!((trapezoid_auc(&[(0.0, 0.0), (1.0, 1.0)]) - 0.5).abs() < 1e-12);
    }
}
