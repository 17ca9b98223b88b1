//! ABC/XYZ classes and recommendations checked against the independent pandas
//! implementations on the Online Retail sample: `tools/abc_xyz_fixture.py` and
//! `tools/recommend_fixture.py` (pandas 2.3.3, numpy 2.4.6). Classes, counts and rankings
//! must match exactly; money and CVs to 1e-9 relative, hit rates and recalls to 1e-9.

use super::abc_xyz::{abc_xyz, AbcXyzParams, Measure};
use super::lines::{SaleColumns, SaleLines, ValueColumns};
use super::period::Period;
use super::recommend::{recommend, BasketUnit, RecommendParams};
use crate::progress::Silent;
use crate::table::{read_bytes, ReadOptions, Table};
use serde_json::Value;

const DATA: &[u8] =
    include_bytes!("../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv");
const ABC_XYZ: &str = include_str!("../../../../testdata/fixtures/products_abc_xyz_sample20k.json");
const RECOMMEND: &str =
    include_str!("../../../../testdata/fixtures/products_recommend_sample20k.json");

fn table() -> Table {
    read_bytes(DATA, &ReadOptions::default()).unwrap()
}

fn close(actual: f64, expected: f64, what: &str) {
    let scale = expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= 1e-9 * scale,
        "{what}: {actual} != {expected}"
    );
}

#[test]
fn abc_xyz_classes_equal_pandas() {
    let fixture: Value = serde_json::from_str(ABC_XYZ).unwrap();
    let table = table();
    let sales = SaleLines::from_table(
        &table,
        &SaleColumns {
            product: "StockCode",
            date: "InvoiceDate",
            quantity: "Quantity",
            value: Some(ValueColumns::Price("UnitPrice")),
            unit_cost: None,
            customer: None,
            order: Some("InvoiceNo"),
        },
    )
    .unwrap();
    assert_eq!(sales.lines.len() as u64, fixture["lines"].as_u64().unwrap());
    for run in fixture["runs"].as_array().unwrap() {
        let params = AbcXyzParams {
            by: Measure::parse(run["by"].as_str().unwrap()).unwrap(),
            period: Period::parse(run["period"].as_str().unwrap()).unwrap(),
            ..Default::default()
        };
        let label = format!("{:?} {:?}", params.by, params.period);
        let result = abc_xyz(&sales, &params).unwrap();
        close(
            result.revenue,
            fixture["revenue"].as_f64().unwrap(),
            "revenue",
        );
        assert_eq!(
            result.periods as u64,
            run["periods"].as_u64().unwrap(),
            "{label}"
        );
        assert_eq!(
            result.first_period,
            run["first_period"].as_str().unwrap(),
            "{label}"
        );
        let expected = run["products"].as_array().unwrap();
        assert_eq!(result.products.len(), expected.len(), "{label}");
        for (got, want) in result.products.iter().zip(expected) {
            let class = format!("{}{}", got.abc.as_str(), got.xyz.as_str());
            assert_eq!(got.product, want[0].as_str().unwrap(), "{label}: order");
            assert_eq!(class, want[1].as_str().unwrap(), "{label}: {}", got.product);
            if let (Some(measure), Some(cv)) = (want.get(2), want.get(3)) {
                close(got.measure, measure.as_f64().unwrap(), &got.product);
                close(got.cv, cv.as_f64().unwrap(), &got.product);
            }
        }
        for (cell, want) in result.matrix.iter().zip(run["matrix"].as_array().unwrap()) {
            let class = format!("{}{}", cell.abc.as_str(), cell.xyz.as_str());
            assert_eq!(class, want["class"].as_str().unwrap());
            assert_eq!(
                cell.products as u64,
                want["products"].as_u64().unwrap(),
                "{label} {class}"
            );
            close(cell.revenue, want["revenue"].as_f64().unwrap(), &class);
        }
    }
}

/// Left open, `min_together` is chosen on the second-to-last orders; every candidate's
/// validation scores equal pandas', and the held-out evaluation then equals pandas' at the
/// chosen value.
#[test]
fn min_together_is_chosen_on_validation_orders_as_pandas_scores_them() {
    let fixture: Value = serde_json::from_str(RECOMMEND).unwrap();
    let sales = sample_sales();
    let result = recommend(&sales, &RecommendParams::default(), &mut Silent).unwrap();
    let selection = result.selection.as_ref().expect("chosen, not given");
    let want = &fixture["validation"];
    assert_eq!(
        selection.customers as u64,
        want["customers"].as_u64().unwrap()
    );
    for c in &selection.candidates {
        let key = c.min_together.to_string();
        close(
            c.validation.hit_rate,
            want["hit_rate"][&key].as_f64().unwrap(),
            &key,
        );
        close(
            c.validation.recall,
            want["recall"][&key].as_f64().unwrap(),
            &key,
        );
    }
    let best = selection
        .candidates
        .iter()
        .map(|c| c.validation.hit_rate)
        .fold(0.0, f64::max);
    let chosen = selection
        .candidates
        .iter()
        .find(|c| c.min_together == selection.chosen)
        .unwrap();
    assert!(chosen.validation.hit_rate >= best - selection.standard_error);
    assert_eq!(result.params.min_together, Some(selection.chosen));
    if selection.chosen == fixture["min_together"].as_u64().unwrap() as u32 {
        let want = &fixture["evaluation"]["order"]["recommender"];
        close(
            result.evaluation.recommender.hit_rate,
            want["hit_rate"].as_f64().unwrap(),
            "held-out hit rate",
        );
    }
}

/// The sample's sale lines with the fixture's columns.
fn sample_sales() -> SaleLines {
    SaleLines::from_table(
        &table(),
        &SaleColumns {
            product: "StockCode",
            date: "InvoiceDate",
            quantity: "Quantity",
            value: None,
            unit_cost: None,
            customer: Some("CustomerID"),
            order: Some("InvoiceNo"),
        },
    )
    .unwrap()
}

#[test]
fn recommendations_and_hit_rates_equal_pandas() {
    let fixture: Value = serde_json::from_str(RECOMMEND).unwrap();
    let sales = sample_sales();
    assert_eq!(sales.lines.len() as u64, fixture["lines"].as_u64().unwrap());
    let min_together = fixture["min_together"].as_u64().unwrap() as u32;
    for unit in [BasketUnit::Order, BasketUnit::Customer] {
        let params = RecommendParams {
            basket: unit,
            min_together: Some(min_together),
            ..Default::default()
        };
        let result = recommend(&sales, &params, &mut Silent).unwrap();
        let want = &fixture["evaluation"][unit.as_str()];
        let e = &result.evaluation;
        assert_eq!(e.customers as u64, want["customers"].as_u64().unwrap());
        assert_eq!(
            e.single_order as u64,
            want["single_order"].as_u64().unwrap()
        );
        assert_eq!(e.nothing_new as u64, want["nothing_new"].as_u64().unwrap());
        for (got, name) in [(e.recommender, "recommender"), (e.popularity, "popularity")] {
            close(got.hit_rate, want[name]["hit_rate"].as_f64().unwrap(), name);
            close(got.recall, want[name]["recall"].as_f64().unwrap(), name);
        }
        if unit != BasketUnit::Order {
            continue;
        }
        assert_eq!(
            result.customers as u64,
            fixture["customers"].as_u64().unwrap()
        );
        assert_eq!(
            result.products as u64,
            fixture["products"].as_u64().unwrap()
        );
        assert_eq!(
            result.popular_only as u64,
            fixture["popular_only"].as_u64().unwrap()
        );
        let lists = fixture["lists"].as_object().unwrap();
        let mut checked = 0;
        for (customer, expected) in lists {
            let got: Vec<_> = result
                .recommendations
                .iter()
                .filter(|r| &r.customer == customer)
                .collect();
            let expected = expected.as_array().unwrap();
            assert_eq!(got.len(), expected.len(), "customer {customer}");
            for (g, w) in got.iter().zip(expected) {
                assert_eq!(g.product, w[0].as_str().unwrap(), "customer {customer}");
                close(g.score, w[1].as_f64().unwrap(), customer);
                assert_eq!(g.because.as_deref(), w[2].as_str(), "customer {customer}");
                match (g.confidence, w[3].as_f64()) {
                    (Some(a), Some(b)) => close(a, b, customer),
                    (a, b) => assert_eq!(a.is_some(), b.is_some(), "customer {customer}"),
                }
                checked += 1;
            }
        }
        assert!(checked >= 4000, "{checked}");
    }
}
