//! Lloyd iterations as a stepping state, the best-of-starts loop and the elbow curve.

use super::distance::squared_distance;
use super::hyperparams::KMeansParams;
use super::init::kmeans_plus_plus;
use crate::learn::{Fit, Matrix};
use crate::par;
use crate::progress::{Control, Progress, Stage};
use crate::rt::seeded;
use crate::segment::silhouette::silhouette_score_sampled;
use crate::{Allowed, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// What one Lloyd iteration did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IterInfo {
    /// Iterations done so far (1 after the first).
    pub iteration: usize,
    /// Sum of squared distances to the centres the points were assigned to in this
    /// iteration (before the centres moved).
    pub inertia: f64,
    /// Total squared movement of the centres.
    pub center_shift: f64,
    /// Whether the run has stopped (converged or out of iterations).
    pub done: bool,
}

/// One k-means run in progress: centres and labels between Lloyd iterations.
#[derive(Debug, Clone)]
pub struct LloydState<'a> {
    data: &'a Matrix,
    k: usize,
    centers: Vec<f64>,
    labels: Vec<u32>,
    previous: Vec<u32>,
    iteration: usize,
    max_iter: usize,
    tol: f64,
    done: bool,
    strict: bool,
}

impl<'a> LloydState<'a> {
    /// Starts from `centers` (row-major, `k × n_cols`); `tol` is relative (scaled here by
    /// the mean column variance, as scikit-learn).
    pub fn new(data: &'a Matrix, centers: Vec<f64>, max_iter: usize, tol: f64) -> Self {
        let k = centers.len() / data.n_cols().max(1);
        LloydState {
            data,
            k,
            centers,
            labels: vec![u32::MAX; data.n_rows()],
            previous: vec![u32::MAX; data.n_rows()],
            iteration: 0,
            max_iter,
            tol: tol * mean_variance(data),
            done: false,
            strict: false,
        }
    }

    /// Whether the run has stopped.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The current centres, row-major.
    pub fn centers(&self) -> &[f64] {
        &self.centers
    }

    /// One Lloyd iteration: assign each point to its nearest centre, move each centre to
    /// the mean of its points (an emptied cluster takes the point farthest from its own
    /// centre, as scikit-learn), then test for convergence.
    pub fn next_iter(&mut self) -> IterInfo {
        let d = self.data.n_cols();
        if self.done {
            return IterInfo {
                iteration: self.iteration,
                inertia: f64::NAN,
                center_shift: 0.0,
                done: true,
            };
        }
        let (inertia, distances) = assign(self.data, &self.centers, self.k, &mut self.labels);
        let mut sums = vec![0.0; self.k * d];
        let mut counts = vec![0usize; self.k];
        for (i, &label) in self.labels.iter().enumerate() {
            let c = label as usize;
            counts[c] += 1;
            for (s, v) in sums[c * d..(c + 1) * d].iter_mut().zip(self.data.row(i)) {
                *s += v;
            }
        }
        let empty: Vec<usize> = (0..self.k).filter(|&c| counts[c] == 0).collect();
        if !empty.is_empty() {
            let mut far: Vec<usize> = (0..self.data.n_rows()).collect();
            far.sort_by(|&a, &b| distances[b].total_cmp(&distances[a]).then(a.cmp(&b)));
            for (&c, &point) in empty.iter().zip(&far) {
                let old = self.labels[point] as usize;
                if counts[old] <= 1 {
                    continue;
                }
                for (j, v) in self.data.row(point).iter().enumerate() {
                    sums[old * d + j] -= v;
                    sums[c * d + j] = *v;
                }
                counts[old] -= 1;
                counts[c] = 1;
            }
        }
        let mut shift = 0.0;
        for c in 0..self.k {
            if counts[c] == 0 {
                continue;
            }
            let n = counts[c] as f64;
            for j in 0..d {
                let new = sums[c * d + j] / n;
                let old = self.centers[c * d + j];
                shift += (new - old) * (new - old);
                self.centers[c * d + j] = new;
            }
        }
        self.iteration += 1;
        if self.labels == self.previous {
            self.strict = true;
            self.done = true;
        } else if shift <= self.tol || self.iteration >= self.max_iter {
            self.done = true;
        }
        self.previous.copy_from_slice(&self.labels);
        IterInfo {
            iteration: self.iteration,
            inertia,
            center_shift: shift,
            done: self.done,
        }
    }

    /// Ends the run: unless labels had stopped changing, assigns once more so the labels
    /// match the final centres, and returns centres, labels and inertia.
    pub fn finish(mut self) -> KMeansFit {
        let inertia = if self.strict {
            // The last assignment was to the centres before the (null) move; recompute the
            // inertia on the final centres, which equal them up to rounding.
            let mut labels = self.labels.clone();
            assign(self.data, &self.centers, self.k, &mut labels).0
        } else {
            assign(self.data, &self.centers, self.k, &mut self.labels).0
        };
        let mut sizes = vec![0usize; self.k];
        for &l in &self.labels {
            sizes[l as usize] += 1;
        }
        KMeansFit {
            k: self.k,
            centers: self
                .centers
                .chunks(self.data.n_cols().max(1))
                .map(<[f64]>::to_vec)
                .collect(),
            labels: self.labels,
            inertia,
            n_iter: self.iteration,
            sizes,
            converged: self.strict || self.iteration < self.max_iter,
            initial_centers: Vec::new(),
        }
    }
}

/// Assigns each point to its nearest centre (lowest index on ties); returns the inertia and
/// each point's squared distance to its centre.
fn assign(data: &Matrix, centers: &[f64], k: usize, labels: &mut [u32]) -> (f64, Vec<f64>) {
    let d = data.n_cols();
    let mut distances = vec![0.0; data.n_rows()];
    let mut inertia = 0.0;
    for (i, (label, dist)) in labels.iter_mut().zip(distances.iter_mut()).enumerate() {
        let row = data.row(i);
        let mut best = (f64::INFINITY, 0usize);
        for c in 0..k {
            let d2 = squared_distance(row, &centers[c * d..(c + 1) * d]);
            if d2 < best.0 {
                best = (d2, c);
            }
        }
        *label = best.1 as u32;
        *dist = best.0;
        inertia += best.0;
    }
    (inertia, distances)
}

fn mean_variance(data: &Matrix) -> f64 {
    if data.n_rows() == 0 || data.n_cols() == 0 {
        return 0.0;
    }
    let n = data.n_rows() as f64;
    let mut total = 0.0;
    for j in 0..data.n_cols() {
        let mean = (0..data.n_rows()).map(|i| data.row(i)[j]).sum::<f64>() / n;
        total += (0..data.n_rows())
            .map(|i| (data.row(i)[j] - mean).powi(2))
            .sum::<f64>()
            / n;
    }
    total / data.n_cols() as f64
}

/// A fitted k-means model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansFit {
    /// Number of clusters.
    pub k: usize,
    /// Cluster centres, one row per cluster, in feature space.
    pub centers: Vec<Vec<f64>>,
    /// Cluster of each point (0-based).
    pub labels: Vec<u32>,
    /// Sum of squared distances of points to their centre.
    pub inertia: f64,
    /// Lloyd iterations of the winning start.
    pub n_iter: usize,
    /// Points per cluster.
    pub sizes: Vec<usize>,
    /// Whether the winning start stopped by convergence rather than the iteration limit.
    pub converged: bool,
    /// The k-means++ centres the winning start began from (empty when the run was started
    /// from given centres): another engine started from them runs the same Lloyd
    /// iterations (the Spark export's check does).
    #[serde(default)]
    pub initial_centers: Vec<Vec<f64>>,
}

/// k-means as a [`Fit`] with no targets (pass `&[]`): runs `n_init` seeded starts of
/// k-means++ and Lloyd, keeps the lowest inertia (the first on a tie). On one thread it reports `(Stage::KMeans, iterations done, n_init × max_iter)`
/// after every iteration; on several, `(Stage::KMeans, starts done, n_init)` between rounds of
/// starts. Stops with [`ErrorKind::Cancelled`] when told to.
impl Fit<()> for KMeansParams {
    type Model = KMeansFit;

    fn fit_with(&self, x: &Matrix, _y: &[()], progress: &mut dyn Progress) -> Result<KMeansFit> {
        fit_starts(x, self, progress)
    }
}

fn fit_starts(
    data: &Matrix,
    params: &KMeansParams,
    progress: &mut dyn Progress,
) -> Result<KMeansFit> {
    params.check(data.n_rows())?;
    // Every start's k-means++ centres are drawn in order first (Lloyd uses no randomness),
    // so the starts can run side by side and the winner is the same on any number of
    // threads.
    let mut rng = seeded(params.seed);
    let starts: Vec<Vec<f64>> = (0..params.n_init)
        .map(|_| kmeans_plus_plus(data, params.k, &mut rng))
        .collect();
    let runs = if par::width() == 1 {
        // One thread: report every iteration, so a single long start shows its progress.
        let total = (params.n_init * params.max_iter) as u64;
        let mut runs = Vec::with_capacity(starts.len());
        for (start, centers) in starts.into_iter().enumerate() {
            let mut each = |iteration: usize| {
                let done = (start * params.max_iter + iteration) as u64;
                progress.report(Stage::KMeans, done, total)
            };
            runs.push(lloyd(data, centers, params, &mut each)?);
        }
        runs
    } else {
        par::try_map_reporting(&starts, Stage::KMeans, progress, |centers| {
            lloyd(data, centers.clone(), params, &mut |_| Control::Continue)
        })?
    };
    let mut best: Option<KMeansFit> = None;
    for run in runs {
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
    }
    best.ok_or_else(|| Error::invalid_parameter("n_init", params.n_init, Allowed::AtLeast(1.0)))
}

/// Lloyd iterations from `centers` until convergence or `max_iter`; `each(iteration)` is
/// told after every iteration and may stop the run.
fn lloyd(
    data: &Matrix,
    centers: Vec<f64>,
    params: &KMeansParams,
    each: &mut dyn FnMut(usize) -> Control,
) -> Result<KMeansFit> {
    let initial = centers.clone();
    let mut state = LloydState::new(data, centers, params.max_iter, params.tol);
    while !state.is_done() {
        let info = state.next_iter();
        if each(info.iteration) == Control::Stop {
            return Err(Error::new(ErrorKind::Cancelled));
        }
    }
    let mut run = state.finish();
    run.initial_centers = initial
        .chunks(data.n_cols().max(1))
        .map(<[f64]>::to_vec)
        .collect();
    Ok(run)
}

/// One point of the elbow and silhouette charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElbowPoint {
    /// Number of clusters.
    pub k: usize,
    /// Inertia of the best start.
    pub inertia: f64,
    /// Mean silhouette (on a seeded sample of at most `silhouette_sample` points).
    pub silhouette: f64,
    /// Cluster sizes.
    pub sizes: Vec<usize>,
}

/// Inertia and silhouette for each `k` in `ks` (for example `2..=10`), every other
/// parameter as in `params`. The silhouette is computed on a seeded sample of at most
/// `silhouette_sample` points (it costs O(n²)).
pub fn elbow(
    data: &Matrix,
    ks: std::ops::RangeInclusive<usize>,
    params: &KMeansParams,
    silhouette_sample: usize,
    progress: &mut dyn Progress,
) -> Result<Vec<ElbowPoint>> {
    // Each k is fitted on its own, side by side on the CLI's threads (`par`).
    let ks: Vec<usize> = ks.collect();
    par::try_map_reporting(&ks, Stage::Elbow, progress, |&k| {
        let mut p = params.clone();
        p.k = k;
        let model = p.fit(data, &[])?;
        let silhouette =
            silhouette_score_sampled(data, &model.labels, silhouette_sample, params.seed)?;
        Ok(ElbowPoint {
            k,
            inertia: model.inertia,
            silhouette,
            sizes: model.sizes,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::segment::silhouette::silhouette_score;

    use crate::segment::kmeans::tests_support::wholesale;
    const FIXTURE: &str =
        include_str!("../../../../../testdata/fixtures/segment_kmeans_wholesale.json");

    #[test]
    fn matches_scikit_learn_and_the_reference_on_wholesale_customers() {
        let data = wholesale();
        let fixture: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        // REFERENCE.md (scikit-learn 1.9.1, 10 starts): (k, inertia, silhouette).
        let reference = [(2, 1844.06, 0.2903), (3, 1553.42, 0.2594)];
        for (k, inertia, silhouette) in reference {
            let model = KMeansParams::new(k).fit(&data, &[]).unwrap();
            let s = silhouette_score(&data, &model.labels).unwrap();
            assert!(
                (model.inertia - inertia).abs() <= 0.005 * inertia,
                "k={k}: inertia {}",
                model.inertia
            );
            assert!((s - silhouette).abs() <= 0.01, "k={k}: silhouette {s}");
            let sk = &fixture["elbow"][k - 2];
            let sk_inertia = sk["inertia"].as_f64().unwrap();
            assert!(
                (model.inertia - sk_inertia).abs() <= 0.005 * sk_inertia,
                "k={k} vs sklearn"
            );
            assert!(
                (s - sk["silhouette"].as_f64().unwrap()).abs() <= 0.01,
                "k={k} vs sklearn"
            );
        }
    }

    #[test]
    fn elbow_tracks_scikit_learn_for_k_2_to_10() {
        let data = wholesale();
        let fixture: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        let points = elbow(&data, 2..=10, &KMeansParams::new(2), 1000, &mut Silent).unwrap();
        for (p, sk) in points.iter().zip(fixture["elbow"].as_array().unwrap()) {
            let sk_inertia = sk["inertia"].as_f64().unwrap();
            // Larger k have many near-equal local optima: 2% on inertia, 0.05 on silhouette.
            assert!(
                (p.inertia - sk_inertia).abs() <= 0.02 * sk_inertia,
                "k={}: {} vs {sk_inertia}",
                p.k,
                p.inertia
            );
            let sk_s = sk["silhouette"].as_f64().unwrap();
            assert!(
                (p.silhouette - sk_s).abs() <= 0.05,
                "k={}: {} vs {sk_s}",
                p.k,
                p.silhouette
            );
        }
        assert!(points.windows(2).all(|w| w[1].inertia < w[0].inertia));
    }

    /// Starts and k values run side by side on the CLI's threads; the answer is the one a
    /// single thread gives.
    #[cfg(feature = "parallel")]
    #[test]
    fn starts_and_the_elbow_are_the_same_on_one_and_two_threads() {
        use crate::par::on_threads;
        let data = wholesale();
        let params = KMeansParams::new(3).seed(11);
        let model = || params.fit(&data, &[]).unwrap();
        assert_eq!(on_threads(1, model), on_threads(2, model));
        let curve = || elbow(&data, 2..=6, &params, 200, &mut Silent).unwrap();
        let (one, two) = (on_threads(1, curve), on_threads(2, curve));
        assert_eq!(one, two);
        assert_eq!(one.len(), 5);
    }

    #[test]
    fn same_seed_same_model_and_steps_report_progress() {
        let data = wholesale();
        let a = KMeansParams::new(4).seed(7).fit(&data, &[]).unwrap();
        let b = KMeansParams::new(4).seed(7).fit(&data, &[]).unwrap();
        assert_eq!(a, b);
        let mut reports = 0;
        let mut stop_after_three = |_: crate::progress::Stage, _: u64, _: u64| {
            reports += 1;
            if reports == 3 {
                Control::Stop
            } else {
                Control::Continue
            }
        };
        let err = KMeansParams::new(4)
            .fit_with(&data, &[], &mut stop_after_three)
            .unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Cancelled);
    }

    #[test]
    fn lloyd_steps_never_raise_inertia() {
        let data = wholesale();
        let centers = kmeans_plus_plus(&data, 5, &mut seeded(1));
        let mut state = LloydState::new(&data, centers, 300, 0.0);
        let mut last = f64::INFINITY;
        while !state.is_done() {
            let info = state.next_iter();
            assert!(info.inertia <= last + 1e-9);
            last = info.inertia;
        }
        let model = state.finish();
        assert!(model.converged);
        assert_eq!(model.sizes.iter().sum::<usize>(), data.n_rows());
    }
}
