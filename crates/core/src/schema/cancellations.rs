//! Cancelled invoices in an order export, decided once for every analysis that reads order
//! lines (baskets, RFM and customers, lifetime value, products and recommendations).
//!
//! Online Retail writes a cancelled invoice as `C` and its number (`C536379`), with negative
//! quantities; other shops number every order with a leading C (Superstore's
//! `CA-2016-152156`, member ids such as `C1001`). A leading C therefore cancels nothing by
//! itself: [`decide`] weighs the evidence and says why, in both languages.

use crate::table::{Column, ColumnData};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// How cancelled invoices were decided, with the evidence.
///
/// Online Retail marks a cancelled invoice with a `C` before its number (`C536379`), and
/// its lines carry negative quantities. The `C` rule is applied only to the basket column
/// that is an invoice or order number (by its name), and only when the evidence agrees:
/// with a quantity column, at least 90 % of the `C` lines must have a negative quantity;
/// without one, the `C` keys must be a minority of the keys. A member or customer id such
/// as `C1001` therefore never cancels anything. Lines with a negative quantity are
/// returns and are removed whatever the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cancellations {
    /// The invoice or order column examined; `None` when no basket column is one.
    pub column: Option<String>,
    /// Lines whose key in that column is `C` (or `c`) followed by a digit.
    pub prefixed_lines: usize,
    /// Of those, lines with a negative quantity (`None` without a quantity column).
    pub prefixed_negative: Option<usize>,
    /// Distinct keys, and how many of them start with `C` and a digit.
    pub keys: (usize, usize),
    /// Lines with a negative quantity (removed as returns).
    pub negative_lines: usize,
    /// Whether the `C` keys were removed as cancellations.
    pub applied: bool,
    /// Why.
    pub reason: CancelReason,
}

/// Why the `C` rule was or was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelReason {
    /// No basket column is named as an invoice or order number.
    NoInvoiceColumn,
    /// No key starts with `C` and a digit.
    NoPrefixedKeys,
    /// The `C` lines have negative quantities: they are cancellations.
    NegativeQuantities,
    /// The `C` lines mostly do not have negative quantities: not cancellations.
    QuantitiesDisagree,
    /// No quantity column, and the `C` keys are a minority: cancellations by the invoice
    /// convention.
    MinorityWithoutQuantity,
    /// No quantity column, and most keys start with `C`: that is the numbering, not a
    /// cancellation mark.
    MostKeysPrefixed,
}

impl Cancellations {
    /// One sentence saying what was decided and why.
    pub fn describe(&self, lang: Lang) -> String {
        let column = self.column.as_deref().unwrap_or("");
        let lines = self.prefixed_lines;
        let negative = self.prefixed_negative.unwrap_or(0);
        match (self.reason, lang) {
            (CancelReason::NoInvoiceColumn, Lang::Zh) => {
                "没有发票/订单号列：不按“C”开头判断取消。".to_string()
            }
            (CancelReason::NoInvoiceColumn, Lang::En) => {
                "No invoice or order column: no key is read as a cancellation by a leading C."
                    .to_string()
            }
            (CancelReason::NoPrefixedKeys, Lang::Zh) => {
                format!("列“{column}”中没有以 C 开头的单号：没有取消的发票。")
            }
            (CancelReason::NoPrefixedKeys, Lang::En) => {
                format!("No key in \"{column}\" starts with C: no cancelled invoices.")
            }
            (CancelReason::NegativeQuantities, Lang::Zh) => format!(
                "列“{column}”中以 C 开头的 {lines} 行视为取消的发票（其中 {negative} 行数量为负）。"
            ),
            (CancelReason::NegativeQuantities, Lang::En) => format!(
                "{lines} lines with a key in \"{column}\" starting with C removed as cancelled invoices ({negative} of them have a negative quantity)."
            ),
            (CancelReason::QuantitiesDisagree, Lang::Zh) => format!(
                "列“{column}”中以 C 开头的 {lines} 行只有 {negative} 行数量为负：不视为取消。"
            ),
            (CancelReason::QuantitiesDisagree, Lang::En) => format!(
                "Only {negative} of the {lines} lines with a key in \"{column}\" starting with C have a negative quantity: they are not treated as cancellations."
            ),
            (CancelReason::MinorityWithoutQuantity, Lang::Zh) => format!(
                "列“{column}”中以 C 开头的 {lines} 行按发票惯例视为取消（没有数量列可以核对）。"
            ),
            (CancelReason::MinorityWithoutQuantity, Lang::En) => format!(
                "{lines} lines with a key in \"{column}\" starting with C removed as cancelled invoices by the invoice convention (no quantity column to confirm it)."
            ),
            (CancelReason::MostKeysPrefixed, Lang::Zh) => format!(
                "列“{column}”的大多数单号以 C 开头：这是编号方式，不视为取消。"
            ),
            (CancelReason::MostKeysPrefixed, Lang::En) => format!(
                "Most keys in \"{column}\" start with C: that is the numbering, not a cancellation mark."
            ),
        }
    }
}

/// Whether a key is `C` or `c` followed by a digit (`C536379`).
fn is_prefixed(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('C' | 'c')) && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// Decides whether the `C` keys of `invoice` (the column that is an invoice or order
/// number, if any) are cancellations, with `quantity` (or an amount) as the evidence (see
/// [`Cancellations`]). Returns the decision and, when applied, which rows are cancelled
/// (empty otherwise).
pub fn decide(invoice: Option<&Column>, quantity: Option<&Column>) -> (Cancellations, Vec<bool>) {
    let n = invoice.or(quantity).map_or(0, Column::len);
    let negative_lines = quantity.map_or(0, |q| {
        (0..n)
            .filter(|&r| q.f64(r).is_some_and(|v| v < 0.0))
            .count()
    });
    let mut decision = Cancellations {
        column: None,
        prefixed_lines: 0,
        prefixed_negative: None,
        keys: (0, 0),
        negative_lines,
        applied: false,
        reason: CancelReason::NoInvoiceColumn,
    };
    let Some(invoice) = invoice else {
        return (decision, Vec::new());
    };
    decision.column = Some(invoice.name().to_string());
    let prefixed_rows: Vec<bool> = match invoice.data() {
        ColumnData::Text(v) => {
            let by_code: Vec<bool> = v.dictionary().iter().map(|k| is_prefixed(k)).collect();
            decision.keys = (by_code.len(), by_code.iter().filter(|&&p| p).count());
            (0..n)
                .map(|r| !invoice.is_missing(r) && by_code[v.codes()[r] as usize])
                .collect()
        }
        _ => Vec::new(),
    };
    decision.prefixed_lines = prefixed_rows.iter().filter(|&&p| p).count();
    if decision.prefixed_lines == 0 {
        decision.reason = CancelReason::NoPrefixedKeys;
        return (decision, Vec::new());
    }
    let with_quantity = quantity.map(|q| {
        let rows = (0..n).filter(|&r| prefixed_rows[r] && q.f64(r).is_some());
        let (mut present, mut negative) = (0usize, 0usize);
        for r in rows {
            present += 1;
            negative += usize::from(q.f64(r).is_some_and(|v| v < 0.0));
        }
        (present, negative)
    });
    decision.applied = match with_quantity {
        Some((present, negative)) if present > 0 => {
            decision.prefixed_negative = Some(negative);
            let agree = negative * 10 >= present * 9;
            decision.reason = if agree {
                CancelReason::NegativeQuantities
            } else {
                CancelReason::QuantitiesDisagree
            };
            agree
        }
        _ => {
            let minority = decision.keys.1 * 2 < decision.keys.0;
            decision.reason = if minority {
                CancelReason::MinorityWithoutQuantity
            } else {
                CancelReason::MostKeysPrefixed
            };
            minority
        }
    };
    let rows = if decision.applied {
        prefixed_rows
    } else {
        Vec::new()
    };
    (decision, rows)
}
