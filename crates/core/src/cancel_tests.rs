//! A stop from the observer ends each iterative kernel between two steps: the ones with
//! nothing partial worth keeping return [`ErrorKind::Cancelled`], the optimisers return
//! their best plan so far marked cancelled. Each kernel reports under its own typed
//! [`Stage`], which is what the fronts show.

use crate::learn::linear::LogisticRegressionParams;
use crate::learn::tree::ForestParams;
use crate::learn::{Fit, Matrix};
use crate::optimize::routes::{plan_routes, AnnealParams, Instance, Metric};
use crate::optimize::solver::StopReason;
use crate::progress::{Control, Stage};
use crate::segment::kmeans::KMeansParams;
use crate::ErrorKind;

/// An observer that lets `allowed` reports through, then says stop; it records every
/// stage it heard.
fn stop_after(
    allowed: usize,
    heard: &mut Vec<Stage>,
) -> impl FnMut(Stage, u64, u64) -> Control + '_ {
    move |stage, _done, _total| {
        heard.push(stage);
        if heard.len() > allowed {
            Control::Stop
        } else {
            Control::Continue
        }
    }
}

/// Two noisy, overlapping clouds: enough rows that no kernel finishes in one step.
fn two_clouds() -> (Vec<Vec<f64>>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut labels = Vec::new();
    for i in 0..120 {
        let class = i % 2;
        let a = ((i * 37) % 17) as f64 / 17.0;
        let b = ((i * 53) % 23) as f64 / 23.0;
        rows.push(vec![a + class as f64 * 0.6, b - class as f64 * 0.4]);
        labels.push(class);
    }
    (rows, labels)
}

#[test]
fn k_means_stops_between_lloyd_steps() {
    let (rows, _) = two_clouds();
    let data = Matrix::from_rows(&rows).unwrap();
    let mut heard = Vec::new();
    let params = KMeansParams::new(3).n_init(4).seed(3);
    let err = params
        .fit_with(&data, &[], &mut stop_after(1, &mut heard))
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Cancelled);
    assert_eq!(heard, [Stage::KMeans, Stage::KMeans]);
}

#[test]
fn forest_stops_between_rounds_of_trees() {
    let (rows, labels) = two_clouds();
    let x = Matrix::from_rows(&rows).unwrap();
    let mut heard = Vec::new();
    let err = ForestParams::new()
        .n_trees(50)
        .fit_with(&x, &labels, &mut stop_after(0, &mut heard))
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Cancelled);
    assert_eq!(heard, [Stage::Forest]);
}

#[test]
fn logistic_regression_stops_between_newton_steps() {
    let (rows, labels) = two_clouds();
    let x = Matrix::from_rows(&rows).unwrap();
    let mut heard = Vec::new();
    let err = LogisticRegressionParams::new()
        .fit_with(&x, &labels, &mut stop_after(0, &mut heard))
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Cancelled);
    assert_eq!(heard, [Stage::Fit]);
}

#[test]
fn route_annealing_returns_its_best_plan_so_far() {
    let n = 30;
    let coords: Vec<[f64; 2]> = (0..n)
        .map(|i| [((i * 7) % 11) as f64, ((i * 5) % 13) as f64])
        .collect();
    let ids = (0..n).map(|i| i.to_string()).collect();
    let instance = Instance::new(
        "grid".into(),
        ids,
        coords,
        vec![0.0; n],
        0,
        Metric::Euclidean,
    )
    .unwrap();
    let params = AnnealParams {
        levels: 400,
        ..AnnealParams::new()
    };
    let mut heard = Vec::new();
    let plan = plan_routes(&instance, &params, &mut stop_after(1, &mut heard)).unwrap();
    assert_eq!(plan.run.stop_reason, StopReason::Cancelled);
    assert!(plan.run.iterations < params.levels);
    assert!(heard.iter().all(|&s| s == Stage::Anneal));
    let visited: usize = plan
        .routes
        .iter()
        .map(|r| r.stops.iter().filter(|&&s| s != 0).count())
        .sum();
    assert_eq!(visited, n - 1, "a cancelled plan still visits every stop");
}
