//! Customers with their segment and scores as a CSV file for spreadsheets.
//!
//! The file starts with a UTF-8 byte-order mark so Excel opens Chinese text correctly, and
//! text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return: CSV injection, OWASP) are prefixed with `'`. Numbers we write
//! ourselves are left alone: a negative amount is not a formula.

use crate::export::neutralise_formula as neutralise;
use crate::segment::rfm::RfmResult;
use crate::table::infer::format_datetime;
use crate::Lang;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the user's data (neutralised when it looks like a formula).
    Text(String),
    /// A number we computed.
    Number(f64),
    /// A whole number we computed.
    Integer(i64),
}

/// Writes a header and rows as CSV (UTF-8 with BOM, CRLF line ends, RFC 4180 quoting).
pub fn to_csv(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| -> String {
        let quoted: Vec<String> = cells.into_iter().map(|c| quote(&c)).collect();
        quoted.join(",") + "\r\n"
    };
    out.push_str(&line(header.iter().map(|h| neutralise(h)).collect()));
    for row in rows {
        out.push_str(&line(
            row.iter()
                .map(|cell| match cell {
                    Cell::Text(t) => neutralise(t),
                    Cell::Number(v) => format!("{v}"),
                    Cell::Integer(v) => v.to_string(),
                })
                .collect(),
        ));
    }
    out
}

/// Every customer of an RFM result with values, scores, segment (in `lang`) and, when
/// given, the k-means cluster of each customer (same order as `result.customers`).
pub fn rfm_csv(result: &RfmResult, clusters: Option<&[u32]>, lang: Lang) -> String {
    let mut header = vec![
        lang.pick("客户", "customer"),
        lang.pick("最近购买间隔（天）", "recency_days"),
        lang.pick("订单数", "frequency"),
        lang.pick("消费金额", "monetary"),
        "R",
        "F",
        "M",
        lang.pick("分群", "segment"),
        lang.pick("首次购买", "first_order"),
        lang.pick("最近购买", "last_order"),
    ];
    if clusters.is_some() {
        header.push(lang.pick("聚类", "cluster"));
    }
    let rows: Vec<Vec<Cell>> = result
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![
                Cell::Text(c.customer.clone()),
                Cell::Integer(c.recency),
                Cell::Integer(i64::from(c.frequency)),
                Cell::Number(c.monetary),
                Cell::Integer(i64::from(c.r)),
                Cell::Integer(i64::from(c.f)),
                Cell::Integer(i64::from(c.m)),
                Cell::Text(c.segment.label(lang).to_string()),
                Cell::Text(format_datetime(c.first_day * 86_400)),
                Cell::Text(format_datetime(c.last_day * 86_400)),
            ];
            if let Some(labels) = clusters {
                row.push(labels.get(i).map_or(Cell::Text(String::new()), |&l| {
                    Cell::Integer(i64::from(l) + 1)
                }));
            }
            row
        })
        .collect();
    to_csv(&header, &rows)
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_and_quotes_fields() {
        let rows = vec![
            vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Number(-2.5)],
            vec![Cell::Text("@SUM(A1)".into()), Cell::Integer(-3)],
            vec![Cell::Text("+1".into()), Cell::Number(1.0)],
            vec![Cell::Text("-1".into()), Cell::Number(0.25)],
            vec![Cell::Text("Smith, J".into()), Cell::Integer(7)],
            vec![Cell::Text("王芳".into()), Cell::Integer(8)],
        ];
        let csv = to_csv(&["customer", "value"], &rows);
        let expected = "\u{feff}customer,value\r\n\
            \"'=HYPERLINK(\"\"x\"\")\",-2.5\r\n\
            '@SUM(A1),-3\r\n\
            '+1,1\r\n\
            '-1,0.25\r\n\
            \"Smith, J\",7\r\n\
            王芳,8\r\n";
        assert_eq!(csv, expected);
    }
}
