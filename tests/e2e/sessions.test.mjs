// End-to-end: sessions kept on the user's machine — a reload brings back the loaded file,
// its reading settings and column changes; recent sessions reopen; "clear all local data"
// empties it. Runs against dist/ (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, byTest, stepper, ROOT } from "./harness.mjs";

const QUIRKS = join(ROOT, "testdata", "quirks");
const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const step = stepper();
let env;

before(async () => {
  env = await launch();
});

after(async () => {
  await env?.close();
});

const types = (page) => byTest(page, "type-select").evaluateAll((els) => els.map((e) => e.value));

test("a reload loses nothing; recent sessions reopen; clear all empties the store", async () => {
  const page = await env.newPage();
  await page.goto(env.origin + "/#data");
  step("load two files");
  await byTest(page, "file-input").setInputFiles(ADVERTISING);
  await byTest(page, "file-name").filter({ hasText: "Advertising.csv" }).waitFor();
  await byTest(page, "file-input").setInputFiles(join(QUIRKS, "number_with_word.csv"));
  await byTest(page, "file-name").filter({ hasText: "number_with_word.csv" }).waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("shoplens.sessions") ?? "[]").length === 2);

  step("override a type, then reload");
  await byTest(page, "type-select").nth(1).selectOption("integer");
  await byTest(page, "retype-notice").waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("shoplens.sessions"))[0].edits.length === 1);
  await page.reload();
  await byTest(page, "file-name").filter({ hasText: "number_with_word.csv" }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="type-select"]')[1]?.value === "integer");
  assert.deepEqual(await types(page), ["text", "integer"], "the override came back");
  assert.equal(await byTest(page, "column-missing").nth(1).textContent(), "1 (25.0%)");

  step("reopen the older session");
  await byTest(page, "sessions").locator("summary").click();
  assert.equal(await byTest(page, "session").count(), 2);
  await byTest(page, "session").filter({ hasText: "Advertising.csv" }).locator("button").click();
  await byTest(page, "file-name").filter({ hasText: "Advertising.csv" }).waitFor();
  assert.equal(await byTest(page, "rows").textContent(), "200");

  step("a new tab finds it too");
  const other = await env.newPage();
  await other.goto(env.origin + "/#data");
  await byTest(other, "file-name").filter({ hasText: "Advertising.csv" }).waitFor();
  await other.close();

  step("clear all local data");
  assert.match(await byTest(page, "clear-local").textContent(), /Clear all local data \(\d/);
  await byTest(page, "clear-local").click();
  await byTest(page, "session").first().waitFor({ state: "detached" });
  const files = await page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    const names = [];
    for await (const name of dir.keys()) names.push(name);
    return names;
  });
  assert.deepEqual(files, []);
  assert.equal(await page.evaluate(() => localStorage.getItem("shoplens.sessions")), null);
  assert.equal(await byTest(page, "rows").textContent(), "200", "what is loaded stays loaded");
  await page.reload();
  await byTest(page, "nothing-loaded").waitFor();
  await page.close();
});

test("sessions: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
