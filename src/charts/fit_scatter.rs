//! [`FitScatter`]: points of a fitted model (predicted vs actual, residuals, one feature vs
//! the target) with reference lines such as y = x, y = 0 or the fitted line, and a legend.

use std::sync::Arc;

use leptos::prelude::*;

use super::canvas::{category, ink, Area, Plot, Scale};
use super::CanvasChart;

/// A line drawn over the points, in data coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum RefLine {
    /// y = x across the whole plot (predicted vs actual).
    Identity,
    /// A horizontal line at this y (residual 0).
    Horizontal(f64),
    /// A polyline through these points (a fitted line), in x order.
    Path(Vec<(f64, f64)>),
}

/// What a [`FitScatter`] draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FitData {
    /// The main points (blue).
    pub points: Vec<(f64, f64)>,
    /// Second points (orange), e.g. the model's predictions at the same x.
    pub extra: Vec<(f64, f64)>,
    /// Reference lines (dark red, dashed for `Identity` and `Horizontal`).
    pub lines: Vec<RefLine>,
    /// The x axis title.
    pub x_title: String,
    /// The y axis title.
    pub y_title: String,
    /// Legend entries `(text, colour)`, top right.
    pub legend: Vec<(String, &'static str)>,
}

/// The colour of the reference lines.
pub const LINE_COLOUR: &str = "#b22222";

/// A scatter with reference lines.
#[component]
pub fn FitScatter(
    /// The data and titles.
    #[prop(into)]
    data: Signal<Arc<FitData>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// File name of the PNG export.
    #[prop(into)]
    file_name: String,
    /// A `data-testid` for tests.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let draw = Callback::new(move |plot: Plot| data.with(|d| draw_fit(&plot, d)));
    view! { <CanvasChart label=label file_name=file_name draw=draw height=340.0 test_id=test_id /> }
}

fn draw_fit(plot: &Plot, data: &FitData) {
    let area = Area::inside(plot);
    let xs = data.points.iter().chain(&data.extra).map(|p| p.0);
    let ys = data.points.iter().chain(&data.extra).map(|p| p.1);
    let identity = data.lines.contains(&RefLine::Identity);
    // On predicted-vs-actual both axes share one range so y = x is the diagonal.
    let (x, y) = if identity {
        let both = Scale::fit(xs.chain(ys), 0.0, 1.0);
        (
            Scale::new(both.data_start, both.data_end, area.left, area.right),
            Scale::new(both.data_start, both.data_end, area.bottom, area.top),
        )
    } else {
        (
            Scale::fit(xs, area.left, area.right),
            Scale::fit(ys, area.bottom, area.top),
        )
    };
    plot.axes(&area, &x, &y, &data.x_title, &data.y_title);
    let radius = if data.points.len() > 3_000 { 1.5 } else { 3.0 };
    for (series, colour) in [(&data.points, category(0)), (&data.extra, category(1))] {
        plot.ctx.set_global_alpha(0.7);
        for &(px, py) in series.iter() {
            if px.is_finite() && py.is_finite() {
                plot.dot(x.map(px), y.map(py), radius, colour);
            }
        }
        plot.ctx.set_global_alpha(1.0);
    }
    // Lines are clipped to the plot area.
    plot.ctx.save();
    plot.ctx.begin_path();
    plot.ctx.rect(
        area.left,
        area.top,
        area.right - area.left,
        area.bottom - area.top,
    );
    plot.ctx.clip();
    for line in &data.lines {
        match line {
            RefLine::Identity => {
                dashed(plot, true);
                let (a, b) = (x.data_start, x.data_end);
                plot.line(x.map(a), y.map(a), x.map(b), y.map(b), LINE_COLOUR, 1.5);
                dashed(plot, false);
            }
            RefLine::Horizontal(level) => {
                dashed(plot, true);
                let py = y.map(*level);
                plot.line(area.left, py, area.right, py, LINE_COLOUR, 1.5);
                dashed(plot, false);
            }
            RefLine::Path(points) => {
                let pixels: Vec<(f64, f64)> =
                    points.iter().map(|&(a, b)| (x.map(a), y.map(b))).collect();
                plot.polyline(&pixels, LINE_COLOUR, 2.0);
            }
        }
    }
    plot.ctx.restore();
    legend(plot, &area, &data.legend);
}

/// Switches dashed strokes on or off.
pub fn dashed(plot: &Plot, on: bool) {
    let pattern = js_sys::Array::new();
    if on {
        pattern.push(&6.0.into());
        pattern.push(&4.0.into());
    }
    let _ = plot.ctx.set_line_dash(&pattern);
}

/// A legend box in the top-right corner of `area`: one swatch and text per entry.
pub fn legend(plot: &Plot, area: &Area, entries: &[(String, &'static str)]) {
    if entries.is_empty() {
        return;
    }
    let width = entries
        .iter()
        .map(|(t, _)| plot.text_width(t))
        .fold(0.0, f64::max)
        + 34.0;
    let height = 18.0 * entries.len() as f64 + 8.0;
    let (left, top) = (area.right - width - 6.0, area.top + 6.0);
    plot.ctx.set_global_alpha(0.9);
    plot.rect(left, top, width, height, "#fff");
    plot.ctx.set_global_alpha(1.0);
    for (i, (text, colour)) in entries.iter().enumerate() {
        let mid = top + 13.0 + 18.0 * i as f64;
        plot.rect(left + 6.0, mid - 5.0, 16.0, 10.0, colour);
        plot.text(text, left + 28.0, mid, "left", ink::TEXT);
    }
}
