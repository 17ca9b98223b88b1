// Reading speed in the browser: shoplens (Data page: read, decode, split, type, profile in
// the worker; then the Baskets page grouping the order lines into baskets) beside PapaParse 5.7 (typed parse on the main thread + JS grouping into
// baskets) and DuckDB-WASM 1.32 (read_csv_auto + GROUP BY), on the same generated
// Online-Retail-shaped file, in the same headless Chromium, one after the other.
// Not a test: it prints times, MB/s and ratios. Needs `make dist` first.
//   node benches/read.mjs [LINES] [--repeat 3]
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, DIST, ROOT } from "../tests/e2e/harness.mjs";

const lines = Number(process.argv[2]) || 1_000_000;
const repeat = Number(process.argv[process.argv.indexOf("--repeat") + 1]) || 3;
const file = join(ROOT, "target", "bench", `orders_${lines}.csv`);
if (!existsSync(file)) execFileSync("python3", [join(ROOT, "tools", "gen_orders.py"), String(lines), file], { stdio: "inherit" });
const mb = statSync(file).size / 1e6;

// /app/ → dist/, /node_modules/ and /pages/ (benches/pages) for the other tools.
const ROOTS = { "/app/": DIST, "/node_modules/": join(ROOT, "node_modules"), "/pages/": join(ROOT, "benches", "pages") };
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json" };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p));
  if (!prefix) return res.writeHead(404).end();
  const target = normalize(join(ROOTS[prefix], path.slice(prefix.length) || "index.html"));
  try {
    const body = await readFile(target);
    res.writeHead(200, { "content-type": TYPES[extname(target)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });

/** Longest main-thread task while `run` ran, via the Long Tasks API. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
}

async function shoplens() {
  const page = await browser.newPage();
  await page.goto(origin + "/app/#data");
  await page.locator("main h1").waitFor();
  await watchLongTasks(page);
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="file-input"]');
    input.addEventListener("change", () => {
      window.__start = performance.now();
      const seen = new MutationObserver(() => {
        const name = document.querySelector('[data-testid="file-name"]');
        if (name && name.textContent.startsWith("orders_")) {
          window.__end = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, { once: true });
  });
  await page.locator('[data-testid="file-input"]').setInputFiles(file);
  await page.waitForFunction(() => window.__end !== undefined, null, { timeout: 300_000 });
  const result = await page.evaluate(() => ({ total_ms: window.__end - window.__start, longest_task_ms: window.__longest }));
  result.rows = (await page.locator('[data-testid="rows"]').textContent()).replaceAll(",", "");
  // Where the worker's time went, stage by stage (see LoadTimer in src/worker/runner.rs).
  result.stages_ms = Object.fromEntries(
    ((await page.locator("dl.facts").getAttribute("data-timings")) ?? "")
      .split(" ")
      .filter(Boolean)
      .map((pair) => pair.split(":"))
      .map(([stage, ms]) => [stage, Number(ms)]),
  );
  result.wasm_mb = Number(await page.locator("dl.facts").getAttribute("data-wasm-bytes")) / 1e6;
  // Then into baskets, as DuckDB's and PapaParse's pages do: open the Baskets page, which
  // builds them (order lines grouped by the detected invoice column) in the worker; timed
  // in the page from the click to the basket report on screen.
  await page.evaluate(() => {
    window.__basketsStart = performance.now();
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid="basket-report"]')) {
        window.__basketsEnd = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document.body, { childList: true, subtree: true });
    document.querySelector('a[href="#baskets"]').click();
  });
  await page.waitForFunction(() => window.__basketsEnd !== undefined, null, { timeout: 300_000 });
  result.baskets_ms = await page.evaluate(() => window.__basketsEnd - window.__basketsStart);
  result.basket_report = await page.locator('[data-testid="basket-report"]').textContent();
  result.load_ms = result.total_ms;
  result.total_ms = result.load_ms + result.baskets_ms;
  await page.close();
  return result;
}

async function other(name) {
  const page = await browser.newPage();
  await page.goto(`${origin}/pages/${name}.html`);
  if (name === "duckdb") await page.waitForFunction(() => window.duckdbReady === true, null, { timeout: 120_000 });
  await watchLongTasks(page);
  await page.locator("#file").setInputFiles(file);
  await page.waitForFunction(() => document.getElementById("out").textContent.length > 0, null, { timeout: 300_000 });
  const result = JSON.parse(await page.locator("#out").textContent());
  result.longest_task_ms = await page.evaluate(() => window.__longest);
  await page.close();
  return result;
}

const best = {};
for (let i = 0; i < repeat; i++) {
  for (const [name, run] of [["shoplens", shoplens], ["duckdb", () => other("duckdb")], ["papaparse", () => other("papaparse")]]) {
    const r = await run();
    console.log(`${name.padEnd(10)} run ${i + 1}: ${JSON.stringify(r)}`);
    if (!best[name] || r.total_ms < best[name].total_ms) best[name] = r;
  }
}
await browser.close();
server.close();

console.log(`\nfile: ${lines.toLocaleString("en")} lines, ${mb.toFixed(1)} MB; best of ${repeat}`);
for (const [name, r] of Object.entries(best)) {
  const s = r.total_ms / 1000;
  const ratio = r.total_ms / best.shoplens.total_ms;
  console.log(`${name.padEnd(10)} ${s.toFixed(2)} s  ${(mb / s).toFixed(1)} MB/s  ${ratio.toFixed(2)}x shoplens's time  longest main-thread task ${Math.round(r.longest_task_ms)} ms`);
}
const stages = Object.entries(best.shoplens.stages_ms ?? {});
if (stages.length) console.log(`shoplens stages in the worker (ms): ${stages.map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")}`);
if (best.shoplens.baskets_ms !== undefined) {
  console.log(`shoplens: loaded in ${Math.round(best.shoplens.load_ms)} ms, then baskets in ${Math.round(best.shoplens.baskets_ms)} ms: ${best.shoplens.basket_report}`);
}
if (best.shoplens.wasm_mb) console.log(`shoplens worker memory after loading: ${best.shoplens.wasm_mb.toFixed(0)} MB (${(best.shoplens.wasm_mb / mb).toFixed(2)}x the file)`);
