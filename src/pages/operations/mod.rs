//! The Operations page: four tools, one tab each, every one run in the worker with progress,
//! Cancel and a seed the user sees and can change.
//!
//! - [`forecast`]: demand forecasts with automatic model choice by backtest MASE;
//! - [`inventory`]: (R, Q) policies of many products tuned by the genetic algorithm;
//! - [`routes`]: delivery routes by simulated annealing, drawn on a map;
//! - [`budget`]: response curves per channel and a budget split by GA and greedy.
//!
//! Each tab's inputs and results live in a small `Copy` struct of signals created here, so
//! switching tabs keeps them.

mod budget;
mod common;
mod forecast;
mod inventory;
mod routes;

use leptos::prelude::*;

use crate::i18n::operations::{t, OperationText};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::cancel_task;

/// The tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Forecast,
    Inventory,
    Routes,
    Budget,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Forecast, Tab::Inventory, Tab::Routes, Tab::Budget];

    fn label(self) -> OperationText {
        match self {
            Tab::Forecast => OperationText::TabForecast,
            Tab::Inventory => OperationText::TabInventory,
            Tab::Routes => OperationText::TabRoutes,
            Tab::Budget => OperationText::TabBudget,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Tab::Forecast => "forecast",
            Tab::Inventory => "inventory",
            Tab::Routes => "routes",
            Tab::Budget => "budget",
        }
    }
}

/// The job statuses of the four tabs. They share one worker, so cancelling one job ends
/// whatever else was queued: every running status is marked cancelled.
#[derive(Debug, Clone, Copy)]
pub struct Jobs {
    all: [RwSignal<JobStatus>; 4],
}

impl Jobs {
    fn new() -> Jobs {
        Jobs {
            all: std::array::from_fn(|_| RwSignal::new(JobStatus::Idle)),
        }
    }

    fn of(&self, tab: Tab) -> RwSignal<JobStatus> {
        self.all[tab as usize]
    }

    /// Terminates the worker and marks every running job cancelled.
    pub fn cancel(&self, status: RwSignal<JobStatus>) {
        cancel_task(status);
        for other in self.all {
            if other.get_untracked().is_running() {
                other.set(JobStatus::Cancelled);
            }
        }
    }
}

/// The Operations page.
#[component]
pub fn OperationsPage() -> impl IntoView {
    let app = use_app_state();
    let lang = app.lang;
    // A route file handed over from the Data page opens on Delivery routes.
    let first = if app.data.route_file.with_untracked(Option::is_some) {
        Tab::Routes
    } else {
        Tab::Forecast
    };
    let tab = RwSignal::new(first);
    let jobs = Jobs::new();
    let forecast_state = forecast::ForecastState::new();
    let inventory_state = inventory::InventoryState::new();
    let routes_state = routes::RoutesState::new();
    let budget_state = budget::BudgetState::new();
    // The tabs' kept results and settings (a picked file comes back with its text, which
    // the job carried).
    results::restore("operations.forecast", move |job, output| {
        forecast::restore(forecast_state, job, output)
    });
    results::restore("operations.inventory", move |job, output| {
        inventory::restore(inventory_state, job, output)
    });
    results::restore("operations.routes", move |job, output| {
        routes::restore(routes_state, job, output)
    });
    results::restore("operations.budget", move |job, output| {
        budget::restore(budget_state, job, output)
    });

    view! {
        <section class="card intro">
            <h1>{move || t(lang.get(), OperationText::Title)}</h1>
            <p class="lead">{move || t(lang.get(), OperationText::Intro)}</p>
            <div
                class="tabs"
                role="tablist"
                aria-label=move || t(lang.get(), OperationText::Tools)
            >
                {Tab::ALL
                    .into_iter()
                    .map(|each| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                class="tab"
                                class:active=move || tab.get() == each
                                aria-selected=move || (tab.get() == each).to_string()
                                data-testid=format!("tab-{}", each.slug())
                                on:click=move |_| tab.set(each)
                            >
                                {move || t(lang.get(), each.label())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
        {move || match tab.get() {
            Tab::Forecast => view! {
                <forecast::ForecastTab state=forecast_state status=jobs.of(Tab::Forecast) jobs=jobs />
            }
            .into_any(),
            Tab::Inventory => view! {
                <inventory::InventoryTab state=inventory_state status=jobs.of(Tab::Inventory) jobs=jobs />
            }
            .into_any(),
            Tab::Routes => view! {
                <routes::RoutesTab state=routes_state status=jobs.of(Tab::Routes) jobs=jobs />
            }
            .into_any(),
            Tab::Budget => view! {
                <budget::BudgetTab state=budget_state status=jobs.of(Tab::Budget) jobs=jobs />
            }
            .into_any(),
        }}
    }
}
