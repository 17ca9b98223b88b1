// End-to-end: a job downloaded from the tab reruns on the command line with the same
// numbers. For baskets, a model comparison, churn and a forecast: load a file, run the
// analysis in the tab, click "Download job", run `shoplens run JOB.json FILE --json` on the
// same file, and compare what the tab shows with what the CLI prints.
//
// The CLI is the debug build under $CARGO_TARGET_DIR (or target/), through the harness's
// `cliJson`, which builds it first when missing. Every wait is for a result, never for time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, byTest, loadFile, stepper, cliJson, ROOT } from "./harness.mjs";

const SAMPLES = join(ROOT, "public", "samples");
const ORDERS = join(SAMPLES, "online-retail-orders.csv");
const CHURN_TABLE = join(SAMPLES, "telco-churn.csv");
const DAILY = join(SAMPLES, "daily-sales.csv");
// Churn needs more customers than the small sample has: the 20,000-line Online Retail
// sample the Customers e2e uses (see testdata/uci-online-retail-sample20k/SOURCE.txt).
const RETAIL = join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv");

let app;
let page;
let dir;
const step = stepper();

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "shoplens-jobs-e2e-"));
  app = await launch();
  page = await app.newPage();
});

after(async () => {
  await app?.close();
});

/** Clicks "Download job" `name`, saves the file and returns its path and parsed JSON. */
async function downloadJob(name) {
  const [download] = await Promise.all([page.waitForEvent("download"), byTest(page, `download-job-${name}`).click()]);
  assert.equal(download.suggestedFilename(), `shoplens-${name}-job.json`);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, job: JSON.parse(await readFile(path, "utf8")) };
}

/** `shoplens run JOB FILE --json`, parsed. */
function cli(job, file) {
  return cliJson(["run", job, file, "--json"]);
}

/** A number as the tab writes it ("1,234" or "1,234.56"). */
const number = (text) => Number(text.replace(/[,\s]/g, ""));

test("baskets: the downloaded job gives the tab's itemset and rule counts", async () => {
  await loadFile(page, app.origin, ORDERS);
  await page.goto(app.origin + "/#baskets");
  await byTest(page, "basket-report").waitFor();
  // Low enough for rules on this small sample (286 baskets).
  await byTest(page, "min-support").fill("0.005");
  await byTest(page, "min-confidence").fill("0.3");
  await byTest(page, "mine").click();
  await byTest(page, "run-summary").waitFor();
  const summary = await byTest(page, "run-summary").textContent();
  const [, itemsets, rules] = summary.match(/^([\d,]+) itemsets, ([\d,]+) rules/);
  const { path, job } = await downloadJob("baskets");
  assert.equal(job.kind, "baskets");
  assert.equal(job.source.shape, "order_lines", "the detected shape is written in");
  assert.ok(job.source.basket_columns.length > 0, "the detected basket columns are written in");
  const out = cli(path, ORDERS);
  step(`baskets: tab ${summary}; CLI ${out.mined.itemset_count} itemsets, ${out.mined.rule_count} rules`);
  assert.ok(number(rules) > 0, "rules to compare");
  assert.equal(job.mine.min_confidence, 0.3);
  assert.equal(out.mined.itemset_count, number(itemsets));
  assert.equal(out.mined.rule_count, number(rules));
});

test("model comparison: the downloaded job gives the tab's cross-validated scores", async () => {
  await loadFile(page, app.origin, CHURN_TABLE);
  await page.goto(app.origin + "/#models");
  await page.waitForFunction(() => document.querySelector('[data-testid="models-target"]')?.value === "churn");
  await byTest(page, "models-compare-all").click();
  await byTest(page, "models-compare").waitFor();
  const rows = await page.$$eval('[data-testid="models-compare"] tbody tr', (trs) =>
    trs.map((tr) => ({ kind: tr.dataset.kind, mean: Number(tr.dataset.mean) })),
  );
  assert.ok(rows.length >= 3, `${rows.length} candidates`);
  const { path, job } = await downloadJob("compare");
  assert.equal(job.kind, "compare");
  assert.equal(job.target, "churn");
  assert.equal(job.task, "classification");
  assert.ok(job.features.length > 0, "the features are written in");
  const out = cli(path, CHURN_TABLE);
  assert.equal(out.metric, "accuracy");
  assert.deepEqual(
    out.rows.map((r) => r.kind),
    rows.map((r) => r.kind),
  );
  for (const [i, row] of rows.entries()) {
    assert.ok(Math.abs(out.rows[i].mean - row.mean) < 1e-12, `${row.kind}: tab ${row.mean}, CLI ${out.rows[i].mean}`);
  }
  step(`compare: ${rows.map((r) => `${r.kind} ${r.mean.toFixed(4)}`).join(", ")}`);
});

test("churn: the downloaded job gives the tab's AUC and accuracy", async () => {
  await loadFile(page, app.origin, RETAIL);
  await page.goto(app.origin + "/#customers");
  await byTest(page, "tab-churn").click();
  await byTest(page, "churn-run").click();
  await byTest(page, "churn-results").waitFor();
  const value = async (id) => Number(await byTest(page, id).getAttribute("data-value"));
  const auc = await value("churn-auc");
  const accuracy = await value("churn-accuracy");
  const customers = await value("churn-customers");
  const { path, job } = await downloadJob("churn");
  assert.equal(job.kind, "churn");
  assert.match(job.cutoff, /^\d{4}-\d\d-\d\d$/, "the cutoff decided from the data is written in");
  const out = cli(path, RETAIL);
  step(`churn: tab AUC ${auc}, accuracy ${accuracy}; CLI AUC ${out.auc}, accuracy ${out.accuracy}`);
  assert.equal(out.customers, customers);
  assert.ok(Math.abs(out.auc - auc) < 1e-12);
  assert.ok(Math.abs(out.accuracy - accuracy) < 1e-12);
});

test("forecast: the downloaded job gives the tab's forecast values", async () => {
  await loadFile(page, app.origin, DAILY);
  await page.goto(app.origin + "/#operations");
  await byTest(page, "tab-forecast").click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="forecast-need-table"]'));
  await byTest(page, "forecast-run").click();
  await byTest(page, "forecast-results").waitFor();
  const shown = await page.$$eval('[data-testid="forecast-table"] tbody tr', (trs) =>
    trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]),
  );
  assert.ok(shown.length > 0);
  const { path, job } = await downloadJob("forecast");
  assert.equal(job.kind, "forecast");
  assert.ok(job.date_column && job.value_column);
  const out = cli(path, DAILY);
  const report = out.series[0].report;
  assert.equal(report.forecast.length, shown.length);
  for (const [i, [period, value]] of shown.entries()) {
    assert.equal(out.series[0].future[i], period);
    assert.ok(Math.abs(report.forecast[i] - number(value)) <= 0.0051, `${period}: tab ${value}, CLI ${report.forecast[i]}`);
  }
  step(`forecast: ${JSON.stringify(report.model)}, ${shown.length} periods: ${shown.map((r) => r[1]).join(" ")}`);
});
