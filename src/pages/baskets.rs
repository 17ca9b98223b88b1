//! The Baskets page (being built: shows the placeholder until then).

use leptos::prelude::*;

use super::coming_soon::ComingSoon;
use super::Page;

/// The Baskets page.
#[component]
pub fn BasketsPage() -> impl IntoView {
    view! { <ComingSoon page=Page::Baskets /> }
}
