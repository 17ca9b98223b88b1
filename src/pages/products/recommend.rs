//! The recommendations section: choose the columns and settings, run, read hit rate@10 and
//! recall@10 on held-out last orders beside the best-seller baseline, look up customers'
//! lists and export them all as CSV for a CRM or an e-mail tool.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::products::export::{reason, recommendations_csv};
use shoplens_core::products::{BasketUnit, RecommendParams};

use super::columns::{choice, number_or, ColumnChoice, NumberField};
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent, stat};
use crate::components::{DownloadJob, JobPanel};
use crate::i18n::products::{t, ProductText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::products::{
    ProductJob, ProductOutput, RecommendRequest, RecommendView,
};
use crate::worker::protocol::{Job, Output};

/// Customers listed on screen (the export has them all).
const LISTED: usize = 50;

/// The recommendations section.
#[component]
pub fn RecommendSection() -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<RecommendView>>> = RwSignal::new(None);
    let defaults = RecommendParams::default();
    let customer = RwSignal::new(String::new());
    let product = RwSignal::new(String::new());
    let order = RwSignal::new(String::new());
    let top = RwSignal::new(defaults.top.to_string());
    let basket = RwSignal::new(defaults.basket);
    // Blank: core chooses it on a validation split and says why in the results.
    let min_together = RwSignal::new(
        defaults
            .min_together
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let keep_non_products = RwSignal::new(false);
    let show = move |output: Output| {
        if let Output::Products(ProductOutput::Recommend(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("products.recommend", move |job, output| {
        if let Job::Products(ProductJob::Recommend(job)) = job {
            customer.set(job.customer_column);
            product.set(job.product_column);
            order.set(job.order_column);
            top.set(job.params.top.to_string());
            basket.set(job.params.basket);
            keep_non_products.set(job.keep_non_products);
            min_together.set(
                job.params
                    .min_together
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            );
        }
        show(output);
    });
    let run = move |_| {
        // A box left blank or not a whole number becomes 0, which core refuses in both
        // languages with the setting's name.
        let whole = |text: String| number_or(&text, 0.0).max(0.0) as usize;
        let request = RecommendRequest {
            customer_column: customer.get(),
            product_column: product.get(),
            date_column: String::new(),
            quantity_column: String::new(),
            order_column: order.get(),
            params: RecommendParams {
                top: whole(top.get()),
                basket: basket.get(),
                min_together: {
                    let text = min_together.get();
                    (!text.trim().is_empty()).then(|| whole(text) as u32)
                },
                ..RecommendParams::default()
            },
            keep_non_products: keep_non_products.get(),
        };
        run_task(
            Job::Products(ProductJob::Recommend(request)),
            t(lang.get_untracked(), T::RecTitle).to_string(),
            status,
            show,
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card" data-testid="rec-section">
            <h2>{move || t(lang.get(), T::RecTitle)}</h2>
            <p class="lead">{move || t(lang.get(), T::RecIntro)}</p>
            <div class="fields">
                <ColumnChoice label=T::CustomerColumn value=customer test_id="rec-customer" />
                <ColumnChoice label=T::ProductColumn value=product test_id="rec-product" />
                <ColumnChoice label=T::OrderColumn value=order test_id="rec-order" />
            </div>
            <div class="fields">
                <NumberField label=T::TopN value=top step="1" test_id="rec-top" />
                {choice(
                    basket,
                    vec![
                        ("order", T::BasketOrder, BasketUnit::Order),
                        ("customer", T::BasketCustomer, BasketUnit::Customer),
                    ],
                    T::Basket,
                    "rec-basket",
                )}
                <NumberField label=T::MinTogether value=min_together step="1" test_id="rec-min-together" />
                <label class="field check">
                    <input type="checkbox" data-testid="rec-keep-non-products" prop:checked=move || keep_non_products.get() on:change=move |ev| keep_non_products.set(event_target_checked(&ev)) />
                    <span>{move || t(lang.get(), T::KeepNonProducts)}</span>
                </label>
            </div>
            <button type="button" class="button primary" data-testid="rec-run" on:click=run>
                {move || t(lang.get(), T::RunRec)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <RecommendResults view=view /> })}
    }
}

#[component]
fn RecommendResults(view: Arc<RecommendView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let query = RwSignal::new(String::new());
    let r = &view.result;
    let e = r.evaluation.clone();
    let export_view = view.clone();
    let export = move |_| {
        let lang = lang.get_untracked();
        download_csv(
            &recommendations_csv(&export_view.result.recommendations, lang),
            t(lang, T::RecFileName),
        );
    };
    let list_view = view.clone();
    // The rows of the first LISTED customers whose id contains the query.
    let rows = move || {
        let query = query.get();
        let query = query.trim();
        let mut customers = 0;
        let mut last: Option<&str> = None;
        let mut out = Vec::new();
        for rec in &list_view.result.recommendations {
            if !query.is_empty() && !rec.customer.contains(query) {
                continue;
            }
            if last != Some(rec.customer.as_str()) {
                customers += 1;
                if customers > LISTED {
                    break;
                }
                last = Some(rec.customer.as_str());
            }
            out.push(rec.clone());
        }
        out
    };
    let metric_row = move |name: T,
                           test_id: &'static str,
                           m: shoplens_core::products::recommend::Metrics| {
        view! {
            <tr data-testid=test_id>
                <th>{move || t(lang.get(), name)}</th>
                <td class="num" data-testid=format!("{test_id}-hit") data-value=m.hit_rate.to_string()>{percent(100.0 * m.hit_rate)}</td>
                <td class="num" data-testid=format!("{test_id}-recall") data-value=m.recall.to_string()>{percent(100.0 * m.recall)}</td>
            </tr>
        }
    };
    view! {
        <section class="card" data-testid="rec-results">
            <DownloadJob key="products.recommend" name="recommend" />
            <h2>{move || t(lang.get(), T::RecResultsTitle)}</h2>
            <table class="grid" data-testid="rec-evaluation">
                <thead>
                    <tr>
                        <th>{move || t(lang.get(), T::Model)}</th>
                        <th class="num">{move || t(lang.get(), T::HitRate)}</th>
                        <th class="num">{move || t(lang.get(), T::Recall)}</th>
                    </tr>
                </thead>
                <tbody>
                    {metric_row(T::CoPurchase, "rec-model", e.recommender)}
                    {metric_row(T::Popularity, "rec-popular", e.popularity)}
                </tbody>
            </table>
            <p class="hint" data-testid="rec-held-out-note">{move || t(lang.get(), T::HeldOutNote)}</p>
            {r.selection.clone().map(|selection| view! {
                <p class="hint" data-testid="rec-selection">{move || selection.describe(lang.get())}</p>
            })}
            {(!view.left_out.is_empty()).then(|| {
                let left_out = view.left_out.clone();
                view! {
                    <p class="hint" data-testid="rec-left-out">
                        {move || t(lang.get(), T::LeftOut)}
                        {left_out
                            .iter()
                            .enumerate()
                            .map(|(i, item)| {
                                let reason = item.reason;
                                let lines = item.lines as u64;
                                view! {
                                    {(i > 0).then_some(", ")}
                                    <span data-testid="rec-left-out-item" data-product=item.product.clone()>
                                        {item.product.clone()}
                                        {move || format!(" ({}, {} {})", reason.label(lang.get()), grouped(lines), t(lang.get(), T::LinesWord))}
                                    </span>
                                }
                            })
                            .collect_view()}
                    </p>
                }
            })}
            <dl class="facts">
                <Fact label=T::Evaluated value=grouped(e.customers as u64) test_id="rec-evaluated" raw=e.customers as f64 />
                <Fact label=T::SingleOrder value=grouped(e.single_order as u64) test_id="rec-single" />
                <Fact label=T::NothingNew value=grouped(e.nothing_new as u64) test_id="rec-nothing-new" />
                <Fact label=T::Customers value=grouped(r.customers as u64) test_id="rec-customers" raw=r.customers as f64 />
                <Fact label=T::Products value=grouped(r.products as u64) test_id="rec-products" />
                <Fact label=T::Pairs value=grouped(r.pairs as u64) test_id="rec-pairs" />
                <Fact label=T::PopularOnly value=grouped(r.popular_only as u64) test_id="rec-popular-only" />
                <Fact label=T::Time value=format!("{:.0} ms", view.ms) test_id="rec-ms" />
            </dl>
            <label class="field">
                <span>{move || t(lang.get(), T::FindCustomer)}</span>
                <input
                    type="search"
                    data-testid="rec-find"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <p class="hint">{move || t(lang.get(), T::FirstCustomers)}</p>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="rec-table">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::Customer)}</th>
                            <th class="num">{move || t(lang.get(), T::Rank)}</th>
                            <th>{move || t(lang.get(), T::Product)}</th>
                            <th class="num">{move || t(lang.get(), T::Score)}</th>
                            <th>{move || t(lang.get(), T::Reason)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows()
                                .into_iter()
                                .map(|rec| {
                                    let why = rec.clone();
                                    view! {
                                        <tr>
                                            <th>{rec.customer.clone()}</th>
                                            <td class="num">{rec.rank}</td>
                                            <td>{rec.product.clone()}</td>
                                            <td class="num">{stat(rec.score)}</td>
                                            <td>{move || reason(&why, lang.get())}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" data-testid="rec-export" on:click=export>
                {move || t(lang.get(), T::ExportRecs)}
            </button>
        </section>
    }
}
