//! Reading the file a user picked in an `<input type="file">` as text, for the small files
//! pages take beside the loaded table (a saved model, a list of delivery stops), through
//! gloo-file.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Reads the file picked in the input behind `ev` as text and gives `on_text` its name and
/// text; then clears the input so picking the same file again fires once more. Does nothing
/// when no file was picked or the file could not be read.
pub fn read_picked_text(ev: &web_sys::Event, on_text: impl FnOnce(String, String) + 'static) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if let Some(picked) = input.files().and_then(|files| files.get(0)) {
        let file = gloo_file::File::from(picked);
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(text) = gloo_file::futures::read_as_text(&file).await {
                on_text(file.name(), text);
            }
        });
    }
    input.set_value("");
}
