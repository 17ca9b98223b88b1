// End-to-end: sessions kept on the user's machine — a reload brings back the loaded file,
// its reading settings and column changes, and each analysis's settings and results without
// running the kernel again; recent sessions reopen; "clear all local data" empties it; a
// storage failure is shown while the app keeps working in memory. Runs against dist/
// (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, settled, stepper, until, ROOT } from "./harness.mjs";

const QUIRKS = join(ROOT, "testdata", "quirks");
const RETAIL = join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv");
const MUSHROOM = join(ROOT, "testdata", "fimi-mushroom", "mushroom.dat");
const GROCERIES = join(ROOT, "testdata", "arules-groceries", "groceries.csv");
const STOPS = join(ROOT, "testdata", "fixtures", "operations_stops.csv");
const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const step = stepper();
let env;

before(async () => {
  env = await launch();
  // Record every job the page sends to the worker ("baskets:Mine", "customers:Rfm"...), so
  // a test can tell that a result shown after a reload came from storage, not a kernel.
  await env.context.addInitScript(() => {
    window.__jobs = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      try {
        const { job } = JSON.parse(Array.isArray(message) ? message[0] : message);
        const inner = job.args && typeof job.args === "object" ? Object.keys(job.args)[0] : job.args;
        window.__jobs.push(`${job.job}:${inner ?? ""}`);
      } catch {
        // Not a job request.
      }
      return post.call(this, message, ...rest);
    };
  });
});

/** Jobs sent since the page loaded that compute an analysis kept with the session. */
const analyses = (page) =>
  page.evaluate(() => window.__jobs.filter((j) => /^(baskets:mine|customers:rfm|models:train|operations:routes)/i.test(j)));

/** The keys of the results kept in OPFS for the most recent session. */
const keptKeys = (page) =>
  page.evaluate(async () => {
    const [session] = JSON.parse(localStorage.getItem("shoplens.sessions") ?? "[]");
    if (!session) return [];
    try {
      const dir = await navigator.storage.getDirectory();
      const file = await (await dir.getFileHandle(`${session.id}-results.json`)).getFile();
      return Object.keys(JSON.parse(await file.text()).results).sort();
    } catch {
      return [];
    }
  });

/** Clears all local data from the Data page. */
async function clearAll(page) {
  await page.locator('a[href="#data"]').click();
  const list = byTest(page, "sessions");
  if ((await list.getAttribute("open")) === null) await list.locator("summary").click();
  await byTest(page, "clear-local").click();
  await byTest(page, "session").first().waitFor({ state: "detached" });
}

/** Every file name in this origin's OPFS. */
const opfsNames = (page) =>
  page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    const names = [];
    for await (const name of dir.keys()) names.push(name);
    return names;
  });

/** After "clear all": a reload opens nothing, and no analysis shows a result. */
async function reopenNothing(page) {
  await page.goto(page.url().replace(/#.*$/, "#customers"));
  await page.reload();
  await byTest(page, "customers-empty").waitFor();
  assert.equal(await byTest(page, "rfm-results").count(), 0);
}

/** What a Baskets result looks like on screen: the run summary and the first rule. */
async function basketsShown(page) {
  await byTest(page, "run-summary").waitFor();
  const first = byTest(page, "rule-row").first();
  return {
    summary: await byTest(page, "run-summary").textContent(),
    rule: await first.locator(".antecedent").textContent(),
    consequent: await first.locator(".consequent").textContent(),
    lift: await first.locator("td.lift").textContent(),
    support: await byTest(page, "min-support").inputValue(),
    confidence: await byTest(page, "min-confidence").inputValue(),
    algorithm: await byTest(page, "algorithm").inputValue(),
  };
}

/** What the RFM result looks like: customers, champions, the analysis day used. */
async function rfmShown(page) {
  await byTest(page, "rfm-results").waitFor();
  return {
    customers: await byTest(page, "rfm-customers").innerText(),
    champions: await byTest(page, "rfm-row-champions").getAttribute("data-customers"),
    asOf: await byTest(page, "rfm-as-of-used").innerText(),
    customerColumn: await byTest(page, "col-customer").first().inputValue(),
  };
}

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

test("analysis results come back after a reload and a reopen, without running a kernel", async () => {
  const page = await env.newPage();
  const open = (path, name) => async () => {
    await page.locator('a[href="#data"]').click();
    await byTest(page, "file-input").setInputFiles(path);
    await byTest(page, "file-name").filter({ hasText: name }).waitFor();
  };
  const reopen = async (name) => {
    await page.locator('a[href="#data"]').click();
    const list = byTest(page, "sessions");
    if ((await list.getAttribute("open")) === null) await list.locator("summary").click();
    await byTest(page, "session").filter({ hasText: name }).locator("button").click();
    await byTest(page, "file-name").filter({ hasText: name }).waitFor();
  };
  /** Waits until the newest session's kept results hold `keys`. */
  const kept = async (keys) => {
    await until(
      page,
      async (want) => {
        const [session] = JSON.parse(localStorage.getItem("shoplens.sessions") ?? "[]");
        if (!session) return false;
        try {
          const dir = await navigator.storage.getDirectory();
          const file = await (await dir.getFileHandle(`${session.id}-results.json`)).getFile();
          return JSON.stringify(Object.keys(JSON.parse(await file.text()).results).sort()) === want;
        } catch {
          return false;
        }
      },
      JSON.stringify(keys),
      { timeout: 20_000 },
    ).catch(() => {});
    assert.deepEqual(await keptKeys(page), keys);
  };
  await page.goto(env.origin + "/#data");

  step("session 1: the retail sample, RFM with a chosen analysis day");
  await open(RETAIL, "online_retail_sample20k.csv")();
  await page.locator('a[href="#customers"]').click();
  await byTest(page, "rfm-as-of").fill("2011-12-01");
  await byTest(page, "rfm-run").click();
  const rfm = await rfmShown(page);
  assert.match(rfm.customers, /^[\d,]+$/);
  assert.equal(rfm.asOf, "2011-12-01");
  await kept(["customers.rfm"]);

  step("session 2: Advertising, a linear model with seed 7 and a 30% test share");
  await open(ADVERTISING, "Advertising.csv")();
  await page.locator('a[href="#models"]').click();
  await byTest(page, "models-target").selectOption("sales");
  await byTest(page, "models-test-size").fill("0.3");
  await byTest(page, "models-test-size").dispatchEvent("change");
  await byTest(page, "models-seed").fill("7");
  await byTest(page, "models-seed").dispatchEvent("change");
  await byTest(page, "models-run").click();
  await byTest(page, "models-results").waitFor();
  const model = {
    r2: await byTest(page, "metric-r2").getAttribute("data-value"),
    fit: await byTest(page, "models-fit-ms").getAttribute("data-value"),
  };
  await page.locator('a[href="#operations"]').click();
  await byTest(page, "tab-routes").click();
  await byTest(page, "routes-file").setInputFiles(STOPS);
  await page.waitForFunction(() => document.querySelector('[data-testid="routes-source"]').value === "file");
  await byTest(page, "routes-vehicles").fill("3");
  await byTest(page, "routes-capacity").fill("10");
  await byTest(page, "routes-run").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="routes-instance"]')?.textContent.trim() === "operations_stops",
  );
  const routes = (await byTest(page, "routes-length").textContent()).trim();
  assert.equal(routes, "357.32");
  await kept(["models.train", "operations.routes"]);

  step("session 3: groceries, an Eclat search at 1% / 0.5");
  await open(GROCERIES, "groceries.csv")();
  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "basket-report").waitFor();
  await byTest(page, "algorithm").selectOption("eclat");
  await byTest(page, "min-support").fill("0.01");
  await byTest(page, "min-confidence").fill("0.5");
  await byTest(page, "mine").click();
  const baskets = await basketsShown(page);
  assert.match(baskets.summary, /^333 itemsets, 15 rules in/);
  assert.deepEqual([baskets.support, baskets.confidence, baskets.algorithm], ["0.01", "0.5", "eclat"]);
  await kept(["baskets.mine"]);
  step(`kept ${await page.locator("html").getAttribute("data-results-bytes")} bytes of results`);

  step("another page and back: still there");
  await page.locator('a[href="#customers"]').click();
  await page.locator('a[href="#baskets"]').click();
  assert.deepEqual(await basketsShown(page), baskets);

  step("reload on the Baskets page: the same result and settings, no search ran");
  const reloaded = Date.now();
  await page.reload();
  assert.deepEqual(await basketsShown(page), baskets);
  step(`back ${Date.now() - reloaded} ms after the reload (read ${await page.locator("html").getAttribute("data-results-read-ms")} ms)`);
  assert.deepEqual(await analyses(page), [], "no analysis ran after the reload");

  step("a follow-up in the worker still works: the baskets behind the first rule");
  await byTest(page, "rule-row").first().click();
  await byTest(page, "show-baskets").click();
  await byTest(page, "behind").waitFor();
  assert.match(await byTest(page, "behind").textContent(), /^\d+ baskets hold all these items/);

  step("reopen Advertising: the model and its settings, and saving it still works");
  await reopen("Advertising.csv");
  await page.locator('a[href="#models"]').click();
  await byTest(page, "models-results").waitFor();
  assert.equal(await byTest(page, "metric-r2").getAttribute("data-value"), model.r2);
  assert.equal(await byTest(page, "models-fit-ms").getAttribute("data-value"), model.fit);
  assert.equal(await byTest(page, "models-seed").inputValue(), "7");
  assert.equal(await byTest(page, "models-test-size").inputValue(), "0.3");
  const [download] = await Promise.all([page.waitForEvent("download"), byTest(page, "models-save").click()]);
  const saved = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(saved.format, "shoplens-model");
  assert.equal(saved.kind, "linear");
  step("... and the routes of the stops file picked on the Operations page, with their settings");
  await page.locator('a[href="#operations"]').click();
  await byTest(page, "tab-routes").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="routes-instance"]')?.textContent.trim() === "operations_stops",
  );
  assert.equal((await byTest(page, "routes-length").textContent()).trim(), routes);
  assert.equal(await byTest(page, "routes-source").inputValue(), "file");
  assert.equal(await byTest(page, "routes-vehicles").inputValue(), "3");
  assert.equal(await byTest(page, "routes-capacity").inputValue(), "10");

  step("reopen the retail sample: its RFM, and no Baskets result (that was another session)");
  await reopen("online_retail_sample20k.csv");
  await page.locator('a[href="#customers"]').click();
  assert.deepEqual(await rfmShown(page), rfm);
  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "basket-settings").waitFor();
  // The session's results were read before its RFM showed; the page has painted since.
  await settled(page);
  assert.equal(await byTest(page, "run-summary").count(), 0);
  assert.deepEqual(
    (await analyses(page)).filter((j) => !/^models:SaveModel/.test(j)),
    [],
    "reopening ran no analysis",
  );

  step("reload on the Customers page");
  await page.locator('a[href="#customers"]').click();
  await page.reload();
  assert.deepEqual(await rfmShown(page), rfm);
  assert.deepEqual(await analyses(page), []);

  step("a new file starts with no results");
  await open(join(QUIRKS, "number_with_word.csv"), "number_with_word.csv")();
  await page.locator('a[href="#customers"]').click();
  await byTest(page, "tab-rfm").click();
  await byTest(page, "rfm-run").waitFor();
  await settled(page);
  assert.equal(await byTest(page, "rfm-results").count(), 0);

  step("clear all local data: the results go too");
  await page.locator('a[href="#data"]').click();
  const list = byTest(page, "sessions");
  if ((await list.getAttribute("open")) === null) await list.locator("summary").click();
  assert.match(await byTest(page, "clear-local").textContent(), /Clear all local data \(\d/);
  assert.ok((await opfsNames(page)).some((name) => name.endsWith("-results.json")));
  await byTest(page, "clear-local").click();
  await byTest(page, "session").first().waitFor({ state: "detached" });
  assert.deepEqual(await opfsNames(page), []);
  await reopenNothing(page);
  await page.close();
});

test("50,000 rules come back after a reload (timed)", async () => {
  const page = await env.newPage();
  await page.goto(env.origin + "/#data");
  await byTest(page, "file-input").setInputFiles(MUSHROOM);
  await byTest(page, "file-name").filter({ hasText: "mushroom.dat" }).waitFor();
  await page.goto(env.origin + "/#baskets");
  await byTest(page, "basket-report").waitFor();
  await byTest(page, "min-support").fill("0.22");
  await byTest(page, "min-confidence").fill("0.5");
  await byTest(page, "mine").click();
  await byTest(page, "run-summary").waitFor({ timeout: 300_000 });
  const before = await basketsShown(page);
  assert.match(before.summary, /79,247 rules/);
  // Wait until the file holds what was serialised (an earlier, empty write may have set
  // the marks first; a reload during a write keeps the previous file).
  const html = page.locator("html");
  await until(
    page,
    async () => {
      const html = document.documentElement;
      const bytes = Number(html.getAttribute("data-results-bytes"));
      if (!(bytes > 1e6) || !html.hasAttribute("data-results-write-ms")) return false;
      const [session] = JSON.parse(localStorage.getItem("shoplens.sessions") ?? "[]");
      try {
        const dir = await navigator.storage.getDirectory();
        return (await (await dir.getFileHandle(`${session.id}-results.json`)).getFile()).size === bytes;
      } catch {
        return false;
      }
    },
    null,
    { what: "the rules written to the session's file" },
  );
  const written = {
    bytes: await html.getAttribute("data-results-bytes"),
    serialize: await html.getAttribute("data-results-serialize-ms"),
    write: await html.getAttribute("data-results-write-ms"),
  };
  const reloaded = Date.now();
  await page.reload();
  assert.deepEqual(await basketsShown(page), before);
  const back = Date.now() - reloaded;
  step(
    `50,000 rules: ${written.bytes} bytes, serialised in ${written.serialize} ms, written in ${written.write} ms; ` +
      `after a reload read in ${await html.getAttribute("data-results-file-ms")} ms and parsed by ` +
      `${await html.getAttribute("data-results-read-ms")} ms, shown ${back} ms after the reload`,
  );
  assert.deepEqual(await analyses(page), []);
  await clearAll(page);
  await page.close();
});

test("results that cannot be stored: the storage message, and the app keeps working", async () => {
  const page = await env.newPage();
  // Writing text to OPFS (the results; the file itself is a Blob) fails as a full disk would.
  await page.addInitScript(() => {
    const write = FileSystemWritableFileStream.prototype.write;
    FileSystemWritableFileStream.prototype.write = function (data) {
      if (typeof data === "string") return Promise.reject(new DOMException("quota exceeded (test)", "QuotaExceededError"));
      return write.call(this, data);
    };
  });
  await page.goto(env.origin + "/#data");
  await byTest(page, "file-input").setInputFiles(RETAIL);
  await byTest(page, "file-name").filter({ hasText: "online_retail_sample20k.csv" }).waitFor();
  await page.locator('a[href="#customers"]').click();
  await byTest(page, "rfm-run").click();
  const rfm = await rfmShown(page);
  assert.equal(rfm.customers, "3,017");
  await page.locator('a[href="#data"]').click();
  await byTest(page, "storage-error").waitFor();
  assert.match(await byTest(page, "storage-error").textContent(), /storage full or denied/);
  await page.locator('a[href="#customers"]').click();
  assert.deepEqual(await rfmShown(page), rfm, "kept in memory");
  await clearAll(page);
  await page.close();
});

test("sessions: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
