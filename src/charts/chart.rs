//! [`CanvasChart`]: a canvas that redraws when its data (any signal read by `draw`) or the
//! window size changes, forwards pointer events in CSS pixels, and offers "Save as PNG".

use leptos::html;
use leptos::prelude::*;
use shoplens_core::Lang;

use super::canvas::{export_png, Plot};
use crate::state::use_app_state;

/// What the pointer did over a chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PointerKind {
    /// Moved (hover).
    Move,
    /// Clicked.
    Click,
    /// Pressed a button (start of a drag).
    Down,
    /// Released a button.
    Up,
    /// Left the canvas.
    Leave,
    /// Turned the wheel by this many pixels (positive: towards the user, i.e. zoom out).
    Wheel(f64),
}

/// A pointer event over a chart, in the chart's CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pointer {
    /// What happened.
    pub kind: PointerKind,
    /// Horizontal position from the canvas's left edge.
    pub x: f64,
    /// Vertical position from the canvas's top edge.
    pub y: f64,
}

/// A chart drawn on a canvas.
#[component]
pub fn CanvasChart(
    /// What the chart shows, for screen readers (also the canvas's accessible name).
    #[prop(into)]
    label: Signal<String>,
    /// File name of the PNG export, e.g. `"rules-scatter.png"`.
    #[prop(into)]
    file_name: String,
    /// Draws the chart; re-run whenever a signal it reads changes or the window resizes.
    draw: Callback<Plot>,
    /// Height in CSS pixels (the width follows the page).
    #[prop(default = 320.0)]
    height: f64,
    /// Receives hover, click, drag and wheel events when given.
    #[prop(optional)]
    on_pointer: Option<Callback<Pointer>>,
    /// A `data-testid` for tests.
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let canvas = NodeRef::<html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1));
    });
    on_cleanup(move || handle.remove());

    Effect::new(move || {
        resized.track();
        if let Some(element) = canvas.get() {
            if let Some(plot) = Plot::prepare(&element, height) {
                draw.run(plot);
                // The width it was drawn at, so the report can wait for charts drawn at
                // their present size rather than for a fixed time.
                let _ =
                    element.set_attribute("data-drawn-width", &element.client_width().to_string());
            }
        }
    });

    let send = move |kind: PointerKind, x: f64, y: f64| {
        if let Some(callback) = on_pointer {
            callback.run(Pointer { kind, x, y });
        }
    };
    let save = move |_| {
        if let Some(element) = canvas.get_untracked() {
            export_png(&element, &file_name);
        }
    };
    view! {
        <figure class="chart" data-testid=test_id>
            <canvas
                node_ref=canvas
                role="img"
                aria-label=move || label.get()
                // Set through the CSSOM (`style:`), which the page's CSP allows, rather than
                // an inline `style` attribute, which `style-src 'self'` blocks.
                style:width="100%"
                style:height=format!("{height}px")
                on:mousemove=move |e| send(PointerKind::Move, e.offset_x().into(), e.offset_y().into())
                on:click=move |e| send(PointerKind::Click, e.offset_x().into(), e.offset_y().into())
                on:mousedown=move |e| send(PointerKind::Down, e.offset_x().into(), e.offset_y().into())
                on:mouseup=move |e| send(PointerKind::Up, e.offset_x().into(), e.offset_y().into())
                on:mouseleave=move |e| send(PointerKind::Leave, e.offset_x().into(), e.offset_y().into())
                on:wheel=move |e| {
                    if on_pointer.is_some() {
                        e.prevent_default();
                        send(PointerKind::Wheel(e.delta_y()), e.offset_x().into(), e.offset_y().into());
                    }
                }
            ></canvas>
            <figcaption>
                <button type="button" class="button small" on:click=save>
                    {move || Lang::pick(lang.get(), "保存为 PNG", "Save as PNG")}
                </button>
            </figcaption>
        </figure>
    }
}
