//! Charts: components that take data and draw it; no kernel logic here.
//!
//! Charts draw with the browser's 2-D canvas API directly ([`canvas`]) rather than through
//! plotters: the pages need hit-testing (hover and click on points and rules), zoom and pan
//! (the tree diagram) and crisp text at any device pixel ratio, which plotters-canvas does
//! not offer, and the few primitives used here (lines, circles, rectangles, text) cost less
//! code than an adapter around it. Every chart sits in a [`CanvasChart`], which sizes the
//! canvas, redraws when its data changes and offers "Save as PNG".
//!
//! Each page adds one file per chart kind here (`scatter`, `roc`, `tree`...), taking plain
//! data as props.

pub mod canvas;
mod chart;
pub mod lines;
pub mod route_map;
pub mod rules_graph;
pub mod rules_matrix;
pub mod rules_scatter;

pub use chart::CanvasChart;
pub mod bars;
pub mod cluster_map;
pub mod confusion_matrix;
pub mod fit_scatter;
pub mod line;
pub mod roc_curve;
mod tip;
pub mod tree_diagram;
