//! [`Fact`]: one labelled figure of a result, a `dt`/`dd` pair in a page's list of facts,
//! with the unrounded value in `data-value` (for tests and for copying). Each page labels
//! its facts from its own text enum, hence the [`Label`] trait.

use leptos::prelude::*;
use shoplens_core::Lang;

use crate::i18n::clv::{t as clv_t, ClvText};
use crate::i18n::customers::{t as customers_t, CustomerText};
use crate::i18n::products::{t as products_t, ProductText};
use crate::state::use_app_state;

/// A label with words in both languages.
pub trait Label: Copy + Send + Sync + 'static {
    /// The words in `lang`.
    fn words(self, lang: Lang) -> &'static str;
}

impl Label for CustomerText {
    fn words(self, lang: Lang) -> &'static str {
        customers_t(lang, self)
    }
}

impl Label for ClvText {
    fn words(self, lang: Lang) -> &'static str {
        clv_t(lang, self)
    }
}

impl Label for ProductText {
    fn words(self, lang: Lang) -> &'static str {
        products_t(lang, self)
    }
}

/// One labelled figure; `raw` also puts the unrounded value in `data-value`.
#[component]
pub fn Fact<L: Label>(
    /// What the figure is.
    label: L,
    /// The figure as shown.
    #[prop(into)]
    value: String,
    /// A `data-testid` for tests.
    #[prop(into)]
    test_id: String,
    /// The unrounded value.
    #[prop(optional)]
    raw: Option<f64>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <div class="fact">
            <dt>{move || label.words(lang.get())}</dt>
            <dd data-testid=test_id data-value=raw.map(|r| r.to_string())>{value}</dd>
        </div>
    }
}
