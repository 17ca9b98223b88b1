// End-to-end: "Export report" saves the page on screen as one self-contained HTML file in
// the current language — tables, chart images, settings — with no script and no link to
// anything outside the file. Runs against dist/ (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, ROOT } from "./harness.mjs";

const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
let env;

before(async () => {
  env = await launch();
});

after(async () => {
  await env?.close();
});

async function saveReport(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), byTest(page, "export-report").click()]);
  assert.match(download.suggestedFilename(), /^shoplens-data-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.html$/);
  return readFile(await download.path(), "utf8");
}

test("the Data page exports as a self-contained report, in English and in Chinese", async () => {
  const page = await env.newPage();
  await loadFile(page, env.origin, ADVERTISING);

  const english = await saveReport(page);
  assert.match(english, /^<!doctype html>/);
  assert.match(english, /<html lang="en">/);
  assert.match(english, /data file: Advertising\.csv/);
  assert.match(english, /Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // The column table and the preview rows are in it; no controls, scripts or outside links.
  assert.ok(english.includes(">TV<"), "column names");
  assert.ok((english.match(/<tr/g) ?? []).length > 100, "preview rows");
  for (const banned of ["<script", "<button", "<input", "<link", "http://", "https://"]) {
    assert.ok(!english.includes(banned), `report contains ${banned}`);
  }
  const canvases = await page.locator("main canvas").count();
  assert.equal((english.match(/<img src="data:image\/png;base64,/g) ?? []).length, canvases, "one image per chart");

  await page.locator("[data-lang=zh]").click();
  const chinese = await saveReport(page);
  assert.match(chinese, /<html lang="zh-CN">/);
  assert.match(chinese, /数据文件：Advertising\.csv/);
  assert.match(chinese, /数据从未离开您的电脑/);
  await page.locator("[data-lang=en]").click();
  await page.close();
});

test("report: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
