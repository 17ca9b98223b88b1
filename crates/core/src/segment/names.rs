//! The standard named RFM segments and the R/F score grid that assigns them.
//!
//! The grid follows the map most RFM tutorials use (the "RFM segmentation" regex map over the
//! recency and frequency scores), with the bottom corner split off as *Lost*:
//!
//! | R \ F | 1 | 2 | 3 | 4 | 5 |
//! |---|---|---|---|---|---|
//! | **5** | New | Potential loyalists | Potential loyalists | Champions | Champions |
//! | **4** | Promising | Potential loyalists | Potential loyalists | Loyal | Loyal |
//! | **3** | About to sleep | About to sleep | Need attention | Loyal | Loyal |
//! | **2** | Hibernating | Hibernating | At risk | At risk | Can't lose them |
//! | **1** | Lost | Hibernating | At risk | At risk | Can't lose them |
//!
//! The monetary score is reported beside the segment but does not move a customer between
//! segments, as in that map.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A named customer segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// Bought recently, buy often.
    Champions,
    /// Buy often, fairly recently.
    Loyal,
    /// Recent customers with a few orders.
    PotentialLoyalists,
    /// Bought very recently, once.
    New,
    /// Recent, once.
    Promising,
    /// Average recency and frequency.
    NeedAttention,
    /// Below-average recency and frequency.
    AboutToSleep,
    /// Used to buy often, not lately.
    AtRisk,
    /// Used to buy the most, long ago.
    CantLoseThem,
    /// Long ago and rarely.
    Hibernating,
    /// The longest ago, once.
    Lost,
}

impl Segment {
    /// Every segment, best first (the order charts and tables use).
    pub const ALL: [Segment; 11] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalists,
        Segment::New,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::AtRisk,
        Segment::CantLoseThem,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The segment of recency score `r` and frequency score `f` (each 1–5; values outside
    /// are clamped into 1–5).
    pub fn from_scores(r: u8, f: u8) -> Segment {
        let (r, f) = (r.clamp(1, 5), f.clamp(1, 5));
        match r {
            1 | 2 => match f {
                1 if r == 1 => Segment::Lost,
                1 | 2 => Segment::Hibernating,
                3 | 4 => Segment::AtRisk,
                _ => Segment::CantLoseThem,
            },
            3 => match f {
                1 | 2 => Segment::AboutToSleep,
                3 => Segment::NeedAttention,
                _ => Segment::Loyal,
            },
            4 => match f {
                1 => Segment::Promising,
                2 | 3 => Segment::PotentialLoyalists,
                _ => Segment::Loyal,
            },
            _ => match f {
                1 => Segment::New,
                2 | 3 => Segment::PotentialLoyalists,
                _ => Segment::Champions,
            },
        }
    }

    /// A stable machine name (`champions`, `cant_lose_them`...), as in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Segment::Champions => "champions",
            Segment::Loyal => "loyal",
            Segment::PotentialLoyalists => "potential_loyalists",
            Segment::New => "new",
            Segment::Promising => "promising",
            Segment::NeedAttention => "need_attention",
            Segment::AboutToSleep => "about_to_sleep",
            Segment::AtRisk => "at_risk",
            Segment::CantLoseThem => "cant_lose_them",
            Segment::Hibernating => "hibernating",
            Segment::Lost => "lost",
        }
    }

    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Segment::Champions => lang.pick("冠军客户", "Champions"),
            Segment::Loyal => lang.pick("忠诚客户", "Loyal"),
            Segment::PotentialLoyalists => lang.pick("潜在忠诚客户", "Potential loyalists"),
            Segment::New => lang.pick("新客户", "New"),
            Segment::Promising => lang.pick("有潜力客户", "Promising"),
            Segment::NeedAttention => lang.pick("需要关注", "Need attention"),
            Segment::AboutToSleep => lang.pick("即将沉睡", "About to sleep"),
            Segment::AtRisk => lang.pick("有流失风险", "At risk"),
            Segment::CantLoseThem => lang.pick("不能失去", "Can't lose them"),
            Segment::Hibernating => lang.pick("沉睡客户", "Hibernating"),
            Segment::Lost => lang.pick("已流失", "Lost"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_matches_the_documented_map() {
        // Rows R = 5..1, columns F = 1..5, as in the module doc.
        use Segment::*;
        let grid = [
            [
                New,
                PotentialLoyalists,
                PotentialLoyalists,
                Champions,
                Champions,
            ],
            [
                Promising,
                PotentialLoyalists,
                PotentialLoyalists,
                Loyal,
                Loyal,
            ],
            [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
            [Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
            [Lost, Hibernating, AtRisk, AtRisk, CantLoseThem],
        ];
        for (i, row) in grid.iter().enumerate() {
            for (j, expected) in row.iter().enumerate() {
                let (r, f) = (5 - i as u8, j as u8 + 1);
                assert_eq!(Segment::from_scores(r, f), *expected, "R{r} F{f}");
            }
        }
    }

    #[test]
    fn every_segment_is_named_in_both_languages() {
        for s in Segment::ALL {
            assert!(!s.label(Lang::Zh).is_empty() && !s.label(Lang::En).is_empty());
            assert_ne!(s.label(Lang::Zh), s.label(Lang::En));
            assert_eq!(serde_json::to_value(s).unwrap(), s.key());
        }
    }
}
