// Shared set-up for the end-to-end tests: serves dist/ on 127.0.0.1, launches the system
// Chromium headless, and records every request that leaves 127.0.0.1 and every
// console error, so each test file can assert the privacy and cleanliness rules.
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { basename, dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
/** Screenshots and generated files go here (ignored by git). */
export const SHOTS = join(ROOT, "target", "e2e");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** The CLI's debug build under $CARGO_TARGET_DIR (or target/). */
export const CLI = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "debug", "shoplens");

/** What `shoplens ARGS` prints as JSON, building the CLI first when it is missing, so a
 * test compares the page with the CLI's answer of the moment rather than a copied figure. */
export function cliJson(args) {
  if (!existsSync(CLI)) {
    const built = spawnSync("cargo", ["build", "-p", "shoplens-cli"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("cargo build -p shoplens-cli failed");
  }
  return JSON.parse(execFileSync(CLI, args, { encoding: "utf8", maxBuffer: 1 << 28 }));
}
export const TIMEOUT = 60_000;

/**
 * Starts the server and the browser. Returns `{ origin, context, newPage, foreignRequests,
 * consoleErrors, close }`; `newPage()` opens a page whose console errors are recorded.
 * `dist` serves another build than this tree's dist/ (an older one, for comparison shots).
 */
export async function launch({ locale = "en-US", dist = DIST } = {}) {
  const server = await serve(dist);
  const browser = await chromium.launch({
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
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const foreignRequests = [];
  const consoleErrors = [];
  context.on("request", (request) => {
    // Tests may start further servers of their own (another origin for a second build),
    // always on 127.0.0.1: anything else left the machine.
    const url = new URL(request.url());
    const local = url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1";
    if (!local) foreignRequests.push(url.href);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await mkdir(SHOTS, { recursive: true });
  const newPage = async () => {
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
    return page;
  };
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { origin: server.origin, context, newPage, foreignRequests, consoleErrors, close };
}

/** The element(s) with `data-testid="id"`. */
export const byTest = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Loads the file at `path` on the Data page and waits until its rows are shown. */
export async function loadFile(page, origin, path) {
  await page.goto(origin + "/#data");
  await byTest(page, "file-input").setInputFiles(path);
  // A kept session may already show another file as loaded: wait for this one's name.
  const name = basename(path);
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="file-name"]')?.textContent === expected,
    name,
    { timeout: 120_000 },
  );
  await byTest(page, "loaded").waitFor();
}

/** Waits until `predicate`, run in the page with `arg`, gives a truthy value, and returns it.
 * The predicate may be async: Playwright's `waitForFunction` does not await a promise (one
 * counts as true at once), so this checks again, 100 ms after each answer, until `timeout`.
 * A navigation while it waits (a reload the page makes itself) counts as "not yet". */
export async function until(page, predicate, arg, { timeout = 60_000, what = "the page's condition" } = {}) {
  const deadline = Date.now() + timeout;
  const inPage = async (fn, value) => {
    try {
      return await page.evaluate(fn, value);
    } catch (error) {
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
      await page.waitForLoadState("domcontentloaded");
      return undefined;
    }
  };
  for (;;) {
    const value = await inPage(predicate, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeout} ms`);
    await inPage(() => new Promise((done) => setTimeout(done, 100)));
  }
}

/** Waits until no job runs and the page has painted twice since (two animation frames):
 * what the last result set in the page's signals is on screen, charts included. */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="job-running"]'), null, {
    timeout: 300_000,
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Waits until the job running on the page has computed part of its work (its progress
 * bar has a value above 0), so a cancel lands in the middle of the kernel. */
export async function computing(page) {
  await page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid="job-running"] progress');
    return Number(bar?.getAttribute("value") ?? 0) > 0;
  });
}

/** A step logger on stderr (TAP diagnostics), so a slow step shows where time goes. */
export function stepper() {
  const started = Date.now();
  return (name) => console.error(`# ${((Date.now() - started) / 1000).toFixed(1)}s ${name}`);
}

/** A CSV of about `bytes` bytes with an integer, a decimal and a text column. */
export function bigCsv(bytes) {
  const lines = ["order_id,amount,region"];
  let size = lines[0].length + 1;
  const regions = ["north", "south", "east", "west"];
  for (let i = 1; size < bytes; i++) {
    const line = `${i},${(i % 997) / 10},${regions[i % 4]}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join("\n"));
}
