//! The placeholder for a page that is not built yet: says so plainly.

use leptos::prelude::*;

use super::Page;
use crate::i18n::{t, Text};
use crate::state::use_app_state;

/// A page that is not built yet.
#[component]
pub fn ComingSoon(
    /// Which page this stands for.
    page: Page,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <section class="card coming-soon" data-page=page.slug()>
            <h1>{move || page.label(lang.get())}</h1>
            <p class="badge">{move || t(lang.get(), Text::ComingSoonTitle)}</p>
            <p>{move || t(lang.get(), Text::ComingSoonBody)}</p>
        </section>
    }
}
