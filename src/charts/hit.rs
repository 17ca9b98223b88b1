//! What shoplens adds to plotters for interactive charts: hit-testing, the zoom and pan
//! state and the tree layout. Plotters draws; this layer remembers the coordinate system a chart was drawn with
//! (a plotters [`Cartesian2d`]) and answers "what is under the pointer" with it, through
//! plotters' own forward (`translate`) and reverse (`reverse_translate`) mappings.
//!
//! The tree diagram's layout (where each node of a decision tree sits, which subtrees are
//! folded) is here too: plotters draws the boxes, it does not place them.
//!
//! The pointer arrives in CSS pixels and plotters works in device pixels (the canvas is CSS
//! size × devicePixelRatio), so a [`Frame`] converts between the two. Nothing here touches
//! the browser, so it is tested natively.

use std::collections::HashSet;
use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::ReverseCoordTranslate;
use plotters::prelude::Cartesian2d;

/// Linear x and y coordinates onto device pixels.
pub type Coords = Cartesian2d<RangedCoordf64, RangedCoordf64>;

/// The coordinates a chart was last drawn with (any plotters coordinate system over
/// `(f64, f64)` that maps both ways), for hit-testing.
#[derive(Clone)]
pub struct Frame<C = Coords> {
    coords: C,
    ratio: f64,
}

impl<C: ReverseCoordTranslate<From = (f64, f64)>> Frame<C> {
    /// A frame over plotters coordinates `coords` (as `ChartContext::as_coord_spec` gives
    /// them) on a canvas with `ratio` device pixels per CSS pixel.
    pub fn new(coords: C, ratio: f64) -> Frame<C> {
        Frame {
            coords,
            ratio: ratio.max(f64::MIN_POSITIVE),
        }
    }

    /// The CSS pixel where data point `(x, y)` is drawn.
    pub fn to_css(&self, x: f64, y: f64) -> (f64, f64) {
        let (px, py) = self.coords.translate(&(x, y));
        (f64::from(px) / self.ratio, f64::from(py) / self.ratio)
    }

    /// The data point under CSS pixel `(x, y)`, or `None` outside the plotting area.
    pub fn to_data(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let device = (
            (x * self.ratio).round() as i32,
            (y * self.ratio).round() as i32,
        );
        self.coords.reverse_translate(device)
    }

    /// The index of the point nearest CSS pixel `(x, y)` within `radius` CSS pixels; on a
    /// tie the later point (drawn on top) wins.
    pub fn nearest(
        &self,
        points: impl IntoIterator<Item = (f64, f64)>,
        (x, y): (f64, f64),
        radius: f64,
    ) -> Option<usize> {
        let mut best = None;
        let mut best_d = radius * radius;
        for (i, (a, b)) in points.into_iter().enumerate() {
            if !(a.is_finite() && b.is_finite()) {
                continue;
            }
            let (px, py) = self.to_css(a, b);
            let d = (px - x).powi(2) + (py - y).powi(2);
            if d <= best_d {
                best_d = d;
                best = Some(i);
            }
        }
        best
    }
}

/// Zoom, then pan, of a picture drawn in its own world units (the tree diagram):
/// `css = world * zoom + (dx, dy)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// CSS pixels per world unit.
    pub zoom: f64,
    /// Horizontal shift in CSS pixels.
    pub dx: f64,
    /// Vertical shift in CSS pixels.
    pub dy: f64,
}

impl View {
    /// The world rectangle a canvas of `width` × `height` CSS pixels shows, as x and y
    /// ranges (y grows downwards, as on screen).
    pub fn world(&self, width: f64, height: f64) -> (Range<f64>, Range<f64>) {
        (
            (-self.dx / self.zoom)..((width - self.dx) / self.zoom),
            (-self.dy / self.zoom)..((height - self.dy) / self.zoom),
        )
    }

    /// The plotters coordinates that draw this view on a canvas of `width` × `height` CSS
    /// pixels at `ratio` device pixels per CSS pixel.
    pub fn coords(&self, width: f64, height: f64, ratio: f64) -> Coords {
        let (x, y) = self.world(width, height);
        let w = (width * ratio).round() as i32;
        let h = (height * ratio).round() as i32;
        Cartesian2d::new(x, y, (0..w, 0..h))
    }

    /// [`View::coords`] as a frame, for hit-testing.
    pub fn frame(&self, width: f64, height: f64, ratio: f64) -> Frame {
        Frame::new(self.coords(width, height, ratio), ratio)
    }

    /// This view zoomed by `factor` (within 0.1–4) about CSS pixel `(x, y)`, which stays put.
    pub fn zoomed(&self, factor: f64, x: f64, y: f64) -> View {
        let zoom = (self.zoom * factor).clamp(0.1, 4.0);
        let k = zoom / self.zoom;
        View {
            zoom,
            dx: x - (x - self.dx) * k,
            dy: y - (y - self.dy) * k,
        }
    }
}

/// One node as the diagram draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramNode {
    /// Left child (the `≤` side).
    pub left: Option<usize>,
    /// Right child.
    pub right: Option<usize>,
    /// Text lines in the box (split or prediction, samples, mix).
    pub lines: Vec<String>,
    /// Fill colour (drawn translucent).
    pub fill: String,
}

/// A node placed by [`layout`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the node list.
    pub node: usize,
    /// Depth (root 0).
    pub depth: usize,
    /// Horizontal position in slots (leaves are one slot apart).
    pub slot: f64,
    /// Whether its children are hidden (collapsed).
    pub folded: bool,
}

/// Places the nodes reachable from the root without passing a collapsed node, parents
/// before children.
pub fn layout(nodes: &[DiagramNode], collapsed: &HashSet<usize>) -> Vec<Placed> {
    fn visit(
        nodes: &[DiagramNode],
        collapsed: &HashSet<usize>,
        i: usize,
        depth: usize,
        next_leaf: &mut f64,
        out: &mut Vec<Placed>,
    ) -> f64 {
        let at = out.len();
        let folded = collapsed.contains(&i);
        out.push(Placed {
            node: i,
            depth,
            slot: 0.0,
            folded,
        });
        let children: Vec<usize> = [nodes[i].left, nodes[i].right]
            .into_iter()
            .flatten()
            .filter(|&c| c < nodes.len())
            .collect();
        let slot = if folded || children.is_empty() {
            *next_leaf += 1.0;
            *next_leaf - 1.0
        } else {
            let slots: Vec<f64> = children
                .iter()
                .map(|&c| visit(nodes, collapsed, c, depth + 1, next_leaf, out))
                .collect();
            slots.iter().sum::<f64>() / slots.len() as f64
        };
        out[at].slot = slot;
        slot
    }
    let mut out = Vec::new();
    if !nodes.is_empty() {
        visit(nodes, collapsed, 0, 0, &mut 0.0, &mut out);
    }
    out
}

/// The split nodes at `depth` (root 0) and below: collapsing them shows `depth` levels
/// under the root.
pub fn collapsed_below(nodes: &[DiagramNode], depth: usize) -> HashSet<usize> {
    let mut out = HashSet::new();
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, d)) = stack.pop() {
        let Some(node) = nodes.get(i) else { continue };
        if node.left.is_none() && node.right.is_none() {
            continue;
        }
        if d >= depth {
            out.insert(i);
        }
        stack.extend(
            [node.left, node.right]
                .into_iter()
                .flatten()
                .map(|c| (c, d + 1)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 400 × 304 device-pixel plotting area at (64, 12), as a 2× display draws a
    /// 200 × 152 CSS-pixel one at (32, 6).
    /// (y grows upwards: plotters' `ChartBuilder` maps y's start to the bottom row).
    fn frame() -> Frame {
        let bottom_up = Range {
            start: 316,
            end: 12,
        };
        Frame::new(
            Cartesian2d::new(0.0..10.0, 0.0..100.0, (64..464, bottom_up)),
            2.0,
        )
    }

    #[test]
    fn data_maps_to_pixels_and_back_through_plotters() {
        let f = frame();
        // x = 0 is the left edge, y = 0 the bottom (y grows upwards).
        assert_eq!(f.to_css(0.0, 0.0), (32.0, 158.0));
        assert_eq!(f.to_css(10.0, 100.0), (232.0, 6.0));
        let (x, y) = f.to_css(2.5, 40.0);
        let (a, b) = f.to_data(x, y).unwrap();
        assert!((a - 2.5).abs() < 0.03 && (b - 40.0).abs() < 0.4, "{a} {b}");
        // Outside the plotting area there is no data.
        assert_eq!(f.to_data(10.0, 50.0), None);
        assert_eq!(f.to_data(100.0, 170.0), None);
    }

    /// A plotters backend that draws nothing: enough to lay out a chart natively.
    struct Blank(u32, u32);

    impl plotters::prelude::DrawingBackend for Blank {
        type ErrorType = std::fmt::Error;
        fn get_size(&self) -> (u32, u32) {
            (self.0, self.1)
        }
        fn ensure_prepared(
            &mut self,
        ) -> Result<(), plotters_backend::DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), plotters_backend::DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
        fn draw_pixel(
            &mut self,
            _: plotters_backend::BackendCoord,
            _: plotters_backend::BackendColor,
        ) -> Result<(), plotters_backend::DrawingErrorKind<std::fmt::Error>> {
            Ok(())
        }
    }

    #[test]
    fn a_chart_built_as_the_charts_build_theirs_maps_the_pointer_to_its_data() {
        use crate::charts::canvas::{build_xy, Margins};
        use plotters::prelude::IntoDrawingArea;
        // The rules scatter's margins on a 640 × 360 CSS-pixel canvas at ratio 2.
        let margins = Margins {
            left: 64.0,
            right: 96.0,
            top: 12.0,
            bottom: 44.0,
        };
        let area = Blank(1280, 720).into_drawing_area();
        let chart = build_xy(&area, 2.0, margins, 0.0..10.0, 0.0..1.0).unwrap();
        let f = Frame::new(chart.as_coord_spec().clone(), 2.0);
        let near = |(a, b): (f64, f64), (c, d): (f64, f64), tol: f64| {
            assert!(
                (a - c).abs() <= tol && (b - d).abs() <= tol,
                "{a},{b} vs {c},{d}"
            );
        };
        // The plotting area's corners are where the margins say (within a device pixel),
        // which is where the e2e tests point.
        near(f.to_css(0.0, 0.0), (64.0, 360.0 - 44.0), 0.5);
        near(f.to_css(10.0, 1.0), (640.0 - 96.0, 12.0), 0.5);
        // CSS pixel -> data -> CSS pixel, through plotters' reverse mapping.
        for &(x, y) in &[(3.0, 0.25), (7.5, 0.9), (0.1, 0.02)] {
            let (px, py) = f.to_css(x, y);
            let (a, b) = f.to_data(px, py).unwrap();
            near((a, b * 10.0), (x, y * 10.0), 0.02);
            near(f.to_css(a, b), (px, py), 0.5);
        }
        // The pointer a pixel outside the plotting area finds no data.
        assert_eq!(f.to_data(63.0, 100.0), None);
        assert_eq!(f.to_data(545.0, 100.0), None);
        assert_eq!(f.to_data(200.0, 11.0), None);
        assert_eq!(f.to_data(200.0, 317.0), None);
        // A pointer at the middle picks the middle point, not its neighbours.
        let points = [(4.9, 0.5), (5.0, 0.5), (5.1, 0.5)];
        let middle = (64.0 + (544.0 - 64.0) / 2.0, 12.0 + (316.0 - 12.0) / 2.0);
        assert_eq!(f.nearest(points, middle, 8.0), Some(1));
    }

    #[test]
    fn the_nearest_point_within_the_radius_is_picked() {
        let f = frame();
        let points = [(1.0, 10.0), (5.0, 50.0), (5.1, 50.0), (9.0, 90.0)];
        let (x, y) = f.to_css(5.0, 50.0);
        // 5.0 and 5.1 are 2 CSS pixels apart; the pointer on 5.0 picks it.
        assert_eq!(f.nearest(points, (x, y), 8.0), Some(1));
        assert_eq!(f.nearest(points, (x + 2.0, y), 8.0), Some(2));
        assert_eq!(f.nearest(points, (x, y - 30.0), 8.0), None);
        assert_eq!(f.nearest([(f64::NAN, 1.0)], (x, y), 8.0), None);
    }

    #[test]
    fn a_view_maps_world_to_pixels_and_zooms_about_a_point() {
        let view = View {
            zoom: 0.5,
            dx: 100.0,
            dy: 8.0,
        };
        let f = view.frame(800.0, 460.0, 2.0);
        assert_eq!(f.to_css(0.0, 0.0), (100.0, 8.0));
        assert_eq!(f.to_css(180.0, 100.0), (190.0, 58.0));
        let (wx, wy) = f.to_data(190.0, 58.0).unwrap();
        assert!((wx - 180.0).abs() < 1.0 && (wy - 100.0).abs() < 1.0);
        let zoomed = view.zoomed(2.0, 190.0, 58.0);
        assert_eq!(zoomed.zoom, 1.0);
        let g = zoomed.frame(800.0, 460.0, 2.0);
        assert_eq!(g.to_css(180.0, 100.0), (190.0, 58.0));
        assert_eq!(view.zoomed(100.0, 0.0, 0.0).zoom, 4.0);
    }

    fn node(left: Option<usize>, right: Option<usize>) -> DiagramNode {
        DiagramNode {
            left,
            right,
            lines: vec![String::new()],
            fill: String::new(),
        }
    }

    /// root(0) → 1, 2; 1 → 3, 4.
    fn small() -> Vec<DiagramNode> {
        vec![
            node(Some(1), Some(2)),
            node(Some(3), Some(4)),
            node(None, None),
            node(None, None),
            node(None, None),
        ]
    }

    #[test]
    fn leaves_take_slots_and_splits_sit_between_their_children() {
        let placed = layout(&small(), &HashSet::new());
        let slot = |n: usize| placed.iter().find(|p| p.node == n).unwrap().slot;
        assert_eq!(placed.len(), 5);
        assert_eq!((slot(3), slot(4), slot(2)), (0.0, 1.0, 2.0));
        assert_eq!(slot(1), 0.5);
        assert_eq!(slot(0), 1.25);
    }

    #[test]
    fn collapsing_hides_the_subtree() {
        let nodes = small();
        let collapsed = collapsed_below(&nodes, 1);
        assert_eq!(collapsed, HashSet::from([1]));
        let placed = layout(&nodes, &collapsed);
        assert_eq!(placed.len(), 3);
        assert!(placed.iter().find(|p| p.node == 1).unwrap().folded);
        assert!(collapsed_below(&nodes, 3).is_empty());
    }
}
