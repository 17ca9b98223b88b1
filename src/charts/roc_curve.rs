//! [`RocCurve`]: the ROC curve of a binary classifier (false-positive rate across,
//! true-positive rate up) with the chance diagonal and the AUC in the legend.

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;

use super::canvas::{category, ink, rgb, Corner, Drawn, LegendEntry, Margins, Plot};
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
    let draw = Callback::new(move |plot: Plot| {
        data.with(|d| {
            let _ = draw_roc(&plot, d);
        });
    });
    view! { <CanvasChart label=label file_name="roc-curve.png" draw=draw height=360.0 test_id="chart-roc" /> }
}

fn draw_roc(plot: &Plot, data: &RocData) -> Drawn {
    // A square plot: rates on both axes share one unit.
    let m = Margins::AXES;
    let side = (plot.width - m.left - m.right).min(plot.height - m.top - m.bottom);
    let spare = plot.width - m.left - side;
    let margins = Margins { right: spare, ..m };
    let Some(mut chart) = plot.xy(margins, 0.0..1.0, 0.0..1.0) else {
        return Ok(());
    };
    plot.axes(&mut chart, &data.titles.0, &data.titles.1, None)?;
    let curve = rgb(category(0));
    chart.draw_series(LineSeries::new(
        data.points.iter().copied(),
        curve.stroke_width(plot.upx(2.5)),
    ))?;
    chart.draw_series(DashedLineSeries::new(
        [(0.0, 0.0), (1.0, 1.0)],
        plot.upx(6.0),
        plot.upx(4.0),
        ink::AXIS.stroke_width(plot.upx(1.0)),
    ))?;
    // The legend sits right of the square when there is room, else inside it.
    let corner = if spare >= 260.0 {
        Corner::RightOf
    } else {
        Corner::LowerRight
    };
    let entries = [
        LegendEntry::bar(data.legend.0.as_str(), category(0)),
        LegendEntry::bar(data.legend.1.as_str(), "#555"),
    ];
    plot.legend(&chart, &entries, corner)
}
