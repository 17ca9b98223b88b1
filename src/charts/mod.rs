//! Charts: components that take data and draw it; no kernel logic here.
//!
//! Every chart draws through plotters on the plotters-canvas backend: axes, meshes, ticks,
//! labels, legends and series are plotters'. Each sits in a [`CanvasChart`], which sizes
//! the canvas (CSS size × devicePixelRatio, fonts scaled to match, so it is crisp on any
//! screen), redraws when its data changes and offers "Save as PNG".
//!
//! What plotters lacks lives in small modules of its own: [`backend`] adds canvas text
//! measurement and slanted text through plotters' `DrawingBackend` and element traits;
//! [`hit`] holds hit-testing on top of plotters' coordinate mapping (both ways), the zoom
//! and pan state and the tree layout.

pub mod backend;
pub mod canvas;
mod chart;
pub mod hit;
pub mod lines;
pub mod route_map;
pub mod rules_graph;
pub mod rules_matrix;
pub mod rules_scatter;

pub use chart::CanvasChart;
pub mod abc_xyz_matrix;
pub mod bars;
pub mod cluster_map;
pub mod confusion_matrix;
pub mod fit_scatter;
pub mod heat_map;
pub mod holdout;
pub mod line;
pub mod roc_curve;
mod tip;
pub mod tree_diagram;
