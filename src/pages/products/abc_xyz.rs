//! The ABC/XYZ section: choose the columns, the measure, the period and the thresholds,
//! run, read the 3×3 matrix (chart and table), pick a cell by click or keyboard to list its
//! products, export a cell or every product as CSV.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::products::export::abc_xyz_csv;
use shoplens_core::products::{Abc, AbcXyzParams, Measure, Period, Xyz};

use super::columns::{choice, number_or, ColumnChoice, NumberField};
use super::whole_money;
use crate::charts::abc_xyz_matrix::{AbcXyzMatrix, MatrixCellView, MatrixData};
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent, stat};
use crate::components::{DownloadJob, JobPanel};
use crate::i18n::products::{t, ProductText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::products::{AbcXyzRequest, AbcXyzView, ProductJob, ProductOutput};
use crate::worker::protocol::{Job, Output};

/// Products listed per cell on screen (the export has them all).
const LISTED: usize = 200;

/// The ABC/XYZ section.
#[component]
pub fn AbcXyzSection() -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<AbcXyzView>>> = RwSignal::new(None);
    let defaults = AbcXyzParams::default();
    let product = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let quantity = RwSignal::new(String::new());
    let price = RwSignal::new(String::new());
    let cost = RwSignal::new(String::new());
    let by = RwSignal::new(Measure::Revenue);
    let period = RwSignal::new(Period::Month);
    let a_share = RwSignal::new(defaults.a_share.to_string());
    let b_share = RwSignal::new(defaults.b_share.to_string());
    let x_max = RwSignal::new(defaults.x_max_cv.to_string());
    let y_max = RwSignal::new(defaults.y_max_cv.to_string());
    let show = move |output: Output| {
        if let Output::Products(ProductOutput::AbcXyz(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("products.abc_xyz", move |job, output| {
        if let Job::Products(ProductJob::AbcXyz(job)) = job {
            product.set(job.product_column);
            date.set(job.date_column);
            quantity.set(job.quantity_column);
            price.set(job.price_column);
            cost.set(job.cost_column);
            by.set(job.params.by);
            period.set(job.params.period);
            a_share.set(job.params.a_share.to_string());
            b_share.set(job.params.b_share.to_string());
            x_max.set(job.params.x_max_cv.to_string());
            y_max.set(job.params.y_max_cv.to_string());
        }
        show(output);
    });
    let run = move |_| {
        let request = AbcXyzRequest {
            product_column: product.get(),
            date_column: date.get(),
            quantity_column: quantity.get(),
            price_column: price.get(),
            amount_column: String::new(),
            cost_column: cost.get(),
            params: AbcXyzParams {
                by: by.get(),
                period: period.get(),
                a_share: number_or(&a_share.get(), f64::NAN),
                b_share: number_or(&b_share.get(), f64::NAN),
                x_max_cv: number_or(&x_max.get(), f64::NAN),
                y_max_cv: number_or(&y_max.get(), f64::NAN),
            },
        };
        run_task(
            Job::Products(ProductJob::AbcXyz(request)),
            t(lang.get_untracked(), T::AbcTitle).to_string(),
            status,
            show,
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card" data-testid="abc-section">
            <h2>{move || t(lang.get(), T::AbcTitle)}</h2>
            <p class="lead">{move || t(lang.get(), T::AbcIntro)}</p>
            <div class="fields">
                <ColumnChoice label=T::ProductColumn value=product test_id="abc-product" />
                <ColumnChoice label=T::DateColumn value=date test_id="abc-date" />
                <ColumnChoice label=T::QuantityColumn value=quantity test_id="abc-quantity" />
                <ColumnChoice label=T::PriceColumn value=price test_id="abc-price" />
                <ColumnChoice label=T::CostColumn value=cost test_id="abc-cost" />
            </div>
            <div class="fields">
                {choice(
                    by,
                    vec![
                        ("revenue", T::ByRevenue, Measure::Revenue),
                        ("quantity", T::ByQuantity, Measure::Quantity),
                        ("margin", T::ByMargin, Measure::Margin),
                    ],
                    T::RankBy,
                    "abc-by",
                )}
                {choice(
                    period,
                    vec![("month", T::Month, Period::Month), ("week", T::Week, Period::Week)],
                    T::Period,
                    "abc-period",
                )}
                <NumberField label=T::AShare value=a_share step="0.05" test_id="abc-a-share" />
                <NumberField label=T::BShare value=b_share step="0.05" test_id="abc-b-share" />
                <NumberField label=T::XMaxCv value=x_max step="0.1" test_id="abc-x-max" />
                <NumberField label=T::YMaxCv value=y_max step="0.1" test_id="abc-y-max" />
            </div>
            <button type="button" class="button primary" data-testid="abc-run" on:click=run>
                {move || t(lang.get(), T::RunAbc)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <AbcXyzResults view=view /> })}
    }
}

#[component]
fn AbcXyzResults(view: Arc<AbcXyzView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let r = &view.result;
    // The list opens on the cell that carries the most revenue (AX is often empty).
    let heaviest = r
        .matrix
        .iter()
        .filter(|cell| cell.products > 0)
        .max_by(|a, b| a.revenue.total_cmp(&b.revenue))
        .map(|cell| (cell.abc as usize, cell.xyz as usize));
    let picked: RwSignal<Option<(usize, usize)>> = RwSignal::new(heaviest);
    let chart_view = view.clone();
    let data = Signal::derive(move || {
        let lang = lang.get();
        let mut cells: [[MatrixCellView; 3]; 3] = Default::default();
        for cell in &chart_view.result.matrix {
            cells[cell.abc as usize][cell.xyz as usize] = MatrixCellView {
                products: cell.products,
                revenue: whole_money(cell.revenue),
                share: cell.revenue_share,
            };
        }
        Arc::new(MatrixData {
            cells,
            products_word: t(lang, T::Products).to_string(),
        })
    });
    let export_all_view = view.clone();
    let export_all = move |_| {
        let lang = lang.get_untracked();
        download_csv(
            &abc_xyz_csv(&export_all_view.result, None, lang),
            t(lang, T::AbcFileName),
        );
    };
    let export_cell_view = view.clone();
    let export_cell = move |_| {
        let Some((row, column)) = picked.get_untracked() else {
            return;
        };
        let lang = lang.get_untracked();
        let cell = (Abc::ALL[row], Xyz::ALL[column]);
        let name = format!(
            "{}{}-{}",
            cell.0.as_str(),
            cell.1.as_str(),
            t(lang, T::AbcFileName)
        );
        download_csv(
            &abc_xyz_csv(&export_cell_view.result, Some(cell), lang),
            &name,
        );
    };
    let list_view = view.clone();
    let listed = move || {
        let (row, column) = picked.get()?;
        let (abc, xyz) = (Abc::ALL[row], Xyz::ALL[column]);
        Some(
            list_view
                .result
                .products
                .iter()
                .filter(|p| p.abc == abc && p.xyz == xyz)
                .take(LISTED)
                .cloned()
                .collect::<Vec<_>>(),
        )
    };
    let cells = r.matrix.clone();
    let buttons = r.matrix.clone();
    let measure_is_money = r.params.by != Measure::Quantity;
    view! {
        <section class="card" data-testid="abc-results">
            <DownloadJob key="products.abc_xyz" name="abc-xyz" />
            <h2>{move || t(lang.get(), T::AbcResultsTitle)}</h2>
            <dl class="facts">
                <Fact label=T::Products value=grouped(r.products.len() as u64) test_id="abc-products" raw=r.products.len() as f64 />
                <Fact label=T::Lines value=grouped(view.lines as u64) test_id="abc-lines" />
                <Fact label=T::Returns value=grouped(view.cancelled as u64) test_id="abc-returns" />
                <Fact label=T::Periods value=format!("{} ({} …)", r.periods, r.first_period) test_id="abc-periods" raw=r.periods as f64 />
                <Fact label=T::Revenue value=whole_money(r.revenue) test_id="abc-revenue" raw=r.revenue />
                <Fact label=T::Time value=format!("{:.0} ms", view.ms) test_id="abc-ms" />
            </dl>
            <AbcXyzMatrix
                data=data
                picked=picked
                label=Signal::derive(move || t(lang.get(), T::MatrixChart).to_string())
            />
            <p class="hint">{move || t(lang.get(), T::MatrixHint)}</p>
            <div class="cell-picker" role="group" aria-label=move || t(lang.get(), T::Cells)>
                {buttons
                    .into_iter()
                    .map(|cell| {
                        let at = (cell.abc as usize, cell.xyz as usize);
                        let class = format!("{}{}", cell.abc.as_str(), cell.xyz.as_str());
                        view! {
                            <button
                                type="button"
                                class="button small"
                                class:active=move || picked.get() == Some(at)
                                aria-pressed=move || (picked.get() == Some(at)).to_string()
                                data-testid=format!("abc-pick-{class}")
                                on:click=move |_| picked.set(Some(at))
                            >
                                {format!("{class} · {}", cell.products)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <details>
                <summary>{move || t(lang.get(), T::MatrixChart)}</summary>
                <table class="grid" data-testid="abc-matrix">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::Class)}</th>
                            <th class="num">{move || t(lang.get(), T::Products)}</th>
                            <th class="num">{move || t(lang.get(), T::Revenue)}</th>
                            <th class="num">{move || t(lang.get(), T::Share)}</th>
                            <th class="num">{move || t(lang.get(), T::ServiceLevel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {cells
                            .into_iter()
                            .map(|c| {
                                let class = format!("{}{}", c.abc.as_str(), c.xyz.as_str());
                                view! {
                                    <tr
                                        data-testid=format!("abc-cell-{class}")
                                        data-products=c.products.to_string()
                                        data-revenue=c.revenue.to_string()
                                    >
                                        <th>{class.clone()}</th>
                                        <td class="num">{grouped(c.products as u64)}</td>
                                        <td class="num">{whole_money(c.revenue)}</td>
                                        <td class="num">{percent(100.0 * c.revenue_share)}</td>
                                        <td class="num">{format!("{:.2}", c.service_level)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
            <p class="hint">{move || t(lang.get(), T::ServiceLevelNote)}</p>
            <h3>
                {move || t(lang.get(), T::ProductsIn)}
                " "
                {move || picked.get().map(|(row, column)| format!("{}{}", Abc::ALL[row].as_str(), Xyz::ALL[column].as_str()))}
            </h3>
            <p class="hint">{move || t(lang.get(), T::FirstShown)}</p>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="abc-cell-products">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::Product)}</th>
                            <th class="num">{move || t(lang.get(), T::Measure)}</th>
                            <th class="num">{move || t(lang.get(), T::Share)}</th>
                            <th class="num">{move || t(lang.get(), T::Cumulative)}</th>
                            <th class="num">{move || t(lang.get(), T::MeanDemand)}</th>
                            <th class="num">{move || t(lang.get(), T::Cv)}</th>
                            <th class="num">{move || t(lang.get(), T::ServiceLevel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            listed()
                                .unwrap_or_default()
                                .into_iter()
                                .map(|p| view! {
                                    <tr>
                                        <th>{p.product.clone()}</th>
                                        <td class="num">{if measure_is_money { whole_money(p.measure) } else { stat(p.measure) }}</td>
                                        <td class="num">{percent(100.0 * p.share)}</td>
                                        <td class="num">{percent(100.0 * p.cumulative_share)}</td>
                                        <td class="num">{stat(p.mean_demand)}</td>
                                        <td class="num">{stat(p.cv)}</td>
                                        <td class="num">{format!("{:.2}", p.service_level)}</td>
                                    </tr>
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" class="button" data-testid="abc-export-cell" on:click=export_cell>
                    {move || t(lang.get(), T::ExportCell)}
                </button>
                <button type="button" class="button" data-testid="abc-export" on:click=export_all>
                    {move || t(lang.get(), T::ExportAll)}
                </button>
            </div>
        </section>
    }
}
