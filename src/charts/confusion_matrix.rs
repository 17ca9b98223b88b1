//! [`ConfusionMatrix`]: held-out counts as heat cells, true classes down the rows and
//! predicted classes across the columns, each cell labelled with its count.

use std::sync::Arc;

use leptos::prelude::*;

use super::canvas::{ink, ramp, Plot};
use super::CanvasChart;

/// What a [`ConfusionMatrix`] draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConfusionData {
    /// Counts: `counts[truth][prediction]`.
    pub counts: Vec<Vec<usize>>,
    /// Class labels, in row (and column) order.
    pub classes: Vec<String>,
    /// Titles of the rows (true class) and columns (predicted class).
    pub titles: (String, String),
}

/// A confusion matrix.
#[component]
pub fn ConfusionMatrix(
    /// The counts and labels.
    #[prop(into)]
    data: Signal<Arc<ConfusionData>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let n = data.with_untracked(|d| d.classes.len()).max(1) as f64;
    let height = (90.0 + 56.0 * n).clamp(200.0, 640.0);
    let draw = Callback::new(move |plot: Plot| data.with(|d| draw_matrix(&plot, d)));
    view! { <CanvasChart label=label file_name="confusion-matrix.png" draw=draw height=height test_id="chart-confusion" /> }
}

fn draw_matrix(plot: &Plot, data: &ConfusionData) {
    let n = data.counts.len();
    if n == 0 {
        return;
    }
    let label_width = data
        .classes
        .iter()
        .map(|c| plot.text_width(c))
        .fold(0.0, f64::max)
        .min(160.0)
        + 40.0;
    let top = 48.0;
    let cell = ((plot.height - top - 16.0) / n as f64)
        .min((plot.width - label_width - 16.0) / n as f64)
        .max(8.0);
    let max = data
        .counts
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    plot.text(
        &data.titles.1,
        label_width + cell * n as f64 / 2.0,
        12.0,
        "center",
        ink::TEXT,
    );
    for (j, class) in data.classes.iter().enumerate() {
        let cx = label_width + cell * (j as f64 + 0.5);
        plot.text(class, cx, top - 12.0, "center", ink::AXIS);
    }
    plot.ctx.save();
    let _ = plot.ctx.translate(12.0, top + cell * n as f64 / 2.0);
    let _ = plot.ctx.rotate(-std::f64::consts::FRAC_PI_2);
    plot.text(&data.titles.0, 0.0, 0.0, "center", ink::TEXT);
    plot.ctx.restore();
    for (i, row) in data.counts.iter().enumerate() {
        let y = top + cell * i as f64;
        if let Some(class) = data.classes.get(i) {
            plot.text(class, label_width - 8.0, y + cell / 2.0, "right", ink::AXIS);
        }
        for (j, &count) in row.iter().enumerate() {
            let x = label_width + cell * j as f64;
            let t = count as f64 / max;
            plot.rect(x + 1.0, y + 1.0, cell - 2.0, cell - 2.0, &ramp(t));
            // Light text on the dark end of the ramp, dark text on the light end.
            let colour = if t < 0.6 { "#fff" } else { ink::TEXT };
            plot.text(
                &count.to_string(),
                x + cell / 2.0,
                y + cell / 2.0,
                "center",
                colour,
            );
        }
    }
}
