//! Type inference: which type fits every present value of a column, and how its values are
//! written.
//!
//! One pass over the cells keeps a set of candidate types and drops each candidate at the
//! first value it cannot read (so a text column costs one look at its first cell). The
//! winner is, in order: integer, decimal (with the decimal mark the file's delimiter
//! suggests, see [`DecimalMark`]), boolean, date/time, text. A whole-number column holding
//! exactly the values 0 and 1 is boolean. Missing tokens: empty, blanks, `NA`, `N/A`,
//! `null`, `NaN`, `-` (see [`is_missing`]). Identifiers with leading zeros (`007`) stay
//! text so they keep their zeros. Year-last dates get their day/month order from the data
//! (see [`super::dates`]).
//!
//! The same parsers convert cells once the type is chosen — by inference or by the user
//! ([`convert`]): a present value that does not fit is held as missing and listed as invalid,
//! never dropped silently.

use super::numbers::parse_number;
use super::raw::RawCells;
use super::text::TextBuilder;
use super::{Column, ColumnData, DataType};
use crate::trim::trim;

pub use super::column::ValueFormat;
pub use super::dates::{
    civil_from_days, days_from_civil, format_datetime, parse_datetime_in, parse_shape, DateFamily,
    DateOrder, DateShape,
};
pub use super::numbers::{DecimalMark, Number};

/// What inference found about a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inference {
    /// The type.
    pub dtype: DataType,
    /// How values are written.
    pub format: ValueFormat,
    /// For a date column: the first row (0-based) whose date is written in a different form
    /// from the first date (`2020-02-21` then `23/02/2020`).
    pub mixed_dates_at: Option<usize>,
}

/// Whether a cell counts as missing.
pub fn is_missing(cell: &str) -> bool {
    let t = trim(cell);
    // Every token is at most 4 bytes and starts with `-`, `N` or `n`: most cells are
    // decided by their length or first byte.
    match t.as_bytes().first() {
        None => true,
        Some(b'-' | b'N' | b'n') if t.len() <= 4 => matches!(
            t,
            "-" | "NA" | "N/A" | "n/a" | "na" | "null" | "NULL" | "Null" | "NaN" | "nan" | "None"
        ),
        _ => false,
    }
}

/// Words that stand for "nothing" in a cell beyond the missing tokens (compared in lower
/// case): `NONE`, `无`, `暂无`, `?`. In a number column they are held as missing and listed,
/// but never count against the column being numbers.
const PLACEHOLDERS: &[&str] = &[
    "none", "n/a", "na", "null", "nan", "nil", "-", "--", "—", "?", "#n/a", "n.a.", "无", "暂无",
    "空", "没有", "(blank)",
];

/// Whether a cell stands for "nothing" (a missing token or a placeholder word).
pub fn is_placeholder(cell: &str) -> bool {
    let v = trim(cell).to_lowercase();
    PLACEHOLDERS.contains(&v.as_str())
}

/// Parses a whole number written plainly (`-12`, `1,234`); `007` is not one.
pub fn parse_integer(cell: &str) -> Option<i64> {
    parse_number(cell, DecimalMark::Point)?.integer
}

/// Parses a real number with a decimal point (`1,234.5`, `¥12`, `15%`, `-1e3`).
pub fn parse_decimal(cell: &str) -> Option<f64> {
    parse_number(cell, DecimalMark::Point).map(|n| n.value)
}

/// Parses the words of a yes/no column: `true/false`, `yes/no`, `y/n`, `是/否`
/// (case-insensitive). `1`/`0` are read as booleans only by [`parse_boolean_forced`].
pub fn parse_boolean(cell: &str) -> Option<bool> {
    let t = trim(cell);
    if t.len() > 5 {
        return None;
    }
    match t.to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "是" => Some(true),
        "false" | "no" | "n" | "否" => Some(false),
        _ => None,
    }
}

/// [`parse_boolean`] plus `1`/`0`, for a column the user (or the 0/1 rule) made boolean.
pub fn parse_boolean_forced(cell: &str) -> Option<bool> {
    match trim(cell) {
        "1" => Some(true),
        "0" => Some(false),
        t => parse_boolean(t),
    }
}

/// Parses unambiguous dates (year first, Chinese) and year-last dates day-first.
pub fn parse_datetime(cell: &str) -> Option<i64> {
    parse_datetime_in(cell, DateOrder::DayFirst)
}

/// The narrowest type that every present cell parses as (decimal point numbers).
pub fn infer_type<'a>(cells: impl Iterator<Item = &'a str> + Clone) -> DataType {
    infer(cells, DecimalMark::Point).dtype
}

/// Infers the type and format of a column. `preferred_mark` wins when both decimal marks
/// read every number (a `;`-separated file prefers the comma).
pub fn infer<'a>(cells: impl Iterator<Item = &'a str>, preferred_mark: DecimalMark) -> Inference {
    infer_keeping(cells, preferred_mark, false).0
}

/// Values parsed while inferring, kept so the chosen type's values need not be parsed twice.
struct Kept {
    point: Option<Vec<Option<Number>>>,
    comma: Option<Vec<Option<Number>>>,
    dates: Option<Vec<DateShape>>,
}

/// [`infer`], keeping (when `keep`) the parsed values of the candidates still standing.
fn infer_keeping<'a>(
    cells: impl Iterator<Item = &'a str>,
    preferred_mark: DecimalMark,
    keep: bool,
) -> (Inference, Kept) {
    let mut point = NumberState::new(true, keep);
    let mut comma = NumberState::new(preferred_mark == DecimalMark::Comma, keep);
    let mut boolean = true;
    // A lone `y` is a letter, not a yes/no column: single letters need both values.
    let (mut bool_word, mut bool_true, mut bool_false) = (false, false, false);
    let mut date = DateState::new(keep);
    let mut present = 0usize;
    for (row, cell) in cells.enumerate() {
        if is_missing(cell) {
            continue;
        }
        present += 1;
        point.see(cell, DecimalMark::Point);
        comma.see(cell, DecimalMark::Comma);
        if boolean {
            match parse_boolean(cell) {
                Some(b) => {
                    bool_word |= trim(cell).chars().count() > 1;
                    bool_true |= b;
                    bool_false |= !b;
                }
                None => boolean = false,
            }
        }
        date.see(cell, row);
        if !(point.ok || comma.ok || boolean || date.ok) {
            let inference = Inference {
                dtype: DataType::Text,
                format: ValueFormat {
                    decimal_mark: preferred_mark,
                    ..ValueFormat::default()
                },
                mixed_dates_at: None,
            };
            let nothing = Kept {
                point: None,
                comma: None,
                dates: None,
            };
            return (inference, nothing);
        }
    }
    let mut format = ValueFormat {
        decimal_mark: preferred_mark,
        ..ValueFormat::default()
    };
    let kept = Kept {
        point: point.kept.take(),
        comma: comma.kept.take(),
        dates: date.kept.take(),
    };
    // Every value a number first; a column that is numbers but for a few cells only when
    // nothing else (yes/no, dates) reads every value.
    let pick = |strict: bool| match preferred_mark {
        DecimalMark::Comma if comma.accepts(strict) => Some((&comma, DecimalMark::Comma)),
        _ if point.accepts(strict) => Some((&point, DecimalMark::Point)),
        _ if comma.accepts(strict) => Some((&comma, DecimalMark::Comma)),
        _ => None,
    };
    let number_type = |state: &NumberState| {
        if state.integer && state.zero_one && state.seen_zero && state.seen_one {
            DataType::Boolean
        } else if state.integer {
            DataType::Integer
        } else {
            DataType::Decimal
        }
    };
    let compact_dates = date.ok && date.all_compact;
    let dtype = if present == 0 {
        DataType::Text
    } else if let (Some((state, mark)), false) = (pick(true), compact_dates) {
        format.decimal_mark = mark;
        number_type(state)
    } else if boolean && (bool_word || (bool_true && bool_false)) {
        DataType::Boolean
    } else if date.ok {
        if let Some(separator) = date.year_last {
            let (order, guessed) = match (date.day_first, date.month_first) {
                (true, false) => (DateOrder::DayFirst, false),
                (false, true) => (DateOrder::MonthFirst, false),
                _ if separator == '/' => (DateOrder::MonthFirst, true),
                _ => (DateOrder::DayFirst, true),
            };
            format.date_order = Some(order);
            format.date_order_guessed = guessed;
        }
        DataType::DateTime
    } else if let Some((state, mark)) = pick(false) {
        format.decimal_mark = mark;
        number_type(state)
    } else {
        DataType::Text
    };
    let inference = Inference {
        dtype,
        format,
        mixed_dates_at: if dtype == DataType::DateTime {
            date.mixed_at
        } else {
            None
        },
    };
    (inference, kept)
}

/// How a column that is numbers but for a few cells is still read as numbers: at most one
/// cell in twenty may fail, or a single cell among at least ten values, and no failing cell
/// may hold a digit (see [`NumberState::see`]). The cells that fail are held as missing and
/// listed by line and value, never dropped silently.
fn few_enough_bad(good: usize, bad: usize) -> bool {
    let present = good + bad;
    (bad * 20 <= present && good >= 5) || (bad == 1 && present >= 10)
}

struct NumberState {
    /// Whether the type is still a candidate (every value so far, or all but a few, parse).
    ok: bool,
    /// Every present value parsed so far (`None` where it failed), while `ok` (when asked
    /// to keep them).
    kept: Option<Vec<Option<Number>>>,
    good: usize,
    bad: usize,
    integer: bool,
    zero_one: bool,
    seen_zero: bool,
    seen_one: bool,
}

impl NumberState {
    fn new(active: bool, keep: bool) -> NumberState {
        NumberState {
            ok: active,
            kept: (active && keep).then(Vec::new),
            good: 0,
            bad: 0,
            integer: true,
            zero_one: true,
            seen_zero: false,
            seen_one: false,
        }
    }

    /// Whether the column reads as numbers: every value (`strict`), or all but a few.
    fn accepts(&self, strict: bool) -> bool {
        self.ok
            && self.good > 0
            && (self.bad == 0 || (!strict && few_enough_bad(self.good, self.bad)))
    }

    fn see(&mut self, cell: &str, mark: DecimalMark) {
        if !self.ok {
            return;
        }
        let parsed = parse_number(cell, mark);
        if let Some(kept) = &mut self.kept {
            kept.push(parsed);
        }
        match parsed {
            None if is_placeholder(cell) => {}
            None => {
                self.bad += 1;
                // Give up once failures are more than a few (a text column costs two looks),
                // or at a cell with digits that is not a number: `C536379` among invoice
                // numbers or `85123A` among stock codes make the column codes, not numbers.
                if self.bad > 1 + self.good / 19 || cell.bytes().any(|b| b.is_ascii_digit()) {
                    self.ok = false;
                    self.kept = None;
                }
            }
            Some(Number { integer: None, .. }) => {
                self.good += 1;
                self.integer = false;
            }
            Some(Number {
                integer: Some(i), ..
            }) => {
                self.good += 1;
                match i {
                    0 => self.seen_zero = true,
                    1 => self.seen_one = true,
                    _ => self.zero_one = false,
                }
            }
        }
    }
}

struct DateState {
    ok: bool,
    /// Every present value's shape so far, while `ok` (when asked to keep them).
    kept: Option<Vec<DateShape>>,
    first_family: Option<DateFamily>,
    mixed_at: Option<usize>,
    year_last: Option<char>,
    day_first: bool,
    month_first: bool,
    /// Whether every date so far is eight digits (`19970101`), which also read as integers.
    all_compact: bool,
}

impl DateState {
    fn new(keep: bool) -> DateState {
        DateState {
            ok: true,
            kept: keep.then(Vec::new),
            first_family: None,
            mixed_at: None,
            year_last: None,
            day_first: true,
            month_first: true,
            all_compact: true,
        }
    }

    fn see(&mut self, cell: &str, row: usize) {
        if !self.ok {
            return;
        }
        let Some(shape) = parse_shape(cell) else {
            self.ok = false;
            self.kept = None;
            return;
        };
        if let Some(kept) = &mut self.kept {
            kept.push(shape);
        }
        self.all_compact &= shape.family == DateFamily::Compact;
        match self.first_family {
            None => self.first_family = Some(shape.family),
            Some(f) if f != shape.family && self.mixed_at.is_none() => self.mixed_at = Some(row),
            Some(_) => {}
        }
        if let DateFamily::YearLast(separator) = shape.family {
            self.year_last.get_or_insert(separator);
            self.day_first = self.day_first && shape.seconds(DateOrder::DayFirst).is_some();
            self.month_first = self.month_first && shape.seconds(DateOrder::MonthFirst).is_some();
            self.ok = self.day_first || self.month_first;
        } else {
            self.ok = shape.seconds(DateOrder::DayFirst).is_some();
        }
        if !self.ok {
            self.kept = None;
        }
    }
}

/// Cells converted to one type: values, missing mask, and the rows whose present value did
/// not fit (held as missing).
pub struct Converted {
    /// The values.
    pub data: ColumnData,
    /// Missing (including invalid) rows.
    pub missing: Vec<bool>,
    /// Rows (0-based) with a value that does not fit the type.
    pub invalid: Vec<usize>,
}

/// Converts cells to `dtype`, reading them as `format` says.
pub fn convert<'a>(
    cells: impl Iterator<Item = &'a str>,
    rows: usize,
    dtype: DataType,
    format: &ValueFormat,
) -> Converted {
    let mut missing = Vec::with_capacity(rows);
    let mut invalid = Vec::new();
    let order = format.date_order.unwrap_or(DateOrder::DayFirst);
    let mark = format.decimal_mark;
    macro_rules! typed {
        ($variant:ident, $default:expr, $parse:expr) => {{
            let mut values = Vec::with_capacity(rows);
            for (row, cell) in cells.enumerate() {
                if is_missing(cell) {
                    values.push($default);
                    missing.push(true);
                    continue;
                }
                match $parse(cell) {
                    Some(v) => {
                        values.push(v);
                        missing.push(false);
                    }
                    None => {
                        values.push($default);
                        missing.push(true);
                        invalid.push(row);
                    }
                }
            }
            ColumnData::$variant(values)
        }};
    }
    let data = match dtype {
        DataType::Integer => typed!(Integer, 0, |c| parse_number(c, mark)
            .and_then(|n: Number| n.integer)),
        DataType::Decimal => typed!(Decimal, 0.0, |c| parse_number(c, mark).map(|n| n.value)),
        DataType::Boolean => typed!(Boolean, false, parse_boolean_forced),
        DataType::DateTime => typed!(DateTime, 0, |c| parse_datetime_in(c, order)),
        DataType::Text => {
            let mut values = TextBuilder::with_capacity(rows);
            for cell in cells {
                let m = is_missing(cell);
                missing.push(m);
                values.push(if m { "" } else { trim(cell) });
            }
            ColumnData::Text(values.finish())
        }
    };
    Converted {
        data,
        missing,
        invalid,
    }
}

/// Infers the type of `raw` and converts it, parsing each value once: the values parsed
/// while inferring are reused for the chosen type. Gives what [`infer`] then [`convert`]
/// give (a test checks they agree).
pub(crate) fn infer_and_convert(raw: &RawCells, mark: DecimalMark) -> (Inference, Converted) {
    let (inference, kept) = infer_keeping(raw.iter(), mark, true);
    let format = &inference.format;
    let rows = raw.len();
    let reused = match inference.dtype {
        DataType::Integer | DataType::Decimal | DataType::Boolean => {
            let numbers = match format.decimal_mark {
                DecimalMark::Point => kept.point,
                DecimalMark::Comma => kept.comma,
            };
            numbers.map(|numbers| {
                let values = numbers.into_iter();
                match inference.dtype {
                    DataType::Integer => fill(
                        raw,
                        rows,
                        values.map(|n| n.and_then(|n| n.integer)),
                        ColumnData::Integer,
                    ),
                    DataType::Decimal => fill(
                        raw,
                        rows,
                        values.map(|n| n.map(|n| n.value)),
                        ColumnData::Decimal,
                    ),
                    _ => fill(
                        raw,
                        rows,
                        values.map(|n| n.map(|n| n.integer == Some(1))),
                        ColumnData::Boolean,
                    ),
                }
            })
        }
        DataType::DateTime => {
            let order = format.date_order.unwrap_or(DateOrder::DayFirst);
            kept.dates.map(|shapes| {
                let values = shapes.into_iter().map(|s| s.seconds(order));
                fill(raw, rows, values, ColumnData::DateTime)
            })
        }
        DataType::Text => None,
    };
    // Boolean words (yes/no) and text were not kept: convert them from the cells.
    let converted = reused.unwrap_or_else(|| convert(raw.iter(), rows, inference.dtype, format));
    (inference, converted)
}

/// Lays values parsed from the present cells of `raw` (in order) out over every row,
/// marking the missing ones; a value that did not parse is held as missing and invalid.
fn fill<T: Default>(
    raw: &RawCells,
    rows: usize,
    mut parsed: impl Iterator<Item = Option<T>>,
    wrap: impl FnOnce(Vec<T>) -> ColumnData,
) -> Converted {
    let mut values = Vec::with_capacity(rows);
    let mut missing = Vec::with_capacity(rows);
    let mut invalid = Vec::new();
    for (row, cell) in raw.iter().enumerate() {
        let value = if is_missing(cell) {
            None
        } else {
            let value = parsed.next().flatten();
            if value.is_none() {
                invalid.push(row);
            }
            value
        };
        missing.push(value.is_none());
        values.push(value.unwrap_or_default());
    }
    Converted {
        data: wrap(values),
        missing,
        invalid,
    }
}

/// Builds a typed column from raw cells, inferring the type.
pub fn build_column(name: String, cells: &[&str]) -> Column {
    let mut raw = RawCells::with_capacity(cells.len());
    for cell in cells {
        raw.push(cell);
    }
    let (inference, converted) = infer_and_convert(&raw, DecimalMark::Point);
    column_from_converted(name, raw, inference.dtype, inference.format, converted)
}

/// Types raw cells as `dtype`; the raw text is kept unless the column is text.
pub(crate) fn column_from_raw(
    name: String,
    raw: RawCells,
    dtype: DataType,
    format: ValueFormat,
) -> Column {
    let converted = convert(raw.iter(), raw.len(), dtype, &format);
    column_from_converted(name, raw, dtype, format, converted)
}

/// Builds a column from raw cells already converted to `dtype`.
pub(crate) fn column_from_converted(
    name: String,
    raw: RawCells,
    dtype: DataType,
    format: ValueFormat,
    converted: Converted,
) -> Column {
    let raw = (dtype != DataType::Text).then_some(raw);
    Column::new(name, converted.data, converted.missing).with_source(raw, format, converted.invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_tokens_and_only_them() {
        let missing = [
            "", " ", "\u{3000}", "-", "NA", "N/A", "n/a", "na", "null", "NULL", "Null", "NaN",
            "nan", "None", " NA ", "\tnull\r",
        ];
        for cell in missing {
            assert!(is_missing(cell), "{cell:?}");
        }
        let present = [
            "0",
            "--",
            "-1",
            "N",
            "n",
            "NAN",
            "none",
            "nil",
            "Nana",
            "nulls",
            "NA1",
            "N/A!",
            "x",
            "牛奶",
            "null value",
        ];
        for cell in present {
            assert!(!is_missing(cell), "{cell:?}");
        }
    }

    #[test]
    fn parsing_once_gives_what_inferring_then_converting_gives() {
        let columns: &[(&[&str], DecimalMark)] = &[
            (&["1", "NA", "-3", "1,234"], DecimalMark::Point),
            (&["1.5", "", "¥2", "15%"], DecimalMark::Point),
            (&["12,5", "7", "n/a"], DecimalMark::Comma),
            (&["0", "1", "", "1"], DecimalMark::Point),
            (&["yes", "no", "NA"], DecimalMark::Point),
            (
                &["12/1/2010 8:26", "", "12/13/2010 9:00"],
                DecimalMark::Point,
            ),
            (
                &["2020-02-21", "23/02/2020", "2020年3月1日"],
                DecimalMark::Point,
            ),
            (&["21-07-2015", "05-01-2015"], DecimalMark::Point),
            (&["tea", "", "cup"], DecimalMark::Point),
            (&["", "NA"], DecimalMark::Point),
        ];
        for (cells, mark) in columns {
            let mut raw = RawCells::with_capacity(cells.len());
            for cell in *cells {
                raw.push(cell);
            }
            let (inference, once) = infer_and_convert(&raw, *mark);
            let twice_inference = infer(raw.iter(), *mark);
            assert_eq!(inference, twice_inference, "{cells:?}");
            let twice = convert(raw.iter(), raw.len(), inference.dtype, &inference.format);
            assert_eq!(once.data, twice.data, "{cells:?}");
            assert_eq!(once.missing, twice.missing, "{cells:?}");
            assert_eq!(once.invalid, twice.invalid, "{cells:?}");
        }
    }

    #[test]
    fn inference_cases() {
        use DataType::*;
        let cases: &[(&[&str], DecimalMark, DataType)] = &[
            (&["1", "2", "-3"], DecimalMark::Point, Integer),
            (&["1", "2.5", "NA"], DecimalMark::Point, Decimal),
            (&["007", "008"], DecimalMark::Point, Text),
            (&["TRUE", "FALSE", ""], DecimalMark::Point, Boolean),
            (&["Y", "N", "y"], DecimalMark::Point, Boolean),
            (&["是", "否"], DecimalMark::Point, Boolean),
            (&["1", "0", "1"], DecimalMark::Point, Boolean),
            (&["1", "1", "1"], DecimalMark::Point, Integer),
            (&["0", "1", "2"], DecimalMark::Point, Integer),
            (
                &["2020-02-21", "2020/2/3 14:05"],
                DecimalMark::Point,
                DateTime,
            ),
            (&["1", "abc"], DecimalMark::Point, Text),
            (&["", "NA", "-"], DecimalMark::Point, Text),
            (&["12,5", "7"], DecimalMark::Comma, Decimal),
            (&["12,5", "7"], DecimalMark::Point, Text),
            (&["1,234.50", "¥12", "15%"], DecimalMark::Point, Decimal),
            (
                &["2020年2月21日", "2020年3月1日"],
                DecimalMark::Point,
                DateTime,
            ),
        ];
        for (cells, mark, expected) in cases {
            assert_eq!(
                infer(cells.iter().copied(), *mark).dtype,
                *expected,
                "{cells:?}"
            );
        }
    }

    #[test]
    fn day_month_order_from_the_data() {
        let cases: &[(&[&str], DateOrder, bool)] = &[
            (&["21-07-2015", "05-01-2015"], DateOrder::DayFirst, false),
            (
                &["12/1/2010 8:26", "12/13/2010 9:00"],
                DateOrder::MonthFirst,
                false,
            ),
            (
                &["12/1/2010 8:26", "1/2/2011 9:00"],
                DateOrder::MonthFirst,
                true,
            ),
            (&["01.02.2020", "03.04.2020"], DateOrder::DayFirst, true),
        ];
        for (cells, order, guessed) in cases {
            let inf = infer(cells.iter().copied(), DecimalMark::Point);
            assert_eq!(inf.dtype, DataType::DateTime);
            assert_eq!(inf.format.date_order, Some(*order), "{cells:?}");
            assert_eq!(inf.format.date_order_guessed, *guessed, "{cells:?}");
        }
        let mixed = infer(
            ["2020-02-21", "2020-02-22", "23/02/2020"].into_iter(),
            DecimalMark::Point,
        );
        assert_eq!(mixed.dtype, DataType::DateTime);
        assert_eq!(mixed.mixed_dates_at, Some(2));
    }

    #[test]
    fn a_word_in_a_number_column_is_counted_not_dropped() {
        let cells = ["1", "2", "three", "NA", "4"];
        let c = convert(
            cells.into_iter(),
            5,
            DataType::Integer,
            &ValueFormat::default(),
        );
        assert_eq!(c.invalid, [2]);
        assert_eq!(c.missing, [false, false, true, true, false]);
        assert_eq!(c.data, ColumnData::Integer(vec![1, 2, 0, 0, 4]));
    }
}
