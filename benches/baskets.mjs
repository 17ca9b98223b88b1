// Speed of the Baskets page's search in headless Chromium: the real page and its worker
// (the same wasm as the app), driven as a user does. Not a test: prints JSON on stdout.
// tools/bench_baskets.py calls it for its "browser" column; alone:
//   node benches/baskets.mjs [--repeat 3] --case FILE:SUPPORT [--case FILE:SUPPORT ...]
// Needs the release build in dist/ (`trunk build --release`).
//
// Per case, in a fresh tab (so the worker's memory is the case's own):
// - load_ms: the Data page reading the file (pick → rows shown), reported apart;
// - build_ms: the worker turning the file into baskets (the page's own figure);
// - search_ms: the search itself, as the page times it in the worker (itemsets, then rules
//   at confidence 1 and the "bought together" lists: a little more than pyfim's call);
// - itemsets_ms: the part of it that finds the frequent itemsets (what pyfim's call does);
// - wall_ms: click on "Find rules" to the summary on screen (messages and drawing included);
// - wasm_bytes: the worker's WebAssembly memory after the search (it only grows: its peak),
//   js_heap_bytes: the tab's JS heap (CDP Performance.getMetrics JSHeapUsedSize).
// Times are the best of --repeat runs; memory is from the first run.
import { launch, byTest, ROOT } from "../tests/e2e/harness.mjs";
import { resolve } from "node:path";

const args = process.argv.slice(2);
const repeat = Number(args[args.indexOf("--repeat") + 1]) || 3;
const cases = args
  .flatMap((a, i) => (a === "--case" ? [args[i + 1]] : []))
  .map((c) => {
    const at = c.lastIndexOf(":");
    return { file: resolve(ROOT, c.slice(0, at)), support: Number(c.slice(at + 1)) };
  });
if (!cases.length) {
  console.error("usage: node benches/baskets.mjs [--repeat N] --case FILE:SUPPORT ...");
  process.exit(2);
}

const app = await launch();
const results = [];
try {
  for (const { file, support } of cases) {
    const page = await app.newPage();
    const t = (id) => byTest(page, id);
    await page.goto(app.origin + "/#data");
    const loadStart = Date.now();
    await t("file-input").setInputFiles(file);
    await t("loaded").waitFor({ timeout: 300_000 });
    const loadMs = Date.now() - loadStart;
    await page.locator('a[href="#baskets"]').click();
    await t("basket-report").waitFor({ timeout: 300_000 });
    await t("algorithm").selectOption("fpgrowth");
    await t("support-unit").selectOption("fraction");
    await t("min-support").fill(String(support));
    // Confidence 1: the comparison is about the itemset search; rules stay few.
    await t("min-confidence").fill("1");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const runs = [];
    for (let i = 0; i < repeat; i++) {
      // The page numbers the searches it shows (data-run): wait for the next number.
      const before = await page.evaluate(() => document.querySelector('[data-testid="run-summary"]')?.dataset.run ?? "");
      const started = Date.now();
      await t("mine").click();
      await page.waitForFunction(
        (old) => {
          const run = document.querySelector('[data-testid="run-summary"]')?.dataset.run;
          return run !== undefined && run !== old;
        },
        before,
        { timeout: 600_000 },
      );
      const wallMs = Date.now() - started;
      const summary = t("run-summary");
      const attr = async (name) => Number(await summary.getAttribute(name));
      const text = await summary.textContent();
      const { metrics } = await cdp.send("Performance.getMetrics");
      runs.push({
        itemsets: Number(text.match(/^([\d,]+)/)[1].replace(/,/g, "")),
        search_ms: await attr("data-ms"),
        itemsets_ms: await attr("data-itemsets-ms"),
        build_ms: await attr("data-build-ms"),
        wall_ms: wallMs,
        wasm_bytes: await attr("data-wasm-bytes"),
        js_heap_bytes: metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0,
        partial: (await t("partial").count()) > 0,
      });
      console.error(`# ${file} @ ${support}: run ${i + 1} ${JSON.stringify(runs.at(-1))}`);
    }
    const best = (key) => Math.min(...runs.map((r) => r[key]));
    results.push({
      file,
      support,
      itemsets: runs[0].itemsets,
      partial: runs[0].partial,
      load_ms: loadMs,
      build_ms: best("build_ms"),
      search_ms: best("search_ms"),
      itemsets_ms: best("itemsets_ms"),
      wall_ms: best("wall_ms"),
      wasm_bytes: runs[0].wasm_bytes,
      js_heap_bytes: runs[0].js_heap_bytes,
      runs,
    });
    await page.close();
  }
} finally {
  await app.close();
}
console.log(JSON.stringify(results, null, 1));
