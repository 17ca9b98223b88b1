//! The product views as CSV files: every product with its class (for a spreadsheet or the
//! inventory planner) and every customer's recommendations (for a CRM or an e-mail tool).
//!
//! Both go through [`crate::export::write_csv`]: UTF-8 with a byte-order mark, CRLF line
//! ends, formula-looking text neutralised. Headers and reasons are in the chosen language;
//! the English headers are the ones a CRM import maps (`customer, rank, product, score,
//! reason`).

use super::abc_xyz::{Abc, AbcXyzResult, Xyz};
use super::recommend::Recommendation;
use crate::export::{csv_number_cell, csv_text_cell, write_csv};
use crate::Lang;

/// Every product of `result` (optionally only the cell `(abc, xyz)`) with its figures and
/// class.
pub fn abc_xyz_csv(result: &AbcXyzResult, cell: Option<(Abc, Xyz)>, lang: Lang) -> String {
    let header = [
        lang.pick("商品", "product"),
        lang.pick("类别", "class"),
        "ABC",
        "XYZ",
        lang.pick("排序指标", "measure"),
        lang.pick("销售额", "revenue"),
        lang.pick("销量", "quantity"),
        lang.pick("占比", "share"),
        lang.pick("累计占比", "cumulative_share"),
        lang.pick("每期平均需求", "mean_demand"),
        lang.pick("变异系数", "cv"),
        lang.pick("建议服务水平", "service_level"),
    ];
    let rows: Vec<Vec<String>> = result
        .products
        .iter()
        .filter(|p| cell.is_none_or(|(abc, xyz)| p.abc == abc && p.xyz == xyz))
        .map(|p| {
            vec![
                csv_text_cell(&p.product),
                format!("{}{}", p.abc.as_str(), p.xyz.as_str()),
                p.abc.as_str().to_string(),
                p.xyz.as_str().to_string(),
                csv_number_cell(Some(p.measure)),
                csv_number_cell(Some(p.revenue)),
                csv_number_cell(Some(p.quantity)),
                csv_number_cell(Some(p.share)),
                csv_number_cell(Some(p.cumulative_share)),
                csv_number_cell(Some(p.mean_demand)),
                csv_number_cell(Some(p.cv)),
                csv_number_cell(Some(p.service_level)),
            ]
        })
        .collect();
    write_csv(&header, &rows)
}

/// Why a product was recommended, as a sentence in `lang`.
pub fn reason(recommendation: &Recommendation, lang: Lang) -> String {
    match (&recommendation.because, recommendation.confidence) {
        (Some(anchor), Some(confidence)) => match lang {
            Lang::Zh => format!("常与 {anchor} 一起购买（置信度 {confidence:.2}）"),
            Lang::En => format!("bought with {anchor} (confidence {confidence:.2})"),
        },
        _ => lang.pick("热门商品", "popular").to_string(),
    }
}

/// Every recommendation: customer, rank, product, score, reason.
pub fn recommendations_csv(rows: &[Recommendation], lang: Lang) -> String {
    let header = [
        lang.pick("客户", "customer"),
        lang.pick("名次", "rank"),
        lang.pick("商品", "product"),
        lang.pick("得分", "score"),
        lang.pick("理由", "reason"),
    ];
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                csv_text_cell(&r.customer),
                r.rank.to_string(),
                csv_text_cell(&r.product),
                csv_number_cell(Some(r.score)),
                csv_text_cell(&reason(r, lang)),
            ]
        })
        .collect();
    write_csv(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendations_read_back_with_reasons() {
        let rows = [
            Recommendation {
                customer: "12345".into(),
                rank: 1,
                product: "=cmd".into(),
                score: 0.5,
                because: Some("22423".into()),
                confidence: Some(0.25),
            },
            Recommendation {
                customer: "12345".into(),
                rank: 2,
                product: "85123A".into(),
                score: 0.1,
                because: None,
                confidence: None,
            },
        ];
        let csv = recommendations_csv(&rows, Lang::En);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "customer,rank,product,score,reason");
        assert_eq!(
            lines[1],
            "12345,1,'=cmd,0.5,bought with 22423 (confidence 0.25)"
        );
        assert_eq!(lines[2], "12345,2,85123A,0.1,popular");
        assert!(recommendations_csv(&rows, Lang::Zh).contains("热门商品"));
    }
}
