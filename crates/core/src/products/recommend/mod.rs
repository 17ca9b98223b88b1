//! Per-customer recommendations from item-to-item co-purchase, with a popularity fallback
//! and an honest evaluation on each customer's held-out last order.
//!
//! **Model.** Items are compared by the **cosine** of their basket vectors,
//! `together(i, j) / sqrt(count(i) × count(j))` (Linden, Smith & York 2003, Amazon's
//! item-to-item collaborative filtering). Cosine rather than lift: lift divides by both
//! popularities and so crowns pairs of rare products seen together once (two products sold
//! once, in the same basket, get the largest lift the data allows), while cosine stays in
//! [0, 1], so a customer's score `Σ_{i ∈ bought} cos(i, j)` adds comparable evidence from
//! each product they bought. Only pairs that make an association rule with a support count
//! of at least `min_together` baskets count as evidence: a pair seen once may be chance as
//! much as taste. How many is enough depends on the shop, so unless the spec fixes it,
//! `min_together` is chosen per file among 1, 2, 3 and 5 on a **validation** split that
//! never sees the held-out orders the evaluation reports (see [`Selection`]). Each recommendation carries the rule behind it, "bought `i` →
//! buys `j`" with its confidence, from the product that contributed most. Products the
//! customer already bought are never recommended; when co-purchase runs out (a customer
//! whose products share no rule with anything new), the most popular products fill the
//! list. A **basket** is by default one order, or optionally everything one customer
//! bought (the unit of Amazon's item-to-item filtering).
//!
//! **Evaluation** (time split). For every customer with at least two orders, the last
//! order (latest time, ties by the larger order id) is held out; co-purchase and
//! popularity are learned from every other order. A customer counts when the held-out
//! order holds a product they had not bought before. **Hit rate@k** is the share of those
//! customers with at least one such product in their top k; **recall@k** the mean share of
//! such products found in the top k. The popularity baseline ranks the same unbought
//! products by popularity alone. Checked against an independent pandas implementation,
//! `tools/recommend_fixture.py`.
//!
//! **Choosing `min_together`** (when the spec leaves it open). The last orders are set
//! aside first; of what is left, each customer's last order (so the second-to-last of
//! customers with three orders or more) becomes the validation order, learned from the
//! orders before it exactly as above. The first candidate in the order 2, 1, 3, 5 whose
//! validation hit rate is within one standard error of the best one wins (the
//! one-standard-error rule of Breiman et al. 1984: on a few hundred customers, hit rates a
//! customer or two apart are noise, and the order prefers the usual value); with fewer than
//! [`MIN_VALIDATION_CUSTOMERS`] validation customers, 2 is kept and the reason says so. Only then is the chosen value
//! evaluated on the last orders, so the reported lead over popularity is out of sample.

pub mod cooccur;
pub mod rank;

use super::lines::SaleLines;
use crate::par;
use crate::progress::{Control, Progress, Silent, Stage};
use crate::{Allowed, Counted, Error, ErrorKind, Lang, Result};
use cooccur::CoPurchase;
use rank::{Ranker, Why};
use serde::{Deserialize, Serialize};

/// What a basket is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasketUnit {
    /// One order.
    #[default]
    Order,
    /// Everything one customer bought.
    Customer,
}

impl BasketUnit {
    /// The unit's name in specs and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            BasketUnit::Customer => "customer",
            BasketUnit::Order => "order",
        }
    }

    /// Reads `customer` or `order`.
    pub fn parse(text: &str) -> Result<BasketUnit> {
        match text.trim() {
            "customer" => Ok(BasketUnit::Customer),
            "order" => Ok(BasketUnit::Order),
            other => Err(Error::invalid_parameter(
                "basket",
                other,
                crate::Allowed::one_of(&["customer", "order"]),
            )),
        }
    }
}

/// Settings of the recommender.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecommendParams {
    /// Products per customer. Default 10.
    pub top: usize,
    /// Cut-off of the evaluation (hit rate@k, recall@k). Default 10.
    pub k: usize,
    /// What a basket is. Default order.
    pub basket: BasketUnit,
    /// Fewest baskets a pair must share to count as co-purchase evidence. `None`, the
    /// default: chosen on a validation split (see [`Selection`]).
    pub min_together: Option<u32>,
}

impl Default for RecommendParams {
    fn default() -> Self {
        RecommendParams {
            top: 10,
            k: 10,
            basket: BasketUnit::Order,
            min_together: None,
        }
    }
}

impl RecommendParams {
    /// Checks `1 ≤ top ≤ 1000`, `1 ≤ k ≤ 1000` and `min_together ≥ 1` when given.
    pub fn check(&self) -> Result<()> {
        if self.min_together == Some(0) {
            return Err(Error::invalid_parameter(
                "min_together",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        for (name, value) in [("top", self.top), ("k", self.k)] {
            if value == 0 {
                return Err(Error::invalid_parameter(name, value, Allowed::AtLeast(1.0)));
            }
            if value > 1000 {
                return Err(Error::invalid_parameter(
                    name,
                    value,
                    Allowed::AtMost(1000.0),
                ));
            }
        }
        Ok(())
    }
}

/// Hit rate and recall of one ranking.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Share of evaluated customers with a held-out new product in their top k.
    pub hit_rate: f64,
    /// Mean share of held-out new products found in the top k.
    pub recall: f64,
}

/// The time-split evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The cut-off k.
    pub k: usize,
    /// Customers evaluated (two orders or more, a new product in the last one).
    pub customers: usize,
    /// Customers with a single order (nothing to hold out).
    pub single_order: usize,
    /// Customers whose last order held only products they had bought before.
    pub nothing_new: usize,
    /// Co-purchase with the popularity fallback.
    pub recommender: Metrics,
    /// Popularity alone.
    pub popularity: Metrics,
}

/// The values of `min_together` tried on the validation split, in tie-break order.
pub const MIN_TOGETHER_CANDIDATES: [u32; 4] = [2, 1, 3, 5];

/// Fewest validation customers (three orders or more, a new product in the validation
/// order) for a choice; below it the usual 2 is kept.
pub const MIN_VALIDATION_CUSTOMERS: usize = 30;

/// How `min_together` was chosen when the spec left it open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// The value used.
    pub chosen: u32,
    /// Why that value.
    pub reason: SelectionReason,
    /// Customers evaluated on their validation order.
    pub customers: usize,
    /// Standard error of the best validation hit rate, `sqrt(p(1 − p) / customers)`.
    pub standard_error: f64,
    /// Each candidate's validation scores, in [`MIN_TOGETHER_CANDIDATES`] order.
    pub candidates: Vec<Candidate>,
}

impl Selection {
    /// One sentence saying which value was chosen, why and on what.
    pub fn describe(&self, lang: Lang) -> String {
        let scores: Vec<String> = self
            .candidates
            .iter()
            .map(|c| format!("{} → {:.1}%", c.min_together, 100.0 * c.validation.hit_rate))
            .collect();
        let scores = scores.join(", ");
        let (chosen, n, se) = (self.chosen, self.customers, 100.0 * self.standard_error);
        match (self.reason, lang) {
            (SelectionReason::BestOnValidation, Lang::En) => format!(
                "Fewest shared baskets: {chosen}, the best hit rate on {n} customers' second-to-last orders (validation, before the held-out last orders): {scores}."
            ),
            (SelectionReason::BestOnValidation, Lang::Zh) => format!(
                "最少共同购物篮数：{chosen}，在 {n} 位顾客的倒数第二单（验证集，早于留出的最后一单）上命中率最高：{scores}。"
            ),
            (SelectionReason::WithinOneStandardError, Lang::En) => format!(
                "Fewest shared baskets: {chosen}, the first of 2, 1, 3, 5 within one standard error ({se:.1} points) of the best hit rate on {n} customers' second-to-last orders (validation, before the held-out last orders): {scores}."
            ),
            (SelectionReason::WithinOneStandardError, Lang::Zh) => format!(
                "最少共同购物篮数：{chosen}，按 2、1、3、5 的顺序取第一个与最高命中率相差不超过一个标准误（{se:.1} 个百分点）的值；验证集为 {n} 位顾客的倒数第二单（早于留出的最后一单）：{scores}。"
            ),
            (SelectionReason::TooFewCustomers, Lang::En) => format!(
                "Fewest shared baskets: {chosen}, the usual value: only {n} customers have three orders or more, too few to choose on (at least {MIN_VALIDATION_CUSTOMERS} needed)."
            ),
            (SelectionReason::TooFewCustomers, Lang::Zh) => format!(
                "最少共同购物篮数：{chosen}（常用值）：只有 {n} 位顾客有三单或以上，不足以据此选择（至少需要 {MIN_VALIDATION_CUSTOMERS} 位）。"
            ),
        }
    }
}

/// One candidate of the validation split.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The `min_together` tried.
    pub min_together: u32,
    /// Its hit rate and recall on the validation orders.
    pub validation: Metrics,
}

/// Why `min_together` has its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionReason {
    /// It scored best on the validation orders.
    BestOnValidation,
    /// It comes first in the order 2, 1, 3, 5 among the values within one standard error
    /// of the best validation hit rate.
    WithinOneStandardError,
    /// Too few customers have three orders to choose; the usual 2 is kept.
    TooFewCustomers,
}

/// One row of the recommendation list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Customer id as written.
    pub customer: String,
    /// 1-based rank.
    pub rank: usize,
    /// Product id as written.
    pub product: String,
    /// Summed cosine (co-purchase) or share of baskets holding the product (popular).
    pub score: f64,
    /// The customer's product behind it (`None`: popular).
    pub because: Option<String>,
    /// Confidence of the rule `because → product`.
    pub confidence: Option<f64>,
}

/// Recommendations for every customer and their evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendResult {
    /// Top products per customer, customers by id, then rank.
    pub recommendations: Vec<Recommendation>,
    /// Customers with recommendations.
    pub customers: usize,
    /// Products sold.
    pub products: usize,
    /// Baskets the co-purchase counts came from.
    pub baskets: usize,
    /// Co-purchased product pairs.
    pub pairs: usize,
    /// Customers whose list is all popularity (no co-purchase evidence).
    pub popular_only: usize,
    /// Held-out evaluation.
    pub evaluation: Evaluation,
    /// The settings used (`min_together` filled in).
    pub params: RecommendParams,
    /// How `min_together` was chosen; `None` when the spec gave it.
    pub selection: Option<Selection>,
}

/// Recommends for every customer of `sales` (which must carry customers) and evaluates the
/// recommender on each customer's last order.
pub fn recommend(
    sales: &SaleLines,
    params: &RecommendParams,
    progress: &mut dyn Progress,
) -> Result<RecommendResult> {
    params.check()?;
    if sales.customers.is_empty() {
        return Err(Error::not_enough(Counted::Customers, 1, 0));
    }
    let none = vec![false; sales.lines.len()];
    let held_out = last_orders(sales, &none);
    let (min_together, selection) = match params.min_together {
        Some(given) => (given, None),
        None => {
            let selection = select_min_together(sales, &held_out, params, progress)?;
            (selection.chosen, Some(selection))
        }
    };
    let evaluation = evaluate(sales, &held_out, &held_out, min_together, params, progress)?;

    let baskets = baskets(sales, &none, params.basket);
    let co = CoPurchase::build(&baskets, sales.products.len(), min_together, progress)?;
    let popular = co.popularity();
    let histories = histories(sales, &none);
    let mut ranker = Ranker::new(&co, &popular);
    let mut recommendations = Vec::with_capacity(histories.len() * params.top);
    let mut popular_only = 0;
    for (c, history) in histories.iter().enumerate() {
        tick(progress, Stage::Recommend, c, histories.len())?;
        let top = ranker.top(history, params.top, true);
        if top.iter().all(|r| matches!(r.why, Why::Popular)) {
            popular_only += 1;
        }
        for (rank, r) in top.iter().enumerate() {
            let (because, confidence) = match r.why {
                Why::CoPurchase { anchor, confidence } => (
                    Some(sales.products[anchor as usize].clone()),
                    Some(confidence),
                ),
                Why::Popular => (None, None),
            };
            recommendations.push(Recommendation {
                customer: sales.customers[c].clone(),
                rank: rank + 1,
                product: sales.products[r.item as usize].clone(),
                score: r.score,
                because,
                confidence,
            });
        }
    }
    Ok(RecommendResult {
        recommendations,
        customers: histories.len(),
        products: sales.products.len(),
        baskets: baskets.len(),
        pairs: co.pairs() / 2,
        popular_only,
        evaluation,
        params: RecommendParams {
            min_together: Some(min_together),
            ..*params
        },
        selection,
    })
}

/// Chooses `min_together` on the validation orders: each customer's last order once the
/// held-out last orders are set aside, learned from the orders before it.
fn select_min_together(
    sales: &SaleLines,
    held_out: &[bool],
    params: &RecommendParams,
    progress: &mut dyn Progress,
) -> Result<Selection> {
    let validation = last_orders(sales, held_out);
    let unseen: Vec<bool> = held_out
        .iter()
        .zip(&validation)
        .map(|(h, v)| *h || *v)
        .collect();
    let scored =
        par::try_map_reporting(&MIN_TOGETHER_CANDIDATES, Stage::Validate, progress, |&m| {
            evaluate(sales, &unseen, &validation, m, params, &mut Silent)
        })?;
    let customers = scored.first().map_or(0, |e| e.customers);
    let candidates: Vec<Candidate> = MIN_TOGETHER_CANDIDATES
        .iter()
        .zip(&scored)
        .map(|(&min_together, e)| Candidate {
            min_together,
            validation: e.recommender,
        })
        .collect();
    let best = candidates
        .iter()
        .map(|c| c.validation.hit_rate)
        .fold(0.0, f64::max);
    let standard_error = if customers > 0 {
        (best * (1.0 - best) / customers as f64).sqrt()
    } else {
        0.0
    };
    let (chosen, reason) = if customers < MIN_VALIDATION_CUSTOMERS {
        (MIN_TOGETHER_CANDIDATES[0], SelectionReason::TooFewCustomers)
    } else {
        // The first in preference order within one standard error of the best; the best
        // itself always qualifies.
        let pick = candidates
            .iter()
            .find(|c| c.validation.hit_rate >= best - standard_error)
            .unwrap_or(&candidates[0]);
        let reason = if pick.validation.hit_rate >= best {
            SelectionReason::BestOnValidation
        } else {
            SelectionReason::WithinOneStandardError
        };
        (pick.min_together, reason)
    };
    Ok(Selection {
        chosen,
        reason,
        customers,
        standard_error,
        candidates,
    })
}

/// For each line, whether it belongs to its customer's last order among the lines not
/// `excluded`, when the customer has two such orders or more.
fn last_orders(sales: &SaleLines, excluded: &[bool]) -> Vec<bool> {
    // (time of the order = its first line, order id) per (customer, order).
    let mut orders: Vec<(u32, i64, u32)> = Vec::new();
    let mut seen = rustc_hash::FxHashMap::<(u32, u32), usize>::default();
    for (line, _) in sales.lines.iter().zip(excluded).filter(|(_, x)| !**x) {
        let slot = *seen.entry((line.customer, line.order)).or_insert_with(|| {
            orders.push((line.customer, line.seconds, line.order));
            orders.len() - 1
        });
        orders[slot].1 = orders[slot].1.min(line.seconds);
    }
    let mut last: Vec<Option<(i64, u32)>> = vec![None; sales.customers.len()];
    let mut count = vec![0usize; sales.customers.len()];
    for &(customer, seconds, order) in &orders {
        let c = customer as usize;
        count[c] += 1;
        let later = match last[c] {
            None => true,
            Some((s, o)) => {
                (seconds, sales.orders[order as usize].as_str())
                    > (s, sales.orders[o as usize].as_str())
            }
        };
        if later {
            last[c] = Some((seconds, order));
        }
    }
    sales
        .lines
        .iter()
        .zip(excluded)
        .map(|(l, x)| {
            let c = l.customer as usize;
            !x && count[c] >= 2 && last[c].is_some_and(|(_, o)| o == l.order)
        })
        .collect()
}

/// Baskets (sorted, distinct items) of the lines not `excluded`.
fn baskets(sales: &SaleLines, excluded: &[bool], unit: BasketUnit) -> Vec<Vec<u32>> {
    let keys = match unit {
        BasketUnit::Customer => sales.customers.len(),
        BasketUnit::Order => sales.orders.len(),
    };
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); keys];
    for (line, _) in sales.lines.iter().zip(excluded).filter(|(_, x)| !**x) {
        let key = match unit {
            BasketUnit::Customer => line.customer,
            BasketUnit::Order => line.order,
        };
        out[key as usize].push(line.product);
    }
    for basket in &mut out {
        basket.sort_unstable();
        basket.dedup();
    }
    out.retain(|b| !b.is_empty());
    out
}

/// Each customer's products (sorted, distinct) among the lines not `excluded`.
fn histories(sales: &SaleLines, excluded: &[bool]) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); sales.customers.len()];
    for (line, _) in sales.lines.iter().zip(excluded).filter(|(_, x)| !**x) {
        out[line.customer as usize].push(line.product);
    }
    for history in &mut out {
        history.sort_unstable();
        history.dedup();
    }
    out
}

/// Hit rate and recall of the recommender and of popularity on the `target` lines (a held-out
/// order per customer), learned from every line that is not `unseen`.
fn evaluate(
    sales: &SaleLines,
    unseen: &[bool],
    target: &[bool],
    min_together: u32,
    params: &RecommendParams,
    progress: &mut dyn Progress,
) -> Result<Evaluation> {
    let baskets = baskets(sales, unseen, params.basket);
    let co = CoPurchase::build(&baskets, sales.products.len(), min_together, progress)?;
    let popular = co.popularity();
    let bought = histories(sales, unseen);
    // Leaving out every line that is not a target leaves each customer's held-out order.
    let kept: Vec<bool> = target.iter().map(|t| !t).collect();
    let last = histories(sales, &kept);
    let mut ranker = Ranker::new(&co, &popular);
    let mut evaluation = Evaluation {
        k: params.k,
        customers: 0,
        single_order: 0,
        nothing_new: 0,
        recommender: Metrics {
            hit_rate: 0.0,
            recall: 0.0,
        },
        popularity: Metrics {
            hit_rate: 0.0,
            recall: 0.0,
        },
    };
    let (mut hits, mut recall, mut popular_hits, mut popular_recall) = (0usize, 0.0, 0usize, 0.0);
    for (c, (history, target)) in bought.iter().zip(&last).enumerate() {
        tick(progress, Stage::Evaluate, c, bought.len())?;
        if target.is_empty() {
            evaluation.single_order += 1;
            continue;
        }
        let new: Vec<u32> = target
            .iter()
            .copied()
            .filter(|p| history.binary_search(p).is_err())
            .collect();
        if new.is_empty() {
            evaluation.nothing_new += 1;
            continue;
        }
        evaluation.customers += 1;
        for (use_co, hits, recall) in [
            (true, &mut hits, &mut recall),
            (false, &mut popular_hits, &mut popular_recall),
        ] {
            let found = ranker
                .top(history, params.k, use_co)
                .iter()
                .filter(|r| new.binary_search(&r.item).is_ok())
                .count();
            if found > 0 {
                *hits += 1;
            }
            *recall += found as f64 / new.len() as f64;
        }
    }
    if evaluation.customers > 0 {
        let n = evaluation.customers as f64;
        evaluation.recommender = Metrics {
            hit_rate: hits as f64 / n,
            recall: recall / n,
        };
        evaluation.popularity = Metrics {
            hit_rate: popular_hits as f64 / n,
            recall: popular_recall / n,
        };
    }
    Ok(evaluation)
}

fn tick(progress: &mut dyn Progress, stage: Stage, done: usize, total: usize) -> Result<()> {
    if done.is_multiple_of(256)
        && progress.report(stage, done as u64, total as u64) == Control::Stop
    {
        return Err(Error::new(ErrorKind::Cancelled));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::lines::SaleColumns;
    use crate::progress::Silent;
    use crate::table::{read_bytes, ReadOptions};

    fn sales(csv: &[u8]) -> SaleLines {
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let columns = SaleColumns {
            product: "sku",
            date: "date",
            quantity: "qty",
            value: None,
            unit_cost: None,
            customer: Some("cust"),
            order: Some("inv"),
        };
        SaleLines::from_table(&table, &columns).unwrap()
    }

    /// A and B both buy tea with cups; C bought tea, then cups: the held-out cups are found
    /// by co-purchase (tea → cups) but not by popularity (milk is most popular).
    #[test]
    fn co_purchase_beats_popularity_on_a_worked_example() {
        let s = sales(
            b"inv,cust,sku,date,qty\n\
            1,A,tea,2011-01-01,1\n1,A,cups,2011-01-01,1\n\
            2,B,tea,2011-01-02,1\n2,B,cups,2011-01-02,1\n\
            3,D,milk,2011-01-03,1\n4,E,milk,2011-01-03,1\n5,F,milk,2011-01-03,1\n\
            6,C,tea,2011-01-04,1\n7,C,cups,2011-01-05,1\n",
        );
        let params = RecommendParams {
            k: 1,
            top: 2,
            basket: BasketUnit::Customer,
            min_together: Some(1),
        };
        let r = recommend(&s, &params, &mut Silent).unwrap();
        let e = &r.evaluation;
        assert_eq!((e.customers, e.single_order, e.nothing_new), (1, 5, 0));
        assert!((e.recommender.hit_rate - 1.0).abs() < 1e-12);
        assert!(e.popularity.hit_rate.abs() < 1e-12);
        // D's list is popularity only: tea and cups tie on 3 baskets, so by name.
        let d: Vec<&str> = r
            .recommendations
            .iter()
            .filter(|x| x.customer == "D")
            .map(|x| x.product.as_str())
            .collect();
        assert_eq!(d, ["cups", "tea"]);
        let c_first = r
            .recommendations
            .iter()
            .find(|x| x.customer == "C")
            .unwrap();
        assert_eq!(c_first.product, "milk");
        // Every customer here owns all the co-purchase evidence there is.
        assert_eq!(r.popular_only, 6);
    }

    /// Order lines of `customers` customers with three orders each: tea with cups, then
    /// tea, then `last` (the held-out order); a few buy milk first to make it popular.
    fn three_orders(customers: usize, last: &str) -> SaleLines {
        let mut csv = String::from("inv,cust,sku,date,qty\n");
        for c in 0..customers {
            let day = |d: usize| format!("2011-0{}-{:02}", 1 + d, 1 + c % 28);
            csv += &format!("{c}a,C{c},tea,{},1\n{c}a,C{c},cups,{},1\n", day(0), day(0));
            let second = if c % 2 == 0 { "tea" } else { "milk" };
            csv += &format!("{c}b,C{c},{second},{},1\n", day(1));
            csv += &format!("{c}c,C{c},{last},{},1\n", day(2));
        }
        sales(csv.as_bytes())
    }

    /// The choice is made on the second-to-last orders alone: whatever the held-out last
    /// orders hold, the validation scores and the chosen value stay the same.
    #[test]
    fn the_choice_never_sees_the_held_out_last_orders() {
        let params = RecommendParams::default();
        let a = recommend(&three_orders(80, "sugar"), &params, &mut Silent).unwrap();
        let b = recommend(&three_orders(80, "jam"), &params, &mut Silent).unwrap();
        let (sa, sb) = (a.selection.unwrap(), b.selection.unwrap());
        assert_eq!(sa, sb);
        assert_eq!(
            sa.customers, 40,
            "the customers whose second order is new to them"
        );
        assert_ne!(sa.reason, SelectionReason::TooFewCustomers);
        let few = recommend(&three_orders(10, "jam"), &params, &mut Silent).unwrap();
        let few = few.selection.unwrap();
        assert_eq!(few.reason, SelectionReason::TooFewCustomers);
        assert_eq!(few.chosen, 2);
        assert!(few.describe(Lang::Zh).contains("不足"));
        let given = RecommendParams {
            min_together: Some(3),
            ..params
        };
        let fixed = recommend(&three_orders(80, "jam"), &given, &mut Silent).unwrap();
        assert!(fixed.selection.is_none());
        assert_eq!(fixed.params.min_together, Some(3));
    }
}
