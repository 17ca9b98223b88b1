//! The drawing surface every chart gets: a [`Plot`] whose plotters drawing area covers the
//! canvas in device pixels (CSS size × devicePixelRatio, so lines and text stay sharp), the
//! colour palettes, the chart fonts and the standard axes, and PNG export.
//!
//! Sizes in the charts are written in CSS pixels and turned into device pixels by
//! [`Plot::px`]; fonts are scaled the same way by [`Plot::font`].

use std::ops::Range;

use plotters::coord::ranged1d::{
    KeyPointHint, NoDefaultFormatting, Ranged, ReversibleRanged, ValueFormatter,
};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::backend::Canvas;

/// Categorical colours (Tableau 10), for segments, vehicles, classes.
pub const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// The categorical colour for index `i` (cycles after ten).
pub fn category(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// A sequential colour for `t` in 0..=1 (dark purple → yellow, viridis-like), for values
/// such as lift; `t` outside the range is clamped.
pub fn ramp_rgb(t: f64) -> RGBColor {
    // Piecewise-linear through five stops of a perceptually even ramp.
    const STOPS: [(f64, f64, f64); 5] = [
        (68.0, 1.0, 84.0),
        (59.0, 82.0, 139.0),
        (33.0, 145.0, 140.0),
        (94.0, 201.0, 98.0),
        (253.0, 231.0, 37.0),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let position = t * (STOPS.len() - 1) as f64;
    let low = (position.floor() as usize).min(STOPS.len() - 2);
    let f = position - low as f64;
    let (a, b) = (STOPS[low], STOPS[low + 1]);
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// [`ramp_rgb`] as a CSS colour, for pages that colour HTML by it too.
pub fn ramp(t: f64) -> String {
    let RGBColor(r, g, b) = ramp_rgb(t);
    format!("rgb({r},{g},{b})")
}

/// The colour of a CSS colour written `#rgb`, `#rrggbb` or `rgb(r,g,b)`; black otherwise.
pub fn rgb(css: &str) -> RGBColor {
    let css = css.trim();
    if let Some(hex) = css.strip_prefix('#') {
        let digit = |i: usize| u8::from_str_radix(hex.get(i..=i).unwrap_or("0"), 16).unwrap_or(0);
        return match hex.len() {
            3 => RGBColor(digit(0) * 17, digit(1) * 17, digit(2) * 17),
            6 => RGBColor(
                digit(0) * 16 + digit(1),
                digit(2) * 16 + digit(3),
                digit(4) * 16 + digit(5),
            ),
            _ => BLACK,
        };
    }
    let inner = css
        .strip_prefix("rgb(")
        .and_then(|rest| rest.strip_suffix(')'));
    let mut parts = inner
        .into_iter()
        .flat_map(|s| s.split(','))
        .map(|p| p.trim().parse::<u8>().unwrap_or(0));
    match (parts.next(), parts.next(), parts.next()) {
        (Some(r), Some(g), Some(b)) => RGBColor(r, g, b),
        _ => BLACK,
    }
}

/// Text and line colours shared by every chart.
pub mod ink {
    use plotters::style::RGBColor;

    /// Axis lines and labels.
    pub const AXIS: RGBColor = RGBColor(0x55, 0x55, 0x55);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(0xe4, 0xe4, 0xe4);
    /// Main text.
    pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
    /// Selection rings.
    pub const PICKED: RGBColor = RGBColor(0xd6, 0x27, 0x28);
    /// The font family of labels (system fonts only: no font is ever downloaded).
    pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', sans-serif";
}

/// What drawing through plotters on the canvas returns.
pub type Drawn = Result<(), DrawingAreaErrorKind<<Canvas as DrawingBackend>::ErrorType>>;

/// A chart with linear x and y axes.
pub type XyChart<'a> = ChartContext<'a, Canvas, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A canvas ready to draw on: the whole canvas as a plotters drawing area, cleared to white.
#[derive(Clone)]
pub struct Plot {
    /// The whole canvas, in device pixels.
    pub area: DrawingArea<Canvas, Shift>,
    /// Device pixels per CSS pixel.
    pub ratio: f64,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

/// Space around the plotting area in CSS pixels; the left and bottom hold the axes' labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Left (the y axis's labels and title).
    pub left: f64,
    /// Right.
    pub right: f64,
    /// Top.
    pub top: f64,
    /// Bottom (the x axis's labels and title).
    pub bottom: f64,
}

impl Margins {
    /// The usual margins of an x/y chart.
    pub const AXES: Margins = Margins {
        left: 64.0,
        right: 16.0,
        top: 12.0,
        bottom: 44.0,
    };
}

impl Plot {
    /// Sizes `canvas` to its displayed width and `height` CSS pixels times the device pixel
    /// ratio, clears it and returns a plot, or `None` when the canvas has no 2-D context.
    pub fn prepare(canvas: &HtmlCanvasElement, height: f64) -> Option<Plot> {
        let ratio = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0)
            .max(1.0);
        let width = f64::from(canvas.client_width().max(1));
        canvas.set_width((width * ratio).round() as u32);
        canvas.set_height((height * ratio).round() as u32);
        let area = Canvas::new(canvas.clone())?.into_drawing_area();
        area.fill(&WHITE).ok()?;
        Some(Plot {
            area,
            ratio,
            width,
            height,
        })
    }

    /// `css` CSS pixels in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.ratio).round() as i32
    }

    /// `css` CSS pixels in device pixels, at least 0.
    pub fn upx(&self, css: f64) -> u32 {
        self.px(css).max(0) as u32
    }

    /// The point (x, y) given in CSS pixels, in device pixels.
    pub fn at(&self, x: f64, y: f64) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    /// The chart font at `size` CSS pixels, in the text colour, anchored left and middle.
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        (ink::FONT, size * self.ratio)
            .into_font()
            .color(&ink::TEXT)
            .pos(Pos::new(HPos::Left, VPos::Center))
    }

    /// Width of `text` in CSS pixels at `size`.
    pub fn text_width(&self, text: &str, size: f64) -> f64 {
        self.area
            .estimate_text_size(text, &self.font(size))
            .map_or(0.0, |(w, _)| f64::from(w) / self.ratio)
    }

    /// A chart with linear axes over `x` and `y`, inside `margins`.
    pub fn xy(&self, margins: Margins, x: Range<f64>, y: Range<f64>) -> Option<XyChart<'_>> {
        build_xy(&self.area, self.ratio, margins, x, y)
    }

    /// Draws the grid, axes, tick labels and the axis titles of `chart` (plotters' mesh),
    /// with `x_format` naming the x ticks when given.
    pub fn axes(
        &self,
        chart: &mut XyChart<'_>,
        x_title: &str,
        y_title: &str,
        x_format: Option<&dyn Fn(&f64) -> String>,
    ) -> Drawn {
        // About one x label per 64 CSS pixels, so narrow charts do not crowd them.
        let (xs, _) = chart.plotting_area().get_pixel_range();
        let across = f64::from(xs.end - xs.start) / self.ratio;
        let x_labels = ((across / 64.0) as usize).clamp(2, 8);
        let mut mesh = chart.configure_mesh();
        mesh.x_labels(x_labels)
            .y_labels(6)
            .max_light_lines(0)
            .bold_line_style(ink::GRID.stroke_width(self.upx(1.0)))
            .axis_style(ink::AXIS.stroke_width(self.upx(1.0)))
            .set_all_tick_mark_size(self.upx(4.0))
            .label_style(self.font(12.0).color(&ink::AXIS))
            .axis_desc_style(self.font(12.0))
            .x_desc(x_title)
            .y_desc(y_title);
        mesh.y_label_formatter(&tick_label);
        mesh.x_label_formatter(x_format.unwrap_or(&tick_label as &dyn Fn(&f64) -> String));
        mesh.draw()
    }

    /// Draws a legend box beside or inside the plotting area of `chart`: a swatch and the
    /// text of each entry. Plotters' own series-label box measures its text with a
    /// `<span>` given an inline style, which the page's CSP refuses, so the box is made of
    /// plotters elements here and measured through the backend.
    pub fn legend(&self, chart: &XyChart<'_>, entries: &[LegendEntry], corner: Corner) -> Drawn {
        if entries.is_empty() {
            return Ok(());
        }
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        let css = |p: i32| f64::from(p) / self.ratio;
        let (right, top, bottom) = (css(xs.end), css(ys.start), css(ys.end));
        if corner == Corner::Above {
            return self.legend_row(entries, css(xs.start), top - 14.0);
        }
        let width = entries
            .iter()
            .map(|e| self.text_width(&e.text, 12.0))
            .fold(0.0, f64::max)
            + 34.0;
        let height = 18.0 * entries.len() as f64 + 8.0;
        let (left, top) = match corner {
            Corner::RightOf => (right + 8.0, top),
            Corner::UpperRight => (right - width - 6.0, top + 6.0),
            Corner::LowerRight => (right - width - 6.0, bottom - height - 6.0),
            Corner::Above => return Ok(()),
        };
        self.area.draw(&Rectangle::new(
            [self.at(left, top), self.at(left + width, top + height)],
            WHITE.mix(0.9).filled(),
        ))?;
        for (i, entry) in entries.iter().enumerate() {
            self.legend_entry(entry, left + 6.0, top + 13.0 + 18.0 * i as f64)?;
        }
        Ok(())
    }

    /// The entries in one row from `left`, their middle at `mid` (CSS pixels).
    fn legend_row(&self, entries: &[LegendEntry], left: f64, mid: f64) -> Drawn {
        let mut x = left;
        for entry in entries {
            self.legend_entry(entry, x, mid)?;
            x += 22.0 + self.text_width(&entry.text, 12.0) + 14.0;
        }
        Ok(())
    }

    /// One entry: its swatch from `left`, then its text, the middle at `mid`.
    fn legend_entry(&self, entry: &LegendEntry, left: f64, mid: f64) -> Drawn {
        match entry.swatch {
            Swatch::Bar => self.area.draw(&Rectangle::new(
                [self.at(left, mid - 5.0), self.at(left + 16.0, mid + 5.0)],
                entry.colour.filled(),
            ))?,
            Swatch::Dot => self.area.draw(&Circle::new(
                self.at(left + 8.0, mid),
                self.upx(5.0),
                entry.colour.filled(),
            ))?,
        }
        self.area.draw(&Text::new(
            entry.text.as_str(),
            self.at(left + 22.0, mid),
            self.font(12.0),
        ))
    }
}

/// A chart with linear axes over `x` and `y` on `area` (any plotters backend, `ratio`
/// device pixels per CSS pixel), inside `margins` given in CSS pixels: what [`Plot::xy`]
/// builds, kept apart from the canvas so the hit-testing layer is tested natively on the
/// very coordinates the charts draw with.
pub fn build_xy<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    ratio: f64,
    margins: Margins,
    x: Range<f64>,
    y: Range<f64>,
) -> Option<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>> {
    let px = |css: f64| (css * ratio).round().max(0.0) as u32;
    // The axis titles sit at the outer edge of the label areas: keep them off the canvas's
    // edge (the plotting area stays where `margins` put it).
    let inset = |css: f64| css.min(PAD);
    ChartBuilder::on(area)
        .margin_top(px(margins.top))
        .margin_right(px(margins.right))
        .margin_left(px(inset(margins.left)))
        .margin_bottom(px(inset(margins.bottom)))
        .x_label_area_size(px(margins.bottom) - px(inset(margins.bottom)))
        .y_label_area_size(px(margins.left) - px(inset(margins.left)))
        .build_cartesian_2d(x, y)
        .ok()
}

/// CSS pixels between an axis title and the canvas's edge.
const PAD: f64 = 6.0;

/// A tick label as plotters formats it, without a trailing ".0" (800 rather than 800.0).
pub fn tick_label(value: &f64) -> String {
    let text = RangedCoordf64::format(value);
    match text.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// One line of a legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// What it names.
    pub text: String,
    /// Its colour.
    pub colour: RGBColor,
    /// How its swatch looks.
    pub swatch: Swatch,
}

impl LegendEntry {
    /// An entry with a bar swatch of CSS colour `colour`.
    pub fn bar(text: impl Into<String>, colour: &str) -> LegendEntry {
        LegendEntry {
            text: text.into(),
            colour: rgb(colour),
            swatch: Swatch::Bar,
        }
    }
}

/// The swatch of a legend entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A small filled rectangle (lines, bands, point sets).
    Bar,
    /// A dot (clusters).
    Dot,
}

/// Where a legend sits relative to the plotting area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    /// Right of it, at the top.
    RightOf,
    /// Inside, top right.
    UpperRight,
    /// Inside, bottom right.
    LowerRight,
    /// In one row above it (the chart's top margin leaves room).
    Above,
}

/// A categorical axis for plotters: `n` bands one unit wide over 0..n, with its ticks
/// (grid lines and labels) at the band centres. Downwards ([`Bands::down`]) puts band 0 at
/// the top of a y axis. Plotters' own discrete axes have no reverse mapping for plain
/// numbers; this one maps both ways, so the pointer finds its band.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    n: usize,
    down: bool,
}

impl Bands {
    /// Bands 0..n left to right (or bottom to top).
    pub fn new(n: usize) -> Bands {
        Bands { n, down: false }
    }

    /// Bands 0..n top to bottom on a y axis.
    pub fn down(n: usize) -> Bands {
        Bands { n, down: true }
    }

    fn linear(&self) -> RangedCoordf64 {
        let n = self.n.max(1) as f64;
        if self.down {
            (n..0.0).into()
        } else {
            (0.0..n).into()
        }
    }
}

impl Ranged for Bands {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.linear().map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            (0..self.n).map(|i| i as f64 + 0.5).collect()
        }
    }

    fn range(&self) -> Range<f64> {
        self.linear().range()
    }
}

impl ReversibleRanged for Bands {
    fn unmap(&self, input: i32, limit: (i32, i32)) -> Option<f64> {
        self.linear().unmap(input, limit)
    }
}

impl ValueFormatter<f64> for Bands {
    fn format(value: &f64) -> String {
        format!("{}", value.floor())
    }
}

/// The range of `values` padded by 5% on each side (widened when all values are equal;
/// 0..1 when there are none), so no point sits on the frame.
pub fn padded(values: impl IntoIterator<Item = f64>) -> Range<f64> {
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        low = low.min(v);
        high = high.max(v);
    }
    if !low.is_finite() {
        return 0.0..1.0;
    }
    let pad = if high - low < 1e-12 {
        if low.abs() > 1e-12 {
            low.abs() * 0.1
        } else {
            1.0
        }
    } else {
        (high - low) * 0.05
    };
    (low - pad)..(high + pad)
}

/// Saves the canvas as a PNG file named `file_name` (a download the browser starts; nothing
/// is uploaded).
pub fn export_png(canvas: &HtmlCanvasElement, file_name: &str) {
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        crate::components::download::download_url(&url, file_name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_ramp() {
        assert_eq!(rgb("#4e79a7"), RGBColor(0x4e, 0x79, 0xa7));
        assert_eq!(rgb("#fff"), WHITE);
        assert_eq!(rgb("rgb(68, 1, 84)"), RGBColor(68, 1, 84));
        assert_eq!(rgb("nonsense"), BLACK);
        assert_eq!(ramp(0.0), "rgb(68,1,84)");
        assert_eq!(ramp(f64::NAN), "rgb(68,1,84)");
        assert_eq!(ramp_rgb(1.0), RGBColor(253, 231, 37));
    }

    #[test]
    fn bands_tick_at_their_centres_and_map_both_ways() {
        use plotters::coord::ranged1d::BoldPoints;
        let down = Bands::down(4);
        assert_eq!(down.key_points(BoldPoints(8)), vec![0.5, 1.5, 2.5, 3.5]);
        assert!(down.key_points(8usize).is_empty());
        // A y axis 400 pixels high, as plotters passes it (bottom row first): band 0 is the
        // top 100 pixels when the bands go down, the bottom 100 when they go up.
        assert_eq!(down.map(&0.0, (400, 0)), 0);
        assert_eq!(down.map(&1.0, (400, 0)), 100);
        assert_eq!(down.unmap(150, (400, 0)).map(f64::floor), Some(1.0));
        assert_eq!(
            Bands::new(4).unmap(150, (400, 0)).map(f64::floor),
            Some(2.0)
        );
        assert_eq!(Bands::new(4).unmap(450, (400, 0)), None);
    }

    #[test]
    fn tick_labels_drop_a_trailing_zero_only() {
        assert_eq!(tick_label(&800.0), "800");
        assert_eq!(tick_label(&0.0), "0");
        assert_eq!(tick_label(&-0.0), "0");
        assert_eq!(tick_label(&0.58), "0.58");
        assert_eq!(tick_label(&2.5), "2.5");
    }

    #[test]
    fn ranges_are_padded() {
        let r = padded([0.0, 10.0]);
        assert!((r.start + 0.5).abs() < 1e-12 && (r.end - 10.5).abs() < 1e-12);
        let flat = padded([2.0, 2.0]);
        assert!(flat.start < 2.0 && flat.end > 2.0);
        assert_eq!(padded([f64::NAN]), 0.0..1.0);
    }
}
