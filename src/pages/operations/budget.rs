//! The budget tab: spend and outcome history per channel (long or wide, a template to
//! download), the fitted response model (Hill curves of carried-over spend, drawn over the
//! observations) with its fit check, and the split of a total by the genetic algorithm and
//! by greedy marginal return against the current split, under per-channel minimum and
//! maximum: the recommended split (today's unless another predicts more), spends outside
//! the history's range marked, currency and period stated.

use leptos::prelude::*;
use shoplens_core::optimize::budget::{
    BudgetParams, BudgetPlan, ChannelHistory, ChannelLimit, Curve, ModelChoice, Period,
    Recommended, TEMPLATE_CSV,
};

use super::common::{
    fill_source, input_error, num, opt_text, parse_opt, Choice, ConvergenceChart, Field,
    FilePicker, GaFields, GaSettings, PickedFile, Stat,
};
use super::Jobs;
use crate::charts::canvas::category;
use crate::charts::lines::{draw_lines, LineChartData, LineSeries, Mark};
use crate::charts::CanvasChart;
use crate::components::download::download_csv;
use crate::components::JobPanel;
use crate::i18n::fill;
use crate::i18n::operations::{t, OperationText as T};
use crate::state::{use_app_state, JobStatus};
use crate::worker::page::task::run_task;
use crate::worker::protocol::operations::{OperationJob, OperationOutput, Source};
use crate::worker::protocol::{Job, Output};

/// Built-in histories: the CLI's long fixture and ISLR's Advertising data (wide).
const EXAMPLES: [(&str, &str); 2] = [
    (
        "optimize_budget_long.csv",
        include_str!("../../../testdata/fixtures/optimize_budget_long.csv"),
    ),
    (
        "Advertising.csv",
        include_str!("../../../testdata/islr-advertising/Advertising.csv"),
    ),
];

/// A finished budget job.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetResult {
    history: Vec<ChannelHistory>,
    plan: BudgetPlan,
    total: f64,
    currency: String,
    period: Period,
    elapsed_ms: f64,
}

/// One channel's limit fields.
#[derive(Debug, Clone, Copy)]
struct LimitFields {
    min: RwSignal<String>,
    max: RwSignal<String>,
}

/// Inputs and results of the tab.
#[derive(Debug, Clone, Copy)]
pub struct BudgetState {
    source: RwSignal<String>,
    file: RwSignal<Option<PickedFile>>,
    outcome: RwSignal<String>,
    total: RwSignal<String>,
    model: RwSignal<String>,
    currency: RwSignal<String>,
    period: RwSignal<String>,
    limits: RwSignal<Vec<(String, LimitFields)>>,
    ga: GaFields,
    result: RwSignal<Option<BudgetResult>>,
}

impl BudgetState {
    /// The CLI's defaults, the long example chosen.
    pub fn new() -> BudgetState {
        BudgetState {
            source: RwSignal::new(EXAMPLES[0].0.into()),
            file: RwSignal::new(None),
            outcome: RwSignal::new(String::new()),
            total: RwSignal::new(String::new()),
            model: RwSignal::new("best".into()),
            currency: RwSignal::new(String::new()),
            period: RwSignal::new(String::new()),
            limits: RwSignal::new(Vec::new()),
            ga: GaFields::new(),
            result: RwSignal::new(None),
        }
    }
}

/// The budget tab.
#[component]
pub fn BudgetTab(state: BudgetState, status: RwSignal<JobStatus>, jobs: Jobs) -> impl IntoView {
    let lang = use_app_state().lang;
    let sources = Signal::derive(move || {
        let lang = lang.get();
        let mut options: Vec<(String, String)> = EXAMPLES
            .iter()
            .map(|(name, _)| {
                (
                    name.to_string(),
                    format!("{}: {name}", t(lang, T::Examples)),
                )
            })
            .collect();
        options.push(("file".into(), t(lang, T::UseFile).to_string()));
        options.push(("loaded".into(), t(lang, T::UseLoaded).to_string()));
        options
    });
    let models = Signal::derive(move || {
        let lang = lang.get();
        vec![
            ("best".into(), t(lang, T::CurveBest).to_string()),
            ("log".into(), t(lang, T::CurveLog).to_string()),
            ("hill".into(), t(lang, T::CurveHill).to_string()),
        ]
    });

    let periods =
        Signal::derive(move || {
            let lang = lang.get();
            let mut options = vec![(String::new(), t(lang, T::Auto).to_string())];
            options.extend(PERIODS.iter().map(|(value, period)| {
                (value.to_string(), t(lang, period_text(*period)).to_string())
            }));
            options
        });

    let run = move |_| {
        let lang = lang.get_untracked();
        let fail = |message: String| {
            status.set(JobStatus::Failed {
                name: t(lang, T::TabBudget).into(),
                error: input_error(message),
            })
        };
        let chosen = state.source.get_untracked();
        let history = match chosen.as_str() {
            "loaded" => Source::Loaded,
            "file" => match state.file.get_untracked() {
                Some(f) => f.source(),
                None => return fail(t(lang, T::NeedFile).into()),
            },
            name => match EXAMPLES.iter().find(|(n, _)| *n == name) {
                Some((n, text)) => Source::Text {
                    name: n.to_string(),
                    text: text.to_string(),
                },
                None => return fail(t(lang, T::NeedFile).into()),
            },
        };
        let parsed = (|| -> Result<_, String> {
            let total = parse_opt::<f64>(lang, T::Total, &state.total.get_untracked())?;
            let ga = state.ga.params(lang)?;
            let mut limits = Vec::new();
            for (channel, fields) in state.limits.get_untracked() {
                let min = parse_opt::<f64>(lang, T::Min, &fields.min.get_untracked())?;
                let max = parse_opt::<f64>(lang, T::Max, &fields.max.get_untracked())?;
                if min.is_some() || max.is_some() {
                    limits.push(ChannelLimit { channel, min, max });
                }
            }
            Ok((total, ga, limits))
        })();
        let (total, ga, limits) = match parsed {
            Ok(values) => values,
            Err(message) => return fail(message),
        };
        let mut params = BudgetParams::new(total.unwrap_or(0.0));
        params.model = match state.model.get_untracked().as_str() {
            "log" => ModelChoice::Log,
            "hill" => ModelChoice::Hill,
            _ => ModelChoice::Best,
        };
        params.ga = ga;
        params.limits = limits;
        let outcome = state.outcome.get_untracked().trim().to_string();
        let job = Job::Operations(OperationJob::Budget {
            history,
            outcome: (!outcome.is_empty()).then_some(outcome),
            total,
            params,
            currency: state.currency.get_untracked().trim().to_string(),
            period: PERIODS
                .iter()
                .find(|(value, _)| *value == state.period.get_untracked())
                .map(|(_, p)| *p),
        });
        run_task(job, t(lang, T::TabBudget).into(), status, move |output| {
            show(state, output)
        });
    };

    let limit_rows = move || {
        state
            .limits
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (channel, fields))| {
                // Each input is named by its channel and column, as a screen reader needs.
                let (for_min, for_max) = (channel.clone(), channel.clone());
                view! {
                    <tr>
                        <td>{channel}</td>
                        <td>
                            <input type="text" inputmode="decimal" data-testid=format!("budget-min-{i}")
                                aria-label=move || format!("{for_min}: {}", t(lang.get(), T::Min))
                                prop:value=move || fields.min.get()
                                on:input=move |ev| fields.min.set(event_target_value(&ev)) />
                        </td>
                        <td>
                            <input type="text" inputmode="decimal" data-testid=format!("budget-max-{i}")
                                aria-label=move || format!("{for_max}: {}", t(lang.get(), T::Max))
                                prop:value=move || fields.max.get()
                                on:input=move |ev| fields.max.set(event_target_value(&ev)) />
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    let has_results = Signal::derive(move || state.result.with(Option::is_some));
    view! {
        <section class="card" data-testid="budget-tab">
            <h2>{move || t(lang.get(), T::TabBudget)}</h2>
            <div class="settings-grid">
                <Choice label=T::HistoryFile value=state.source options=sources test_id="budget-source" />
                <FilePicker label=T::HistoryFile file=state.file test_id="budget-file" on_pick=Callback::new(move |()| state.source.set("file".into())) />
                <Field label=T::OutcomeColumn value=state.outcome test_id="budget-outcome" placeholder=T::Auto />
                <Field label=T::Total value=state.total test_id="budget-total" placeholder=T::TotalAuto />
                <Choice label=T::CurveChoice value=state.model options=models test_id="budget-model" />
                <Field label=T::Currency value=state.currency test_id="budget-currency" placeholder=T::Auto />
                <Choice label=T::PeriodField value=state.period options=periods test_id="budget-period" />
            </div>
            <div class="actions">
                <button type="button" class="button small" data-testid="budget-template"
                    on:click=move |_| download_csv(TEMPLATE_CSV, "budget-history-template.csv")>
                    {move || t(lang.get(), T::DownloadBudgetTemplate)}
                </button>
            </div>
            <Show when=move || state.limits.with(|l| !l.is_empty())>
                <div class="table-scroll limits" tabindex="0">
                    <table class="grid" data-testid="budget-limits">
                        <thead><tr>
                            <th>{move || t(lang.get(), T::Channel)}</th>
                            <th>{move || t(lang.get(), T::Min)}</th>
                            <th>{move || t(lang.get(), T::Max)}</th>
                        </tr></thead>
                        <tbody>{limit_rows}</tbody>
                    </table>
                </div>
                <p class="hint">{move || t(lang.get(), T::LimitsNote)}</p>
            </Show>
            <details data-testid="budget-advanced">
                <summary>{move || t(lang.get(), T::Advanced)}</summary>
                <GaSettings fields=state.ga prefix="budget" />
            </details>
            <div class="actions">
                <button type="button" class="button primary" data-testid="budget-run" on:click=run>
                    {move || t(lang.get(), T::Run)}
                </button>
            </div>
            <JobPanel on_cancel=Callback::new(move |()| jobs.cancel(status)) job=status has_results=has_results />
        </section>
        {move || state.result.get().map(|result| view! { <BudgetResults result=result /> })}
    }
}

/// The periods a row can cover, with their values in the period select.
const PERIODS: [(&str, Period); 6] = [
    ("day", Period::Day),
    ("week", Period::Week),
    ("month", Period::Month),
    ("quarter", Period::Quarter),
    ("year", Period::Year),
    ("row", Period::Row),
];

fn period_text(period: Period) -> T {
    match period {
        Period::Day => T::PeriodDay,
        Period::Week => T::PeriodWeek,
        Period::Month => T::PeriodMonth,
        Period::Quarter => T::PeriodQuarter,
        Period::Year => T::PeriodYear,
        Period::Row => T::PeriodRow,
    }
}

fn curve_text(curve: &Curve) -> String {
    match *curve {
        Curve::Log { a, b } => format!("max(0, {a:.3} + {b:.3}·ln(1 + x))"),
        Curve::Hill { top, k, h } => format!("{top:.3}·x^{h:.2} / ({k:.3}^{h:.2} + x^{h:.2})"),
    }
}

#[component]
fn BudgetResults(result: BudgetResult) -> impl IntoView {
    let lang = use_app_state().lang;
    let a = result.plan.allocation.clone();
    let plan = result.plan.clone();
    let currency = result.currency.clone();
    let period = result.period;
    let units = Signal::derive(move || {
        let lang = lang.get();
        let money = if currency.is_empty() {
            t(lang, T::CurrencyUnstated).to_string()
        } else {
            currency.clone()
        };
        format!("{money}, {}", t(lang, period_text(period)))
    });
    let flags = plan.extrapolated.clone();
    let any_extrapolated = flags.iter().flatten().any(|&f| f);
    let mark = move |k: usize, i: usize| if flags[k][i] { " *" } else { "" };
    let recommended = a.recommended;
    let (name_greedy, name_genetic) = (T::Greedy, T::Genetic);
    let uplift_best = match recommended {
        Recommended::Greedy => a.greedy.uplift,
        Recommended::Genetic => a.genetic.uplift,
        Recommended::Current => 0.0,
    };
    let verdict = move || {
        let lang = lang.get();
        match recommended {
            Recommended::Current => t(lang, T::RecommendKeep).to_string(),
            r => fill(
                t(lang, T::RecommendSplit),
                &[
                    (
                        "name",
                        t(
                            lang,
                            if r == Recommended::Greedy {
                                name_greedy
                            } else {
                                name_genetic
                            },
                        )
                        .to_string(),
                    ),
                    ("uplift", format!("{uplift_best:.3}")),
                ],
            ),
        }
    };
    let fit_check = plan.holdout.map(|h| {
        let r2 = plan.r2;
        view! {
            <p class="hint" data-testid="budget-fit-check">
                {move || fill(t(lang.get(), T::FitCheck), &[
                    ("r2", format!("{r2:.3}")),
                    ("train", h.training_rows.to_string()),
                    ("held", h.held_out_rows.to_string()),
                    ("rmse", format!("{:.3}", h.rmse)),
                    ("linear", format!("{:.3}", h.linear_rmse)),
                ])}
            </p>
        }
    });
    let total = num(result.total, 2);
    let elapsed = format!("{:.2} s", result.elapsed_ms / 1000.0);
    let seed = a.seed.to_string();
    let best = a.run.history.best.iter().map(|v| -v).collect::<Vec<_>>();
    let mean = a.run.history.current.iter().map(|v| -v).collect::<Vec<_>>();
    let allocation_rows = a
        .channels
        .iter()
        .enumerate()
        .map(|(i, name)| {
            view! {
                <tr data-testid="budget-row">
                    <td>{name.clone()}</td>
                    <td class="num">{num(a.current.spend[i], 2)}{mark(0, i)}</td>
                    <td class="num">{num(a.greedy.spend[i], 2)}{mark(1, i)}</td>
                    <td class="num">{num(a.genetic.spend[i], 2)}{mark(2, i)}</td>
                </tr>
            }
        })
        .collect_view();
    let (current, greedy, genetic) = (
        num(a.current.predicted, 3),
        num(a.greedy.predicted, 3),
        num(a.genetic.predicted, 3),
    );
    let (greedy_up, genetic_up) = (
        format!("{:+.3}", a.greedy.uplift),
        format!("{:+.3}", a.genetic.uplift),
    );
    let fits = result
        .plan
        .fits
        .iter()
        .zip(&result.history)
        .enumerate()
        .map(|(i, (fit, history))| {
            let fit = fit.clone();
            let history = history.clone();
            let name = fit.name.clone();
            let draw = {
                let fit = fit.clone();
                Callback::new(move |plot| {
                    let lang = lang.get();
                    let top = history.spend.iter().copied().fold(0.0, f64::max) * 1.1;
                    let xs: Vec<f64> = (0..=60).map(|k| top * k as f64 / 60.0).collect();
                    let curve = |c: &Curve, offset: f64| xs.iter().map(|&x| (x, c.predict(x) + offset)).collect();
                    let hill_chosen = !matches!(fit.chosen, Curve::Log { .. });
                    let data = LineChartData {
                        series: vec![
                            LineSeries {
                                label: t(lang, T::Observed).into(),
                                colour: category(9),
                                mark: Mark::Dots,
                                points: history
                                    .spend
                                    .iter()
                                    .zip(&history.outcome)
                                    .map(|(s, o)| (*s, *o))
                                    .collect(),
                            },
                            LineSeries {
                                label: t(lang, if hill_chosen { T::HillCurve } else { T::LogCurve }).into(),
                                colour: category(2),
                                mark: Mark::Line,
                                points: curve(&fit.chosen, fit.offset),
                            },
                        ],
                        bands: Vec::new(),
                        x_title: t(lang, T::Spend).into(),
                        y_title: t(lang, T::Outcome).into(),
                        x_labels: Vec::new(),
                    };
                    draw_lines(&plot, &data);
                })
            };
            let chosen = fit.chosen;
            let label_name = name.clone();
            view! {
                <div class="fit">
                    <h4>{name.clone()}</h4>
                    <CanvasChart
                        label=Signal::derive(move || format!("{}: {label_name}", t(lang.get(), T::Fits)))
                        file_name=format!("budget-curve-{i}.png")
                        draw=draw
                        height=220.0
                        test_id=format!("budget-curve-{i}")
                    />
                    <details>
                        <summary>{move || t(lang.get(), T::AsTable)}</summary>
                        <table class="grid">
                            <tbody>
                                <tr><th>{move || t(lang.get(), T::Chosen)}</th><td data-testid="budget-chosen">{move || chosen.label(lang.get())}</td></tr>
                                <tr><th>{move || t(lang.get(), T::Fits)}</th><td>{curve_text(&fit.chosen)}</td></tr>
                                <tr><th>{move || t(lang.get(), T::CarryOver)}</th><td class="num" data-testid="budget-decay">{format!("{:.3}", fit.decay)}</td></tr>
                            </tbody>
                        </table>
                    </details>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="budget-results">
            <crate::components::DownloadJob key="operations.budget" name="budget" />
            <dl class="facts">
                <Stat label=T::Total value=Signal::derive(move || total.clone()) test_id="budget-total-used" />
                <Stat label=T::Units value=units test_id="budget-units" />
                <Stat label=T::Elapsed value=Signal::derive(move || elapsed.clone()) test_id="budget-elapsed" />
                <Stat label=T::SeedUsed value=Signal::derive(move || seed.clone()) test_id="budget-seed-used" />
            </dl>
            <p class=if recommended == Recommended::Current { "notice warning" } else { "notice" }
                role="status" data-testid="budget-recommendation"
                data-recommended=format!("{recommended:?}").to_lowercase()>
                {verdict}
            </p>
            {fit_check}
            <h3>{move || t(lang.get(), T::Allocation)}</h3>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="budget-allocation">
                    <thead><tr>
                        <th>{move || t(lang.get(), T::Channel)}</th>
                        <th class="num">{move || t(lang.get(), T::Current)}</th>
                        <th class="num">{move || t(lang.get(), T::Greedy)}</th>
                        <th class="num">{move || t(lang.get(), T::Genetic)}</th>
                    </tr></thead>
                    <tbody>
                        {allocation_rows}
                        <tr class="total">
                            <th>{move || t(lang.get(), T::Predicted)}</th>
                            <td class="num" data-testid="budget-predicted-current">{current}</td>
                            <td class="num" data-testid="budget-predicted-greedy">{greedy}</td>
                            <td class="num" data-testid="budget-predicted-genetic">{genetic}</td>
                        </tr>
                        <tr>
                            <th>{move || t(lang.get(), T::Uplift)}</th>
                            <td class="num"></td>
                            <td class="num">{greedy_up}</td>
                            <td class="num">{genetic_up}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            {any_extrapolated.then(|| view! { <p class="hint" data-testid="budget-extrapolation">{move || t(lang.get(), T::ExtrapolationNote)}</p> })}
            <h3>{move || t(lang.get(), T::Fits)}</h3>
            <div class="fits">{fits}</div>
            <ConvergenceChart
                best=Signal::derive(move || best.clone())
                mean=Signal::derive(move || mean.clone())
                y_label=T::Predicted
                x_label=T::Generation
                best_label=T::Predicted
                mean_label=T::MeanOutcome
                file_name="budget-convergence.png"
                test_id="budget-convergence"
            />
        </section>
    }
}

/// Shows a budget split (fresh, or kept from before a reload).
pub(super) fn show(state: BudgetState, output: Output) {
    if let Output::Operations(OperationOutput::Budget {
        history,
        plan,
        total,
        currency,
        period,
        elapsed_ms,
    }) = output
    {
        // Keep the limits typed for channels that are still there.
        let old = state.limits.get_untracked();
        let limits = plan
            .fits
            .iter()
            .map(|f| {
                let fields = old
                    .iter()
                    .find(|(name, _)| *name == f.name)
                    .map(|(_, fields)| *fields)
                    .unwrap_or_else(|| LimitFields {
                        min: RwSignal::new(String::new()),
                        max: RwSignal::new(String::new()),
                    });
                (f.name.clone(), fields)
            })
            .collect();
        state.limits.set(limits);
        state.result.set(Some(BudgetResult {
            history,
            plan: *plan,
            total,
            currency,
            period,
            elapsed_ms,
        }));
    }
}

/// Shows a kept budget split with the settings that made it.
pub(super) fn restore(state: BudgetState, job: Job, output: Output) {
    let Job::Operations(OperationJob::Budget {
        history,
        outcome,
        total,
        params,
        currency,
        period,
    }) = job
    else {
        return show(state, output);
    };
    let examples: Vec<(&str, &str, &str)> = EXAMPLES
        .iter()
        .map(|(name, text)| (*name, *text, *name))
        .collect();
    fill_source(state.source, state.file, &history, &examples, "file");
    state.outcome.set(outcome.unwrap_or_default());
    state.total.set(opt_text(total));
    state.model.set(
        match params.model {
            ModelChoice::Log => "log",
            ModelChoice::Hill => "hill",
            _ => "best",
        }
        .into(),
    );
    state.ga.fill(&params.ga);
    state.currency.set(currency);
    state.period.set(
        PERIODS
            .iter()
            .find(|(_, p)| Some(*p) == period)
            .map_or(String::new(), |(value, _)| value.to_string()),
    );
    // The limit fields exist once the result names the channels.
    show(state, output);
    for (channel, fields) in state.limits.get_untracked() {
        let limit = params.limits.iter().find(|l| l.channel == channel);
        fields.min.set(opt_text(limit.and_then(|l| l.min)));
        fields.max.set(opt_text(limit.and_then(|l| l.max)));
    }
}
