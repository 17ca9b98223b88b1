//! Saving files from the page: the browser downloads a blob made here; nothing is uploaded.

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Starts a download of `url` (a `data:` or `blob:` URL) under `file_name`.
pub fn download_url(url: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(anchor) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = anchor.dyn_into::<HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
}

/// Downloads `text` as a file of type `mime`. The object URL is revoked when it goes out
/// of scope, after the browser has started the download.
pub fn download_text(text: &str, file_name: &str, mime: &str) {
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    download_url(&url, file_name);
}

/// Downloads CSV text made by `shoplens_core::export` (which already starts with the UTF-8
/// byte-order mark Excel needs and guards against formula injection).
pub fn download_csv(csv: &str, file_name: &str) {
    download_text(csv, file_name, "text/csv;charset=utf-8");
}
