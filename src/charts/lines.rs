//! Line charts over numeric x: several series (lines, dashed lines or dots), optional
//! shaded bands (a forecast's prediction interval) and a legend. The Operations page draws
//! its forecast, convergence, stock level and response curve charts with [`draw_lines`].

use plotters::prelude::*;

use super::canvas::{padded, rgb, Corner, Drawn, LegendEntry, Margins, Plot};

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
    // A drawing error leaves the canvas as far as it got; there is nothing else to do.
    let _ = draw(plot, data);
}

fn draw(plot: &Plot, data: &LineChartData) -> Drawn {
    let entries: Vec<LegendEntry> = data
        .bands
        .iter()
        .map(|b| LegendEntry::bar(b.label.as_str(), b.colour))
        .chain(
            data.series
                .iter()
                .map(|s| LegendEntry::bar(s.label.as_str(), s.colour)),
        )
        .collect();
    // The legend sits in a row above the plot, so it never covers a line.
    let margins = Margins {
        top: Margins::AXES.top + 20.0,
        ..Margins::AXES
    };
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
    let Some(mut chart) = plot.xy(margins, padded(xs), padded(ys)) else {
        return Ok(());
    };
    // Date labels name integer x positions; other ticks stay blank. Monthly periods read
    // as months (`1987-01`), not as their first days.
    let labels = shoplens_core::forecast::series::period_labels(&data.x_labels);
    let date = |v: &f64| {
        let i = v.round();
        if (v - i).abs() < 1e-9 && i >= 0.0 {
            labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let x_format: Option<&dyn Fn(&f64) -> String> = if data.x_labels.is_empty() {
        None
    } else {
        Some(&date)
    };
    plot.axes(&mut chart, &data.x_title, &data.y_title, x_format)?;
    for band in data.bands.iter().filter(|b| b.points.len() >= 2) {
        let outline: Vec<(f64, f64)> = band
            .points
            .iter()
            .map(|&(x, _, high)| (x, high))
            .chain(band.points.iter().rev().map(|&(x, low, _)| (x, low)))
            .collect();
        chart.draw_series(std::iter::once(Polygon::new(
            outline,
            rgb(band.colour).mix(0.2).filled(),
        )))?;
    }
    for series in &data.series {
        let colour = rgb(series.colour);
        if series.mark == Mark::Dots {
            chart.draw_series(
                series
                    .points
                    .iter()
                    .filter(|p| p.0.is_finite() && p.1.is_finite())
                    .map(|&p| Circle::new(p, plot.upx(2.5), colour.filled())),
            )?;
            continue;
        }
        // Split at non-finite values so gaps stay gaps.
        let style = colour.stroke_width(plot.upx(2.0));
        for run in series
            .points
            .split(|p| !(p.0.is_finite() && p.1.is_finite()))
            .filter(|run| run.len() >= 2)
        {
            if series.mark == Mark::Dashed {
                chart.draw_series(DashedLineSeries::new(
                    run.iter().copied(),
                    plot.upx(6.0),
                    plot.upx(4.0),
                    style,
                ))?;
            } else {
                chart.draw_series(plotters::series::LineSeries::new(
                    run.iter().copied(),
                    style,
                ))?;
            }
        }
    }
    plot.legend(&chart, &entries, Corner::Above)
}
