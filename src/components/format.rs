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
    }
}
