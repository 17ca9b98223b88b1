//! From a [`Table`] to model inputs: which columns become features (and which are left out,
//! with the reason), what the task is, and the default preprocessing — impute, one-hot
//! text columns, booleans as 0/1, dates as month and weekday, standardise when the model
//! needs it — fitted on the training rows only and stored with the model.

use super::preprocess::{dates, FittedScaler, ImputeStrategy, OneHotEncoder, StandardScaler};
use super::{Matrix, Transform, Transformer};
use crate::table::{Column, ColumnData, DataType, Role, Table};
use crate::{Allowed, ColumnFor, Counted, Error, Lang, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Whether the target is a number to estimate or a class to predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Predict a number.
    Regression,
    /// Predict a class.
    Classification,
}

impl Task {
    /// `regression` or `classification`.
    pub fn as_str(self) -> &'static str {
        match self {
            Task::Regression => "regression",
            Task::Classification => "classification",
        }
    }

    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Task::Regression => lang.pick("回归（预测数值）", "Regression (predict a number)"),
            Task::Classification => {
                lang.pick("分类（预测类别）", "Classification (predict a class)")
            }
        }
    }

    /// The task a target column suggests: text and booleans are classes; whole numbers
    /// with at most 10 distinct values are classes (codes such as 0/1 churn flags);
    /// other numbers are regression targets.
    pub fn infer(target: &Column) -> Task {
        match target.dtype() {
            DataType::Text | DataType::Boolean => Task::Classification,
            DataType::Integer => {
                let distinct: HashSet<String> = (0..target.len())
                    .filter(|&i| !target.is_missing(i))
                    .map(|i| target.display(i))
                    .collect();
                if distinct.len() <= 10 {
                    Task::Classification
                } else {
                    Task::Regression
                }
            }
            _ => Task::Regression,
        }
    }
}

/// Why a column is not used as a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Every value is different and the column looks like a key (`customerID`, `id`...).
    Identifier,
    /// Text with so many different values that it cannot be one-hot encoded usefully.
    FreeText,
    /// Text with more than [`MAX_CATEGORIES`] different values (a product name or code):
    /// one column per value would drown the other features and the model would learn
    /// each value by name.
    ManyCategories,
    /// The same value in every row.
    Constant,
    /// No values at all.
    AllMissing,
    /// Left out by the user (an `exclude` list, or the column's role is "ignore").
    Excluded,
}

impl DropReason {
    /// The reason shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DropReason::Identifier => lang.pick(
                "标识列（每行取值都不同），不含可学习的信息",
                "identifier (a different value in every row): nothing to learn from",
            ),
            DropReason::FreeText => lang.pick(
                "自由文本（取值过多），无法编码为类别",
                "free text (too many different values) to encode as categories",
            ),
            DropReason::ManyCategories => lang.pick(
                "取值超过 100 种（如商品名称或编码），类别过多，不宜逐一编码",
                "more than 100 different values (such as a product name or code): too many categories to encode one by one",
            ),
            DropReason::Constant => lang.pick("所有行取值相同", "the same value in every row"),
            DropReason::AllMissing => lang.pick("全部为缺失值", "every value is missing"),
            DropReason::Excluded => lang.pick("已按要求排除", "left out as asked"),
        }
    }
}

/// A column left out of the features, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedColumn {
    /// The column's name.
    pub column: String,
    /// Why.
    pub reason: DropReason,
}

/// Which columns feed the model and which were left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeaturePlan {
    /// The target column.
    pub target: String,
    /// The task (inferred from the target unless given).
    pub task: Task,
    /// Feature columns, in table order.
    pub features: Vec<String>,
    /// Columns left out by default, with reasons.
    pub dropped: Vec<DroppedColumn>,
}

fn looks_like_identifier_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower == "id"
        || lower.ends_with("_id")
        || lower.ends_with(" id")
        || name.ends_with("ID")
        || name.ends_with("Id")
        || lower.ends_with("编号")
        || lower.ends_with("单号")
}

/// Whether the present values of an integer column count 0, 1, 2... or 1, 2, 3... in file
/// order: a row number (R's `rownames`, pandas' unnamed index) that only says where a row
/// sits in the file.
fn is_row_number(column: &Column) -> bool {
    let ColumnData::Integer(values) = column.data() else {
        return false;
    };
    if values.len() < 3 || column.missing_count() > 0 {
        return false;
    }
    (values[0] == 0 || values[0] == 1) && values.windows(2).all(|w| w[1] == w[0] + 1)
}

/// The most different values a text column may have to be one-hot encoded by default.
pub const MAX_CATEGORIES: usize = 100;

/// Why `column` should be left out by default, if it should: its role says it names rows
/// (identifier) or is ignored; it counts rows; it has no values, one value, a different
/// text in every row, or too many texts to one-hot encode.
pub fn default_drop_reason(column: &Column) -> Option<DropReason> {
    match column.role() {
        Role::Identifier => return Some(DropReason::Identifier),
        Role::Ignore => return Some(DropReason::Excluded),
        _ => {}
    }
    if is_row_number(column) {
        return Some(DropReason::Identifier);
    }
    let present: Vec<String> = (0..column.len())
        .filter(|&i| !column.is_missing(i))
        .map(|i| column.display(i))
        .collect();
    if present.is_empty() {
        return Some(DropReason::AllMissing);
    }
    let distinct: HashSet<&String> = present.iter().collect();
    if distinct.len() == 1 {
        return Some(DropReason::Constant);
    }
    let all_distinct = distinct.len() == present.len() && present.len() >= 2;
    match column.dtype() {
        DataType::Text if all_distinct => Some(DropReason::Identifier),
        DataType::Text if distinct.len() > 100 && distinct.len() * 2 > present.len() => {
            Some(DropReason::FreeText)
        }
        DataType::Text if distinct.len() > MAX_CATEGORIES => Some(DropReason::ManyCategories),
        DataType::Integer if all_distinct && looks_like_identifier_name(column.name()) => {
            Some(DropReason::Identifier)
        }
        _ => None,
    }
}

/// Plans the features for predicting `target`: the named `features` (all kept as given),
/// or by default every other column except those [`default_drop_reason`] rejects; columns
/// named in `exclude` are left out either way.
pub fn plan_features(
    table: &Table,
    target: &str,
    features: Option<&[String]>,
    exclude: &[String],
    task: Option<Task>,
) -> Result<FeaturePlan> {
    for name in exclude {
        table.column_by_name(name)?;
    }
    let target_column = table.column_by_name(target)?;
    let task = task.unwrap_or_else(|| Task::infer(target_column));
    let mut plan = FeaturePlan {
        target: target.to_string(),
        task,
        features: Vec::new(),
        dropped: Vec::new(),
    };
    match features {
        Some(names) => {
            for name in names {
                table.column_by_name(name)?;
                if exclude.contains(name) {
                    continue;
                }
                if name == target {
                    return Err(Error::invalid_parameter(
                        "features",
                        name,
                        Allowed::Column(ColumnFor::FeatureNotTarget),
                    ));
                }
                plan.features.push(name.clone());
            }
        }
        None => {
            for c in table.columns() {
                if c.name() == target {
                    continue;
                }
                let excluded = exclude.iter().any(|e| e == c.name());
                match default_drop_reason(c).or(excluded.then_some(DropReason::Excluded)) {
                    Some(reason) => plan.dropped.push(DroppedColumn {
                        column: c.name().to_string(),
                        reason,
                    }),
                    None => plan.features.push(c.name().to_string()),
                }
            }
        }
    }
    if plan.features.is_empty() {
        return Err(Error::not_enough(Counted::Columns, 1, 0));
    }
    Ok(plan)
}

/// How one table column becomes feature columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnEncoding {
    /// A number (or boolean as 0/1); missing cells get `fill`.
    Number {
        /// Value for missing cells, learned on training rows.
        fill: f64,
    },
    /// One indicator per training category; missing or unseen: all zeros.
    OneHot(OneHotEncoder),
    /// Month and weekday of a date; missing cells get the fills.
    DateParts {
        /// Month for missing cells.
        fill_month: f64,
        /// Weekday for missing cells.
        fill_weekday: f64,
    },
}

/// One table column's encoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureColumn {
    /// The table column.
    pub column: String,
    /// How it is encoded.
    pub encoding: ColumnEncoding,
}

/// The fitted default preprocessing: table columns → numeric features (→ standardised).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureEncoder {
    /// Per table column, in order.
    pub columns: Vec<FeatureColumn>,
    /// Names of the output features (`Month_May`, `Signup_weekday`...).
    pub feature_names: Vec<String>,
    /// Standardisation learned on the training rows, if the model needs it.
    pub scaler: Option<FittedScaler>,
}

fn cell_text(column: &Column, row: usize) -> Option<String> {
    (!column.is_missing(row)).then(|| column.display(row))
}

impl FeatureEncoder {
    /// Learns the encodings from the training `rows` of `table`.
    pub fn fit(
        table: &Table,
        features: &[String],
        rows: &[usize],
        impute: ImputeStrategy,
        scale: bool,
    ) -> Result<FeatureEncoder> {
        if rows.is_empty() {
            return Err(Error::not_enough(Counted::Rows, 1, 0));
        }
        let mut columns = Vec::with_capacity(features.len());
        let mut feature_names = Vec::new();
        for name in features {
            let c = table.column_by_name(name)?;
            let encoding = match c.data() {
                ColumnData::Text(_) => {
                    let values: Vec<String> =
                        rows.iter().filter_map(|&r| cell_text(c, r)).collect();
                    let enc = OneHotEncoder::fit(values.iter().map(String::as_str));
                    feature_names.extend(enc.categories.iter().map(|cat| format!("{name}_{cat}")));
                    ColumnEncoding::OneHot(enc)
                }
                ColumnData::DateTime(v) => {
                    let present: Vec<i64> = rows
                        .iter()
                        .filter(|&&r| !c.is_missing(r))
                        .map(|&r| v[r])
                        .collect();
                    let months: Vec<f64> = present.iter().map(|&s| dates::month(s)).collect();
                    let days: Vec<f64> = present.iter().map(|&s| dates::weekday(s)).collect();
                    feature_names.push(format!("{name}_month"));
                    feature_names.push(format!("{name}_weekday"));
                    ColumnEncoding::DateParts {
                        fill_month: impute.fill_value(&months),
                        fill_weekday: impute.fill_value(&days),
                    }
                }
                _ => {
                    let present: Vec<f64> = rows.iter().filter_map(|&r| c.f64(r)).collect();
                    feature_names.push(name.clone());
                    ColumnEncoding::Number {
                        fill: impute.fill_value(&present),
                    }
                }
            };
            columns.push(FeatureColumn {
                column: name.clone(),
                encoding,
            });
        }
        let mut encoder = FeatureEncoder {
            columns,
            feature_names,
            scaler: None,
        };
        if scale {
            let raw = encoder.encode_raw(table, rows)?;
            encoder.scaler = Some(StandardScaler.fit(&raw)?);
        }
        Ok(encoder)
    }

    /// Number of output features.
    pub fn n_features(&self) -> usize {
        self.feature_names.len()
    }

    fn encode_raw(&self, table: &Table, rows: &[usize]) -> Result<Matrix> {
        let width = self.n_features();
        let mut out = Matrix::zeros(rows.len(), width);
        let mut offset = 0;
        for fc in &self.columns {
            let c = table.column_by_name(&fc.column)?;
            match &fc.encoding {
                ColumnEncoding::Number { fill } => {
                    if !(c.dtype().is_numeric() || c.dtype() == DataType::Boolean) {
                        return Err(Error::invalid_parameter(
                            crate::Subject::Column(fc.column.to_string()),
                            c.dtype().as_str(),
                            Allowed::Column(ColumnFor::NumberAsInTraining),
                        ));
                    }
                    for (i, &r) in rows.iter().enumerate() {
                        out.set(i, offset, c.f64(r).unwrap_or(*fill));
                    }
                    offset += 1;
                }
                ColumnEncoding::OneHot(enc) => {
                    let k = enc.categories.len();
                    for (i, &r) in rows.iter().enumerate() {
                        let text = cell_text(c, r);
                        enc.encode(text.as_deref(), &mut out.row_mut(i)[offset..offset + k]);
                    }
                    offset += k;
                }
                ColumnEncoding::DateParts {
                    fill_month,
                    fill_weekday,
                } => {
                    let ColumnData::DateTime(v) = c.data() else {
                        return Err(Error::invalid_parameter(
                            crate::Subject::Column(fc.column.to_string()),
                            c.dtype().as_str(),
                            Allowed::Column(ColumnFor::DateAsInTraining),
                        ));
                    };
                    for (i, &r) in rows.iter().enumerate() {
                        let (m, w) = if c.is_missing(r) {
                            (*fill_month, *fill_weekday)
                        } else {
                            (dates::month(v[r]), dates::weekday(v[r]))
                        };
                        out.set(i, offset, m);
                        out.set(i, offset + 1, w);
                    }
                    offset += 2;
                }
            }
        }
        Ok(out)
    }

    /// The features of `rows` of `table` (all rows when `None`), encoded and scaled as in
    /// training. The table needs the training feature columns, by name, in any order.
    pub fn transform(&self, table: &Table, rows: Option<&[usize]>) -> Result<Matrix> {
        let all: Vec<usize>;
        let rows = match rows {
            Some(r) => r,
            None => {
                all = (0..table.n_rows()).collect();
                &all
            }
        };
        let raw = self.encode_raw(table, rows)?;
        match &self.scaler {
            Some(s) => s.transform(&raw),
            None => Ok(raw),
        }
    }
}

/// How target values map to what the models see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetEncoding {
    /// Numbers as they are.
    Regression,
    /// Class labels as written, in model index order (sorted: numerically for numbers,
    /// `false` before `true`, else alphabetically).
    Classes {
        /// Labels by class index.
        labels: Vec<String>,
    },
}

/// A target column ready for a model: the rows that have a value and their targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    /// How labels map to indices.
    pub encoding: TargetEncoding,
    /// Rows with a target value (rows with a missing target are skipped).
    pub rows: Vec<usize>,
    /// Numbers, for regression (one per row in `rows`).
    pub values: Vec<f64>,
    /// Class indices, for classification (one per row in `rows`).
    pub classes: Vec<usize>,
}

/// The class label of each row of `column`: its value as shown, except that a yes/no
/// column keeps the words the file used (`Yes`/`No`, `1`/`0`, `是`/`否`), the first spelling
/// of each value winning, so predictions read as the training file did.
fn class_labeller<'a>(column: &'a Column, rows: &[usize]) -> impl Fn(usize) -> String + 'a {
    let mut spelling: [Option<String>; 2] = [None, None];
    if let ColumnData::Boolean(values) = column.data() {
        for &r in rows {
            let slot = &mut spelling[usize::from(values[r])];
            if slot.is_none() {
                *slot = column.raw(r).map(|t| t.trim().to_string());
            }
            if spelling.iter().all(Option::is_some) {
                break;
            }
        }
    }
    move |r| match column.data() {
        ColumnData::Boolean(values) => spelling[usize::from(values[r])]
            .clone()
            .unwrap_or_else(|| column.display(r)),
        _ => column.display(r),
    }
}

impl Targets {
    /// Reads the target column for `task`.
    pub fn new(table: &Table, target: &str, task: Task) -> Result<Targets> {
        let c = table.column_by_name(target)?;
        let rows: Vec<usize> = (0..c.len()).filter(|&i| !c.is_missing(i)).collect();
        match task {
            Task::Regression => {
                if !(c.dtype().is_numeric() || c.dtype() == DataType::Boolean) {
                    return Err(Error::invalid_parameter(
                        "target",
                        format!("{target} ({})", c.dtype().as_str()),
                        Allowed::Column(ColumnFor::NumericTarget),
                    ));
                }
                let values = rows.iter().filter_map(|&r| c.f64(r)).collect();
                Ok(Targets {
                    encoding: TargetEncoding::Regression,
                    rows,
                    values,
                    classes: Vec::new(),
                })
            }
            Task::Classification => {
                let label = class_labeller(c, &rows);
                let mut labels: Vec<String> = rows
                    .iter()
                    .map(|&r| label(r))
                    .collect::<HashSet<_>>()
                    .into_iter()
                    .collect();
                if c.dtype().is_numeric() {
                    labels.sort_by(|a, b| {
                        a.parse::<f64>()
                            .unwrap_or(f64::NAN)
                            .total_cmp(&b.parse::<f64>().unwrap_or(f64::NAN))
                    });
                } else {
                    labels.sort();
                }
                if labels.len() < 2 {
                    return Err(Error::not_enough(Counted::Classes, 2, labels.len()));
                }
                let classes = rows
                    .iter()
                    .map(|&r| {
                        let l = label(r);
                        labels.iter().position(|x| *x == l).unwrap_or(0)
                    })
                    .collect();
                Ok(Targets {
                    encoding: TargetEncoding::Classes { labels },
                    rows,
                    values: Vec::new(),
                    classes,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    const SHOPPERS: &[u8] =
        include_bytes!("../../../../testdata/uci-online-shoppers/online_shoppers_intention.csv");
    const SHOPPERS_NA: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-shoppers/online_shoppers_intention_variant_with_NA.csv"
    );
    const FIXTURE: &str = include_str!("../../../../testdata/fixtures/learn_shoppers.json");

    /// The default plan reproduces REFERENCE.md's 28 features, named as pandas names them.
    #[test]
    fn shoppers_defaults_give_the_reference_features() {
        let t = read_bytes(SHOPPERS, &ReadOptions::default()).unwrap();
        let plan = plan_features(&t, "Revenue", None, &[], None).unwrap();
        assert_eq!(plan.task, Task::Classification);
        assert!(plan.dropped.is_empty());
        let rows: Vec<usize> = (0..t.n_rows()).collect();
        let enc =
            FeatureEncoder::fit(&t, &plan.features, &rows, ImputeStrategy::Mean, false).unwrap();
        let f: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        let mut want: Vec<&str> = f["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let mut got: Vec<&str> = enc.feature_names.iter().map(String::as_str).collect();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        let targets = Targets::new(&t, "Revenue", plan.task).unwrap();
        assert_eq!(
            targets.encoding,
            // The file's own spelling of the booleans.
            TargetEncoding::Classes {
                labels: vec!["FALSE".into(), "TRUE".into()]
            }
        );
        assert_eq!(targets.classes.iter().filter(|&&c| c == 1).count(), 1908);
    }

    /// Scaling learned on training rows equals sklearn's StandardScaler on the same rows.
    #[test]
    fn scaler_matches_sklearn_on_train_rows() {
        let t = read_bytes(SHOPPERS, &ReadOptions::default()).unwrap();
        let f: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        let train: Vec<usize> = f["train_rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let plan = plan_features(&t, "Revenue", None, &[], None).unwrap();
        let enc =
            FeatureEncoder::fit(&t, &plan.features, &train, ImputeStrategy::Mean, true).unwrap();
        let names: Vec<&str> = f["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let scaler = enc.scaler.as_ref().unwrap();
        for (j, name) in enc.feature_names.iter().enumerate() {
            let k = names.iter().position(|n| n == name).unwrap();
            assert!(
                (scaler.offset[j] - f["scaler_mean"][k].as_f64().unwrap()).abs() < 1e-9,
                "{name}"
            );
            assert!(
                (scaler.scale[j] - f["scaler_scale"][k].as_f64().unwrap()).abs() < 1e-9,
                "{name}"
            );
        }
    }

    #[test]
    fn missing_values_are_imputed_from_training_rows() {
        let t = read_bytes(SHOPPERS_NA, &ReadOptions::default()).unwrap();
        let plan = plan_features(&t, "Revenue", None, &[], None).unwrap();
        let rows: Vec<usize> = (0..t.n_rows()).collect();
        let x = FeatureEncoder::fit(&t, &plan.features, &rows, ImputeStrategy::Median, true)
            .unwrap()
            .transform(&t, None)
            .unwrap();
        assert!(x.check_finite().is_ok());
    }

    #[test]
    fn identifiers_and_constants_are_dropped_with_reasons() {
        let csv = b"customerID,plan,tenure,country,churn\nA-1,basic,3,CN,yes\nB-2,pro,10,CN,no\nC-3,basic,1,CN,yes\nD-4,pro,7,CN,no\n";
        let t = read_bytes(csv, &ReadOptions::default()).unwrap();
        let plan = plan_features(&t, "churn", None, &[], None).unwrap();
        assert_eq!(plan.features, vec!["plan", "tenure"]);
        assert_eq!(
            plan.dropped,
            vec![
                DroppedColumn {
                    column: "customerID".into(),
                    reason: DropReason::Identifier
                },
                DroppedColumn {
                    column: "country".into(),
                    reason: DropReason::Constant
                },
            ]
        );
        assert!(DropReason::Identifier.label(Lang::Zh).contains("标识"));
        // An unseen category in new data is all zeros, not an error.
        let enc = FeatureEncoder::fit(
            &t,
            &plan.features,
            &[0, 1, 2, 3],
            ImputeStrategy::Mean,
            false,
        )
        .unwrap();
        let new = read_bytes(b"plan,tenure\nenterprise,4\n", &ReadOptions::default()).unwrap();
        assert_eq!(enc.transform(&new, None).unwrap().row(0), &[0.0, 0.0, 4.0]);
    }

    #[test]
    fn product_names_with_many_values_are_not_one_hot_encoded() {
        // 1,000 rows, 200 product names each on five rows (not free text by the half-of-rows
        // test), 3 countries: predicting the country from the product name would one-hot
        // 200 columns, which the default leaves out and says why.
        let mut csv = String::from("product,quantity,country\n");
        for i in 0..1000 {
            csv.push_str(&format!(
                "item {},{},{}\n",
                i % 200,
                i % 7 + 1,
                ["UK", "FR", "DE"][i % 3]
            ));
        }
        let t = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let plan = plan_features(&t, "country", None, &[], None).unwrap();
        assert_eq!(plan.features, vec!["quantity"]);
        assert_eq!(
            plan.dropped,
            vec![DroppedColumn {
                column: "product".into(),
                reason: DropReason::ManyCategories
            }]
        );
        assert!(DropReason::ManyCategories
            .label(Lang::Zh)
            .contains("类别过多"));
    }

    #[test]
    fn dates_become_month_and_weekday() {
        let t = read_bytes(
            b"day,sales\n2020-02-21,3.5\n2020-03-02,4.25\n",
            &ReadOptions::default(),
        )
        .unwrap();
        let enc = FeatureEncoder::fit(
            &t,
            &["day".to_string()],
            &[0, 1],
            ImputeStrategy::Mean,
            false,
        )
        .unwrap();
        assert_eq!(enc.feature_names, vec!["day_month", "day_weekday"]);
        assert_eq!(enc.transform(&t, None).unwrap().row(1), &[3.0, 0.0]);
        assert_eq!(
            plan_features(&t, "sales", None, &[], None).unwrap().task,
            Task::Regression
        );
    }
}
