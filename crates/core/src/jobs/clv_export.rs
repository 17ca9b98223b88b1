//! The lifetime-value and cohort results as CSV for spreadsheets and CRMs (headers in the
//! interface language, segments by key, the shared CSV rules of [`crate::export`]).

use super::clv::ClvOutput;
use super::cohort::CohortOutput;
use crate::export::{csv_number_cell, csv_text_cell, write_csv};
use crate::Lang;

/// One row per customer, highest expected value first.
pub fn clv_csv(out: &ClvOutput, lang: Lang) -> String {
    let header = [
        lang.pick("客户", "customer"),
        lang.pick("复购次数", "frequency"),
        lang.pick("最近复购距首购", "recency"),
        lang.pick("观察时长", "T"),
        lang.pick("平均复购金额", "monetary"),
        lang.pick("存活概率", "p_alive"),
        lang.pick("预计购买次数", "expected_purchases"),
        lang.pick("预计单次金额", "expected_spend"),
        lang.pick("预计价值", "expected_value"),
        lang.pick("分群", "segment"),
    ];
    let rows: Vec<Vec<String>> = out
        .rows
        .iter()
        .map(|r| {
            let v = &r.value;
            vec![
                csv_text_cell(&r.id),
                v.frequency.to_string(),
                csv_number_cell(Some(v.recency)),
                csv_number_cell(Some(v.age)),
                csv_number_cell(Some(v.monetary)),
                csv_number_cell(Some(v.p_alive)),
                csv_number_cell(Some(v.expected_purchases)),
                csv_number_cell(Some(v.expected_spend)),
                csv_number_cell(Some(v.expected_value)),
                v.segment.key().to_string(),
            ]
        })
        .collect();
    write_csv(&header, &rows)
}

/// One row per cohort and period since its first: customers active, the share, revenue
/// and revenue per cohort customer.
pub fn cohort_csv(out: &CohortOutput, lang: Lang) -> String {
    let header = [
        lang.pick("同期群", "cohort"),
        lang.pick("客户数", "customers"),
        lang.pick("第几期", "period"),
        lang.pick("活跃客户", "active"),
        lang.pick("留存率", "retention"),
        lang.pick("收入", "revenue"),
        lang.pick("人均收入", "revenue_per_customer"),
    ];
    let mut rows = Vec::new();
    for c in &out.table.cohorts {
        for k in 0..c.active.len() {
            rows.push(vec![
                csv_text_cell(&c.label),
                c.customers.to_string(),
                k.to_string(),
                c.active[k].to_string(),
                csv_number_cell(c.retention(k)),
                csv_number_cell(Some(c.revenue[k])),
                csv_number_cell(c.revenue_per_customer(k)),
            ]);
        }
    }
    write_csv(&header, &rows)
}
