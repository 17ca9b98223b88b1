//! Which columns of the loaded table hold the customer, order id, date and money: guessed
//! from the header names with core's one vocabulary (English and Chinese exports alike),
//! then shown in pickers the user can change.

use leptos::prelude::*;
use shoplens_core::segment::{AmountColumns, OrderColumns};
use shoplens_core::vocabulary::{best_named, Concept};

use crate::i18n::customers::{t, CustomerText as T};
use crate::state::use_app_state;

/// The columns guessed for each role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guess {
    /// Customer id.
    pub customer: Option<String>,
    /// Order id.
    pub invoice: Option<String>,
    /// Order date.
    pub date: Option<String>,
    /// Line amount.
    pub amount: Option<String>,
    /// Quantity.
    pub quantity: Option<String>,
    /// Unit price.
    pub price: Option<String>,
}

/// Guesses each role's column from the header names, with the one vocabulary of
/// `shoplens_core::vocabulary` (each header names at most one concept, so a column
/// is never claimed twice; an exact header beats a loose one, then the leftmost).
pub fn guess(names: &[String]) -> Guess {
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let best = |concept: Concept| best_named(&refs, concept, &[]).map(|i| names[i].clone());
    Guess {
        customer: best(Concept::Customer),
        invoice: best(Concept::Order),
        date: best(Concept::Date),
        amount: best(Concept::Amount),
        quantity: best(Concept::Quantity),
        price: best(Concept::Price),
    }
}

/// The order-line columns the user picked (empty text: none).
#[derive(Debug, Clone, Copy)]
pub struct OrderPick {
    /// Customer id column.
    pub customer: RwSignal<String>,
    /// Order id column, "" for none.
    pub invoice: RwSignal<String>,
    /// Date column.
    pub date: RwSignal<String>,
    /// Whether the money is quantity × unit price (else one amount column).
    pub quantity_price: RwSignal<bool>,
    /// Amount column.
    pub amount: RwSignal<String>,
    /// Quantity column.
    pub quantity: RwSignal<String>,
    /// Unit price column.
    pub price: RwSignal<String>,
}

impl OrderPick {
    /// Empty picks.
    pub fn new() -> OrderPick {
        OrderPick {
            customer: RwSignal::new(String::new()),
            invoice: RwSignal::new(String::new()),
            date: RwSignal::new(String::new()),
            quantity_price: RwSignal::new(true),
            amount: RwSignal::new(String::new()),
            quantity: RwSignal::new(String::new()),
            price: RwSignal::new(String::new()),
        }
    }

    /// Sets every pick from a guess.
    pub fn apply(&self, g: Guess) {
        let both = g.quantity.is_some() && g.price.is_some();
        self.quantity_price.set(both || g.amount.is_none());
        self.customer.set(g.customer.unwrap_or_default());
        self.invoice.set(g.invoice.unwrap_or_default());
        self.date.set(g.date.unwrap_or_default());
        self.amount.set(g.amount.unwrap_or_default());
        self.quantity.set(g.quantity.unwrap_or_default());
        self.price.set(g.price.unwrap_or_default());
    }

    /// Sets every pick from `columns` (the settings of a kept result): the inverse of
    /// [`OrderPick::columns`].
    pub fn fill(&self, columns: &OrderColumns) {
        self.customer.set(columns.customer.clone());
        self.date.set(columns.date.clone());
        self.invoice
            .set(columns.invoice.clone().unwrap_or_default());
        match &columns.amount {
            AmountColumns::QuantityPrice { quantity, price } => {
                self.quantity_price.set(true);
                self.quantity.set(quantity.clone());
                self.price.set(price.clone());
            }
            AmountColumns::Amount(amount) => {
                self.quantity_price.set(false);
                self.amount.set(amount.clone());
            }
        }
    }

    /// The columns as the kernels take them, or `None` while a needed one is not picked.
    pub fn columns(&self) -> Option<OrderColumns> {
        let customer = self.customer.get();
        let date = self.date.get();
        if customer.is_empty() || date.is_empty() {
            return None;
        }
        let amount = if self.quantity_price.get() {
            let (quantity, price) = (self.quantity.get(), self.price.get());
            if quantity.is_empty() || price.is_empty() {
                return None;
            }
            AmountColumns::QuantityPrice { quantity, price }
        } else {
            let amount = self.amount.get();
            if amount.is_empty() {
                return None;
            }
            AmountColumns::Amount(amount)
        };
        let invoice = Some(self.invoice.get()).filter(|s| !s.is_empty());
        Some(OrderColumns {
            customer,
            date,
            amount,
            invoice,
        })
    }
}

/// A `<select>` of the table's columns bound to `value`; `optional` adds a "none" choice.
#[component]
fn ColumnSelect(
    label: T,
    value: RwSignal<String>,
    optional: bool,
    #[prop(into)] test_id: String,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let names = move || state.data.column_names();
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label)}</span>
            <select
                data-testid=test_id
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" selected=move || value.get().is_empty()>
                    {move || t(lang.get(), if optional { T::NoColumn } else { T::PickColumn })}
                </option>
                {move || {
                    names()
                        .into_iter()
                        .map(|n| {
                            let selected = n == value.get_untracked();
                            view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The order-line column pickers shared by the RFM, segment and churn views.
#[component]
pub fn OrderColumnsForm(pick: OrderPick) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <fieldset class="fields">
            <legend>{move || t(lang.get(), T::OrderColumns)}</legend>
            <ColumnSelect label=T::CustomerColumn value=pick.customer optional=false test_id="col-customer" />
            <ColumnSelect label=T::InvoiceColumn value=pick.invoice optional=true test_id="col-invoice" />
            <ColumnSelect label=T::DateColumn value=pick.date optional=false test_id="col-date" />
            <label class="field check">
                <input
                    type="checkbox"
                    data-testid="col-quantity-price"
                    prop:checked=move || pick.quantity_price.get()
                    on:change=move |ev| pick.quantity_price.set(event_target_checked(&ev))
                />
                <span>{move || t(lang.get(), T::QuantityTimesPrice)}</span>
            </label>
            <Show
                when=move || pick.quantity_price.get()
                fallback=move || view! {
                    <ColumnSelect label=T::AmountColumn value=pick.amount optional=false test_id="col-amount" />
                }
            >
                <ColumnSelect label=T::QuantityColumn value=pick.quantity optional=false test_id="col-quantity" />
                <ColumnSelect label=T::PriceColumn value=pick.price optional=false test_id="col-price" />
            </Show>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guesses_online_retail_headers() {
        let g = guess(&names(&[
            "InvoiceNo",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "UnitPrice",
            "CustomerID",
            "Country",
        ]));
        assert_eq!(g.customer.as_deref(), Some("CustomerID"));
        assert_eq!(g.invoice.as_deref(), Some("InvoiceNo"));
        assert_eq!(g.date.as_deref(), Some("InvoiceDate"));
        assert_eq!(g.quantity.as_deref(), Some("Quantity"));
        assert_eq!(g.price.as_deref(), Some("UnitPrice"));
        assert_eq!(g.amount, None);
    }

    #[test]
    fn guesses_chinese_headers() {
        let g = guess(&names(&[
            "订单号",
            "客户编号",
            "下单时间",
            "商品",
            "实付金额",
        ]));
        assert_eq!(g.customer.as_deref(), Some("客户编号"));
        assert_eq!(g.invoice.as_deref(), Some("订单号"));
        assert_eq!(g.date.as_deref(), Some("下单时间"));
        assert_eq!(g.amount.as_deref(), Some("实付金额"));
        assert_eq!(g.quantity, None);
    }

    #[test]
    fn guesses_snake_case_headers_and_finds_nothing_in_unrelated_ones() {
        let g = guess(&names(&[
            "order_id",
            "customer_id",
            "order_date",
            "total_price",
        ]));
        assert_eq!(g.customer.as_deref(), Some("customer_id"));
        assert_eq!(g.invoice.as_deref(), Some("order_id"));
        assert_eq!(g.date.as_deref(), Some("order_date"));
        assert_eq!(g.amount.as_deref(), Some("total_price"));
        let none = guess(&names(&["Fresh", "Milk", "Grocery"]));
        assert_eq!(none, Guess::default());
    }

    #[test]
    fn the_guess_does_not_depend_on_column_order() {
        let a = guess(&names(&[
            "Order Priority",
            "sales_date",
            "Date",
            "order_no",
            "Sales",
        ]));
        let b = guess(&names(&[
            "Sales",
            "order_no",
            "Date",
            "sales_date",
            "Order Priority",
        ]));
        assert_eq!(a, b);
        assert_eq!(a.invoice.as_deref(), Some("order_no"));
        assert_eq!(a.date.as_deref(), Some("Date"));
        assert_eq!(a.amount.as_deref(), Some("Sales"));
    }
}
