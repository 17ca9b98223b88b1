//! [`BarChart`]: horizontal bars, one per labelled value (segment sizes, revenue per
//! segment). Labels sit left of the bars, values at their ends.

use leptos::prelude::*;

use super::canvas::{format_tick, ink, Plot, Scale};
use super::CanvasChart;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The label left of the bar.
    pub label: String,
    /// Its length (≥ 0).
    pub value: f64,
    /// Its fill colour.
    pub colour: &'static str,
}

/// Horizontal bars with their labels and values.
#[component]
pub fn BarChart(
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// File name of the PNG export.
    #[prop(into)]
    file_name: String,
    /// The bars, top to bottom.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// A `data-testid` for tests.
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    let height = 40.0 + 26.0 * bars.with_untracked(Vec::len).max(1) as f64;
    let draw = Callback::new(move |plot: Plot| bars.with(|bars| draw_bars(&plot, bars)));
    view! { <CanvasChart label=label file_name=file_name draw=draw height=height test_id=test_id.unwrap_or_default() /> }
}

fn draw_bars(plot: &Plot, bars: &[Bar]) {
    if bars.is_empty() {
        return;
    }
    let label_width = bars
        .iter()
        .map(|b| plot.text_width(&b.label))
        .fold(0.0, f64::max)
        + 16.0;
    let right = (plot.width - 72.0).max(label_width + 40.0);
    let top = 12.0;
    let row = (plot.height - top - 28.0) / bars.len() as f64;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max).max(1e-12);
    let x = Scale::new(0.0, max, label_width, right);
    for tick in x.ticks(6) {
        let px = x.map(tick);
        plot.line(px, top, px, plot.height - 24.0, ink::GRID, 1.0);
        plot.text(
            &format_tick(tick),
            px,
            plot.height - 12.0,
            "center",
            ink::AXIS,
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = top + i as f64 * row;
        let mid = y + row / 2.0;
        plot.text(&bar.label, label_width - 8.0, mid, "right", ink::TEXT);
        let end = x.map(bar.value.max(0.0));
        plot.rect(
            label_width,
            y + row * 0.15,
            end - label_width,
            row * 0.7,
            bar.colour,
        );
        plot.text(&format_tick(bar.value), end + 4.0, mid, "left", ink::AXIS);
    }
    plot.line(
        label_width,
        top,
        label_width,
        plot.height - 24.0,
        ink::AXIS,
        1.0,
    );
}
