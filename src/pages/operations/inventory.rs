//! The inventory tab: daily demand (a file, the loaded table or the built-in example) and a
//! products file, or products built from the loaded order export (with the template to
//! download and its columns explained); the genetic algorithm's parameters under
//! "Advanced"; in-sample against out-of-sample cost and fill rate with a recommendation,
//! the convergence chart and each product's stock level over the history.

use leptos::prelude::*;
use shoplens_core::optimize::inventory::{
    products_csv, InventoryParams, InventoryPlan, Item, Policy, ProductDefaults, Recommendation,
};

use super::common::{
    fill_source, header_columns, input_error, num, opt_text, parse_opt, parse_req, Choice,
    ConvergenceChart, Field, FilePicker, GaFields, GaSettings, PickedFile, Stat,
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
    products: Vec<Item>,
}

/// The products file template: the header [`items_from_table`] reads and one example row.
///
/// [`items_from_table`]: shoplens_core::optimize::inventory::items_from_table
fn template_csv() -> String {
    let example = Item {
        id: "SKU-1".into(),
        unit_cost: 2.5,
        order_cost: 30.0,
        holding_rate: 0.25,
        lead_time: 7,
        case_pack: 12.0,
        min_order: 24.0,
        stockout_cost: 2.5,
        volume: 1.0,
    };
    products_csv(&[example])
}

/// The fields of [`ProductDefaults`] as text.
#[derive(Debug, Clone, Copy)]
struct BuildFields {
    cost_share: RwSignal<String>,
    order_cost: RwSignal<String>,
    holding_rate: RwSignal<String>,
    lead_time: RwSignal<String>,
    case_pack: RwSignal<String>,
    min_order: RwSignal<String>,
    max_products: RwSignal<String>,
}

impl BuildFields {
    fn new() -> BuildFields {
        let d = ProductDefaults::new();
        BuildFields {
            cost_share: RwSignal::new(d.cost_share.to_string()),
            order_cost: RwSignal::new(d.order_cost.to_string()),
            holding_rate: RwSignal::new(d.holding_rate.to_string()),
            lead_time: RwSignal::new(d.lead_time.to_string()),
            case_pack: RwSignal::new(d.case_pack.to_string()),
            min_order: RwSignal::new(d.min_order.to_string()),
            max_products: RwSignal::new(d.max_products.to_string()),
        }
    }

    fn fill(&self, d: &ProductDefaults) {
        self.cost_share.set(d.cost_share.to_string());
        self.order_cost.set(d.order_cost.to_string());
        self.holding_rate.set(d.holding_rate.to_string());
        self.lead_time.set(d.lead_time.to_string());
        self.case_pack.set(d.case_pack.to_string());
        self.min_order.set(d.min_order.to_string());
        self.max_products.set(d.max_products.to_string());
    }

    fn defaults(&self, lang: shoplens_core::Lang) -> Result<ProductDefaults, String> {
        Ok(ProductDefaults {
            cost_share: parse_req(lang, T::CostShare, &self.cost_share.get_untracked())?,
            order_cost: parse_req(lang, T::OrderCost, &self.order_cost.get_untracked())?,
            holding_rate: parse_req(lang, T::HoldingRate, &self.holding_rate.get_untracked())?,
            lead_time: parse_req(lang, T::LeadTime, &self.lead_time.get_untracked())?,
            case_pack: parse_req(lang, T::CasePack, &self.case_pack.get_untracked())?,
            min_order: parse_req(lang, T::MinOrder, &self.min_order.get_untracked())?,
            max_products: parse_req(lang, T::MaxProducts, &self.max_products.get_untracked())?,
        })
    }
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
    price_column: RwSignal<String>,
    build: BuildFields,
    holdout: RwSignal<String>,
    shifts: RwSignal<String>,
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
            product_column: RwSignal::new(String::new()),
            date_column: RwSignal::new(String::new()),
            quantity_column: RwSignal::new(String::new()),
            price_column: RwSignal::new(String::new()),
            build: BuildFields::new(),
            holdout: RwSignal::new(d.holdout.to_string()),
            shifts: RwSignal::new(d.shifts.to_string()),
            // Blank: each product's level from its ABC/XYZ class (core's default).
            service: RwSignal::new(if d.service_level_by_class {
                String::new()
            } else {
                d.service_level.to_string()
            }),
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
    let app = use_app_state();
    let lang = app.lang;
    let loaded = app.data.table;
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
            ("build".into(), t(lang, T::BuildFromOrders).to_string()),
        ]
    });
    // Building products needs an order export: the example demand has no prices.
    Effect::new(move || {
        if state.products_source.get() == "build"
            && state.demand_source.get_untracked() == "example"
        {
            state.demand_source.set("loaded".into());
        }
    });
    let building = Signal::derive(move || state.products_source.get() == "build");
    // Column choices: the columns of the demand the run will read, "auto" first.
    let column_options = Signal::derive(move || {
        let names: Vec<String> = match state.demand_source.get().as_str() {
            "loaded" => loaded.with(|s| {
                s.as_ref()
                    .map(|s| s.columns.iter().map(|c| c.name.clone()).collect())
                    .unwrap_or_default()
            }),
            "file" => state.demand_file.with(|f| {
                f.as_ref()
                    .map(|f| header_columns(&f.text))
                    .unwrap_or_default()
            }),
            _ => header_columns(EXAMPLE_DEMAND),
        };
        let mut options = vec![(String::new(), t(lang.get(), T::Auto).to_string())];
        options.extend(names.into_iter().map(|n| (n.clone(), n)));
        options
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
        let build = match state.products_source.get_untracked().as_str() {
            "build" => match state.build.defaults(lang) {
                Ok(d) => Some(d),
                Err(message) => return fail(message),
            },
            _ => None,
        };
        let products = match state.products_source.get_untracked().as_str() {
            "build" => Source::Loaded,
            "file" => match state.products_file.get_untracked() {
                Some(f) => f.source(),
                None => return fail(t(lang, T::NeedFile).into()),
            },
            _ => example("optimize_inventory_products.csv", EXAMPLE_PRODUCTS),
        };
        let params = (|| -> Result<InventoryParams, String> {
            let service = state.service.get_untracked();
            let by_class = service.trim().is_empty();
            Ok(InventoryParams {
                service_level: if by_class {
                    InventoryParams::new().service_level
                } else {
                    parse_req(lang, T::ServiceLevel, &service)?
                },
                service_level_by_class: by_class,
                budget: parse_opt(lang, T::BudgetCap, &state.budget.get_untracked())?,
                capacity: parse_opt(lang, T::SpaceCap, &state.capacity.get_untracked())?,
                ga: state.ga.params(lang)?,
                holdout: parse_req(lang, T::Holdout, &state.holdout.get_untracked())?,
                shifts: parse_req(lang, T::Shifts, &state.shifts.get_untracked())?,
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
            build,
            price_column: state.price_column.get_untracked(),
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
                <Choice label=T::ProductColumn value=state.product_column options=column_options test_id="inventory-product-col" />
                <Choice label=T::DateColumn value=state.date_column options=column_options test_id="inventory-date-col" />
                <Choice label=T::QuantityColumn value=state.quantity_column options=column_options test_id="inventory-quantity-col" />
                <Field label=T::ServiceLevel value=state.service test_id="inventory-service" placeholder=T::ByClass />
                <Field label=T::BudgetCap value=state.budget test_id="inventory-budget" placeholder=T::Optional />
                <Field label=T::SpaceCap value=state.capacity test_id="inventory-capacity" placeholder=T::Optional />
            </div>
            <Show when=move || building.get()>
                <fieldset class="settings" data-testid="inventory-build">
                    <legend>{move || t(lang.get(), T::BuildFromOrders)}</legend>
                    <p class="hint">{move || t(lang.get(), T::BuildNote)}</p>
                    <Choice label=T::PriceColumn value=state.price_column options=column_options test_id="inventory-price-col" />
                    <Field label=T::CostShare value=state.build.cost_share test_id="inventory-cost-share" />
                    <Field label=T::OrderCost value=state.build.order_cost test_id="inventory-order-cost" />
                    <Field label=T::HoldingRate value=state.build.holding_rate test_id="inventory-holding-rate" />
                    <Field label=T::LeadTime value=state.build.lead_time test_id="inventory-lead-time" />
                    <Field label=T::CasePack value=state.build.case_pack test_id="inventory-case-pack" />
                    <Field label=T::MinOrder value=state.build.min_order test_id="inventory-min-order" />
                    <Field label=T::MaxProducts value=state.build.max_products test_id="inventory-max-products" />
                </fieldset>
            </Show>
            <details class="template-help">
                <summary>{move || t(lang.get(), T::TemplateColumns)}</summary>
                <dl class="columns-help" data-testid="inventory-template-columns">
                    {[
                        ("product", T::ColProduct),
                        ("unit_cost", T::ColUnitCost),
                        ("order_cost", T::ColOrderCost),
                        ("holding_rate", T::ColHoldingRate),
                        ("lead_time", T::ColLeadTime),
                        ("case_pack", T::ColCasePack),
                        ("min_order", T::ColMinOrder),
                        ("stockout_cost", T::ColStockoutCost),
                        ("volume", T::ColVolume),
                    ]
                        .into_iter()
                        .map(|(name, text)| view! { <dt><code>{name}</code></dt><dd>{move || t(lang.get(), text)}</dd> })
                        .collect_view()}
                </dl>
                <button type="button" class="button small" data-testid="inventory-template"
                    on:click=move |_| download_csv(&template_csv(), "products-template.csv")>
                    {move || t(lang.get(), T::DownloadTemplate)}
                </button>
            </details>
            <details data-testid="inventory-advanced">
                <summary>{move || t(lang.get(), T::Advanced)}</summary>
                <div class="settings-grid">
                    <Field label=T::Holdout value=state.holdout test_id="inventory-holdout" />
                    <Field label=T::Shifts value=state.shifts test_id="inventory-shifts" />
                </div>
                <GaSettings fields=state.ga prefix="inventory" />
            </details>
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
    let products = StoredValue::new(result.products.clone());
    let p = &result.plan;
    let sample = sample_view(p);
    let elapsed = format!("{:.2} s", result.elapsed_ms / 1000.0);
    let seed = p.seed.to_string();
    let best = p.run.history.best.clone();
    let mean = p.run.history.current.clone();
    let baseline_feasible = p.baseline_feasible;
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
                    <td data-testid="inventory-class">{i.class.clone().unwrap_or_default()}</td>
                    <td class="num" data-testid="inventory-level">{num(i.service_level, 2)}</td>
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
            {sample}
            <div class="actions">
                <button type="button" class="button small" data-testid="inventory-products-download"
                    on:click=move |_| products.with_value(|p| download_csv(&products_csv(p), "products.csv"))>
                    {move || t(lang.get(), T::DownloadProducts)}
                </button>
            </div>
            <dl class="facts">
                <Stat label=T::Elapsed value=Signal::derive(move || elapsed.clone()) test_id="inventory-elapsed" />
                <Stat label=T::SeedUsed value=Signal::derive(move || seed.clone()) test_id="inventory-seed-used" />
            </dl>
            {(!baseline_feasible).then(|| view! { <p class="hint">{move || t(lang.get(), T::BaselineInfeasible)}</p> })}
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
                        <th>{move || t(lang.get(), T::Class)}</th>
                        <th class="num">{move || t(lang.get(), T::ServiceLevelShort)}</th>
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
        plan,
        elapsed_ms,
        products,
        ..
    }) = output
    {
        state.shown.set("0".into());
        state.result.set(Some(InventoryResult {
            plan: *plan,
            elapsed_ms,
            products,
        }));
    }
}

/// Shows kept inventory policies with the settings that made them.
pub(super) fn restore(state: InventoryState, job: Job, output: Output) {
    if let Job::Operations(OperationJob::Inventory {
        demand,
        columns: [product, date, quantity],
        products,
        build,
        price_column,
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
        if let Some(d) = &build {
            state.products_source.set("build".into());
            state.build.fill(d);
        }
        state.price_column.set(price_column);
        state.holdout.set(params.holdout.to_string());
        state.shifts.set(params.shifts.to_string());
        state.product_column.set(product);
        state.date_column.set(date);
        state.quantity_column.set(quantity);
        state.service.set(if params.service_level_by_class {
            String::new()
        } else {
            params.service_level.to_string()
        });
        state.budget.set(opt_text(params.budget));
        state.capacity.set(opt_text(params.capacity));
        state.ga.fill(&params.ga);
    }
    show(state, output);
}

/// In-sample against out-of-sample figures, side by side, with the verdict.
fn sample_view(p: &InventoryPlan) -> impl IntoView {
    let lang = use_app_state().lang;
    let percent = |v: f64| format!("{v:.1} %");
    let in_days = p.evaluation.as_ref().map_or(
        p.items
            .first()
            .map_or(0, |i| i.optimised_simulation.stock.len()),
        |e| e.training_days,
    );
    let in_sample = [
        num(p.baseline_cost, 2),
        num(p.optimised_cost, 2),
        percent(p.savings_percent),
        num(p.baseline_fill_rate, 3),
        num(p.optimised_fill_rate, 3),
    ];
    let out_sample = p.evaluation.as_ref().map(|e| {
        [
            num(e.baseline.cost, 2),
            num(e.optimised.cost, 2),
            percent(e.savings_percent),
            num(e.baseline.fill_rate, 3),
            num(e.optimised.fill_rate, 3),
        ]
    });
    let rows = [
        T::BaselineCost,
        T::OptimisedCost,
        T::SavingVsBaseline,
        T::BaselineFill,
        T::OptimisedFill,
    ]
    .into_iter()
    .enumerate()
    .map(|(i, label)| {
        let inside = in_sample[i].clone();
        let outside = out_sample.as_ref().map(|o| o[i].clone());
        view! {
            <tr>
                <th scope="row">{move || t(lang.get(), label)}</th>
                <td class="num" data-testid="inventory-in-sample">{inside}</td>
                {outside.map(|o| view! { <td class="num" data-testid="inventory-out-of-sample">{o}</td> })}
            </tr>
        }
    })
    .collect_view();
    let evaluation = p.evaluation.clone();
    let out_days = evaluation.as_ref().map(|e| e.held_out_days);
    let needed = p.holdout_days_needed;
    let verdict = evaluation.clone().map(|e| {
        let s = e.shifts.clone();
        let keep = e.recommendation == Recommendation::Baseline;
        view! {
            <p class="hint" data-testid="inventory-shifts">
                {move || fill(t(lang.get(), T::ShiftsSummary), &[
                    ("count", s.count.to_string()),
                    ("mean", format!("{:.1} %", s.mean_savings_percent)),
                    ("worst", format!("{:.1} %", s.worst_savings_percent)),
                    ("worse", s.worse_than_baseline.to_string()),
                    ("below", s.below_fill_target.to_string()),
                    ("base_below", s.baseline_below_fill_target.to_string()),
                ])}
            </p>
            <p class=if keep { "notice warning" } else { "notice" } role="status"
                data-testid="inventory-recommendation" data-recommendation=if keep { "baseline" } else { "optimised" }>
                {move || t(lang.get(), if keep { T::RecommendBaseline } else { T::RecommendOptimised })}
            </p>
        }
    });
    view! {
        <h3>{move || t(lang.get(), T::SampleHeading)}</h3>
        {needed.filter(|_| evaluation.is_none()).map(|days| view! {
            <p class="notice warning" data-testid="inventory-in-sample-only">
                {move || fill(t(lang.get(), T::InSampleOnly), &[("days", days.to_string())])}
            </p>
        })}
        <div class="table-scroll" tabindex="0">
            <table class="grid" data-testid="inventory-sample-table">
                <thead><tr>
                    <th>{move || t(lang.get(), T::Measure)}</th>
                    <th class="num" data-testid="inventory-in-sample-head">{move || fill(t(lang.get(), T::InSample), &[("days", in_days.to_string())])}</th>
                    {out_days.map(|days| view! {
                        <th class="num" data-testid="inventory-out-of-sample-head">{move || fill(t(lang.get(), T::OutOfSample), &[("days", days.to_string())])}</th>
                    })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {verdict}
    }
}
