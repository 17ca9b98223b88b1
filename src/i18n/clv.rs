//! Texts of the Customers page's lifetime-value and cohort views, in Simplified Chinese and
//! English (the parent module's pattern: one key, both languages side by side, a test that
//! every key is translated).

use shoplens_core::clv::value::ValueSegment;
use shoplens_core::Lang;

/// A user-visible text of the lifetime-value and cohort views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClvText {
    /// Lifetime value
    ClvTab,
    /// Cohorts
    CohortTab,
    /// What the lifetime-value view does.
    ClvIntro,
    /// What the cohort view does.
    CohortIntro,
    /// Last day observed
    End,
    /// Hint under the end day.
    EndHint,
    /// Calibration end (holdout check)
    CalibrationEnd,
    /// Hint under the calibration end.
    CalibrationHint,
    /// Time unit
    Unit,
    /// Weeks
    Weeks,
    /// Days
    Days,
    /// Periods ahead
    Periods,
    /// Annual discount rate
    Discount,
    /// Purchase model
    Model,
    /// BG/NBD
    Bgnbd,
    /// Pareto/NBD
    ParetoNbd,
    /// Run lifetime value
    RunClv,
    /// Lifetime value results
    ClvResultsTitle,
    /// Customers
    Customers,
    /// Distinct histories
    Histories,
    /// Log-likelihood
    LogLikelihood,
    /// Converged
    Converged,
    /// Did not converge
    NotConverged,
    /// Spend model (Gamma-Gamma)
    SpendModel,
    /// Frequency–value correlation
    Correlation,
    /// Note on the correlation.
    CorrelationNote,
    /// No spend model note.
    NoSpendModel,
    /// Holdout: predicted vs actual repeat purchases
    HoldoutTitle,
    /// Note on the holdout.
    HoldoutNote,
    /// Repeat purchases in calibration
    CalibrationFrequency,
    /// Mean purchases in the holdout
    HoldoutPurchases,
    /// Actual
    Actual,
    /// Predicted
    Predicted,
    /// Total
    Total,
    /// Segments
    SegmentsTitle,
    /// Expected value
    ExpectedValue,
    /// Customers by expected value
    CustomersTitle,
    /// Customer
    Customer,
    /// Repeat purchases
    Frequency,
    /// P(alive)
    PAlive,
    /// Expected purchases
    ExpectedPurchases,
    /// Expected spend per purchase
    ExpectedSpend,
    /// Segment
    Segment,
    /// Shows the first customers of
    ShowingFirst,
    /// Export CSV
    ExportCsv,
    /// File name of the lifetime-value export.
    ClvFileName,
    /// Top value
    SegmentTop,
    /// Active
    SegmentActive,
    /// At risk
    SegmentAtRisk,
    /// Lost
    SegmentLost,
    /// One-time buyers
    SegmentOneTime,
    /// Period
    Period,
    /// Month
    Month,
    /// Week
    Week,
    /// Run cohorts
    RunCohorts,
    /// Cohort retention
    CohortResultsTitle,
    /// Share of each cohort buying, by periods since the first purchase
    HeatMapLabel,
    /// First purchase
    FirstPurchase,
    /// Periods since the first purchase
    PeriodsSince,
    /// Show
    Show,
    /// Share still buying
    Retention,
    /// Revenue per customer
    RevenuePerCustomer,
    /// File name of the cohort export.
    CohortFileName,
    /// Milliseconds
    Time,
    /// As a table
    AsTable,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: ClvText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

/// The name of a value segment.
pub fn segment_name(lang: Lang, segment: ValueSegment) -> &'static str {
    t(
        lang,
        match segment {
            ValueSegment::Top => ClvText::SegmentTop,
            ValueSegment::Active => ClvText::SegmentActive,
            ValueSegment::AtRisk => ClvText::SegmentAtRisk,
            ValueSegment::Lost => ClvText::SegmentLost,
            ValueSegment::OneTime => ClvText::SegmentOneTime,
        },
    )
}

fn pair(key: ClvText) -> (&'static str, &'static str) {
    use ClvText::*;
    match key {
        ClvTab => ("客户终身价值", "Lifetime value"),
        CohortTab => ("同期群留存", "Cohorts"),
        ClvIntro => (
            "用 BG/NBD（或 Pareto/NBD）购买模型和 Gamma-Gamma 消费模型估计每位客户仍然活跃的概率、未来购买次数和折现后的预计价值；可设校准截止日，用之后的真实购买检验预测（样本外）。",
            "BG/NBD (or Pareto/NBD) purchase and Gamma-Gamma spend models estimate each customer's chance of still buying, future purchases and discounted expected value; a calibration end checks the predictions against the purchases after it (out of sample).",
        ),
        CohortIntro => (
            "按首次购买的月份（或周）把客户分成同期群，看每个同期群在之后各期仍在购买的比例和人均收入。",
            "Customers grouped by the month (or week) of their first purchase: the share of each cohort still buying, and revenue per customer, in each later period.",
        ),
        End => ("观察截止日", "Last day observed"),
        EndHint => ("留空：最后一笔订单的日期", "Empty: the last order's day"),
        CalibrationEnd => ("校准截止日（留出检验）", "Calibration end (holdout check)"),
        CalibrationHint => (
            "留空则不做检验；填写则只用此日及之前的订单拟合，再与之后的真实复购比较",
            "Empty: no check; otherwise fit on orders up to this day and compare with the repeat purchases after it",
        ),
        Unit => ("时间单位", "Time unit"),
        Weeks => ("周", "Weeks"),
        Days => ("天", "Days"),
        Periods => ("预测期数", "Periods ahead"),
        Discount => ("年折现率", "Annual discount rate"),
        Model => ("购买模型", "Purchase model"),
        Bgnbd => ("BG/NBD", "BG/NBD (beta-geometric)"),
        ParetoNbd => ("Pareto/NBD", "Pareto/NBD (Pareto)"),
        RunClv => ("计算终身价值", "Run lifetime value"),
        ClvResultsTitle => ("客户终身价值结果", "Lifetime value results"),
        Customers => ("客户数", "Customers"),
        Histories => ("不同购买历史数", "Distinct histories"),
        LogLikelihood => ("对数似然", "Log-likelihood"),
        Converged => ("已收敛", "converged"),
        NotConverged => ("未收敛", "did not converge"),
        SpendModel => ("消费模型（Gamma-Gamma）", "Spend model (Gamma-Gamma)"),
        Correlation => ("购买次数与客单价的相关系数", "Frequency–value correlation"),
        CorrelationNote => (
            "Gamma-Gamma 假设购买次数与每次消费金额无关：相关系数应接近 0。",
            "Gamma-Gamma assumes purchase count and spend per purchase are independent: the correlation should be near 0.",
        ),
        NoSpendModel => (
            "复购客户太少，未拟合消费模型：每次购买按平均复购金额计价。",
            "Too few repeat customers for the spend model: each purchase is priced at the mean repeat value.",
        ),
        HoldoutTitle => ("留出期：预测与实际复购", "Holdout: predicted vs actual repeat purchases"),
        HoldoutNote => (
            "按校准期复购次数分组；模型只用校准截止日及之前的订单拟合，数字均为样本外。",
            "Grouped by repeat purchases in the calibration period; the model saw only orders up to the calibration end, so every figure is out of sample.",
        ),
        CalibrationFrequency => ("校准期复购次数", "Repeat purchases in calibration"),
        HoldoutPurchases => ("留出期人均购买次数", "Mean purchases in the holdout"),
        Actual => ("实际", "Actual"),
        Predicted => ("预测", "Predicted"),
        Total => ("合计", "Total"),
        SegmentsTitle => ("价值分群", "Value segments"),
        ExpectedValue => ("预计价值", "Expected value"),
        CustomersTitle => ("按预计价值排序的客户", "Customers by expected value"),
        Customer => ("客户", "Customer"),
        Frequency => ("复购次数", "Repeat purchases"),
        PAlive => ("存活概率", "P(alive)"),
        ExpectedPurchases => ("预计购买次数", "Expected purchases"),
        ExpectedSpend => ("预计单次金额", "Expected spend per purchase"),
        Segment => ("分群", "Segment"),
        ShowingFirst => ("表中显示前 200 位，导出包含全部客户：", "The table shows the first 200; the export has every customer:"),
        ExportCsv => ("导出 CSV", "Export CSV"),
        ClvFileName => ("客户终身价值.csv", "customer-lifetime-value.csv"),
        SegmentTop => ("高价值", "Top value"),
        SegmentActive => ("活跃", "Active"),
        SegmentAtRisk => ("有流失风险", "At risk"),
        SegmentLost => ("已流失", "Lost"),
        SegmentOneTime => ("仅购买一次", "One-time buyers"),
        Period => ("分期", "Period"),
        Month => ("月", "Month"),
        Week => ("周（周一开始）", "Week (from Monday)"),
        RunCohorts => ("计算同期群", "Run cohorts"),
        CohortResultsTitle => ("同期群留存结果", "Cohort retention"),
        HeatMapLabel => (
            "各同期群在首购后各期仍在购买的比例热力图",
            "Heat map: share of each cohort buying, by periods since the first purchase",
        ),
        FirstPurchase => ("首购期", "First purchase"),
        PeriodsSince => ("首购后第几期", "Periods since the first purchase"),
        Show => ("显示", "Show"),
        Retention => ("仍在购买的比例", "Share still buying"),
        RevenuePerCustomer => ("人均收入", "Revenue per customer"),
        CohortFileName => ("同期群留存.csv", "cohort-retention.csv"),
        Time => ("用时", "Time"),
        AsTable => ("以表格查看", "As a table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClvText::*;

    /// Every key; add new keys here too.
    const ALL: [ClvText; 65] = [
        ClvTab,
        CohortTab,
        ClvIntro,
        CohortIntro,
        End,
        EndHint,
        CalibrationEnd,
        CalibrationHint,
        Unit,
        Weeks,
        Days,
        Periods,
        Discount,
        Model,
        Bgnbd,
        ParetoNbd,
        RunClv,
        ClvResultsTitle,
        Customers,
        Histories,
        LogLikelihood,
        Converged,
        NotConverged,
        SpendModel,
        Correlation,
        CorrelationNote,
        NoSpendModel,
        HoldoutTitle,
        HoldoutNote,
        CalibrationFrequency,
        HoldoutPurchases,
        Actual,
        Predicted,
        Total,
        SegmentsTitle,
        ExpectedValue,
        CustomersTitle,
        Customer,
        Frequency,
        PAlive,
        ExpectedPurchases,
        ExpectedSpend,
        Segment,
        ShowingFirst,
        ExportCsv,
        ClvFileName,
        SegmentTop,
        SegmentActive,
        SegmentAtRisk,
        SegmentLost,
        SegmentOneTime,
        Period,
        Month,
        Week,
        RunCohorts,
        CohortResultsTitle,
        HeatMapLabel,
        FirstPurchase,
        PeriodsSince,
        Show,
        Retention,
        RevenuePerCustomer,
        CohortFileName,
        Time,
        AsTable,
    ];

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(&ALL, pair, &[Bgnbd, ParetoNbd]);
    }
}
