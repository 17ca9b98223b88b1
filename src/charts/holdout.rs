//! [`HoldoutChart`]: the standard check of a purchase model — mean repeat purchases in the
//! holdout per calibration-frequency group (0, 1, …, 7+), actual against predicted, as two
//! lines over the groups (lifetimes' `plot_calibration_purchases_vs_holdout_purchases`).

use std::sync::Arc;

use leptos::prelude::*;

use super::canvas::{category, Plot};
use super::lines::{draw_lines, LineChartData, LineSeries, Mark};
use super::CanvasChart;

/// What a [`HoldoutChart`] draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HoldoutData {
    /// Group labels (`0` … `7+`).
    pub groups: Vec<String>,
    /// Mean actual purchases per group.
    pub actual: Vec<f64>,
    /// Mean predicted purchases per group.
    pub predicted: Vec<f64>,
    /// Legend names of the two lines.
    pub names: (String, String),
    /// Titles of the x and y axes.
    pub titles: (String, String),
}

/// Actual and predicted holdout purchases per calibration frequency.
#[component]
pub fn HoldoutChart(
    /// The groups and values.
    #[prop(into)]
    data: Signal<Arc<HoldoutData>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let draw = Callback::new(move |plot: Plot| {
        data.with(|d| {
            let points = |values: &[f64]| -> Vec<(f64, f64)> {
                values
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| (i as f64, v))
                    .collect()
            };
            let chart = LineChartData {
                series: vec![
                    LineSeries {
                        label: d.names.0.clone(),
                        colour: category(0),
                        mark: Mark::Line,
                        points: points(&d.actual),
                    },
                    LineSeries {
                        label: d.names.1.clone(),
                        colour: category(1),
                        mark: Mark::Dashed,
                        points: points(&d.predicted),
                    },
                ],
                bands: Vec::new(),
                x_title: d.titles.0.clone(),
                y_title: d.titles.1.clone(),
                x_labels: d.groups.clone(),
            };
            draw_lines(&plot, &chart);
        });
    });
    view! { <CanvasChart label=label file_name="clv-holdout.png" draw=draw height=280.0 test_id="chart-clv-holdout" /> }
}
