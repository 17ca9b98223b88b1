//! Decisions on small files shaped like real exports (the corpus test in
//! `corpus_tests.rs` covers many more).

use super::*;
use crate::table::{read_bytes, ReadOptions};

fn of(csv: &str) -> Understanding {
    understand(&read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap())
}

fn roles(u: &Understanding) -> Vec<ColumnRole> {
    u.columns.iter().map(|c| c.role).collect()
}

#[test]
fn order_lines_with_online_retail_headers() {
    let u = of(
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n\
        536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n\
        536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n\
        536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,17850,United Kingdom\n",
    );
    assert_eq!(u.shape, Shape::OrderLines);
    use ColumnRole::*;
    assert_eq!(
        roles(&u),
        [Order, Item, Item, Quantity, Date, Price, Customer, Category]
    );
    assert_eq!(u.suggested.basket_columns, [0]);
    assert_eq!(u.suggested.item_column, Some(1));
    assert_eq!(u.suggested.value_column, Some(3));
    assert!(u.suggested.targets.is_empty());
}

#[test]
fn row_numbers_and_ids_are_identifiers_never_features() {
    let mut csv = String::from("rownames,customerID,tenure,PhoneService,Churn\n");
    for i in 1..=30 {
        csv.push_str(&format!(
            "{i},{:04}-ABCDE,{},{},{}\n",
            i * 37 % 1000,
            i % 13,
            if i % 3 == 0 { "No" } else { "Yes" },
            if i % 4 == 0 { "Yes" } else { "No" }
        ));
    }
    let u = of(&csv);
    assert_eq!(u.shape, Shape::Table);
    use ColumnRole::*;
    assert_eq!(roles(&u), [Identifier, Customer, Feature, Category, Target]);
    assert_eq!(
        ColumnRole::Customer.table_role(),
        crate::table::Role::Identifier
    );
    assert_eq!(u.columns[3].pii, None, "PhoneService Yes/No is not a phone");
    assert_eq!(u.columns[0].pii, None, "rownames is not a name");
    assert_eq!(u.suggested.features, [2, 3]);
    assert_eq!(
        u.suggested.targets[0],
        TargetCandidate {
            column: 4,
            task: Task::Classification
        }
    );
}

#[test]
fn weekly_series_values_are_sales_not_the_store() {
    let mut csv = String::from("Store,Date,Weekly_Sales\n");
    for store in 1..=3 {
        for week in 0..8 {
            let day = 5 + 7 * week;
            let (m, d) = if day > 31 { (3, day - 31) } else { (2, day) };
            csv.push_str(&format!(
                "{store},2010-{m:02}-{d:02},{}.5\n",
                1000 + week * store
            ));
        }
    }
    let u = of(&csv);
    assert_eq!(u.shape, Shape::TimeSeries);
    assert_eq!(u.frequency, Some(Frequency::Weekly));
    assert_eq!(u.columns[0].role, ColumnRole::Category);
    assert_eq!(u.suggested.value_column, Some(2));
    assert_eq!(u.suggested.date_column, Some(1));
}

#[test]
fn zero_one_matrix_with_a_customer_column_and_empty_rows() {
    let u = of("Customer Number,milk,bread,eggs\nC1,1,0,1\nC2,0,0,0\nC3,1,1,0\n");
    assert_eq!(u.shape, Shape::BasketMatrix);
    assert_eq!(u.suggested.matrix_id_column, Some(0));
    assert_eq!(u.suggested.matrix_item_columns, [1, 2, 3]);
    assert!(u.shape_evidence.contains(&Evidence::EmptyRows { count: 1 }));
}

#[test]
fn non_tables_are_recognised_before_reading() {
    let fimi = understand_bytes(b"1 3 5\n2 3\n1 2 3 4\n", &ReadOptions::default()).unwrap();
    assert!(fimi.table.is_none());
    assert_eq!(fimi.understanding.shape, Shape::BasketLines);
    let tsp = "NAME: kroA100\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 1 1\n2 3 4\n3 5 1\nEOF\n";
    let u = understand_bytes(tsp.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(u.understanding.shape, Shape::RouteInstance);
    let lines = "\"milk, whole\",bread\nbread,eggs,milk\neggs\nbread,\"milk, whole\",tea,jam\n";
    let u = understand_bytes(lines.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(u.understanding.shape, Shape::BasketLines);
    // A table of numbers is still a table.
    let table = understand_bytes(b"1 2 3\n4 5 6\n7 8 9\n", &ReadOptions::default()).unwrap();
    assert!(table.table.is_some());
}

#[test]
fn understanding_serialises_with_codes() {
    let u = of("InvoiceNo,Description\n1,tea\n1,cup\n");
    let json = serde_json::to_value(&u).unwrap();
    assert_eq!(json["shape"], "order_lines");
    assert_eq!(json["columns"][0]["role"], "order");
    assert_eq!(json["columns"][0]["evidence"][0]["code"], "header");
}
