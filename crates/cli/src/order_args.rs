//! The order-line columns the customer-value commands share (`clv`, `cohort`): customer,
//! date, amount or quantity × price, order id. Commands take them with
//! `#[command(flatten)]`. Given none, the job takes them from the file's understanding.

use crate::output::CliError;
use shoplens_core::segment::{AmountColumns, OrderColumns};

/// Which columns describe the order lines.
#[derive(clap::Args, Debug, Clone)]
pub struct OrderArgs {
    /// Customer id column; lines without an id are counted and left out (default, with
    /// the other columns: the file's customer column).
    #[arg(long)]
    pub customer_col: Option<String>,
    /// Order date column (default: the file's time axis).
    #[arg(long)]
    pub date_col: Option<String>,
    /// Line amount column (or give --quantity-col and --price-col; default: the file's
    /// quantity and price columns, else its amount column).
    #[arg(long, conflicts_with_all = ["quantity_col", "price_col"])]
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
    /// The core's order columns; `None` when none is given (the job then takes the
    /// file's). Some but not all of them is an error naming what is missing.
    pub fn columns(&self) -> Result<Option<OrderColumns>, CliError> {
        let amount = match (&self.amount_col, &self.quantity_col, &self.price_col) {
            (Some(a), _, _) => Some(AmountColumns::Amount(a.clone())),
            (None, Some(quantity), Some(price)) => Some(AmountColumns::QuantityPrice {
                quantity: quantity.clone(),
                price: price.clone(),
            }),
            _ => None,
        };
        match (&self.customer_col, &self.date_col, amount) {
            (None, None, None) if self.invoice_col.is_none() => Ok(None),
            (Some(customer), Some(date), Some(amount)) => Ok(Some(OrderColumns {
                customer: customer.clone(),
                date: date.clone(),
                amount,
                invoice: self.invoice_col.clone(),
            })),
            _ => Err(
                "give --customer-col, --date-col and --amount-col (or --quantity-col with \
                 --price-col), or none of them to take the file's columns"
                    .into(),
            ),
        }
    }
}
