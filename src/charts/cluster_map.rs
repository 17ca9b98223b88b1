//! [`ClusterMap`]: customers on two axes (the first two principal components), each
//! coloured by its segment, with a legend.

use leptos::prelude::*;
use plotters::prelude::*;

use super::canvas::{category, padded, rgb, Corner, Drawn, LegendEntry, Margins, Plot, Swatch};
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
            clusters.with(|clusters| {
                let _ = draw_map(&plot, points, clusters, &legend, &x_title, &y_title);
            })
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
) -> Drawn {
    // Room right of the plot for the legend.
    let margins = Margins {
        right: 126.0,
        ..Margins::AXES
    };
    let x = padded(points.iter().map(|p| p[0]));
    let y = padded(points.iter().map(|p| p[1]));
    let Some(mut chart) = plot.xy(margins, x, y) else {
        return Ok(());
    };
    plot.axes(&mut chart, x_title, y_title, None)?;
    let colour = |c: u32| rgb(category(c as usize));
    // Many points: small squares are much cheaper than arcs and read the same.
    if points.len() > 5_000 {
        let half = plot.px(1.0);
        chart.draw_series(points.iter().zip(clusters).map(|(p, &c)| {
            EmptyElement::at((p[0], p[1]))
                + Rectangle::new([(-half, -half), (half, half)], colour(c).filled())
        }))?;
    } else {
        let radius = plot.upx(3.0);
        chart.draw_series(
            points
                .iter()
                .zip(clusters)
                .map(|(p, &c)| Circle::new((p[0], p[1]), radius, colour(c).filled())),
        )?;
    }
    let k = clusters.iter().map(|&c| c + 1).max().unwrap_or(0);
    let entries: Vec<LegendEntry> = (0..k)
        .map(|c| LegendEntry {
            text: format!("{legend} {}", c + 1),
            colour: colour(c),
            swatch: Swatch::Dot,
        })
        .collect();
    plot.legend(&chart, &entries, Corner::RightOf)
}
