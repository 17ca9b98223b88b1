// Screenshots every chart of the app (each `figure.chart` after a real analysis), from the
// release build in dist/ (`trunk build --release` first), for comparing the charts' look
// before and after a change. Writes docs/screenshots/<dir>/<chart>.png.
//   [SCALE=2] node tools/chart-screenshots.mjs charts-after [first-section]
// where first-section (baskets, models, customers, operations) skips the sections before it.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, ROOT } from "../tests/e2e/harness.mjs";

const OUT = join(ROOT, "docs", "screenshots", process.argv[2] ?? "charts");
const data = (...p) => join(ROOT, "testdata", ...p);
await mkdir(OUT, { recursive: true });
const env = await launch();
// SCALE=2 takes the shots at devicePixelRatio 2, to check the charts stay crisp.
const scale = Number(process.env.SCALE ?? 1);
const page =
  scale === 1
    ? await env.newPage()
    : await (
        await env.context.browser().newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: scale })
      ).newPage();
const idle = () =>
  page.waitForFunction(() => !document.querySelector('[data-testid="job-running"]'), null, { timeout: 300_000 });

/** Screenshots each chart now on the page, named `prefix-testid.png`. */
async function charts(prefix) {
  const figures = page.locator("figure.chart");
  const n = await figures.count();
  for (let i = 0; i < n; i++) {
    const figure = figures.nth(i);
    // Pages keep other tabs' charts in the document, hidden.
    if (!(await figure.isVisible())) continue;
    const id = (await figure.getAttribute("data-testid")) || `chart${i}`;
    await figure.scrollIntoViewIfNeeded();
    await figure.locator("canvas").screenshot({ path: join(OUT, `${prefix}-${id}.png`) });
    console.log(`wrote ${prefix}-${id}.png`);
  }
}

async function models(target, kind, testSize) {
  await byTest(page, "models-target").selectOption(target);
  await byTest(page, "models-kind").selectOption(kind);
  await byTest(page, "models-test-size").fill(String(testSize));
  await byTest(page, "models-test-size").dispatchEvent("change");
  await byTest(page, "models-run").click();
  await page.locator(`[data-testid="models-results"][data-kind="${kind}"][data-target="${target}"]`).waitFor({ timeout: 120_000 });
  await idle();
}

const sections = ["baskets", "models", "customers", "operations"];
const first = Math.max(0, sections.indexOf(process.argv[3] ?? "baskets"));
const run = (name) => sections.indexOf(name) >= first;

// Baskets: the groceries rules (scatter, graph, grouped matrix).
if (run("baskets")) {
await loadFile(page, env.origin, data("arules-groceries", "groceries.csv"));
await page.goto(env.origin + "/#baskets");
await byTest(page, "mine").click();
await idle();
await byTest(page, "rules-scatter").waitFor();
await charts("baskets");
}

// Models: a regression, a classifier and a tree.
if (run("models")) {
await loadFile(page, env.origin, data("islr-advertising", "Advertising.csv"));
await page.locator('a[href="#models"]').click();
await models("sales", "linear", 0.2);
await charts("models-linear");
await loadFile(page, env.origin, data("uci-online-shoppers", "online_shoppers_intention.csv"));
await page.locator('a[href="#models"]').click();
await models("Revenue", "logistic", 0.2);
await charts("models-logistic");
await models("Revenue", "tree", 0.2);
await charts("models-tree");
}

// Customers: RFM and segments.
if (run("customers")) {
await loadFile(page, env.origin, data("uci-online-retail-sample20k", "online_retail_sample20k.csv"));
await page.locator('a[href="#customers"]').click();
await byTest(page, "tab-rfm").click();
await byTest(page, "rfm-run").click();
await byTest(page, "rfm-results").waitFor({ timeout: 120_000 });
await idle();
await charts("customers-rfm");
await byTest(page, "tab-segments").click();
await byTest(page, "seg-source-rfm").check();
await byTest(page, "seg-run").click();
await byTest(page, "seg-results").waitFor({ timeout: 120_000 });
await idle();
await charts("customers-segments");
}

// Operations: forecast, inventory, routes, budget.
if (run("operations")) {
await loadFile(page, env.origin, data("sktime-shampoo-sales", "ShampooSales.csv"));
await page.goto(env.origin + "/#operations");
await byTest(page, "tab-forecast").click();
await byTest(page, "forecast-date").selectOption("Time");
await byTest(page, "forecast-value").selectOption("Sales");
await byTest(page, "forecast-horizon").fill("6");
await byTest(page, "forecast-season").fill("12");
await byTest(page, "forecast-run").click();
await byTest(page, "forecast-results").waitFor();
await idle();
await charts("operations-forecast");
await byTest(page, "tab-inventory").click();
await byTest(page, "inventory-demand-file").setInputFiles(data("fixtures", "optimize_inventory_demand.csv"));
await byTest(page, "inventory-products-file").setInputFiles(data("fixtures", "optimize_inventory_products.csv"));
await page.waitForFunction(() => document.querySelector('[data-testid="inventory-products-source"]').value === "file");
await byTest(page, "inventory-run").click();
await byTest(page, "inventory-results").waitFor();
await idle();
await charts("operations-inventory");
await byTest(page, "tab-routes").click();
await byTest(page, "routes-source").selectOption("A-n32-k5.vrp");
await byTest(page, "routes-run").click();
await byTest(page, "routes-length").waitFor({ timeout: 120_000 });
await idle();
await charts("operations-routes");
await byTest(page, "tab-budget").click();
await byTest(page, "budget-source").selectOption("Advertising.csv");
await byTest(page, "budget-total").fill("200");
await byTest(page, "budget-run").click();
await byTest(page, "budget-results").waitFor();
await idle();
await charts("operations-budget");
}
if (env.consoleErrors.length) console.error(env.consoleErrors.join("\n"));
await env.close();
