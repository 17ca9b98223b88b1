//! The order-line columns a customer job reads, filled from the file's understanding when
//! the spec leaves them out: the suggested customer and date columns, quantity × price
//! when both are suggested (else the suggested value column), and the order id when the
//! suggested basket is one column.

use crate::schema::understand;
use crate::segment::{AmountColumns, OrderColumns};
use crate::table::Table;
use crate::{Allowed, ColumnFor, Error, Result};

/// `given`, or the columns the understanding of `table` suggests.
pub fn fill(given: Option<&OrderColumns>, table: &Table) -> Result<OrderColumns> {
    if let Some(columns) = given {
        return Ok(columns.clone());
    }
    let suggested = understand(table).suggested;
    let name = |i: usize| table.columns()[i].name().to_string();
    let missing = |what| Error::invalid_parameter("columns", "", Allowed::Column(what));
    let customer = suggested
        .customer_column
        .map(name)
        .ok_or_else(|| missing(ColumnFor::CustomerId))?;
    let date = suggested
        .date_column
        .map(name)
        .ok_or_else(|| missing(ColumnFor::OrderDate))?;
    let amount = match (suggested.quantity_column, suggested.price_column) {
        (Some(q), Some(p)) => AmountColumns::QuantityPrice {
            quantity: name(q),
            price: name(p),
        },
        _ => AmountColumns::Amount(
            suggested
                .value_column
                .map(name)
                .ok_or_else(|| missing(ColumnFor::Amount))?,
        ),
    };
    let invoice = match suggested.basket_columns.as_slice() {
        [one] if *one != suggested.customer_column.unwrap_or(usize::MAX) => Some(name(*one)),
        _ => None,
    };
    Ok(OrderColumns {
        customer,
        date,
        amount,
        invoice,
    })
}
