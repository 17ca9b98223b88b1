//! Least squares by Householder QR.
//!
//! Written by hand rather than pulled from a linear-algebra crate: the systems here are
//! small (hundreds of features at most), the code is a few dozen lines, it compiles to
//! wasm without BLAS, and QR avoids squaring the condition number as the normal equations
//! would. Columns that are (numerically) linear combinations of earlier ones, as a full
//! one-hot block beside an intercept, are skipped and get coefficient 0; predictions are
//! unaffected (Golub & Van Loan, *Matrix Computations*, §5.3–5.4).

/// Solves `min ‖a x − b‖₂` for `a` with `m` rows and `n` columns (row-major). Returns the
/// solution and, per column, whether it was kept (false: dependent on earlier columns).
pub(crate) fn least_squares(a: &[f64], b: &[f64], m: usize, n: usize) -> (Vec<f64>, Vec<bool>) {
    // Work column-major: Householder reflections act on columns.
    let mut cols: Vec<Vec<f64>> = (0..n)
        .map(|j| (0..m).map(|i| a[i * n + j]).collect())
        .collect();
    let mut rhs = b.to_vec();
    let norms: Vec<f64> = cols
        .iter()
        .map(|c| c.iter().map(|v| v * v).sum::<f64>().sqrt())
        .collect();
    let mut kept = vec![false; n];
    // Row of R for each kept column, and R itself stored by column.
    let mut pivot_row = vec![usize::MAX; n];
    let mut r = 0;
    for j in 0..n {
        if r >= m {
            break;
        }
        let tail_norm = cols[j][r..].iter().map(|v| v * v).sum::<f64>().sqrt();
        if tail_norm <= 1e-10 * norms[j].max(f64::MIN_POSITIVE) || tail_norm == 0.0 {
            continue;
        }
        // v = x + sign(x0)‖x‖e1, so that the reflection does not cancel digits.
        let alpha = if cols[j][r] >= 0.0 {
            -tail_norm
        } else {
            tail_norm
        };
        let mut v: Vec<f64> = cols[j][r..].to_vec();
        v[0] -= alpha;
        let v_norm2: f64 = v.iter().map(|x| x * x).sum();
        if v_norm2 > 0.0 {
            for c in cols.iter_mut().skip(j) {
                reflect(&mut c[r..], &v, v_norm2);
            }
            reflect(&mut rhs[r..], &v, v_norm2);
        }
        kept[j] = true;
        pivot_row[j] = r;
        r += 1;
    }
    // Back substitution on the kept columns.
    let mut x = vec![0.0; n];
    for j in (0..n).rev() {
        if !kept[j] {
            continue;
        }
        let row = pivot_row[j];
        let mut sum = rhs[row];
        for k in j + 1..n {
            if kept[k] {
                sum -= cols[k][row] * x[k];
            }
        }
        x[j] = sum / cols[j][row];
    }
    (x, kept)
}

fn reflect(x: &mut [f64], v: &[f64], v_norm2: f64) {
    let dot: f64 = x.iter().zip(v).map(|(a, b)| a * b).sum();
    let scale = 2.0 * dot / v_norm2;
    for (xi, vi) in x.iter_mut().zip(v) {
        *xi -= scale * vi;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_an_exact_system_and_skips_a_dependent_column() {
        // Columns: 1, x, 2x (dependent). y = 1 + 3x.
        let xs = [0.0, 1.0, 2.0, 3.0];
        let a: Vec<f64> = xs.iter().flat_map(|&x| [1.0, x, 2.0 * x]).collect();
        let b: Vec<f64> = xs.iter().map(|x| 1.0 + 3.0 * x).collect();
        let (sol, kept) = least_squares(&a, &b, 4, 3);
        assert_eq!(kept, vec![true, true, false]);
        assert!((sol[0] - 1.0).abs() < 1e-12 && (sol[1] - 3.0).abs() < 1e-12);
        assert!(sol[2].abs() < 1e-15);
    }
}
