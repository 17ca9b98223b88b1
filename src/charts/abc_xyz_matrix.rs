//! [`AbcXyzMatrix`]: the 3×3 ABC/XYZ matrix as heat cells, ABC down the rows and XYZ
//! across, each cell labelled with its class, its number of products and its revenue,
//! shaded by its share of revenue. A click on a cell picks it; the picked cell is ringed.
//!
//! The cells' places come from one function, [`MatrixLayout`], used both to draw and to
//! find the cell under the pointer.

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{ink, ramp_rgb, Drawn, Plot};
use super::chart::{Pointer, PointerKind};
use super::CanvasChart;

/// One cell as the chart shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixCellView {
    /// Products in the cell.
    pub products: usize,
    /// Their revenue, already formatted.
    pub revenue: String,
    /// Their share of revenue, 0..1 (the shade).
    pub share: f64,
}

/// What an [`AbcXyzMatrix`] draws: `cells[abc][xyz]`, A/B/C and X/Y/Z.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixData {
    /// The nine cells, row by row.
    pub cells: [[MatrixCellView; 3]; 3],
    /// Text of the line under the count ("products" in the current language).
    pub products_word: String,
}

/// Where the cells are, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatrixLayout {
    left: f64,
    top: f64,
    cell_width: f64,
    cell_height: f64,
}

impl MatrixLayout {
    const LEFT: f64 = 36.0;
    const TOP: f64 = 28.0;
    const GAP: f64 = 8.0;

    /// The layout on a canvas `width` × `height` CSS pixels.
    pub fn new(width: f64, height: f64) -> MatrixLayout {
        MatrixLayout {
            left: Self::LEFT,
            top: Self::TOP,
            cell_width: ((width - Self::LEFT - Self::GAP) / 3.0).max(1.0),
            cell_height: ((height - Self::TOP - Self::GAP) / 3.0).max(1.0),
        }
    }

    /// The cell (row, column) under the point (x, y), if any.
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let column = ((x - self.left) / self.cell_width).floor();
        let row = ((y - self.top) / self.cell_height).floor();
        ((0.0..3.0).contains(&column) && (0.0..3.0).contains(&row))
            .then_some((row as usize, column as usize))
    }

    /// The top-left and bottom-right corners of cell (row, column).
    fn corners(&self, row: usize, column: usize) -> ((f64, f64), (f64, f64)) {
        let x = self.left + column as f64 * self.cell_width;
        let y = self.top + row as f64 * self.cell_height;
        ((x, y), (x + self.cell_width, y + self.cell_height))
    }
}

/// The ABC/XYZ matrix.
#[component]
pub fn AbcXyzMatrix(
    /// The cells.
    #[prop(into)]
    data: Signal<Arc<MatrixData>>,
    /// The picked cell (row, column), ringed; a click sets it.
    picked: RwSignal<Option<(usize, usize)>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let height = 320.0;
    let width = StoredValue::new(0.0f64);
    let draw = Callback::new(move |plot: Plot| {
        width.set_value(plot.width);
        let chosen = picked.get();
        data.with(|d| {
            let _ = draw_matrix(&plot, d, chosen);
        });
    });
    let on_pointer = Callback::new(move |p: Pointer| {
        if p.kind == PointerKind::Click {
            let layout = MatrixLayout::new(width.get_value(), height);
            if let Some(cell) = layout.cell_at(p.x, p.y) {
                picked.set(Some(cell));
            }
        }
    });
    view! {
        <CanvasChart
            label=label
            file_name="abc-xyz-matrix.png"
            draw=draw
            height=height
            on_pointer=on_pointer
            test_id="chart-abc-xyz"
        />
    }
}

fn draw_matrix(plot: &Plot, data: &MatrixData, picked: Option<(usize, usize)>) -> Drawn {
    let layout = MatrixLayout::new(plot.width, plot.height);
    let centred = |size: f64| plot.font(size).pos(Pos::new(HPos::Center, VPos::Center));
    for (column, name) in ["X", "Y", "Z"].iter().enumerate() {
        let ((x0, _), (x1, _)) = layout.corners(0, column);
        plot.area.draw(&Text::new(
            name.to_string(),
            plot.at((x0 + x1) / 2.0, layout.top / 2.0),
            centred(14.0).color(&ink::AXIS),
        ))?;
    }
    let max_share = data
        .cells
        .iter()
        .flatten()
        .map(|c| c.share)
        .fold(0.0, f64::max)
        .max(1e-12);
    for (row, (abc, cells)) in ["A", "B", "C"].iter().zip(&data.cells).enumerate() {
        let ((_, y0), (_, y1)) = layout.corners(row, 0);
        plot.area.draw(&Text::new(
            abc.to_string(),
            plot.at(layout.left / 2.0, (y0 + y1) / 2.0),
            centred(14.0).color(&ink::AXIS),
        ))?;
        for (column, (xyz, cell)) in ["X", "Y", "Z"].iter().zip(cells).enumerate() {
            let ((x0, y0), (x1, y1)) = layout.corners(row, column);
            let t = cell.share / max_share;
            plot.area.draw(&Rectangle::new(
                [plot.at(x0 + 1.0, y0 + 1.0), plot.at(x1 - 1.0, y1 - 1.0)],
                ramp_rgb(t).filled(),
            ))?;
            if picked == Some((row, column)) {
                plot.area.draw(&Rectangle::new(
                    [plot.at(x0 + 2.0, y0 + 2.0), plot.at(x1 - 2.0, y1 - 2.0)],
                    ink::PICKED.stroke_width(plot.upx(3.0)),
                ))?;
            }
            // Light text on the dark end of the ramp, dark text on the light end.
            let colour = if t < 0.6 { WHITE } else { ink::TEXT };
            let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let lines = [
                (format!("{abc}{xyz}"), 15.0, -22.0),
                (
                    format!("{} {}", cell.products, data.products_word),
                    13.0,
                    0.0,
                ),
                (cell.revenue.clone(), 13.0, 20.0),
            ];
            for (text, size, dy) in lines {
                plot.area.draw(&Text::new(
                    text,
                    plot.at(cx, cy + dy),
                    centred(size).color(&colour),
                ))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_finds_its_cell() {
        let layout = MatrixLayout::new(344.0, 320.0);
        // Cells are 100 wide from x = 36 and 94.67 tall from y = 28.
        assert_eq!(layout.cell_at(40.0, 30.0), Some((0, 0)));
        assert_eq!(layout.cell_at(330.0, 310.0), Some((2, 2)));
        assert_eq!(layout.cell_at(140.0, 130.0), Some((1, 1)));
        assert_eq!(layout.cell_at(10.0, 100.0), None);
        assert_eq!(layout.cell_at(100.0, 319.0), None);
    }
}
