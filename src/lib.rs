//! # shoplens web app
//!
//! A Leptos app rendered in the browser (client-side only), built by Trunk into static files.
//! Every computation runs in the browser: files are read and parsed by `shoplens-core` in a
//! Web Worker ([`worker`]), and the page only draws what the worker sends back.
//!
//! - [`pages`]: the [`pages::Page`] enum and one component per task page.
//! - [`components`]: header, drop zone, job panel, tables.
//! - [`charts`]: drawing components (data in, pixels out).
//! - [`state`]: the shared signals ([`state::AppState`]) and stored preferences.
//! - [`i18n`]: every user-visible string in Simplified Chinese and English.
//! - [`worker`]: the page/worker protocol and both of its ends.
//!
//! `main.rs` mounts [`App`]; `bin/worker.rs` starts [`worker::thread::runner`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod charts;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod worker;

use leptos::prelude::*;

use crate::components::Header;
use crate::i18n::{t, Text};
use crate::pages::{Page, PageView};
use crate::state::{initial_lang, provide_app_state, save_lang};

/// The whole app: header, the current page, footer.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state(initial_lang(), Page::from_hash(&current_hash()));
    let lang = state.lang;
    // Bring back the session kept on this machine, if any (a reload loses nothing).
    crate::pages::restore_last_session(state.data);
    // The built-in samples' buttons, on any page, load through the Data page's loader.
    provide_context(crate::components::samples::SampleLoader(
        crate::pages::data::load_new,
    ));

    // Follow the URL fragment, so Back and Forward move between pages.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        state.page.set(Page::from_hash(&current_hash()));
    });
    // Sync with the outside world: remember the language, tell the browser (fonts, screen
    // readers) which language the page is in, and name the tab.
    Effect::new(move || {
        let lang = lang.get();
        save_lang(lang);
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.pick("zh-CN", "en"));
        }
        let page = state.page.get();
        document.set_title(&format!("{} · shoplens", page.label(lang)));
    });

    // The skip link moves focus to <main> itself: an `href="#main"` would change the
    // fragment, which routes pages here.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="" data-testid="skip-link" on:click=skip>
            {move || t(lang.get(), Text::SkipToContent)}
        </a>
        <Header />
        <main class="content" id="main" tabindex="-1" node_ref=main_ref>
            <PageView />
        </main>
        <footer class="footer">{move || t(lang.get(), Text::Footer)}</footer>
    }
}

/// The URL fragment of the current page, `""` when there is none.
fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
