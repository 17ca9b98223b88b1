//! One error type for every kernel, whose message exists in Chinese and English.
//!
//! Modelled on rust-csv's `Error(Box<ErrorKind>)`: the kind enum is `#[non_exhaustive]`, each
//! variant says what went wrong with the offending value and, whenever it is known, where
//! (1-based row as a spreadsheet shows it, column name). [`Error::message`] renders it in the
//! user's language; `Display` renders English (for logs and the CLI's default).

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

mod format;
mod subject;

pub use format::{FileFormat, FormatCause};
pub use subject::{Subject, Term};

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An error a merchant can act on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Error(Box<ErrorKind>);

/// What went wrong. Rows are 1-based line numbers of the file as a text editor shows them
/// (the header is line 1) unless a variant says otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input has no bytes at all.
    EmptyFile,
    /// The input has a header but no data rows.
    NoDataRows,
    /// The bytes are not text in any encoding we read (for example an image renamed `.csv`).
    NotText {
        /// What the bytes look like, if recognised (for example `"PNG image"`).
        looks_like: Option<String>,
    },
    /// The bytes are not valid in the chosen encoding.
    Encoding {
        /// The encoding that was tried (WHATWG name).
        encoding: String,
        /// Byte offset of the first invalid sequence.
        byte: u64,
    },
    /// A malformed line of delimited text.
    Csv {
        /// Line number (1-based).
        line: u64,
        /// What is wrong with it.
        cause: CsvCause,
    },
    /// A row with a different number of fields from the header.
    RaggedRow {
        /// Line number (1-based).
        line: u64,
        /// Fields the header has.
        expected: usize,
        /// Fields this row has.
        found: usize,
    },
    /// A value that does not fit its column's type.
    BadValue {
        /// Line number (1-based).
        line: u64,
        /// Column name.
        column: String,
        /// The value as written in the file.
        value: String,
        /// What the value should have been.
        expected: ValueType,
    },
    /// A column the user named does not exist.
    MissingColumn {
        /// The name asked for.
        name: String,
        /// The columns that do exist.
        available: Vec<String>,
    },
    /// A parameter outside its allowed range.
    InvalidParameter {
        /// The parameter (for example `min_support`) or the value of the data that is wrong.
        name: Subject,
        /// The value given.
        value: String,
        /// What is allowed.
        expected: Allowed,
    },
    /// Not enough data for the analysis.
    NotEnoughData {
        /// What is being counted.
        what: Counted,
        /// How many are needed.
        needed: usize,
        /// How many there are.
        found: usize,
    },
    /// The input is larger than the stated limit.
    TooLarge {
        /// Size in bytes.
        bytes: u64,
        /// Limit in bytes.
        limit: u64,
    },
    /// The user cancelled the computation.
    Cancelled,
    /// A file format this reader does not know or cannot parse (model JSON, TSPLIB...).
    Format {
        /// What kind of file was expected.
        format: FileFormat,
        /// Line number (1-based) of the problem, when the reader knows it.
        line: Option<u64>,
        /// What is wrong.
        cause: FormatCause,
    },
    /// A limit no plan can meet: even the smallest plan needs more than was allowed (an
    /// inventory budget or warehouse capacity below what every product's smallest order
    /// ties up).
    Infeasible {
        /// Which limit.
        limit: Limit,
        /// The limit given.
        given: f64,
        /// The least the smallest plan needs.
        minimum: f64,
    },
    /// A table that holds no baskets: not order lines, not one basket per line, not a 0/1
    /// matrix. Names the columns that could be grouped into baskets.
    NotBaskets {
        /// Every column of the table.
        columns: Vec<String>,
        /// Columns whose values repeat, which could identify a basket (with a date).
        group_by: Vec<String>,
        /// Text columns that could name the items.
        items: Vec<String>,
    },
}

/// What a parameter allows ([`ErrorKind::InvalidParameter`]): a typed rule with its
/// numbers, rendered in either language by [`Allowed::describe`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Allowed {
    /// At least this number.
    AtLeast(f64),
    /// At most this number.
    AtMost(f64),
    /// Strictly below this number.
    Below(f64),
    /// Between two numbers, both included.
    Between(f64, f64),
    /// One of these names (identifiers, shown as written).
    OneOf(Vec<String>),
    /// A finite number.
    FiniteNumber,
    /// A number above zero.
    Positive,
    /// Zero or a positive number.
    NonNegative,
    /// A number strictly between 0 and 1.
    OpenUnit,
    /// A number from 0 to 1, both included.
    UnitInterval,
    /// A number above 0 and at most 1.
    UpToOne,
    /// A date written `YYYY-MM-DD`.
    Date,
    /// The name of a column of the table.
    ColumnName,
    /// At least one of the named things (models, folds, parameter sets...).
    AtLeastOne(Counted),
    /// An item (product) that occurs in the data.
    ItemOfData,
    /// An interval coverage strictly between 0 and 100 percent.
    CoveragePercent,
    /// Forecasts that are all finite numbers.
    FiniteForecasts,
    /// A share from 0 up to this number.
    ShareUpTo(f64),
    /// Starting points from which the likelihood is finite.
    FiniteLikelihood,
    /// Zero, or a number strictly between 0 and 1.
    ZeroOrOpenUnit,
    /// A whole number of at least 1, or no value at all (no limit).
    AtLeastOneOrNone,
    /// Bounds with 0 ≤ min ≤ max.
    MinWithinMax,
    /// Something that does classification (a model, tree, forest, metric or learner).
    Classification(Family),
    /// Something that does regression (a model, tree, forest, metric or learner).
    Regression(Family),
    /// A matrix of this many rows and columns (its number of values).
    Cells {
        /// Rows.
        rows: usize,
        /// Columns.
        columns: usize,
    },
    /// This many values: one for each of something ([`Per`]).
    Count(usize, Per),
    /// Strictly above this number.
    Above(f64),
    /// Exactly this number.
    Exactly(f64),
    /// A column with this role in the analysis.
    Column(ColumnFor),
    /// A minimum support: a fraction above 0 and at most 1, or a count of at least one
    /// basket.
    SupportFractionOrCount,
    /// Order lines or a 0/1 matrix: one basket per line is read only from delimited text.
    TableBasketShape,
    /// An encoding name `encoding_rs` knows (WHATWG labels such as `utf-8`, `gbk`).
    EncodingName,
    /// A series whose first values the seasonal naive forecast does not repeat exactly
    /// (the mean absolute scaled error divides by that forecast's error).
    NotSeasonalRepeat,
    /// A value that stays finite after a Box-Cox transform with this λ.
    BoxCoxFinite(f64),
    /// A series of positive values (a multiplicative form divides by them).
    PositiveSeries,
    /// A series this model can fit (its states stay finite).
    FittableSeries,
    /// A series whose first values are not all on one straight line.
    SeriesNotOnLine,
    /// A series whose seasonal pattern can be estimated.
    SeasonalPatternEstimable,
    /// An ETS form code: error A/M, trend N/A/Ad, season N/A/M.
    EtsForm,
    /// A date before this date (as written, `YYYY-MM-DD`).
    DateBefore(String),
    /// A churn cutoff at least `days` days before the last order (on date `last`), so the
    /// churn window lies inside the data.
    CutoffBeforeLastOrder {
        /// Length of the churn window in days.
        days: i64,
        /// The date of the last order.
        last: String,
    },
    /// A row of costs for every product with demand.
    ProductCosts,
    /// At most this many coefficients (encoded columns × classes) for logistic regression.
    LogisticCoefficients(usize),
    /// A smaller value: the problem is too ill-conditioned to solve with this one.
    SmallerWellConditioned,
    /// A finite number; missing values must be imputed first.
    FiniteImputed,
    /// A metric that needs no probabilities, since this model gives none.
    MetricWithoutProbabilities,
    /// Some positive spend in every channel.
    SpendInEveryChannel,
    /// Some positive spend, to fit a response curve.
    PositiveSpend,
    /// The id of one of the stops.
    StopId,
    /// A value above −1, whose logarithm `ln(1 + x)` exists.
    LogInput,
    /// Search settings for frequent itemsets (support, confidence, length).
    SearchSettings,
    /// A date format made of the fields `%Y %y %m %b %d %H %M %S %q` and literal characters.
    DateFormatFields,
    /// A date format with a year field (`%Y` or `%y`).
    DateFormatWithYear,
}

/// The role of a column an [`Allowed::Column`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ColumnFor {
    /// The column to predict.
    Target,
    /// The date column of a series.
    Date,
    /// The value column of a series.
    Value,
    /// A price or amount column (not needed when ranking by quantity).
    PriceOrAmount,
    /// A unit cost column (needed to rank by margin).
    UnitCost,
    /// Feature columns other than the target.
    FeatureNotTarget,
    /// A numeric target, as regression needs.
    NumericTarget,
    /// A number or boolean column, as in training.
    NumberAsInTraining,
    /// A date column, as in training.
    DateAsInTraining,
    /// A column of customer ids.
    CustomerId,
    /// A column of order dates.
    OrderDate,
    /// A column of order amounts.
    Amount,
}

impl ColumnFor {
    /// Every role, for tests.
    pub const ALL: [ColumnFor; 12] = [
        ColumnFor::Target,
        ColumnFor::Date,
        ColumnFor::Value,
        ColumnFor::PriceOrAmount,
        ColumnFor::UnitCost,
        ColumnFor::FeatureNotTarget,
        ColumnFor::NumericTarget,
        ColumnFor::NumberAsInTraining,
        ColumnFor::DateAsInTraining,
        ColumnFor::CustomerId,
        ColumnFor::OrderDate,
        ColumnFor::Amount,
    ];

    /// The column asked for, in the user's language.
    fn describe(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ColumnFor::Target => ("要预测的列名", "the name of the column to predict"),
            ColumnFor::Date => ("日期列的列名", "the name of the date column"),
            ColumnFor::Value => ("数值列的列名", "the name of the value column"),
            ColumnFor::PriceOrAmount => (
                "价格列或金额列（或改为按数量排序）",
                "a price or amount column (or rank by quantity)",
            ),
            ColumnFor::UnitCost => (
                "单位成本列（按毛利排序需要它）",
                "a unit cost column to rank by margin",
            ),
            ColumnFor::FeatureNotTarget => ("目标列以外的列", "columns other than the target"),
            ColumnFor::NumericTarget => ("数值列（回归需要）", "a numeric column for regression"),
            ColumnFor::NumberAsInTraining => (
                "数字或布尔值列（与训练时相同）",
                "a number or boolean, as in training",
            ),
            ColumnFor::DateAsInTraining => ("日期列（与训练时相同）", "dates, as in training"),
            ColumnFor::CustomerId => ("客户编号列", "a customer id column"),
            ColumnFor::OrderDate => ("下单日期列", "an order date column"),
            ColumnFor::Amount => ("金额列", "an amount column"),
        };
        lang.pick(zh, en)
    }
}

impl Allowed {
    /// [`Allowed::Count`]: `n` values, one for each of `per`.
    pub fn count(n: usize, per: Per) -> Allowed {
        Allowed::Count(n, per)
    }

    /// [`Allowed::OneOf`] from names.
    pub fn one_of(names: &[&str]) -> Allowed {
        Allowed::OneOf(names.iter().map(|n| n.to_string()).collect())
    }

    /// What is allowed, in the user's language (a phrase after "expected" / "应为").
    pub fn describe(&self, lang: Lang) -> String {
        let pick = |zh: String, en: String| if lang == Lang::Zh { zh } else { en };
        let fixed = |zh: &str, en: &str| lang.pick(zh, en).to_string();
        match self {
            Allowed::AtLeast(n) => pick(
                format!("至少 {}", number(*n)),
                format!("at least {}", number(*n)),
            ),
            Allowed::AtMost(n) => pick(
                format!("至多 {}", number(*n)),
                format!("at most {}", number(*n)),
            ),
            Allowed::Below(n) => pick(
                format!("小于 {}", number(*n)),
                format!("below {}", number(*n)),
            ),
            Allowed::Between(a, b) => pick(
                format!("介于 {} 与 {} 之间（含两端）", number(*a), number(*b)),
                format!("between {} and {}", number(*a), number(*b)),
            ),
            Allowed::OneOf(names) => pick(
                format!("以下之一：{}", names.join("、")),
                format!("one of {}", names.join(", ")),
            ),
            Allowed::AtLeastOne(what) => pick(
                format!("至少一个{}", what.label(lang)),
                format!("at least one of the {}", what.label(lang)),
            ),
            Allowed::FiniteNumber => fixed("有限的数值", "a finite number"),
            Allowed::Positive => fixed("正数", "a positive number"),
            Allowed::NonNegative => fixed("零或正数", "zero or a positive number"),
            Allowed::OpenUnit => fixed("0 到 1 之间（不含 0 和 1）", "between 0 and 1 (exclusive)"),
            Allowed::UnitInterval => fixed("0 到 1 之间（含 0 和 1）", "between 0 and 1"),
            Allowed::UpToOne => fixed("大于 0 且不超过 1", "above 0 and at most 1"),
            Allowed::Date => fixed("日期 YYYY-MM-DD", "a date YYYY-MM-DD"),
            Allowed::ColumnName => fixed("表中某一列的列名", "the name of a column of the table"),
            Allowed::ItemOfData => fixed("数据中出现的商品", "an item of the data"),
            Allowed::CoveragePercent => fixed(
                "0 到 100 之间的覆盖率（百分比，不含两端）",
                "a coverage strictly between 0 and 100 (percent)",
            ),
            Allowed::FiniteForecasts => fixed("有限的预测值", "finite forecasts"),
            Allowed::ShareUpTo(n) => pick(
                format!("0 到 {} 之间的比例", number(*n)),
                format!("a share between 0 and {}", number(*n)),
            ),
            Allowed::FiniteLikelihood => fixed("似然为有限值", "a finite likelihood"),
            Allowed::ZeroOrOpenUnit => fixed(
                "0，或 0 到 1 之间（不含 0 和 1）",
                "0, or between 0 and 1 (exclusive)",
            ),
            Allowed::AtLeastOneOrNone => fixed("至少 1，或不设", "at least 1, or none"),
            Allowed::MinWithinMax => fixed("0 ≤ 下限 ≤ 上限", "0 <= min <= max"),
            Allowed::Classification(family) => family.describe(lang, true),
            Allowed::Regression(family) => family.describe(lang, false),
            Allowed::Cells { rows, columns } => pick(
                format!("{rows} 行 × {columns} 列"),
                format!("{rows} rows × {columns} columns"),
            ),
            Allowed::Count(n, per) => per.describe(*n, lang),
            Allowed::Above(n) => pick(
                format!("大于 {}", number(*n)),
                format!("above {}", number(*n)),
            ),
            Allowed::Exactly(n) => pick(
                format!("等于 {}", number(*n)),
                format!("exactly {}", number(*n)),
            ),
            Allowed::Column(role) => role.describe(lang).to_string(),
            Allowed::SupportFractionOrCount => fixed(
                "大于 0 且不超过 1 的比例，或至少 1 个购物篮的个数",
                "a fraction in (0, 1] or a basket count of at least 1",
            ),
            Allowed::TableBasketShape => fixed(
                "订单明细或 0/1 矩阵（“每行一个购物篮”只能从 CSV 或文本文件读取，电子表格请另存为 CSV）",
                "order lines or a 0/1 matrix (one basket per line is read only from CSV or text; save a spreadsheet as CSV)",
            ),
            Allowed::EncodingName => fixed(
                "编码名称，例如 utf-8、gbk、gb18030、utf-16le 或 utf-16be",
                "an encoding name such as utf-8, gbk, gb18030, utf-16le or utf-16be",
            ),
            Allowed::NotSeasonalRepeat => fixed(
                "不会被季节性朴素预测完全重现的序列（MASE 以该预测的误差为分母）",
                "a series the seasonal naive forecast does not fit exactly (MASE divides by its error)",
            ),
            Allowed::BoxCoxFinite(lambda) => pick(
                format!("经 Box-Cox 变换（λ = {lambda:.3}）后仍为有限值的数"),
                format!("a value the Box-Cox transform with λ = {lambda:.3} keeps finite"),
            ),
            Allowed::PositiveSeries => fixed(
                "全为正值的序列（乘法形式要除以这些值）",
                "a series of positive values (a multiplicative form divides by them)",
            ),
            Allowed::FittableSeries => fixed(
                "该模型能够拟合的序列（其状态发散了）",
                "a series this model can fit (its states diverged)",
            ),
            Allowed::SeriesNotOnLine => fixed(
                "开头几个值不全在一条直线上的序列",
                "a series whose first values are not all on a line",
            ),
            Allowed::SeasonalPatternEstimable => fixed(
                "能估计出季节模式的序列",
                "a series whose seasonal pattern can be estimated",
            ),
            Allowed::EtsForm => fixed(
                "误差 A/M、趋势 N/A/Ad、季节 N/A/M 的组合，例如 ANN、AAdN、MAM",
                "error A/M, trend N/A/Ad, season N/A/M, e.g. ANN, AAdN, MAM",
            ),
            Allowed::DateBefore(date) => pick(
                format!("早于 {date} 的日期"),
                format!("a date before {date}"),
            ),
            Allowed::CutoffBeforeLastOrder { days, last } => pick(
                format!("比最后一笔订单（{last}）至少早 {days} 天的截止日，使流失观察期落在数据之内"),
                format!("a cutoff at least {days} days before the last order ({last}), so the churn window is inside the data"),
            ),
            Allowed::ProductCosts => fixed(
                "每个有需求的商品都有一行成本",
                "a row of costs for every product with demand",
            ),
            Allowed::LogisticCoefficients(max) => pick(
                format!("逻辑回归至多 {max} 个系数（编码后的列数 × 类别数）；请去掉类别很多的列，或改用决策树或随机森林"),
                format!("at most {max} coefficients (encoded columns × classes) for logistic regression; leave out columns with many categories or choose a tree or forest"),
            ),
            Allowed::SmallerWellConditioned => fixed(
                "更小的值（当前问题病态，无法求解）",
                "a smaller value (the problem is too ill-conditioned)",
            ),
            Allowed::FiniteImputed => fixed(
                "有限的数值（请先填补缺失值）",
                "a finite number (impute missing values first)",
            ),
            Allowed::MetricWithoutProbabilities => fixed(
                "该模型能计算的指标（它不给出概率）",
                "a metric this model can score (it gives no probabilities)",
            ),
            Allowed::SpendInEveryChannel => fixed(
                "每个渠道都有正的投放额",
                "some positive spend in every channel",
            ),
            Allowed::PositiveSpend => fixed(
                "至少有一些正的投放额（才能拟合曲线）",
                "some positive spend to fit a curve",
            ),
            Allowed::StopId => fixed("某个站点的编号", "the id of one of the stops"),
            Allowed::LogInput => fixed(
                "大于 -1 的值（或关闭此列的对数变换）",
                "values greater than -1 (turn the log transform off for this column)",
            ),
            Allowed::DateFormatFields => fixed(
                "由 %Y %y %m %b %d %H %M %S %q 字段组成的格式，其他字符按原样书写",
                "fields %Y %y %m %b %d %H %M %S %q; other characters as written",
            ),
            Allowed::DateFormatWithYear => fixed(
                "含年份（%Y 或 %y）的格式",
                "a format with a year (%Y or %y)",
            ),
            Allowed::SearchSettings => fixed(
                "搜索设置（支持度、置信度、项集长度）",
                "search settings (support, confidence, itemset length)",
            ),
        }
    }
}

/// What is wrong with a line of delimited text ([`ErrorKind::Csv`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum CsvCause {
    /// The chosen delimiter byte is not an ASCII character.
    NonAsciiDelimiter(u8),
}

impl CsvCause {
    /// The cause in the user's language.
    pub fn describe(self, lang: Lang) -> String {
        match (self, lang) {
            (CsvCause::NonAsciiDelimiter(b), Lang::Zh) => {
                format!("分隔符字节 {b:#04x} 不是 ASCII 字符")
            }
            (CsvCause::NonAsciiDelimiter(b), _) => {
                format!("the delimiter byte {b:#04x} is not an ASCII character")
            }
        }
    }
}

/// What an [`Allowed::Count`] counts one value for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Per {
    /// One for each row of the data.
    Row,
    /// One for each observation (a prediction for each true value).
    Observation,
    /// As many values as the first row has.
    FirstRow,
    /// As many features as the model was trained on.
    Training,
    /// One value for each spend level.
    Spend,
    /// One value for each outcome.
    Outcome,
    /// One for each product.
    Product,
    /// One demand series for each product.
    ProductSeries,
    /// One value for each stop of a route.
    Stop,
    /// One finite probability for each customer held out for testing.
    TestCustomer,
}

impl Per {
    /// Every kind, for tests.
    pub const ALL: [Per; 10] = [
        Per::Row,
        Per::Observation,
        Per::FirstRow,
        Per::Training,
        Per::Spend,
        Per::Outcome,
        Per::Product,
        Per::ProductSeries,
        Per::Stop,
        Per::TestCustomer,
    ];

    /// "`n` values, one for each ..." in the user's language.
    fn describe(self, n: usize, lang: Lang) -> String {
        let (zh, en) = match self {
            Per::Row => ("每行一个", "one per row"),
            Per::Observation => ("每个观测一个", "one per observation"),
            Per::FirstRow => ("与第一行的值数相同", "as many values as the first row"),
            Per::Training => ("与训练时相同", "as in training"),
            Per::Spend => ("每个投放额一个值", "one value per spend"),
            Per::Outcome => ("每个结果一个值", "one value per outcome"),
            Per::Product => ("每个商品一个", "one per product"),
            Per::ProductSeries => ("每个商品一条序列", "one series per product"),
            Per::Stop => ("每个站点一个值", "one value per stop"),
            Per::TestCustomer => (
                "每个检验客户一个有限概率",
                "one finite probability per test customer",
            ),
        };
        if lang == Lang::Zh {
            format!("{zh}，共 {n} 个")
        } else {
            format!("{n} ({en})")
        }
    }
}

/// The kind of thing an [`Allowed::Classification`] or [`Allowed::Regression`] asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Family {
    /// A model kind, one of these names.
    Model(Vec<String>),
    /// A metric, one of these names.
    Metric(Vec<String>),
    /// A single decision tree (a classification tree gives probabilities).
    Tree,
    /// A random forest (a classification forest gives probabilities).
    Forest,
    /// A fitted model of the right task.
    Learner,
}

impl Family {
    /// [`Family::Model`] from names.
    pub fn models(names: &[&str]) -> Family {
        Family::Model(names.iter().map(|n| n.to_string()).collect())
    }

    /// [`Family::Metric`] from names.
    pub fn metrics(names: &[&str]) -> Family {
        Family::Metric(names.iter().map(|n| n.to_string()).collect())
    }

    /// The phrase for a classification (`true`) or regression family.
    fn describe(&self, lang: Lang, classification: bool) -> String {
        let zh = lang == Lang::Zh;
        let task = match (classification, zh) {
            (true, true) => "分类",
            (true, false) => "classification",
            (false, true) => "回归",
            (false, false) => "regression",
        };
        let purpose = match (classification, zh) {
            (true, true) => "（才能给出概率）",
            (true, false) => " for probabilities",
            (false, true) => "（才能给出数值预测）",
            (false, false) => " for numeric predictions",
        };
        let list = |names: &[String]| {
            if zh {
                format!("（{}）", names.join("、"))
            } else {
                format!(" ({})", names.join(", "))
            }
        };
        match self {
            Family::Model(names) if zh => format!("{task}模型{}", list(names)),
            Family::Model(names) => format!("a {task} model{}", list(names)),
            Family::Metric(names) if zh => format!("{task}指标{}", list(names)),
            Family::Metric(names) => format!("a {task} metric{}", list(names)),
            Family::Tree if zh => format!("{task}树{purpose}"),
            Family::Tree => format!("a {task} tree{purpose}"),
            Family::Forest if zh => format!("{task}森林{purpose}"),
            Family::Forest => format!("a {task} forest{purpose}"),
            Family::Learner if zh => format!("{task}器"),
            Family::Learner if classification => "a classifier".to_string(),
            Family::Learner => "a regressor".to_string(),
        }
    }
}

/// A number as people write it: no trailing `.0`.
fn number(value: f64) -> String {
    if value.fract().abs() < 1e-12 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// A limit of an inventory plan ([`ErrorKind::Infeasible`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Limit {
    /// The money that may be tied up in stock (`budget`).
    Budget,
    /// The warehouse space (`capacity`).
    Capacity,
}

impl Limit {
    /// The limit's name in the user's language (English: the parameter's name).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Limit::Budget => lang.pick("预算", "budget"),
            Limit::Capacity => lang.pick("仓储容量", "capacity"),
        }
    }
}

/// What a value in a file should have been ([`ErrorKind::BadValue`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ValueType {
    /// A whole number.
    Integer,
    /// A number with or without a fractional part.
    Decimal,
    /// Any number.
    Number,
    /// Zero or a positive number.
    NonNegativeNumber,
    /// A whole number of days.
    WholeDays,
    /// True or false.
    Boolean,
    /// A date or date-time.
    Date,
    /// Text.
    Text,
    /// A latitude/longitude pair in degrees.
    Coordinates,
    /// A product sold at a positive price at least once (the row names its product).
    SoldProduct,
    /// A product with positive costs, holding rate and case pack.
    CostedProduct,
}

impl ValueType {
    /// The name of the kind of value, in the user's language.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ValueType::Integer => ("整数", "integer"),
            ValueType::Decimal => ("数字", "decimal"),
            ValueType::Number => ("数字", "number"),
            ValueType::NonNegativeNumber => ("非负数", "non-negative number"),
            ValueType::WholeDays => ("整数天数", "whole number of days"),
            ValueType::Boolean => ("布尔值", "boolean"),
            ValueType::Date => ("日期", "date"),
            ValueType::Text => ("文本", "text"),
            ValueType::Coordinates => ("经纬度（度）", "latitude/longitude in degrees"),
            ValueType::SoldProduct => (
                "商品（至少要有一次以正价格售出）",
                "product sold at a positive price at least once",
            ),
            ValueType::CostedProduct => (
                "商品（成本、持有费率和箱规都须为正）",
                "product with positive costs, holding rate and case pack",
            ),
        };
        lang.pick(zh, en)
    }
}

impl From<crate::table::DataType> for ValueType {
    fn from(dtype: crate::table::DataType) -> ValueType {
        use crate::table::DataType;
        match dtype {
            DataType::Integer => ValueType::Integer,
            DataType::Decimal => ValueType::Decimal,
            DataType::Boolean => ValueType::Boolean,
            DataType::DateTime => ValueType::Date,
            DataType::Text => ValueType::Text,
        }
    }
}

/// What an [`ErrorKind::NotEnoughData`] counts, named in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Counted {
    /// Values of a series or rows a model learns from.
    Observations,
    /// Customers.
    Customers,
    /// Customers with more than one order.
    RepeatCustomers,
    /// Distinct classes of a target.
    Classes,
    /// Rows of every class (stratified splits).
    RowsOfEachClass,
    /// Data rows.
    Rows,
    /// Order lines.
    OrderLines,
    /// Sales lines (products sold at a positive price).
    SalesLines,
    /// Columns.
    Columns,
    /// Numeric columns.
    NumericColumns,
    /// Ad channels.
    Channels,
    /// Delivery stops.
    Stops,
    /// Demand series.
    Series,
    /// Products.
    Products,
    /// Baskets.
    Baskets,
    /// Models to compare.
    Models,
    /// Cross-validation folds.
    Folds,
    /// Parameter sets of a grid.
    ParameterSets,
    /// Columns that identify a basket.
    BasketColumns,
    /// Different spend levels of an ad channel.
    SpendLevels,
    /// Days of demand history of one product (its id as in the file).
    DaysOfDemand {
        /// The product id.
        product: String,
    },
    /// Days of demand history to hold out this percentage for checking.
    DaysToHoldOut {
        /// The percentage held out.
        percent: u32,
    },
}

impl Counted {
    /// The counted things, in the user's language (plural in English).
    pub fn label(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            Counted::Observations => ("观测值", "observations"),
            Counted::Customers => ("客户", "customers"),
            Counted::RepeatCustomers => ("回头客（下过不止一单的客户）", "repeat customers"),
            Counted::Classes => ("类别", "classes"),
            Counted::RowsOfEachClass => ("每个类别的行", "rows of each class"),
            Counted::Rows => ("行", "rows"),
            Counted::OrderLines => ("订单明细行", "order lines"),
            Counted::SalesLines => ("销售明细行", "sales lines"),
            Counted::Columns => ("列", "columns"),
            Counted::NumericColumns => ("数值列", "numeric columns"),
            Counted::Channels => ("渠道", "channels"),
            Counted::Stops => ("站点", "stops"),
            Counted::Series => ("序列", "series"),
            Counted::Products => ("商品", "products"),
            Counted::Baskets => ("购物篮", "baskets"),
            Counted::Models => ("模型", "models"),
            Counted::Folds => ("交叉验证折", "folds"),
            Counted::ParameterSets => ("参数组合", "parameter sets"),
            Counted::BasketColumns => ("标识购物篮的列", "columns identifying a basket"),
            Counted::SpendLevels => ("不同的投放额", "different spend levels"),
            Counted::DaysOfDemand { product } => {
                return match lang {
                    Lang::Zh => format!("天的需求记录（商品 {product}）"),
                    Lang::En => format!("days of demand ({product})"),
                }
            }
            Counted::DaysToHoldOut { percent } => {
                return match lang {
                    Lang::Zh => format!("天的需求记录（才能留出 {percent}% 做检验）"),
                    Lang::En => format!("days of demand to hold out {percent}%"),
                }
            }
        };
        lang.pick(zh, en).to_string()
    }
}

impl Error {
    /// Wraps a kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Shorthand for [`ErrorKind::InvalidParameter`].
    pub fn invalid_parameter(
        name: impl Into<Subject>,
        value: impl fmt::Display,
        expected: Allowed,
    ) -> Error {
        Error::new(ErrorKind::InvalidParameter {
            name: name.into(),
            value: value.to_string(),
            expected,
        })
    }

    /// Shorthand for [`ErrorKind::NotEnoughData`].
    pub fn not_enough(what: Counted, needed: usize, found: usize) -> Error {
        Error::new(ErrorKind::NotEnoughData {
            what,
            needed,
            found,
        })
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorKind::*;
        match (&*self.0, lang) {
            (EmptyFile, Lang::En) => "The file is empty: it has no bytes at all.".into(),
            (EmptyFile, Lang::Zh) => "文件是空的：没有任何内容。".into(),
            (NoDataRows, Lang::En) => "The file has a header but no data rows.".into(),
            (NoDataRows, Lang::Zh) => "文件只有表头，没有数据行。".into(),
            (NotText { looks_like }, Lang::En) => match looks_like {
                Some(kind) => format!(
                    "This is not a text table: it looks like a {kind}. Export the data as CSV or XLSX."
                ),
                None => "This is not a text table (it contains binary data). Export the data as CSV or XLSX.".into(),
            },
            (NotText { looks_like }, Lang::Zh) => match looks_like {
                Some(kind) => format!("这不是文本表格：它看起来是{}。请将数据导出为 CSV 或 XLSX。", zh_kind(kind)),
                None => "这不是文本表格（包含二进制数据）。请将数据导出为 CSV 或 XLSX。".into(),
            },
            (Encoding { encoding, byte }, Lang::En) => format!(
                "The file is not valid {encoding} text (first bad byte at offset {byte}). Choose another encoding."
            ),
            (Encoding { encoding, byte }, Lang::Zh) => format!(
                "文件不是有效的 {encoding} 文本（第一个错误字节位于偏移 {byte}）。请选择其他编码。"
            ),
            (Csv { line, cause }, Lang::En) => format!("Line {line}: {}.", cause.describe(lang)),
            (Csv { line, cause }, Lang::Zh) => format!("第 {line} 行：{}。", cause.describe(lang)),
            (RaggedRow { line, expected, found }, Lang::En) => format!(
                "Line {line} has {found} fields but the header has {expected}. Drop such rows or pad them."
            ),
            (RaggedRow { line, expected, found }, Lang::Zh) => format!(
                "第 {line} 行有 {found} 个字段，但表头有 {expected} 个。可以删除或补齐这些行。"
            ),
            (BadValue { line, column, value, expected }, Lang::En) => format!(
                "Line {line}, column \"{column}\": \"{value}\" is not a valid {}.",
                expected.label(Lang::En)
            ),
            (BadValue { line, column, value, expected }, Lang::Zh) => format!(
                "第 {line} 行，列“{column}”：“{value}”不是有效的{}。",
                expected.label(Lang::Zh)
            ),
            (MissingColumn { name, available }, Lang::En) => format!(
                "There is no column \"{name}\". Columns: {}.",
                available.join(", ")
            ),
            (MissingColumn { name, available }, Lang::Zh) => format!(
                "没有名为“{name}”的列。现有列：{}。",
                available.join("，")
            ),
            (InvalidParameter { name, value, expected }, Lang::En) => format!(
                "{} = {value} is not allowed: expected {}.",
                name.describe(Lang::En),
                expected.describe(Lang::En)
            ),
            (InvalidParameter { name, value, expected }, Lang::Zh) => format!(
                "{} = {value} 不可用：应为{}。",
                name.describe(Lang::Zh),
                expected.describe(Lang::Zh)
            ),
            (NotEnoughData { what, needed, found }, Lang::En) => format!(
                "Not enough data: this needs at least {needed} {}, the data has {found}.",
                what.label(Lang::En)
            ),
            (NotEnoughData { what, needed, found }, Lang::Zh) => format!(
                "数据不足：至少需要 {needed} 个{}，现有 {found} 个。",
                what.label(Lang::Zh)
            ),
            (TooLarge { bytes, limit }, Lang::En) => format!(
                "The file is {} but the limit here is {}. Use the shoplens command-line tool for files this big.",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
            (TooLarge { bytes, limit }, Lang::Zh) => format!(
                "文件大小为 {}，超过此处上限 {}。如此大的文件请使用 shoplens 命令行工具。",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
            (Cancelled, Lang::En) => "Cancelled.".into(),
            (Cancelled, Lang::Zh) => "已取消。".into(),
            (Format { format, line, cause }, Lang::En) => format!(
                "Not a valid {} file: {}{}.",
                format.label(lang),
                line.map_or(String::new(), |l| format!("line {l}: ")),
                cause.describe(lang)
            ),
            (Format { format, line, cause }, Lang::Zh) => format!(
                "不是有效的{}：{}{}。",
                format.label(lang),
                line.map_or(String::new(), |l| format!("第 {l} 行，")),
                cause.describe(lang)
            ),
            (Infeasible { limit, given, minimum }, Lang::En) => format!(
                "{name} = {} cannot be met: even the smallest plan (no safety stock, one minimum order per product) needs {}. Raise the {name} to at least {} or leave it empty.",
                round_2(*given), round_2(*minimum), round_2(*minimum), name = limit.label(Lang::En)
            ),
            (Infeasible { limit, given, minimum }, Lang::Zh) => format!(
                "{name} = {} 无法满足：即使最小的方案（不留安全库存、每个商品只订一次最小订货量）也需要 {}。请把{name}提高到至少 {}，或留空。",
                round_2(*given), round_2(*minimum), round_2(*minimum), name = limit.label(Lang::Zh)
            ),
            (NotBaskets { columns, group_by, items }, Lang::En) => format!(
                "This table does not hold baskets: it has no invoice/order column with an item column, and it is neither one basket per line nor a 0/1 matrix. Choose the column(s) that group rows into baskets{} and the item column{}. Columns: {}.",
                if group_by.is_empty() { String::new() } else { format!(" (for example {})", group_by.join(" + ")) },
                if items.is_empty() { String::new() } else { format!(" (for example {})", items.join(" or ")) },
                columns.join(", ")
            ),
            (NotBaskets { columns, group_by, items }, Lang::Zh) => format!(
                "这张表不是购物篮数据：没有订单/发票号列和商品列，也不是每行一个购物篮或 0/1 矩阵。请选择把行分组为购物篮的列{}和商品列{}。现有列：{}。",
                if group_by.is_empty() { String::new() } else { format!("（例如 {}）", group_by.join(" + ")) },
                if items.is_empty() { String::new() } else { format!("（例如 {}）", items.join(" 或 ")) },
                columns.join("，")
            ),
        }
    }
}

/// Sizes as people read them: `84.0 MB`, `2.0 GB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A number with at most two decimals, without trailing zeros.
fn round_2(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn zh_kind(kind: &str) -> &str {
    match kind {
        "PNG image" => "PNG 图片",
        "JPEG image" => "JPEG 图片",
        "GIF image" => "GIF 图片",
        "PDF document" => "PDF 文档",
        "ZIP archive" => "ZIP 压缩包",
        other => other,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_place_in_both_languages() {
        let e = Error::new(ErrorKind::BadValue {
            line: 12,
            column: "Sales".into(),
            value: "abc".into(),
            expected: ValueType::Decimal,
        });
        assert_eq!(
            e.message(Lang::En),
            "Line 12, column \"Sales\": \"abc\" is not a valid decimal."
        );
        assert_eq!(
            e.message(Lang::Zh),
            "第 12 行，列“Sales”：“abc”不是有效的数字。"
        );
    }

    #[test]
    fn sizes_are_human() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(84_000_000), "84.0 MB");
        assert_eq!(human_bytes(2_000_000_000), "2.0 GB");
    }

    /// Every kind of counted thing.
    fn counted_samples() -> Vec<Counted> {
        vec![
            Counted::Observations,
            Counted::Customers,
            Counted::RepeatCustomers,
            Counted::Classes,
            Counted::RowsOfEachClass,
            Counted::Rows,
            Counted::OrderLines,
            Counted::SalesLines,
            Counted::Columns,
            Counted::NumericColumns,
            Counted::Channels,
            Counted::Stops,
            Counted::Series,
            Counted::Products,
            Counted::Baskets,
            Counted::Models,
            Counted::Folds,
            Counted::ParameterSets,
            Counted::BasketColumns,
            Counted::SpendLevels,
            Counted::DaysOfDemand {
                product: "85123A".into(),
            },
            Counted::DaysToHoldOut { percent: 20 },
        ]
    }

    /// Every rule a parameter can have, each variant at least once (see
    /// `every_allowed_variant_has_a_sample`).
    fn allowed_samples() -> Vec<Allowed> {
        let mut allowed = vec![
            Allowed::AtLeast(1.0),
            Allowed::AtMost(0.5),
            Allowed::Below(6.0),
            Allowed::Between(0.0, 10.0),
            Allowed::one_of(&["week", "month"]),
            Allowed::FiniteNumber,
            Allowed::Positive,
            Allowed::NonNegative,
            Allowed::OpenUnit,
            Allowed::UnitInterval,
            Allowed::UpToOne,
            Allowed::Date,
            Allowed::ColumnName,
            Allowed::ItemOfData,
            Allowed::CoveragePercent,
            Allowed::FiniteForecasts,
            Allowed::ShareUpTo(0.9),
            Allowed::FiniteLikelihood,
            Allowed::ZeroOrOpenUnit,
            Allowed::AtLeastOneOrNone,
            Allowed::MinWithinMax,
            Allowed::Above(-1.0),
            Allowed::Exactly(1.0),
            Allowed::SupportFractionOrCount,
            Allowed::TableBasketShape,
            Allowed::EncodingName,
            Allowed::NotSeasonalRepeat,
            Allowed::BoxCoxFinite(-0.5),
            Allowed::PositiveSeries,
            Allowed::FittableSeries,
            Allowed::SeriesNotOnLine,
            Allowed::SeasonalPatternEstimable,
            Allowed::EtsForm,
            Allowed::DateBefore("2024-03-01".into()),
            Allowed::CutoffBeforeLastOrder {
                days: 90,
                last: "2024-03-01".into(),
            },
            Allowed::ProductCosts,
            Allowed::LogisticCoefficients(50_000),
            Allowed::SmallerWellConditioned,
            Allowed::FiniteImputed,
            Allowed::MetricWithoutProbabilities,
            Allowed::SpendInEveryChannel,
            Allowed::PositiveSpend,
            Allowed::StopId,
            Allowed::LogInput,
            Allowed::SearchSettings,
            Allowed::DateFormatFields,
            Allowed::DateFormatWithYear,
            Allowed::Classification(Family::models(&["logistic", "knn"])),
            Allowed::Regression(Family::metrics(&["rmse", "mae"])),
        ];
        allowed.push(Allowed::Cells {
            rows: 3,
            columns: 2,
        });
        for per in Per::ALL {
            allowed.push(Allowed::count(4, per));
        }
        for family in [Family::Learner, Family::Tree, Family::Forest] {
            allowed.push(Allowed::Classification(family.clone()));
            allowed.push(Allowed::Regression(family));
        }
        for role in ColumnFor::ALL {
            allowed.push(Allowed::Column(role));
        }
        allowed.extend(counted_samples().into_iter().map(Allowed::AtLeastOne));
        allowed
    }

    /// The position of `allowed`'s variant in the enum. The `match` has no wildcard, so a
    /// new variant does not compile until it is numbered here, and then
    /// `every_allowed_variant_has_a_sample` fails until [`allowed_samples`] has one.
    fn allowed_variant(allowed: &Allowed) -> usize {
        match allowed {
            Allowed::AtLeast(_) => 0,
            Allowed::AtMost(_) => 1,
            Allowed::Below(_) => 2,
            Allowed::Between(..) => 3,
            Allowed::OneOf(_) => 4,
            Allowed::FiniteNumber => 5,
            Allowed::Positive => 6,
            Allowed::NonNegative => 7,
            Allowed::OpenUnit => 8,
            Allowed::UnitInterval => 9,
            Allowed::UpToOne => 10,
            Allowed::Date => 11,
            Allowed::ColumnName => 12,
            Allowed::AtLeastOne(_) => 13,
            Allowed::ItemOfData => 14,
            Allowed::CoveragePercent => 15,
            Allowed::FiniteForecasts => 16,
            Allowed::ShareUpTo(_) => 17,
            Allowed::FiniteLikelihood => 18,
            Allowed::ZeroOrOpenUnit => 19,
            Allowed::AtLeastOneOrNone => 20,
            Allowed::MinWithinMax => 21,
            Allowed::Classification(_) => 22,
            Allowed::Regression(_) => 23,
            Allowed::Cells { .. } => 24,
            Allowed::Count(..) => 25,
            Allowed::Above(_) => 26,
            Allowed::Exactly(_) => 27,
            Allowed::Column(_) => 28,
            Allowed::SupportFractionOrCount => 29,
            Allowed::TableBasketShape => 30,
            Allowed::EncodingName => 31,
            Allowed::NotSeasonalRepeat => 32,
            Allowed::BoxCoxFinite(_) => 33,
            Allowed::PositiveSeries => 34,
            Allowed::FittableSeries => 35,
            Allowed::SeriesNotOnLine => 36,
            Allowed::SeasonalPatternEstimable => 37,
            Allowed::EtsForm => 38,
            Allowed::DateBefore(_) => 39,
            Allowed::CutoffBeforeLastOrder { .. } => 40,
            Allowed::ProductCosts => 41,
            Allowed::LogisticCoefficients(_) => 42,
            Allowed::SmallerWellConditioned => 43,
            Allowed::FiniteImputed => 44,
            Allowed::MetricWithoutProbabilities => 45,
            Allowed::SpendInEveryChannel => 46,
            Allowed::PositiveSpend => 47,
            Allowed::StopId => 48,
            Allowed::LogInput => 49,
            Allowed::SearchSettings => 50,
            Allowed::DateFormatFields => 51,
            Allowed::DateFormatWithYear => 52,
        }
    }

    /// How many variants [`allowed_variant`] numbers.
    const ALLOWED_VARIANTS: usize = 53;

    #[test]
    fn every_allowed_variant_has_a_sample() {
        let mut seen = [false; ALLOWED_VARIANTS];
        for allowed in allowed_samples() {
            seen[allowed_variant(&allowed)] = true;
        }
        let missing: Vec<usize> = (0..ALLOWED_VARIANTS).filter(|&i| !seen[i]).collect();
        assert!(missing.is_empty(), "variants without a sample: {missing:?}");
    }

    /// Identifiers and notations an `Allowed` shows the same in both languages: encoding
    /// labels, model and metric names, ETS codes, a metric's and a transform's name.
    const SAME_IN_BOTH: [&str; 18] = [
        "utf", "gbk", "gb", "le", "be", "MASE", "Box", "Cox", "ANN", "AAdN", "MAM", "Ad", "CSV",
        "YYYY", "MM", "DD", "ln", "logistic",
    ];

    /// Issue 15: "core returns typed values, not sentences". Every rule renders in both
    /// languages, and the Chinese shares no English word with the English rendering
    /// beyond identifiers (model names the sample chose are identifiers too).
    #[test]
    fn every_allowed_renders_in_chinese_without_english_words() {
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
                .map(str::to_string)
                .collect()
        };
        let identifiers = ["week", "month", "knn", "rmse", "mae"];
        for allowed in allowed_samples() {
            let zh = allowed.describe(Lang::Zh);
            let en = allowed.describe(Lang::En);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "no Chinese in {zh:?} ({allowed:?})"
            );
            assert_ne!(zh, en, "{allowed:?}");
            let english = words(&en);
            let shared: Vec<String> = words(&zh)
                .into_iter()
                .filter(|w| english.contains(w))
                .filter(|w| {
                    !SAME_IN_BOTH.iter().chain(&identifiers).any(|i| {
                        i.eq_ignore_ascii_case(w) || w.starts_with("gb") || w.starts_with("utf")
                    })
                })
                .collect();
            assert!(shared.is_empty(), "{shared:?} in {zh:?} (English: {en:?})");
        }
    }

    /// Every cause of a format error; the two parser ones carry serde_json's and
    /// calamine's English words as their detail.
    fn format_causes() -> Vec<FormatCause> {
        vec![
            FormatCause::Parser {
                column: Some(14),
                detail: "EOF while parsing an object".into(),
            },
            FormatCause::Parser {
                column: None,
                detail: "Invalid Zip archive: could not find central directory end".into(),
            },
            FormatCause::NotShoplensModel,
            FormatCause::UnsupportedVersion {
                version: 9,
                newest: 2,
            },
            FormatCause::UnsupportedSection("EDGE_WEIGHT_SECTION".into()),
            FormatCause::UnsupportedType("ATSP".into()),
            FormatCause::UnsupportedEdgeWeight("GEO".into()),
            FormatCause::NoEdgeWeight,
            FormatCause::NotANumber("zero".into()),
            FormatCause::NotACount("many".into()),
            FormatCause::NotANodeNumber("n1".into()),
            FormatCause::UnexpectedLine("hello".into()),
            FormatCause::CoordinateLine("1 0".into()),
            FormatCause::DemandLine("1".into()),
            FormatCause::NegativeDemand(-3.0),
            FormatCause::DimensionMismatch {
                declared: 3,
                found: 2,
            },
            FormatCause::NoCoordinates(4),
        ]
    }

    /// One error of every kind, with every typed payload value, for the language checks.
    /// The exhaustive `match` below fails to compile when a kind is added without a sample.
    fn samples() -> Vec<Error> {
        let mut kinds = vec![
            ErrorKind::EmptyFile,
            ErrorKind::NoDataRows,
            ErrorKind::NotText { looks_like: None },
            ErrorKind::Encoding {
                encoding: "GBK".into(),
                byte: 17,
            },
            ErrorKind::RaggedRow {
                line: 3,
                expected: 4,
                found: 5,
            },
            ErrorKind::MissingColumn {
                name: "销量".into(),
                available: vec!["日期".into()],
            },
            ErrorKind::TooLarge {
                bytes: 3_000_000_000,
                limit: 1_000_000_000,
            },
            ErrorKind::Cancelled,
            ErrorKind::NotBaskets {
                columns: vec!["单号".into(), "商品".into()],
                group_by: vec!["单号".into()],
                items: vec!["商品".into()],
            },
        ];
        for looks_like in [
            "PNG image",
            "JPEG image",
            "GIF image",
            "PDF document",
            "ZIP archive",
        ] {
            kinds.push(ErrorKind::NotText {
                looks_like: Some(looks_like.into()),
            });
        }
        for expected in [
            ValueType::Integer,
            ValueType::Decimal,
            ValueType::Number,
            ValueType::NonNegativeNumber,
            ValueType::WholeDays,
            ValueType::Boolean,
            ValueType::Date,
            ValueType::Text,
            ValueType::Coordinates,
            ValueType::SoldProduct,
            ValueType::CostedProduct,
        ] {
            kinds.push(ErrorKind::BadValue {
                line: 2,
                column: "销量".into(),
                value: "12,5kg".into(),
                expected,
            });
        }
        let counted = counted_samples();
        for what in counted.iter().cloned() {
            kinds.push(ErrorKind::NotEnoughData {
                what,
                needed: 10,
                found: 3,
            });
        }
        for expected in allowed_samples() {
            kinds.push(ErrorKind::InvalidParameter {
                name: "k".into(),
                value: "0".into(),
                expected,
            });
        }
        kinds.push(ErrorKind::Csv {
            line: 3,
            cause: CsvCause::NonAsciiDelimiter(0xa7),
        });
        for format in FileFormat::ALL {
            for (line, cause) in [
                (Some(2), format_causes()[0].clone()),
                (None, format_causes()[1].clone()),
            ] {
                kinds.push(ErrorKind::Format {
                    format,
                    line,
                    cause,
                });
            }
        }
        for cause in format_causes() {
            kinds.push(ErrorKind::Format {
                format: FileFormat::Tsplib,
                line: Some(7),
                cause,
            });
        }
        for limit in [Limit::Budget, Limit::Capacity] {
            kinds.push(ErrorKind::Infeasible {
                limit,
                given: 10.0,
                minimum: 25.5,
            });
        }
        for kind in &kinds {
            match kind {
                ErrorKind::EmptyFile
                | ErrorKind::NoDataRows
                | ErrorKind::NotText { .. }
                | ErrorKind::Encoding { .. }
                | ErrorKind::RaggedRow { .. }
                | ErrorKind::BadValue { .. }
                | ErrorKind::MissingColumn { .. }
                | ErrorKind::InvalidParameter { .. }
                | ErrorKind::NotEnoughData { .. }
                | ErrorKind::TooLarge { .. }
                | ErrorKind::Cancelled
                | ErrorKind::Infeasible { .. }
                | ErrorKind::NotBaskets { .. }
                | ErrorKind::Csv { .. }
                | ErrorKind::Format { .. } => {}
            }
        }
        kinds.into_iter().map(Error::new).collect()
    }

    /// Regression for issue 15: a Chinese message read "参数 k = 11 不可用：应为 at most
    /// the number of customers (10)". Every typed payload now renders in Chinese; the only
    /// Latin words left are file formats, units, the date pattern and identifiers the
    /// sample put in (an encoding name, choice names, a product id).
    #[test]
    fn chinese_messages_carry_no_english_words() {
        const ALLOWED_WORDS: &[&str] = &[
            "ASCII",
            "CSV",
            "XLSX",
            "PNG",
            "JPEG",
            "GIF",
            "PDF",
            "ZIP",
            "YYYY",
            "GBK",
            "shoplens",
            "week",
            "month",
            "kg",
            "A",
            "knn",
            "logistic",
            "rmse",
            "mae",
            "JSON",
            "XLS",
            "ODS",
            // TSPLIB keywords and the sample's tokens, written as in the file.
            "TSPLIB",
            "EDGE",
            "WEIGHT",
            "SECTION",
            "TYPE",
            "ATSP",
            "TSP",
            "CVRP",
            "EUC",
            "GEO",
            "DIMENSION",
            "NODE",
            "COORD",
        ];
        for e in samples() {
            let zh = e.message(Lang::Zh);
            // A third-party parser's own words are allowed only as the bracketed detail
            // after the Chinese that says what happened and where.
            let zh = match zh.split_once("解析器原文：") {
                Some((before, _)) => before.to_string(),
                None => zh,
            };
            // Quoted text is a literal of the file (a JSON field, a TSPLIB token, a value).
            let zh: String = zh.split(['"', '“', '”']).step_by(2).collect();
            let english: Vec<&str> = zh
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3 && !ALLOWED_WORDS.contains(w) && !SAME_IN_BOTH.contains(w))
                .collect();
            assert!(english.is_empty(), "{english:?} in {zh}");
            assert_ne!(zh, e.message(Lang::En));
        }
    }

    #[test]
    fn typed_counts_and_families_render_in_both_languages() {
        let e = Error::invalid_parameter("labels", 7, Allowed::count(10, Per::Row));
        assert_eq!(
            e.message(Lang::En),
            "labels = 7 is not allowed: expected 10 (one per row)."
        );
        assert_eq!(
            e.message(Lang::Zh),
            "参数 labels = 7 不可用：应为每行一个，共 10 个。"
        );
        let e = Error::invalid_parameter(
            "model",
            "linear",
            Allowed::Classification(Family::models(&["logistic", "knn"])),
        );
        assert_eq!(
            e.message(Lang::En),
            "model = linear is not allowed: expected a classification model (logistic, knn)."
        );
        assert_eq!(
            e.message(Lang::Zh),
            "参数 model = linear 不可用：应为分类模型（logistic、knn）。"
        );
        let e = Error::new(ErrorKind::Csv {
            line: 1,
            cause: CsvCause::NonAsciiDelimiter(0xa7),
        });
        assert_eq!(
            e.message(Lang::Zh),
            "第 1 行：分隔符字节 0xa7 不是 ASCII 字符。"
        );
    }

    #[test]
    fn typed_payloads_render_their_numbers_in_both_languages() {
        let e = Error::invalid_parameter("k", 11, Allowed::AtMost(10.0));
        assert_eq!(
            e.message(Lang::En),
            "k = 11 is not allowed: expected at most 10."
        );
        assert_eq!(e.message(Lang::Zh), "参数 k = 11 不可用：应为至多 10。");
        let e = Error::not_enough(Counted::Customers, 11, 10);
        assert_eq!(
            e.message(Lang::Zh),
            "数据不足：至少需要 11 个客户，现有 10 个。"
        );
    }
}
