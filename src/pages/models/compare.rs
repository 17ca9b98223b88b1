//! Cross-validation tables: every model compared, or a grid around one model; the best
//! row is marked (`data-best`).

use leptos::prelude::*;

use crate::i18n::models::{t, ModelText as T};
use crate::state::use_app_state;
use crate::worker::protocol::models::CvView;

/// A table of cross-validation scores with the best row marked.
#[component]
pub fn CvTable(
    /// The scores.
    view: CvView,
    /// Heading text.
    heading: T,
    /// `data-testid` of the table.
    test_id: &'static str,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let metric = view.metric.clone();
    let metric_attr = view.metric.clone();
    let folds = view.folds;
    let best = view.best;
    view! {
        <section class="card">
            <h2>{move || format!("{} · {folds}", t(lang.get(), heading))}</h2>
            <table class="grid" data-testid=test_id data-metric=metric_attr>
                <thead><tr>
                    <th>{move || t(lang.get(), T::Candidate)}</th>
                    <th class="num">{move || format!("{} · {}", t(lang.get(), T::MeanScore), crate::i18n::models_results::metric_label(lang.get(), &metric))}</th>
                    <th class="num">{move || t(lang.get(), T::StdScore)}</th>
                    <th class="num">{move || t(lang.get(), T::Milliseconds)}</th>
                </tr></thead>
                <tbody>
                    {view.rows.into_iter().enumerate().map(|(i, row)| {
                        let is_best = i == best;
                        let name = if row.label.is_empty() {
                            row.kind.as_str().to_string()
                        } else {
                            row.label.clone()
                        };
                        let kind = row.kind;
                        view! {
                            <tr class:best=is_best data-best=is_best.then_some("true")
                                data-kind=kind.as_str() data-mean=row.mean.to_string()>
                                <th>
                                    {move || if row.label.is_empty() { kind.label(lang.get()).to_string() } else { name.clone() }}
                                    {is_best.then(|| view! { " " <span class="badge">{move || t(lang.get(), T::Best)}</span> })}
                                </th>
                                <td class="num">{format!("{:.4}", row.mean)}</td>
                                <td class="num">{format!("{:.4}", row.std)}</td>
                                <td class="num">{format!("{:.0}", row.ms)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {if test_id == "models-grid" {
                view! { <crate::components::DownloadJob key="models.grid" name="grid" /> }.into_any()
            } else {
                view! { <crate::components::DownloadJob key="models.compare" name="compare" /> }.into_any()
            }}
        </section>
    }
}
