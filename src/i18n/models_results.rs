//! Texts of the Models page's results charts (fit scatters, confusion matrix, ROC curve,
//! importances, tree diagram), in Simplified Chinese and English; same pattern as the
//! parent module: one key, both languages side by side, a test that every key is
//! translated.

use shoplens_core::Lang;

/// A user-visible text of the Models page's result charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultText {
    /// Heading of the predicted-vs-actual chart.
    FitHeading,
    /// Axis: actual value.
    Actual,
    /// Axis: predicted value.
    Predicted,
    /// Axis: residual.
    Residual,
    /// Heading of the residuals chart.
    ResidualsHeading,
    /// Heading of the feature-vs-target chart.
    FeatureHeading,
    /// Label of the feature select.
    FeatureSelect,
    /// Caption when the line is the linear model's partial line.
    LinePartial,
    /// Caption when the orange dots are the model's predictions.
    DotsPredicted,
    /// Legend: y = x.
    IdentityLegend,
    /// Legend: residual zero.
    ZeroLegend,
    /// Legend: the evaluated rows.
    RowsLegend,
    /// Legend: the fitted line.
    FittedLineLegend,
    /// Legend: the model's predictions.
    PredictionsLegend,
    /// Shown when no numeric feature can be plotted.
    NoNumericFeature,
    /// Heading of the confusion matrix.
    ConfusionHeading,
    /// Rows of the confusion matrix.
    TrueClass,
    /// Columns of the confusion matrix.
    PredictedClass,
    /// Heading of the ROC curve.
    RocHeading,
    /// Axis: false-positive rate.
    Fpr,
    /// Axis: true-positive rate.
    Tpr,
    /// Legend of the ROC curve; `{auc}` is the area under it.
    AucLegend,
    /// Legend of the diagonal.
    ChanceLegend,
    /// Heading of the importance bars.
    ImportanceHeading,
    /// Heading of the coefficient-size bars.
    CoefficientBarsHeading,
    /// Note that standardised coefficients compare.
    StandardizedNote,
    /// Note that raw coefficients depend on the feature's unit.
    RawCoefficientNote,
    /// Column: importance.
    Importance,
    /// Column: coefficient size.
    Magnitude,
    /// Heading of the tree diagram.
    TreeHeading,
    /// How to use the tree diagram.
    TreeHelp,
    /// Label of the forest's tree picker; `{n}` is the number of trees offered.
    ForestTreePick,
    /// Node text: samples.
    Samples,
    /// Node text: value (regression).
    NodeValue,
    /// Column: node number.
    Node,
    /// Column: depth.
    Depth,
    /// Column: split or prediction.
    SplitOrLeaf,
    /// Column: class mix or value.
    Mix,
    /// Button: fold a branch.
    Fold,
    /// Button: unfold a branch.
    Unfold,
    /// Summary of a chart's table alternative.
    AsTable,
    /// Caption of a shortened table: `{shown}` of `{total}` rows.
    FirstRows,
    /// Column: count.
    Count,
    /// Leaf text: the prediction follows.
    Predicts,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: ResultText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

/// A metric's name in plain words, from its key in the job's output (`roc_auc`,
/// `log_loss`...); an unknown key is shown as it is.
pub fn metric_label(lang: Lang, key: &str) -> String {
    let (zh, en) = match key {
        "accuracy" => ("准确率（判对的比例）", "Accuracy (share predicted right)"),
        "precision" => (
            "精确率（判为正的有多少是真的）",
            "Precision (flagged that were right)",
        ),
        "recall" => ("召回率（真的有多少被找出）", "Recall (true cases found)"),
        "f1" => (
            "F1（精确率与召回率的平衡）",
            "F1 (precision and recall together)",
        ),
        "roc_auc" => ("AUC（排序能力）", "AUC (how well it ranks)"),
        "log_loss" => (
            "对数损失（概率的准确度，越低越好）",
            "Log loss (probability error, lower is better)",
        ),
        "r2" => ("R²（解释的变动比例）", "R² (share of variation explained)"),
        "adjusted_r2" => (
            "调整后 R²（已按特征数修正）",
            "Adjusted R² (corrected for the number of features)",
        ),
        "rmse" => (
            "均方根误差（越低越好）",
            "Root mean squared error (lower is better)",
        ),
        "mae" => (
            "平均绝对误差（越低越好）",
            "Mean absolute error (lower is better)",
        ),
        "mape" => (
            "平均绝对百分比误差（越低越好）",
            "Mean absolute percentage error (lower is better)",
        ),
        other => return other.to_owned(),
    };
    lang.pick(zh, en).to_owned()
}

fn pair(key: ResultText) -> (&'static str, &'static str) {
    use ResultText::*;
    match key {
        FitHeading => ("预测值与实际值", "Predicted vs actual"),
        Actual => ("实际值", "Actual"),
        Predicted => ("预测值", "Predicted"),
        Residual => ("残差（实际 − 预测）", "Residual (actual − predicted)"),
        ResidualsHeading => ("残差与预测值", "Residuals vs predicted"),
        FeatureHeading => ("单个特征与目标", "One feature against the target"),
        FeatureSelect => ("特征", "Feature"),
        LinePartial => (
            "红线：线性模型在该特征变化、其他特征固定为评估行均值时的预测（由系数得出）。",
            "Red line: the linear model's prediction as this feature varies, the other features held at their means over the evaluated rows (from the coefficient).",
        ),
        DotsPredicted => (
            "橙色点：模型对同一批评估行的预测值（该模型在单个特征上不是一条直线）。",
            "Orange dots: the model's predictions for the same evaluated rows (this model is not a straight line in one feature).",
        ),
        IdentityLegend => ("y = x（完美预测）", "y = x (perfect prediction)"),
        ZeroLegend => ("残差为 0", "residual 0"),
        RowsLegend => ("评估行", "evaluated rows"),
        FittedLineLegend => ("拟合线", "fitted line"),
        PredictionsLegend => ("模型预测", "model's predictions"),
        NoNumericFeature => ("没有可绘制的数值特征列。", "No numeric feature column to plot."),
        ConfusionHeading => ("混淆矩阵", "Confusion matrix"),
        TrueClass => ("真实类别", "True class"),
        PredictedClass => ("预测类别", "Predicted class"),
        RocHeading => ("ROC 曲线", "ROC curve"),
        Fpr => ("假阳性率", "False-positive rate"),
        Tpr => ("真阳性率", "True-positive rate"),
        AucLegend => ("ROC 曲线（AUC = {auc}）", "ROC (AUC = {auc})"),
        ChanceLegend => ("随机猜测", "chance"),
        ImportanceHeading => ("特征重要性（前 20）", "Feature importances (top 20)"),
        CoefficientBarsHeading => ("系数大小 |系数|（前 20）", "Coefficient sizes |coefficient| (top 20)"),
        StandardizedNote => (
            "系数基于标准化后的特征，大小可以直接比较。",
            "The coefficients are on standardised features, so their sizes compare.",
        ),
        RawCoefficientNote => (
            "系数基于原始特征，大小取决于各特征的单位。",
            "The coefficients are on the raw features: their sizes depend on each feature's unit.",
        ),
        Importance => ("重要性", "Importance"),
        Magnitude => ("|系数|", "|Coefficient|"),
        TreeHeading => ("决策树", "Decision tree"),
        TreeHelp => (
            "点击节点折叠或展开其分支；滚轮或按钮缩放；拖动平移。第 3 层以下的分支开始时是折叠的。",
            "Click a node to fold or unfold its branch; zoom with the wheel or the buttons; drag to pan. Branches below depth 3 start folded.",
        ),
        ForestTreePick => ("显示森林中的第几棵树（1–{n}）", "Tree of the forest to show (1–{n})"),
        Samples => ("样本", "samples"),
        NodeValue => ("值", "value"),
        Node => ("节点", "Node"),
        Depth => ("深度", "Depth"),
        SplitOrLeaf => ("划分或预测", "Split or prediction"),
        Mix => ("类别构成 / 值", "Class mix / value"),
        Fold => ("折叠", "Fold"),
        Unfold => ("展开", "Unfold"),
        AsTable => ("以表格查看数据", "Show the data as a table"),
        FirstRows => ("显示前 {shown} 行，共 {total} 行。", "Showing the first {shown} of {total} rows."),
        Count => ("数量", "Count"),
        Predicts => ("预测", "predicts"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_have_plain_names_in_both_languages() {
        for key in [
            "accuracy",
            "precision",
            "recall",
            "f1",
            "roc_auc",
            "log_loss",
            "r2",
            "adjusted_r2",
            "rmse",
            "mae",
            "mape",
        ] {
            let (zh, en) = (metric_label(Lang::Zh, key), metric_label(Lang::En, key));
            assert!(!en.contains('_') && en.contains('('), "{key}: {en}");
            assert!(zh.contains('（') && zh != en, "{key}: {zh}");
        }
        assert_eq!(metric_label(Lang::En, "roc_auc"), "AUC (how well it ranks)");
        assert_eq!(metric_label(Lang::En, "new_metric"), "new_metric");
    }

    /// Every key; add new keys here too.
    const ALL: [ResultText; 44] = [
        ResultText::FitHeading,
        ResultText::Actual,
        ResultText::Predicted,
        ResultText::Residual,
        ResultText::ResidualsHeading,
        ResultText::FeatureHeading,
        ResultText::FeatureSelect,
        ResultText::LinePartial,
        ResultText::DotsPredicted,
        ResultText::IdentityLegend,
        ResultText::ZeroLegend,
        ResultText::RowsLegend,
        ResultText::FittedLineLegend,
        ResultText::PredictionsLegend,
        ResultText::NoNumericFeature,
        ResultText::ConfusionHeading,
        ResultText::TrueClass,
        ResultText::PredictedClass,
        ResultText::RocHeading,
        ResultText::Fpr,
        ResultText::Tpr,
        ResultText::AucLegend,
        ResultText::ChanceLegend,
        ResultText::ImportanceHeading,
        ResultText::CoefficientBarsHeading,
        ResultText::StandardizedNote,
        ResultText::RawCoefficientNote,
        ResultText::Importance,
        ResultText::Magnitude,
        ResultText::TreeHeading,
        ResultText::TreeHelp,
        ResultText::ForestTreePick,
        ResultText::Samples,
        ResultText::NodeValue,
        ResultText::Node,
        ResultText::Depth,
        ResultText::SplitOrLeaf,
        ResultText::Mix,
        ResultText::Fold,
        ResultText::Unfold,
        ResultText::AsTable,
        ResultText::FirstRows,
        ResultText::Count,
        ResultText::Predicts,
    ];

    #[test]
    fn every_text_exists_in_both_languages_and_they_differ() {
        crate::i18n::assert_translated(&ALL, pair, &[]);
    }

    #[test]
    fn placeholders_appear_in_both_languages() {
        for (key, name) in [
            (ResultText::AucLegend, "{auc}"),
            (ResultText::ForestTreePick, "{n}"),
            (ResultText::FirstRows, "{shown}"),
            (ResultText::FirstRows, "{total}"),
        ] {
            let (zh, en) = pair(key);
            assert!(zh.contains(name) && en.contains(name), "{key:?}");
        }
    }
}
