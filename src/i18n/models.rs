//! Texts of the Predictive models page, in Simplified Chinese and English (same pattern as the parent
//! module: one key, both languages side by side, a test that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the Predictive models page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelText {
    /// The page's heading.
    Title,
    /// Shown before a table is loaded.
    LoadFirst,
    /// Target label.
    Target,
    /// Model label.
    Model,
    /// Test size label.
    TestSize,
    /// Seed label.
    Seed,
    /// Train button.
    Train,
    /// Job name.
    Training,
    /// Metrics heading.
    Metrics,
    /// Coefficients heading.
    Coefficients,
    /// Intercept row.
    Intercept,
    /// Feature column header.
    Feature,
    /// Value column header.
    Value,
    /// Train/test rows.
    Rows,
    /// Feature columns.
    Features,
    /// Columns left out, with the reason.
    LeftOut,
    /// Task select.
    Task,
    /// Task follows the target.
    TaskAuto,
    /// Regression.
    TaskRegression,
    /// Classification.
    TaskClassification,
    /// Settings heading.
    Settings,
    /// Ridge alpha.
    RidgeAlpha,
    /// Help.
    RidgeHelp,
    /// C.
    LogisticC,
    /// Help.
    LogisticHelp,
    /// C.
    SvmC,
    /// Help.
    SvmHelp,
    /// k.
    KnnK,
    /// weights.
    KnnWeights,
    /// uniform.
    WeightsUniform,
    /// distance.
    WeightsDistance,
    /// metric.
    KnnMetric,
    /// Euclidean.
    Euclidean,
    /// Manhattan.
    Manhattan,
    /// Help.
    KnnHelp,
    /// criterion.
    Criterion,
    /// gini.
    Gini,
    /// entropy.
    Entropy,
    /// max depth.
    MaxDepth,
    /// min split.
    MinSplit,
    /// min leaf.
    MinLeaf,
    /// Help.
    TreeHelp,
    /// n trees.
    NTrees,
    /// max features.
    MaxFeatures,
    /// default.
    MaxFeaturesDefault,
    /// sqrt.
    MaxFeaturesSqrt,
    /// log2.
    MaxFeaturesLog2,
    /// all.
    MaxFeaturesAll,
    /// Help.
    ForestHelp,
    /// Stratify.
    Stratify,
    /// Imputation.
    Impute,
    /// mean.
    ImputeMean,
    /// median.
    ImputeMedian,
    /// most frequent.
    ImputeMostFrequent,
    /// fit time.
    FitTime,
    /// Folds.
    Folds,
    /// Compare all button.
    CompareAll,
    /// job name.
    Comparing,
    /// grid search button.
    GridSearch,
    /// job name.
    Searching,
    /// job name.
    Planning,
    /// heading.
    CompareHeading,
    /// heading.
    GridHeading,
    /// column.
    Candidate,
    /// column.
    MeanScore,
    /// column.
    StdScore,
    /// column.
    Milliseconds,
    /// best marker.
    Best,
    /// button.
    SaveModel,
    /// job.
    Saving,
    /// Saving with no trained model on the page.
    TrainFirst,
    /// button.
    ExportHeldOut,
    /// heading.
    ScoreHeading,
    /// help.
    ScoreHelp,
    /// label.
    LoadModel,
    /// job.
    Scoring,
    /// result.
    Scored,
    /// button.
    DownloadPredictions,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: ModelText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

fn pair(key: ModelText) -> (&'static str, &'static str) {
    use ModelText::*;
    match key {
        Title => ("预测模型", "Predictive models"),
        LoadFirst => (
            "请先在数据页加载一个表格。",
            "Load a table on the Data page first.",
        ),
        Target => ("目标列", "Target column"),
        Model => ("模型", "Model"),
        TestSize => (
            "测试集比例（0 = 全部行拟合）",
            "Test share (0 = fit on all rows)",
        ),
        Seed => ("随机种子", "Seed"),
        Train => ("训练模型", "Train model"),
        Training => ("训练模型", "Training a model"),
        Metrics => ("评估指标", "Metrics"),
        Coefficients => ("系数", "Coefficients"),
        Intercept => ("截距", "Intercept"),
        Feature => ("特征", "Feature"),
        Value => ("数值", "Value"),
        Rows => ("训练行 / 测试行", "Training rows / test rows"),
        Features => ("特征列", "Feature columns"),
        LeftOut => ("未使用的列及原因", "Columns left out, and why"),
        Task => ("任务类型", "Task"),
        TaskAuto => ("按目标列自动判断", "Follow the target's type"),
        TaskRegression => ("回归（预测数值）", "Regression (predict a number)"),
        TaskClassification => ("分类（预测类别）", "Classification (predict a class)"),
        Settings => ("模型参数", "Model settings"),
        RidgeAlpha => ("岭回归惩罚 alpha", "Ridge penalty alpha"),
        RidgeHelp => ("0 为普通最小二乘；越大系数越向 0 收缩，可缓解共线性。", "0 is ordinary least squares; larger values shrink the coefficients towards 0 and tame collinear features."),
        LogisticC => ("正则化倒数 C", "Inverse regularisation C"),
        LogisticHelp => ("C 越小正则化越强、系数越小；默认 1。特征已标准化。", "Smaller C means stronger regularisation and smaller coefficients; default 1. Features are standardised."),
        SvmC => ("惩罚系数 C", "Penalty C"),
        SvmHelp => ("C 越大越严格地拟合训练数据；默认 1。特征已标准化。", "Larger C fits the training rows more strictly; default 1. Features are standardised."),
        KnnK => ("近邻数 k", "Neighbours k"),
        KnnWeights => ("投票权重", "Vote weights"),
        WeightsUniform => ("相同权重", "Uniform"),
        WeightsDistance => ("按距离倒数", "1 / distance"),
        KnnMetric => ("距离", "Distance"),
        Euclidean => ("欧氏距离", "Euclidean"),
        Manhattan => ("曼哈顿距离", "Manhattan"),
        KnnHelp => ("k 小则边界灵活但易受噪声影响；k 大则更平滑。默认 k = 5，特征已标准化。", "A small k follows the data closely but is noisy; a large k is smoother. Default k = 5; features are standardised."),
        Criterion => ("分裂标准", "Split criterion"),
        Gini => ("基尼不纯度", "Gini impurity"),
        Entropy => ("信息熵", "Entropy"),
        MaxDepth => ("最大深度（空 = 不限）", "Max depth (empty = no limit)"),
        MinSplit => ("分裂所需最少行数", "Min rows to split"),
        MinLeaf => ("叶节点最少行数", "Min rows per leaf"),
        TreeHelp => ("限制深度或提高最少行数可减少过拟合；回归树总是使用平方误差。", "Limiting the depth or raising the minimum rows curbs overfitting; regression trees always use squared error."),
        NTrees => ("树的数量", "Number of trees"),
        MaxFeatures => ("每次分裂考虑的特征数", "Features tried per split"),
        MaxFeaturesDefault => ("默认（分类 √n，回归全部）", "Default (√n for classes, all for numbers)"),
        MaxFeaturesSqrt => ("√n（平方根）", "√n"),
        MaxFeaturesLog2 => ("log₂ n（对数）", "log₂ n"),
        MaxFeaturesAll => ("全部特征", "All features"),
        ForestHelp => ("树越多结果越稳定但更慢；默认 100 棵树，每棵用自助抽样。", "More trees give steadier results but take longer; default 100 trees, each on a bootstrap sample."),
        Stratify => ("分层抽样（保持各类别比例）", "Stratify (keep class shares)"),
        Impute => ("缺失值填充", "Fill missing values with"),
        ImputeMean => ("均值", "Mean"),
        ImputeMedian => ("中位数", "Median"),
        ImputeMostFrequent => ("众数", "Most frequent"),
        FitTime => ("拟合耗时", "Fit time"),
        Folds => ("交叉验证折数", "Cross-validation folds"),
        CompareAll => ("比较全部模型", "Compare all models"),
        Comparing => ("交叉验证比较模型", "Cross-validating every model"),
        GridSearch => ("网格搜索当前模型", "Grid search this model"),
        Searching => ("网格搜索", "Grid search"),
        Planning => ("分析特征", "Planning features"),
        CompareHeading => ("模型比较（k 折交叉验证）", "Model comparison (k-fold cross-validation)"),
        GridHeading => ("网格搜索（k 折交叉验证）", "Grid search (k-fold cross-validation)"),
        Candidate => ("模型 / 参数", "Model / setting"),
        MeanScore => ("平均得分", "Mean score"),
        StdScore => ("标准差", "Std. dev."),
        Milliseconds => ("耗时（毫秒）", "Time (ms)"),
        Best => ("最佳", "best"),
        SaveModel => ("保存模型（JSON）", "Save model (JSON)"),
        Saving => ("导出模型", "Exporting the model"),
        TrainFirst => ("请先训练一个模型，再保存。", "Train a model first, then save it."),
        ExportHeldOut => ("导出测试集预测（CSV）", "Export held-out predictions (CSV)"),
        ScoreHeading => ("用保存的模型为当前表格打分", "Score the loaded table with a saved model"),
        ScoreHelp => ("在数据页加载新文件（需包含训练时的特征列），再选择保存的模型 JSON。", "Load the new file on the Data page (it needs the training feature columns), then pick a saved model JSON."),
        LoadModel => ("选择模型文件", "Choose a model file"),
        Scoring => ("用模型打分", "Scoring with a model"),
        Scored => ("已为 {n} 行打分", "Scored {n} rows"),
        DownloadPredictions => ("下载预测（CSV）", "Download predictions (CSV)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key; add new keys here too.
    const ALL: [ModelText; 78] = [
        ModelText::Title,
        ModelText::LoadFirst,
        ModelText::Target,
        ModelText::Model,
        ModelText::TestSize,
        ModelText::Seed,
        ModelText::Train,
        ModelText::Training,
        ModelText::Metrics,
        ModelText::Coefficients,
        ModelText::Intercept,
        ModelText::Feature,
        ModelText::Value,
        ModelText::Rows,
        ModelText::Features,
        ModelText::LeftOut,
        ModelText::Task,
        ModelText::TaskAuto,
        ModelText::TaskRegression,
        ModelText::TaskClassification,
        ModelText::Settings,
        ModelText::RidgeAlpha,
        ModelText::RidgeHelp,
        ModelText::LogisticC,
        ModelText::LogisticHelp,
        ModelText::SvmC,
        ModelText::SvmHelp,
        ModelText::KnnK,
        ModelText::KnnWeights,
        ModelText::WeightsUniform,
        ModelText::WeightsDistance,
        ModelText::KnnMetric,
        ModelText::Euclidean,
        ModelText::Manhattan,
        ModelText::KnnHelp,
        ModelText::Criterion,
        ModelText::Gini,
        ModelText::Entropy,
        ModelText::MaxDepth,
        ModelText::MinSplit,
        ModelText::MinLeaf,
        ModelText::TreeHelp,
        ModelText::NTrees,
        ModelText::MaxFeatures,
        ModelText::MaxFeaturesDefault,
        ModelText::MaxFeaturesSqrt,
        ModelText::MaxFeaturesLog2,
        ModelText::MaxFeaturesAll,
        ModelText::ForestHelp,
        ModelText::Stratify,
        ModelText::Impute,
        ModelText::ImputeMean,
        ModelText::ImputeMedian,
        ModelText::ImputeMostFrequent,
        ModelText::FitTime,
        ModelText::Folds,
        ModelText::CompareAll,
        ModelText::Comparing,
        ModelText::GridSearch,
        ModelText::Searching,
        ModelText::Planning,
        ModelText::CompareHeading,
        ModelText::GridHeading,
        ModelText::Candidate,
        ModelText::MeanScore,
        ModelText::StdScore,
        ModelText::Milliseconds,
        ModelText::Best,
        ModelText::SaveModel,
        ModelText::Saving,
        ModelText::TrainFirst,
        ModelText::ExportHeldOut,
        ModelText::ScoreHeading,
        ModelText::ScoreHelp,
        ModelText::LoadModel,
        ModelText::Scoring,
        ModelText::Scored,
        ModelText::DownloadPredictions,
    ];

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(&ALL, pair, &[]);
    }
}
