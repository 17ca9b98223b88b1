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
    // Description names the products; StockCode only codes them.
    assert_eq!(u.suggested.item_column, Some(2));
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

#[test]
fn excel_serial_dates_with_the_1900_leap_year_bug() {
    assert_eq!(excel_serial_date(1.0), Some((1900, 1, 1)));
    assert_eq!(excel_serial_date(59.0), Some((1900, 2, 28)));
    assert_eq!(excel_serial_date(60.0), None, "29 Feb 1900 never was");
    assert_eq!(excel_serial_date(61.0), Some((1900, 3, 1)));
    assert_eq!(excel_serial_date(44927.0), Some((2023, 1, 1)));
    assert_eq!(excel_serial_date(45351.0), Some((2024, 2, 29)));
    assert_eq!(excel_serial_date(0.5), None);
}

#[test]
fn excel_serial_numbers_under_a_date_header_are_dates_elsewhere_numbers() {
    let mut csv = String::from("OrderDate,Amount,Visits\n");
    for i in 0..12 {
        let visits = 44927 + (i * 5) % 12 * 7;
        csv.push_str(&format!("{},{}.5,{visits}\n", 44927 + i * 7, 10 + i));
    }
    let u = of(&csv);
    assert_eq!(u.columns[0].role, ColumnRole::Date);
    assert!(u.columns[0].dates.is_some_and(|d| d.excel_serial));
    assert!(u.columns[0].evidence.contains(&Evidence::ExcelSerialDates));
    // The same numbers under a header that names no date stay numbers.
    assert_eq!(u.columns[2].role, ColumnRole::Feature);
    assert_eq!(u.shape, Shape::TimeSeries);
    assert_eq!(u.frequency, Some(Frequency::Weekly));
    assert_eq!(u.suggested.date_column, Some(0));
    // Out of the plausible range (before 1954 or after 2064): not dates.
    let u = of("OrderDate,Amount\n5,1\n6,2\n7,3\n");
    assert_ne!(u.columns[0].role, ColumnRole::Date);
}

#[test]
fn item_default_prefers_a_name_over_a_code_in_either_order() {
    let rows = [
        (1, "85123A", "WHITE HEART"),
        (1, "71053", "LANTERN"),
        (2, "85123A", "WHITE HEART"),
        (2, "22633", "HAND WARMER"),
    ];
    let mut code_first = String::from("InvoiceNo,StockCode,Description,Quantity\n");
    let mut name_first = String::from("InvoiceNo,Description,StockCode,Quantity\n");
    for (order, code, name) in rows {
        code_first.push_str(&format!("{order},{code},{name},1\n"));
        name_first.push_str(&format!("{order},{name},{code},1\n"));
    }
    let u = of(&code_first);
    assert_eq!(u.shape, Shape::OrderLines);
    assert_eq!(u.suggested.item_column, Some(2));
    assert_eq!(of(&name_first).suggested.item_column, Some(1));
    let u = of("订单号,商品编号,商品名称\n1,A1,面霜\n1,A2,口红\n2,A1,面霜\n");
    assert_eq!(u.suggested.item_column, Some(2));
}

#[test]
fn an_override_changes_the_role_and_the_defaults_it_implies() {
    let csv = "date,Store,Weekly_Sales\n2020-01-06,1,10\n2020-01-13,1,12\n2020-01-20,1,11\n2020-01-27,1,13\n";
    let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let mut u = understand(&table);
    assert_eq!(u.suggested.value_column, Some(2));
    let changed = u.apply_override(
        &table,
        &Override::Role {
            column: 2,
            role: ColumnRole::Identifier,
        },
    );
    assert_eq!(changed, Some((2, crate::table::Role::Identifier)));
    assert_eq!(u.columns[2].evidence[0], Evidence::Chosen);
    assert_ne!(
        u.suggested.value_column,
        Some(2),
        "an identifier is never the value"
    );
    assert!(!u.suggested.features.contains(&2));
    u.apply_override(
        &table,
        &Override::Shape {
            shape: Shape::Table,
        },
    );
    assert_eq!(u.shape, Shape::Table);
    assert_eq!(u.shape_evidence, [Evidence::Chosen]);
    assert_eq!(u.frequency, None);
}

#[test]
fn a_coarse_role_chosen_elsewhere_becomes_the_understood_role() {
    let csv = "date,Store,Weekly_Sales\n2020-01-06,1,10\n2020-01-13,1,12\n2020-01-20,1,11\n2020-01-27,1,13\n";
    let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let mut u = understand(&table);
    assert_eq!(u.suggested.value_column, Some(2));
    assert!(u.follow_table_role(&table, 2, crate::table::Role::Identifier));
    assert_eq!(u.columns[2].role, ColumnRole::Identifier);
    assert_eq!(u.columns[2].evidence[0], Evidence::Chosen);
    assert_ne!(u.suggested.value_column, Some(2));
    // A coarse role the understood one already implies changes nothing.
    let before = u.clone();
    assert!(!u.follow_table_role(&table, 2, crate::table::Role::Identifier));
    assert!(!u.follow_table_role(&table, 9, crate::table::Role::Date));
    assert_eq!(u, before);
    for role in crate::table::Role::ALL {
        assert_eq!(ColumnRole::closest_to(role).table_role(), role);
    }
}

#[test]
fn choices_survive_a_protection_that_drops_a_column() {
    use crate::privacy::{protect, Protection};
    let csv = "Email,Order,Product,Qty,When\n\
        a@x.cn,1,tea,2,2020-01-06\nb@y.cn,1,cup,1,2020-01-06\n\
        c@z.cn,2,tea,1,2020-01-07\nd@w.cn,3,jam,4,2020-01-08\n";
    let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let mut u = understand(&table);
    u.apply_override(
        &table,
        &Override::Role {
            column: 3,
            role: ColumnRole::Category,
        },
    );
    u.apply_override(
        &table,
        &Override::Shape {
            shape: Shape::Table,
        },
    );
    let protected = protect(&table, &[(0, Protection::Drop)], b"salt");
    let mut again = understand(&protected);
    assert_eq!(again.columns[2].name, "Qty");
    assert_ne!(again.columns[2].role, ColumnRole::Category);
    again.carry_choices(&u, &protected);
    assert_eq!(again.columns[2].role, ColumnRole::Category);
    assert_eq!(again.columns[2].evidence[0], Evidence::Chosen);
    assert_eq!(again.shape, Shape::Table);
    assert_eq!(again.shape_evidence, [Evidence::Chosen]);
    // Columns the user did not touch keep what the new understanding decided.
    assert!(!again.columns[0].evidence.contains(&Evidence::Chosen));
}
