//! Texts of the exported report (its headings, the summary, the footer), in Simplified
//! Chinese and English (same pattern as the parent module: one key, both languages side by
//! side, a test that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportText {
    /// The button in the header.
    Export,
    /// Its tooltip when no data is loaded.
    LoadFirst,
    /// Shown on the button while the report is being put together.
    Building,
    /// The report's title.
    Title,
    /// Heading of the summary that opens the report.
    Summary,
    /// The summary's first column: which analysis.
    Analysis,
    /// Heading of the data section.
    Data,
    /// Heading of an analysis's settings list.
    Settings,
    /// Heading of an analysis's results.
    Results,
    /// The summary's line when no analysis has been run.
    NoAnalyses,
    /// "Generated" before the date.
    Generated,
    /// "data file" before the file's name.
    DataFile,
    /// The footer.
    Footer,
    /// Association rules (baskets).
    BasketsSection,
    /// One trained model.
    ModelSection,
    /// Models compared by cross-validation.
    CompareSection,
    /// Grid search.
    GridSection,
    /// RFM segments.
    RfmSection,
    /// K-means segments.
    SegmentsSection,
    /// Churn.
    ChurnSection,
    /// Demand forecast.
    ForecastSection,
    /// Inventory policies.
    InventorySection,
    /// Delivery routes.
    RoutesSection,
    /// Ad budget.
    BudgetSection,
    /// Customer lifetime value.
    ClvSection,
    /// Cohort retention.
    CohortSection,
    /// ABC/XYZ product classes.
    AbcXyzSection,
    /// Recommendations per customer.
    RecommendSection,
}

fn pair(key: ReportText) -> (&'static str, &'static str) {
    use ReportText::*;
    match key {
        Export => ("导出报告", "Export report"),
        LoadFirst => (
            "先载入数据，再导出报告",
            "Load data first to export a report",
        ),
        Building => ("正在生成报告…", "Building the report…"),
        Title => ("分析报告", "Analysis report"),
        Summary => ("摘要", "Summary"),
        Analysis => ("分析", "Analysis"),
        Data => ("数据", "Data"),
        Settings => ("设置", "Settings"),
        Results => ("结果", "Results"),
        NoAnalyses => (
            "本次会话还没有运行任何分析。",
            "No analysis has been run in this session yet.",
        ),
        Generated => ("生成于", "Generated"),
        DataFile => ("数据文件：", "data file: "),
        Footer => (
            "本报告由 shoplens 在您的浏览器中生成；数据从未离开您的电脑。",
            "Made by shoplens in your browser; the data never left your computer.",
        ),
        BasketsSection => ("购物篮：关联规则", "Baskets: association rules"),
        ModelSection => ("预测模型", "Predictive model"),
        CompareSection => ("模型比较（交叉验证）", "Models compared (cross-validation)"),
        GridSection => ("参数搜索", "Parameter search"),
        RfmSection => ("客户价值（RFM）", "Customer value (RFM)"),
        SegmentsSection => ("客户分群（k 均值）", "Customer segments (k-means)"),
        ChurnSection => ("流失风险", "Churn risk"),
        ForecastSection => ("需求预测", "Demand forecast"),
        InventorySection => ("库存策略", "Inventory policies"),
        RoutesSection => ("配送路线", "Delivery routes"),
        BudgetSection => ("广告预算", "Ad budget"),
        ClvSection => ("客户终身价值", "Customer lifetime value"),
        CohortSection => ("同期群留存", "Cohort retention"),
        AbcXyzSection => ("商品 ABC/XYZ 分类", "Product classes (ABC/XYZ)"),
        RecommendSection => ("个性化推荐", "Recommendations per customer"),
    }
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: ReportText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportText::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(
            &[
                Export,
                LoadFirst,
                Building,
                Title,
                Summary,
                Analysis,
                Data,
                Settings,
                Results,
                NoAnalyses,
                Generated,
                DataFile,
                Footer,
                BasketsSection,
                ModelSection,
                CompareSection,
                GridSection,
                RfmSection,
                SegmentsSection,
                ChurnSection,
                ForecastSection,
                InventorySection,
                RoutesSection,
                BudgetSection,
                ClvSection,
                CohortSection,
                AbcXyzSection,
                RecommendSection,
            ],
            pair,
            &[],
        );
    }
}
