//! [`RocCurve`]: the ROC curve of a binary classifier (false-positive rate across,
//! true-positive rate up) with the chance diagonal and the AUC in the legend.

use std::sync::Arc;

use leptos::prelude::*;

use super::canvas::{category, ink, Area, Plot, Scale};
use super::fit_scatter::{dashed, legend};
use super::CanvasChart;

/// What a [`RocCurve`] draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RocData {
    /// `(fpr, tpr)` points in threshold order.
    pub points: Vec<(f64, f64)>,
    /// Axis titles `(x, y)`.
    pub titles: (String, String),
    /// Legend text of the curve (with the AUC) and of the diagonal.
    pub legend: (String, String),
}

/// A ROC curve.
#[component]
pub fn RocCurve(
    /// The curve and its texts.
    #[prop(into)]
    data: Signal<Arc<RocData>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let draw = Callback::new(move |plot: Plot| data.with(|d| draw_roc(&plot, d)));
    view! { <CanvasChart label=label file_name="roc-curve.png" draw=draw height=360.0 test_id="chart-roc" /> }
}

fn draw_roc(plot: &Plot, data: &RocData) {
    let mut area = Area::inside(plot);
    // A square plot: rates on both axes share one unit.
    let side = (area.right - area.left).min(area.bottom - area.top);
    area.right = area.left + side;
    let x = Scale::new(0.0, 1.0, area.left, area.right);
    let y = Scale::new(0.0, 1.0, area.bottom, area.top);
    plot.axes(&area, &x, &y, &data.titles.0, &data.titles.1);
    dashed(plot, true);
    plot.line(
        x.map(0.0),
        y.map(0.0),
        x.map(1.0),
        y.map(1.0),
        ink::AXIS,
        1.0,
    );
    dashed(plot, false);
    let pixels: Vec<(f64, f64)> = data
        .points
        .iter()
        .map(|&(f, t)| (x.map(f), y.map(t)))
        .collect();
    plot.polyline(&pixels, category(0), 2.5);
    // The legend sits right of the square when there is room, else inside it.
    let legend_area = Area {
        right: (area.right + 260.0).min(plot.width - 8.0),
        ..area
    };
    legend(
        plot,
        &legend_area,
        &[
            (data.legend.0.clone(), category(0)),
            (data.legend.1.clone(), ink::AXIS),
        ],
    );
}
