//! The Data page's reading settings: encoding, delimiter, header row, sheet and what to do
//! with ragged rows, each "detect" by default with what was detected shown, and a button
//! that reads the same file again with the choices. The loaded table stays until the new
//! read succeeds (a failed read leaves it as it was).

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::table::{RaggedRows, ReadOptions, WHITESPACE};
use shoplens_core::Lang;

use crate::i18n::data::{t, DataText};
use crate::i18n::delimiter_label;
use crate::state::use_app_state;
use crate::worker::protocol::summary::TableSummary;

/// Encodings offered (WHATWG labels, as `encoding_rs` reads them), with a display name.
const ENCODINGS: [(&str, &str); 8] = [
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK"),
    ("big5", "Big5"),
    ("utf-16le", "UTF-16 LE"),
    ("utf-16be", "UTF-16 BE"),
    ("shift_jis", "Shift_JIS"),
    ("euc-kr", "EUC-KR"),
    ("windows-1252", "Windows-1252 / Latin-1"),
];

/// Delimiters offered, as the byte the reader takes.
const DELIMITERS: [u8; 5] = [b',', b';', b'\t', b'|', WHITESPACE];

/// One `<option>` whose `selected` follows `current`.
fn option(value: String, label: impl IntoView + 'static, current: Signal<String>) -> impl IntoView {
    let selected = {
        let value = value.clone();
        move || current.get() == value
    };
    view! { <option value=value selected=selected>{label}</option> }
}

/// The reading settings of the loaded file.
#[component]
pub fn ReadSettings(
    /// The loaded table (what was detected).
    summary: Arc<TableSummary>,
    /// The options the table was read with.
    used: ReadOptions,
    /// Reads the file again with these options.
    on_read: Callback<ReadOptions>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let encoding = RwSignal::new(used.encoding.clone().unwrap_or_default());
    let delimiter = RwSignal::new(
        used.delimiter
            .map(|b| (b as char).to_string())
            .unwrap_or_default(),
    );
    let header = RwSignal::new(match used.has_header {
        None => String::new(),
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
    });
    let sheet = RwSignal::new(used.sheet.clone().unwrap_or_default());
    let ragged = RwSignal::new(match used.ragged {
        RaggedRows::Drop => "drop".to_string(),
        _ => "pad".to_string(),
    });

    let detected_encoding = summary.encoding.clone();
    let detected_delimiter = summary.delimiter.clone();
    let detected_header = summary.has_header;
    let is_text = summary.format.is_empty() || summary.format == "csv";
    let sheets = summary.sheets.clone();

    let auto = move |detected: String| {
        move || {
            let what = t(lang.get(), DataText::Auto);
            if detected.is_empty() {
                what.to_string()
            } else {
                format!("{what} ({detected})")
            }
        }
    };
    let read = move |_| {
        let options = ReadOptions {
            encoding: Some(encoding.get_untracked()).filter(|e| !e.is_empty()),
            delimiter: delimiter.get_untracked().bytes().next(),
            has_header: match header.get_untracked().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            sheet: Some(sheet.get_untracked()).filter(|s| !s.is_empty()),
            ragged: if ragged.get_untracked() == "drop" {
                RaggedRows::Drop
            } else {
                RaggedRows::Pad
            },
            ..used.clone()
        };
        on_read.run(options);
    };
    let on = |signal: RwSignal<String>| move |ev| signal.set(event_target_value(&ev));

    let encoding_field = is_text.then(|| {
        let detected = detected_encoding.clone();
        view! {
            <label class="field">
                <span>{move || t(lang.get(), DataText::Encoding)}</span>
                <select data-testid="read-encoding" on:change=on(encoding)>
                    <option value="" selected=move || encoding.get().is_empty()>
                        {auto(detected.clone())}
                    </option>
                    {ENCODINGS
                        .iter()
                        .map(|(value, label)| option(value.to_string(), label.to_string(), encoding.into()))
                        .collect_view()}
                </select>
            </label>
        }
    });
    let delimiter_field = is_text.then(|| {
        let detected = detected_delimiter.clone();
        view! {
            <label class="field">
                <span>{move || t(lang.get(), DataText::Delimiter)}</span>
                <select data-testid="read-delimiter" on:change=on(delimiter)>
                    <option value="" selected=move || delimiter.get().is_empty()>
                        {move || {
                            let what = t(lang.get(), DataText::Auto);
                            format!("{what} ({})", delimiter_label(lang.get(), &detected))
                        }}
                    </option>
                    {DELIMITERS
                        .iter()
                        .map(|&byte| {
                            let value = (byte as char).to_string();
                            option(value, move || delimiter_name(lang.get(), byte), delimiter.into())
                        })
                        .collect_view()}
                </select>
            </label>
        }
    });
    let sheet_field = (!sheets.is_empty()).then(|| {
        view! {
            <label class="field">
                <span>{move || t(lang.get(), DataText::Sheet)}</span>
                <select data-testid="read-sheet" on:change=on(sheet)>
                    <option value="" selected=move || sheet.get().is_empty()>
                        {auto(sheets.first().cloned().unwrap_or_default())}
                    </option>
                    {sheets
                        .iter()
                        .map(|name| option(name.clone(), name.clone(), sheet.into()))
                        .collect_view()}
                </select>
            </label>
        }
    });
    view! {
        <details class="read-settings" data-testid="read-settings">
            <summary>{move || t(lang.get(), DataText::ReadSettings)}</summary>
            <p class="hint">{move || t(lang.get(), DataText::ReadSettingsHint)}</p>
            <div class="form-row">
                {encoding_field}
                {delimiter_field}
                {sheet_field}
                <label class="field">
                    <span>{move || t(lang.get(), DataText::Header)}</span>
                    <select data-testid="read-header" on:change=on(header)>
                        <option value="" selected=move || header.get().is_empty()>
                            {move || {
                                let what = t(lang.get(), DataText::Auto);
                                let found = t(
                                    lang.get(),
                                    if detected_header { DataText::HeaderYes } else { DataText::HeaderNo },
                                );
                                format!("{what} ({found})")
                            }}
                        </option>
                        <option value="yes" selected=move || header.get() == "yes">
                            {move || t(lang.get(), DataText::HeaderYes)}
                        </option>
                        <option value="no" selected=move || header.get() == "no">
                            {move || t(lang.get(), DataText::HeaderNo)}
                        </option>
                    </select>
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), DataText::RaggedRows)}</span>
                    <select data-testid="read-ragged" on:change=on(ragged)>
                        <option value="pad" selected=move || ragged.get() == "pad">
                            {move || t(lang.get(), DataText::RaggedPad)}
                        </option>
                        <option value="drop" selected=move || ragged.get() == "drop">
                            {move || t(lang.get(), DataText::RaggedDrop)}
                        </option>
                    </select>
                </label>
            </div>
            <button type="button" class="button" data-testid="read-again" on:click=read>
                {move || t(lang.get(), DataText::ReadAgain)}
            </button>
        </details>
    }
}

/// The name of delimiter `byte` in `lang`.
fn delimiter_name(lang: Lang, byte: u8) -> String {
    match byte {
        b'\t' => t(lang, DataText::Tab).to_string(),
        WHITESPACE => t(lang, DataText::Spaces).to_string(),
        other => format!("“{}”", other as char),
    }
}
