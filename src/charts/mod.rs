//! Charts: components that take data and draw it; no kernel logic here.
//!
//! The Data page needs none yet (its missing-value bars are `<meter>` elements). Pages that
//! plot (rules, forecasts, segments) add one file per chart here, drawing on a `<canvas>`
//! with plotters + plotters-canvas (see `/work/shared/TOOLCHAIN.md` for the tested versions).
