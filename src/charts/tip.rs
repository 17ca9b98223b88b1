//! The hover text beside the pointer over a chart, shared by the charts that describe the
//! mark under the pointer (rules scatter, grouped matrix).

use leptos::prelude::*;

/// Shows `describe(i)` next to the pointer while `hover` holds `(i, x, y)` (the hovered
/// mark and the pointer's position in CSS pixels inside the chart); nothing otherwise.
/// Positioned through the CSSOM (`style:`), which the Content-Security-Policy allows.
#[component]
pub fn ChartTip(
    /// The hovered mark and where the pointer is.
    hover: RwSignal<Option<(usize, f64, f64)>>,
    /// The text for mark `i`.
    describe: Callback<usize, String>,
    /// `data-testid` of the tip.
    test_id: &'static str,
) -> impl IntoView {
    move || {
        hover.get().map(|(i, x, y)| {
            view! {
                <div
                    class="scatter-tip"
                    data-testid=test_id
                    style:left=format!("{}px", x + 12.0)
                    style:top=format!("{}px", y + 12.0)
                >
                    {describe.run(i)}
                </div>
            }
        })
    }
}
