// Benchmark: per-group forecasts in the tab beside the CLI, in one run. The Operations page's
// demand forecast, one series per store (the Walmart file: 45 stores, 143 weeks each; the
// automatic choice, each store's model picked on its own past, 3 backtest windows), timed
// from the click on "Forecast" until the results are shown, and the release CLI on the same
// file and settings, so the ratio says what the browser costs. The before: 20 s in
// the tab.
//
//   make dist && cargo build --release -p shoplens-cli
//   node benches/forecast_groups.mjs [Walmart.csv]
// The file's licence is not settled, so it is not in the repository: the default path is the
// team's shared data folder.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch, byTest, loadFile, settled, stepper, ROOT } from "../tests/e2e/harness.mjs";

const FILE = process.argv[2] ?? join(ROOT, "..", "shared", "data", "walmart-store-sales", "Walmart.csv");
const CLI = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "release", "shoplens");
const RUNS = 3;
const step = stepper();

assert.ok(existsSync(FILE), `no file at ${FILE}: pass the Walmart CSV's path`);
assert.ok(existsSync(CLI), `build the CLI first: cargo build --release -p shoplens-cli`);

const args = ["forecast", FILE, "--date-col", "Date", "--value-col", "Weekly_Sales", "--group-col", "Store", "--json"];
const cli = [];
let stores = 0;
let first;
for (let i = 0; i < RUNS; i++) {
  const started = process.hrtime.bigint();
  const out = JSON.parse(execFileSync(CLI, ["--threads", "1", ...args], { maxBuffer: 1 << 28 }).toString());
  cli.push(Number(process.hrtime.bigint() - started) / 1e9);
  stores = out.series.length;
  first = out.series[0];
}
step(`CLI, one thread: ${cli.map((s) => s.toFixed(2)).join(", ")} s for ${stores} stores`);

const env = await launch();
const tab = [];
try {
  const page = await env.newPage();
  await loadFile(page, env.origin, FILE);
  await page.goto(env.origin + "/#operations");
  await byTest(page, "tab-forecast").click();
  await byTest(page, "forecast-tab").waitFor();
  await byTest(page, "forecast-date").selectOption("Date");
  await byTest(page, "forecast-value").selectOption("Weekly_Sales");
  await byTest(page, "forecast-group").selectOption("Store");
  for (let i = 0; i < RUNS; i++) {
    const started = Date.now();
    await byTest(page, "forecast-run").click();
    await page.waitForSelector('[data-testid="job-running"]', { state: "detached", timeout: 300_000 });
    await byTest(page, "forecast-results").waitFor();
    tab.push((Date.now() - started) / 1000);
    await settled(page);
  }
  const shown = await byTest(page, "forecast-shown").locator("option").count();
  assert.equal(shown, stores, "the tab forecasts as many stores as the CLI");
  // The first store, shown first: the same out-of-sample MASE as the CLI's.
  assert.equal((await byTest(page, "forecast-mase").textContent()).trim(), first.mase.toFixed(4));
  step(`tab: ${tab.map((s) => s.toFixed(2)).join(", ")} s`);
  assert.deepEqual(env.foreignRequests, []);
} finally {
  await env.close();
}
const best = (xs) => Math.min(...xs);
console.log(
  JSON.stringify({
    stores,
    tab_best_s: best(tab),
    cli_one_thread_best_s: best(cli),
    tab_over_cli: Number((best(tab) / best(cli)).toFixed(2)),
    tab_s: tab,
    cli_s: cli,
  }),
);
