//! [`Canvas`]: plotters-canvas's `CanvasBackend` with two things added through plotters'
//! own traits, since plotters cannot do them on a canvas out of the box.
//!
//! - Text is measured by the canvas (`measureText`). The plotters font code for the web
//!   measures a `<span>` given an inline `style` attribute, which the page's
//!   Content-Security-Policy (`style-src 'self'`) refuses, and which forces a layout per
//!   label; [`DrawingBackend::estimate_text_size`] is overridden instead.
//! - [`Slanted`] text: plotters rotates text by quarter turns only; the grouped matrix's
//!   column labels lean at 45°. It is an element (`Drawable<Canvas>`) that turns the
//!   context and then draws through the backend's own `draw_text`.
//!
//! - Filled rectangles set the fill colour only when it changes: the rules scatter draws
//!   10,000 small squares in order of lift, mostly in the colour of the one before, and
//!   setting the canvas's `fillStyle` (a string the browser parses) cost more than the
//!   square; a hover redraws them all.
//!
//! Every other call is passed to `CanvasBackend` unchanged.

use plotters::element::{Drawable, PointCollection};
use plotters::style::TextStyle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The error type of the canvas backend.
type Error = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

/// A canvas to draw on through plotters (see the module doc for what it adds).
pub struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    /// The context's fill colour when [`DrawingBackend::draw_rect`] last set it, as (rgb,
    /// alpha); `None` once any other call may have changed it.
    fill: Option<((u8, u8, u8), f64)>,
}

impl Canvas {
    /// Wraps `canvas`, or `None` when it has no 2-D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas {
            inner,
            ctx,
            fill: None,
        })
    }
}

/// The CSS font of a text style, as plotters-canvas sets it before drawing.
fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Error> {
        self.fill = None;
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error> {
        self.fill = None;
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error> {
        self.fill = None;
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error> {
        self.fill = None;
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        let color = style.color();
        if !fill || color.alpha == 0.0 {
            self.fill = None;
            return self.inner.draw_rect(upper_left, bottom_right, style, fill);
        }
        // As `CanvasBackend` draws it, without setting the same colour again.
        let key = (color.rgb, color.alpha);
        if self.fill != Some(key) {
            let (r, g, b) = color.rgb;
            self.ctx
                .set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            self.fill = Some(key);
        }
        self.ctx.fill_rect(
            f64::from(upper_left.0),
            f64::from(upper_left.1),
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error> {
        self.fill = None;
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.fill = None;
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error> {
        self.fill = None;
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Error> {
        self.fill = None;
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Error> {
        self.ctx.set_font(&css_font(style));
        let width = self.ctx.measure_text(text).map_or(0.0, |m| m.width());
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// Text turned by `angle` radians (counter-clockwise when negative, as the canvas turns)
/// about its anchor point.
pub struct Slanted<'a> {
    text: String,
    at: BackendCoord,
    angle: f64,
    style: TextStyle<'a>,
}

impl<'a> Slanted<'a> {
    /// `text` anchored at pixel `at` (by the style's anchor), turned by `angle`.
    pub fn new(text: String, at: BackendCoord, angle: f64, style: TextStyle<'a>) -> Self {
        Slanted {
            text,
            at,
            angle,
            style,
        }
    }
}

impl<'b> PointCollection<'b, BackendCoord> for &'b Slanted<'_> {
    type Point = &'b BackendCoord;
    type IntoIter = std::iter::Once<&'b BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl Drawable<Canvas> for Slanted<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut Canvas,
        _: (u32, u32),
    ) -> Result<(), Error> {
        let Some((x, y)) = points.next() else {
            return Ok(());
        };
        backend.ctx.save();
        let turned = backend
            .ctx
            .translate(f64::from(x), f64::from(y))
            .and_then(|()| backend.ctx.rotate(self.angle));
        let drawn = match turned {
            Ok(()) => backend.draw_text(&self.text, &self.style, (0, 0)),
            Err(_) => Ok(()),
        };
        backend.ctx.restore();
        drawn
    }
}
