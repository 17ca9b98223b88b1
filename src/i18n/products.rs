//! Texts of the Products page (ABC/XYZ classes and recommendations), in Simplified Chinese
//! and English: one key, both languages side by side, a test that every key is translated.
//! The keys, the pair function and the list the test walks are written once, by
//! `product_texts!`, so a key cannot be left out of the test.

use shoplens_core::Lang;

macro_rules! product_texts {
    ($($(#[$doc:meta])* $key:ident => ($zh:expr, $en:expr),)+) => {
        /// A user-visible text of the Products page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ProductText {
            $($(#[$doc])* $key,)+
        }

        /// Every key, for the translation test.
        #[cfg(test)]
        const ALL: &[ProductText] = &[$(ProductText::$key,)+];

        fn pair(key: ProductText) -> (&'static str, &'static str) {
            match key {
                $(ProductText::$key => ($zh, $en),)+
            }
        }
    };
}

product_texts! {
    /// Page heading.
    Title => ("商品", "Products"),
    /// What the page is for.
    Intro => (
        "哪些商品撑起了生意、需求是否稳定（ABC/XYZ 分类），以及每位顾客下一步可能想买什么（个性化推荐），都从订单明细算出。",
        "Which products carry the business and how steadily they sell (ABC/XYZ classes), and what each customer might buy next (recommendations), from raw order lines."
    ),
    /// No table yet.
    LoadFirst => (
        "还没有加载数据：请先在“数据”页打开一份订单明细文件（每行一个订单中的一个商品）。",
        "No data is loaded yet: open an order-lines file (one line per product per order) on the Data page first."
    ),
    /// Heading of the ABC/XYZ section.
    AbcTitle => ("ABC/XYZ 商品分类", "ABC/XYZ product classes"),
    /// What ABC/XYZ is.
    AbcIntro => (
        "ABC 按销售额（或销量、毛利）占比给商品分级：A 类是合计占 80% 的少数商品，B 类再占 15%，C 类是其余长尾。XYZ 按每期需求的变异系数（总体标准差 ÷ 均值）衡量稳定性：X ≤ 0.5 稳定，Y ≤ 1.0 波动，Z 更高为零星或不稳定。",
        "ABC grades products by their share of revenue (or units, or margin): A is the few products that together make 80%, B the next 15%, C the long tail. XYZ measures steadiness by the coefficient of variation of demand per period (population standard deviation ÷ mean): X ≤ 0.5 steady, Y ≤ 1.0 varying, Z above, sporadic or erratic."
    ),
    /// Heading of the column choices.
    Columns => ("列", "Columns"),
    /// Option: let the file's understanding decide.
    Automatic => ("（自动识别）", "(automatic)"),
    /// Product column label.
    ProductColumn => ("商品列", "Product column"),
    /// Date column label.
    DateColumn => ("日期列", "Date column"),
    /// Quantity column label.
    QuantityColumn => ("数量列", "Quantity column"),
    /// Price column label.
    PriceColumn => ("单价列", "Unit price column"),
    /// Cost column label.
    CostColumn => ("单位成本列（按毛利分级时需要）", "Unit cost column (needed for margin)"),
    /// Customer column label.
    CustomerColumn => ("客户列", "Customer column"),
    /// Order column label.
    OrderColumn => ("订单号列", "Order id column"),
    /// Measure choice.
    RankBy => ("ABC 依据", "ABC by"),
    /// Revenue.
    ByRevenue => ("销售额", "Revenue"),
    /// Units.
    ByQuantity => ("销量", "Units"),
    /// Margin.
    ByMargin => ("毛利", "Margin"),
    /// Period choice.
    Period => ("需求周期", "Demand period"),
    /// Week.
    Week => ("周", "Week"),
    /// Month.
    Month => ("月", "Month"),
    /// A share threshold.
    AShare => ("A 类占比", "A share"),
    /// B share threshold.
    BShare => ("B 类占比", "B share"),
    /// X threshold.
    XMaxCv => ("X 类最大变异系数", "Largest CV of X"),
    /// Y threshold.
    YMaxCv => ("Y 类最大变异系数", "Largest CV of Y"),
    /// Run button.
    RunAbc => ("计算 ABC/XYZ", "Classify products"),
    /// Heading of the results.
    AbcResultsTitle => ("ABC/XYZ 矩阵", "ABC/XYZ matrix"),
    /// Products counted.
    Products => ("商品数", "Products"),
    /// Lines kept.
    Lines => ("有效明细行", "Lines kept"),
    /// Returns left out.
    Returns => ("退货/取消行（已排除）", "Returns/cancellations left out"),
    /// Periods.
    Periods => ("需求期数", "Demand periods"),
    /// Revenue.
    Revenue => ("销售额", "Revenue"),
    /// Time spent.
    Time => ("耗时", "Time"),
    /// Chart label.
    MatrixChart => ("ABC/XYZ 矩阵：每格的商品数和销售额", "ABC/XYZ matrix: products and revenue per cell"),
    /// How to pick a cell.
    MatrixHint => (
        "点击图中的格子或下方按钮（可用键盘）查看该格的商品清单。",
        "Click a cell of the chart or a button below (keyboard works) to list that cell's products."
    ),
    /// Buttons' group label.
    Cells => ("选择格子", "Choose a cell"),
    /// Products in the cell.
    ProductsIn => ("该格商品", "Products in"),
    /// Only the first rows are shown.
    FirstShown => ("仅显示前 200 个，导出可得全部。", "The first 200 are shown; export for all of them."),
    /// Product header.
    Product => ("商品", "Product"),
    /// Class header.
    Class => ("类别", "Class"),
    /// Measure header.
    Measure => ("排序指标", "Measure"),
    /// Share header.
    Share => ("占比", "Share"),
    /// Cumulative share header.
    Cumulative => ("累计占比", "Cumulative"),
    /// Mean demand header.
    MeanDemand => ("每期平均需求", "Mean demand"),
    /// CV header.
    Cv => ("变异系数", "CV"),
    /// Service level header.
    ServiceLevel => ("建议服务水平", "Suggested service level"),
    /// What the service level is.
    ServiceLevelNote => (
        "建议服务水平是补货周期内不缺货的概率：AX 0.99 最高，CZ 0.90 最低。库存页可据此按类别设定。",
        "The suggested service level is the chance of no stock-out in a replenishment cycle: AX 0.99 at the top, CZ 0.90 at the bottom. The inventory tab can set it per class."
    ),
    /// Export the cell.
    ExportCell => ("导出该格 CSV", "Export this cell as CSV"),
    /// Export all.
    ExportAll => ("导出全部商品 CSV", "Export all products as CSV"),
    /// File name of the export.
    AbcFileName => ("ABC-XYZ分类.csv", "abc-xyz-classes.csv"),
    /// Heading of the recommendations section.
    RecTitle => ("个性化推荐", "Recommendations"),
    /// What the recommender does.
    RecIntro => (
        "为每位顾客推荐其尚未购买的商品：依据商品之间的共同购买（余弦相似度，只采用至少在若干个购物篮中同时出现、构成关联规则的商品对），不足时用最畅销商品补齐。",
        "For each customer, products they have not bought yet: by item-to-item co-purchase (cosine similarity, using only pairs bought together in enough baskets to form a rule), filled with the best sellers when co-purchase runs out."
    ),
    /// Top N label.
    TopN => ("每位顾客推荐数", "Products per customer"),
    /// Basket unit label.
    Basket => ("购物篮", "Basket"),
    /// One order.
    BasketOrder => ("一个订单", "One order"),
    /// One customer.
    BasketCustomer => ("一位顾客的全部购买", "All of one customer's purchases"),
    /// Minimum co-purchase count.
    MinTogether => (
        "商品对至少同时出现的购物篮数（留空：在验证集上选择）",
        "Fewest baskets a pair shares (blank: chosen on a validation split)"
    ),
    /// Keep non-products checkbox.
    KeepNonProducts => (
        "保留非商品项（邮费、手续费、占位符）",
        "Keep non-products (postage, fees, placeholders)"
    ),
    /// Before the list of items left out as not products.
    LeftOut => (
        "未作为商品推荐（名称表明不是商品；勾选“保留非商品项”可保留）：",
        "Left out as not products (their names say so; tick \"Keep non-products\" to keep them): "
    ),
    /// Order lines, after a count.
    LinesWord => ("行", "lines"),
    /// Run button.
    RunRec => ("生成推荐", "Recommend"),
    /// Heading of the results.
    RecResultsTitle => ("推荐结果与评估", "Recommendations and their evaluation"),
    /// How the evaluation was made.
    HeldOutNote => (
        "评估方法：每位有两个及以上订单的顾客，留出其最后一个订单，只用其余订单训练；命中率@10 是留出订单中的新商品至少有一个出现在前 10 个推荐中的顾客占比，召回率@10 是这些新商品被找到的平均比例。旁边是只按畅销程度推荐的基线。",
        "Measured on held-out last orders: for every customer with two orders or more, the last order is held out and the model learns from the others. Hit rate@10 is the share of those customers with at least one of the new products of that order in their top 10; recall@10 the mean share of those products found. Beside it: recommending best sellers alone."
    ),
    /// Model header.
    Model => ("方法", "Model"),
    /// The recommender.
    CoPurchase => ("共同购买 + 畅销补齐", "Co-purchase + best sellers"),
    /// The baseline.
    Popularity => ("仅畅销商品（基线）", "Best sellers only (baseline)"),
    /// Hit rate header.
    HitRate => ("命中率@10", "Hit rate@10"),
    /// Recall header.
    Recall => ("召回率@10", "Recall@10"),
    /// Customers evaluated.
    Evaluated => ("参与评估的顾客", "Customers evaluated"),
    /// Customers with one order.
    SingleOrder => ("仅一个订单的顾客", "Customers with one order"),
    /// Customers whose last order held nothing new.
    NothingNew => ("最后订单无新商品的顾客", "Last order with nothing new"),
    /// Customers.
    Customers => ("顾客数", "Customers"),
    /// Co-purchased pairs.
    Pairs => ("共同购买商品对", "Co-purchased pairs"),
    /// Customers with popularity only.
    PopularOnly => ("只得到畅销推荐的顾客", "Customers with best sellers only"),
    /// Filter box.
    FindCustomer => ("查找顾客", "Find a customer"),
    /// Customer header.
    Customer => ("顾客", "Customer"),
    /// Rank header.
    Rank => ("名次", "Rank"),
    /// Score header.
    Score => ("得分", "Score"),
    /// Reason header.
    Reason => ("理由", "Reason"),
    /// Only the first customers are shown.
    FirstCustomers => ("仅显示前 50 位匹配的顾客，导出可得全部。", "The first 50 matching customers are shown; export for all of them."),
    /// Export button.
    ExportRecs => ("导出推荐 CSV（用于 CRM / 邮件）", "Export recommendations as CSV (for a CRM or e-mail tool)"),
    /// File name of the export.
    RecFileName => ("个性化推荐.csv", "recommendations.csv"),
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: ProductText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(ALL, pair, &[]);
    }
}
