//! [`ConfusionMatrix`]: held-out counts as heat cells, true classes down the rows and
//! predicted classes across the columns, each cell labelled with its count.

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{ink, ramp_rgb, Bands, Drawn, Plot};
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
    let draw = Callback::new(move |plot: Plot| {
        data.with(|d| {
            let _ = draw_matrix(&plot, d);
        });
    });
    view! { <CanvasChart label=label file_name="confusion-matrix.png" draw=draw height=height test_id="chart-confusion" /> }
}

fn draw_matrix(plot: &Plot, data: &ConfusionData) -> Drawn {
    let n = data.counts.len();
    if n == 0 {
        return Ok(());
    }
    let label_width = data
        .classes
        .iter()
        .map(|c| plot.text_width(c, 12.0))
        .fold(0.0, f64::max)
        .min(160.0)
        + 40.0;
    let top = 48.0;
    // Square cells, as large as the canvas allows.
    let cell = ((plot.height - top - 16.0) / n as f64)
        .min((plot.width - label_width - 16.0) / n as f64)
        .max(8.0);
    let side = cell * n as f64;
    let Ok(mut chart) = ChartBuilder::on(&plot.area)
        .top_x_label_area_size(plot.upx(top))
        .y_label_area_size(plot.upx(label_width))
        .margin_right(plot.upx(plot.width - label_width - side))
        .margin_bottom(plot.upx(plot.height - top - side))
        .build_cartesian_2d(Bands::new(n), Bands::down(n))
    else {
        return Ok(());
    };
    let class = |v: &f64| {
        data.classes
            .get(v.floor() as usize)
            .cloned()
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(TRANSPARENT)
        .set_all_tick_mark_size(0)
        .label_style(plot.font(12.0).color(&ink::AXIS))
        .axis_desc_style(plot.font(12.0))
        .x_label_formatter(&class)
        .y_label_formatter(&class)
        .x_desc(data.titles.1.as_str())
        .y_desc(data.titles.0.as_str())
        .draw()?;
    let max = data
        .counts
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let gap = plot.px(1.0);
    let centred = plot.font(12.0).pos(Pos::new(HPos::Center, VPos::Center));
    for (i, row) in data.counts.iter().enumerate() {
        for (j, &count) in row.iter().enumerate() {
            let t = count as f64 / max;
            let (x, y) = (j as f64, i as f64);
            let mut square = Rectangle::new([(x, y), (x + 1.0, y + 1.0)], ramp_rgb(t).filled());
            square.set_margin(gap as u32, gap as u32, gap as u32, gap as u32);
            chart.draw_series(std::iter::once(square))?;
            // Light text on the dark end of the ramp, dark text on the light end.
            let colour = if t < 0.6 { WHITE } else { ink::TEXT };
            chart.draw_series(std::iter::once(Text::new(
                count.to_string(),
                (x + 0.5, y + 0.5),
                centred.color(&colour),
            )))?;
        }
    }
    Ok(())
}
