//! What an invalid value is ([`super::ErrorKind::InvalidParameter`]): a parameter by the
//! identifier a job spec or a flag gives it, or a value of the data at a position, each
//! rendered in both languages.
//!
//! A parameter's identifier (`min_support`, `k`) is what the user typed, so it is shown as
//! it is in both languages; everything else is a variant, so a Chinese message never names
//! a value with an English phrase such as "target at row 7".

use crate::Lang;
use serde::{Deserialize, Serialize};

/// What an invalid value is. Positions are 1-based, as a spreadsheet shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Subject {
    /// A parameter by its identifier (`min_support`, `k`), the same in both languages.
    Param(String),
    /// A parameter of one thing (the `holding_rate` of product `A12`).
    ParamOf {
        /// The parameter's identifier.
        param: String,
        /// The thing's id.
        of: String,
    },
    /// The n-th value of a series.
    SeriesValue(usize),
    /// The target value at a row.
    TargetAtRow(usize),
    /// A feature value at a row and column.
    FeatureAt {
        /// Row.
        row: usize,
        /// Column.
        column: usize,
    },
    /// A row of the data.
    Row(usize),
    /// A row's value in the named column.
    RowIn {
        /// Row.
        row: usize,
        /// The column's name.
        column: String,
    },
    /// The number of values in a row.
    RowLength(usize),
    /// A column, by its name or position as given.
    Column(String),
    /// The n-th score.
    Score(usize),
    /// `ln(1 + x)` of the named column.
    LogOf(String),
    /// The spend bounds of the named channel.
    BoundsOf(String),
    /// A quantity with a fixed name.
    Term(Term),
}

/// Quantities with a fixed name ([`Subject::Term`]): the terms of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Term {
    /// The number of values given for a matrix.
    MatrixLength,
    /// The number of targets.
    TargetCount,
    /// The number of features.
    FeatureCount,
    /// The number of predictions.
    PredictionCount,
    /// The number of class labels.
    ClassLabelCount,
    /// A class index.
    ClassIndex,
    /// The value missing cells are filled with.
    FillValue,
    /// A pair of spend and outcome.
    SpendOutcome,
    /// What a classifier returned.
    ClassifierOutput,
    /// An ETS model's form code (such as `AAdM`).
    EtsForm,
    /// A date format.
    DateFormat,
}

impl Term {
    /// Every quantity, for tests.
    pub const ALL: [Term; 11] = [
        Term::MatrixLength,
        Term::TargetCount,
        Term::FeatureCount,
        Term::PredictionCount,
        Term::ClassLabelCount,
        Term::ClassIndex,
        Term::FillValue,
        Term::SpendOutcome,
        Term::ClassifierOutput,
        Term::EtsForm,
        Term::DateFormat,
    ];

    /// The quantity's name in the user's language.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Term::MatrixLength => ("矩阵数据的个数", "matrix data length"),
            Term::TargetCount => ("目标值的个数", "number of targets"),
            Term::FeatureCount => ("特征的个数", "number of features"),
            Term::PredictionCount => ("预测值的个数", "number of predictions"),
            Term::ClassLabelCount => ("类别标签的个数", "number of class labels"),
            Term::ClassIndex => ("类别序号", "class index"),
            Term::FillValue => ("填充值", "fill value"),
            Term::SpendOutcome => ("花费/效果", "spend/outcome"),
            Term::ClassifierOutput => ("分类器输出", "classifier output"),
            Term::EtsForm => ("ETS 形式", "ETS form"),
            Term::DateFormat => ("日期格式", "date format"),
        };
        lang.pick(zh, en)
    }
}

impl Subject {
    /// The subject in the user's language, as the start of a message ("参数 k", "k").
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Subject::Param(name) if zh => format!("参数 {name}"),
            Subject::Param(name) => name.clone(),
            Subject::ParamOf { param, of } if zh => format!("{of} 的参数 {param}"),
            Subject::ParamOf { param, of } => format!("{param} ({of})"),
            Subject::SeriesValue(n) if zh => format!("第 {n} 个值"),
            Subject::SeriesValue(n) => format!("value #{n}"),
            Subject::TargetAtRow(n) if zh => format!("第 {n} 行的目标值"),
            Subject::TargetAtRow(n) => format!("target at row {n}"),
            Subject::FeatureAt { row, column } if zh => {
                format!("第 {row} 行第 {column} 列的特征值")
            }
            Subject::FeatureAt { row, column } => {
                format!("feature value at row {row}, column {column}")
            }
            Subject::Row(n) if zh => format!("第 {n} 行"),
            Subject::Row(n) => format!("row {n}"),
            Subject::RowIn { row, column } if zh => format!("第 {row} 行的 {column}"),
            Subject::RowIn { row, column } => format!("row {row}, {column}"),
            Subject::RowLength(n) if zh => format!("第 {n} 行的值个数"),
            Subject::RowLength(n) => format!("row {n} length"),
            Subject::Column(c) if zh => format!("列 {c}"),
            Subject::Column(c) => format!("column {c}"),
            Subject::Score(n) if zh => format!("第 {n} 个得分"),
            Subject::Score(n) => format!("score {n}"),
            Subject::LogOf(c) => format!("ln(1 + {c})"),
            Subject::BoundsOf(c) if zh => format!("{c} 的花费上下限"),
            Subject::BoundsOf(c) => format!("bounds of {c}"),
            Subject::Term(q) => q.label(lang).to_string(),
        }
    }

    /// Whether this is the parameter named `name`.
    pub fn is_param(&self, name: &str) -> bool {
        matches!(self, Subject::Param(n) if n == name)
    }
}

/// A parameter's identifier is its subject.
impl From<&str> for Subject {
    fn from(name: &str) -> Subject {
        Subject::Param(name.to_string())
    }
}

/// A parameter's identifier is its subject.
impl From<String> for Subject {
    fn from(name: String) -> Subject {
        Subject::Param(name)
    }
}

impl From<Term> for Subject {
    fn from(quantity: Term) -> Subject {
        Subject::Term(quantity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One subject of every kind; the `match` fails to compile when a kind has no sample.
    fn samples() -> Vec<Subject> {
        let mut all = vec![
            Subject::Param("min_support".into()),
            Subject::ParamOf {
                param: "holding_rate".into(),
                of: "A12".into(),
            },
            Subject::SeriesValue(3),
            Subject::TargetAtRow(7),
            Subject::FeatureAt { row: 2, column: 5 },
            Subject::Row(4),
            Subject::RowIn {
                row: 4,
                column: "Recency".into(),
            },
            Subject::RowLength(2),
            Subject::Column("4".into()),
            Subject::Score(9),
            Subject::LogOf("Monetary".into()),
            Subject::BoundsOf("Search".into()),
        ];
        all.extend(Term::ALL.map(Subject::Term));
        for s in &all {
            match s {
                Subject::Param(_)
                | Subject::ParamOf { .. }
                | Subject::SeriesValue(_)
                | Subject::TargetAtRow(_)
                | Subject::FeatureAt { .. }
                | Subject::Row(_)
                | Subject::RowIn { .. }
                | Subject::RowLength(_)
                | Subject::Column(_)
                | Subject::Score(_)
                | Subject::LogOf(_)
                | Subject::BoundsOf(_)
                | Subject::Term(_) => {}
            }
        }
        all
    }

    /// The words of a rendering that are not names the user gave (identifiers, column
    /// names, ids) nor notation (`ln`, `ETS`).
    fn english_words(subject: &Subject, text: &str) -> Vec<String> {
        let given: &[&str] = &[
            "min_support",
            "holding_rate",
            "A12",
            "Recency",
            "Monetary",
            "Search",
            "ln",
            "ETS",
        ];
        let _ = subject;
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
            .filter(|w| !given.contains(w))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_subject_is_named_in_chinese_without_english_words() {
        for subject in samples() {
            let zh = subject.describe(Lang::Zh);
            let en = subject.describe(Lang::En);
            let words = english_words(&subject, &zh);
            assert!(words.is_empty(), "{words:?} in {zh:?} ({subject:?})");
            if !matches!(subject, Subject::LogOf(_)) {
                assert_ne!(zh, en, "{subject:?}");
            }
        }
    }

    #[test]
    fn english_names_are_those_messages_always_used() {
        assert_eq!(Subject::SeriesValue(3).describe(Lang::En), "value #3");
        assert_eq!(
            Subject::FeatureAt { row: 2, column: 5 }.describe(Lang::En),
            "feature value at row 2, column 5"
        );
        assert_eq!(Subject::from("k").describe(Lang::Zh), "参数 k");
        assert!(Subject::from("k").is_param("k"));
        assert!(!Subject::TargetAtRow(1).is_param("k"));
    }
}
