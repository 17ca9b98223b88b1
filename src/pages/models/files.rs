//! Saving and using models: download the trained model as `shoplens-model` JSON
//! (preprocessing included, the format of `shoplens fit --save`), export the held-out
//! predictions, and score the loaded table with a saved model (as `shoplens predict`).
//! Every CSV goes through `shoplens_core::export` (UTF-8 BOM, formula guard).

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::{export, Lang};

use crate::components::download::{download_csv, download_text};
use crate::components::text_file::read_picked_text;
use crate::i18n::models::{t, ModelText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::run_task;
use crate::worker::protocol::models::{ModelJob, ModelOutput, ModelView};
use crate::worker::protocol::{Job, Output, WireError};

/// The held-out predictions of a run as CSV: `row,actual,predicted[,probability]`.
pub fn held_out_csv(view: &ModelView) -> String {
    let classes = !view.classes.is_empty();
    let mut header = vec!["row", "actual", "predicted"];
    if classes {
        header.push("probability");
    }
    let rows: Vec<Vec<String>> = view
        .predictions
        .iter()
        .map(|p| {
            let mut row = vec![
                export::csv_number_cell(Some(p.row as f64)),
                export::csv_text_cell(&p.actual),
                export::csv_text_cell(&p.predicted),
            ];
            if classes {
                row.push(export::csv_number_cell(p.probability));
            }
            row
        })
        .collect();
    export::write_csv(&header, &rows)
}

/// Save, export and score buttons.
#[component]
pub fn ModelFiles(
    /// The page's job status (these jobs run in the same worker).
    status: RwSignal<JobStatus>,
    /// The last trained model's view.
    result: RwSignal<Option<Arc<ModelView>>>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let scored: RwSignal<Option<(String, usize)>> = RwSignal::new(None);
    let save = move |_| {
        let name = result.with_untracked(|r| {
            r.as_ref()
                .map(|v| format!("model-{}-{}.json", v.kind.as_str(), v.target))
                .unwrap_or_else(|| "model.json".into())
        });
        // The request behind the model shown: the worker trains it again when a reload or a
        // cancel took its copy away.
        let request = results::last("models.train").and_then(|kept| match kept.job {
            Job::Models(ModelJob::Train(request)) => Some(request),
            _ => None,
        });
        let Some(request) = request else {
            let lang = lang.get_untracked();
            status.set(JobStatus::Failed {
                name: t(lang, T::Saving).to_string(),
                error: WireError {
                    zh: t(Lang::Zh, T::TrainFirst).to_string(),
                    en: t(Lang::En, T::TrainFirst).to_string(),
                },
            });
            return;
        };
        run_task(
            Job::Models(ModelJob::SaveModel { request }),
            t(lang.get_untracked(), T::Saving).to_string(),
            status,
            move |output| {
                if let Output::Models(ModelOutput::ModelJson(json)) = output {
                    download_text(&json, &name, "application/json");
                }
            },
        );
    };
    let export_held_out = move |_| {
        if let Some(view) = result.get_untracked() {
            download_csv(&held_out_csv(&view), "held-out-predictions.csv");
        }
    };
    let on_model = move |ev: web_sys::Event| {
        read_picked_text(&ev, move |_name, model_json| {
            run_task(
                Job::Models(ModelJob::Predict { model_json }),
                t(lang.get_untracked(), T::Scoring).to_string(),
                status,
                move |output| {
                    if let Output::Models(ModelOutput::Predicted { csv, rows }) = output {
                        scored.set(Some((csv, rows)));
                    }
                },
            );
        });
    };
    let has_model = move || result.with(Option::is_some);
    view! {
        <section class="card model-files">
            <div class="actions">
                <button type="button" class="button" data-testid="models-save" disabled=move || !has_model() on:click=save>
                    {move || t(lang.get(), T::SaveModel)}
                </button>
                <button type="button" class="button" data-testid="models-export-held-out" disabled=move || !has_model() on:click=export_held_out>
                    {move || t(lang.get(), T::ExportHeldOut)}
                </button>
            </div>
            <h2>{move || t(lang.get(), T::ScoreHeading)}</h2>
            <p class="help">{move || t(lang.get(), T::ScoreHelp)}</p>
            <label class="button small">
                {move || t(lang.get(), T::LoadModel)}
                <input type="file" class="visually-hidden" accept=".json,application/json"
                    data-testid="models-load-model" on:change=on_model />
            </label>
            {move || scored.get().map(|(csv, rows)| {
                let csv = Arc::new(csv);
                view! {
                    <p data-testid="models-scored" data-rows=rows.to_string()>
                        {move || t(lang.get(), T::Scored).replace("{n}", &rows.to_string())}
                    </p>
                    <button type="button" class="button" data-testid="models-download-predictions"
                        on:click=move |_| download_csv(&csv, "predictions.csv")>
                        {move || t(lang.get(), T::DownloadPredictions)}
                    </button>
                }
            })}
        </section>
    }
}
