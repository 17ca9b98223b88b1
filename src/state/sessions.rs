//! Sessions kept on the user's machine, so a reload or a closed tab loses nothing: the
//! loaded file's bytes go to the origin-private file system (OPFS), and a short list of
//! recent sessions (file name, size, date, reading options and edits, as
//! [`super::loaded`] holds them) to `localStorage` through gloo-storage; the analyses'
//! settings and results go to OPFS too, next to the file (`crate::state::results`). Nothing
//! is sent anywhere. Storage that is full, denied or missing gives an error the page shows
//! while the app keeps working in memory.
//!
//! The OPFS calls go through `js_sys::Reflect` rather than web-sys bindings: the
//! `FileSystem*Handle` bindings sit behind web-sys's unstable-API flag, and these five
//! calls do not justify building the whole crate with it.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use shoplens_core::table::ReadOptions;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use super::loaded::{Edit, LoadedFile};
use super::prefs::storage_available;
use crate::worker::protocol::WireError;

/// `localStorage` key of the list of recent sessions.
const LIST_KEY: &str = "shoplens.sessions";
/// Sessions kept; the oldest beyond this are deleted.
pub const KEEP: usize = 8;

/// A session as listed: enough to show it and to restore it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionMeta {
    /// Identifier, also the OPFS file name.
    pub id: String,
    /// The loaded file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// When it was last saved (milliseconds since 1970).
    pub saved_at: f64,
    /// The reading options used.
    pub options: ReadOptions,
    /// The edits applied since, in order (stored as the jobs that apply them, a protection
    /// without its salt; see [`Edit`]).
    pub edits: Vec<Edit>,
}

/// The recent sessions, newest first (empty when storage is unavailable).
pub fn list() -> Vec<SessionMeta> {
    storage_available()
        .then(|| LocalStorage::get::<Vec<SessionMeta>>(LIST_KEY).ok())
        .flatten()
        .unwrap_or_default()
}

fn write_list(list: &[SessionMeta]) -> Result<(), String> {
    if !storage_available() {
        return Err("localStorage unavailable".to_string());
    }
    LocalStorage::set(LIST_KEY, list).map_err(|e| e.to_string())
}

/// Keeps `loaded` (its file, options and edits) as a new session; returns its id. Older
/// sessions beyond [`KEEP`] are removed.
pub async fn save_new(loaded: &LoadedFile) -> Result<String, String> {
    let id = format!("session-{}", js_sys::Date::now() as u64);
    write_file(&id, &loaded.file).await?;
    let mut all = list();
    all.insert(
        0,
        SessionMeta {
            id: id.clone(),
            name: loaded.name(),
            size: loaded.file.size() as u64,
            saved_at: js_sys::Date::now(),
            options: loaded.options.clone(),
            edits: loaded.edits.clone(),
        },
    );
    for old in all.split_off(KEEP.min(all.len())) {
        let _ = remove_file(&old.id).await;
        let _ = remove_file(&super::results::file_name(&old.id)).await;
    }
    write_list(&all)?;
    Ok(id)
}

/// Writes the reading options and edits of `loaded` into session `id` (after the file was
/// read again with other options, or an edit was applied), making it the most recent.
pub fn store(id: &str, loaded: &LoadedFile) -> Result<(), String> {
    update(id, |session| {
        session.options = loaded.options.clone();
        session.edits = loaded.edits.clone();
    })
}

/// Changes session `id` with `change` and makes it the most recent.
pub fn update(id: &str, change: impl FnOnce(&mut SessionMeta)) -> Result<(), String> {
    let mut all = list();
    if let Some(position) = all.iter().position(|s| s.id == id) {
        let mut session = all.remove(position);
        change(&mut session);
        session.saved_at = js_sys::Date::now();
        all.insert(0, session);
        write_list(&all)?;
    }
    Ok(())
}

/// The file of `session`, under its original name.
pub async fn open(session: &SessionMeta) -> Result<File, String> {
    let dir = root().await?;
    let handle = call_async(&dir, "getFileHandle", &[JsValue::from_str(&session.id)]).await?;
    let stored = call_async(&handle, "getFile", &[]).await?;
    let parts: js_sys::Array = std::iter::once(stored).collect();
    File::new_with_blob_sequence(&parts, &session.name).map_err(describe)
}

/// Deletes every session: files and list.
pub async fn clear_all() -> Result<(), String> {
    for session in list() {
        let _ = remove_file(&session.id).await;
        let _ = remove_file(&super::results::file_name(&session.id)).await;
    }
    if storage_available() {
        LocalStorage::delete(LIST_KEY);
    }
    // Files left by an earlier version or a crash between write and list.
    if let Ok(dir) = root().await {
        let _ = clear_directory(&dir).await;
    }
    Ok(())
}

/// Bytes this origin stores, as the browser estimates them (`None` when it cannot say).
pub async fn usage() -> Option<f64> {
    let storage = navigator_storage()?;
    let estimate = call_async(&storage, "estimate", &[]).await.ok()?;
    js_sys::Reflect::get(&estimate, &JsValue::from_str("usage"))
        .ok()?
        .as_f64()
}

async fn write_file(id: &str, file: &File) -> Result<(), String> {
    write_value(id, file.into()).await
}

/// Writes `contents` (a `Blob`, `File` or string) to the OPFS file `name`, replacing it.
async fn write_value(name: &str, contents: JsValue) -> Result<(), String> {
    let dir = root().await?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"create".into(), &JsValue::TRUE).map_err(describe)?;
    let handle = call_async(
        &dir,
        "getFileHandle",
        &[JsValue::from_str(name), options.into()],
    )
    .await?;
    let writable = call_async(&handle, "createWritable", &[]).await?;
    if let Err(error) = call_async(&writable, "write", &[contents]).await {
        // A failed write (quota) leaves the old file untouched once the stream is aborted.
        let _ = call_async(&writable, "abort", &[]).await;
        return Err(error);
    }
    call_async(&writable, "close", &[]).await?;
    Ok(())
}

/// Writes `text` to the OPFS file `name`, replacing it.
pub(crate) async fn write_text(name: &str, text: &str) -> Result<(), String> {
    write_value(name, JsValue::from_str(text)).await
}

/// The text of the OPFS file `name`; `Ok(None)` when there is no such file.
pub(crate) async fn read_text(name: &str) -> Result<Option<String>, String> {
    let dir = root().await?;
    let Ok(handle) = call_async(&dir, "getFileHandle", &[JsValue::from_str(name)]).await else {
        return Ok(None);
    };
    let file = call_async(&handle, "getFile", &[]).await?;
    let text = call_async(&file, "text", &[]).await?;
    Ok(text.as_string())
}

/// Deletes the OPFS file `name`.
pub(crate) async fn remove_file(name: &str) -> Result<(), String> {
    let dir = root().await?;
    call_async(&dir, "removeEntry", &[JsValue::from_str(name)]).await?;
    Ok(())
}

async fn clear_directory(dir: &JsValue) -> Result<(), String> {
    let keys = call(dir, "keys", &[])?;
    loop {
        let next = call_async(&keys, "next", &[]).await?;
        let done = js_sys::Reflect::get(&next, &"done".into()).map_err(describe)?;
        if done.is_truthy() {
            return Ok(());
        }
        let name = js_sys::Reflect::get(&next, &"value".into()).map_err(describe)?;
        call_async(dir, "removeEntry", &[name]).await?;
    }
}

fn navigator_storage() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|s| !s.is_undefined())
}

async fn root() -> Result<JsValue, String> {
    let storage = navigator_storage().ok_or_else(|| "navigator.storage unavailable".to_string())?;
    call_async(&storage, "getDirectory", &[]).await
}

/// Calls `target.method(args...)`.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .map_err(describe)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| format!("{method} is not supported by this browser"))?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(target, &args).map_err(describe)
}

/// Calls `target.method(args...)` and awaits the promise it returns.
async fn call_async(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let promise = call(target, method, args)?
        .dyn_into::<js_sys::Promise>()
        .map_err(describe)?;
    JsFuture::from(promise).await.map_err(describe)
}

/// A storage failure as the page shows it: the app keeps working in memory.
pub fn storage_error(detail: &str) -> WireError {
    WireError::browser(
        "无法把此文件保存在本机（存储已满或被浏览器禁止）：应用照常工作，但刷新页面后需要重新打开文件",
        "Could not keep this file on this computer (storage full or denied): the app works as usual, but after a reload you will need to open the file again",
        detail,
    )
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
