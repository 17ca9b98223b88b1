// End-to-end: the user's journey on the Data page, against the release build in dist/,
// served on 127.0.0.1 at / and at /shoplens/. Run with `make test-e2e` (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { bigCsv } from "./harness.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "target", "e2e");
const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = 60_000;

let server;
let browser;
let context;
let page;
const foreignRequests = [];
const consoleErrors = [];

before(async () => {
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  // Every request of the page and its worker must go to our own server.
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(server.origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) {
      foreignRequests.push(url);
    }
  });
  // CSP violations are console errors too; record them with their details as well.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page = await context.newPage();
  watch(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function watch(p) {
  p.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  p.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  p.on("worker", (worker) => worker.on("close", () => {}));
}

const started = Date.now();
/** Notes progress on stderr (TAP diagnostics), so a slow step shows where time goes. */
const step = (name) => console.error(`# ${((Date.now() - started) / 1000).toFixed(1)}s ${name}`);

const byTest = (id) => page.locator(`[data-testid="${id}"]`);

async function upload(name, buffer, mimeType = "text/csv") {
  await byTest("file-input").setInputFiles({ name, mimeType, buffer });
}

/** A minimal valid PNG (1×1, grey), to be renamed `.csv`. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010800000000" +
    "3a7e9b550000000a49444154789c636000000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

test("Data page: load, inspect, switch language, reject bad files, cancel", async () => {
  step("open the page");
  await page.goto(server.origin + "/");
  await page.locator("main h1", { hasText: "Data" }).waitFor();
  assert.equal(await page.locator("nav a").count(), 6);

  step("load Advertising.csv");
  // Load Advertising.csv: 200 rows, 4 decimal columns, 100 preview rows.
  const advertising = await readFile(ADVERTISING);
  await upload("Advertising.csv", advertising);
  await byTest("rows").filter({ hasText: "200" }).waitFor();
  assert.equal(await byTest("columns").textContent(), "4");
  assert.equal(await byTest("file-name").textContent(), "Advertising.csv");
  assert.equal(await byTest("column-row").count(), 4);
  const types = () => byTest("type-select").evaluateAll((els) => els.map((e) => e.value));
  const typeLabels = () => byTest("type-select").evaluateAll((els) => els.map((e) => e.selectedOptions[0].textContent));
  assert.deepEqual(await types(), ["decimal", "decimal", "decimal", "decimal"]);
  assert.deepEqual(await typeLabels(), ["decimal", "decimal", "decimal", "decimal"]);
  assert.equal(await byTest("histogram").count(), 4, "a histogram per numeric column");
  assert.deepEqual(await byTest("column-missing").allTextContents(), ["0 (0%)", "0 (0%)", "0 (0%)", "0 (0%)"]);
  assert.equal(await byTest("preview-row").count(), 100);
  assert.match(await byTest("preview-caption").textContent(), /first 100 of 200 rows/);
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, "data-page-en.png"), fullPage: true });

  step("switch to Chinese");
  // Switch to Chinese: navigation, headings and type labels change.
  await page.locator("[data-lang=zh]").click();
  await page.locator("main h1", { hasText: "数据" }).waitFor();
  assert.equal(await page.locator("[data-page=baskets]").textContent(), "购物篮分析");
  assert.equal(await page.locator("[data-page=customers]").textContent(), "客户分群");
  assert.deepEqual(await typeLabels(), ["小数", "小数", "小数", "小数"]);
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");

  step("PNG renamed .csv");
  // A PNG renamed .csv: a clear message in Chinese; the earlier table stays loaded.
  await upload("photo.csv", PNG);
  await byTest("job-error").waitFor();
  assert.match(await byTest("job-error").textContent(), /PNG 图片/);
  assert.match(await byTest("job-error").textContent(), /之前加载的数据仍然保留/);
  assert.equal(await byTest("rows").textContent(), "200");
  assert.equal(await byTest("preview-row").count(), 100);
  await page.screenshot({ path: join(SHOTS, "data-page-zh-error.png"), fullPage: true });

  // The same error follows the language switch.
  await page.locator("[data-lang=en]").click();
  assert.match(await byTest("job-error").textContent(), /looks like a PNG image/);

  step("empty file");
  // An empty file.
  await upload("empty.csv", Buffer.alloc(0));
  await byTest("job-error").filter({ hasText: "The file is empty" }).waitFor();
  assert.equal(await byTest("rows").textContent(), "200");

  step("cancel a big file");
  // Cancel a big file while it is read or parsed: the worker is terminated at once, the
  // page stays usable and keeps the earlier table.
  // Written to disk: a path goes to the local browser as is, a buffer crawls through CDP.
  const big = join(SHOTS, "big.csv");
  await writeFile(big, bigCsv(20 * 1024 * 1024));
  // Every file name the page shows from now on, to prove the cancelled one never arrives.
  await page.evaluate(() => {
    window.__shownNames = [];
    new MutationObserver(() => {
      const name = document.querySelector('[data-testid="file-name"]')?.textContent;
      if (name) window.__shownNames.push(name);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await byTest("file-input").setInputFiles(big);
  await byTest("job-running").waitFor();
  const clicked = Date.now();
  await byTest("cancel").click();
  await byTest("job-cancelled").waitFor();
  assert.ok(Date.now() - clicked < 2000, "cancel took effect at once");
  assert.equal(await byTest("rows").textContent(), "200");
  assert.equal(await byTest("file-name").textContent(), "Advertising.csv");

  step("reload in a new worker");
  // A new worker serves the next file; the cancelled one never showed before it.
  await upload("Advertising-again.csv", advertising);
  await byTest("file-name").filter({ hasText: "Advertising-again.csv" }).waitFor();
  assert.equal(await byTest("rows").textContent(), "200");
  assert.ok(
    !(await page.evaluate(() => window.__shownNames)).includes("big.csv"),
    "the cancelled file never arrived",
  );

  step("remembered language");
  // Language is remembered across visits.
  await page.locator("[data-lang=zh]").click();
  await page.reload();
  await page.locator("main h1", { hasText: "数据" }).waitFor();
  await page.locator("[data-lang=en]").click();

  step("navigate by fragment");
  // The navigation routes by URL fragment.
  await page.locator("[data-page=models]").click();
  await page.locator("main h1").waitFor();
  assert.match(page.url(), /#models$/);
});

test("the same build works under a sub-path (/shoplens/)", async () => {
  const sub = await context.newPage();
  watch(sub);
  await sub.goto(server.origin + "/shoplens/#data");
  await sub.locator("main h1").waitFor();
  await sub.locator('[data-testid="file-input"]').setInputFiles(ADVERTISING);
  await sub.locator('[data-testid="rows"]', { hasText: "200" }).waitFor();
  await sub.screenshot({ path: join(SHOTS, "data-page-subpath.png") });
  await sub.close();
});

test("no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(consoleErrors, []);
});
