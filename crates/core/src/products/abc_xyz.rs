//! ABC/XYZ classes of products: how much each carries (ABC) and how steady its demand is
//! (XYZ), with the 3×3 matrix a merchant plans stock and attention by.
//!
//! - **ABC**: products sorted by their measure (revenue, quantity or margin), largest first,
//!   ties by name. A product is **A** while the share of the total held by the products
//!   before it is below `a_share` (0.80), **B** while it is below `a_share + b_share`
//!   (0.95), **C** after. So the product that crosses 80 % is still A: A is the smallest
//!   set of products that reaches 80 %. A product whose measure is zero or negative (a
//!   margin lost) is C, and the total is the sum of the positive measures.
//! - **XYZ**: units sold per period (week or month) from the first to the last period of
//!   the whole file, a period without a sale counting as zero. The coefficient of
//!   variation is `σ / μ` with the **population** standard deviation (divide by the number
//!   of periods, numpy's default `ddof = 0`): the periods are the whole history, not a
//!   sample of it, and with twelve months the sample form would inflate every CV by 4.5 %
//!   and move products across the thresholds for no reason in the data. **X** when
//!   `cv ≤ x_max_cv` (0.5), **Y** when `cv ≤ y_max_cv` (1.0), **Z** above.
//!
//! Both axes follow the usual practice of inventory texts (e.g. Silver, Pyke & Thomas,
//! *Inventory and Production Management*, ch. 2 on ABC; the XYZ thresholds vary by author,
//! hence adjustable). [`service_level`] maps a class to the cycle service level the
//! inventory tab can plan with. Checked against pandas by `tools/abc_xyz_fixture.py`.
//!
//! ```
//! use shoplens_core::products::abc_xyz::{service_level, Abc, Xyz};
//! assert!(service_level(Abc::A, Xyz::X) > service_level(Abc::C, Xyz::Z));
//! ```

use super::lines::SaleLines;
use super::period::Period;
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// What ABC ranks products by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Quantity × price (or the amount column).
    #[default]
    Revenue,
    /// Units sold.
    Quantity,
    /// Revenue − quantity × unit cost.
    Margin,
}

impl Measure {
    /// The measure's name in specs and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Revenue => "revenue",
            Measure::Quantity => "quantity",
            Measure::Margin => "margin",
        }
    }

    /// Reads `revenue`, `quantity` or `margin`.
    pub fn parse(text: &str) -> Result<Measure> {
        match text.trim() {
            "revenue" => Ok(Measure::Revenue),
            "quantity" => Ok(Measure::Quantity),
            "margin" => Ok(Measure::Margin),
            other => Err(Error::invalid_parameter(
                "by",
                other,
                crate::Allowed::one_of(&["revenue", "quantity", "margin"]),
            )),
        }
    }
}

/// The ABC class: share of the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Abc {
    /// The few products that carry most of the measure.
    A,
    /// The middle.
    B,
    /// The long tail.
    C,
}

/// The XYZ class: steadiness of demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Xyz {
    /// Steady demand.
    X,
    /// Varying demand.
    Y,
    /// Erratic or sporadic demand.
    Z,
}

impl Abc {
    /// All three, in order.
    pub const ALL: [Abc; 3] = [Abc::A, Abc::B, Abc::C];

    /// `"A"`, `"B"` or `"C"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Abc::A => "A",
            Abc::B => "B",
            Abc::C => "C",
        }
    }
}

impl Xyz {
    /// All three, in order.
    pub const ALL: [Xyz; 3] = [Xyz::X, Xyz::Y, Xyz::Z];

    /// `"X"`, `"Y"` or `"Z"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Xyz::X => "X",
            Xyz::Y => "Y",
            Xyz::Z => "Z",
        }
    }
}

/// The suggested cycle service level (probability of no stock-out in a replenishment
/// cycle) for a class: high for the products that carry the business and sell steadily
/// (AX 0.99), lower where a stock-out costs little or where erratic demand makes safety
/// stock expensive (CZ 0.90).
pub fn service_level(abc: Abc, xyz: Xyz) -> f64 {
    match (abc, xyz) {
        (Abc::A, Xyz::X) => 0.99,
        (Abc::A, Xyz::Y) => 0.98,
        (Abc::A, Xyz::Z) => 0.97,
        (Abc::B, Xyz::X) => 0.97,
        (Abc::B, Xyz::Y) => 0.95,
        (Abc::B, Xyz::Z) => 0.93,
        (Abc::C, Xyz::X) => 0.95,
        (Abc::C, Xyz::Y) => 0.92,
        (Abc::C, Xyz::Z) => 0.90,
    }
}

/// Thresholds of the classes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AbcXyzParams {
    /// What ABC ranks by. Default revenue.
    pub by: Measure,
    /// Demand periods for XYZ. Default month.
    pub period: Period,
    /// Share of the measure held by A products. Default 0.80.
    pub a_share: f64,
    /// Share held by B products. Default 0.15 (C: the remaining 0.05).
    pub b_share: f64,
    /// Largest CV of an X product. Default 0.5.
    pub x_max_cv: f64,
    /// Largest CV of a Y product. Default 1.0.
    pub y_max_cv: f64,
}

impl Default for AbcXyzParams {
    fn default() -> Self {
        AbcXyzParams {
            by: Measure::Revenue,
            period: Period::Month,
            a_share: 0.80,
            b_share: 0.15,
            x_max_cv: 0.5,
            y_max_cv: 1.0,
        }
    }
}

impl AbcXyzParams {
    /// Checks the thresholds: `0 < a_share`, `0 ≤ b_share`, `a_share + b_share ≤ 1`,
    /// `0 ≤ x_max_cv ≤ y_max_cv`, all finite.
    pub fn check(&self) -> Result<()> {
        let finite = |name: &str, v: f64| {
            if v.is_finite() {
                Ok(())
            } else {
                Err(Error::invalid_parameter(name, v, Allowed::FiniteNumber))
            }
        };
        finite("a_share", self.a_share)?;
        finite("b_share", self.b_share)?;
        finite("x_max_cv", self.x_max_cv)?;
        finite("y_max_cv", self.y_max_cv)?;
        if self.a_share <= 0.0 || self.a_share > 1.0 {
            return Err(Error::invalid_parameter(
                "a_share",
                self.a_share,
                crate::Allowed::UpToOne,
            ));
        }
        if self.b_share < 0.0 || self.a_share + self.b_share > 1.0 + 1e-12 {
            return Err(Error::invalid_parameter(
                "b_share",
                self.b_share,
                Allowed::Between(0.0, 1.0 - self.a_share),
            ));
        }
        if self.x_max_cv < 0.0 {
            return Err(Error::invalid_parameter(
                "x_max_cv",
                self.x_max_cv,
                Allowed::NonNegative,
            ));
        }
        if self.y_max_cv < self.x_max_cv {
            return Err(Error::invalid_parameter(
                "y_max_cv",
                self.y_max_cv,
                Allowed::AtLeast(self.x_max_cv),
            ));
        }
        Ok(())
    }
}

/// One product's class and the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductClass {
    /// Product id as written.
    pub product: String,
    /// The measure ABC ranked by.
    pub measure: f64,
    /// Revenue (whatever the measure).
    pub revenue: f64,
    /// Units sold.
    pub quantity: f64,
    /// Share of the total measure.
    pub share: f64,
    /// Share of the products ranked before it and itself.
    pub cumulative_share: f64,
    /// ABC class.
    pub abc: Abc,
    /// Mean units per period.
    pub mean_demand: f64,
    /// Coefficient of variation of units per period (population σ / μ).
    pub cv: f64,
    /// XYZ class.
    pub xyz: Xyz,
    /// Suggested cycle service level of the class.
    pub service_level: f64,
}

/// One cell of the 3×3 matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixCell {
    /// ABC class.
    pub abc: Abc,
    /// XYZ class.
    pub xyz: Xyz,
    /// Products in the cell.
    pub products: usize,
    /// Their revenue.
    pub revenue: f64,
    /// Their share of the total revenue.
    pub revenue_share: f64,
    /// Their units.
    pub quantity: f64,
    /// Suggested cycle service level.
    pub service_level: f64,
}

/// Classes of every product and the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbcXyzResult {
    /// Products by descending measure (ties by name).
    pub products: Vec<ProductClass>,
    /// The nine cells, AX, AY, AZ, BX ... CZ.
    pub matrix: Vec<MatrixCell>,
    /// Total revenue of the kept lines.
    pub revenue: f64,
    /// Demand periods from the first sale to the last.
    pub periods: usize,
    /// First day of the first period, `YYYY-MM-DD`.
    pub first_period: String,
    /// First day of the last period.
    pub last_period: String,
    /// The parameters used.
    pub params: AbcXyzParams,
}

impl AbcXyzResult {
    /// The cell of (abc, xyz).
    pub fn cell(&self, abc: Abc, xyz: Xyz) -> &MatrixCell {
        &self.matrix[abc as usize * 3 + xyz as usize]
    }
}

/// Classifies every product of `sales` (checked `params`).
pub fn abc_xyz(sales: &SaleLines, params: &AbcXyzParams) -> Result<AbcXyzResult> {
    params.check()?;
    if sales.lines.is_empty() {
        return Err(Error::not_enough(Counted::SalesLines, 1, 0));
    }
    let n = sales.products.len();
    let (first, last) = sales
        .lines
        .iter()
        .fold((i64::MAX, i64::MIN), |(lo, hi), l| {
            let p = params.period.index(l.seconds);
            (lo.min(p), hi.max(p))
        });
    let periods = (last - first + 1) as usize;
    // Compensated sums: products whose totals differ in the last bits must still sort
    // the same way a careful tool's totals do (pandas sums groups the same way).
    let mut revenue = vec![Compensated::default(); n];
    let mut quantity = vec![Compensated::default(); n];
    let mut margin = vec![Compensated::default(); n];
    let mut demand = vec![Compensated::default(); n * periods];
    for line in &sales.lines {
        let p = line.product as usize;
        revenue[p].add(line.revenue);
        quantity[p].add(line.quantity);
        margin[p].add(line.margin);
        let t = (params.period.index(line.seconds) - first) as usize;
        demand[p * periods + t].add(line.quantity);
    }
    let [revenue, quantity, margin, demand] = [revenue, quantity, margin, demand]
        .map(|sums| sums.iter().map(|s| s.sum).collect::<Vec<f64>>());
    let measure = match params.by {
        Measure::Revenue => &revenue,
        Measure::Quantity => &quantity,
        Measure::Margin => &margin,
    };
    let order = ranked(measure);
    let total = positive_total(measure, &order);
    let classes = classes_in_order(measure, &order, total, params);
    let mut products = Vec::with_capacity(n);
    let mut before = 0.0;
    for &p in &order {
        let m = measure[p];
        let abc = classes[p];
        if m > 0.0 {
            before += m;
        }
        let (mean_demand, cv) = mean_and_cv(&demand[p * periods..(p + 1) * periods]);
        let xyz = xyz_class(cv, params);
        products.push(ProductClass {
            product: sales.products[p].clone(),
            measure: m,
            revenue: revenue[p],
            quantity: quantity[p],
            share: if total > 0.0 { m / total } else { 0.0 },
            cumulative_share: if total > 0.0 { before / total } else { 0.0 },
            abc,
            mean_demand,
            cv,
            xyz,
            service_level: service_level(abc, xyz),
        });
    }
    let total_revenue: f64 = revenue.iter().sum();
    let mut matrix: Vec<MatrixCell> = Abc::ALL
        .iter()
        .flat_map(|&abc| {
            Xyz::ALL.iter().map(move |&xyz| MatrixCell {
                abc,
                xyz,
                products: 0,
                revenue: 0.0,
                revenue_share: 0.0,
                quantity: 0.0,
                service_level: service_level(abc, xyz),
            })
        })
        .collect();
    for product in &products {
        let cell = &mut matrix[product.abc as usize * 3 + product.xyz as usize];
        cell.products += 1;
        cell.revenue += product.revenue;
        cell.quantity += product.quantity;
    }
    for cell in &mut matrix {
        cell.revenue_share = if total_revenue.abs() > 0.0 {
            cell.revenue / total_revenue
        } else {
            0.0
        };
    }
    Ok(AbcXyzResult {
        products,
        matrix,
        revenue: total_revenue,
        periods,
        first_period: params.period.label(first),
        last_period: params.period.label(last),
        params: *params,
    })
}

/// Product indices from the largest measure down; a stable sort, so ties keep index order
/// (names, for products indexed by name).
fn ranked(measure: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..measure.len()).collect();
    order.sort_by(|a, b| measure[*b].total_cmp(&measure[*a]));
    order
}

/// Sum of the positive measures taken in `order`, largest first (the total ABC shares
/// are of).
fn positive_total(measure: &[f64], order: &[usize]) -> f64 {
    order
        .iter()
        .map(|&p| measure[p])
        .filter(|m| *m > 0.0)
        .fold(0.0, |sum, m| sum + m)
}

/// The ABC class of each product (by index) from its measure, as the module explains.
pub fn abc_classes(measure: &[f64], params: &AbcXyzParams) -> Vec<Abc> {
    let order = ranked(measure);
    let total = positive_total(measure, &order);
    classes_in_order(measure, &order, total, params)
}

/// [`abc_classes`] with the ranking and its total already made.
fn classes_in_order(
    measure: &[f64],
    order: &[usize],
    total: f64,
    params: &AbcXyzParams,
) -> Vec<Abc> {
    let b_limit = params.a_share + params.b_share;
    let mut classes = vec![Abc::C; measure.len()];
    let mut before = 0.0;
    for &p in order {
        let m = measure[p];
        let share_before = if total > 0.0 { before / total } else { 1.0 };
        classes[p] = if m <= 0.0 {
            Abc::C
        } else if share_before < params.a_share {
            Abc::A
        } else if share_before < b_limit {
            Abc::B
        } else {
            Abc::C
        };
        if m > 0.0 {
            before += m;
        }
    }
    classes
}

/// The XYZ class of a demand series with coefficient of variation `cv`.
pub fn xyz_class(cv: f64, params: &AbcXyzParams) -> Xyz {
    if cv <= params.x_max_cv {
        Xyz::X
    } else if cv <= params.y_max_cv {
        Xyz::Y
    } else {
        Xyz::Z
    }
}

/// Mean and population coefficient of variation of a demand series (CV 0 for a series of
/// zeros, which a kept product never has).
pub fn mean_and_cv(series: &[f64]) -> (f64, f64) {
    let n = series.len() as f64;
    let mean = series.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return (mean, 0.0);
    }
    let variance = series.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    (mean, variance.sqrt() / mean)
}

/// A running sum with Kahan's compensation for the low-order bits each addition loses.
#[derive(Debug, Clone, Copy, Default)]
struct Compensated {
    sum: f64,
    lost: f64,
}

impl Compensated {
    fn add(&mut self, value: f64) {
        let y = value - self.lost;
        let t = self.sum + y;
        self.lost = (t - self.sum) - y;
        self.sum = t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::lines::{SaleColumns, ValueColumns};
    use crate::table::{read_bytes, ReadOptions};

    fn sales(csv: &[u8]) -> SaleLines {
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let columns = SaleColumns {
            product: "sku",
            date: "date",
            quantity: "qty",
            value: Some(ValueColumns::Price("price")),
            unit_cost: None,
            customer: None,
            order: None,
        };
        SaleLines::from_table(&table, &columns).unwrap()
    }

    /// Four products with revenue 70, 20, 6, 4: the crossing product is A, the ties break
    /// by name, steady monthly demand is X.
    #[test]
    fn worked_example() {
        let s = sales(
            b"sku,date,qty,price\n\
            big,2011-01-05,5,7\n\
            big,2011-02-05,5,7\n\
            mid,2011-01-05,10,1\n\
            mid,2011-02-05,10,1\n\
            tail,2011-02-05,3,2\n\
            odd,2011-02-05,2,2\n",
        );
        let r = abc_xyz(&s, &AbcXyzParams::default()).unwrap();
        let names: Vec<&str> = r.products.iter().map(|p| p.product.as_str()).collect();
        assert_eq!(names, ["big", "mid", "tail", "odd"]);
        let classes: Vec<String> = r
            .products
            .iter()
            .map(|p| format!("{}{}", p.abc.as_str(), p.xyz.as_str()))
            .collect();
        // Shares before: 0, 0.7, 0.9, 0.96 → A, A, B, C.
        // A sale in one month of two is CV exactly 1: Y, the bound is inclusive.
        assert_eq!(classes, ["AX", "AX", "BY", "CY"]);
        assert_eq!(r.periods, 2);
        assert!((r.products[2].cv - 1.0).abs() < 1e-12);
        assert_eq!(r.cell(Abc::A, Xyz::X).products, 2);
        assert!((r.cell(Abc::A, Xyz::X).revenue - 90.0).abs() < 1e-9);
        let counted: usize = r.matrix.iter().map(|c| c.products).sum();
        assert_eq!(counted, 4);
    }

    #[test]
    fn thresholds_are_checked() {
        let bad = [
            AbcXyzParams {
                a_share: 0.0,
                ..Default::default()
            },
            AbcXyzParams {
                b_share: 0.5,
                ..Default::default()
            },
            AbcXyzParams {
                y_max_cv: 0.2,
                ..Default::default()
            },
            AbcXyzParams {
                x_max_cv: f64::NAN,
                ..Default::default()
            },
        ];
        for params in bad {
            assert!(params.check().is_err(), "{params:?}");
        }
        assert!(AbcXyzParams::default().check().is_ok());
    }

    #[test]
    fn service_levels_fall_from_ax_to_cz() {
        assert!((service_level(Abc::A, Xyz::X) - 0.99).abs() < 1e-12);
        assert!((service_level(Abc::C, Xyz::Z) - 0.90).abs() < 1e-12);
        for abc in Abc::ALL {
            for pair in Xyz::ALL.windows(2) {
                assert!(service_level(abc, pair[0]) > service_level(abc, pair[1]));
            }
        }
    }
}
