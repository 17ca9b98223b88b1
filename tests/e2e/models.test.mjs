// End-to-end: the Models page against the release build in dist/.
// Linear regression of sales on TV, radio and newspaper fitted on all 200 rows of
// Advertising.csv (test share 0, as tools/learn_fixtures.py fits OLS) must give the
// scikit-learn coefficients and intercept of testdata/fixtures/learn_advertising.json to 1e-6.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, stepper, ROOT } from "./harness.mjs";

const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const FIXTURE = join(ROOT, "testdata", "fixtures", "learn_advertising.json");

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

test("nothing left the machine and the console stayed clean", () => {
  assert.deepEqual(app.foreignRequests, []);
  assert.deepEqual(app.consoleErrors, []);
});
