//! The Products page's form fields: a column choice that may be left to the file's
//! understanding (a select whose first option, "(automatic)", sends an empty name, which
//! core's jobs fill in from what the file is), a number box and a select over a few named
//! choices.

use leptos::prelude::*;

use crate::i18n::products::{t, ProductText as T};
use crate::state::use_app_state;

/// A select of the loaded table's columns, with "(automatic)" first.
#[component]
pub fn ColumnChoice(
    /// Label.
    label: T,
    /// The chosen column; empty for automatic.
    value: RwSignal<String>,
    /// A `data-testid` for tests.
    #[prop(into)]
    test_id: String,
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
                <option value="">{move || t(lang.get(), T::Automatic)}</option>
                {move || {
                    names()
                        .into_iter()
                        .map(|name| {
                            let shown = name.clone();
                            let chosen = name.clone();
                            view! {
                                <option value=name selected=move || value.get() == chosen>{shown}</option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// A number input bound to `value` (kept as text; the job checks it).
#[component]
pub fn NumberField(
    /// Label.
    label: T,
    /// The text in the box.
    value: RwSignal<String>,
    /// Step of the arrows.
    step: &'static str,
    /// A `data-testid` for tests.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label)}</span>
            <input
                type="number"
                step=step
                data-testid=test_id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// `text` as a number, or `fallback` when it is not one (the job then reports nothing
/// odd; a value out of range is reported by core's check, in both languages).
pub fn number_or(text: &str, fallback: f64) -> f64 {
    text.trim().parse().unwrap_or(fallback)
}

/// A select over a few named choices of one setting.
pub fn choice<V>(
    value: RwSignal<V>,
    options: Vec<(&'static str, T, V)>,
    label: T,
    test_id: &'static str,
) -> impl IntoView
where
    V: Copy + PartialEq + Send + Sync + 'static,
{
    let lang = use_app_state().lang;
    let named = options.clone();
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label)}</span>
            <select
                data-testid=test_id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some((_, _, v)) = named.iter().find(|(key, _, _)| *key == picked) {
                        value.set(*v);
                    }
                }
            >
                {options
                    .into_iter()
                    .map(|(key, text, v)| view! {
                        <option value=key selected=move || value.get() == v>{move || t(lang.get(), text)}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
