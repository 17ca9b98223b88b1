//! The Customers page (being built: shows the placeholder until then).

use leptos::prelude::*;

use super::coming_soon::ComingSoon;
use super::Page;

/// The Customers page.
#[component]
pub fn CustomersPage() -> impl IntoView {
    view! { <ComingSoon page=Page::Customers /> }
}
