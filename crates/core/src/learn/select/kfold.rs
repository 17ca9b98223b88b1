//! k-fold and stratified k-fold cross-validation folds (scikit-learn's `KFold` and,
//! in spirit, `StratifiedKFold`: each class is dealt round-robin over the folds, so
//! every fold holds about the same share of it).

use super::split::Split;
use crate::rt::seeded;
use crate::{Allowed, Counted, Error, Result};
use rand::seq::SliceRandom;

fn check_k(k: usize, n: usize) -> Result<()> {
    if k < 2 {
        return Err(Error::invalid_parameter("folds", k, Allowed::AtLeast(2.0)));
    }
    if k > n {
        return Err(Error::invalid_parameter(
            "folds",
            k,
            Allowed::AtMost(n as f64),
        ));
    }
    Ok(())
}

fn folds_from(assignment: &[usize], k: usize) -> Vec<Split> {
    (0..k)
        .map(|f| Split {
            train: (0..assignment.len())
                .filter(|&r| assignment[r] != f)
                .collect(),
            test: (0..assignment.len())
                .filter(|&r| assignment[r] == f)
                .collect(),
        })
        .collect()
}

/// `k` folds of `n` rows: the first `n % k` folds get one extra row. With `shuffle`, rows
/// are permuted with `seed` first; otherwise folds are consecutive blocks.
pub fn k_fold(n: usize, k: usize, shuffle: bool, seed: u64) -> Result<Vec<Split>> {
    check_k(k, n)?;
    let mut rows: Vec<usize> = (0..n).collect();
    if shuffle {
        rows.shuffle(&mut seeded(seed));
    }
    let mut assignment = vec![0; n];
    let mut start = 0;
    for f in 0..k {
        let size = n / k + usize::from(f < n % k);
        for &r in &rows[start..start + size] {
            assignment[r] = f;
        }
        start += size;
    }
    Ok(folds_from(&assignment, k))
}

/// `k` folds that keep class shares: each class's rows (shuffled with `seed`) are dealt
/// to the folds in turn. Every class needs at least `k` rows.
pub fn stratified_k_fold(classes: &[usize], k: usize, seed: u64) -> Result<Vec<Split>> {
    check_k(k, classes.len())?;
    let n_classes = classes.iter().max().map_or(0, |m| m + 1);
    let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); n_classes];
    for (r, &c) in classes.iter().enumerate() {
        by_class[c].push(r);
    }
    let mut rng = seeded(seed);
    let mut assignment = vec![0; classes.len()];
    let mut next = 0;
    for rows in &mut by_class {
        if !rows.is_empty() && rows.len() < k {
            return Err(Error::not_enough(Counted::RowsOfEachClass, k, rows.len()));
        }
        rows.shuffle(&mut rng);
        for &r in rows.iter() {
            assignment[r] = next % k;
            next += 1;
        }
    }
    Ok(folds_from(&assignment, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_sizes_like_sklearn() {
        let folds = k_fold(10, 3, false, 0).unwrap();
        let sizes: Vec<usize> = folds.iter().map(|f| f.test.len()).collect();
        assert_eq!(sizes, vec![4, 3, 3]);
        assert_eq!(folds[0].test, vec![0, 1, 2, 3]);
        assert!(k_fold(3, 4, false, 0).is_err());
    }

    #[test]
    fn stratified_folds_share_the_minority() {
        let classes: Vec<usize> = (0..50).map(|i| usize::from(i % 5 == 0)).collect();
        for f in stratified_k_fold(&classes, 5, 3).unwrap() {
            assert_eq!(f.test.len(), 10);
            assert_eq!(f.test.iter().filter(|&&r| classes[r] == 1).count(), 2);
        }
        assert!(stratified_k_fold(&[0, 0, 0, 1], 2, 0).is_err());
    }
}
