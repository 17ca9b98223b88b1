//! [`LineChart`]: a line through (x, y) points with dots, one x optionally marked (the
//! elbow and silhouette charts, with the chosen k marked).

use leptos::prelude::*;

use super::canvas::{category, ink, Area, Plot, Scale};
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
        points.with(|points| draw_line(&plot, points, &x_title, &y_title, mark));
    });
    view! { <CanvasChart label=label file_name=file_name draw=draw height=260.0 test_id=test_id.unwrap_or_default() /> }
}

fn draw_line(plot: &Plot, points: &[(f64, f64)], x_title: &str, y_title: &str, mark: Option<f64>) {
    let area = Area::inside(plot);
    let x = Scale::fit(points.iter().map(|p| p.0), area.left, area.right);
    let y = Scale::fit(points.iter().map(|p| p.1), area.bottom, area.top);
    plot.axes(&area, &x, &y, x_title, y_title);
    if let Some(m) = mark {
        let px = x.map(m);
        plot.line(px, area.top, px, area.bottom, ink::AXIS, 1.5);
    }
    let pixels: Vec<(f64, f64)> = points.iter().map(|&(a, b)| (x.map(a), y.map(b))).collect();
    plot.polyline(&pixels, category(0), 2.0);
    for &(px, py) in &pixels {
        plot.dot(px, py, 3.5, category(0));
    }
}
