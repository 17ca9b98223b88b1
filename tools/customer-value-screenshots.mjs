// Takes the customer-value screenshots of docs/screenshots/customer-value/ from the release
// build in dist/ (run `make dist` first): the lifetime-value holdout chart on the CDNOW
// sample, the cohort heat map, the ABC/XYZ matrix and the recommendations' hit rates against
// popularity on the Online Retail 20,000-line sample, each in English and Chinese. Prints
// the figures the pages show, for the README beside the pictures.
//   node tools/customer-value-screenshots.mjs
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, settled, ROOT } from "../tests/e2e/harness.mjs";

const OUT = join(ROOT, "docs", "screenshots", "customer-value");
const CDNOW = join(ROOT, "testdata", "cdnow-sample", "cdnow_sample.csv");
const RETAIL = join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv");
await mkdir(OUT, { recursive: true });
const env = await launch();
const page = await env.newPage();
await page.setViewportSize({ width: 1280, height: 900 });

const shot = async (id, name) => {
  await settled(page);
  await byTest(page, id).screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`wrote docs/screenshots/customer-value/${name}.png`);
};
const value = async (id) => byTest(page, id).getAttribute("data-value");
const language = async (lang) => page.locator(`[data-lang=${lang}]`).click();

for (const lang of ["en", "zh"]) {
  await page.goto(env.origin + "/#data");
  await language(lang);

  // Lifetime value with a holdout: CDNOW, calibrated on its first 39 weeks as in Fader,
  // Hardie & Lee (2005).
  await loadFile(page, env.origin, CDNOW);
  await page.locator('a[href="#customers"]').click();
  await byTest(page, "tab-clv").click();
  await byTest(page, "clv-calibration").fill("1997-09-30");
  await byTest(page, "clv-calibration").dispatchEvent("change");
  await byTest(page, "clv-run").click();
  await byTest(page, "clv-results").waitFor({ timeout: 300_000 });
  await shot("chart-clv-holdout", `clv-holdout-cdnow-${lang}`);
  if (lang === "en") {
    const figures = {};
    for (const key of ["r", "alpha", "a", "b", "ll", "customers", "holdout-actual", "holdout-predicted"]) {
      figures[key] = await value(`clv-${key}`);
    }
    console.log("CDNOW BG/NBD:", JSON.stringify(figures));
  }

  // Cohorts, ABC/XYZ and recommendations: Online Retail.
  await loadFile(page, env.origin, RETAIL);
  await page.locator('a[href="#customers"]').click();
  await byTest(page, "tab-cohorts").click();
  await byTest(page, "cohort-run").click();
  await byTest(page, "cohort-results").waitFor({ timeout: 300_000 });
  await shot("chart-cohort-heat-map", `cohort-heat-map-retail-${lang}`);

  await page.locator('a[href="#products"]').click();
  await byTest(page, "abc-run").click();
  await byTest(page, "abc-results").waitFor({ timeout: 300_000 });
  await shot("abc-results", `abc-xyz-retail-${lang}`);
  if (lang === "en") {
    const cells = page.locator('[data-testid^="abc-cell-"][data-products]');
    const matrix = {};
    for (let i = 0; i < (await cells.count()); i++) {
      const cell = cells.nth(i);
      const name = (await cell.getAttribute("data-testid")).replace("abc-cell-", "");
      matrix[name] = [Number(await cell.getAttribute("data-products")), Number(await cell.getAttribute("data-revenue"))];
    }
    console.log("ABC/XYZ cells [products, revenue]:", JSON.stringify(matrix));
  }

  await byTest(page, "rec-run").click();
  await byTest(page, "rec-results").waitFor({ timeout: 300_000 });
  await shot("rec-results", `recommendations-retail-${lang}`);
  if (lang === "en") {
    const figures = {};
    for (const key of ["model-hit", "model-recall", "popular-hit", "popular-recall", "evaluated", "customers"]) {
      figures[key] = await value(`rec-${key}`);
    }
    console.log("recommendations:", JSON.stringify(figures), await byTest(page, "rec-selection").innerText());
  }
}
await env.close();
