// Benchmark: what a new user's first visit costs (issue 18's size targets). Not a test: it
// prints JSON and a table. Needs the release build in dist/ (`make dist`).
//
//   node benches/first_visit.mjs [--repeat 3] [--dist DIR]
//
// It serves dist/ as a typical static host does (GitHub Pages, Netlify, S3 behind a CDN):
// gzip when the browser accepts it, an ETag and `cache-control: max-age=600`. The server
// counts the bytes it writes per file, so "moved" is exactly what crossed the wire: the page,
// its worker and the service worker's precache (which should find the big files in the HTTP
// cache instead of downloading them a second time). Per run, in a fresh browser profile:
// - fcp_ms: first contentful paint (PerformanceObserver 'paint'), from navigation start;
// - ready_ms: until the Data page's file picker is on screen (the app is usable);
// - moved_bytes: every byte the server sent until the service worker has precached the build
//   and the app's worker is running;
// - wasm_gzip: the page's and the worker's wasm compressed with gzip -9 (the files, not the
//   wire), the figure the "page + worker ≤ 1.0 MB gzip" target is about.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { gzipSync, constants } from "node:zlib";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, DIST } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const repeat = Number(option("--repeat", 3));
const dist = resolve(option("--dist", DIST));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".wasm", ".css", ".json", ".svg", ".webmanifest", ".csv", ".txt"]);

/**
 * Serves `root` like a static host; `sent` maps each path to the bytes written for it, and
 * `served(suffix)` resolves once a response for a path ending in `suffix` has been written.
 */
async function host(root) {
  const cache = new Map();
  const sent = new Map();
  const waiting = [];
  const served = (suffix) =>
    [...sent.keys()].some((path) => path.endsWith(suffix))
      ? Promise.resolve()
      : new Promise((done) => waiting.push({ suffix, done }));
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    response.on("finish", () => {
      for (let i = waiting.length - 1; i >= 0; i--) {
        if (path.endsWith(waiting[i].suffix)) waiting.splice(i, 1)[0].done();
      }
    });
    const file = normalize(join(root, path === "/" ? "index.html" : path.slice(1)));
    if (!file.startsWith(root)) return response.writeHead(403).end();
    let entry = cache.get(file);
    if (!entry) {
      let body;
      try {
        body = await readFile(file);
      } catch {
        return response.writeHead(404).end();
      }
      const gz = COMPRESSIBLE.has(extname(file)) ? gzipSync(body, { level: constants.Z_BEST_COMPRESSION }) : null;
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      entry = { body, gz, etag, type: TYPES[extname(file)] ?? "application/octet-stream" };
      cache.set(file, entry);
    }
    const headers = { "content-type": entry.type, etag: entry.etag, "cache-control": "max-age=600" };
    let body = entry.body;
    if (request.headers["if-none-match"] === entry.etag) {
      response.writeHead(304, headers).end();
      sent.set(path, (sent.get(path) ?? 0) + 0);
      return;
    }
    if (entry.gz && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      headers["content-encoding"] = "gzip";
      body = entry.gz;
    }
    headers["content-length"] = body.length;
    response.writeHead(200, headers).end(body);
    sent.set(path, (sent.get(path) ?? 0) + body.length);
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    sent,
    served,
    close: () => new Promise((done) => server.close(done)),
  };
}

async function gzipped(name) {
  return gzipSync(await readFile(join(dist, name)), { level: 9 }).length;
}

const files = await readdir(dist);
const pageWasm = files.find((f) => f.startsWith("app-") && f.endsWith("_bg.wasm"));
const workerWasm = files.find((f) => f.startsWith("worker") && f.endsWith(".wasm"));
const sizes = {
  page_wasm_bytes: (await readFile(join(dist, pageWasm))).length,
  page_wasm_gzip: await gzipped(pageWasm),
  worker_wasm_bytes: (await readFile(join(dist, workerWasm))).length,
  worker_wasm_gzip: await gzipped(workerWasm),
};
sizes.wasm_gzip_total = sizes.page_wasm_gzip + sizes.worker_wasm_gzip;

const runs = [];
for (let run = 0; run < repeat; run++) {
  const server = await host(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__fcp = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__fcp = e.startTime;
      }).observe({ type: "paint", buffered: true });
    });
    await page.goto(server.origin + "/#data");
    await page.locator('[data-testid="file-input"]').waitFor({ state: "attached" });
    const ready_ms = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => window.__fcp !== null);
    const fcp_ms = await page.evaluate(() => window.__fcp);
    // The service worker has precached the whole build (its install finished) ...
    await page.evaluate(() => navigator.serviceWorker.ready);
    // ... which includes the worker's wasm, so the server has sent it, once, to the worker or
    // to the precache (the worker's requests are not in the page's resource timings).
    await server.served(workerWasm);
    const moved_bytes = [...server.sent.values()].reduce((a, b) => a + b, 0);
    runs.push({ fcp_ms: Math.round(fcp_ms), ready_ms: Math.round(ready_ms), moved_bytes, per_file: Object.fromEntries(server.sent) });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

const best = (key) => Math.min(...runs.map((r) => r[key]));
const result = { dist, ...sizes, fcp_ms: best("fcp_ms"), ready_ms: best("ready_ms"), moved_bytes: best("moved_bytes"), runs };
console.log(JSON.stringify(result, null, 2));
const mb = (n) => (n / 1e6).toFixed(2) + " MB";
console.log(`\nfirst visit, best of ${repeat}               measured    target`);
console.log(`page + worker wasm (gzip -9)           ${mb(sizes.wasm_gzip_total).padStart(9)}   <= 1.00 MB   (page ${mb(sizes.page_wasm_gzip)}, worker ${mb(sizes.worker_wasm_gzip)})`);
console.log(`moved on the first visit               ${mb(result.moved_bytes).padStart(9)}   <= 2.00 MB`);
console.log(`first contentful paint                 ${String(result.fcp_ms).padStart(6)} ms   <= 500 ms`);
console.log(`file picker on screen                  ${String(result.ready_ms).padStart(6)} ms`);
