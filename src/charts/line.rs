//! [`LineChart`]: a line through (x, y) points with dots, one x optionally marked (the
//! elbow and silhouette charts, with the chosen k marked).

use leptos::prelude::*;
use plotters::prelude::*;

use super::canvas::{category, ink, padded, rgb, Drawn, Margins, Plot};
use super::CanvasChart;

/// A line through points.
#[component]
pub fn LineChart(
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// File name of the PNG export.
    #[prop(into)]
    file_name: String,
    /// The points, in x order.
    #[prop(into)]
    points: Signal<Vec<(f64, f64)>>,
    /// Title of the x axis.
    #[prop(into)]
    x_title: Signal<String>,
    /// Title of the y axis.
    #[prop(into)]
    y_title: Signal<String>,
    /// An x value to mark with a vertical line.
    #[prop(into)]
    mark: Signal<Option<f64>>,
    /// A `data-testid` for tests.
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    let draw = Callback::new(move |plot: Plot| {
        let x_title = x_title.get();
        let y_title = y_title.get();
        let mark = mark.get();
        points.with(|points| {
            let _ = draw_line(&plot, points, &x_title, &y_title, mark);
        });
    });
    view! { <CanvasChart label=label file_name=file_name draw=draw height=260.0 test_id=test_id.unwrap_or_default() /> }
}

fn draw_line(
    plot: &Plot,
    points: &[(f64, f64)],
    x_title: &str,
    y_title: &str,
    mark: Option<f64>,
) -> Drawn {
    let x = padded(points.iter().map(|p| p.0));
    let y = padded(points.iter().map(|p| p.1));
    let Some(mut chart) = plot.xy(Margins::AXES, x, y.clone()) else {
        return Ok(());
    };
    plot.axes(&mut chart, x_title, y_title, None)?;
    if let Some(m) = mark {
        chart.draw_series(LineSeries::new(
            [(m, y.start), (m, y.end)],
            ink::AXIS.stroke_width(plot.upx(1.5)),
        ))?;
    }
    let colour = rgb(category(0));
    chart.draw_series(LineSeries::new(
        points.iter().copied(),
        colour.stroke_width(plot.upx(2.0)),
    ))?;
    chart.draw_series(
        points
            .iter()
            .map(|&p| Circle::new(p, plot.upx(3.5), colour.filled())),
    )?;
    Ok(())
}
