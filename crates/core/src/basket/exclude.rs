//! Items that are not products: placeholders (`NONE`, `N/A`), bags, postage, manual
//! adjustments, gift wrap, free gifts. [`suggest_exclusions`] finds them by name (whole
//! names, and phrases such as "postage" or 运费 inside a name), by an implausibly large
//! share of the baskets, and by a price that was never positive; the builder leaves out
//! the ones the user confirms ([`super::BuildOptions::exclude_items`]).
//!
//! Such items distort rules: the bakery data's `NONE` (a till placeholder) sits in
//! thousands of baskets, so `{NONE, Tartine} → Coffee` tops the list; `POSTAGE` is in
//! nearly every foreign order of Online Retail.

use super::Transactions;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// An item the user asked to exclude, and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    /// The name asked for (trimmed).
    pub name: String,
    /// Baskets it was removed from (0 when no item has this exact name).
    pub baskets: usize,
    /// When no item has this exact name: items equal to it but for case.
    pub case_matches: Vec<String>,
}

/// Why an item is suggested for exclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    /// A placeholder for no item: `NONE`, `N/A`, `-`, `无`.
    Placeholder,
    /// A carrier bag or bag charge.
    Bag,
    /// Postage, shipping or delivery.
    Shipping,
    /// A manual entry, fee, discount or adjustment.
    Manual,
    /// Gift wrapping.
    GiftWrap,
    /// A free gift handed out with orders (赠品).
    FreeGift,
    /// In so many of the baskets (at least [`MOST_BASKETS`]) that it is more likely a
    /// charge or a marker added to every order than a product chosen.
    InMostBaskets,
    /// Order lines with prices, but never a positive one for this item: a free add-on,
    /// a discount or an adjustment.
    NoPrice,
}

/// An item in at least this share of the baskets (and in at least [`MOST_MIN_BASKETS`]
/// of them) is suggested as not a product. Real staples stay below it: the bakery's
/// coffee is in 48 % of its baskets, Groceries' whole milk in 26 %.
pub const MOST_BASKETS: f64 = 0.8;

/// Fewer baskets than this say nothing about a share.
pub const MOST_MIN_BASKETS: usize = 20;

impl ExclusionReason {
    /// The code used in JSON and the CLI: `placeholder`, `bag`, `shipping`, `manual`,
    /// `gift_wrap`.
    pub fn code(self) -> &'static str {
        match self {
            ExclusionReason::Placeholder => "placeholder",
            ExclusionReason::Bag => "bag",
            ExclusionReason::Shipping => "shipping",
            ExclusionReason::Manual => "manual",
            ExclusionReason::GiftWrap => "gift_wrap",
            ExclusionReason::FreeGift => "free_gift",
            ExclusionReason::InMostBaskets => "in_most_baskets",
            ExclusionReason::NoPrice => "no_price",
        }
    }

    /// The reason as shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExclusionReason::Placeholder => {
                lang.pick("占位符（不是商品）", "placeholder, not a product")
            }
            ExclusionReason::Bag => lang.pick("购物袋", "bag"),
            ExclusionReason::Shipping => lang.pick("运费/邮费", "shipping or postage"),
            ExclusionReason::Manual => lang.pick("手工调整/费用", "manual entry or fee"),
            ExclusionReason::GiftWrap => lang.pick("礼品包装", "gift wrap"),
            ExclusionReason::FreeGift => lang.pick("赠品", "free gift"),
            ExclusionReason::InMostBaskets => {
                lang.pick("几乎每个购物篮都有", "in nearly every basket")
            }
            ExclusionReason::NoPrice => lang.pick("价格从不为正", "never sold at a price"),
        }
    }
}

/// Names (lower case, trimmed, inner spaces kept) and their reason.
const KNOWN: &[(&str, ExclusionReason)] = &[
    ("none", ExclusionReason::Placeholder),
    ("n/a", ExclusionReason::Placeholder),
    ("na", ExclusionReason::Placeholder),
    ("null", ExclusionReason::Placeholder),
    ("nan", ExclusionReason::Placeholder),
    ("-", ExclusionReason::Placeholder),
    ("?", ExclusionReason::Placeholder),
    ("unknown", ExclusionReason::Placeholder),
    ("无", ExclusionReason::Placeholder),
    ("空", ExclusionReason::Placeholder),
    ("未知", ExclusionReason::Placeholder),
    ("bag", ExclusionReason::Bag),
    ("bags", ExclusionReason::Bag),
    ("carrier bag", ExclusionReason::Bag),
    ("carrier bags", ExclusionReason::Bag),
    ("plastic bag", ExclusionReason::Bag),
    ("paper bag", ExclusionReason::Bag),
    ("shopping bag", ExclusionReason::Bag),
    ("shopping bags", ExclusionReason::Bag),
    ("bag charge", ExclusionReason::Bag),
    ("购物袋", ExclusionReason::Bag),
    ("塑料袋", ExclusionReason::Bag),
    ("手提袋", ExclusionReason::Bag),
    ("post", ExclusionReason::Shipping),
    ("postage", ExclusionReason::Shipping),
    ("dot", ExclusionReason::Shipping),
    ("dotcom postage", ExclusionReason::Shipping),
    ("carriage", ExclusionReason::Shipping),
    ("c2", ExclusionReason::Shipping),
    ("shipping", ExclusionReason::Shipping),
    ("shipping fee", ExclusionReason::Shipping),
    ("delivery", ExclusionReason::Shipping),
    ("delivery charge", ExclusionReason::Shipping),
    ("运费", ExclusionReason::Shipping),
    ("邮费", ExclusionReason::Shipping),
    ("快递费", ExclusionReason::Shipping),
    ("manual", ExclusionReason::Manual),
    ("m", ExclusionReason::Manual),
    ("adjustment", ExclusionReason::Manual),
    ("adjust bad debt", ExclusionReason::Manual),
    ("discount", ExclusionReason::Manual),
    ("d", ExclusionReason::Manual),
    ("bank charges", ExclusionReason::Manual),
    ("amazon fee", ExclusionReason::Manual),
    ("amazonfee", ExclusionReason::Manual),
    ("cruk commission", ExclusionReason::Manual),
    ("samples", ExclusionReason::Manual),
    ("手续费", ExclusionReason::Manual),
    ("gift wrap", ExclusionReason::GiftWrap),
    ("gift wrapping", ExclusionReason::GiftWrap),
    ("giftwrap", ExclusionReason::GiftWrap),
    ("礼品包装", ExclusionReason::GiftWrap),
];

/// Phrases that mark a non-product wherever they stand in a name, as whole words (English,
/// lower case) or as part of the name (Chinese, which has no spaces): `DOTCOM POSTAGE`,
/// `顺丰运费`, `赠品-小样`, but not `JUMBO BAG RED` (a product that is a bag).
const PHRASES: &[(&str, ExclusionReason)] = &[
    ("postage", ExclusionReason::Shipping),
    ("shipping fee", ExclusionReason::Shipping),
    ("shipping charge", ExclusionReason::Shipping),
    ("delivery charge", ExclusionReason::Shipping),
    ("delivery fee", ExclusionReason::Shipping),
    ("carrier bag", ExclusionReason::Bag),
    ("bag charge", ExclusionReason::Bag),
    ("gift wrap", ExclusionReason::GiftWrap),
    ("gift wrapping", ExclusionReason::GiftWrap),
    ("bank charges", ExclusionReason::Manual),
    ("service charge", ExclusionReason::Manual),
    ("free gift", ExclusionReason::FreeGift),
    ("运费", ExclusionReason::Shipping),
    ("邮费", ExclusionReason::Shipping),
    ("快递费", ExclusionReason::Shipping),
    ("配送费", ExclusionReason::Shipping),
    ("包装袋", ExclusionReason::Bag),
    ("购物袋", ExclusionReason::Bag),
    ("手提袋", ExclusionReason::Bag),
    ("塑料袋", ExclusionReason::Bag),
    ("礼品包装", ExclusionReason::GiftWrap),
    ("赠品", ExclusionReason::FreeGift),
    ("手续费", ExclusionReason::Manual),
];

/// Whether `phrase` stands in `lower` as whole words (for phrases of ASCII letters) or
/// anywhere (for Chinese).
fn holds_phrase(lower: &str, phrase: &str) -> bool {
    if !phrase.is_ascii() {
        return lower.contains(phrase);
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// The reason an item name is not a product, if it is one of the known placeholders or
/// non-products (compared without case and surrounding spaces), or holds one of their
/// phrases.
pub fn exclusion_reason(name: &str) -> Option<ExclusionReason> {
    reason_by_name(name, |_| true)
}

/// The reason an item name is certainly not a product, for analyses that leave such
/// items out without asking (recommendations): a whole known name, or a phrase of postage,
/// shipping or fees inside a name. Bags, gift wrap and free gifts count only as whole
/// names here: shops sell `JUTE CARRIER BAG` and `ROMANTIC IMAGES GIFT WRAP SET`.
pub fn certain_non_product(name: &str) -> Option<ExclusionReason> {
    reason_by_name(name, |reason| {
        matches!(reason, ExclusionReason::Shipping | ExclusionReason::Manual)
    })
}

/// A whole known name's reason, else the reason of the first phrase inside the name whose
/// reason `phrase_counts` accepts.
fn reason_by_name(
    name: &str,
    phrase_counts: impl Fn(ExclusionReason) -> bool,
) -> Option<ExclusionReason> {
    let lower = name.trim().to_lowercase();
    KNOWN
        .iter()
        .find(|(known, _)| *known == lower)
        .or_else(|| {
            PHRASES
                .iter()
                .find(|&&(phrase, reason)| phrase_counts(reason) && holds_phrase(&lower, phrase))
        })
        .map(|&(_, reason)| reason)
}

/// The items of `transactions` that look like placeholders or non-products, most
/// frequent first, with their reason: by name, by a share of at least [`MOST_BASKETS`]
/// of the baskets, or (`unpriced`, from [`super::BuildReport::unpriced_items`]) by never
/// having a positive price. The tab shows them as suggestions (placeholders excluded at
/// once) and the CLI lists them; nothing else is excluded until the user confirms.
pub fn suggest_exclusions(
    transactions: &Transactions,
    unpriced: &[String],
) -> Vec<(String, ExclusionReason)> {
    let mut counts = vec![0usize; transactions.n_items()];
    for basket in &transactions.baskets {
        for &item in basket {
            counts[item as usize] += 1;
        }
    }
    let n = transactions.len();
    let most = |count: usize| n >= MOST_MIN_BASKETS && count as f64 >= MOST_BASKETS * n as f64;
    let mut found: Vec<(usize, String, ExclusionReason)> = transactions
        .items
        .iter()
        .enumerate()
        .filter_map(|(id, name)| {
            let reason = exclusion_reason(name)
                .or_else(|| most(counts[id]).then_some(ExclusionReason::InMostBaskets))
                .or_else(|| {
                    unpriced
                        .iter()
                        .any(|u| u == name)
                        .then_some(ExclusionReason::NoPrice)
                })?;
            Some((counts[id], name.clone(), reason))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().map(|(_, name, r)| (name, r)).collect()
}

/// Removes the items named in `names` (exact, after trimming) from every basket and from
/// the dictionary (the other items keep their order). Returns how many occurrences were
/// removed and, per name, how many baskets held it (or, when no item has that exact name,
/// the items that match it but for case).
pub(crate) fn exclude_items(
    transactions: &mut Transactions,
    names: &[String],
) -> (usize, Vec<Exclusion>) {
    let mut excluded = vec![false; transactions.n_items()];
    let mut report = Vec::with_capacity(names.len());
    let mut ids: Vec<Option<usize>> = Vec::with_capacity(names.len());
    for name in names {
        let name = name.trim();
        let id = transactions.items.iter().position(|i| i == name);
        if let Some(id) = id {
            excluded[id] = true;
        }
        ids.push(id);
        let case_matches = match id {
            Some(_) => Vec::new(),
            None => transactions
                .items
                .iter()
                .filter(|i| i.to_lowercase() == name.to_lowercase())
                .cloned()
                .collect(),
        };
        report.push(Exclusion {
            name: name.to_string(),
            baskets: 0,
            case_matches,
        });
    }
    if !excluded.iter().any(|&e| e) {
        return (0, report);
    }
    let mut holding = vec![0usize; transactions.n_items()];
    let mut new_id = vec![u32::MAX; transactions.n_items()];
    let mut next = 0u32;
    for (id, &gone) in excluded.iter().enumerate() {
        if !gone {
            new_id[id] = next;
            next += 1;
        }
    }
    let mut removed = 0;
    for basket in &mut transactions.baskets {
        let before = basket.len();
        basket.retain(|&i| {
            if excluded[i as usize] {
                holding[i as usize] += 1;
                false
            } else {
                true
            }
        });
        removed += before - basket.len();
        for i in basket.iter_mut() {
            *i = new_id[*i as usize];
        }
    }
    let mut id = 0;
    transactions.items.retain(|_| {
        id += 1;
        !excluded[id - 1]
    });
    for (entry, id) in report.iter_mut().zip(ids) {
        entry.baskets = id.map_or(0, |i| holding[i]);
    }
    (removed, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basket::{
        build_baskets, mine_rules, BuildOptions, MinSupport, MiningParams, RuleParams,
    };
    use crate::progress::Silent;

    /// A bakery-like till export (`testdata/basket-quirks`): `NONE` rides along in 80 of
    /// 200 baskets, so with it the top rule is `{NONE, Tartine} → Coffee`.
    fn bakery() -> String {
        include_str!("../../../../testdata/basket-quirks/bakery_none.csv").to_string()
    }

    #[test]
    fn the_bakery_placeholder_is_suggested_and_its_rules_go() {
        let bytes = bakery().into_bytes();
        let (tx, _) = build_baskets(&bytes, &BuildOptions::default()).unwrap();
        let suggested = suggest_exclusions(&tx, &[]);
        assert_eq!(
            suggested,
            [("NONE".to_string(), ExclusionReason::Placeholder)]
        );
        let mining = MiningParams::new(MinSupport::Fraction(0.05));
        let rules = mine_rules(&tx, &mining, &RuleParams::new(0.5), &mut Silent).unwrap();
        let has_none = |tx: &Transactions, r: &crate::basket::Rule| {
            r.antecedent
                .iter()
                .chain(&r.consequent)
                .any(|&i| tx.items[i as usize] == "NONE")
        };
        assert!(rules.rules.iter().any(|r| has_none(&tx, r)));
        let options = BuildOptions {
            exclude_items: suggested.into_iter().map(|(name, _)| name).collect(),
            ..BuildOptions::default()
        };
        let (tx, report) = build_baskets(&bytes, &options).unwrap();
        assert!(!tx.items.iter().any(|i| i == "NONE"));
        assert_eq!(report.excluded[0].baskets, 80);
        assert_eq!(report.removed.excluded_items, 80);
        // The baskets stay: N is unchanged.
        assert_eq!(tx.len(), 200);
        let rules = mine_rules(&tx, &mining, &RuleParams::new(0.5), &mut Silent).unwrap();
        assert!(!rules.rules.is_empty());
        assert!(!rules.rules.iter().any(|r| has_none(&tx, r)));
    }

    #[test]
    fn exclusion_is_exact_and_reports_case_matches() {
        let (mut tx, _) = Transactions::from_named([vec!["POSTAGE", "mug"], vec!["mug", "Bag"]]);
        let (removed, report) = exclude_items(&mut tx, &["postage".into(), " Bag ".into()]);
        assert_eq!(removed, 1);
        assert_eq!(tx.items, ["POSTAGE", "mug"]);
        assert_eq!(tx.baskets, [vec![0, 1], vec![1]]);
        assert_eq!(report[0].baskets, 0);
        assert_eq!(report[0].case_matches, ["POSTAGE"]);
        assert_eq!((report[1].name.as_str(), report[1].baskets), ("Bag", 1));
        let suggested = suggest_exclusions(&tx, &[]);
        assert_eq!(
            suggested,
            [("POSTAGE".to_string(), ExclusionReason::Shipping)]
        );
        for (name, reason) in [
            ("运费", ExclusionReason::Shipping),
            (" n/a", ExclusionReason::Placeholder),
            ("Gift Wrap", ExclusionReason::GiftWrap),
            ("DOT", ExclusionReason::Shipping),
            ("Manual", ExclusionReason::Manual),
        ] {
            assert_eq!(exclusion_reason(name), Some(reason), "{name}");
        }
        assert_eq!(exclusion_reason("JUMBO BAG RED RETROSPOT"), None);
    }

    /// Phrases inside names are found as whole words (English) or anywhere (Chinese);
    /// a product whose name only contains the letters is not.
    #[test]
    fn phrases_inside_names() {
        for (name, reason) in [
            ("DOTCOM POSTAGE", Some(ExclusionReason::Shipping)),
            ("Postage & packing", Some(ExclusionReason::Shipping)),
            ("顺丰运费", Some(ExclusionReason::Shipping)),
            ("赠品-小样", Some(ExclusionReason::FreeGift)),
            ("定制包装袋", Some(ExclusionReason::Bag)),
            ("GIFT WRAP, RED", Some(ExclusionReason::GiftWrap)),
            ("POSTAGESTAMP ALBUM", None),
            ("BAG OF HEARTS", None),
            ("运动鞋", None),
        ] {
            assert_eq!(exclusion_reason(name), reason, "{name}");
        }
    }

    /// An item in at least 80 % of 20 or more baskets is suggested; one in fewer, or in
    /// too few baskets to judge, is not; an item never sold at a price is, when named.
    #[test]
    fn share_and_price_suggestions() {
        let mut baskets: Vec<Vec<String>> = Vec::new();
        for b in 0..25 {
            let mut basket = vec![format!("cake{}", b % 3)];
            if b < 20 {
                basket.push("STAMP".into());
            }
            if b < 19 {
                basket.push("coffee".into());
            }
            baskets.push(basket);
        }
        let (tx, _) = Transactions::from_named(baskets.clone());
        let suggested = suggest_exclusions(&tx, &["cake1".to_string()]);
        assert_eq!(
            suggested,
            [
                ("STAMP".to_string(), ExclusionReason::InMostBaskets),
                ("cake1".to_string(), ExclusionReason::NoPrice),
            ]
        );
        let (few, _) = Transactions::from_named(baskets.into_iter().take(10));
        assert!(suggest_exclusions(&few, &[]).is_empty());
    }

    /// Without asking, only whole names and postage or fee phrases count: bags and gift
    /// wrap sold as products stay.
    #[test]
    fn certain_non_products_spare_products_named_like_them() {
        for (name, reason) in [
            ("POSTAGE", Some(ExclusionReason::Shipping)),
            ("DOTCOM POSTAGE", Some(ExclusionReason::Shipping)),
            ("顺丰运费", Some(ExclusionReason::Shipping)),
            ("Bank Charges", Some(ExclusionReason::Manual)),
            ("bag", Some(ExclusionReason::Bag)),
            ("NONE", Some(ExclusionReason::Placeholder)),
            ("ROMANTIC IMAGES GIFT WRAP SET", None),
            ("JUTE CARRIER BAG", None),
            ("赠品-小样", None),
            ("POSTAGESTAMP ALBUM", None),
        ] {
            assert_eq!(certain_non_product(name), reason, "{name}");
        }
        assert_eq!(
            exclusion_reason("ROMANTIC IMAGES GIFT WRAP SET"),
            Some(ExclusionReason::GiftWrap),
            "still suggested for baskets, where the user confirms"
        );
    }
}
