// End-to-end: the app on a 390 × 844 phone. With data loaded and a result on each page,
// no page is wider than the screen, the header is one short line, wide tables scroll in
// their own box with the first column fixed, and charts fit their box. Screenshots of
// every page go to target/e2e/phone-*.png. Runs against dist/ (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, byTest, loadFile, settled, stepper, ROOT, SHOTS } from "./harness.mjs";

const step = stepper();

const SAMPLE = join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv");
const PAGES = ["data", "baskets", "models", "customers", "operations"];
const WIDTH = 390;
const HEIGHT = 844;
let env;
let page;

before(async () => {
  env = await launch();
  page = await env.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
});

after(async () => {
  await env?.close();
});

/** What overflows, measured on the page as it is now. */
async function measure() {
  return page.evaluate(() => {
    const header = document.querySelector("header.topbar").getBoundingClientRect();
    const wide = [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest(".table-scroll, .rules-scroll, table.grid, .nav"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
    const canvases = [...document.querySelectorAll("main canvas")]
      .filter((c) => c.offsetParent)
      .map((c) => ({ css: c.getBoundingClientRect().width, box: c.parentElement.getBoundingClientRect().width }));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      headerHeight: header.height,
      headerTop: header.top,
      wide,
      canvases,
    };
  });
}

async function checkPage(name, lang) {
  await page.locator(`a[href="#${name}"]`).click();
  await settled(page);
  const m = await measure();
  assert.ok(m.scrollWidth <= WIDTH, `${name} (${lang}) is ${m.scrollWidth} px wide: ${m.wide.join("; ")}`);
  assert.ok(m.headerHeight <= 0.12 * HEIGHT, `${name} (${lang}) header ${m.headerHeight} px`);
  for (const c of m.canvases) assert.ok(c.css <= c.box + 1, `${name}: a chart ${c.css} px in a ${c.box} px box`);
  await page.screenshot({ path: join(SHOTS, `phone-${name}-${lang}.png`) });
  return m;
}

test("every page fits a 390 px phone with data and results, in both languages", async () => {
  await loadFile(page, env.origin, SAMPLE);
  // One result on each analysis page, so the widest views (tables, charts) are measured.
  await page.locator('a[href="#customers"]').click();
  await byTest(page, "rfm-run").click();
  await byTest(page, "rfm-results").waitFor();
  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "mine").click();
  await byTest(page, "run-summary").waitFor({ timeout: 300_000 });
  await page.locator('a[href="#models"]').click();
  // As a user would: the feature plan (which columns are used, which left out) first.
  await byTest(page, "models-features").waitFor();
  await byTest(page, "models-run").click();
  try {
    await byTest(page, "models-results").waitFor({ timeout: 300_000 });
  } catch (error) {
    step(`models page: ${(await page.locator("main").innerText()).replace(/\s+/g, " ").slice(0, 2000)}`);
    throw error;
  }
  await page.locator('a[href="#operations"]').click();
  await byTest(page, "forecast-date").selectOption("InvoiceDate");
  await byTest(page, "forecast-value").selectOption("Quantity");
  await byTest(page, "forecast-run").click();
  await byTest(page, "forecast-results").waitFor({ timeout: 300_000 });

  for (const lang of ["en", "zh"]) {
    await page.locator(`[data-lang=${lang}]`).click();
    for (const name of PAGES) await checkPage(name, lang);
  }
  await page.locator("[data-lang=en]").click();
});

test("a wide table scrolls in its box with the first column fixed", async () => {
  await page.locator('a[href="#customers"]').click();
  const table = byTest(page, "rfm-segments");
  await table.waitFor();
  const box = page.locator('.table-scroll:has([data-testid="rfm-segments"])');
  const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(sizes.scroll > sizes.client, `the table is wider than its box: ${JSON.stringify(sizes)}`);
  const firstCell = table.locator("tbody tr").first().locator("th, td").first();
  const before = await firstCell.boundingBox();
  await box.evaluate((el) => el.scrollBy(200, 0));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const after = await firstCell.boundingBox();
  assert.ok(Math.abs(after.x - before.x) < 1, `first column moved from ${before.x} to ${after.x}`);
  const position = await firstCell.evaluate((el) => getComputedStyle(el).position);
  assert.equal(position, "sticky");
  await page.screenshot({ path: join(SHOTS, "phone-table-scrolled.png") });
});

test("phone: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
