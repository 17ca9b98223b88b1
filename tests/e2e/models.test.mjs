// End-to-end: the Models page against the release build in dist/.
// Linear regression of sales on TV, radio and newspaper fitted on all 200 rows of
// Advertising.csv (test share 0, as tools/learn_fixtures.py fits OLS) must give the
// scikit-learn coefficients and intercept of testdata/fixtures/learn_advertising.json to 1e-6.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, stepper, ROOT, SHOTS } from "./harness.mjs";

const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const FIXTURE = join(ROOT, "testdata", "fixtures", "learn_advertising.json");
const SHOPPERS = join(ROOT, "testdata", "uci-online-shoppers", "online_shoppers_intention.csv");
const SHOPPERS_FIXTURE = join(ROOT, "testdata", "fixtures", "learn_shoppers.json");
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let app;
let page;
const step = stepper();

before(async () => {
  app = await launch();
  page = await app.newPage();
});

after(async () => {
  await app?.close();
});

test("OLS on Advertising equals the scikit-learn fixture to 1e-6", async () => {
  const fixture = JSON.parse(await readFile(FIXTURE, "utf8"));
  await loadFile(page, app.origin, ADVERTISING);
  await page.locator('a[href="#models"]').click();
  await byTest(page, "models-run").waitFor();
  await byTest(page, "models-target").selectOption("sales");
  await byTest(page, "models-kind").selectOption("linear");
  await byTest(page, "models-test-size").fill("0");
  await byTest(page, "models-test-size").dispatchEvent("change");
  const t0 = Date.now();
  await byTest(page, "models-run").click();
  await byTest(page, "models-results").waitFor();
  step(`trained in ${Date.now() - t0} ms`);
  for (const [i, name] of fixture.features.entries()) {
    const v = Number(await page.locator(`[data-testid="models-coefficients"] tr[data-feature="${name}"]`).getAttribute("data-value"));
    assert.ok(Math.abs(v - fixture.coefficients[i]) <= 1e-6, `${name}: ${v} vs ${fixture.coefficients[i]}`);
  }
  const b = Number(await byTest(page, "models-intercept").getAttribute("data-value"));
  assert.ok(Math.abs(b - fixture.intercept) <= 1e-6, `intercept ${b}`);
  const r2 = Number(await byTest(page, "metric-r2").getAttribute("data-value"));
  assert.ok(Math.abs(r2 - fixture.r2) <= 1e-6, `r2 ${r2}`);
  console.log(`advertising OLS: intercept ${b}, R² ${r2}`);
});

/** Polls `check` (async, truthy when done) every 100 ms for up to 20 s. */
async function until(check, what) {
  const end = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Pixels of the chart `id`'s canvas that are not (near) white, and the canvas's size. */
async function inked(id) {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
    if (!canvas || canvas.width === 0) return { inked: 0, total: 0 };
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) inked += 1;
    }
    return { inked, total: canvas.width * canvas.height };
  }, id);
}

/** Waits until chart `id` has drawn something (more than 1% of its pixels inked). */
async function assertDrawn(id) {
  const result = await until(async () => {
    const r = await inked(id);
    return r.inked > r.total * 0.01 ? r : null;
  }, `${id} to be drawn`);
  step(`${id}: ${result.inked} of ${result.total} pixels inked`);
  return result;
}

async function train({ target, kind, testSize }) {
  await byTest(page, "models-run").waitFor();
  await byTest(page, "models-target").selectOption(target);
  await byTest(page, "models-kind").selectOption(kind);
  await byTest(page, "models-test-size").fill(String(testSize));
  await byTest(page, "models-test-size").dispatchEvent("change");
  const t0 = Date.now();
  await byTest(page, "models-run").click();
  // A re-run replaces earlier results: wait for results of this target and kind, and for
  // the job to end.
  await page.locator(`[data-testid="models-results"][data-kind="${kind}"][data-target="${target}"]`).waitFor({ timeout: 120_000 });
  await until(async () => (await byTest(page, "job-running").count()) === 0, "the job to end");
  step(`${kind} on ${target} trained in ${Date.now() - t0} ms`);
}

test("Advertising regression shows predicted-vs-actual, residuals and a feature chart", async () => {
  // The page already shows Advertising from the first test; train again on a held-out 20%.
  await train({ target: "sales", kind: "linear", testSize: 0.2 });
  await until(async () => (await byTest(page, "models-rows").getAttribute("data-test")) === "40", "40 held-out rows");
  for (const id of ["chart-fit", "chart-residuals", "chart-feature", "chart-importance"]) {
    await assertDrawn(id);
  }
  const rows = await page.locator('[data-testid="fit-table"] tbody tr').count();
  assert.equal(rows, 40, "the fit table lists every held-out row");
  // Linear regression on raw features: the caption says the line is the partial line.
  assert.match(await byTest(page, "feature-caption").textContent(), /held at their means/);
  await byTest(page, "models-feature").selectOption("radio");
  await assertDrawn("chart-feature");
  const png = await savePng("chart-fit");
  step(`predicted-vs-actual PNG: ${png.length} bytes`);
});

/** Clicks the "Save as PNG" button of chart `id` and returns the downloaded bytes. */
async function savePng(id) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`[data-testid="${id}"] figcaption button`).click(),
  ]);
  const path = await file.path();
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, `${id} export is a PNG`);
  assert.match(file.suggestedFilename(), /\.png$/);
  return bytes;
}

test("logistic on online shoppers: ROC with AUC and a confusion matrix summing to n_test", async () => {
  await loadFile(page, app.origin, SHOPPERS);
  await page.locator('a[href="#models"]').click();
  await train({ target: "Revenue", kind: "logistic", testSize: 0.2 });
  await byTest(page, "classification-charts").waitFor();
  await assertDrawn("chart-confusion");
  await assertDrawn("chart-roc");
  const nTest = Number(await byTest(page, "models-rows").getAttribute("data-test"));
  const counts = await page.locator('[data-testid="confusion-cell"]').evaluateAll((cells) =>
    cells.map((c) => Number(c.getAttribute("data-count"))),
  );
  assert.equal(counts.length, 4, "2 × 2 cells for a binary target");
  assert.equal(counts.reduce((a, b) => a + b, 0), nTest, `cells ${counts} sum to n_test ${nTest}`);
  const auc = Number(await byTest(page, "roc-auc").getAttribute("data-value"));
  const metricAuc = Number(await byTest(page, "metric-roc_auc").getAttribute("data-value"));
  assert.ok(auc > 0.8 && auc <= 1, `AUC ${auc}`);
  assert.equal(auc, metricAuc);
  console.log(`shoppers logistic: n_test ${nTest}, confusion ${counts}, AUC ${auc}`);
});

test("decision tree on online shoppers: the diagram's root is the core tree's root split; nodes fold; PNG export", async () => {
  const fixture = JSON.parse(await readFile(SHOPPERS_FIXTURE, "utf8"));
  const rootFeature = fixture.features[fixture.tree_depth3[0].feature];
  await byTest(page, "models-kind").selectOption("tree");
  // The model form may offer a depth limit (another part of the page); the root split does
  // not depend on it, so the test works either way.
  const depth = page.locator('[data-testid="models-max-depth"]');
  if (await depth.count()) {
    await depth.fill("3");
    await depth.dispatchEvent("change");
  }
  await train({ target: "Revenue", kind: "tree", testSize: 0.2 });
  await byTest(page, "tree-section").waitFor();
  await assertDrawn("chart-tree");
  const root = page.locator('[data-testid="tree-text"] tbody tr').first();
  assert.equal(await root.getAttribute("data-node"), "0");
  const rootText = await root.locator(".tree-split").textContent();
  assert.ok(rootText.startsWith(`${rootFeature} ≤`), `root split "${rootText}" names ${rootFeature}`);
  console.log(`tree root: ${rootText}`);

  // Folding: click the root box on the canvas, the diagram shows the root alone; again, it
  // shows the first levels again.
  const diagram = byTest(page, "tree-diagram");
  const shown = Number(await diagram.getAttribute("data-visible"));
  assert.ok(shown > 1, `visible nodes ${shown}`);
  const canvas = page.locator('[data-testid="chart-tree"] canvas');
  const rx = Number(await diagram.getAttribute("data-root-x"));
  const ry = Number(await diagram.getAttribute("data-root-y"));
  // `position` is relative to the canvas, as the root's coordinates are.
  await canvas.click({ position: { x: rx, y: ry } });
  await until(async () => (await diagram.getAttribute("data-visible")) === "1", "the tree to fold");
  await canvas.click({ position: { x: rx, y: ry } });
  await until(async () => Number(await diagram.getAttribute("data-visible")) === shown, "the tree to unfold");
  // The same from the table's button.
  await page.locator('[data-testid="tree-text"] summary, [data-testid="tree-section"] details > summary').first().click();
  await page.locator('[data-testid="tree-text"] tbody tr').first().locator('[data-testid="tree-toggle"]').click();
  await until(async () => (await diagram.getAttribute("data-visible")) === "1", "the table button to fold");
  await page.locator('[data-testid="tree-text"] tbody tr').first().locator('[data-testid="tree-toggle"]').click();
  await until(async () => Number(await diagram.getAttribute("data-visible")) === shown, "the table button to unfold");
  // Zoom moves the root box.
  await byTest(page, "tree-zoom-in").click();
  await until(async () => (await diagram.getAttribute("data-root-y")) !== String(ry.toFixed(1)), "zoom to move the root");

  const png = await savePng("chart-tree");
  step(`tree PNG: ${png.length} bytes`);
  await page.screenshot({ path: join(SHOTS, "models-tree.png"), fullPage: true });
});

test("nothing left the machine and the console stayed clean", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.consoleErrors, []);
});
