//! The Operations page (being built: shows the placeholder until then).

use leptos::prelude::*;

use super::coming_soon::ComingSoon;
use super::Page;

/// The Operations page.
#[component]
pub fn OperationsPage() -> impl IntoView {
    view! { <ComingSoon page=Page::Operations /> }
}
