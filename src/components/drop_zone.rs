//! A drop zone that also holds the file picker: the two ways a file gets in.

use leptos::prelude::*;
use web_sys::{File, HtmlInputElement};

use crate::i18n::{t, Text};
use crate::state::use_app_state;

/// Accepts one file by drag and drop or through the picker and hands it to `on_file`.
#[component]
pub fn DropZone(
    /// Called with the chosen file.
    #[prop(into)]
    on_file: Callback<File>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let (hover, set_hover) = signal(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        set_hover.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            on_file.run(file);
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_file.run(file);
        }
        // Clear the picker so choosing the same file again still fires `change`.
        input.set_value("");
    };
    view! {
        <div
            class="drop-zone"
            class:hover=hover
            data-testid="drop-zone"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                set_hover.set(true);
            }
            on:dragleave=move |_| set_hover.set(false)
            on:drop=on_drop
        >
            <span class="drop-icon" aria-hidden="true"></span>
            <p class="drop-title">{move || t(lang.get(), Text::DropHere)}</p>
            <label class="button primary">
                {move || t(lang.get(), Text::ChooseFile)}
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".csv,.tsv,.txt,text/csv,text/plain"
                    data-testid="file-input"
                    on:change=on_change
                />
            </label>
            <p class="hint">{move || t(lang.get(), Text::StaysLocal)}</p>
        </div>
    }
}
