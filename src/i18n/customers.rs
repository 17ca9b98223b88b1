//! Texts of the Customers page, in Simplified Chinese and English (same pattern as the parent
//! module: one key, both languages side by side, a test that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the Customers page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustomerText {
    /// Customers
    Title,
    /// Who your customers are and who is slipping away, from raw order lines: RFM score
    Intro,
    /// No data is loaded yet: open an order-lines or customer file on the Data page fir
    LoadFirst,
    /// RFM segments
    RfmTab,
    /// k-means segments
    SegmentsTab,
    /// Churn risk
    ChurnTab,
    /// Each customer's recency (R), frequency (F) and monetary value (M), scored 1–5 by
    RfmIntro,
    /// Order-line columns
    OrderColumns,
    /// Customer id column
    CustomerColumn,
    /// Order id column
    InvoiceColumn,
    /// Order date column
    DateColumn,
    /// Amount column
    AmountColumn,
    /// Quantity column
    QuantityColumn,
    /// Unit price column
    PriceColumn,
    /// Amount = quantity × unit price
    QuantityTimesPrice,
    /// (choose)
    PickColumn,
    /// (none)
    NoColumn,
    /// Analysis date
    AnalysisDate,
    /// Empty: the day after the last order
    AnalysisDateHint,
    /// Compute RFM
    RunRfm,
    /// RFM segments
    RfmResultsTitle,
    /// Customers
    Customers,
    /// Analysis date
    AsOf,
    /// Lines without a customer id
    NoIdLines,
    /// Cancellation lines
    CancelledLines,
    /// Lines after the analysis date
    AfterAsOf,
    /// Time
    Time,
    /// Lines without a customer id (guest orders) are counted apart, never merged into
    NoIdNote,
    /// Segment
    Segment,
    /// Share of customers
    ShareOfCustomers,
    /// Revenue
    Revenue,
    /// Share of revenue
    ShareOfRevenue,
    /// Mean recency (days)
    MeanRecency,
    /// Mean orders
    MeanFrequency,
    /// Mean spend
    MeanMonetary,
    /// Customers per segment
    CustomersPerSegment,
    /// Chart as text
    ChartAsText,
    /// Export CSV
    ExportCsv,
    /// customers-rfm
    RfmFileName,
    /// k-means++ starts, best of several, on standardised features (optionally log(1 +
    SegmentsIntro,
    /// Features
    Features,
    /// Numeric columns of this table (one row per customer)
    SourceColumns,
    /// R, F and M computed from the order lines
    SourceRfm,
    /// Take log(1 + x) first
    LogTransform,
    /// Seed
    Seed,
    /// Starts
    Starts,
    /// Also chart inertia and silhouette for k = 2–10
    ElbowToo,
    /// Find segments
    RunSegments,
    /// k-means segments
    SegmentsResultsTitle,
    /// Inertia
    Inertia,
    /// Silhouette
    Silhouette,
    /// Iterations
    Iterations,
    /// Rows left out (missing values)
    SkippedMissing,
    /// log(1 + x), standardised
    LogOn,
    /// standardised
    LogOff,
    /// Segment profiles
    ProfilesTitle,
    /// Mean
    MeanOf,
    /// Elbow: inertia by k
    ElbowTitle,
    /// Silhouette by k
    SilhouetteTitle,
    /// Customers on the first two principal components, coloured by segment
    MapTitle,
    /// Each dot is a customer, placed by its features' projection on the first two prin
    MapText,
    /// customer
    CustomerHeader,
    /// row
    RowHeader,
    /// segment
    SegmentHeader,
    /// customer-segments
    SegmentsFileName,
    /// Pick a churn window (for example: no order in the 90 days after the cutoff)
    ChurnIntro,
    /// Churn window (days)
    WindowDays,
    /// Cutoff
    Cutoff,
    /// Empty: the latest day whose whole window the data still covers
    CutoffHint,
    /// Classifier
    Classifier,
    /// Logistic regression
    Logistic,
    /// Decision tree (depth ≤ 5)
    Tree,
    /// Random forest (100 trees)
    Forest,
    /// Nearest neighbours (k = 25)
    Knn,
    /// No leakage: no order on or after the cutoff feeds a feature
    LeakageNote,
    /// Train and check
    RunChurn,
    /// Churn risk
    ChurnResultsTitle,
    /// Churned in the window
    Churned,
    /// Train / held-out customers
    TrainTest,
    /// ROC AUC (held out)
    Auc,
    /// AUC of recency alone (baseline)
    RecencyAuc,
    /// Heading of the column saying why a segment has its name.
    WhyName,
    /// Said when the model ranks worse than recency alone; `{model}` and `{baseline}` are
    /// the two AUCs.
    BelowBaseline,
    /// Accuracy
    Accuracy,
    /// Precision
    Precision,
    /// Recall
    Recall,
    /// F1
    F1,
    /// Held-out churn rate
    TestChurnRate,
    /// days; metrics on a random 25% of customers held out, threshold 0
    HeldOutNote,
    /// Active customers most at risk
    AtRiskTitle,
    /// Scored as of today by a model retrained on all customers; only customers who ord
    AtRiskNote,
    /// Churn probability
    Probability,
    /// churn_probability
    ProbabilityHeader,
    /// Driving factors
    Factors,
    /// points
    Points,
    /// Factors: how many percentage points the probability falls when that feature is s
    FactorsNote,
    /// churn-risk
    ChurnFileName,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: CustomerText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

fn pair(key: CustomerText) -> (&'static str, &'static str) {
    use CustomerText::*;
    match key {
        Title => (r#"客户分群"#, r#"Customers"#),
        Intro => (
            r#"从订单明细看清谁是你的客户、谁正在流失：RFM 评分与命名分群、k-means 聚类、流失风险。全部在本机浏览器中计算。"#,
            r#"Who your customers are and who is slipping away, from raw order lines: RFM scores and named segments, k-means segments, churn risk. Everything is computed in this browser."#,
        ),
        LoadFirst => (
            r#"还没有载入数据：请先在“数据”页打开一个订单明细或客户表文件。"#,
            r#"No data is loaded yet: open an order-lines or customer file on the Data page first."#,
        ),
        RfmTab => (r#"RFM 分群"#, r#"RFM segments"#),
        SegmentsTab => (r#"k-means 聚类"#, r#"k-means segments"#),
        ChurnTab => (r#"流失风险"#, r#"Churn risk"#),
        RfmIntro => (
            r#"每位客户的最近购买间隔（R）、购买频次（F）和消费金额（M），按五分位打 1–5 分，再按 R、F 得分归入 11 个标准分群。取消的订单不计入。"#,
            r#"Each customer's recency (R), frequency (F) and monetary value (M), scored 1–5 by quintiles, then placed in one of 11 standard segments by the R and F scores. Cancellations are left out."#,
        ),
        OrderColumns => (r#"订单明细的列"#, r#"Order-line columns"#),
        CustomerColumn => (r#"客户编号列"#, r#"Customer id column"#),
        InvoiceColumn => (r#"订单号列"#, r#"Order id column"#),
        DateColumn => (r#"下单日期列"#, r#"Order date column"#),
        AmountColumn => (r#"金额列"#, r#"Amount column"#),
        QuantityColumn => (r#"数量列"#, r#"Quantity column"#),
        PriceColumn => (r#"单价列"#, r#"Unit price column"#),
        QuantityTimesPrice => (r#"金额 = 数量 × 单价"#, r#"Amount = quantity × unit price"#),
        PickColumn => (r#"（请选择）"#, r#"(choose)"#),
        NoColumn => (r#"（无）"#, r#"(none)"#),
        AnalysisDate => (r#"分析日期"#, r#"Analysis date"#),
        AnalysisDateHint => (
            r#"留空则为最后一笔订单的次日；此日及以后的订单不计入。"#,
            r#"Empty: the day after the last order. Orders on or after this day are left out."#,
        ),
        RunRfm => (r#"计算 RFM"#, r#"Compute RFM"#),
        RfmResultsTitle => (r#"RFM 分群结果"#, r#"RFM segments"#),
        Customers => (r#"客户数"#, r#"Customers"#),
        AsOf => (r#"分析日期"#, r#"Analysis date"#),
        NoIdLines => (r#"无客户编号的明细行"#, r#"Lines without a customer id"#),
        CancelledLines => (r#"取消的明细行"#, r#"Cancellation lines"#),
        AfterAsOf => (
            r#"分析日期之后的明细行"#,
            r#"Lines after the analysis date"#,
        ),
        Time => (r#"用时"#, r#"Time"#),
        NoIdNote => (
            r#"没有客户编号的明细行（如游客下单）单独计数，不会被合并成一个“未知客户”。"#,
            r#"Lines without a customer id (guest orders) are counted apart, never merged into one "unknown" customer."#,
        ),
        Segment => (r#"分群"#, r#"Segment"#),
        ShareOfCustomers => (r#"客户占比"#, r#"Share of customers"#),
        Revenue => (r#"消费金额"#, r#"Revenue"#),
        ShareOfRevenue => (r#"金额占比"#, r#"Share of revenue"#),
        MeanRecency => (r#"平均最近购买间隔（天）"#, r#"Mean recency (days)"#),
        MeanFrequency => (r#"平均订单数"#, r#"Mean orders"#),
        MeanMonetary => (r#"平均消费金额"#, r#"Mean spend"#),
        CustomersPerSegment => (r#"各分群客户数"#, r#"Customers per segment"#),
        ChartAsText => (r#"图表的文字版"#, r#"Chart as text"#),
        ExportCsv => (r#"导出 CSV"#, r#"Export CSV"#),
        RfmFileName => (r#"客户RFM分群.csv"#, r#"customers-rfm.csv"#),
        SegmentsIntro => (
            r#"k-means++ 初始化、多次起点取最优，特征先标准化（可选先取 log(1+x)，消费金额通常偏态）。肘部图和轮廓系数帮助选择 k。"#,
            r#"k-means++ starts, best of several, on standardised features (optionally log(1 + x) first: spend is skewed). The elbow and silhouette charts help choose k."#,
        ),
        Features => (r#"特征"#, r#"Features"#),
        SourceColumns => (
            r#"本表的数值列（每行一位客户）"#,
            r#"Numeric columns of this table (one row per customer)"#,
        ),
        SourceRfm => (
            r#"由订单明细计算的 R、F、M"#,
            r#"R, F and M computed from the order lines"#,
        ),
        LogTransform => (r#"先取 log(1+x)"#, r#"Take log(1 + x) first"#),
        Seed => (r#"随机种子"#, r#"Seed"#),
        Starts => (r#"起点次数"#, r#"Starts"#),
        ElbowToo => (
            r#"同时计算 k = 2–10 的肘部图和轮廓系数"#,
            r#"Also chart inertia and silhouette for k = 2–10"#,
        ),
        RunSegments => (r#"开始聚类"#, r#"Find segments"#),
        SegmentsResultsTitle => (r#"k-means 聚类结果"#, r#"k-means segments"#),
        Inertia => (r#"组内平方和（inertia）"#, r#"Inertia"#),
        Silhouette => (r#"轮廓系数"#, r#"Silhouette"#),
        Iterations => (r#"迭代次数"#, r#"Iterations"#),
        SkippedMissing => (r#"因缺失值略去的行"#, r#"Rows left out (missing values)"#),
        LogOn => (r#"已取 log(1+x) 并标准化"#, r#"log(1 + x), standardised"#),
        LogOff => (r#"已标准化"#, r#"standardised"#),
        ProfilesTitle => (r#"分群画像"#, r#"Segment profiles"#),
        MeanOf => (r#"平均"#, r#"Mean"#),
        ElbowTitle => (r#"肘部图：k 与组内平方和"#, r#"Elbow: inertia by k"#),
        SilhouetteTitle => (r#"轮廓系数与 k"#, r#"Silhouette by k"#),
        MapTitle => (
            r#"客户分布图（主成分分析，按分群着色）"#,
            r#"Customers on the first two principal components, coloured by segment"#,
        ),
        MapText => (
            r#"每个点是一位客户，位置是其特征在前两个主成分上的投影，颜色是所属分群；各分群的规模与平均值见上方画像表。"#,
            r#"Each dot is a customer, placed by its features' projection on the first two principal components and coloured by its segment; the profile table above gives each segment's size and means."#,
        ),
        CustomerHeader => (r#"客户"#, r#"customer"#),
        RowHeader => (r#"行号"#, r#"row"#),
        SegmentHeader => (r#"分群"#, r#"segment"#),
        SegmentsFileName => (r#"客户聚类.csv"#, r#"customer-segments.csv"#),
        ChurnIntro => (
            r#"选定流失窗口（例如截止日后 90 天内没有下单即为流失）。特征只取截止日之前的历史（RFM、客户时长、平均订单金额、订单趋势），标签取截止日之后的窗口；模型在留出的客户上检验。"#,
            r#"Pick a churn window (for example: no order in the 90 days after the cutoff). Features come only from history before the cutoff (RFM, tenure, average order, trend), the label from the window after it; the model is checked on held-out customers."#,
        ),
        WindowDays => (r#"流失窗口（天）"#, r#"Churn window (days)"#),
        Cutoff => (r#"截止日"#, r#"Cutoff"#),
        CutoffHint => (
            r#"留空则取数据仍能覆盖完整窗口的最晚一天。"#,
            r#"Empty: the latest day whose whole window the data still covers."#,
        ),
        Classifier => (r#"分类模型"#, r#"Classifier"#),
        Logistic => (r#"逻辑回归"#, r#"Logistic regression"#),
        Tree => (r#"决策树（深度 ≤ 5）"#, r#"Decision tree (depth ≤ 5)"#),
        Forest => (r#"随机森林（100 棵树）"#, r#"Random forest (100 trees)"#),
        Knn => (r#"K 近邻（k = 25）"#, r#"Nearest neighbours (k = 25)"#),
        LeakageNote => (
            r#"防止信息泄漏：截止日及之后的任何订单都不进入特征。"#,
            r#"No leakage: no order on or after the cutoff feeds a feature."#,
        ),
        RunChurn => (r#"训练并评估"#, r#"Train and check"#),
        ChurnResultsTitle => (r#"流失风险结果"#, r#"Churn risk"#),
        Churned => (r#"窗口内流失"#, r#"Churned in the window"#),
        TrainTest => (r#"训练 / 留出客户"#, r#"Train / held-out customers"#),
        Auc => (
            r#"AUC（排序能力，留出客户）"#,
            r#"AUC (how well it ranks, held out)"#,
        ),
        WhyName => (r#"为什么叫这个名字"#, r#"Why this name"#),
        BelowBaseline => (
            r#"这个模型的排序不如只看“多久没买”（AUC {model}，基准 {baseline}）。建议直接按距上次购买的天数排序，最久没买的客户优先跟进。"#,
            r#"This model ranks customers worse than recency alone (AUC {model} vs {baseline} for the baseline). Use the baseline instead: follow up first with the customers who have not bought for longest."#,
        ),
        RecencyAuc => (
            r#"仅用最近购买间隔的 AUC（基准）"#,
            r#"AUC of recency alone (baseline)"#,
        ),
        Accuracy => (r#"准确率"#, r#"Accuracy"#),
        Precision => (r#"精确率"#, r#"Precision"#),
        Recall => (r#"召回率"#, r#"Recall"#),
        F1 => (r#"F1"#, r#"F1"#),
        TestChurnRate => (r#"留出客户流失率"#, r#"Held-out churn rate"#),
        HeldOutNote => (
            r#"天；指标来自随机留出的 25% 客户，阈值 0.5。"#,
            r#"days; metrics on a random 25% of customers held out, threshold 0.5."#,
        ),
        AtRiskTitle => (
            r#"最可能流失的活跃客户"#,
            r#"Active customers most at risk"#,
        ),
        AtRiskNote => (
            r#"用全部历史重新训练后为今天的客户打分；只列出流失窗口内下过单的活跃客户。活跃客户数："#,
            r#"Scored as of today by a model retrained on all customers; only customers who ordered within the window are listed. Active customers:"#,
        ),
        Probability => (r#"流失概率"#, r#"Churn probability"#),
        ProbabilityHeader => (r#"流失概率"#, r#"churn_probability"#),
        Factors => (r#"主要因素"#, r#"Driving factors"#),
        Points => (r#"个百分点"#, r#"points"#),
        FactorsNote => (
            r#"因素：把该项特征换成客户平均水平后，流失概率下降的幅度（百分点），取最大的三项。"#,
            r#"Factors: how many percentage points the probability falls when that feature is set to the average customer's value; the three largest."#,
        ),
        ChurnFileName => (r#"客户流失风险.csv"#, r#"churn-risk.csv"#),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CustomerText::*;

    /// Every key; add new keys here too.
    const ALL: [CustomerText; 97] = [
        Title,
        Intro,
        LoadFirst,
        RfmTab,
        SegmentsTab,
        ChurnTab,
        RfmIntro,
        OrderColumns,
        CustomerColumn,
        InvoiceColumn,
        DateColumn,
        AmountColumn,
        QuantityColumn,
        PriceColumn,
        QuantityTimesPrice,
        PickColumn,
        NoColumn,
        AnalysisDate,
        AnalysisDateHint,
        RunRfm,
        RfmResultsTitle,
        Customers,
        AsOf,
        NoIdLines,
        CancelledLines,
        AfterAsOf,
        Time,
        NoIdNote,
        Segment,
        ShareOfCustomers,
        Revenue,
        ShareOfRevenue,
        MeanRecency,
        MeanFrequency,
        MeanMonetary,
        CustomersPerSegment,
        ChartAsText,
        ExportCsv,
        RfmFileName,
        SegmentsIntro,
        Features,
        SourceColumns,
        SourceRfm,
        LogTransform,
        Seed,
        Starts,
        ElbowToo,
        RunSegments,
        SegmentsResultsTitle,
        Inertia,
        Silhouette,
        Iterations,
        SkippedMissing,
        LogOn,
        LogOff,
        ProfilesTitle,
        MeanOf,
        ElbowTitle,
        SilhouetteTitle,
        MapTitle,
        MapText,
        CustomerHeader,
        RowHeader,
        SegmentHeader,
        SegmentsFileName,
        ChurnIntro,
        WindowDays,
        Cutoff,
        CutoffHint,
        Classifier,
        Logistic,
        Tree,
        Forest,
        Knn,
        LeakageNote,
        RunChurn,
        ChurnResultsTitle,
        Churned,
        TrainTest,
        Auc,
        RecencyAuc,
        BelowBaseline,
        WhyName,
        Accuracy,
        Precision,
        Recall,
        F1,
        TestChurnRate,
        HeldOutNote,
        AtRiskTitle,
        AtRiskNote,
        Probability,
        ProbabilityHeader,
        Factors,
        Points,
        FactorsNote,
        ChurnFileName,
    ];

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(&ALL, pair, &[F1]);
    }
}
