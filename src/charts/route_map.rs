//! A map of delivery routes: the stops as dots, the depot as a square, each vehicle's route
//! in its own colour. x and y share one scale so distances look right; latitude/longitude
//! stops are drawn with longitude across and latitude up.

use super::canvas::{category, ink, Plot};

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
    if data.stops.is_empty() {
        return;
    }
    let margin = 16.0;
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
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let scale = ((plot.width - 2.0 * margin) / (x1 - x0).max(1e-9))
        .min((plot.height - 2.0 * margin) / (y1 - y0).max(1e-9))
        .min(1e9 / span);
    let offset_x = (plot.width - (x1 - x0) * scale) / 2.0;
    let offset_y = (plot.height - (y1 - y0) * scale) / 2.0;
    let at = |i: usize| {
        let p = data.stops[i];
        (
            offset_x + (p[0] - x0) * scale,
            plot.height - offset_y - (p[1] - y0) * scale,
        )
    };
    for (k, route) in data.routes.iter().enumerate() {
        let mut points = Vec::with_capacity(route.len() + 2);
        points.push(at(data.depot));
        points.extend(route.iter().map(|&i| at(i)));
        points.push(at(data.depot));
        plot.polyline(&points, category(k), 2.0);
    }
    for i in 0..data.stops.len() {
        if i != data.depot {
            let (x, y) = at(i);
            plot.dot(x, y, 3.0, ink::TEXT);
        }
    }
    let (x, y) = at(data.depot);
    plot.rect(x - 6.0, y - 6.0, 12.0, 12.0, "#d62728");
}
