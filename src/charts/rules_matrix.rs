//! [`RulesMatrix`]: a grouped matrix of rules (as arulesViz's "grouped" plot) — columns
//! are antecedent groups, rows consequents, and a circle in each non-empty cell is sized by
//! one measure and coloured by another. Hovering describes a cell; clicking picks it.

use std::sync::Arc;

use leptos::prelude::*;

use super::canvas::{ink, ramp, Plot};
use super::chart::{Pointer, PointerKind};
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

/// Where the grid was drawn last, for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    left: f64,
    column_width: f64,
}

impl Frame {
    fn centre(&self, cell: &MatrixCell) -> (f64, f64) {
        (
            self.left + (cell.column as f64 + 0.5) * self.column_width,
            HEADER + (cell.row as f64 + 0.5) * ROW,
        )
    }
}

fn frame(width: f64, matrix: &Matrix, plot: &Plot) -> Frame {
    // Room for the longest row label, within reason.
    let label = matrix
        .rows
        .iter()
        .map(|r| plot.text_width(r))
        .fold(60.0f64, f64::max)
        .min(width * 0.35)
        + 16.0;
    let columns = matrix.columns.len().max(1) as f64;
    Frame {
        left: label,
        column_width: ((width - label - 24.0) / columns).max(8.0),
    }
}

/// The cell under (x, y), if any.
fn pick(frame: &Frame, matrix: &Matrix, x: f64, y: f64) -> Option<usize> {
    matrix.cells.iter().position(|c| {
        let (cx, cy) = frame.centre(c);
        (x - cx).abs() <= frame.column_width / 2.0 && (y - cy).abs() <= ROW / 2.0
    })
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
    let last = StoredValue::new(None::<Frame>);
    // The row count is fixed for a given search, so the height is too.
    let chart_height = height(matrix.get_untracked().rows.len());
    let draw = Callback::new(move |plot: Plot| {
        let matrix = matrix.get();
        let (size_title, colour_title) = titles.get();
        let hovered = hover.get().map(|h| h.0);
        let chosen = picked.get();
        plot.ctx.set_font(ink::FONT);
        let f = frame(plot.width, &matrix, &plot);
        last.set_value(Some(f));
        let bottom = HEADER + ROW * matrix.rows.len() as f64;
        let right = f.left + f.column_width * matrix.columns.len() as f64;
        // Grid lines and labels.
        for (r, name) in matrix.rows.iter().enumerate() {
            let y = HEADER + (r as f64 + 0.5) * ROW;
            plot.line(f.left, y, right, y, ink::GRID, 1.0);
            plot.text(&shorten(name, 40), f.left - 8.0, y, "right", ink::TEXT);
        }
        for (c, name) in matrix.columns.iter().enumerate() {
            let x = f.left + (c as f64 + 0.5) * f.column_width;
            plot.line(x, HEADER, x, bottom, ink::GRID, 1.0);
            plot.ctx.save();
            let _ = plot.ctx.translate(x, HEADER - 6.0);
            let _ = plot.ctx.rotate(-std::f64::consts::FRAC_PI_4);
            plot.text(&shorten(name, 28), 0.0, 0.0, "left", ink::TEXT);
            plot.ctx.restore();
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
        let largest = MAX_RADIUS.min(f.column_width / 2.0 - 1.0).max(2.0);
        for cell in &matrix.cells {
            let (x, y) = f.centre(cell);
            // Area proportional to the size measure.
            let radius = (largest * (cell.size / top_size).sqrt()).max(2.0);
            plot.dot(x, y, radius, &ramp((cell.colour - low) / span));
        }
        for (i, ring) in [(hovered, "#444"), (chosen, "#d62728")]
            .into_iter()
            .filter_map(|(i, c)| i.map(|i| (i, c)))
        {
            if let Some(cell) = matrix.cells.get(i) {
                let (x, y) = f.centre(cell);
                plot.ctx.begin_path();
                plot.ctx.set_stroke_style_str(ring);
                plot.ctx.set_line_width(2.0);
                let _ = plot
                    .ctx
                    .arc(x, y, largest + 2.0, 0.0, std::f64::consts::TAU);
                plot.ctx.stroke();
            }
        }
        // Legend: the colour ramp with its ends, and the size measure's name.
        if high.is_finite() {
            let y = bottom + 24.0;
            let left = f.left;
            let steps = 40;
            let w = 160.0 / steps as f64;
            plot.text(&colour_title, left - 8.0, y + 5.0, "right", ink::TEXT);
            for s in 0..steps {
                plot.rect(
                    left + s as f64 * w,
                    y,
                    w + 0.5,
                    10.0,
                    &ramp(s as f64 / (steps - 1) as f64),
                );
            }
            plot.text(&format!("{low:.2}"), left, y + 20.0, "left", ink::AXIS);
            plot.text(
                &format!("{high:.2}"),
                left + 160.0,
                y + 20.0,
                "right",
                ink::AXIS,
            );
            plot.dot(left + 200.0, y + 5.0, largest * 0.5, ink::AXIS);
            plot.dot(left + 224.0, y + 5.0, largest, ink::AXIS);
            plot.text(&size_title, left + 242.0, y + 5.0, "left", ink::TEXT);
        }
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
