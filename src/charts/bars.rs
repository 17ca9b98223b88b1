//! [`BarChart`]: horizontal bars, one per labelled value (segment sizes, revenue per
//! segment). Labels sit left of the bars, values at their ends.

use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{ink, rgb, tick_label, Bands, Drawn, Plot};
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
    let draw = Callback::new(move |plot: Plot| {
        bars.with(|bars| {
            let _ = draw_bars(&plot, bars);
        });
    });
    view! { <CanvasChart label=label file_name=file_name draw=draw height=height test_id=test_id.unwrap_or_default() /> }
}

fn draw_bars(plot: &Plot, bars: &[Bar]) -> Drawn {
    if bars.is_empty() {
        return Ok(());
    }
    let n = bars.len();
    let label_width = bars
        .iter()
        .map(|b| plot.text_width(&b.label, 12.0))
        .fold(0.0, f64::max)
        + 16.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max).max(1e-12);
    let Ok(mut chart) = ChartBuilder::on(&plot.area)
        .margin_top(plot.upx(12.0))
        .margin_right(plot.upx(72.0))
        .x_label_area_size(plot.upx(28.0))
        .y_label_area_size(plot.upx(label_width))
        .build_cartesian_2d(0.0..max, Bands::down(n))
    else {
        return Ok(());
    };
    let name = |v: &f64| {
        bars.get(v.floor() as usize)
            .map(|b| b.label.clone())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .x_labels(6)
        .max_light_lines(0)
        .disable_y_mesh()
        .bold_line_style(ink::GRID.stroke_width(plot.upx(1.0)))
        .axis_style(ink::AXIS.stroke_width(plot.upx(1.0)))
        .set_all_tick_mark_size(plot.upx(4.0))
        .x_label_style(plot.font(12.0).color(&ink::AXIS))
        .x_label_formatter(&tick_label)
        .y_label_style(plot.font(12.0))
        .y_label_formatter(&name)
        .draw()?;
    chart.draw_series(bars.iter().enumerate().map(|(i, bar)| {
        let row = i as f64;
        Rectangle::new(
            [(0.0, row + 0.15), (bar.value.max(0.0), row + 0.85)],
            rgb(bar.colour).filled(),
        )
    }))?;
    let value_style = plot
        .font(12.0)
        .color(&ink::AXIS)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let gap = plot.px(4.0);
    for (i, bar) in bars.iter().enumerate() {
        let row = i as f64 + 0.5;
        let (x, y) = chart.backend_coord(&(bar.value.max(0.0), row));
        plot.area.draw(&Text::new(
            tick_label(&bar.value),
            (x + gap, y),
            value_style.clone(),
        ))?;
    }
    Ok(())
}
