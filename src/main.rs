//! Entry point of the web app: mounts the app from `lib.rs`.
fn main() {
    console_error_panic_hook::set_once();
    // index.html paints a static shell while the wasm downloads and compiles (the first
    // contentful paint); the app takes its place.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("boot-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(shoplens_app::App);
}
