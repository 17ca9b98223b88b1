// End-to-end: the Operations page's four tools against the release build in dist/.
// Every number asserted here is what the CLI prints for the same file, parameters and seed
// (commands next to each constant), so page and CLI are checked to run the same kernels.
// Run with `node --test tests/e2e/operations.test.mjs` after `trunk build --release`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, computing, stepper, cliJson, ROOT, SHOTS } from "./harness.mjs";

const SHAMPOO = join(ROOT, "testdata", "sktime-shampoo-sales", "ShampooSales.csv");
const DEMAND = join(ROOT, "testdata", "fixtures", "optimize_inventory_demand.csv");
const PRODUCTS = join(ROOT, "testdata", "fixtures", "optimize_inventory_products.csv");
const ORDERS = join(ROOT, "public", "samples", "online-retail-orders.csv");
const VRP = join(ROOT, "testdata", "cvrp", "A-n32-k5.vrp");

// `shoplens forecast testdata/sktime-shampoo-sales/ShampooSales.csv --date-col Time
//  --value-col Sales --horizon 6 --season 12 --json`
// `shoplens forecast ShampooSales.csv --horizon 6 --season 12 --json`: the out-of-sample MASE of
// the automatic choice (each window picks its model on its own past) and the final model.
const FORECAST_CLI = { model: "ar", mase: "1.1931" };
/** The five figures the tab shows for one part of the history (baseline cost, optimised
 * cost, saving, baseline fill rate, optimised fill rate), as it writes them. */
const shown = (part) => [
  part.baseline_cost.toFixed(2),
  part.optimised_cost.toFixed(2),
  `${part.savings_percent.toFixed(1)} %`,
  part.baseline_fill_rate.toFixed(3),
  part.optimised_fill_rate.toFixed(3),
];
// `shoplens inventory` on the fixture files (seed 42, service levels by ABC/XYZ class): in
// sample (the first 127 days, tuned on) and out of sample (the last 54, not tuned on), and the
// recommendation, which follows the out-of-sample figures ("baseline": the tuned policies
// cost more on the days they were not tuned on).
const inventoryCli = () => {
  const cli = cliJson(["inventory", DEMAND, "--products", PRODUCTS, "--json"]);
  return {
    recommendation: cli.out_of_sample.recommendation,
    inSample: shown(cli.in_sample),
    outOfSample: shown(cli.out_of_sample),
  };
};
// `shoplens inventory public/samples/online-retail-orders.csv --build-products
//  --product-col StockCode --json` (seed 42)
const ordersCli = () => {
  const cli = cliJson(["inventory", ORDERS, "--build-products", "--product-col", "StockCode", "--json"]);
  return { products: cli.products.length, inSample: shown(cli.in_sample)[2], outOfSample: shown(cli.out_of_sample)[2] };
};
// `shoplens route FILE --json` (seed 42, 1000 levels), and the library optimum.
const ROUTES_CLI = {
  "berlin52.tsp": { name: "berlin52", length: "7542", optimum: 7542, gap: 0.01 },
  "eil51.tsp": { name: "eil51", length: "427", optimum: 426, gap: 0.02 },
  "st70.tsp": { name: "st70", length: "679", optimum: 675, gap: 0.02 },
  "A-n32-k5.vrp": { name: "A-n32-k5", length: "784", optimum: 784, gap: 0.03 },
};
// `shoplens budget testdata/islr-advertising/Advertising.csv --total 200 --json` (seed 42)
const BUDGET_CLI = { current: "14.629", greedy: "12.834", genetic: "27.047" };

let env;
let page;
const step = stepper();

before(async () => {
  env = await launch();
  page = await env.newPage();
});

after(async () => {
  await env?.close();
});

/** Waits until the job of the visible tab is no longer running. */
async function settled() {
  await page.waitForFunction(() => !document.querySelector('[data-testid="job-running"]'), null, {
    timeout: 120_000,
  });
}

async function openTab(name) {
  await byTest(page, `tab-${name}`).click();
  await byTest(page, `${name}-tab`).waitFor();
}

test("forecast: Shampoo sales, automatic choice matches the CLI's MASE and coverage; CSV export", async () => {
  await loadFile(page, env.origin, SHAMPOO);
  step("shampoo loaded");
  await page.goto(env.origin + "/#operations");
  await openTab("forecast");
  await byTest(page, "forecast-date").selectOption("Time");
  await byTest(page, "forecast-value").selectOption("Sales");
  await byTest(page, "forecast-horizon").fill("6");
  await byTest(page, "forecast-season").fill("12");
  await byTest(page, "forecast-run").click();
  await byTest(page, "forecast-results").waitFor();
  await settled();
  step("forecast done");
  const mase = (await byTest(page, "forecast-mase").textContent()).trim();
  assert.equal(mase, FORECAST_CLI.mase);
  const model = await byTest(page, "forecast-model").textContent();
  assert.match(model, /Autoregression/);
  assert.ok((await page.textContent("body")).includes("so the MASE shown is out of sample"));
  // Every candidate is listed with its errors on the same windows. The figure shown is the
  // honest one (each window chose on its own past), so it is no better than the best
  // candidate scored on the windows themselves.
  const candidates = await byTest(page, "forecast-candidate").allTextContents();
  assert.ok(candidates.length >= 4, `${candidates.length} candidates`);
  const mases = await page.$$eval('[data-testid="forecast-candidate"] td:nth-child(2)', (cells) =>
    cells.map((c) => Number(c.textContent)),
  );
  assert.ok(Math.min(...mases) <= Number(mase), `${mases} vs ${mase}`);
  // The reported model's interval coverage on the backtest windows, as the CLI counts it.
  const cli = cliJson([
    "forecast", SHAMPOO, "--date-col", "Time", "--value-col", "Sales", "--horizon", "6",
    "--season", "12", "--json",
  ]).series[0];
  const expected = cli.coverage
    .map((c) => `${c.level}% interval: ${(100 * c.share).toFixed(1)}% (${c.inside}/${c.steps})`)
    .join("; ");
  assert.equal(cli.coverage.length, 2);
  assert.equal((await byTest(page, "forecast-coverage").textContent()).trim(), expected);
  const cells = await byTest(page, "forecast-window-coverage").allTextContents();
  assert.deepEqual(
    cells.map((c) => c.trim()),
    cli.window_coverage.flatMap((w) => w.map((c) => `${c.inside}/${c.steps}`)),
  );
  const rows = await page.$$eval('[data-testid="forecast-table"] tbody tr', (r) => r.length);
  assert.equal(rows, 6);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    byTest(page, "forecast-export").click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  assert.ok(csv.startsWith("\ufeffgroup,period,forecast,lower,upper,model,mase"), csv.slice(0, 80));
  assert.equal(csv.trim().split("\r\n").length, 7);
  await byTest(page, "forecast-chart").screenshot({ path: join(SHOTS, "operations-forecast.png") });
});

test("inventory: the fixture files give the CLI's baseline and optimised cost", async () => {
  await openTab("inventory");
  await byTest(page, "inventory-demand-file").setInputFiles(DEMAND);
  await byTest(page, "inventory-products-file").setInputFiles(PRODUCTS);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="inventory-products-source"]').value === "file",
  );
  await byTest(page, "inventory-run").click();
  await byTest(page, "inventory-results").waitFor();
  await settled();
  step("inventory done");
  await sampleFiguresAreTheClis();
  const recommendation = await byTest(page, "inventory-recommendation").textContent();
  assert.equal(inventoryCli().recommendation, "baseline");
  assert.match(recommendation, /Out of sample .* keep the baseline policies/, recommendation);
  assert.equal((await byTest(page, "inventory-seed-used").textContent()).trim(), "42");
  await byTest(page, "inventory-convergence").screenshot({ path: join(SHOTS, "operations-inventory.png") });
});

/** The in-sample and out-of-sample columns hold the CLI's figures, each headed by which
 * days it covers, in English and in Chinese. */
async function sampleFiguresAreTheClis() {
  const cells = async (id) => (await byTest(page, id).allTextContents()).map((c) => c.trim());
  const cli = inventoryCli();
  assert.deepEqual(await cells("inventory-in-sample"), cli.inSample);
  assert.deepEqual(await cells("inventory-out-of-sample"), cli.outOfSample);
  assert.equal((await byTest(page, "inventory-in-sample-head").textContent()).trim(), "In sample: first 127 days (tuned on)");
  assert.equal(
    (await byTest(page, "inventory-out-of-sample-head").textContent()).trim(),
    "Out of sample: last 54 days (not tuned on)",
  );
  await page.locator('.lang-button[data-lang="zh"]').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="inventory-in-sample-head"]')?.textContent.trim() === "样本内：前 127 天（用于调优）",
  );
  assert.equal((await byTest(page, "inventory-out-of-sample-head").textContent()).trim(), "样本外：后 54 天（未参与调优）");
  assert.match(await byTest(page, "inventory-recommendation").textContent(), /样本外/);
  await page.locator('.lang-button[data-lang="en"]').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="inventory-in-sample-head"]')?.textContent.startsWith("In sample"),
  );
}

test("routes: library instances match the CLI and their optimum gaps", async () => {
  await openTab("routes");
  for (const [file, expected] of Object.entries(ROUTES_CLI)) {
    await byTest(page, "routes-source").selectOption(file);
    await byTest(page, "routes-run").click();
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="routes-instance"]')?.textContent.trim() === name,
      expected.name,
      { timeout: 120_000 },
    );
    await settled();
    const length = Number(await byTest(page, "routes-length").textContent());
    const elapsed = (await byTest(page, "routes-elapsed").textContent()).trim();
    step(`${expected.name}: ${length} in ${elapsed}`);
    assert.equal(String(length), expected.length);
    assert.ok(length <= expected.optimum * (1 + expected.gap), `${expected.name} ${length}`);
    await byTest(page, "routes-map").screenshot({ path: join(SHOTS, `operations-routes-${expected.name}.png`) });
  }
});

test("routes: a CSV of stops with vehicles and capacity (CVRP)", async () => {
  // `shoplens route testdata/fixtures/operations_stops.csv --vehicles 3 --capacity 10`:
  // length 357.32249390294055, routes "B A C", "I D E", "F G H" with loads 9, 10, 9.
  await openTab("routes");
  await byTest(page, "routes-file").setInputFiles(join(ROOT, "testdata", "fixtures", "operations_stops.csv"));
  await page.waitForFunction(() => document.querySelector('[data-testid="routes-source"]').value === "file");
  await byTest(page, "routes-vehicles").fill("3");
  await byTest(page, "routes-capacity").fill("10");
  await byTest(page, "routes-run").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="routes-instance"]')?.textContent.trim() === "operations_stops",
  );
  await settled();
  assert.equal((await byTest(page, "routes-length").textContent()).trim(), "357.32");
  assert.equal((await byTest(page, "routes-count").textContent()).trim(), "3");
  const routes = await page.$$eval('[data-testid="routes-table"] tbody tr', (rows) =>
    rows.map((r) => r.lastElementChild.textContent.trim()),
  );
  assert.deepEqual(routes, ["depot B A C depot", "depot I D E depot", "depot F G H depot"]);
  await byTest(page, "routes-vehicles").fill("");
  await byTest(page, "routes-capacity").fill("");
});

test("budget: Advertising (wide) splits 200 as the CLI does", async () => {
  await openTab("budget");
  await byTest(page, "budget-source").selectOption("Advertising.csv");
  await byTest(page, "budget-total").fill("200");
  await byTest(page, "budget-run").click();
  await byTest(page, "budget-results").waitFor();
  await settled();
  step("budget done");
  assert.equal((await byTest(page, "budget-predicted-current").textContent()).trim(), BUDGET_CLI.current);
  assert.equal((await byTest(page, "budget-predicted-greedy").textContent()).trim(), BUDGET_CLI.greedy);
  assert.equal((await byTest(page, "budget-predicted-genetic").textContent()).trim(), BUDGET_CLI.genetic);
  assert.equal(await byTest(page, "budget-row").count(), 3);
  // One fitted curve per channel, and limits to edit for the next run.
  assert.equal(await page.locator('[data-testid^="budget-curve-"]').count(), 3);
  assert.equal(await page.locator('[data-testid^="budget-max-"]').count(), 3);
  // A cap on TV is respected on the next run.
  await byTest(page, "budget-max-0").fill("20");
  await byTest(page, "budget-run").click();
  await page.waitForFunction(() => {
    const cells = document.querySelectorAll('[data-testid="budget-row"]:first-child td');
    return cells.length && Number(cells[2].textContent) <= 20.0001 && Number(cells[3].textContent) <= 20.0001;
  });
  await settled();
  await byTest(page, "budget-results").screenshot({ path: join(SHOTS, "operations-budget.png") });
});

test("Cancel stops a long annealing run and the page stays usable", async () => {
  await openTab("routes");
  await byTest(page, "routes-source").selectOption("st70.tsp");
  await byTest(page, "routes-levels").fill("2000000");
  await byTest(page, "routes-run").click();
  await byTest(page, "job-running").waitFor();
  await computing(page);
  const started = Date.now();
  await byTest(page, "cancel").click();
  await byTest(page, "job-cancelled").waitFor({ timeout: 2_000 });
  step(`cancelled in ${Date.now() - started} ms`);
  // The previous result stays; a short run afterwards works in a fresh worker.
  await byTest(page, "routes-levels").fill("1000");
  await byTest(page, "routes-source").selectOption("berlin52.tsp");
  await byTest(page, "routes-run").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="routes-instance"]')?.textContent.trim() === "berlin52",
  );
  await settled();
  assert.equal((await byTest(page, "routes-length").textContent()).trim(), ROUTES_CLI["berlin52.tsp"].length);
  // The forecast still reaches the table: the new worker reloaded the file.
  await openTab("forecast");
  await byTest(page, "forecast-run").click();
  await settled();
  assert.equal((await byTest(page, "forecast-mase").textContent()).trim(), FORECAST_CLI.mase);
});

test("inventory: demand from the table loaded on the Data page", async () => {
  await loadFile(page, env.origin, DEMAND);
  await page.goto(env.origin + "/#operations");
  await openTab("inventory");
  await byTest(page, "inventory-demand-source").selectOption("loaded");
  await byTest(page, "inventory-run").click();
  await byTest(page, "inventory-results").waitFor();
  await settled();
  await sampleFiguresAreTheClis();
  await byTest(page, "inventory-stock").screenshot({ path: join(SHOTS, "operations-stock.png") });
});

test("inventory: products built from the loaded order export, with their file to download", async () => {
  await loadFile(page, env.origin, ORDERS);
  await page.goto(env.origin + "/#operations");
  await openTab("inventory");
  await byTest(page, "inventory-products-source").selectOption("build");
  // Building needs the order export: the demand follows to the loaded table.
  await page.waitForFunction(() => document.querySelector('[data-testid="inventory-demand-source"]').value === "loaded");
  // Column choices are the loaded table's columns.
  const options = await byTest(page, "inventory-product-col").locator("option").allTextContents();
  assert.ok(options.includes("StockCode") && options.includes("UnitPrice"), options.join(","));
  await byTest(page, "inventory-product-col").selectOption("StockCode");
  await byTest(page, "inventory-run").click();
  await byTest(page, "inventory-results").waitFor();
  await settled();
  const orders = ordersCli();
  assert.equal(await byTest(page, "inventory-table").locator("tbody tr").count(), orders.products);
  assert.equal((await byTest(page, "inventory-in-sample").nth(2).textContent()).trim(), orders.inSample);
  assert.equal((await byTest(page, "inventory-out-of-sample").nth(2).textContent()).trim(), orders.outOfSample);
  // Each product's baseline service level comes from its ABC/XYZ class (AX 0.99 … CZ 0.90).
  const classes = await byTest(page, "inventory-class").allTextContents();
  assert.ok(classes.every((c) => /^[ABC][XYZ]$/.test(c.trim())), classes.join(","));
  const levels = (await byTest(page, "inventory-level").allTextContents()).map(Number);
  assert.ok(levels.every((l) => l >= 0.9 && l <= 0.99), levels.join(","));
  assert.ok(new Set(levels).size > 1, "levels differ by class");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    byTest(page, "inventory-products-download").click(),
  ]);
  const csv = (await readFile(await download.path(), "utf8")).trim().split("\n");
  assert.equal(csv[0], "product,unit_cost,order_cost,holding_rate,lead_time,case_pack,min_order,stockout_cost,volume");
  assert.equal(csv.length, orders.products + 1);
  // The template explains every column it has, in both languages.
  await byTest(page, "inventory-template-columns").locator("dt").first().waitFor({ state: "attached" });
  assert.equal(await byTest(page, "inventory-template-columns").locator("dt").count(), 9);
});

test("inventory: a budget no plan can meet is an error naming the minimum, in both languages", async () => {
  await openTab("inventory");
  await byTest(page, "inventory-products-source").selectOption("build");
  await byTest(page, "inventory-budget").fill("10");
  await byTest(page, "inventory-run").click();
  await byTest(page, "job-error").waitFor();
  assert.match(await byTest(page, "job-error").textContent(), /budget = 10 cannot be met: even the smallest plan .* needs \d/);
  await page.locator('.lang-button[data-lang="zh"]').click();
  await page.waitForFunction(() => /预算 = 10 无法满足/.test(document.querySelector('[data-testid="job-error"]')?.textContent));
  await page.locator('.lang-button[data-lang="en"]').click();
  await byTest(page, "inventory-budget").fill("");
});

test("budget: no split is offered as better when it predicts no more than today's", async () => {
  await openTab("budget");
  // Advertising: the recommended split predicts more than the current one, and says so.
  await byTest(page, "budget-source").selectOption("Advertising.csv");
  await byTest(page, "budget-total").fill("200");
  await byTest(page, "budget-run").click();
  await byTest(page, "budget-results").waitFor();
  await settled();
  const current = Number(await byTest(page, "budget-predicted-current").textContent());
  const recommended = await byTest(page, "budget-recommendation").getAttribute("data-recommended");
  if (recommended !== "current") {
    const predicted = Number(await byTest(page, `budget-predicted-${recommended}`).textContent());
    assert.ok(predicted > current, `${recommended} ${predicted} vs current ${current}`);
  }
  assert.match(await byTest(page, "budget-fit-check").textContent(), /in-sample R² = 0\.9\d\d/);
  assert.match(await byTest(page, "budget-units").textContent(), /currency not stated, per row/);
  // One channel: every split is today's split, so today's is kept and the page says so.
  const rows = ["week,search_usd,sales_usd"];
  for (let w = 0; w < 12; w++) rows.push(`${new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10)},${100 + 10 * w},${500 + 30 * w}`);
  await byTest(page, "budget-file").setInputFiles({ name: "one-channel.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  await page.waitForFunction(() => document.querySelector('[data-testid="budget-source"]').value === "file");
  await byTest(page, "budget-total").fill("");
  await byTest(page, "budget-run").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="budget-recommendation"]')?.dataset.recommended === "current");
  await settled();
  assert.equal((await byTest(page, "budget-recommendation").textContent()).trim(), "No split predicts more than the current one: keep the current split.");
  assert.match(await byTest(page, "budget-units").textContent(), /USD/);
  await page.locator('.lang-button[data-lang="zh"]').click();
  await page.waitForFunction(() => /建议保持当前分配/.test(document.querySelector('[data-testid="budget-recommendation"]')?.textContent));
  await page.locator('.lang-button[data-lang="en"]').click();
});

test("a CVRPLIB .vrp dropped on the Data page points to Delivery routes", async () => {
  await loadFile(page, env.origin, VRP);
  await byTest(page, "route-hint").waitFor();
  await byTest(page, "open-routes").click();
  await page.waitForURL(/#operations$/);
  await byTest(page, "routes-source").waitFor();
  assert.equal(await byTest(page, "routes-source").inputValue(), "file");
  assert.match(await byTest(page, "routes-source").locator("option:checked").textContent(), /A-n32-k5\.vrp/);
});

test("the texts switch to Chinese", async () => {
  await page.locator('.lang-button[data-lang="zh"]').click();
  await openTab("routes");
  assert.match(await byTest(page, "routes-tab").textContent(), /配送路线/);
  await page.locator('.lang-button[data-lang="en"]').click();
});

test("no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
