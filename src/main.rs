//! Entry point of the web app: mounts the app from `lib.rs`.
fn main() {}
