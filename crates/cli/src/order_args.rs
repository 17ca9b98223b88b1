//! The order-line columns the customer-value commands share (`clv`, `cohort`): customer,
//! date, amount or quantity × price, order id. Commands take them with
//! `#[command(flatten)]`.

use crate::output::CliError;
use shoplens_core::segment::{AmountColumns, OrderColumns};

/// Which columns describe the order lines.
#[derive(clap::Args, Debug, Clone)]
pub struct OrderArgs {
    /// Customer id column; lines without an id are counted and left out.
    #[arg(long)]
    pub customer_col: String,
    /// Order date column.
    #[arg(long)]
    pub date_col: String,
    /// Line amount column (or give --quantity-col and --price-col).
    #[arg(long, conflicts_with_all = ["quantity_col", "price_col"], required_unless_present = "quantity_col")]
    pub amount_col: Option<String>,
    /// Quantity column (amount = quantity × price; negative quantities are cancellations).
    #[arg(long, requires = "price_col")]
    pub quantity_col: Option<String>,
    /// Unit price column.
    #[arg(long, requires = "quantity_col")]
    pub price_col: Option<String>,
    /// Order id column (C and digits marks a cancellation when those lines have negative
    /// quantities, as in Online Retail).
    #[arg(long)]
    pub invoice_col: Option<String>,
}

impl OrderArgs {
    /// The core's order columns.
    pub fn columns(&self) -> Result<OrderColumns, CliError> {
        let amount = match (&self.amount_col, &self.quantity_col, &self.price_col) {
            (Some(a), _, _) => AmountColumns::Amount(a.clone()),
            (None, Some(quantity), Some(price)) => AmountColumns::QuantityPrice {
                quantity: quantity.clone(),
                price: price.clone(),
            },
            _ => return Err("give --amount-col, or --quantity-col with --price-col".into()),
        };
        Ok(OrderColumns {
            customer: self.customer_col.clone(),
            date: self.date_col.clone(),
            amount,
            invoice: self.invoice_col.clone(),
        })
    }
}
