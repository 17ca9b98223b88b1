//! [`ClusterMap`]: customers on two axes (the first two principal components), each
//! coloured by its segment, with a legend.

use leptos::prelude::*;

use super::canvas::{category, ink, Area, Plot, Scale};
use super::CanvasChart;

/// A scatter of points coloured by cluster.
#[component]
pub fn ClusterMap(
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// File name of the PNG export.
    #[prop(into)]
    file_name: String,
    /// The points.
    #[prop(into)]
    points: Signal<Vec<[f64; 2]>>,
    /// The cluster (0-based) of each point.
    #[prop(into)]
    clusters: Signal<Vec<u32>>,
    /// Legend text of cluster `c` is `legend` followed by `c + 1`.
    #[prop(into)]
    legend: Signal<String>,
    /// Title of the x axis.
    #[prop(into)]
    x_title: Signal<String>,
    /// Title of the y axis.
    #[prop(into)]
    y_title: Signal<String>,
    /// A `data-testid` for tests.
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    let draw = Callback::new(move |plot: Plot| {
        let (x_title, y_title, legend) = (x_title.get(), y_title.get(), legend.get());
        points.with(|points| {
            clusters.with(|clusters| draw_map(&plot, points, clusters, &legend, &x_title, &y_title))
        });
    });
    view! { <CanvasChart label=label file_name=file_name draw=draw height=420.0 test_id=test_id.unwrap_or_default() /> }
}

fn draw_map(
    plot: &Plot,
    points: &[[f64; 2]],
    clusters: &[u32],
    legend: &str,
    x_title: &str,
    y_title: &str,
) {
    let mut area = Area::inside(plot);
    area.right = (area.right - 110.0).max(area.left + 40.0);
    let x = Scale::fit(points.iter().map(|p| p[0]), area.left, area.right);
    let y = Scale::fit(points.iter().map(|p| p[1]), area.bottom, area.top);
    plot.axes(&area, &x, &y, x_title, y_title);
    // Many points: small squares are much cheaper than arcs and read the same.
    let many = points.len() > 5_000;
    for (p, &c) in points.iter().zip(clusters) {
        let (px, py) = (x.map(p[0]), y.map(p[1]));
        if many {
            plot.rect(px - 1.0, py - 1.0, 2.0, 2.0, category(c as usize));
        } else {
            plot.dot(px, py, 3.0, category(c as usize));
        }
    }
    let k = clusters.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    for c in 0..k {
        let ly = area.top + 8.0 + 20.0 * c as f64;
        plot.dot(area.right + 20.0, ly, 5.0, category(c));
        plot.text(
            &format!("{legend} {}", c + 1),
            area.right + 30.0,
            ly,
            "left",
            ink::TEXT,
        );
    }
}
