//! Line charts over numeric x: several series (lines, dashed lines or dots), optional
//! shaded bands (a forecast's prediction interval) and a legend. The Operations page draws
//! its forecast, convergence, stock level and response curve charts with [`draw_lines`].

use super::canvas::{ink, Area, Plot, Scale};

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// One dot per point.
    Dots,
}

/// One series of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// Name in the legend.
    pub label: String,
    /// CSS colour.
    pub colour: &'static str,
    /// How it is drawn.
    pub mark: Mark,
    /// Points `(x, y)`; non-finite values break the line.
    pub points: Vec<(f64, f64)>,
}

/// A shaded band between two curves at the same x values.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Name in the legend.
    pub label: String,
    /// CSS colour (drawn translucent).
    pub colour: &'static str,
    /// `(x, low, high)` per point.
    pub points: Vec<(f64, f64, f64)>,
}

/// Everything one line chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineChartData {
    /// The series, drawn in order.
    pub series: Vec<LineSeries>,
    /// Bands, drawn under the series.
    pub bands: Vec<Band>,
    /// Title of the x axis.
    pub x_title: String,
    /// Title of the y axis.
    pub y_title: String,
    /// Labels for integer x positions (dates of a forecast), instead of numbers.
    pub x_labels: Vec<String>,
}

/// Draws `data` on `plot`.
pub fn draw_lines(plot: &Plot, data: &LineChartData) {
    let mut area = Area::inside(plot);
    // Room for the legend above the data.
    area.top += 18.0;
    let xs = data
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .chain(data.bands.iter().flat_map(|b| b.points.iter().map(|p| p.0)));
    let ys = data
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(
            data.bands
                .iter()
                .flat_map(|b| b.points.iter().flat_map(|p| [p.1, p.2])),
        );
    let x = Scale::fit(xs, area.left, area.right);
    let y = Scale::fit(ys, area.bottom, area.top);
    if data.x_labels.is_empty() {
        plot.axes(&area, &x, &y, &data.x_title, &data.y_title);
    } else {
        // Date labels: the y axis as usual, then a few of the labels along x.
        let empty_x = Scale::new(0.0, 0.0, area.left, area.right);
        plot.axes(&area, &empty_x, &y, &data.x_title, &data.y_title);
        let n = data.x_labels.len();
        let step = (n / 6).max(1);
        for i in (0..n).step_by(step) {
            let px = x.map(i as f64);
            if px >= area.left && px <= area.right {
                plot.text(
                    &data.x_labels[i],
                    px,
                    area.bottom + 12.0,
                    "center",
                    ink::AXIS,
                );
            }
        }
    }
    for band in &data.bands {
        if band.points.len() < 2 {
            continue;
        }
        plot.ctx.begin_path();
        plot.ctx.set_global_alpha(0.2);
        plot.ctx.set_fill_style_str(band.colour);
        let (x0, _, hi0) = band.points[0];
        plot.ctx.move_to(x.map(x0), y.map(hi0));
        for &(px, _, hi) in &band.points[1..] {
            plot.ctx.line_to(x.map(px), y.map(hi));
        }
        for &(px, lo, _) in band.points.iter().rev() {
            plot.ctx.line_to(x.map(px), y.map(lo));
        }
        plot.ctx.close_path();
        plot.ctx.fill();
        plot.ctx.set_global_alpha(1.0);
    }
    for series in &data.series {
        match series.mark {
            Mark::Dots => {
                for &(px, py) in &series.points {
                    if px.is_finite() && py.is_finite() {
                        plot.dot(x.map(px), y.map(py), 2.5, series.colour);
                    }
                }
            }
            Mark::Line | Mark::Dashed => {
                let dashed = series.mark == Mark::Dashed;
                if dashed {
                    let dash = js_sys::Array::of2(&6.0.into(), &4.0.into());
                    let _ = plot.ctx.set_line_dash(&dash);
                }
                // Split at non-finite values so gaps stay gaps.
                let mut run: Vec<(f64, f64)> = Vec::new();
                for &(px, py) in &series.points {
                    if px.is_finite() && py.is_finite() {
                        run.push((x.map(px), y.map(py)));
                    } else {
                        plot.polyline(&run, series.colour, 2.0);
                        run.clear();
                    }
                }
                plot.polyline(&run, series.colour, 2.0);
                if dashed {
                    let _ = plot.ctx.set_line_dash(&js_sys::Array::new());
                }
            }
        }
    }
    // Legend across the top.
    let mut left = area.left;
    let entries = data
        .bands
        .iter()
        .map(|b| (b.label.as_str(), b.colour))
        .chain(data.series.iter().map(|s| (s.label.as_str(), s.colour)));
    for (label, colour) in entries {
        plot.rect(left, 6.0, 12.0, 8.0, colour);
        plot.text(label, left + 16.0, 10.0, "left", ink::TEXT);
        left += 28.0 + plot.text_width(label);
    }
}
