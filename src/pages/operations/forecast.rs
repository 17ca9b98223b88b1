//! The forecast tab: series from the loaded table, automatic model choice by backtest
//! MASE (every candidate's MASE, MAPE and sMAPE shown), the empirical coverage of the
//! reported model's 80 % and 95 % intervals on the backtest windows, a chart of history,
//! forecast and interval band, and a CSV export of the forecast.

use leptos::prelude::*;
use shoplens_core::export::{csv_number_cell, csv_text_cell, write_csv};
use shoplens_core::forecast::{Coverage, SeriesSpec, COVERAGE_LEVELS};
use shoplens_core::table::{DataType, Role};

use super::common::{input_error, num, opt_text, parse_opt, parse_req, Choice, Field, Stat};
use super::Jobs;
use crate::charts::canvas::category;
use crate::charts::lines::{draw_lines, Band, LineChartData, LineSeries, Mark};
use crate::charts::CanvasChart;
use crate::components::download::download_csv;
use crate::components::samples::Sample;
use crate::components::{JobPanel, TrySample};
use crate::i18n::fill;
use crate::i18n::operations::{t, OperationText as T};
use crate::state::{use_app_state, JobStatus};
use crate::worker::page::task::run_task;
use crate::worker::protocol::operations::{
    OperationJob, OperationOutput, SeriesForecast, MAX_GROUPS,
};
use crate::worker::protocol::{Job, Output};

/// A finished forecast job.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastResult {
    series: Vec<SeriesForecast>,
    omitted: usize,
    elapsed_ms: f64,
}

/// Inputs and results of the tab.
#[derive(Debug, Clone, Copy)]
pub struct ForecastState {
    date_column: RwSignal<String>,
    value_column: RwSignal<String>,
    group_column: RwSignal<String>,
    horizon: RwSignal<String>,
    season: RwSignal<String>,
    level: RwSignal<String>,
    result: RwSignal<Option<ForecastResult>>,
    shown: RwSignal<String>,
}

impl ForecastState {
    /// Empty inputs (columns are guessed from the loaded table).
    pub fn new() -> ForecastState {
        ForecastState {
            date_column: RwSignal::new(String::new()),
            value_column: RwSignal::new(String::new()),
            group_column: RwSignal::new(String::new()),
            horizon: RwSignal::new(String::new()),
            season: RwSignal::new(String::new()),
            level: RwSignal::new("95".into()),
            result: RwSignal::new(None),
            shown: RwSignal::new("0".into()),
        }
    }
}

/// The forecast tab.
#[component]
pub fn ForecastTab(state: ForecastState, status: RwSignal<JobStatus>, jobs: Jobs) -> impl IntoView {
    let app = use_app_state();
    let lang = app.lang;
    let table = app.data.table;
    // Guess the columns once a table is there: the first date column, the first number.
    Effect::new(move || {
        table.with(|summary| {
            let Some(summary) = summary else { return };
            let names: Vec<&str> = summary.columns.iter().map(|c| c.name.as_str()).collect();
            // The file's understanding first (core's `schema`: never an identifier).
            let suggested = summary.understanding.as_ref().map(|u| &u.suggested);
            let by_index = |i: Option<usize>| i.and_then(|i| summary.columns.get(i));
            if !names.contains(&state.date_column.get_untracked().as_str()) {
                let guess = by_index(suggested.and_then(|s| s.date_column))
                    .or_else(|| {
                        summary
                            .columns
                            .iter()
                            .find(|c| c.dtype == DataType::DateTime)
                    })
                    .or(summary.columns.first());
                state
                    .date_column
                    .set(guess.map(|c| c.name.clone()).unwrap_or_default());
            }
            if !names.contains(&state.value_column.get_untracked().as_str()) {
                let guess = by_index(suggested.and_then(|s| s.value_column))
                    .filter(|c| c.role != Role::Identifier)
                    .or_else(|| {
                        summary.columns.iter().find(|c| {
                            matches!(c.dtype, DataType::Integer | DataType::Decimal)
                                && c.role != Role::Identifier
                        })
                    })
                    .or(summary.columns.last());
                state
                    .value_column
                    .set(guess.map(|c| c.name.clone()).unwrap_or_default());
            }
        })
    });
    let columns = Signal::derive(move || {
        table.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.columns
                        .iter()
                        .map(|c| (c.name.clone(), c.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Identifiers (row numbers, order and customer ids) are never offered as the value.
    let value_options = Signal::derive(move || {
        table.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.columns
                        .iter()
                        .filter(|c| c.role != Role::Identifier)
                        .map(|c| (c.name.clone(), c.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let group_options = Signal::derive(move || {
        let mut options = vec![(String::new(), t(lang.get(), T::NoGroup).to_string())];
        options.extend(columns.get());
        options
    });

    let run = move |_| {
        let lang = lang.get_untracked();
        if table.with_untracked(Option::is_none) {
            status.set(JobStatus::Failed {
                name: t(lang, T::TabForecast).into(),
                error: input_error(t(lang, T::NeedTable).into()),
            });
            return;
        }
        let parsed = (|| -> Result<_, String> {
            Ok((
                parse_opt::<usize>(lang, T::Horizon, &state.horizon.get_untracked())?,
                parse_opt::<usize>(lang, T::Season, &state.season.get_untracked())?,
                parse_req::<f64>(lang, T::Level, &state.level.get_untracked())?,
            ))
        })();
        let (horizon, season, level) = match parsed {
            Ok(values) => values,
            Err(message) => {
                status.set(JobStatus::Failed {
                    name: t(lang, T::TabForecast).into(),
                    error: input_error(message),
                });
                return;
            }
        };
        let group = state.group_column.get_untracked();
        let spec = SeriesSpec {
            date_column: state.date_column.get_untracked(),
            value_column: state.value_column.get_untracked(),
            price_column: None,
            group_column: (!group.is_empty()).then_some(group),
            frequency: None,
        };
        let job = Job::Operations(OperationJob::Forecast {
            spec,
            horizon,
            season,
            level,
        });
        run_task(job, t(lang, T::TabForecast).into(), status, move |output| {
            show(state, output)
        });
    };

    let has_results = Signal::derive(move || state.result.with(Option::is_some));
    view! {
        <section class="card" data-testid="forecast-tab">
            <h2>{move || t(lang.get(), T::TabForecast)}</h2>
            <Show when=move || table.with(Option::is_none)>
                <p class="empty" data-testid="forecast-need-table">{move || t(lang.get(), T::NeedTable)}</p>
                <TrySample sample=Sample::Daily />
            </Show>
            <div class="settings-grid">
                <Choice label=T::DateColumn value=state.date_column options=columns test_id="forecast-date" />
                <Choice label=T::ValueColumn value=state.value_column options=value_options test_id="forecast-value" />
                <Choice label=T::GroupColumn value=state.group_column options=group_options test_id="forecast-group" />
                <Field label=T::Horizon value=state.horizon test_id="forecast-horizon" placeholder=T::Auto />
                <Field label=T::Season value=state.season test_id="forecast-season" placeholder=T::Auto />
                <Field label=T::Level value=state.level test_id="forecast-level" />
            </div>
            <p class="hint">{move || t(lang.get(), T::ChoiceNote)}</p>
            <div class="actions">
                <button type="button" class="button primary" data-testid="forecast-run" on:click=run>
                    {move || t(lang.get(), T::Run)}
                </button>
            </div>
            <JobPanel on_cancel=Callback::new(move |()| jobs.cancel(status)) job=status has_results=has_results />
        </section>
        {move || state.result.get().map(|result| view! { <ForecastResults state=state result=result /> })}
    }
}

#[component]
fn ForecastResults(state: ForecastState, result: ForecastResult) -> impl IntoView {
    let lang = use_app_state().lang;
    let series = StoredValue::new(result.series.clone());
    let group_options: Vec<(String, String)> = result
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (i.to_string(), s.group.clone().unwrap_or_default()))
        .collect();
    let has_groups = result.series.iter().any(|s| s.group.is_some());
    let current = Memo::new(move |_| {
        let index: usize = state.shown.get().parse().unwrap_or(0);
        series.with_value(|all| all.get(index).or(all.first()).cloned())
    });
    let elapsed = result.elapsed_ms;
    let omitted = result.omitted;
    view! {
        <section class="card" data-testid="forecast-results">
            <crate::components::DownloadJob key="operations.forecast" name="forecast" />
            {has_groups.then(|| view! {
                <Choice label=T::Group value=state.shown options=Signal::derive(move || group_options.clone()) test_id="forecast-shown" />
            })}
            {(omitted > 0).then(|| view! {
                <p class="hint">{move || fill(t(lang.get(), T::Omitted), &[("max", MAX_GROUPS.to_string())])}</p>
            })}
            {move || current.get().map(|s| view! { <SeriesView series=s elapsed=elapsed /> })}
        </section>
    }
}

#[component]
fn SeriesView(series: SeriesForecast, elapsed: f64) -> impl IntoView {
    let lang = use_app_state().lang;
    let Some(report) = series.report.clone() else {
        let error = series.error.clone();
        return view! {
            <p class="job failed" data-testid="forecast-series-error">
                {move || error.as_ref().map(|e| e.message(lang.get()).to_string()).unwrap_or_default()}
            </p>
        }
        .into_any();
    };
    let model = report.model;
    let selected = report.selected;
    let mase = report.backtest.mase;
    let smape = report.backtest.smape;
    let mape = report.backtest.mape;
    let coverage = report.backtest.coverage.clone();
    let report = StoredValue::new(report);
    let series = StoredValue::new(series);
    let model_label = move || {
        let lang = lang.get();
        match selected {
            Some(form) => format!("{} → {}", model.label(lang), form.label(lang)),
            None => model.label(lang),
        }
    };
    let draw = Callback::new(move |plot| {
        let lang = lang.get();
        let (data, _) = report.with_value(|r| series.with_value(|s| (chart_data(lang, s, r), ())));
        draw_lines(&plot, &data);
    });
    let candidates = move || {
        let lang = lang.get();
        report.with_value(|r| {
            r.scores
                .iter()
                .map(|s| {
                    let chosen = s.model == r.model;
                    view! {
                        <tr class:chosen=chosen data-testid="forecast-candidate">
                            <td>{s.model.label(lang)}</td>
                            <td class="num">{num(s.mase, 4)}</td>
                            <td class="num">{s.mape.map_or("—".into(), |v| num(v, 2))}</td>
                            <td class="num">{num(s.smape, 2)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let skipped = move || {
        let lang = lang.get();
        report.with_value(|r| {
            r.skipped
                .iter()
                .map(|s| view! { <li>{s.model.label(lang)}": "{s.reason.message(lang)}</li> })
                .collect_view()
        })
    };
    let windows = move || {
        report.with_value(|r| {
            r.backtest
                .windows
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    view! {
                        <tr>
                            <td class="num">{i + 1}</td>
                            <td class="num">{w.train_len}</td>
                            <td class="num">{num(w.mase, 4)}</td>
                            <td class="num">{num(w.smape, 2)}</td>
                            {COVERAGE_LEVELS
                                .iter()
                                .map(|level| {
                                    let cell = w
                                        .coverage_at(*level)
                                        .map_or("—".into(), |c| format!("{}/{}", c.inside, c.steps));
                                    view! { <td class="num" data-testid="forecast-window-coverage">{cell}</td> }
                                })
                                .collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let forecast_rows = move || {
        report.with_value(|r| {
            series.with_value(|s| {
                r.forecast
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        view! {
                            <tr>
                                <td>{s.future.get(i).cloned().unwrap_or_default()}</td>
                                <td class="num">{num(*v, 2)}</td>
                                <td class="num">{num(r.interval.lower[i], 2)}</td>
                                <td class="num">{num(r.interval.upper[i], 2)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let export = move |_| {
        let csv = report.with_value(|r| series.with_value(|s| forecast_csv(s, r)));
        download_csv(&csv, "forecast.csv");
    };
    let has_skipped = report.with_value(|r| !r.skipped.is_empty());
    view! {
        <dl class="facts">
            <Stat label=T::ChosenModel value=Signal::derive(model_label) test_id="forecast-model" />
            <div class="fact"><dt>"MASE"</dt><dd data-testid="forecast-mase">{num(mase, 4)}</dd></div>
            <div class="fact"><dt>"MAPE"</dt><dd data-testid="forecast-mape">{mape.map_or("—".into(), |v| format!("{v:.2}%"))}</dd></div>
            <div class="fact"><dt>"sMAPE"</dt><dd data-testid="forecast-smape">{format!("{smape:.2}%")}</dd></div>
            <Stat label=T::Coverage value=Signal::derive(move || coverage_text(lang.get(), &coverage)) test_id="forecast-coverage" />
            <Stat label=T::Elapsed value=Signal::derive(move || format!("{:.2} s", elapsed / 1000.0)) test_id="forecast-elapsed" />
        </dl>
        <CanvasChart
            label=Signal::derive(move || t(lang.get(), T::ForecastChart).to_string())
            file_name="forecast.png"
            draw=draw
            height=320.0
            test_id="forecast-chart"
        />
        <details>
            <summary>{move || t(lang.get(), T::AsTable)}</summary>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="forecast-table">
                    <thead><tr>
                        <th>{move || t(lang.get(), T::Period)}</th>
                        <th class="num">{move || t(lang.get(), T::Forecast)}</th>
                        <th class="num">{move || t(lang.get(), T::Lower)}</th>
                        <th class="num">{move || t(lang.get(), T::Upper)}</th>
                    </tr></thead>
                    <tbody>{forecast_rows}</tbody>
                </table>
            </div>
        </details>
        <div class="actions">
            <button type="button" class="button" data-testid="forecast-export" on:click=export>
                {move || t(lang.get(), T::ExportCsv)}
            </button>
        </div>
        <h3>{move || t(lang.get(), T::Candidates)}</h3>
        <div class="table-scroll" tabindex="0">
            <table class="grid" data-testid="forecast-candidates">
                <thead><tr>
                    <th>{move || t(lang.get(), T::Model)}</th>
                    <th class="num">"MASE"</th>
                    <th class="num">"MAPE %"</th>
                    <th class="num">"sMAPE %"</th>
                </tr></thead>
                <tbody>{candidates}</tbody>
            </table>
        </div>
        {has_skipped.then(|| view! {
            <h3>{move || t(lang.get(), T::Skipped)}</h3>
            <ul class="hint">{skipped}</ul>
        })}
        <h3>{move || t(lang.get(), T::BacktestWindows)}</h3>
        <div class="table-scroll" tabindex="0">
            <table class="grid">
                <thead><tr>
                    <th class="num">{move || t(lang.get(), T::Window)}</th>
                    <th class="num">{move || t(lang.get(), T::TrainLength)}</th>
                    <th class="num">"MASE"</th>
                    <th class="num">"sMAPE %"</th>
                    {COVERAGE_LEVELS
                        .iter()
                        .map(|level| {
                            let level = *level;
                            view! {
                                <th class="num">{move || fill(t(lang.get(), T::CoverageColumn), &[("level", format!("{level}"))])}</th>
                            }
                        })
                        .collect_view()}
                </tr></thead>
                <tbody>{windows}</tbody>
            </table>
        </div>
        <p class="hint">{move || t(lang.get(), T::CoverageNote)}</p>
    }
    .into_any()
}

/// The pooled coverage of each level, or that the model gave no interval.
fn coverage_text(lang: shoplens_core::Lang, coverage: &[Coverage]) -> String {
    if coverage.is_empty() {
        return t(lang, T::CoverageNone).into();
    }
    let separator = lang.pick("；", "; ");
    coverage
        .iter()
        .map(|c| {
            fill(
                t(lang, T::CoverageLevel),
                &[
                    ("level", format!("{}", c.level)),
                    ("share", format!("{:.1}", 100.0 * c.share)),
                    ("inside", c.inside.to_string()),
                    ("steps", c.steps.to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(separator)
}

fn chart_data(
    lang: shoplens_core::Lang,
    series: &SeriesForecast,
    report: &shoplens_core::forecast::ForecastReport,
) -> LineChartData {
    let n = report.history.len();
    let history: Vec<(f64, f64)> = report
        .history
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, *v))
        .collect();
    // The forecast line starts at the last observation so the two lines join.
    let mut forecast = vec![(n as f64 - 1.0, report.history[n - 1])];
    forecast.extend(
        report
            .forecast
            .iter()
            .enumerate()
            .map(|(i, v)| ((n + i) as f64, *v)),
    );
    let band = report
        .forecast
        .iter()
        .enumerate()
        .map(|(i, _)| {
            (
                (n + i) as f64,
                report.interval.lower[i],
                report.interval.upper[i],
            )
        })
        .collect();
    // Each backtest window's forecast, drawn where it was made: the errors the MASE counts
    // are the gaps between these and the history.
    let backtest: Vec<(f64, f64)> = report
        .backtest
        .windows
        .iter()
        .flat_map(|w| {
            w.forecast
                .iter()
                .enumerate()
                .map(move |(i, v)| ((w.train_len + i) as f64, *v))
                // A gap between windows so they are not joined.
                .chain(std::iter::once((f64::NAN, f64::NAN)))
        })
        .collect();
    let mut labels = series.periods.clone();
    labels.extend(series.future.iter().cloned());
    LineChartData {
        series: vec![
            LineSeries {
                label: t(lang, T::History).into(),
                colour: category(0),
                mark: Mark::Line,
                points: history,
            },
            LineSeries {
                label: t(lang, T::BacktestForecasts).into(),
                colour: category(4),
                mark: Mark::Dashed,
                points: backtest,
            },
            LineSeries {
                label: t(lang, T::Forecast).into(),
                colour: category(1),
                mark: Mark::Dashed,
                points: forecast,
            },
        ],
        bands: vec![Band {
            label: fill(
                t(lang, T::Interval),
                &[("level", format!("{}", report.interval.level))],
            ),
            colour: category(1),
            points: band,
        }],
        x_title: t(lang, T::Period).into(),
        y_title: t(lang, T::Value).into(),
        x_labels: labels,
    }
}

/// The forecast as CSV through core's writer (BOM, formula guard).
fn forecast_csv(
    series: &SeriesForecast,
    report: &shoplens_core::forecast::ForecastReport,
) -> String {
    let group = series.group.clone().unwrap_or_default();
    let model = report.model.name();
    let rows: Vec<Vec<String>> = report
        .forecast
        .iter()
        .enumerate()
        .map(|(i, v)| {
            vec![
                csv_text_cell(&group),
                csv_text_cell(series.future.get(i).map_or("", String::as_str)),
                csv_number_cell(Some(*v)),
                csv_number_cell(report.interval.lower.get(i).copied()),
                csv_number_cell(report.interval.upper.get(i).copied()),
                csv_text_cell(&model),
                csv_number_cell(Some(report.backtest.mase)),
            ]
        })
        .collect();
    write_csv(
        &[
            "group", "period", "forecast", "lower", "upper", "model", "mase",
        ],
        &rows,
    )
}

/// Shows a forecast (fresh, or kept from before a reload).
pub(super) fn show(state: ForecastState, output: Output) {
    if let Output::Operations(OperationOutput::Forecast {
        series,
        omitted,
        elapsed_ms,
    }) = output
    {
        state.shown.set("0".into());
        state.result.set(Some(ForecastResult {
            series,
            omitted,
            elapsed_ms,
        }));
    }
}

/// Shows a kept forecast with the settings that made it.
pub(super) fn restore(state: ForecastState, job: Job, output: Output) {
    if let Job::Operations(OperationJob::Forecast {
        spec,
        horizon,
        season,
        level,
    }) = job
    {
        state.date_column.set(spec.date_column);
        state.value_column.set(spec.value_column);
        state
            .group_column
            .set(spec.group_column.unwrap_or_default());
        state.horizon.set(opt_text(horizon));
        state.season.set(opt_text(season));
        state.level.set(level.to_string());
    }
    show(state, output);
}
