//! How long-running kernels report progress and learn that the user cancelled.
//!
//! A kernel calls [`Progress::report`] at a bounded rate (not every iteration) with the
//! [`Stage`] it is in, the work done and the total. If the observer answers
//! [`Control::Stop`], the kernel stops between two steps and returns what it has (marked
//! partial, as the optimisers' [`crate::optimize::solver::StopReason::Cancelled`]) or
//! [`crate::ErrorKind::Cancelled`]. In the browser, the worker forwards reports to the page;
//! cancel there terminates the worker outright, so `Stop` matters mostly for the CLI (Ctrl-C)
//! and for budgets.
//!
//! A stage is a typed value, not a sentence: it serialises to a stable snake_case name
//! ([`Stage::name`]) and the fronts show [`Stage::label`] in the user's language.
//!
//! ```
//! use shoplens_core::progress::{Control, Progress, Stage};
//! let mut seen = Vec::new();
//! let mut observer = |stage: Stage, done: u64, total: u64| {
//!     seen.push((stage, done, total));
//!     Control::Continue
//! };
//! observer.report(Stage::KMeans, 3, 10);
//! assert_eq!(seen, [(Stage::KMeans, 3, 10)]);
//! assert_eq!(Stage::KMeans.name(), "k_means");
//! ```

use crate::Lang;
use serde::{Deserialize, Serialize};

/// What the observer wants the kernel to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Keep going.
    Continue,
    /// Stop as soon as possible.
    Stop,
}

/// The phase a kernel is in when it reports. Serialised as its snake_case name
/// ([`Stage::name`]); the names are stable, so saved progress logs and the fronts can
/// match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Decoding the file's bytes into text.
    Decode,
    /// Splitting text into rows and fields.
    Parse,
    /// Typing each column (numbers, dates, text).
    TypeColumns,
    /// Searching frequent itemsets (FP-Growth, Apriori, Eclat): first-level branches done.
    Mine,
    /// Deriving association rules and companion lists from the itemsets.
    Rules,
    /// Fitting one model (Newton steps of logistic regression, SVM passes).
    Fit,
    /// Growing the trees of a random forest.
    Forest,
    /// Cross-validating model kinds (fits done of folds × kinds).
    CrossValidate,
    /// Cross-validating a grid of parameter values.
    GridSearch,
    /// Lloyd iterations of k-means over its seeded starts.
    KMeans,
    /// k-means for each k of the elbow chart.
    Elbow,
    /// Building churn features, fitting and scoring.
    Churn,
    /// Backtesting forecast models on rolling origins.
    Backtest,
    /// Forecasting each series.
    Series,
    /// Nelder-Mead fit of the BG/NBD purchase model.
    BgNbd,
    /// Nelder-Mead fit of the Pareto/NBD purchase model.
    ParetoNbd,
    /// Nelder-Mead fit of the Gamma-Gamma spend model.
    GammaGamma,
    /// ABC/XYZ classification of products.
    Classify,
    /// Counting which products are bought together.
    CoPurchase,
    /// Choosing the recommendations' settings on a validation split.
    Validate,
    /// Recommending products to each customer.
    Recommend,
    /// Evaluating recommendations on held-out orders.
    Evaluate,
    /// Simulated annealing of delivery routes.
    Anneal,
    /// Genetic algorithm over inventory policies.
    Inventory,
    /// Allocating an ad budget across channels.
    Budget,
}

impl Stage {
    /// Every stage, in declaration order (for tests and for fronts that list them).
    pub const ALL: [Stage; 25] = [
        Stage::Decode,
        Stage::Parse,
        Stage::TypeColumns,
        Stage::Mine,
        Stage::Rules,
        Stage::Fit,
        Stage::Forest,
        Stage::CrossValidate,
        Stage::GridSearch,
        Stage::KMeans,
        Stage::Elbow,
        Stage::Churn,
        Stage::Backtest,
        Stage::Series,
        Stage::BgNbd,
        Stage::ParetoNbd,
        Stage::GammaGamma,
        Stage::Classify,
        Stage::CoPurchase,
        Stage::Validate,
        Stage::Recommend,
        Stage::Evaluate,
        Stage::Anneal,
        Stage::Inventory,
        Stage::Budget,
    ];

    /// The stable name the stage serialises to (`"k_means"`, `"cross_validate"`...).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Parse => "parse",
            Stage::TypeColumns => "type_columns",
            Stage::Mine => "mine",
            Stage::Rules => "rules",
            Stage::Fit => "fit",
            Stage::Forest => "forest",
            Stage::CrossValidate => "cross_validate",
            Stage::GridSearch => "grid_search",
            Stage::KMeans => "k_means",
            Stage::Elbow => "elbow",
            Stage::Churn => "churn",
            Stage::Backtest => "backtest",
            Stage::Series => "series",
            Stage::BgNbd => "bg_nbd",
            Stage::ParetoNbd => "pareto_nbd",
            Stage::GammaGamma => "gamma_gamma",
            Stage::Classify => "classify",
            Stage::CoPurchase => "co_purchase",
            Stage::Validate => "validate",
            Stage::Recommend => "recommend",
            Stage::Evaluate => "evaluate",
            Stage::Anneal => "anneal",
            Stage::Inventory => "inventory",
            Stage::Budget => "budget",
        }
    }

    /// What the stage is doing, in the user's language, for a progress line.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Stage::Decode => ("正在解码文件", "Decoding the file"),
            Stage::Parse => ("正在拆分行和字段", "Splitting rows and fields"),
            Stage::TypeColumns => ("正在识别列类型", "Typing the columns"),
            Stage::Mine => ("正在搜索频繁项集", "Searching frequent itemsets"),
            Stage::Rules => ("正在推导关联规则", "Deriving association rules"),
            Stage::Fit => ("正在训练模型", "Fitting the model"),
            Stage::Forest => ("正在生成随机森林的树", "Growing the forest's trees"),
            Stage::CrossValidate => ("正在交叉验证各模型", "Cross-validating the models"),
            Stage::GridSearch => (
                "正在交叉验证参数网格",
                "Cross-validating the parameter grid",
            ),
            Stage::KMeans => ("正在运行 k-means 迭代", "Running k-means iterations"),
            Stage::Elbow => ("正在为每个 k 运行 k-means", "Running k-means for each k"),
            Stage::Churn => ("正在计算流失风险", "Scoring churn risk"),
            Stage::Backtest => ("正在回测预测模型", "Backtesting forecast models"),
            Stage::Series => ("正在预测各序列", "Forecasting each series"),
            Stage::BgNbd => ("正在拟合 BG/NBD 模型", "Fitting the BG/NBD model"),
            Stage::ParetoNbd => ("正在拟合 Pareto/NBD 模型", "Fitting the Pareto/NBD model"),
            Stage::GammaGamma => ("正在拟合 Gamma-Gamma 模型", "Fitting the Gamma-Gamma model"),
            Stage::Classify => ("正在进行 ABC/XYZ 分类", "Classifying products (ABC/XYZ)"),
            Stage::CoPurchase => ("正在统计共同购买", "Counting products bought together"),
            Stage::Validate => ("正在验证推荐设置", "Validating the recommendation settings"),
            Stage::Recommend => ("正在为客户生成推荐", "Recommending products to customers"),
            Stage::Evaluate => ("正在评估推荐", "Evaluating the recommendations"),
            Stage::Anneal => (
                "正在用模拟退火优化路线",
                "Improving routes by simulated annealing",
            ),
            Stage::Inventory => (
                "正在用遗传算法优化库存策略",
                "Tuning inventory policies by genetic algorithm",
            ),
            Stage::Budget => ("正在分配预算", "Allocating the budget"),
        };
        lang.pick(zh, en)
    }
}

/// Receives progress from a kernel.
pub trait Progress {
    /// `done` units of `total` are finished in `stage`.
    fn report(&mut self, stage: Stage, done: u64, total: u64) -> Control;
}

/// An observer that ignores reports and never stops the kernel.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {
    fn report(&mut self, _stage: Stage, _done: u64, _total: u64) -> Control {
        Control::Continue
    }
}

impl<F: FnMut(Stage, u64, u64) -> Control> Progress for F {
    fn report(&mut self, stage: Stage, done: u64, total: u64) -> Control {
        self(stage, done, total)
    }
}

/// Reports `(stage, done, total)` and turns a stop into [`crate::ErrorKind::Cancelled`], for
/// kernels that have nothing partial worth returning.
pub(crate) fn stop_if_told(
    progress: &mut dyn Progress,
    stage: Stage,
    done: u64,
    total: u64,
) -> crate::Result<()> {
    match progress.report(stage, done, total) {
        Control::Continue => Ok(()),
        Control::Stop => Err(crate::Error::new(crate::ErrorKind::Cancelled)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_serialise_to_their_names_and_back() {
        for stage in Stage::ALL {
            let json = serde_json::to_string(&stage).unwrap();
            assert_eq!(json, format!("\"{}\"", stage.name()), "{stage:?}");
            assert_eq!(serde_json::from_str::<Stage>(&json).unwrap(), stage);
        }
        assert_eq!(
            serde_json::to_string(&Stage::CrossValidate).unwrap(),
            "\"cross_validate\""
        );
    }

    #[test]
    fn every_stage_has_distinct_labels_in_both_languages() {
        let mut zh: Vec<&str> = Stage::ALL.iter().map(|s| s.label(Lang::Zh)).collect();
        let mut en: Vec<&str> = Stage::ALL.iter().map(|s| s.label(Lang::En)).collect();
        for (z, e) in zh.iter().zip(&en) {
            assert_ne!(z, e);
            assert!(z.chars().any(|c| c > '\u{2E80}'), "{z} has no Chinese");
        }
        zh.sort_unstable();
        zh.dedup();
        en.sort_unstable();
        en.dedup();
        assert_eq!((zh.len(), en.len()), (Stage::ALL.len(), Stage::ALL.len()));
    }
}
