//! Preferences kept in the browser's `localStorage` (only the language, for now).

use shoplens_core::Lang;

const LANG_KEY: &str = "shoplens.lang";

/// The language to start in: the one the user chose last time, else the browser's.
pub fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(LANG_KEY).ok().flatten());
    match stored.as_deref() {
        Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        _ => window
            .navigator()
            .language()
            .map_or(Lang::default(), |tag| Lang::from_tag(&tag)),
    }
}

/// Remembers the user's choice of language. Storage can be disabled (private windows):
/// the choice then lasts for this visit only, which is fine.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}
