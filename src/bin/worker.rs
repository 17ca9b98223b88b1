//! Entry point of the Web Worker (built by Trunk as a second wasm module with a loader
//! shim): listens for jobs from the page. See `shoplens_app::worker::thread`.
fn main() {
    console_error_panic_hook::set_once();
    shoplens_app::worker::thread::runner::start();
}
