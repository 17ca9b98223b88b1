//! The inventory tab: daily demand (a file, the loaded table or the built-in example) and a
//! products file; the genetic algorithm's parameters; baseline against optimised cost, the
//! convergence chart and each product's stock level over the history.

use leptos::prelude::*;
use shoplens_core::optimize::inventory::{InventoryParams, InventoryPlan, Policy};

use super::common::{
    fill_source, input_error, num, opt_text, parse_opt, parse_req, Choice, ConvergenceChart, Field,
    FilePicker, GaFields, GaSettings, PickedFile, Stat,
};
use super::Jobs;
use crate::charts::canvas::category;
use crate::charts::lines::{draw_lines, LineChartData, LineSeries, Mark};
use crate::charts::CanvasChart;
use crate::components::JobPanel;
use crate::i18n::operations::{t, OperationText as T};
use crate::state::{use_app_state, JobStatus};
use crate::worker::jobs::operations::{OperationJob, OperationOutput, Source};
use crate::worker::protocol::{Job, Output};
use crate::worker::task::run_task;

/// The example demand and products (the CLI's test fixtures).
const EXAMPLE_DEMAND: &str =
    include_str!("../../../testdata/fixtures/optimize_inventory_demand.csv");
const EXAMPLE_PRODUCTS: &str =
    include_str!("../../../testdata/fixtures/optimize_inventory_products.csv");

/// A finished inventory job.
#[derive(Debug, Clone, PartialEq)]
pub struct InventoryResult {
    plan: InventoryPlan,
    elapsed_ms: f64,
}

/// Inputs and results of the tab.
#[derive(Debug, Clone, Copy)]
pub struct InventoryState {
    demand_source: RwSignal<String>,
    demand_file: RwSignal<Option<PickedFile>>,
    products_source: RwSignal<String>,
    products_file: RwSignal<Option<PickedFile>>,
    product_column: RwSignal<String>,
    date_column: RwSignal<String>,
    quantity_column: RwSignal<String>,
    service: RwSignal<String>,
    budget: RwSignal<String>,
    capacity: RwSignal<String>,
    ga: GaFields,
    result: RwSignal<Option<InventoryResult>>,
    shown: RwSignal<String>,
}

impl InventoryState {
    /// The CLI's defaults, the example files chosen.
    pub fn new() -> InventoryState {
        let d = InventoryParams::new();
        InventoryState {
            demand_source: RwSignal::new("example".into()),
            demand_file: RwSignal::new(None),
            products_source: RwSignal::new("example".into()),
            products_file: RwSignal::new(None),
            product_column: RwSignal::new("product".into()),
            date_column: RwSignal::new("date".into()),
            quantity_column: RwSignal::new("quantity".into()),
            service: RwSignal::new(d.service_level.to_string()),
            budget: RwSignal::new(String::new()),
            capacity: RwSignal::new(String::new()),
            ga: GaFields::new(),
            result: RwSignal::new(None),
            shown: RwSignal::new("0".into()),
        }
    }
}

/// The inventory tab.
#[component]
pub fn InventoryTab(
    state: InventoryState,
    status: RwSignal<JobStatus>,
    jobs: Jobs,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let demand_options = Signal::derive(move || {
        let lang = lang.get();
        vec![
            (
                "example".into(),
                format!("{}: optimize_inventory_demand.csv", t(lang, T::Examples)),
            ),
            ("file".into(), t(lang, T::UseFile).to_string()),
            ("loaded".into(), t(lang, T::UseLoaded).to_string()),
        ]
    });
    let products_options = Signal::derive(move || {
        let lang = lang.get();
        vec![
            (
                "example".into(),
                format!("{}: optimize_inventory_products.csv", t(lang, T::Examples)),
            ),
            ("file".into(), t(lang, T::UseFile).to_string()),
        ]
    });

    let run = move |_| {
        let lang = lang.get_untracked();
        let fail = |message: String| {
            status.set(JobStatus::Failed {
                name: t(lang, T::TabInventory).into(),
                error: input_error(message),
            })
        };
        let example = |name: &str, text: &str| Source::Text {
            name: name.into(),
            text: text.into(),
        };
        let demand = match state.demand_source.get_untracked().as_str() {
            "loaded" => Source::Loaded,
            "file" => match state.demand_file.get_untracked() {
                Some(f) => f.source(),
                None => return fail(t(lang, T::NeedFile).into()),
            },
            _ => example("optimize_inventory_demand.csv", EXAMPLE_DEMAND),
        };
        let products = match state.products_source.get_untracked().as_str() {
            "file" => match state.products_file.get_untracked() {
                Some(f) => f.source(),
                None => return fail(t(lang, T::NeedFile).into()),
            },
            _ => example("optimize_inventory_products.csv", EXAMPLE_PRODUCTS),
        };
        let params = (|| -> Result<InventoryParams, String> {
            Ok(InventoryParams {
                service_level: parse_req(lang, T::ServiceLevel, &state.service.get_untracked())?,
                budget: parse_opt(lang, T::BudgetCap, &state.budget.get_untracked())?,
                capacity: parse_opt(lang, T::SpaceCap, &state.capacity.get_untracked())?,
                ga: state.ga.params(lang)?,
            })
        })();
        let params = match params {
            Ok(p) => p,
            Err(message) => return fail(message),
        };
        let job = Job::Operations(OperationJob::Inventory {
            demand,
            columns: [
                state.product_column.get_untracked(),
                state.date_column.get_untracked(),
                state.quantity_column.get_untracked(),
            ],
            products,
            params,
        });
        run_task(
            job,
            t(lang, T::TabInventory).into(),
            status,
            move |output| show(state, output),
        );
    };

    let has_results = Signal::derive(move || state.result.with(Option::is_some));
    view! {
        <section class="card" data-testid="inventory-tab">
            <h2>{move || t(lang.get(), T::TabInventory)}</h2>
            <div class="settings-grid">
                <Choice label=T::DemandFile value=state.demand_source options=demand_options test_id="inventory-demand-source" />
                <FilePicker label=T::DemandFile file=state.demand_file test_id="inventory-demand-file" on_pick=Callback::new(move |()| state.demand_source.set("file".into())) />
                <Choice label=T::ProductsFile value=state.products_source options=products_options test_id="inventory-products-source" />
                <FilePicker label=T::ProductsFile file=state.products_file test_id="inventory-products-file" on_pick=Callback::new(move |()| state.products_source.set("file".into())) />
                <Field label=T::ProductColumn value=state.product_column test_id="inventory-product-col" />
                <Field label=T::DateColumn value=state.date_column test_id="inventory-date-col" />
                <Field label=T::QuantityColumn value=state.quantity_column test_id="inventory-quantity-col" />
                <Field label=T::ServiceLevel value=state.service test_id="inventory-service" />
                <Field label=T::BudgetCap value=state.budget test_id="inventory-budget" placeholder=T::Optional />
                <Field label=T::SpaceCap value=state.capacity test_id="inventory-capacity" placeholder=T::Optional />
            </div>
            <GaSettings fields=state.ga prefix="inventory" />
            <div class="actions">
                <button type="button" class="button primary" data-testid="inventory-run" on:click=run>
                    {move || t(lang.get(), T::Run)}
                </button>
            </div>
            <JobPanel on_cancel=Callback::new(move |()| jobs.cancel(status)) job=status has_results=has_results />
        </section>
        {move || state.result.get().map(|result| view! { <InventoryResults state=state result=result /> })}
    }
}

fn policy_numbers(policy: &Policy) -> (f64, f64) {
    match *policy {
        Policy::ReorderPoint {
            reorder_point,
            quantity,
        } => (reorder_point, quantity),
        Policy::MinMax { min, max } => (min, max - min),
    }
}

#[component]
fn InventoryResults(state: InventoryState, result: InventoryResult) -> impl IntoView {
    let lang = use_app_state().lang;
    let plan = StoredValue::new(result.plan.clone());
    let p = &result.plan;
    let baseline = num(p.baseline_cost, 2);
    let optimised = num(p.optimised_cost, 2);
    let saving = format!("{} ({:.1}%)", num(p.savings, 2), p.savings_percent);
    let elapsed = format!("{:.2} s", result.elapsed_ms / 1000.0);
    let seed = p.seed.to_string();
    let best = p.run.history.best.clone();
    let mean = p.run.history.current.clone();
    let (baseline_feasible, optimised_feasible) = (p.baseline_feasible, p.optimised_feasible);
    let product_options: Vec<(String, String)> = p
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (i.to_string(), item.id.clone()))
        .collect();
    let rows = p
        .items
        .iter()
        .map(|i| {
            let (r0, q0) = policy_numbers(&i.baseline_policy);
            let (r1, q1) = policy_numbers(&i.optimised_policy);
            view! {
                <tr>
                    <td>{i.id.clone()}</td>
                    <td class="num">{num(r0, 0)}" → "{num(r1, 0)}</td>
                    <td class="num">{num(q0, 0)}" → "{num(q1, 0)}</td>
                    <td class="num">{num(i.baseline_simulation.total_cost, 2)}" → "{num(i.optimised_simulation.total_cost, 2)}</td>
                    <td class="num">{num(i.baseline_simulation.fill_rate, 3)}" → "{num(i.optimised_simulation.fill_rate, 3)}</td>
                </tr>
            }
        })
        .collect_view();
    let shown_index = move || state.shown.get().parse::<usize>().unwrap_or(0);
    let draw = Callback::new(move |plot| {
        let lang = lang.get();
        let index = shown_index();
        let data = plan.with_value(|plan| {
            let Some(item) = plan.items.get(index) else {
                return LineChartData::default();
            };
            let line = |stock: &[f64]| -> Vec<(f64, f64)> {
                stock
                    .iter()
                    .enumerate()
                    .map(|(d, v)| ((d + 1) as f64, *v))
                    .collect()
            };
            LineChartData {
                series: vec![
                    LineSeries {
                        label: t(lang, T::Baseline).into(),
                        colour: category(7),
                        mark: Mark::Line,
                        points: line(&item.baseline_simulation.stock),
                    },
                    LineSeries {
                        label: t(lang, T::Optimised).into(),
                        colour: category(0),
                        mark: Mark::Line,
                        points: line(&item.optimised_simulation.stock),
                    },
                ],
                bands: Vec::new(),
                x_title: t(lang, T::Day).into(),
                y_title: t(lang, T::StockLevel).into(),
                x_labels: Vec::new(),
            }
        });
        draw_lines(&plot, &data);
    });
    let stock_rows = move || {
        let index = shown_index();
        plan.with_value(|plan| {
            plan.items.get(index).map(|item| {
                let n = item.optimised_simulation.stock.len();
                let step = (n / 30).max(1);
                (0..n)
                    .step_by(step)
                    .map(|d| {
                        view! {
                            <tr>
                                <td class="num">{d + 1}</td>
                                <td class="num">{item.baseline_simulation.stock.get(d).map_or(String::new(), |v| num(*v, 0))}</td>
                                <td class="num">{num(item.optimised_simulation.stock[d], 0)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="card" data-testid="inventory-results">
            <crate::components::DownloadJob key="operations.inventory" name="inventory" />
            <dl class="facts">
                <Stat label=T::BaselineCost value=Signal::derive(move || baseline.clone()) test_id="inventory-baseline-cost" />
                <Stat label=T::OptimisedCost value=Signal::derive(move || optimised.clone()) test_id="inventory-optimised-cost" />
                <Stat label=T::Saving value=Signal::derive(move || saving.clone()) test_id="inventory-saving" />
                <Stat label=T::Elapsed value=Signal::derive(move || elapsed.clone()) test_id="inventory-elapsed" />
                <Stat label=T::SeedUsed value=Signal::derive(move || seed.clone()) test_id="inventory-seed-used" />
            </dl>
            {(!baseline_feasible).then(|| view! { <p class="hint">{move || t(lang.get(), T::BaselineInfeasible)}</p> })}
            {(!optimised_feasible).then(|| view! { <p class="job failed">{move || t(lang.get(), T::Infeasible)}</p> })}
            <ConvergenceChart
                best=Signal::derive(move || best.clone())
                mean=Signal::derive(move || mean.clone())
                y_label=T::Cost
                x_label=T::Generation
                best_label=T::BestCost
                mean_label=T::MeanCost
                file_name="inventory-convergence.png"
                test_id="inventory-convergence"
            />
            <h3>{move || t(lang.get(), T::Policies)}</h3>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="inventory-table">
                    <thead><tr>
                        <th>{move || t(lang.get(), T::Product)}</th>
                        <th class="num">{move || t(lang.get(), T::ReorderPoint)}</th>
                        <th class="num">{move || t(lang.get(), T::OrderQuantity)}</th>
                        <th class="num">{move || t(lang.get(), T::Cost)}</th>
                        <th class="num">{move || t(lang.get(), T::FillRate)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{move || t(lang.get(), T::StockLevel)}</h3>
            <Choice label=T::Product value=state.shown options=Signal::derive(move || product_options.clone()) test_id="inventory-shown" />
            <CanvasChart
                label=Signal::derive(move || t(lang.get(), T::StockLevel).to_string())
                file_name="inventory-stock.png"
                draw=draw
                height=280.0
                test_id="inventory-stock"
            />
            <details>
                <summary>{move || t(lang.get(), T::AsTable)}</summary>
                <div class="table-scroll" tabindex="0">
                    <table class="grid">
                        <thead><tr>
                            <th class="num">{move || t(lang.get(), T::Day)}</th>
                            <th class="num">{move || t(lang.get(), T::Baseline)}</th>
                            <th class="num">{move || t(lang.get(), T::Optimised)}</th>
                        </tr></thead>
                        <tbody>{stock_rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// Shows inventory policies (fresh, or kept from before a reload).
pub(super) fn show(state: InventoryState, output: Output) {
    if let Output::Operations(OperationOutput::Inventory {
        plan, elapsed_ms, ..
    }) = output
    {
        state.shown.set("0".into());
        state.result.set(Some(InventoryResult {
            plan: *plan,
            elapsed_ms,
        }));
    }
}

/// Shows kept inventory policies with the settings that made them.
pub(super) fn restore(state: InventoryState, job: Job, output: Output) {
    if let Job::Operations(OperationJob::Inventory {
        demand,
        columns: [product, date, quantity],
        products,
        params,
    }) = job
    {
        let demand_example = [("optimize_inventory_demand.csv", EXAMPLE_DEMAND, "example")];
        fill_source(
            state.demand_source,
            state.demand_file,
            &demand,
            &demand_example,
            "file",
        );
        let products_example = [(
            "optimize_inventory_products.csv",
            EXAMPLE_PRODUCTS,
            "example",
        )];
        fill_source(
            state.products_source,
            state.products_file,
            &products,
            &products_example,
            "file",
        );
        state.product_column.set(product);
        state.date_column.set(date);
        state.quantity_column.set(quantity);
        state.service.set(params.service_level.to_string());
        state.budget.set(opt_text(params.budget));
        state.capacity.set(opt_text(params.capacity));
        state.ga.fill(&params.ga);
    }
    show(state, output);
}
