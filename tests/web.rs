//! Tests in headless Chromium (`make test-wasm`): core compiled to wasm reads a GBK file the
//! way it does natively, and the app's shell mounts, routes and switches language.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use shoplens_core::table::{read_bytes, DataType, ReadOptions};
use shoplens_core::{ErrorKind, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn core_reads_a_gbk_export_in_wasm() {
    let bytes = include_bytes!("../testdata/encodings/orders_gbk.csv");
    let table = read_bytes(bytes, &ReadOptions::default()).expect("a GBK CSV reads");
    assert_eq!(table.source().encoding, "gb18030");
    assert_eq!(table.n_rows(), 3);
    let names: Vec<&str> = table.columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, ["商品名称", "数量", "单价", "日期"]);
    let types: Vec<DataType> = table.columns().iter().map(|c| c.dtype()).collect();
    assert_eq!(
        types,
        [
            DataType::Text,
            DataType::Integer,
            DataType::Decimal,
            DataType::DateTime
        ]
    );
    assert_eq!(table.column(1).missing_count(), 1);
    assert_eq!(table.column(0).display(2), "梨, 大");
    assert_eq!(table.column(3).display(0), "2024-01-05");
}

#[wasm_bindgen_test]
fn core_names_a_png_in_both_languages_in_wasm() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let error = read_bytes(png, &ReadOptions::default()).expect_err("a PNG is not a table");
    assert!(matches!(error.kind(), ErrorKind::NotText { .. }));
    assert!(error.message(Lang::En).contains("PNG"));
    assert!(error.message(Lang::Zh).contains("PNG 图片"));
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Lets the browser run pending tasks (Leptos applies signal changes to the DOM in effects).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn the_shell_mounts_routes_and_switches_language() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.unchecked_into(), shoplens_app::App);

    let links = document().query_selector_all("nav a").unwrap();
    assert_eq!(links.length(), 6);

    let english = document()
        .query_selector("[data-lang=en]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    english.click();
    settle().await;
    assert_eq!(text_of("[data-page=baskets]").trim(), "Baskets");
    assert_eq!(text_of("main h1").trim(), "Data");

    let chinese = document()
        .query_selector("[data-lang=zh]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    chinese.click();
    settle().await;
    assert_eq!(text_of("[data-page=baskets]").trim(), "购物篮分析");
    assert_eq!(text_of("main h1").trim(), "数据");

    let models = document()
        .query_selector("[data-page=models]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    models.click();
    settle().await;
    assert_eq!(text_of("main h1").trim(), "预测模型");
    // With no table loaded the page says where to start, in the chosen language.
    assert!(text_of("main").contains("数据页"), "{}", text_of("main"));
}
