//! Drawing primitives over `CanvasRenderingContext2d`: a [`Plot`] sized for the device pixel
//! ratio, linear [`Scale`]s with round tick values, axes, the colour palettes, PNG export.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Categorical colours (Tableau 10), for segments, vehicles, classes.
pub const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// The categorical colour for index `i` (cycles after ten).
pub fn category(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// A sequential colour for `t` in 0..=1 (pale blue → dark purple-red), for values such as
/// lift; `t` outside the range is clamped.
pub fn ramp(t: f64) -> String {
    // Piecewise-linear through five stops of a perceptually even ramp (viridis-like).
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
    format!("rgb({},{},{})", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Text and line colours shared by every chart.
pub mod ink {
    /// Axis lines and labels.
    pub const AXIS: &str = "#555";
    /// Grid lines.
    pub const GRID: &str = "#e4e4e4";
    /// Main text.
    pub const TEXT: &str = "#222";
    /// The font of labels (system fonts only: no font is ever downloaded).
    pub const FONT: &str =
        "12px system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', sans-serif";
}

/// A canvas ready to draw on in CSS pixels: the backing store is scaled by the device pixel
/// ratio so lines and text stay sharp.
#[derive(Clone)]
pub struct Plot {
    /// The 2-D context, already scaled to CSS pixels and cleared.
    pub ctx: CanvasRenderingContext2d,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

impl Plot {
    /// Sizes `canvas` to its displayed width (and `height` CSS pixels), clears it and
    /// returns a plot, or `None` when the canvas has no 2-D context.
    pub fn prepare(canvas: &HtmlCanvasElement, height: f64) -> Option<Plot> {
        let ratio = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0)
            .max(1.0);
        let width = f64::from(canvas.client_width().max(1));
        canvas.set_width((width * ratio).round() as u32);
        canvas.set_height((height * ratio).round() as u32);
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).ok()?;
        ctx.clear_rect(0.0, 0.0, width, height);
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, width, height);
        ctx.set_font(ink::FONT);
        Some(Plot { ctx, width, height })
    }

    /// A line from (x0, y0) to (x1, y1).
    pub fn line(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: &str, width: f64) {
        self.ctx.begin_path();
        self.ctx.set_stroke_style_str(colour);
        self.ctx.set_line_width(width);
        self.ctx.move_to(x0, y0);
        self.ctx.line_to(x1, y1);
        self.ctx.stroke();
    }

    /// A polyline through `points`.
    pub fn polyline(&self, points: &[(f64, f64)], colour: &str, width: f64) {
        if points.len() < 2 {
            return;
        }
        self.ctx.begin_path();
        self.ctx.set_stroke_style_str(colour);
        self.ctx.set_line_width(width);
        self.ctx.move_to(points[0].0, points[0].1);
        for &(x, y) in &points[1..] {
            self.ctx.line_to(x, y);
        }
        self.ctx.stroke();
    }

    /// A filled circle.
    pub fn dot(&self, x: f64, y: f64, radius: f64, colour: &str) {
        self.ctx.begin_path();
        self.ctx.set_fill_style_str(colour);
        let _ = self.ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU);
        self.ctx.fill();
    }

    /// A filled rectangle.
    pub fn rect(&self, x: f64, y: f64, w: f64, h: f64, colour: &str) {
        self.ctx.set_fill_style_str(colour);
        self.ctx.fill_rect(x, y, w, h);
    }

    /// Text at (x, y); `align` is "left", "center" or "right"; the baseline is the middle.
    pub fn text(&self, text: &str, x: f64, y: f64, align: &str, colour: &str) {
        self.ctx.set_fill_style_str(colour);
        self.ctx.set_text_align(align);
        self.ctx.set_text_baseline("middle");
        let _ = self.ctx.fill_text(text, x, y);
    }

    /// Width of `text` in the current font, in CSS pixels.
    pub fn text_width(&self, text: &str) -> f64 {
        self.ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.0)
    }

    /// Draws the frame of an x/y chart inside `area`: grid, axes, tick labels and the two
    /// axis titles.
    pub fn axes(&self, area: &Area, x: &Scale, y: &Scale, x_title: &str, y_title: &str) {
        for tick in y.ticks(6) {
            let py = y.map(tick);
            self.line(area.left, py, area.right, py, ink::GRID, 1.0);
            self.text(&format_tick(tick), area.left - 6.0, py, "right", ink::AXIS);
        }
        for tick in x.ticks(8) {
            let px = x.map(tick);
            self.line(px, area.top, px, area.bottom, ink::GRID, 1.0);
            self.text(
                &format_tick(tick),
                px,
                area.bottom + 12.0,
                "center",
                ink::AXIS,
            );
        }
        self.line(
            area.left,
            area.bottom,
            area.right,
            area.bottom,
            ink::AXIS,
            1.0,
        );
        self.line(area.left, area.top, area.left, area.bottom, ink::AXIS, 1.0);
        self.text(
            x_title,
            (area.left + area.right) / 2.0,
            area.bottom + 30.0,
            "center",
            ink::TEXT,
        );
        self.ctx.save();
        let _ = self.ctx.translate(14.0, (area.top + area.bottom) / 2.0);
        let _ = self.ctx.rotate(-std::f64::consts::FRAC_PI_2);
        self.text(y_title, 0.0, 0.0, "center", ink::TEXT);
        self.ctx.restore();
    }
}

/// The rectangle, in CSS pixels, where data is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub left: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Area {
    /// The plot minus the usual margins for axis labels.
    pub fn inside(plot: &Plot) -> Area {
        Area {
            left: 64.0,
            right: (plot.width - 16.0).max(80.0),
            top: 12.0,
            bottom: (plot.height - 44.0).max(20.0),
        }
    }

    /// Whether (x, y) lies inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }
}

/// A linear map from a data interval onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Data value mapped to `pixel_start`.
    pub data_start: f64,
    /// Data value mapped to `pixel_end`.
    pub data_end: f64,
    /// Pixel of `data_start`.
    pub pixel_start: f64,
    /// Pixel of `data_end`.
    pub pixel_end: f64,
}

impl Scale {
    /// A scale over the range of `values` (padded by 5% on each side, widened when all
    /// values are equal; 0..1 when there are none) onto `pixel_start..pixel_end`.
    pub fn fit(values: impl IntoIterator<Item = f64>, pixel_start: f64, pixel_end: f64) -> Scale {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            low = low.min(v);
            high = high.max(v);
        }
        if !low.is_finite() {
            (low, high) = (0.0, 1.0);
        } else if high - low < 1e-12 {
            let pad = if low.abs() > 1e-12 {
                low.abs() * 0.1
            } else {
                1.0
            };
            (low, high) = (low - pad, high + pad);
        } else {
            let pad = (high - low) * 0.05;
            (low, high) = (low - pad, high + pad);
        }
        Scale::new(low, high, pixel_start, pixel_end)
    }

    /// A scale from `data_start..data_end` onto `pixel_start..pixel_end`.
    pub fn new(data_start: f64, data_end: f64, pixel_start: f64, pixel_end: f64) -> Scale {
        Scale {
            data_start,
            data_end,
            pixel_start,
            pixel_end,
        }
    }

    /// The pixel of data value `v`.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.data_end - self.data_start;
        if span.abs() < f64::MIN_POSITIVE {
            return (self.pixel_start + self.pixel_end) / 2.0;
        }
        self.pixel_start + (v - self.data_start) / span * (self.pixel_end - self.pixel_start)
    }

    /// The data value at pixel `p`.
    pub fn invert(&self, p: f64) -> f64 {
        let span = self.pixel_end - self.pixel_start;
        if span.abs() < f64::MIN_POSITIVE {
            return self.data_start;
        }
        self.data_start + (p - self.pixel_start) / span * (self.data_end - self.data_start)
    }

    /// About `count` round tick values (1, 2 or 5 × a power of ten apart) inside the range.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        nice_ticks(self.data_start, self.data_end, count)
    }
}

/// Round tick values between `a` and `b` (in either order), about `count` of them.
pub fn nice_ticks(a: f64, b: f64, count: usize) -> Vec<f64> {
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    if !(low.is_finite() && high.is_finite()) || high - low <= 0.0 || count == 0 {
        return Vec::new();
    }
    let raw = (high - low) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A tick label: integers without decimals, others with up to 3 significant decimals,
/// thousands as k/M.
pub fn format_tick(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{}M", trim(v / 1e6))
    } else if a >= 1e4 {
        format!("{}k", trim(v / 1e3))
    } else {
        trim(v)
    }
}

fn trim(v: f64) -> String {
    let text = format!("{v:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
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
    fn ticks_are_round_and_inside() {
        let unit = nice_ticks(0.0, 1.0, 5);
        assert_eq!(unit.len(), 6);
        for (i, tick) in unit.iter().enumerate() {
            assert!((tick - i as f64 * 0.2).abs() < 1e-12, "{unit:?}");
        }
        // 94 / 8 = 11.75 rounds up to a step of 20.
        assert_eq!(nice_ticks(3.0, 97.0, 8), vec![20.0, 40.0, 60.0, 80.0]);
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
    }

    #[test]
    fn scales_map_and_invert() {
        let s = Scale::new(0.0, 10.0, 100.0, 200.0);
        assert!((s.map(5.0) - 150.0).abs() < 1e-12);
        assert!((s.invert(150.0) - 5.0).abs() < 1e-12);
        let flat = Scale::fit([2.0, 2.0], 0.0, 100.0);
        assert!(flat.data_start < 2.0 && flat.data_end > 2.0);
    }

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(format_tick(0.30000000000000004), "0.3");
        assert_eq!(format_tick(25000.0), "25k");
        assert_eq!(format_tick(-0.0), "0");
        assert_eq!(ramp(0.0), "rgb(68,1,84)");
        assert_eq!(ramp(f64::NAN), "rgb(68,1,84)");
    }
}
