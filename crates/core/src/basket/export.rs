//! CSV and JSON export of itemsets, rules and companion lists.
//!
//! CSV is written for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese
//! item names correctly), CRLF line ends and RFC 4180 quoting. Text cells that start with
//! `=`, `+`, `-` or `@` (or a tab or carriage return) get a leading `'` so a spreadsheet
//! shows them instead of running them as formulas (OWASP "CSV injection"); numbers are
//! written plainly, as they are safe and must stay numbers.
//!
//! The CSV helpers themselves live in [`crate::export`], shared with the other exports.

use super::companions::ItemCompanions;
use super::itemsets::Itemsets;
use super::rules::Rules;
use super::Transactions;
use crate::Lang;
use serde::Serialize;

pub use crate::export::{csv_number_cell, csv_text_cell, write_csv, BOM};

fn joined(tx: &Transactions, ids: &[u32]) -> String {
    names(tx, ids).join(", ")
}

fn names<'a>(tx: &'a Transactions, ids: &[u32]) -> Vec<&'a str> {
    ids.iter()
        .filter_map(|&i| tx.items.get(i as usize).map(String::as_str))
        .collect()
}

/// Itemsets as CSV: items, baskets, support (and revenue when present).
pub fn itemsets_csv(tx: &Transactions, itemsets: &Itemsets, lang: Lang) -> String {
    let with_revenue = tx.revenue.is_some();
    let mut header = vec![
        lang.pick("商品组合", "items"),
        lang.pick("购物篮数", "baskets"),
        lang.pick("支持度", "support"),
    ];
    if with_revenue {
        header.push(lang.pick("销售额", "revenue"));
    }
    let rows: Vec<Vec<String>> = itemsets
        .itemsets
        .iter()
        .map(|s| {
            let mut row = vec![
                csv_text_cell(&joined(tx, &s.items)),
                s.count.to_string(),
                csv_number_cell(Some(s.support)),
            ];
            if with_revenue {
                row.push(csv_number_cell(s.revenue));
            }
            row
        })
        .collect();
    write_csv(&header, &rows)
}

/// Rules as CSV: antecedent, consequent, baskets and every measure (revenue when present).
/// An infinite conviction is written as an empty cell.
pub fn rules_csv(tx: &Transactions, rules: &Rules, lang: Lang) -> String {
    let with_revenue = tx.revenue.is_some();
    let mut header = vec![
        lang.pick("前项", "antecedent"),
        lang.pick("后项", "consequent"),
        lang.pick("购物篮数", "baskets"),
        lang.pick("支持度", "support"),
        lang.pick("置信度", "confidence"),
        lang.pick("提升度", "lift"),
        lang.pick("杠杆率", "leverage"),
        lang.pick("确信度", "conviction"),
        lang.pick("Zhang 指标", "Zhang's metric"),
        lang.pick("Jaccard 系数", "Jaccard"),
        lang.pick("Kulczynski 指标", "Kulczynski"),
        lang.pick("确定性因子", "certainty factor"),
    ];
    if with_revenue {
        header.push(lang.pick("销售额", "revenue"));
    }
    let rows: Vec<Vec<String>> = rules
        .rules
        .iter()
        .map(|r| {
            let mut row = vec![
                csv_text_cell(&joined(tx, &r.antecedent)),
                csv_text_cell(&joined(tx, &r.consequent)),
                r.count.to_string(),
            ];
            row.extend(
                [
                    Some(r.measures.support),
                    Some(r.measures.confidence),
                    Some(r.measures.lift),
                    Some(r.measures.leverage),
                    r.measures.conviction,
                    r.measures.zhang,
                    Some(r.measures.jaccard),
                    Some(r.measures.kulczynski),
                    r.measures.certainty,
                ]
                .map(csv_number_cell),
            );
            if with_revenue {
                row.push(csv_number_cell(r.revenue));
            }
            row
        })
        .collect();
    write_csv(&header, &rows)
}

/// Companion lists as CSV, one line per product and companion, best first.
pub fn companions_csv(lists: &[ItemCompanions], lang: Lang) -> String {
    let header = [
        lang.pick("商品", "product"),
        lang.pick("排名", "rank"),
        lang.pick("搭配商品", "bought with"),
        lang.pick("共同购物篮数", "baskets together"),
        lang.pick("置信度", "confidence"),
        lang.pick("提升度", "lift"),
    ];
    let rows: Vec<Vec<String>> = lists
        .iter()
        .flat_map(|list| {
            list.companions.iter().enumerate().map(|(rank, c)| {
                vec![
                    csv_text_cell(&list.name),
                    (rank + 1).to_string(),
                    csv_text_cell(&c.name),
                    c.count.to_string(),
                    csv_number_cell(Some(c.confidence)),
                    csv_number_cell(Some(c.lift)),
                ]
            })
        })
        .collect();
    write_csv(&header, &rows)
}

/// Writes [`itemsets_json`]'s object to `out` byte for byte as `serde_json` would, but
/// faster: each item name is escaped once, not once per itemset it appears in, and each
/// count's count and support once, not once per itemset that has it. On
/// groceries at 0.1% (13,492 itemsets) this was a fifth of the CLI's whole run.
pub fn write_itemsets_json(
    tx: &Transactions,
    itemsets: &Itemsets,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let quoted: Vec<String> = tx
        .items
        .iter()
        .map(|name| serde_json::to_string(name).unwrap_or_else(|_| "\"\"".into()))
        .collect();
    write!(
        out,
        "{{\"baskets\":{},\"items\":{},\"itemsets\":[",
        itemsets.baskets, itemsets.items
    )?;
    let mut line = Vec::with_capacity(256);
    let mut counts: rustc_hash::FxHashMap<(u64, u64), std::ops::Range<usize>> = Default::default();
    let mut texts: Vec<u8> = Vec::new();
    for (i, set) in itemsets.itemsets.iter().enumerate() {
        line.clear();
        if i > 0 {
            line.push(b',');
        }
        line.extend_from_slice(b"{\"items\":[");
        let mut first = true;
        for q in set.items.iter().filter_map(|&id| quoted.get(id as usize)) {
            if !first {
                line.push(b',');
            }
            first = false;
            line.extend_from_slice(q.as_bytes());
        }
        // Support is the count over the baskets, and many itemsets share a count: the
        // text of each (count, support) is made once.
        let key = (set.count, set.support.to_bits());
        let range = match counts.get(&key) {
            Some(range) => range.clone(),
            None => {
                let start = texts.len();
                texts.extend_from_slice(b"],\"count\":");
                serde_json::to_writer(&mut texts, &set.count).map_err(std::io::Error::other)?;
                texts.extend_from_slice(b",\"support\":");
                serde_json::to_writer(&mut texts, &set.support).map_err(std::io::Error::other)?;
                counts.insert(key, start..texts.len());
                start..texts.len()
            }
        };
        line.extend_from_slice(&texts[range]);
        if let Some(revenue) = set.revenue {
            line.extend_from_slice(b",\"revenue\":");
            serde_json::to_writer(&mut line, &revenue).map_err(std::io::Error::other)?;
        }
        line.push(b'}');
        out.write_all(&line)?;
    }
    out.write_all(b"]}")
}

/// Itemsets as the CLI prints them in JSON, with item names: the shape's definition.
/// The CLI writes it with [`write_itemsets_json`], which a test holds byte-identical to
/// serialising this with `serde_json`.
#[derive(Debug, Serialize)]
pub struct ItemsetsJson<'a> {
    /// Number of baskets.
    pub baskets: usize,
    /// Number of distinct items.
    pub items: usize,
    /// The itemsets.
    pub itemsets: Vec<ItemsetJson<'a>>,
}

/// One itemset of [`ItemsetsJson`].
#[derive(Debug, Serialize)]
pub struct ItemsetJson<'a> {
    /// Item names.
    pub items: Vec<&'a str>,
    /// Baskets that contain them all.
    pub count: u64,
    /// Fraction of the baskets.
    pub support: f64,
    /// Revenue of those baskets, when known (omitted otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<f64>,
}

/// Rules as the CLI prints them in JSON, with item names.
#[derive(Debug, Serialize)]
pub struct RulesJson<'a> {
    /// Number of baskets.
    pub baskets: usize,
    /// The rules.
    pub rules: Vec<RuleJson<'a>>,
}

/// One rule of [`RulesJson`]; `conviction` is `null` at confidence 1.
#[derive(Debug, Serialize)]
pub struct RuleJson<'a> {
    /// Antecedent item names.
    pub antecedent: Vec<&'a str>,
    /// Consequent item names.
    pub consequent: Vec<&'a str>,
    /// See [`crate::basket::Measure::Support`].
    pub support: f64,
    /// See [`crate::basket::Measure::Confidence`].
    pub confidence: f64,
    /// See [`crate::basket::Measure::Lift`].
    pub lift: f64,
    /// See [`crate::basket::Measure::Leverage`].
    pub leverage: f64,
    /// See [`crate::basket::Measure::Conviction`].
    pub conviction: Option<f64>,
    /// Revenue of the baskets with the whole rule, when known (omitted otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<f64>,
}

/// The JSON shape of itemsets: `{"baskets", "items", "itemsets": [{"items", "count",
/// "support"}]}`.
pub fn itemsets_json<'a>(tx: &'a Transactions, itemsets: &Itemsets) -> ItemsetsJson<'a> {
    ItemsetsJson {
        baskets: itemsets.baskets,
        items: itemsets.items,
        itemsets: itemsets
            .itemsets
            .iter()
            .map(|s| ItemsetJson {
                items: names(tx, &s.items),
                count: s.count,
                support: s.support,
                revenue: s.revenue,
            })
            .collect(),
    }
}

/// The JSON shape of rules: `{"baskets", "rules": [{"antecedent", "consequent", "support",
/// "confidence", "lift", "leverage", "conviction"}]}`.
pub fn rules_json<'a>(tx: &'a Transactions, rules: &Rules) -> RulesJson<'a> {
    RulesJson {
        baskets: rules.baskets,
        rules: rules
            .rules
            .iter()
            .map(|r| RuleJson {
                antecedent: names(tx, &r.antecedent),
                consequent: names(tx, &r.consequent),
                support: r.measures.support,
                confidence: r.measures.confidence,
                lift: r.measures.lift,
                leverage: r.measures.leverage,
                conviction: r.measures.conviction,
                revenue: r.revenue,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_neutralised_and_quoted() {
        let cases = [
            ("milk", "milk"),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+86 tea", "'+86 tea"),
            ("-10% off", "'-10% off"),
            ("@home", "'@home"),
            ("bread, white", "\"bread, white\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=1,2", "\"'=1,2\""),
            ("牛奶", "牛奶"),
            ("cream cheese ", "\"cream cheese \""),
        ];
        for (text, expected) in cases {
            assert_eq!(csv_text_cell(text), expected, "{text}");
        }
        assert_eq!(csv_number_cell(Some(-0.25)), "-0.25");
        assert_eq!(csv_number_cell(None), "");
        assert_eq!(csv_number_cell(Some(f64::INFINITY)), "");
    }

    #[test]
    fn csv_has_bom_crlf_and_both_languages() {
        use crate::basket::{mine_rules, MinSupport, MiningParams, RuleParams};
        use crate::progress::Silent;
        let tx = Transactions::from_lines("=cmd,牛奶\n=cmd,牛奶\n牛奶\n", ',');
        let rules = mine_rules(
            &tx,
            &MiningParams::new(MinSupport::Count(2)),
            &RuleParams::new(0.5),
            &mut Silent,
        )
        .unwrap();
        let zh = rules_csv(&tx, &rules, Lang::Zh);
        assert!(zh.starts_with("\u{feff}前项,后项,"));
        let lines: Vec<&str> = zh.split("\r\n").collect();
        // =cmd → 牛奶 (confidence 1, conviction empty) and 牛奶 → =cmd (confidence 2/3).
        assert_eq!(lines.len(), 4, "{zh}");
        assert!(lines[1].starts_with("'=cmd,牛奶,2,"), "{}", lines[1]);
        assert!(lines[1].contains(",1,1,0,,"), "{}", lines[1]);
        let en = rules_csv(&tx, &rules, Lang::En);
        assert!(en.starts_with("\u{feff}antecedent,consequent,baskets,support,"));
        let json = serde_json::to_value(rules_json(&tx, &rules)).unwrap();
        assert!(json["rules"][0]["conviction"].is_null());
        assert_eq!(json["rules"][0]["antecedent"][0], "=cmd");
    }

    #[test]
    fn itemsets_json_writer_equals_serde() {
        use crate::basket::{mine_itemsets, MinSupport, MiningParams};
        use crate::progress::Silent;
        // Names that need escaping (quote, backslash, a control character, Chinese), with
        // and without revenue.
        let mut tx = Transactions::from_lines("\"q\",a\\b,牛奶\n\"q\",牛奶\ntab\there,牛奶\n", ',');
        for revenue in [None, Some(vec![1.5, 2.0, 0.25])] {
            tx.revenue = revenue;
            let found =
                mine_itemsets(&tx, &MiningParams::new(MinSupport::Count(1)), &mut Silent).unwrap();
            let mut written = Vec::new();
            write_itemsets_json(&tx, &found, &mut written).unwrap();
            let expected = serde_json::to_string(&itemsets_json(&tx, &found)).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), expected);
        }
    }
}

/// The baskets as one basket per line, items separated by commas, quoted as CSV needs
/// (a name with a comma, a quote, a line break or surrounding spaces). An empty basket is
/// written `""`, so reading the text back ([`super::Transactions::from_lines`]) gives the
/// same baskets, empty ones included.
pub fn basket_lines(transactions: &super::Transactions) -> String {
    let mut out = String::new();
    for basket in &transactions.baskets {
        if basket.is_empty() {
            out.push_str("\"\"");
        }
        for (k, &item) in basket.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let name = &transactions.items[item as usize];
            let quote = name.contains([',', '"', '\n', '\r']) || name.trim() != name;
            if quote {
                out.push('"');
                out.push_str(&name.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(name);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod basket_lines_tests {
    use super::basket_lines;
    use crate::basket::Transactions;

    #[test]
    fn written_baskets_read_back_the_same() {
        let (tx, _) = Transactions::from_named([
            vec!["milk, whole", "bread"],
            vec![],
            vec!["say \"hi\"", "a\nb", "jam"],
        ]);
        let text = basket_lines(&tx);
        assert!(text.starts_with("\"milk, whole\",bread\n\"\"\n"), "{text}");
        assert_eq!(Transactions::from_lines(&text, ','), tx);
    }
}
