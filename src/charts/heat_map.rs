//! [`HeatMap`]: a grid of shaded cells, rows down and columns across, each cell shaded by a
//! share in [0, 1] and labelled when there is room (cohort retention: first-purchase
//! periods down, periods since across). Cells without a value stay blank.

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{ink, ramp_rgb, Bands, Drawn, Plot};
use super::CanvasChart;

/// What a [`HeatMap`] draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeatMapData {
    /// Row labels, top to bottom.
    pub rows: Vec<String>,
    /// Column labels, left to right.
    pub columns: Vec<String>,
    /// `shade[row][column]` in [0, 1]; `None` leaves the cell blank.
    pub shade: Vec<Vec<Option<f64>>>,
    /// The text written in each cell (when it fits).
    pub text: Vec<Vec<String>>,
    /// Titles of the rows and the columns.
    pub titles: (String, String),
}

/// A heat map.
#[component]
pub fn HeatMap(
    /// The cells and labels.
    #[prop(into)]
    data: Signal<Arc<HeatMapData>>,
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
    let rows = data.with_untracked(|d| d.rows.len()).max(1) as f64;
    let height = (80.0 + 26.0 * rows).clamp(200.0, 900.0);
    let draw = Callback::new(move |plot: Plot| {
        data.with(|d| {
            let _ = draw_heat_map(&plot, d);
        });
    });
    view! { <CanvasChart label=label file_name=file_name draw=draw height=height test_id=test_id /> }
}

fn draw_heat_map(plot: &Plot, data: &HeatMapData) -> Drawn {
    let (n_rows, n_columns) = (data.rows.len(), data.columns.len());
    if n_rows == 0 || n_columns == 0 {
        return Ok(());
    }
    let label_width = data
        .rows
        .iter()
        .map(|r| plot.text_width(r, 12.0))
        .fold(0.0, f64::max)
        .min(160.0)
        + 40.0;
    let top = 48.0;
    let cell_width = ((plot.width - label_width - 16.0) / n_columns as f64).max(4.0);
    let cell_height = ((plot.height - top - 16.0) / n_rows as f64).max(4.0);
    let Ok(mut chart) = ChartBuilder::on(&plot.area)
        .top_x_label_area_size(plot.upx(top))
        .y_label_area_size(plot.upx(label_width))
        .margin_right(plot.upx(16.0))
        .margin_bottom(plot.upx(16.0))
        .build_cartesian_2d(Bands::new(n_columns), Bands::down(n_rows))
    else {
        return Ok(());
    };
    // Label every column when they fit, else every k-th.
    let every = (28.0 / cell_width).ceil().max(1.0) as usize;
    let column = |v: &f64| {
        let i = v.floor() as usize;
        if i.is_multiple_of(every) {
            data.columns.get(i).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let every_row = (14.0 / cell_height).ceil().max(1.0) as usize;
    let row = |v: &f64| {
        let i = v.floor() as usize;
        if i.is_multiple_of(every_row) {
            data.rows.get(i).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(TRANSPARENT)
        .set_all_tick_mark_size(0)
        .label_style(plot.font(11.0).color(&ink::AXIS))
        .axis_desc_style(plot.font(12.0))
        .x_label_formatter(&column)
        .y_label_formatter(&row)
        .x_desc(data.titles.1.as_str())
        .y_desc(data.titles.0.as_str())
        .draw()?;
    let gap = plot.px(1.0).max(0) as u32;
    let centred = plot.font(10.0).pos(Pos::new(HPos::Center, VPos::Center));
    // A label is written only where it fits inside its cell.
    let fits = |text: &str| cell_height >= 14.0 && plot.text_width(text, 10.0) + 4.0 <= cell_width;
    for (i, cells) in data.shade.iter().enumerate() {
        for (j, shade) in cells.iter().enumerate() {
            let Some(t) = shade else { continue };
            let (x, y) = (j as f64, i as f64);
            // The ramp runs dark to light; a high share should read dark.
            let mut square =
                Rectangle::new([(x, y), (x + 1.0, y + 1.0)], ramp_rgb(1.0 - t).filled());
            square.set_margin(gap, gap, gap, gap);
            chart.draw_series(std::iter::once(square))?;
            let text = data.text.get(i).and_then(|r| r.get(j));
            if let Some(text) = text.filter(|text| fits(text)) {
                let colour = if 1.0 - t < 0.6 { WHITE } else { ink::TEXT };
                chart.draw_series(std::iter::once(Text::new(
                    text.clone(),
                    (x + 0.5, y + 0.5),
                    centred.color(&colour),
                )))?;
            }
        }
    }
    Ok(())
}
