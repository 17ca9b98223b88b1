//! The routes tab: stops from a TSPLIB/CVRPLIB file, a CSV of stops or a built-in library
//! instance; vehicles, capacity and the annealing's temperature schedule; a map with each
//! vehicle's route in its own colour and the convergence chart.

use leptos::prelude::*;
use shoplens_core::optimize::routes::{AnnealParams, Instance, Metric, RoutePlan};

use super::common::{
    fill_source, input_error, num, opt_text, parse_opt, parse_req, Choice, ConvergenceChart, Field,
    FilePicker, PickedFile, SeedField, Stat,
};
use super::Jobs;
use crate::charts::route_map::{draw_route_map, RouteMapData};
use crate::charts::CanvasChart;
use crate::components::JobPanel;
use crate::i18n::operations::{t, OperationText as T};
use crate::state::{use_app_state, JobStatus};
use crate::worker::page::task::run_task;
use crate::worker::protocol::operations::{OperationJob, OperationOutput, Source};
use crate::worker::protocol::{Job, Output};

/// Library instances built into the app (files under `testdata/`, see their SOURCE.txt).
const EXAMPLES: [(&str, &str); 4] = [
    (
        "berlin52.tsp",
        include_str!("../../../testdata/tsplib/berlin52.tsp"),
    ),
    (
        "eil51.tsp",
        include_str!("../../../testdata/tsplib/eil51.tsp"),
    ),
    (
        "st70.tsp",
        include_str!("../../../testdata/tsplib/st70.tsp"),
    ),
    (
        "A-n32-k5.vrp",
        include_str!("../../../testdata/cvrp/A-n32-k5.vrp"),
    ),
];

/// Value of the source choice meaning "the file picked here".
const FROM_FILE: &str = "file";

/// Value of the source choice meaning "the table loaded on the Data page".
const FROM_LOADED: &str = "loaded";

/// Whether a table with these column names holds stops: `x` and `y`, or latitude and
/// longitude (the names `Instance::from_table` reads).
fn looks_like_stops(names: &[String]) -> bool {
    let has = |wanted: &[&str]| {
        names
            .iter()
            .any(|n| wanted.contains(&n.trim().to_lowercase().as_str()))
    };
    (has(&["x"]) && has(&["y"]))
        || (has(&["lat", "latitude"]) && has(&["lon", "lng", "long", "longitude"]))
}

/// A finished routes job.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutesResult {
    instance: Instance,
    plan: RoutePlan,
    elapsed_ms: f64,
}

/// Inputs and results of the tab.
#[derive(Debug, Clone, Copy)]
pub struct RoutesState {
    source: RwSignal<String>,
    file: RwSignal<Option<PickedFile>>,
    vehicles: RwSignal<String>,
    capacity: RwSignal<String>,
    depot: RwSignal<String>,
    levels: RwSignal<String>,
    moves: RwSignal<String>,
    initial: RwSignal<String>,
    ratio: RwSignal<String>,
    seed: RwSignal<String>,
    result: RwSignal<Option<RoutesResult>>,
}

impl RoutesState {
    /// The CLI's defaults, berlin52 chosen.
    pub fn new() -> RoutesState {
        let d = AnnealParams::new();
        RoutesState {
            source: RwSignal::new(EXAMPLES[0].0.into()),
            file: RwSignal::new(None),
            vehicles: RwSignal::new(String::new()),
            capacity: RwSignal::new(String::new()),
            depot: RwSignal::new(String::new()),
            levels: RwSignal::new(d.levels.to_string()),
            moves: RwSignal::new(String::new()),
            initial: RwSignal::new(String::new()),
            ratio: RwSignal::new(d.final_temperature_ratio.to_string()),
            seed: RwSignal::new(d.seed.to_string()),
            result: RwSignal::new(None),
        }
    }
}

/// Length in the file's convention: whole numbers for TSPLIB's rounded distances.
fn length_text(metric: Metric, length: f64) -> String {
    match metric {
        Metric::Euc2dRounded => format!("{}", length.round() as i64),
        Metric::Haversine => format!("{length:.2} km"),
        Metric::Euclidean => num(length, 2),
    }
}

/// The routes tab.
#[component]
pub fn RoutesTab(state: RoutesState, status: RwSignal<JobStatus>, jobs: Jobs) -> impl IntoView {
    let app = use_app_state();
    let lang = app.lang;
    // A table of stops loaded on the Data page (a sample, or the user's file) becomes the
    // source when it arrives, unless a file was picked here.
    Effect::new(move || {
        let stops = app.data.table.with(|t| {
            t.as_ref().is_some_and(|t| {
                let names: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
                looks_like_stops(&names)
            })
        });
        if stops && state.source.get_untracked() != FROM_FILE {
            state.source.set(FROM_LOADED.into());
        }
    });
    // A route file handed over from the Data page becomes the picked file.
    Effect::new(move || {
        if let Some((name, text)) = app.data.route_file.get() {
            app.data.route_file.set(None);
            state.file.set(Some(PickedFile { name, text }));
            state.source.set(FROM_FILE.into());
        }
    });
    // Picking a file selects it as the source.
    let sources = Signal::derive(move || {
        let mut options: Vec<(String, String)> = EXAMPLES
            .iter()
            .map(|(name, _)| (name.to_string(), name.to_string()))
            .collect();
        if app.data.table.with(Option::is_some) {
            options.push((FROM_LOADED.into(), t(lang.get(), T::UseLoaded).to_string()));
        }
        let file_label = match state.file.get() {
            Some(f) => format!("{}: {}", t(lang.get(), T::UseFile), f.name),
            None => t(lang.get(), T::UseFile).to_string(),
        };
        options.push((FROM_FILE.into(), file_label));
        options
    });

    let run = move |_| {
        let lang = lang.get_untracked();
        let fail = |message: String| {
            status.set(JobStatus::Failed {
                name: t(lang, T::TabRoutes).into(),
                error: input_error(message),
            })
        };
        let source = state.source.get_untracked();
        let stops = if source == FROM_LOADED {
            Source::Loaded
        } else if source == FROM_FILE {
            match state.file.get_untracked() {
                Some(file) => file.source(),
                None => return fail(t(lang, T::NeedFile).into()),
            }
        } else {
            match EXAMPLES.iter().find(|(name, _)| *name == source) {
                Some((name, text)) => PickedFile {
                    name: name.to_string(),
                    text: text.to_string(),
                }
                .source(),
                None => return fail(t(lang, T::NeedFile).into()),
            }
        };
        let params = (|| -> Result<AnnealParams, String> {
            Ok(AnnealParams {
                levels: parse_req(lang, T::Levels, &state.levels.get_untracked())?,
                moves_per_level: parse_opt(lang, T::MovesPerLevel, &state.moves.get_untracked())?,
                initial_temperature: parse_opt(
                    lang,
                    T::InitialTemperature,
                    &state.initial.get_untracked(),
                )?,
                final_temperature_ratio: parse_req(
                    lang,
                    T::FinalRatio,
                    &state.ratio.get_untracked(),
                )?,
                vehicles: parse_opt(lang, T::Vehicles, &state.vehicles.get_untracked())?,
                capacity: parse_opt(lang, T::VehicleCapacity, &state.capacity.get_untracked())?,
                seed: parse_req(lang, T::Seed, &state.seed.get_untracked())?,
                ..AnnealParams::new()
            })
        })();
        let params = match params {
            Ok(p) => p,
            Err(message) => return fail(message),
        };
        let depot = state.depot.get_untracked().trim().to_string();
        let job = Job::Operations(OperationJob::Routes {
            stops,
            depot: (!depot.is_empty()).then_some(depot),
            params,
        });
        run_task(job, t(lang, T::TabRoutes).into(), status, move |output| {
            show(state, output)
        });
    };

    let has_results = Signal::derive(move || state.result.with(Option::is_some));
    view! {
        <section class="card" data-testid="routes-tab">
            <h2>{move || t(lang.get(), T::TabRoutes)}</h2>
            <div class="settings-grid">
                <Choice label=T::Instance value=state.source options=sources test_id="routes-source" />
                <FilePicker label=T::StopsFile file=state.file test_id="routes-file" on_pick=Callback::new(move |()| state.source.set(FROM_FILE.into())) accept=".tsp,.vrp,.csv,.tsv,.txt,text/csv,text/plain" />
                <Field label=T::Vehicles value=state.vehicles test_id="routes-vehicles" placeholder=T::Optional />
                <Field label=T::VehicleCapacity value=state.capacity test_id="routes-capacity" placeholder=T::Optional />
                <Field label=T::DepotId value=state.depot test_id="routes-depot" placeholder=T::Optional />
            </div>
            <fieldset class="settings">
                <legend>{move || t(lang.get(), T::Schedule)}</legend>
                <Field label=T::Levels value=state.levels test_id="routes-levels" />
                <Field label=T::MovesPerLevel value=state.moves test_id="routes-moves" placeholder=T::Auto />
                <Field label=T::InitialTemperature value=state.initial test_id="routes-initial" placeholder=T::Auto />
                <Field label=T::FinalRatio value=state.ratio test_id="routes-ratio" />
                <SeedField seed=state.seed test_id="routes-seed" />
            </fieldset>
            <div class="actions">
                <button type="button" class="button primary" data-testid="routes-run" on:click=run>
                    {move || t(lang.get(), T::Run)}
                </button>
            </div>
            <JobPanel on_cancel=Callback::new(move |()| jobs.cancel(status)) job=status has_results=has_results />
        </section>
        {move || state.result.get().map(|result| view! { <RoutesResults result=result /> })}
    }
}

#[component]
fn RoutesResults(result: RoutesResult) -> impl IntoView {
    let lang = use_app_state().lang;
    let metric = result.instance.metric;
    let plan = result.plan.clone();
    // Geographic stops: longitude across, latitude up.
    let stops: Vec<[f64; 2]> = result
        .instance
        .coords
        .iter()
        .map(|&[a, b]| {
            if metric == Metric::Haversine {
                [b, a]
            } else {
                [a, b]
            }
        })
        .collect();
    let map = RouteMapData {
        stops,
        depot: result.instance.depot,
        routes: plan.routes.iter().map(|r| r.stops.clone()).collect(),
    };
    let draw = Callback::new(move |plot| draw_route_map(&plot, &map));
    let best = plan.run.history.best.clone();
    let current = plan.run.history.current.clone();
    let length = length_text(metric, plan.length);
    let start = format!(
        "{} ({})",
        length_text(metric, plan.construction_length),
        plan.construction
    );
    let elapsed = format!("{:.2} s", result.elapsed_ms / 1000.0);
    let routes_count = plan.routes.len().to_string();
    let seed = plan.seed.to_string();
    let rows = plan
        .routes
        .iter()
        .enumerate()
        .map(|(k, r)| {
            view! {
                <tr>
                    <td class="num">{k + 1}</td>
                    <td class="num">{num(r.load, 0)}</td>
                    <td class="num">{length_text(metric, r.length)}</td>
                    <td class="ids">{r.ids.join(" ")}</td>
                </tr>
            }
        })
        .collect_view();
    let feasible = plan.feasible;
    let lateness = plan.lateness;
    view! {
        <section class="card" data-testid="routes-results">
            <crate::components::DownloadJob key="operations.routes" name="route" />
            <dl class="facts">
                <Stat label=T::Instance value=Signal::derive({ let n = result.instance.name.clone(); move || n.clone() }) test_id="routes-instance" />
                <Stat label=T::Length value=Signal::derive(move || length.clone()) test_id="routes-length" />
                <Stat label=T::StartLength value=Signal::derive(move || start.clone()) test_id="routes-start" />
                <Stat label=T::Route value=Signal::derive(move || routes_count.clone()) test_id="routes-count" />
                <Stat label=T::Elapsed value=Signal::derive(move || elapsed.clone()) test_id="routes-elapsed" />
                <Stat label=T::SeedUsed value=Signal::derive(move || seed.clone()) test_id="routes-seed-used" />
            </dl>
            {(!feasible).then(|| view! { <p class="job failed">{move || t(lang.get(), T::RouteInfeasible)}</p> })}
            {(lateness > 0.0).then(|| view! { <p class="hint">{move || t(lang.get(), T::Lateness)}": "{num(lateness, 2)}</p> })}
            <CanvasChart
                label=Signal::derive(move || t(lang.get(), T::RouteMap).to_string())
                file_name="routes.png"
                draw=draw
                height=440.0
                test_id="routes-map"
            />
            <details open=true>
                <summary>{move || t(lang.get(), T::AsTable)}</summary>
                <div class="table-scroll" tabindex="0">
                    <table class="grid" data-testid="routes-table">
                        <thead><tr>
                            <th class="num">{move || t(lang.get(), T::Route)}</th>
                            <th class="num">{move || t(lang.get(), T::Load)}</th>
                            <th class="num">{move || t(lang.get(), T::Length)}</th>
                            <th>{move || t(lang.get(), T::Stops)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
            <ConvergenceChart
                best=Signal::derive(move || best.clone())
                mean=Signal::derive(move || current.clone())
                y_label=T::Length
                x_label=T::TemperatureLevel
                best_label=T::BestLength
                mean_label=T::CurrentLength
                file_name="routes-convergence.png"
                test_id="routes-convergence"
            />
        </section>
    }
}

/// Shows routes (fresh, or kept from before a reload).
pub(super) fn show(state: RoutesState, output: Output) {
    if let Output::Operations(OperationOutput::Routes {
        instance,
        plan,
        elapsed_ms,
    }) = output
    {
        state.result.set(Some(RoutesResult {
            instance: *instance,
            plan: *plan,
            elapsed_ms,
        }));
    }
}

/// Shows kept routes with the settings that made them.
pub(super) fn restore(state: RoutesState, job: Job, output: Output) {
    if let Job::Operations(OperationJob::Routes {
        stops,
        depot,
        params,
    }) = job
    {
        let examples: Vec<(&str, &str, &str)> = EXAMPLES
            .iter()
            .map(|(name, text)| (*name, *text, *name))
            .collect();
        fill_source(state.source, state.file, &stops, &examples, FROM_FILE);
        state.depot.set(depot.unwrap_or_default());
        state.vehicles.set(opt_text(params.vehicles));
        state.capacity.set(opt_text(params.capacity));
        state.levels.set(params.levels.to_string());
        state.moves.set(opt_text(params.moves_per_level));
        state.initial.set(opt_text(params.initial_temperature));
        state.ratio.set(params.final_temperature_ratio.to_string());
        state.seed.set(params.seed.to_string());
    }
    show(state, output);
}

#[cfg(test)]
mod tests {
    use super::looks_like_stops;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn stops_are_told_by_their_coordinate_columns() {
        assert!(looks_like_stops(&names(&["id", "x", "y"])));
        assert!(looks_like_stops(&names(&["name", "Latitude", "Longitude"])));
        assert!(!looks_like_stops(&names(&["id", "x"])));
        assert!(!looks_like_stops(&names(&[
            "InvoiceNo",
            "Quantity",
            "UnitPrice"
        ])));
    }
}
