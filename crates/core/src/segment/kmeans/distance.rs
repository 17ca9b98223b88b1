//! The distance both k-means steps measure with, in a leaf module so that seeding
//! (`init`) and Lloyd's iterations (`algorithm`) share it without depending on each other.

/// Squared Euclidean distance between two rows of equal length.
pub(crate) fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_the_squared_differences() {
        assert!((squared_distance(&[1.0, 2.0], &[4.0, -2.0]) - 25.0).abs() < 1e-12);
        assert!(squared_distance(&[], &[]).abs() < 1e-12);
    }
}
