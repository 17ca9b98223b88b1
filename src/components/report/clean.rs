//! Turns live parts of the page into static report HTML: the settings form becomes a
//! definition list (label → value), a result block is deep-copied with its canvases as PNG
//! images, sort buttons in table headers as their text, and every control, download bar and
//! hint about clicking removed — a report is read, not used.

use shoplens_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement};

/// What a settings form holds, as `(label, value)` pairs in the form's order.
pub fn settings(lang: Lang, form: &Element) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    // Long checkbox lists (the model's features) read better as one line.
    let mut grouped: Vec<Element> = Vec::new();
    for fieldset in elements(form, "fieldset") {
        let boxes = elements(&fieldset, "input[type=checkbox]");
        if boxes.len() >= 4 && elements(&fieldset, "select, input:not([type=checkbox])").is_empty()
        {
            let legend = fieldset
                .query_selector("legend")
                .ok()
                .flatten()
                .map(|l| text(&l))
                .unwrap_or_default();
            let chosen: Vec<String> = boxes
                .iter()
                .filter(|b| b.dyn_ref::<HtmlInputElement>().is_some_and(|i| i.checked()))
                .filter_map(|b| b.closest("label").ok().flatten())
                .map(|l| label_text(&l))
                .collect();
            pairs.push((legend, chosen.join(", ")));
            grouped.push(fieldset);
        }
    }
    for label in elements(form, "label") {
        if grouped.iter().any(|g| g.contains(Some(label.as_ref()))) {
            continue;
        }
        let Some(control) = label
            .query_selector("select, input, textarea")
            .ok()
            .flatten()
        else {
            continue;
        };
        let Some(value) = control_value(lang, &control) else {
            continue;
        };
        let name = label_text(&label);
        if !name.is_empty() {
            pairs.push((name, value));
        }
    }
    pairs
}

/// A static copy of the live `block`: canvases as images, controls as their values or
/// gone, collapsed alternatives opened.
pub fn copy_block(document: &Document, lang: Lang, block: &Element) -> Option<Element> {
    let copy: Element = block.clone_node_with_deep(true).ok()?.dyn_into().ok()?;

    // The clone has none of the canvases' pixels: take them from the live ones.
    let live = elements(block, "canvas");
    let copied = elements(&copy, "canvas");
    for (from, to) in live.iter().zip(copied.iter()) {
        let Some(from) = from.dyn_ref::<HtmlCanvasElement>() else {
            continue;
        };
        let img = document.create_element("img").ok()?;
        let _ = img.set_attribute("src", &from.to_data_url().unwrap_or_default());
        let _ = img.set_attribute("alt", &from.get_attribute("aria-label").unwrap_or_default());
        let _ = to.replace_with_with_node_1(&img);
    }

    // Sort buttons in table headers: keep the heading's words.
    for button in elements(&copy, "th button") {
        let words = document.create_text_node(&text(&button));
        let _ = button.replace_with_with_node_1(&words);
    }

    remove_all(
        &copy,
        "button, progress, script, style, template, [data-report-skip], .drop-zone, \
         .downloads, .note, tr.spacer, [role=tablist], .hidden, [hidden], \
         label:has(input[type=file]), input[type=search], input[type=file], input[type=hidden]",
    );

    // Controls left inside results (a threshold, a number of rows): their value as text.
    let live_controls = elements(block, "input, select, textarea");
    for control in elements(&copy, "input, select, textarea") {
        let value = live_controls
            .iter()
            .find(|live| same_control(live, &control))
            .and_then(|live| control_value(lang, live));
        match value {
            Some(value) => {
                let span = document.create_element("span").ok()?;
                span.set_class_name("value");
                span.set_text_content(Some(&value));
                let _ = control.replace_with_with_node_1(&span);
            }
            None => control.remove(),
        }
    }

    for details in elements(&copy, "details") {
        let _ = details.set_attribute("open", "");
    }
    // Wrappers left empty by the removals (a caption that only held "Save as PNG").
    for element in elements(&copy, "figcaption, p, dl, .actions, [role=group]") {
        if text(&element).is_empty()
            && element
                .query_selector("img, table, svg")
                .ok()
                .flatten()
                .is_none()
        {
            element.remove();
        }
    }
    // Event-handler and test attributes mean nothing in a file.
    for element in elements(&copy, "[aria-sort], [tabindex]") {
        let _ = element.remove_attribute("aria-sort");
        let _ = element.remove_attribute("tabindex");
    }
    Some(copy)
}

/// The headline facts of a copied result: its first few `dt`/`dd` pairs.
pub fn headline(block: &Element, most: usize) -> Vec<(String, String)> {
    elements(block, "dt")
        .into_iter()
        .filter_map(|dt| {
            let dd = dt.next_element_sibling()?;
            (dd.tag_name().eq_ignore_ascii_case("dd")).then(|| (text(&dt), text(&dd)))
        })
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .take(most)
        .collect()
}

/// Two controls are the same when their test id, name or feature match (the copy keeps
/// the attributes but not the live values).
fn same_control(live: &Element, copy: &Element) -> bool {
    ["data-testid", "name", "data-feature", "id"]
        .iter()
        .any(
            |attr| match (live.get_attribute(attr), copy.get_attribute(attr)) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        )
}

/// The words of a label without its control, hints or options.
fn label_text(label: &Element) -> String {
    let Some(copy) = label
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<Element>().ok())
    else {
        return String::new();
    };
    remove_all(
        &copy,
        "select, input, textarea, small, .hint, .help, button",
    );
    text(&copy).trim_end_matches([':', '：']).trim().to_owned()
}

/// The value a control holds, as text; `None` for controls with nothing to report.
fn control_value(lang: Lang, node: &Element) -> Option<String> {
    if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
        let index = select.selected_index();
        return (index >= 0)
            .then(|| select.item(index as u32).map(|o| text(&o)))
            .flatten();
    }
    if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "file" | "hidden" | "search" | "button" | "submit" => None,
            "checkbox" | "radio" => Some(
                if input.checked() {
                    lang.pick("是", "yes")
                } else {
                    lang.pick("否", "no")
                }
                .to_owned(),
            ),
            _ => {
                let value = input.value();
                Some(if value.trim().is_empty() {
                    "—".to_owned()
                } else {
                    value
                })
            }
        };
    }
    if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let value = area.value();
        let lines = value.lines().count();
        // A pasted file is reported by its size, not copied whole.
        return Some(if lines > 3 {
            format!("{lines} {}", lang.pick("行", "lines"))
        } else {
            value
        });
    }
    None
}

/// An element's text with runs of white space made one space.
pub fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The elements under `root` matching `selector`, in document order.
pub fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn remove_all(root: &Element, selector: &str) {
    for element in elements(root, selector) {
        element.remove();
    }
}
