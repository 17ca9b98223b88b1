//! Recent sessions kept on this machine (reopen one), how much the app stores, and a button
//! that clears all of it. See `crate::state::sessions`.

use leptos::prelude::*;
use shoplens_core::error::human_bytes;
use shoplens_core::Lang;

use crate::state::results;
use crate::state::sessions::{self, SessionMeta};
use crate::state::use_app_state;

/// The list of kept sessions with "open" buttons and "clear all local data".
#[component]
pub fn SessionsPanel(
    /// Reopens a session.
    on_open: Callback<SessionMeta>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let data = state.data;
    let list = Memo::new(move |_| {
        data.sessions_changed.track();
        sessions::list()
    });
    let usage = LocalResource::new(move || {
        data.sessions_changed.track();
        sessions::usage()
    });
    let clear = move |_| {
        leptos::task::spawn_local(async move {
            let _ = sessions::clear_all().await;
            data.session.set(None);
            results::detach();
            data.sessions_changed.update(|n| *n += 1);
        });
    };
    let items = move || {
        list.get()
            .into_iter()
            .map(|session| {
                let when = js_sys::Date::new(&session.saved_at.into());
                let stamp = format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}",
                    when.get_full_year(),
                    when.get_month() + 1,
                    when.get_date(),
                    when.get_hours(),
                    when.get_minutes()
                );
                let size = human_bytes(session.size);
                let name = session.name.clone();
                let current = data.session.get().as_deref() == Some(session.id.as_str());
                let open = session.clone();
                view! {
                    <li data-testid="session" class:current=current>
                        <span class="session-name">{name}</span>
                        <span class="session-meta">{format!("{size} · {stamp}")}</span>
                        <button
                            type="button"
                            class="button small"
                            data-testid="session-open"
                            on:click=move |_| on_open.run(open.clone())
                        >
                            {move || lang.get().pick("打开", "Open")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let stored = move || {
        usage
            .get()
            .flatten()
            .map(|bytes| human_bytes(bytes as u64))
            .unwrap_or_else(|| "–".to_string())
    };
    view! {
        {move || {
            data.storage_error
                .get()
                .map(|error| {
                    view! {
                        <p class="notice warning" role="status" data-testid="storage-error">
                            {move || error.message(lang.get()).to_string()}
                        </p>
                    }
                })
        }}
        <details class="sessions" data-testid="sessions">
            <summary>
                {move || lang.get().pick("本机保存的会话", "Sessions kept on this computer")}
                {move || format!(" ({})", list.get().len())}
            </summary>
            <p class="hint">{move || hint(lang.get())}</p>
            <ul>{items}</ul>
            <button type="button" class="button small" data-testid="clear-local" on:click=clear>
                {move || {
                    format!("{} ({})", lang.get().pick("清除本机全部数据", "Clear all local data"), stored())
                }}
            </button>
        </details>
    }
}

fn hint(lang: Lang) -> &'static str {
    lang.pick(
        "打开的文件、读取设置、列的修改以及各项分析的设置和结果保存在本浏览器中（不会上传），刷新或关闭标签页后可继续。",
        "Opened files, reading settings, column changes and each analysis's settings and results are kept in this browser (never uploaded), so a reload or a closed tab loses nothing.",
    )
}
