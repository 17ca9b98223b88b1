//! Train/test splits with a seed, optionally stratified by class (as scikit-learn's
//! `train_test_split`: the test part has `ceil(test_size × n)` rows).

use crate::rt::seeded;
use crate::{Allowed, Counted, Error, Result};
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

/// Row indices of a training part and a held-out part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// Rows to fit on.
    pub train: Vec<usize>,
    /// Rows to score on.
    pub test: Vec<usize>,
}

/// Splits `n` rows at random; `stratify` (class per row) keeps class shares equal in both
/// parts. Errors when either part would be empty.
pub fn train_test_split(
    n: usize,
    test_size: f64,
    seed: u64,
    stratify: Option<&[usize]>,
) -> Result<Split> {
    if !(test_size > 0.0 && test_size < 1.0) {
        return Err(Error::invalid_parameter(
            "test_size",
            test_size,
            Allowed::OpenUnit,
        ));
    }
    let n_test = (test_size * n as f64).ceil() as usize;
    if n_test == 0 || n_test >= n {
        return Err(Error::not_enough(Counted::Rows, 2, n));
    }
    let mut rng = seeded(seed);
    match stratify {
        None => {
            let mut rows: Vec<usize> = (0..n).collect();
            rows.shuffle(&mut rng);
            let train = rows.split_off(n_test);
            Ok(Split { train, test: rows })
        }
        Some(classes) => {
            if classes.len() != n {
                return Err(Error::invalid_parameter(
                    crate::Term::ClassLabelCount,
                    classes.len(),
                    crate::Allowed::count(n, crate::Per::Row),
                ));
            }
            let n_classes = classes.iter().max().map_or(0, |m| m + 1);
            let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); n_classes];
            for (r, &c) in classes.iter().enumerate() {
                by_class[c].push(r);
            }
            // Each class gives the floor of its share; the rows left go to the classes with
            // the largest remainders (ties to the larger class, then the lower index).
            let exact: Vec<f64> = by_class
                .iter()
                .map(|rows| rows.len() as f64 * n_test as f64 / n as f64)
                .collect();
            let mut take: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
            let mut left = n_test - take.iter().sum::<usize>();
            let mut order: Vec<usize> = (0..n_classes).collect();
            order.sort_by(|&a, &b| {
                (exact[b] - exact[b].floor())
                    .total_cmp(&(exact[a] - exact[a].floor()))
                    .then(by_class[b].len().cmp(&by_class[a].len()))
            });
            for &c in order.iter().cycle().take(n_classes * 2) {
                if left == 0 {
                    break;
                }
                if take[c] < by_class[c].len() {
                    take[c] += 1;
                    left -= 1;
                }
            }
            let (mut train, mut test) = (Vec::new(), Vec::new());
            for (c, rows) in by_class.iter_mut().enumerate() {
                rows.shuffle(&mut rng);
                test.extend_from_slice(&rows[..take[c]]);
                train.extend_from_slice(&rows[take[c]..]);
            }
            train.shuffle(&mut rng);
            test.shuffle(&mut rng);
            Ok(Split { train, test })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_sklearn_and_seed_repeats() {
        let s = train_test_split(12_330, 0.2, 42, None).unwrap();
        assert_eq!((s.train.len(), s.test.len()), (9_864, 2_466));
        assert_eq!(s, train_test_split(12_330, 0.2, 42, None).unwrap());
        assert_ne!(s, train_test_split(12_330, 0.2, 43, None).unwrap());
        let mut all: Vec<usize> = s.train.iter().chain(&s.test).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..12_330).collect::<Vec<_>>());
    }

    #[test]
    fn stratified_keeps_class_shares() {
        // 90 of class 0, 10 of class 1: a 20% test part has 18 and 2.
        let classes: Vec<usize> = (0..100).map(|i| usize::from(i >= 90)).collect();
        let s = train_test_split(100, 0.2, 1, Some(&classes)).unwrap();
        assert_eq!(s.test.len(), 20);
        assert_eq!(s.test.iter().filter(|&&r| classes[r] == 1).count(), 2);
    }

    #[test]
    fn bad_sizes_are_errors() {
        assert!(train_test_split(10, 0.0, 1, None).is_err());
        assert!(train_test_split(10, 1.5, 1, None).is_err());
        assert!(train_test_split(1, 0.5, 1, None).is_err());
    }
}
