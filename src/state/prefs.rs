//! Preferences kept in the browser's `localStorage` through gloo-storage (only the
//! language, for now).

use gloo_storage::{LocalStorage, Storage};
use shoplens_core::Lang;

const LANG_KEY: &str = "shoplens.lang";

/// Whether `localStorage` can be used: it can be disabled (private windows), and
/// gloo-storage throws when it is missing, so every use checks first.
pub(crate) fn storage_available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The language to start in: the one the user chose last time, else the browser's.
pub fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    // gloo-storage keeps values as JSON ("\"zh\""); builds before it kept the bare code.
    let stored = storage_available()
        .then(|| {
            LocalStorage::get::<String>(LANG_KEY)
                .ok()
                .or_else(|| LocalStorage::raw().get_item(LANG_KEY).ok().flatten())
        })
        .flatten();
    match stored.as_deref() {
        Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        _ => window
            .navigator()
            .language()
            .map_or(Lang::default(), |tag| Lang::from_tag(&tag)),
    }
}

/// Remembers the user's choice of language. Without storage the choice lasts for this
/// visit only, which is fine.
pub fn save_lang(lang: Lang) {
    if storage_available() {
        let _ = LocalStorage::set(LANG_KEY, lang.code());
    }
}
