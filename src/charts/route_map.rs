//! A map of delivery routes: the stops as dots, the depot as a square, each vehicle's route
//! in its own colour. x and y share one scale so distances look right; latitude/longitude
//! stops are drawn with longitude across and latitude up.

use plotters::prelude::*;

use super::canvas::{category, ink, rgb, Drawn, Plot};

/// What the route map shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RouteMapData {
    /// Every stop, `[x, y]` (already swapped to `[longitude, latitude]` for geographic stops).
    pub stops: Vec<[f64; 2]>,
    /// Index of the depot among `stops`.
    pub depot: usize,
    /// Each route as stop indices, without the depot at either end.
    pub routes: Vec<Vec<usize>>,
}

/// Draws `data` on `plot`.
pub fn draw_route_map(plot: &Plot, data: &RouteMapData) {
    // A drawing error leaves the canvas as far as it got; there is nothing else to do.
    let _ = draw(plot, data);
}

fn draw(plot: &Plot, data: &RouteMapData) -> Drawn {
    if data.stops.is_empty() {
        return Ok(());
    }
    let (mut x0, mut x1, mut y0, mut y1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for p in &data.stops {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    // One unit per CSS pixel on both axes, the stops centred with a 16-pixel margin.
    let margin = 16.0;
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let scale = ((plot.width - 2.0 * margin) / (x1 - x0).max(1e-9))
        .min((plot.height - 2.0 * margin) / (y1 - y0).max(1e-9))
        .min(1e9 / span);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (half_w, half_h) = (plot.width / 2.0 / scale, plot.height / 2.0 / scale);
    let Ok(mut chart) = ChartBuilder::on(&plot.area)
        .build_cartesian_2d((cx - half_w)..(cx + half_w), (cy - half_h)..(cy + half_h))
    else {
        return Ok(());
    };
    let at = |i: usize| (data.stops[i][0], data.stops[i][1]);
    for (k, route) in data.routes.iter().enumerate() {
        let path: Vec<(f64, f64)> = std::iter::once(at(data.depot))
            .chain(route.iter().map(|&i| at(i)))
            .chain(std::iter::once(at(data.depot)))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            path,
            rgb(category(k)).stroke_width(plot.upx(2.0)),
        )))?;
    }
    chart.draw_series(
        (0..data.stops.len())
            .filter(|&i| i != data.depot)
            .map(|i| Circle::new(at(i), plot.upx(3.0), ink::TEXT.filled())),
    )?;
    let half = plot.px(6.0);
    chart.draw_series(std::iter::once(
        EmptyElement::at(at(data.depot))
            + Rectangle::new([(-half, -half), (half, half)], ink::PICKED.filled()),
    ))?;
    Ok(())
}
