//! The header: product name, navigation between pages, language switch.

use leptos::prelude::*;
use shoplens_core::Lang;

use crate::components::report::ReportButton;
use crate::i18n::{t, Text};
use crate::pages::Page;
use crate::state::use_app_state;

/// The app's header.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let page = state.page;
    let nav_items = Page::ALL
        .into_iter()
        .map(|item| {
            view! {
                <a
                    href=format!("#{}", item.slug())
                    class="nav-link"
                    class:active=move || page.get() == item
                    aria-current=move || (page.get() == item).then_some("page")
                    data-page=item.slug()
                    on:click=move |_| page.set(item)
                >
                    {move || item.label(lang.get())}
                </a>
            }
        })
        .collect_view();
    let lang_button = move |choice: Lang, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                class:active=move || lang.get() == choice
                aria-pressed=move || if lang.get() == choice { "true" } else { "false" }
                lang=choice.pick("zh-CN", "en")
                data-lang=choice.code()
                on:click=move |_| lang.set(choice)
            >
                {name}
            </button>
        }
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <div>
                    <span class="product">"shoplens"</span>
                    <span class="tagline">{move || t(lang.get(), Text::Tagline)}</span>
                </div>
            </div>
            <nav class="nav" aria-label=move || t(lang.get(), Text::Navigation)>
                {nav_items}
            </nav>
            <ReportButton />
            <div class="lang-switch" role="group" aria-label=move || t(lang.get(), Text::LanguageSwitch)>
                {lang_button(Lang::Zh, "简体中文")}
                {lang_button(Lang::En, "English")}
            </div>
        </header>
    }
}
