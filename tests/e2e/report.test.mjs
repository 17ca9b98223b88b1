// End-to-end: "Export report" writes every analysis of the session — from every page, not
// only the one on screen — into one self-contained HTML file in the current language: a
// summary first, then each analysis with its settings as a list, charts as images and tables
// with their headings, no control left, printable on A4. The file is opened with every
// request blocked and checked there. Runs against dist/ (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, settled, stepper, ROOT, SHOTS } from "./harness.mjs";

const SAMPLE = join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv");
const step = stepper();
let env;

before(async () => {
  env = await launch();
});

after(async () => {
  await env?.close();
});

async function saveReport(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), byTest(page, "export-report").click()]);
  assert.match(download.suggestedFilename(), /^shoplens-report-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.html$/);
  return readFile(await download.path(), "utf8");
}

/** Opens the report file in a page that may not fetch anything, and reads what it shows. */
async function openOffline(html, name) {
  const path = join(SHOTS, name);
  await writeFile(path, html);
  const page = await env.context.newPage();
  const requests = [];
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  const facts = await page.evaluate(() => ({
    sections: [...document.querySelectorAll("[data-section]")].map((s) => s.dataset.section),
    headers: [...document.querySelectorAll("th")].map((th) => th.textContent.trim()),
    controls: document.querySelectorAll("button, input, select, textarea, progress, script").length,
    images: [...document.images].map((img) => ({ ok: img.naturalWidth > 0, src: img.src.slice(0, img.src.indexOf(",")) })),
    imagesBySection: Object.fromEntries(
      [...document.querySelectorAll("section.analysis")].map((s) => [s.dataset.section, s.querySelectorAll("img").length]),
    ),
    settings: [...document.querySelectorAll("section.analysis dl.settings")].map((dl) => dl.querySelectorAll("dt").length),
    text: document.body.innerText,
    summary: [...document.querySelectorAll("table.summary tbody tr")].map((tr) => tr.cells[1].textContent.trim()),
    printSheet: [...document.styleSheets].some((sheet) =>
      [...sheet.cssRules].some((rule) => /size:\s*a4/i.test(rule.cssText)),
    ),
  }));
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.screenshot({ path: join(SHOTS, name.replace(".html", ".png")), fullPage: false });
  await page.close();
  return { ...facts, requests };
}

test("with no data loaded the button is disabled, in both languages", async () => {
  const page = await env.newPage();
  await page.goto(env.origin + "/#data");
  await byTest(page, "nothing-loaded").waitFor();
  assert.equal(await byTest(page, "export-report").isDisabled(), true);
  assert.match(await byTest(page, "export-report").getAttribute("title"), /Load data first/);
  await page.locator("[data-lang=zh]").click();
  assert.equal(await byTest(page, "export-report").isDisabled(), true);
  assert.match(await byTest(page, "export-report").getAttribute("title"), /先载入数据/);
  await page.locator("[data-lang=en]").click();
  await page.close();
});

test("analyses on five pages make one report: summary, sections, headers, no controls", async () => {
  const page = await env.newPage();
  await loadFile(page, env.origin, SAMPLE);
  step("sample loaded");

  await page.locator('a[href="#customers"]').click();
  await byTest(page, "rfm-run").click();
  await byTest(page, "rfm-results").waitFor();
  await byTest(page, "tab-churn").click();
  await byTest(page, "churn-run").click();
  await byTest(page, "churn-results").waitFor({ timeout: 300_000 });
  await settled(page);
  step("rfm and churn done");

  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "mine").click();
  await byTest(page, "run-summary").waitFor({ timeout: 300_000 });
  await settled(page);
  step("baskets done");

  await page.locator('a[href="#operations"]').click();
  await byTest(page, "tab-forecast").click();
  await byTest(page, "forecast-date").selectOption("InvoiceDate");
  await byTest(page, "forecast-value").selectOption("Quantity");
  await byTest(page, "forecast-run").click();
  await byTest(page, "forecast-results").waitFor({ timeout: 300_000 });
  await settled(page);
  step("forecast done");

  await page.locator('a[href="#customers"]').click();
  await byTest(page, "tab-clv").click();
  await byTest(page, "clv-run").click();
  await byTest(page, "clv-results").waitFor({ timeout: 300_000 });
  await settled(page);
  await page.locator('a[href="#products"]').click();
  await byTest(page, "abc-run").click();
  await byTest(page, "abc-results").waitFor({ timeout: 300_000 });
  await settled(page);
  step("lifetime value and product classes done");

  // The report is asked for on another page than any analysis.
  await page.locator('a[href="#data"]').click();
  await byTest(page, "loaded").waitFor();
  const expected = [
    "summary",
    "data",
    "baskets-mine",
    "customers-churn",
    "customers-clv",
    "customers-rfm",
    "products-abc_xyz",
    "operations-forecast",
  ];
  for (const lang of ["en", "zh"]) {
    await page.locator(`[data-lang=${lang}]`).click();
    const html = await saveReport(page);
    step(`report ${lang}: ${html.length} bytes`);
    assert.match(html, lang === "en" ? /<html lang="en">/ : /<html lang="zh-CN">/);
    // Back where the user was, with the button ready again.
    assert.equal(await page.evaluate(() => location.hash || "#data"), "#data");
    await byTest(page, "loaded").waitFor();
    assert.equal(await byTest(page, "export-report").isDisabled(), false);

    const seen = await openOffline(html, `report-${lang}.html`);
    assert.deepEqual(seen.requests, [], "the report asked for nothing outside itself");
    assert.deepEqual(seen.sections, expected);
    assert.equal(seen.controls, 0, "no button, input, select or script left");
    const empty = seen.headers.filter((h) => h === "");
    assert.deepEqual(empty, [], "every table header has words");
    assert.ok(seen.headers.length >= 20, `table headers: ${seen.headers.length}`);
    // The pages with charts (the RFM segments and the forecast) bring them as images; on
    // this sampled export no rule reaches the support and churn shows tables only.
    assert.ok(seen.imagesBySection["customers-rfm"] >= 1, JSON.stringify(seen.imagesBySection));
    assert.ok(seen.imagesBySection["operations-forecast"] >= 1, JSON.stringify(seen.imagesBySection));
    for (const image of seen.images) {
      assert.ok(image.ok, "every chart image decodes");
      assert.equal(image.src, "data:image/png;base64");
    }
    // Each analysis has its settings as a list of several label/value pairs.
    assert.equal(seen.settings.length, expected.length - 2);
    for (const n of seen.settings) assert.ok(n >= 2, `settings listed: ${n}`);
    assert.ok(seen.printSheet, "an A4 print stylesheet");
    for (const leftover of ["Click a heading to sort", "Download:", "Choose a model file", "Save as PNG", "点击表头排序", "保存为 PNG"]) {
      assert.ok(!seen.text.includes(leftover), `leftover: ${leftover}`);
    }
    const words =
      lang === "en"
        ? ["Summary", "Customer value (RFM)", "Churn risk", "Baskets: association rules", "Demand forecast", "Settings",
           "Customer lifetime value", "Product classes (ABC/XYZ)"]
        : ["摘要", "客户价值（RFM）", "流失风险", "购物篮：关联规则", "需求预测", "设置", "客户终身价值", "商品 ABC/XYZ 分类"];
    for (const word of words) assert.ok(seen.text.includes(word), `${lang}: ${word}`);
    // The summary gives headline figures of each analysis ("Customers: 3,017 · ...").
    assert.equal(seen.summary.length, expected.length - 2);
    for (const line of seen.summary) assert.match(line, /: .*\d/);
  }
  await page.locator("[data-lang=en]").click();
  await page.close();
});

test("report: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
