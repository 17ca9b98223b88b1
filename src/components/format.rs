//! Numbers as people read them in a table: grouped digits, few decimals.

/// `1234567` → `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A statistic with at most four decimals and no trailing zeros: `147.0425`, `0.7`, `-3`.
pub fn stat(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A share as a percentage with one decimal: `12.5%`; `0%` for none at all.
pub fn percent(value: f64) -> String {
    if value <= 0.0 {
        "0%".to_string()
    } else {
        format!("{value:.1}%")
    }
}

/// A fraction (0..=1) as a percentage, with as many decimals as a small share needs to
/// be told apart from zero: `47.8%`, `0.53%`, `0.012%`; `0%` for none at all. The Baskets
/// page writes every share of baskets and every confidence with it, so the same quantity
/// reads the same in the table, the companion lists and the tooltips.
pub fn share(fraction: f64) -> String {
    let value = fraction * 100.0;
    if value.is_nan() || value <= 0.0 {
        "0%".to_string()
    } else if value >= 1.0 {
        format!("{value:.1}%")
    } else if value >= 0.1 {
        format!("{value:.2}%")
    } else {
        format!("{value:.3}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        let cases: &[(u64, &str)] = &[
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1234567, "1,234,567"),
        ];
        for (n, want) in cases {
            assert_eq!(grouped(*n), *want);
        }
        let stats: &[(f64, &str)] = &[
            (147.0425, "147.0425"),
            (0.7, "0.7"),
            (-3.0, "-3"),
            (2.00004, "2"),
            (-0.00001, "0"),
            (1e6, "1000000"),
        ];
        for (value, want) in stats {
            assert_eq!(stat(*value), *want, "{value}");
        }
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(12.345), "12.3%");
        for (fraction, want) in [
            (0.0, "0%"),
            (0.478, "47.8%"),
            (1.0, "100.0%"),
            (0.0053, "0.53%"),
            (0.00012, "0.012%"),
        ] {
            assert_eq!(share(fraction), want, "{fraction}");
        }
    }
}
