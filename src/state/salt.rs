//! This page session's salt for the digests of protected columns
//! ([`shoplens_core::privacy`]). It is drawn once, on first use, from the browser's
//! cryptographic generator and never stored: a digest means something only within the page
//! session that made it, so a kept session's protections are applied again with the salt of
//! the session that reopens it ([`super::loaded::Edit::job`]).

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// This page session's salt (hex), drawn on first use.
    static SALT: String = draw_salt();
}

/// This page session's salt, as 32 hex digits.
pub fn session_salt() -> String {
    SALT.with(Clone::clone)
}

/// 16 random bytes as hex, from `crypto.getRandomValues` (reached through `js_sys`, so no
/// extra web-sys feature is needed); falls back to `Math.random` where crypto is missing.
fn draw_salt() -> String {
    let bytes = js_sys::Uint8Array::new_with_length(16);
    let crypto = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok();
    let filled = crypto
        .and_then(|c| {
            let f = js_sys::Reflect::get(&c, &JsValue::from_str("getRandomValues")).ok()?;
            f.dyn_into::<js_sys::Function>()
                .ok()?
                .call1(&c, &bytes)
                .ok()
        })
        .is_some();
    let mut out = bytes.to_vec();
    if !filled {
        for b in &mut out {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    out.iter().map(|b| format!("{b:02x}")).collect()
}
