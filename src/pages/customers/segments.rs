//! The k-means view: choose the features (numeric columns of a one-row-per-customer table,
//! or R, F, M from order lines), the log transform, k, seed and starts; read the elbow and
//! silhouette charts, the segment profiles and the PCA map; export customers with segments.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::segment::export::{to_csv, Cell};

use super::columns::OrderPick;
use super::money;
use crate::charts::cluster_map::ClusterMap;
use crate::charts::line::LineChart;
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent, stat};
use crate::components::JobPanel;
use crate::i18n::customers::{t, CustomerText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::customers::{
    CustomerJob, CustomerOutput, SegmentRequest, SegmentSource, SegmentsView,
};
use crate::worker::protocol::{Job, Output};

/// Numeric columns with more than this many distinct values are chosen by default (fewer
/// usually means a code such as a region or channel).
const CODE_DISTINCT: usize = 10;

/// The k-means view.
#[component]
pub fn SegmentsTab(pick: OrderPick) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<SegmentsView>>> = RwSignal::new(None);
    let numeric = Memo::new(move |_| {
        state
            .data
            .table
            .with(|t| {
                t.as_ref().map(|t| {
                    t.columns
                        .iter()
                        .filter(|c| c.dtype.is_numeric())
                        .map(|c| (c.name.clone(), c.distinct))
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    let chosen = RwSignal::new(Vec::<String>::new());
    Effect::new(move || {
        chosen.set(
            numeric
                .get()
                .into_iter()
                .filter(|(_, distinct)| *distinct > CODE_DISTINCT)
                .map(|(name, _)| name)
                .collect(),
        );
    });
    // From order lines when the RFM columns are found, else the table's own columns.
    let from_orders = RwSignal::new(false);
    Effect::new(move || from_orders.set(pick.columns().is_some()));
    let log = RwSignal::new(true);
    let k = RwSignal::new(3usize);
    let seed = RwSignal::new(42u64);
    let starts = RwSignal::new(10usize);
    let with_elbow = RwSignal::new(true);
    let show = move |output: Output| {
        if let Output::Customers(CustomerOutput::Segments(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("customers.segments", move |job, output| {
        if let Job::Customers(CustomerJob::Segments(request)) = job {
            match &request.source {
                SegmentSource::Rfm(columns) => pick.fill(columns),
                SegmentSource::Columns(names) => chosen.set(names.clone()),
            }
            from_orders.set(matches!(request.source, SegmentSource::Rfm(_)));
            log.set(request.log);
            k.set(request.k);
            seed.set(request.seed);
            starts.set(request.n_init);
            with_elbow.set(request.elbow);
        }
        show(output);
    });
    let run = move |_| {
        let source = if from_orders.get() {
            match pick.columns() {
                Some(c) => SegmentSource::Rfm(c),
                None => return,
            }
        } else {
            SegmentSource::Columns(chosen.get())
        };
        let request = SegmentRequest {
            source,
            log: log.get(),
            k: k.get(),
            seed: seed.get(),
            n_init: starts.get(),
            elbow: with_elbow.get(),
        };
        run_task(
            Job::Customers(CustomerJob::Segments(request)),
            t(lang.get_untracked(), T::SegmentsTab).to_string(),
            status,
            show,
        );
    };
    let number = move |signal: RwSignal<usize>, min: usize| {
        move |ev| {
            if let Ok(v) = event_target_value(&ev).trim().parse::<usize>() {
                signal.set(v.max(min));
            }
        }
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card">
            <p class="lead">{move || t(lang.get(), T::SegmentsIntro)}</p>
            <fieldset class="fields">
                <legend>{move || t(lang.get(), T::Features)}</legend>
                <label class="field check">
                    <input
                        type="radio"
                        name="segment-source"
                        data-testid="seg-source-columns"
                        prop:checked=move || !from_orders.get()
                        on:change=move |_| from_orders.set(false)
                    />
                    <span>{move || t(lang.get(), T::SourceColumns)}</span>
                </label>
                <label class="field check">
                    <input
                        type="radio"
                        name="segment-source"
                        data-testid="seg-source-rfm"
                        disabled=move || pick.columns().is_none()
                        prop:checked=move || from_orders.get()
                        on:change=move |_| from_orders.set(true)
                    />
                    <span>{move || t(lang.get(), T::SourceRfm)}</span>
                </label>
                <Show when=move || !from_orders.get()>
                    <div class="checks" data-testid="seg-columns">
                        {move || {
                            numeric
                                .get()
                                .into_iter()
                                .map(|(name, _)| {
                                    let n = name.clone();
                                    let n2 = name.clone();
                                    view! {
                                        <label class="field check">
                                            <input
                                                type="checkbox"
                                                data-column=name.clone()
                                                prop:checked=move || chosen.with(|c| c.contains(&n))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    chosen.update(|c| {
                                                        c.retain(|x| x != &n2);
                                                        if on {
                                                            c.push(n2.clone());
                                                        }
                                                    });
                                                }
                                            />
                                            <span>{name}</span>
                                        </label>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </Show>
            </fieldset>
            <div class="fields">
                <label class="field check">
                    <input type="checkbox" data-testid="seg-log" prop:checked=move || log.get() on:change=move |ev| log.set(event_target_checked(&ev)) />
                    <span>{move || t(lang.get(), T::LogTransform)}</span>
                </label>
                <label class="field">
                    <span>"k"</span>
                    <input type="number" min="1" max="50" data-testid="seg-k" prop:value=move || k.get().to_string() on:change=number(k, 1) />
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Seed)}</span>
                    <input
                        type="number"
                        min="0"
                        data-testid="seg-seed"
                        prop:value=move || seed.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                seed.set(v);
                            }
                        }
                    />
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Starts)}</span>
                    <input type="number" min="1" max="100" data-testid="seg-starts" prop:value=move || starts.get().to_string() on:change=number(starts, 1) />
                </label>
                <label class="field check">
                    <input type="checkbox" data-testid="seg-with-elbow" prop:checked=move || with_elbow.get() on:change=move |ev| with_elbow.set(event_target_checked(&ev)) />
                    <span>{move || t(lang.get(), T::ElbowToo)}</span>
                </label>
            </div>
            <button
                type="button"
                class="button primary"
                data-testid="seg-run"
                disabled=move || if from_orders.get() { pick.columns().is_none() } else { chosen.with(Vec::is_empty) }
                on:click=run
            >
                {move || t(lang.get(), T::RunSegments)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <SegmentResults view=view /> })}
    }
}

#[component]
fn SegmentResults(view: Arc<SegmentsView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let v = view.clone();
    let has_revenue = v.profiles.clusters.iter().any(|c| c.revenue != 0.0);
    let elbow = view.elbow.clone();
    let inertia_points: Vec<(f64, f64)> = elbow.iter().map(|p| (p.k as f64, p.inertia)).collect();
    let silhouette_points: Vec<(f64, f64)> =
        elbow.iter().map(|p| (p.k as f64, p.silhouette)).collect();
    let mark = Signal::derive({
        let k = view.k as f64;
        move || Some(k)
    });
    let map_view = view.clone();
    let export_view = view.clone();
    let export = move |_| {
        let lang = lang.get_untracked();
        let v = &export_view;
        let id_header = if v.features.first().map(String::as_str) == Some("recency") {
            t(lang, T::CustomerHeader)
        } else {
            t(lang, T::RowHeader)
        };
        let mut header: Vec<&str> = vec![id_header];
        header.extend(v.features.iter().map(String::as_str));
        header.push(t(lang, T::SegmentHeader));
        let d = v.features.len();
        let rows: Vec<Vec<Cell>> = v
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut row = vec![Cell::Text(id.clone())];
                row.extend(
                    v.values[i * d..(i + 1) * d]
                        .iter()
                        .map(|&x| Cell::Number(x)),
                );
                row.push(Cell::Integer(i64::from(v.labels[i]) + 1));
                row
            })
            .collect();
        download_csv(&to_csv(&header, &rows), t(lang, T::SegmentsFileName));
    };
    let features = view.features.clone();
    let profiles = view.profiles.clusters.clone();
    let ratio = view.projection.explained_variance_ratio;
    view! {
        <section class="card" data-testid="seg-results">
            <crate::components::DownloadJob key="customers.segments" name="segment" />
            <h2>{move || t(lang.get(), T::SegmentsResultsTitle)}</h2>
            <dl class="facts">
                <Fact label=T::Customers value=grouped(v.labels.len() as u64) test_id="seg-n" />
                <Fact label=T::Inertia value=stat(v.inertia) test_id="seg-inertia" raw=v.inertia />
                <Fact
                    label=T::Silhouette
                    value=v.silhouette.map(stat).unwrap_or_else(|| "—".into())
                    test_id="seg-silhouette"
                    raw=v.silhouette.unwrap_or(f64::NAN)
                />
                <Fact label=T::Iterations value=v.n_iter.to_string() test_id="seg-iter" />
                <Fact label=T::SkippedMissing value=grouped(v.skipped_missing as u64) test_id="seg-skipped" />
                <Fact label=T::Time value=format!("{:.0} ms", v.ms) test_id="seg-ms" />
            </dl>
            <p class="hint">
                {move || format!("{} · k = {} · {} {} · {} {}", t(lang.get(), if v.log { T::LogOn } else { T::LogOff }), v.k, t(lang.get(), T::Seed), v.seed, t(lang.get(), T::Starts), v.n_init)}
            </p>
            <h3>{move || t(lang.get(), T::ProfilesTitle)}</h3>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="seg-profiles">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::Segment)}</th>
                            <th class="num">{move || t(lang.get(), T::Customers)}</th>
                            <th class="num">{move || t(lang.get(), T::ShareOfCustomers)}</th>
                            {has_revenue.then(|| view! {
                                <th class="num">{move || t(lang.get(), T::Revenue)}</th>
                                <th class="num">{move || t(lang.get(), T::ShareOfRevenue)}</th>
                            })}
                            {features.iter().map(|f| view! { <th class="num">{format!("{} {f}", t(lang.get_untracked(), T::MeanOf))}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {profiles
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <tr data-size=p.size.to_string()>
                                        <th>{move || format!("{} {}", t(lang.get(), T::Segment), p.cluster + 1)}</th>
                                        <td class="num">{grouped(p.size as u64)}</td>
                                        <td class="num">{percent(100.0 * p.share_of_customers)}</td>
                                        {has_revenue.then(|| view! {
                                            <td class="num">{money(p.revenue)}</td>
                                            <td class="num">{percent(100.0 * p.share_of_revenue)}</td>
                                        })}
                                        {p.means.iter().map(|m| view! { <td class="num">{stat((m * 100.0).round() / 100.0)}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <Show when={
                let empty = elbow.is_empty();
                move || !empty
            }>
                <div class="chart-pair">
                    <div>
                        <h3>{move || t(lang.get(), T::ElbowTitle)}</h3>
                        <LineChart
                            label=Signal::derive(move || t(lang.get(), T::ElbowTitle).to_string())
                            file_name="kmeans-elbow.png"
                            points=inertia_points.clone()
                            x_title=Signal::derive(|| "k".to_string())
                            y_title=Signal::derive(move || t(lang.get(), T::Inertia).to_string())
                            mark=mark
                            test_id="seg-elbow-chart"
                        />
                    </div>
                    <div>
                        <h3>{move || t(lang.get(), T::SilhouetteTitle)}</h3>
                        <LineChart
                            label=Signal::derive(move || t(lang.get(), T::SilhouetteTitle).to_string())
                            file_name="kmeans-silhouette.png"
                            points=silhouette_points.clone()
                            x_title=Signal::derive(|| "k".to_string())
                            y_title=Signal::derive(move || t(lang.get(), T::Silhouette).to_string())
                            mark=mark
                            test_id="seg-silhouette-chart"
                        />
                    </div>
                </div>
                <details>
                    <summary>{move || t(lang.get(), T::ChartAsText)}</summary>
                    <table class="grid" data-testid="seg-elbow">
                        <thead>
                            <tr>
                                <th>"k"</th>
                                <th class="num">{move || t(lang.get(), T::Inertia)}</th>
                                <th class="num">{move || t(lang.get(), T::Silhouette)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {elbow
                                .iter()
                                .map(|p| view! {
                                    <tr data-k=p.k.to_string() data-inertia=p.inertia.to_string() data-silhouette=p.silhouette.to_string()>
                                        <td>{p.k}</td>
                                        <td class="num">{stat(p.inertia)}</td>
                                        <td class="num">{stat(p.silhouette)}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </details>
            </Show>
            <h3>{move || t(lang.get(), T::MapTitle)}</h3>
            <ClusterMap
                label=Signal::derive(move || t(lang.get(), T::MapTitle).to_string())
                file_name="kmeans-pca.png"
                points=map_view.projection.points.clone()
                clusters=map_view.labels.clone()
                legend=Signal::derive(move || t(lang.get(), T::Segment).to_string())
                x_title=Signal::derive(move || format!("PC1 ({})", percent(100.0 * ratio[0])))
                y_title=Signal::derive(move || format!("PC2 ({})", percent(100.0 * ratio[1])))
                test_id="seg-map"
            />
            <details>
                <summary>{move || t(lang.get(), T::ChartAsText)}</summary>
                <p>{move || t(lang.get(), T::MapText)}</p>
            </details>
            <button type="button" class="button" data-testid="seg-export" on:click=export>
                {move || t(lang.get(), T::ExportCsv)}
            </button>
        </section>
    }
}
