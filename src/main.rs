//! Entry point of the web app: mounts the app from `lib.rs`.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(shoplens_app::App);
}
