//! [`FitScatter`]: points of a fitted model (predicted vs actual, residuals, one feature vs
//! the target) with reference lines such as y = x, y = 0 or the fitted line, and a legend.

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;

use super::canvas::{category, padded, rgb, Corner, Drawn, LegendEntry, Margins, Plot};
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
    let draw = Callback::new(move |plot: Plot| {
        data.with(|d| {
            let _ = draw_fit(&plot, d);
        });
    });
    view! { <CanvasChart label=label file_name=file_name draw=draw height=340.0 test_id=test_id /> }
}

fn draw_fit(plot: &Plot, data: &FitData) -> Drawn {
    let marks = || data.points.iter().chain(&data.extra);
    // The fitted line stays inside the frame: its points count towards the y range.
    let path_ys = data.lines.iter().flat_map(|l| match l {
        RefLine::Path(points) => points.iter().map(|p| p.1).collect(),
        _ => Vec::new(),
    });
    let identity = data.lines.contains(&RefLine::Identity);
    // On predicted-vs-actual both axes share one range so y = x is the diagonal.
    let (x, y) = if identity {
        let both = padded(marks().flat_map(|p| [p.0, p.1]));
        (both.clone(), both)
    } else {
        (
            padded(marks().map(|p| p.0)),
            padded(marks().map(|p| p.1).chain(path_ys)),
        )
    };
    let Some(mut chart) = plot.xy(Margins::AXES, x.clone(), y) else {
        return Ok(());
    };
    plot.axes(&mut chart, &data.x_title, &data.y_title, None)?;
    let radius = plot.upx(if data.points.len() > 3_000 { 1.5 } else { 3.0 });
    for (series, colour) in [(&data.points, category(0)), (&data.extra, category(1))] {
        let fill = rgb(colour).mix(0.7).filled();
        chart.draw_series(
            series
                .iter()
                .filter(|p| p.0.is_finite() && p.1.is_finite())
                .map(|&p| Circle::new(p, radius, fill)),
        )?;
    }
    let line = rgb(LINE_COLOUR);
    let (dash, gap) = (plot.upx(6.0), plot.upx(4.0));
    for reference in &data.lines {
        match reference {
            RefLine::Identity => {
                chart.draw_series(DashedLineSeries::new(
                    [(x.start, x.start), (x.end, x.end)],
                    dash,
                    gap,
                    line.stroke_width(plot.upx(1.5)),
                ))?;
            }
            RefLine::Horizontal(level) => {
                chart.draw_series(DashedLineSeries::new(
                    [(x.start, *level), (x.end, *level)],
                    dash,
                    gap,
                    line.stroke_width(plot.upx(1.5)),
                ))?;
            }
            RefLine::Path(points) => {
                chart.draw_series(LineSeries::new(
                    points.iter().copied(),
                    line.stroke_width(plot.upx(2.0)),
                ))?;
            }
        }
    }
    let entries: Vec<LegendEntry> = data
        .legend
        .iter()
        .map(|(text, colour)| LegendEntry::bar(text.as_str(), colour))
        .collect();
    plot.legend(&chart, &entries, Corner::UpperRight)
}
