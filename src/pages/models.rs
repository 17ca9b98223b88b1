//! The Models page (being built: shows the placeholder until then).

use leptos::prelude::*;

use super::coming_soon::ComingSoon;
use super::Page;

/// The Models page.
#[component]
pub fn ModelsPage() -> impl IntoView {
    view! { <ComingSoon page=Page::Models /> }
}
