//! [`RulesMatrix`]: a grouped matrix of rules (as arulesViz's "grouped" plot) — columns
//! are antecedent groups, rows consequents, and a circle in each non-empty cell is sized by
//! one measure and coloured by another. Hovering describes a cell; clicking picks it.

use std::sync::Arc;

use leptos::prelude::*;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::backend::{Canvas, Slanted};
use super::canvas::{ink, ramp_rgb, Bands, Drawn, Plot};
use super::chart::{Pointer, PointerKind};
use super::hit::Frame;
use super::tip::ChartTip;
use super::CanvasChart;

/// One non-empty cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatrixCell {
    /// Column index.
    pub column: usize,
    /// Row index.
    pub row: usize,
    /// What sizes the circle (its area grows linearly with it), e.g. support.
    pub size: f64,
    /// What colours the circle, e.g. lift.
    pub colour: f64,
}

/// The matrix to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    /// Column labels (left to right).
    pub columns: Vec<String>,
    /// Row labels (top to bottom).
    pub rows: Vec<String>,
    /// Non-empty cells.
    pub cells: Vec<MatrixCell>,
}

/// Height of a row in CSS pixels.
const ROW: f64 = 24.0;
/// Space above the grid for the rotated column labels.
const HEADER: f64 = 150.0;
/// Space below the grid for the legend.
const FOOTER: f64 = 56.0;
/// Largest circle radius.
const MAX_RADIUS: f64 = 11.0;

/// Height of a matrix with `rows` rows.
fn height(rows: usize) -> f64 {
    HEADER + ROW * rows.max(1) as f64 + FOOTER
}

/// The plotters coordinates of the grid: columns across, rows down, one unit per cell.
type Grid = Cartesian2d<Bands, Bands>;

/// Draws the matrix and returns the frame it was drawn in, for hit-testing.
fn draw_matrix(
    plot: &Plot,
    matrix: &Matrix,
    titles: &(String, String),
    marked: [(Option<usize>, RGBColor); 2],
) -> Option<Frame<Grid>> {
    // Room for the longest row label, within reason.
    let label = matrix
        .rows
        .iter()
        .map(|r| plot.text_width(&shorten(r, 40), 12.0))
        .fold(60.0f64, f64::max)
        .min(plot.width * 0.35)
        + 16.0;
    let columns = matrix.columns.len().max(1);
    let column_width = ((plot.width - label - 24.0) / columns as f64).max(8.0);
    let right = plot.width - label - column_width * columns as f64;
    let mut chart = ChartBuilder::on(&plot.area)
        .margin_top(plot.upx(HEADER))
        .margin_bottom(plot.upx(FOOTER))
        .margin_right(plot.upx(right.max(0.0)))
        .y_label_area_size(plot.upx(label))
        .build_cartesian_2d(Bands::new(columns), Bands::down(matrix.rows.len().max(1)))
        .ok()?;
    let frame = Frame::new(chart.as_coord_spec().clone(), plot.ratio);
    let _ = draw_cells(plot, &mut chart, matrix, titles, marked, column_width);
    Some(frame)
}

fn draw_cells(
    plot: &Plot,
    chart: &mut ChartContext<'_, Canvas, Grid>,
    matrix: &Matrix,
    (size_title, colour_title): &(String, String),
    marked: [(Option<usize>, RGBColor); 2],
    column_width: f64,
) -> Drawn {
    let row_name = |v: &f64| {
        let name = matrix.rows.get(v.floor() as usize);
        name.map(|n| shorten(n, 40)).unwrap_or_default()
    };
    // Grid lines through the cells' centres; the column labels are drawn slanted below.
    chart
        .configure_mesh()
        .x_labels(matrix.columns.len())
        .y_labels(matrix.rows.len())
        .max_light_lines(0)
        .bold_line_style(ink::GRID.stroke_width(plot.upx(1.0)))
        .axis_style(TRANSPARENT)
        .set_all_tick_mark_size(0)
        .y_label_style(plot.font(12.0))
        .y_label_formatter(&row_name)
        .draw()?;
    let slant = plot.font(12.0);
    for (c, name) in matrix.columns.iter().enumerate() {
        let (x, _) = chart.backend_coord(&(c as f64 + 0.5, 0.0));
        plot.area.draw(&Slanted::new(
            shorten(name, 28),
            (x, plot.px(HEADER - 6.0)),
            -std::f64::consts::FRAC_PI_4,
            slant.clone(),
        ))?;
    }
    let (low, high) = matrix
        .cells
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), c| {
            (a.min(c.colour), b.max(c.colour))
        });
    let span = if high > low { high - low } else { 1.0 };
    let top_size = matrix
        .cells
        .iter()
        .map(|c| c.size)
        .fold(0.0f64, f64::max)
        .max(1e-12);
    let largest = MAX_RADIUS.min(column_width / 2.0 - 1.0).max(2.0);
    let centre = |cell: &MatrixCell| (cell.column as f64 + 0.5, cell.row as f64 + 0.5);
    // Area proportional to the size measure.
    chart.draw_series(matrix.cells.iter().map(|cell| {
        let radius = (largest * (cell.size / top_size).sqrt()).max(2.0);
        let colour = ramp_rgb((cell.colour - low) / span);
        Circle::new(centre(cell), plot.upx(radius), colour.filled())
    }))?;
    for (i, ring) in marked {
        if let Some(cell) = i.and_then(|i| matrix.cells.get(i)) {
            chart.draw_series(std::iter::once(Circle::new(
                centre(cell),
                plot.upx(largest + 2.0),
                ring.stroke_width(plot.upx(2.0)),
            )))?;
        }
    }
    // Legend: the colour ramp with its ends, and the size measure's name.
    if high.is_finite() {
        let y = HEADER + ROW * matrix.rows.len() as f64 + 24.0;
        let (left, _) = chart.backend_coord(&(0.0, 0.0));
        let left = f64::from(left) / plot.ratio;
        let steps = 40;
        let w = 160.0 / steps as f64;
        let text = |s: String, x: f64, y: f64, h: HPos, colour: RGBColor| {
            let mut style = plot.font(12.0).pos(Pos::new(h, VPos::Center));
            style.color = colour.to_backend_color();
            Text::new(s, plot.at(x, y), style)
        };
        plot.area.draw(&text(
            colour_title.clone(),
            left - 8.0,
            y + 5.0,
            HPos::Right,
            ink::TEXT,
        ))?;
        for s in 0..steps {
            let x = left + s as f64 * w;
            plot.area.draw(&Rectangle::new(
                [plot.at(x, y), plot.at(x + w + 0.5, y + 10.0)],
                ramp_rgb(s as f64 / (steps - 1) as f64).filled(),
            ))?;
        }
        let ends = [
            (format!("{low:.2}"), left, HPos::Left),
            (format!("{high:.2}"), left + 160.0, HPos::Right),
        ];
        for (label, x, h) in ends {
            plot.area.draw(&text(label, x, y + 20.0, h, ink::AXIS))?;
        }
        for (x, r) in [(left + 200.0, largest * 0.5), (left + 224.0, largest)] {
            plot.area.draw(&Circle::new(
                plot.at(x, y + 5.0),
                plot.upx(r),
                ink::AXIS.filled(),
            ))?;
        }
        plot.area.draw(&text(
            size_title.clone(),
            left + 242.0,
            y + 5.0,
            HPos::Left,
            ink::TEXT,
        ))?;
    }
    Ok(())
}

/// The cell under CSS pixel (x, y), if any.
fn pick(frame: &Frame<Grid>, matrix: &Matrix, x: f64, y: f64) -> Option<usize> {
    let (column, row) = frame.to_data(x, y)?;
    let (column, row) = (column.floor(), row.floor());
    matrix
        .cells
        .iter()
        .position(|c| c.column as f64 == column && c.row as f64 == row)
}

/// Shortens `text` to at most `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

/// A grouped matrix. `describe(i)` gives the hover text of cell `i`; a click calls
/// `on_pick(i)`.
#[component]
pub fn RulesMatrix(
    /// What to draw.
    #[prop(into)]
    matrix: Signal<Arc<Matrix>>,
    /// The picked cell (ringed).
    #[prop(into)]
    picked: Signal<Option<usize>>,
    /// Hover text of a cell.
    describe: Callback<usize, String>,
    /// Called with the clicked cell.
    on_pick: Callback<usize>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// Legend titles: (size, colour).
    #[prop(into)]
    titles: Signal<(String, String)>,
) -> impl IntoView {
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let last = StoredValue::new(None::<Frame<Grid>>);
    // The row count is fixed for a given search, so the height is too.
    let chart_height = height(matrix.get_untracked().rows.len());
    let draw = Callback::new(move |plot: Plot| {
        let matrix = matrix.get();
        let titles = titles.get();
        let marked = [
            (hover.get().map(|h| h.0), ink::AXIS),
            (picked.get(), ink::PICKED),
        ];
        last.set_value(draw_matrix(&plot, &matrix, &titles, marked));
    });
    let on_pointer = Callback::new(move |e: Pointer| {
        let Some(f) = last.get_value() else {
            return;
        };
        let matrix = matrix.get_untracked();
        match e.kind {
            PointerKind::Move => {
                let found = pick(&f, &matrix, e.x, e.y).map(|i| (i, e.x, e.y));
                if hover.get_untracked().map(|h| h.0) != found.map(|h| h.0) {
                    hover.set(found);
                }
            }
            PointerKind::Click => {
                if let Some(i) = pick(&f, &matrix, e.x, e.y) {
                    on_pick.run(i);
                }
            }
            PointerKind::Leave => hover.set(None),
            _ => {}
        }
    });
    view! {
        <div class="rules-matrix">
            <CanvasChart
                label=label
                file_name="rules-grouped.png"
                draw=draw
                height=chart_height
                on_pointer=on_pointer
                test_id="rules-matrix"
            />
            <ChartTip hover=hover describe=describe test_id="matrix-tip" />
        </div>
    }
}
