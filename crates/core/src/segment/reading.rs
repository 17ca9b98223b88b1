//! Checks a named RFM segment against how its customers actually behave, relative to the
//! whole customer base, and says why in words.
//!
//! The quintile score grid of [`super::names`] follows the tutorials, but quintiles of tied
//! values can put long-gone customers in a "Loyal" cell (when most customers bought once,
//! frequency score 4 can mean one order). Each segment name promises something: *Loyal*
//! and *Champions* bought recently and often, *At risk* bought more than once but not
//! lately...
//! [`read_segment`] compares the segment's mean recency, frequency and monetary value with
//! the **median customer** of the whole base and keeps the name only when the promise
//! holds; otherwise it names the segment from what its customers did:
//!
//! | recent (mean recency ≤ median) | frequent (mean orders ≥ median, and > 1) | name |
//! |---|---|---|
//! | yes | yes | Champions when they also spend more than the median, else Loyal |
//! | yes | no | New when they bought once, else Promising |
//! | no | yes | Can't lose them when they spend more than the median, else At risk |
//! | no | no | Lost when they bought once, else Hibernating |
//!
//! The [`Reason`] keeps the numbers ("bought 315 days ago on average vs 95 for the typical
//! customer") so the page can show why a segment has its name, in both languages.

use super::names::Segment;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// The whole customer base's typical (median) customer.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Typical {
    /// Median days since the last order.
    pub recency: f64,
    /// Median number of orders.
    pub frequency: f64,
    /// Median money spent.
    pub monetary: f64,
}

impl Typical {
    /// The medians of the three values over every customer (zeros for none).
    pub fn of(recency: &[f64], frequency: &[f64], monetary: &[f64]) -> Typical {
        Typical {
            recency: median(recency),
            frequency: median(frequency),
            monetary: median(monetary),
        }
    }
}

/// Why a segment has its name: its means beside the typical customer's.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Reason {
    /// The segment's mean days since the last order.
    pub recency: f64,
    /// Its mean number of orders.
    pub frequency: f64,
    /// Its mean money spent.
    pub monetary: f64,
    /// The whole base's median customer.
    pub typical: Typical,
    /// The name the score grid gave, when the behaviour did not match it and the segment
    /// was renamed.
    pub grid: Option<Segment>,
}

impl Reason {
    /// Whether the segment bought more recently than the typical customer.
    pub fn recent(&self) -> bool {
        self.recency <= self.typical.recency
    }

    /// Whether it buys more often than the typical customer (and more than once).
    pub fn frequent(&self) -> bool {
        self.frequency >= self.typical.frequency && self.frequency > 1.0
    }

    /// Whether it spends more than the typical customer.
    pub fn big_spender(&self) -> bool {
        self.monetary > self.typical.monetary
    }

    /// The reason in words, e.g. "bought 12 days ago on average vs 95 for the typical
    /// customer; 5.2 orders vs 2; spent 1,234 vs 310".
    pub fn text(&self, lang: Lang) -> String {
        let (r, f, m) = (self.recency, self.frequency, self.monetary);
        let t = self.typical;
        let mut text = match lang {
            Lang::Zh => format!(
                "平均 {} 天前购买（典型客户 {} 天）；{} 单（典型 {}）；消费 {}（典型 {}）",
                whole(r),
                whole(t.recency),
                one_decimal(f),
                one_decimal(t.frequency),
                whole(m),
                whole(t.monetary)
            ),
            Lang::En => format!(
                "bought {} days ago on average vs {} for the typical customer; {} orders vs {}; spent {} vs {}",
                whole(r),
                whole(t.recency),
                one_decimal(f),
                one_decimal(t.frequency),
                whole(m),
                whole(t.monetary)
            ),
        };
        if let Some(grid) = self.grid {
            text.push_str(&match lang {
                Lang::Zh => format!("。评分表原名“{}”与行为不符，已改名。", grid.label(lang)),
                Lang::En => format!(
                    ". The score grid called it “{}”, which its behaviour does not bear out.",
                    grid.label(lang)
                ),
            });
        }
        text
    }
}

/// The name segment `grid` keeps, or gets, given its customers' `reason` (whose `grid`
/// field is filled when the name changes).
pub fn read_segment(grid: Segment, mut reason: Reason) -> (Segment, Reason) {
    let (recent, frequent) = (reason.recent(), reason.frequent());
    let holds = match grid {
        Segment::Champions | Segment::Loyal => recent && frequent,
        Segment::PotentialLoyalists | Segment::New | Segment::Promising => recent,
        Segment::NeedAttention => true,
        // "At risk" are repeat customers who have lapsed; "Can't lose them" also bought
        // at least as often as the typical customer.
        Segment::AtRisk => !recent && reason.frequency > 1.0,
        Segment::CantLoseThem => !recent && frequent,
        Segment::AboutToSleep | Segment::Hibernating | Segment::Lost => !recent,
    };
    if holds {
        return (grid, reason);
    }
    let once = reason.frequency <= 1.0;
    let name = match (recent, frequent) {
        (true, true) if reason.big_spender() => Segment::Champions,
        (true, true) => Segment::Loyal,
        (true, false) if once => Segment::New,
        (true, false) => Segment::Promising,
        (false, true) if reason.big_spender() => Segment::CantLoseThem,
        (false, true) => Segment::AtRisk,
        (false, false) if once => Segment::Lost,
        (false, false) => Segment::Hibernating,
    };
    if name != grid {
        reason.grid = Some(grid);
    }
    (name, reason)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return 0.0;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

fn whole(value: f64) -> String {
    let rounded = value.round();
    let digits = format!("{}", rounded.abs() as u64);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if rounded < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPICAL: Typical = Typical {
        recency: 95.0,
        frequency: 2.0,
        monetary: 300.0,
    };

    fn reason(recency: f64, frequency: f64, monetary: f64) -> Reason {
        Reason {
            recency,
            frequency,
            monetary,
            typical: TYPICAL,
            grid: None,
        }
    }

    #[test]
    fn names_follow_behaviour_relative_to_the_typical_customer() {
        use Segment::*;
        // (grid name, recency, frequency, monetary) → name kept or given.
        let cases = [
            (Loyal, 12.0, 5.0, 900.0, Loyal),
            (Loyal, 315.0, 3.0, 200.0, AtRisk),
            (Loyal, 315.0, 3.0, 900.0, CantLoseThem),
            (Loyal, 315.0, 1.0, 50.0, Lost),
            (Champions, 20.0, 1.0, 80.0, New),
            (Champions, 20.0, 1.5, 80.0, Promising),
            (AtRisk, 30.0, 4.0, 200.0, Loyal),
            (AtRisk, 30.0, 4.0, 800.0, Champions),
            (Hibernating, 200.0, 1.4, 90.0, Hibernating),
            (Hibernating, 40.0, 1.4, 90.0, Promising),
            (NeedAttention, 400.0, 1.0, 10.0, NeedAttention),
            (Lost, 300.0, 2.5, 120.0, Lost),
            // The Online Retail sample's "At risk": 1.88 orders vs a median of 2, lapsed.
            (AtRisk, 188.2, 1.88, 68.5, AtRisk),
            (AtRisk, 188.2, 1.0, 68.5, Lost),
        ];
        for (grid, r, f, m, want) in cases {
            let (got, why) = read_segment(grid, reason(r, f, m));
            assert_eq!(got, want, "{grid:?} with R {r}, F {f}, M {m}");
            assert_eq!(why.grid, (got != grid).then_some(grid));
        }
    }

    #[test]
    fn the_reason_states_both_numbers_in_both_languages() {
        let (_, why) = read_segment(Segment::Loyal, reason(315.4, 3.0, 1234.5));
        let en = why.text(Lang::En);
        assert!(
            en.starts_with("bought 315 days ago on average vs 95"),
            "{en}"
        );
        assert!(
            en.contains("3 orders vs 2") && en.contains("spent 1,235 vs 300"),
            "{en}"
        );
        assert!(en.contains("“Loyal”"), "{en}");
        let zh = why.text(Lang::Zh);
        assert!(
            zh.contains("平均 315 天前购买（典型客户 95 天）") && zh.contains("忠诚客户"),
            "{zh}"
        );
    }

    #[test]
    fn medians_of_even_and_empty_lists() {
        let t = Typical::of(&[1.0, 3.0, 10.0, 2.0], &[], &[5.0]);
        assert_eq!(t.recency.to_bits(), 2.5f64.to_bits());
        assert_eq!(t.frequency.to_bits(), 0f64.to_bits());
        assert_eq!(t.monetary.to_bits(), 5f64.to_bits());
    }
}
