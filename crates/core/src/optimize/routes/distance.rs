//! Distances between stops: TSPLIB's rounded Euclidean, plain Euclidean and haversine.

use serde::{Deserialize, Serialize};

/// Mean Earth radius in kilometres (IUGG), used by the haversine distance.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// How the distance between two coordinate pairs is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// TSPLIB `EUC_2D`: Euclidean distance rounded to the nearest integer,
    /// `nint(x) = (int)(x + 0.5)`, before summing.
    Euc2dRounded,
    /// Euclidean distance on x/y coordinates, unrounded.
    Euclidean,
    /// Great-circle distance in kilometres on latitude/longitude in degrees.
    Haversine,
}

impl Metric {
    /// Distance between `a` and `b` (`[x, y]`, or `[latitude, longitude]` for haversine).
    pub fn distance(self, a: [f64; 2], b: [f64; 2]) -> f64 {
        match self {
            Metric::Euc2dRounded => (euclidean(a, b) + 0.5).floor(),
            Metric::Euclidean => euclidean(a, b),
            Metric::Haversine => haversine_km(a, b),
        }
    }

    /// The unit of lengths under this metric, in the user's language.
    pub fn unit(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Metric::Haversine, crate::Lang::En) => "km",
            (Metric::Haversine, crate::Lang::Zh) => "公里",
            (_, crate::Lang::En) => "units",
            (_, crate::Lang::Zh) => "单位",
        }
    }
}

fn euclidean(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// Great-circle distance in kilometres between two `[latitude, longitude]` points in degrees.
pub fn haversine_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (lat1, lat2) = (a[0].to_radians(), b[0].to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b[1] - a[1]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// All pairwise distances of a set of points, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct DistanceMatrix {
    n: usize,
    values: Vec<f64>,
}

impl DistanceMatrix {
    /// Measures every pair of `points` under `metric`.
    pub fn new(points: &[[f64; 2]], metric: Metric) -> DistanceMatrix {
        let n = points.len();
        let mut values = vec![0.0; n * n];
        for i in 0..n {
            for j in (i + 1)..n {
                let d = metric.distance(points[i], points[j]);
                values[i * n + j] = d;
                values[j * n + i] = d;
            }
        }
        DistanceMatrix { n, values }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Distance from `i` to `j`.
    #[inline]
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.values[i * self.n + j]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsplib_rounding_is_nint() {
        // 3-4-5 triangle, then distances whose fraction is just below and above one half.
        let cases = [
            ([0.0, 0.0], [3.0, 4.0], 5.0),
            ([0.0, 0.0], [1.0, 1.0], 1.0),          // 1.414
            ([0.0, 0.0], [1.0, 2.0], 2.0),          // 2.236
            ([0.0, 0.0], [2.0, 2.0], 3.0),          // 2.828
            ([565.0, 575.0], [25.0, 185.0], 666.0), // berlin52 nodes 1 and 2: 665.76
        ];
        for (a, b, want) in cases {
            assert!(
                (Metric::Euc2dRounded.distance(a, b) - want).abs() < 1e-12,
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn haversine_matches_known_city_pairs() {
        // Paris (48.8566, 2.3522) to London (51.5074, -0.1278): about 343.5 km;
        // one degree of latitude along a meridian is about 111.19 km.
        let d = haversine_km([48.8566, 2.3522], [51.5074, -0.1278]);
        assert!((d - 343.5).abs() < 1.0, "{d}");
        let d = haversine_km([0.0, 0.0], [1.0, 0.0]);
        assert!((d - 111.195).abs() < 0.01, "{d}");
    }
}
