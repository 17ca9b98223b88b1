//! One customer's top-N: co-purchase scores of the products they have not bought, then
//! the most popular products to fill what is left.
//!
//! The score of a product `j` for a customer who bought the set `H` is
//! `Σ_{i ∈ H} cos(i, j)`, summed over `H` in item (name) order so that every
//! implementation that sums in that order gets the same bits. Candidates are ranked by score,
//! ties by name. The strongest single contributor is kept as the reason: the rule
//! "bought `i` → buys `j`" with its confidence `together(i, j) / count(i)`.

use super::cooccur::CoPurchase;

/// Why a product was recommended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// Bought together with `anchor` (the customer's product most similar to it).
    CoPurchase {
        /// The customer's product with the highest cosine to the recommended one.
        anchor: u32,
        /// Confidence of the rule anchor → product.
        confidence: f64,
    },
    /// Among the most popular products (no co-purchase evidence left).
    Popular,
}

/// One recommended product.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// Item number.
    pub item: u32,
    /// Summed cosine, or for a popular product the share of baskets holding it.
    pub score: f64,
    /// Why.
    pub why: Why,
}

/// Scratch space reused across customers (dense rows, reset after each use).
#[derive(Debug, Clone)]
pub struct Ranker<'a> {
    co: &'a CoPurchase,
    popular: &'a [u32],
    score: Vec<f64>,
    best: Vec<(f64, u32, u32)>,
    owned: Vec<bool>,
    touched: Vec<u32>,
}

impl<'a> Ranker<'a> {
    /// A ranker over `co`, falling back on `popular` (most popular first).
    pub fn new(co: &'a CoPurchase, popular: &'a [u32]) -> Ranker<'a> {
        let n = co.counts.len();
        Ranker {
            co,
            popular,
            score: vec![0.0; n],
            best: vec![(0.0, 0, 0); n],
            owned: vec![false; n],
            touched: Vec::new(),
        }
    }

    /// The top `n` products for a customer who bought `history` (sorted, distinct), by
    /// co-purchase when `use_co_purchase`, else by popularity alone (the baseline).
    pub fn top(&mut self, history: &[u32], n: usize, use_co_purchase: bool) -> Vec<Ranked> {
        for &i in history {
            self.owned[i as usize] = true;
        }
        let co = self.co;
        let mut out = Vec::with_capacity(n);
        if use_co_purchase {
            for &i in history {
                for (j, together) in co.row(i) {
                    if self.owned[j as usize] {
                        continue;
                    }
                    let cosine = co.cosine(i, j, together);
                    let slot = j as usize;
                    if !self.touched_has(slot) {
                        self.touched.push(j);
                    }
                    self.score[slot] += cosine;
                    // Strictly greater: an equal cosine keeps the earlier (by name) anchor.
                    if cosine > self.best[slot].0 {
                        self.best[slot] = (cosine, i, together);
                    }
                }
            }
            let score = &self.score;
            self.touched.sort_by(|a, b| {
                score[*b as usize]
                    .total_cmp(&score[*a as usize])
                    .then(a.cmp(b))
            });
            for &j in self.touched.iter().take(n) {
                let (_, anchor, together) = self.best[j as usize];
                out.push(Ranked {
                    item: j,
                    score: self.score[j as usize],
                    why: Why::CoPurchase {
                        anchor,
                        confidence: f64::from(together)
                            / f64::from(self.co.counts[anchor as usize]),
                    },
                });
            }
            for &j in &self.touched {
                self.score[j as usize] = 0.0;
                self.best[j as usize] = (0.0, 0, 0);
            }
            self.touched.clear();
        }
        let chosen = out.len();
        for &j in self.popular {
            if out.len() >= n {
                break;
            }
            if self.owned[j as usize] || out[..chosen].iter().any(|r| r.item == j) {
                continue;
            }
            out.push(Ranked {
                item: j,
                score: f64::from(self.co.counts[j as usize]) / self.co.baskets.max(1) as f64,
                why: Why::Popular,
            });
        }
        for &i in history {
            self.owned[i as usize] = false;
        }
        out
    }

    /// Whether `slot` already has a score this round. Cosines are positive, so a zero
    /// score means untouched.
    fn touched_has(&self, slot: usize) -> bool {
        self.score[slot] > 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    /// Items 0..4; 0 and 1 go together twice, 0 and 2 once; 3 is bought alone most often.
    fn fixture() -> CoPurchase {
        let baskets = vec![
            vec![0, 1],
            vec![0, 1, 2],
            vec![3],
            vec![3],
            vec![3],
            vec![4],
        ];
        CoPurchase::build(&baskets, 5, 1, &mut Silent).unwrap()
    }

    #[test]
    fn co_purchase_first_then_popular() {
        let co = fixture();
        let popular = co.popularity();
        let mut ranker = Ranker::new(&co, &popular);
        let top = ranker.top(&[0], 3, true);
        let items: Vec<u32> = top.iter().map(|r| r.item).collect();
        assert_eq!(items, [1, 2, 3]);
        assert!(
            matches!(top[0].why, Why::CoPurchase { anchor: 0, confidence } if (confidence - 1.0).abs() < 1e-12)
        );
        assert!(matches!(top[2].why, Why::Popular));
        // Scratch is reset: the same call gives the same answer.
        assert_eq!(ranker.top(&[0], 3, true), top);
        let baseline: Vec<u32> = ranker.top(&[0], 3, false).iter().map(|r| r.item).collect();
        assert_eq!(baseline, [3, 1, 2]);
    }

    #[test]
    fn a_customer_without_neighbours_gets_popular_products() {
        let co = fixture();
        let popular = co.popularity();
        let mut ranker = Ranker::new(&co, &popular);
        let items: Vec<u32> = ranker.top(&[4], 2, true).iter().map(|r| r.item).collect();
        assert_eq!(items, [3, 0]);
    }
}
