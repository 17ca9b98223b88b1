// End-to-end accessibility: axe-core (WCAG 2.1 A and AA rules, colour contrast included)
// on every page, empty and with data loaded, in both languages, and on every analysis
// with its result shown; and every control of the Data page reachable by keyboard with a
// visible focus. Runs against dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { launch, byTest, settled, stepper, ROOT } from "./harness.mjs";

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const GROCERIES = join(ROOT, "testdata", "arules-groceries", "groceries.csv");
const RETAIL = join(ROOT, "testdata", "uci-online-retail-sample20k", "online_retail_sample20k.csv");
const SHAMPOO = join(ROOT, "testdata", "sktime-shampoo-sales", "ShampooSales.csv");
const PAGES = ["data", "baskets", "models", "customers", "operations"];
const step = stepper();
let env;
let page;

before(async () => {
  env = await launch();
  page = await env.newPage();
});

after(async () => {
  await env?.close();
});

/** Runs axe on the page (injected through the DevTools protocol, which the CSP allows)
 * and returns its violations as "rule: target" lines. */
async function violations() {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${v.help}`));
}

for (const lang of ["en", "zh"]) {
  test(`every page passes axe (WCAG 2.1 AA), ${lang}`, async () => {
    await page.goto(env.origin + "/#data");
    await page.locator(`[data-lang=${lang}]`).click();
    await byTest(page, "file-input").setInputFiles(ADVERTISING);
    await byTest(page, "loaded").waitFor();
    for (const name of PAGES) {
      step(`${lang} ${name}`);
      await page.goto(env.origin + "/#" + name);
      await page.locator("main h1").waitFor();
      await settled(page);
      assert.deepEqual(await violations(), [], `${name} (${lang})`);
    }
  });
}

/** Loads `path` on the Data page, in English. */
async function load(path) {
  await page.goto(env.origin + "/#data");
  await page.locator("[data-lang=en]").click();
  await byTest(page, "file-input").setInputFiles(path);
  await byTest(page, "file-name").filter({ hasText: basename(path) }).waitFor();
}

/** What axe found on each analysis with its result shown, as "what: violation" lines. */
const found = [];

/** Runs axe once the result `id` is shown (charts drawn, jobs done). */
async function resultPasses(id, what) {
  await byTest(page, id).waitFor();
  await settled(page);
  step(what);
  found.push(...(await violations()).map((v) => `${what}: ${v}`));
}

test("every analysis passes axe with its result shown", async () => {
  await load(GROCERIES);
  await page.goto(env.origin + "/#baskets");
  await byTest(page, "basket-report").waitFor();
  await byTest(page, "mine").click();
  await byTest(page, "run-summary").waitFor();
  await byTest(page, "rule-row").first().click();
  await byTest(page, "show-baskets").click();
  await resultPasses("behind", "baskets: rules, charts, a selected rule and its baskets");

  await load(ADVERTISING);
  await page.goto(env.origin + "/#models");
  await byTest(page, "models-run").click();
  await byTest(page, "models-results").waitFor();
  await byTest(page, "models-compare-all").click();
  await resultPasses("models-compare", "models: a trained model and the comparison");

  await load(RETAIL);
  await page.goto(env.origin + "/#customers");
  await byTest(page, "rfm-run").click();
  await resultPasses("rfm-results", "customers: RFM");
  await byTest(page, "tab-segments").click();
  await byTest(page, "seg-run").click();
  await resultPasses("seg-results", "customers: segments");
  await byTest(page, "tab-churn").click();
  await byTest(page, "churn-run").click();
  await resultPasses("churn-results", "customers: churn");

  await load(SHAMPOO);
  await page.goto(env.origin + "/#operations");
  await byTest(page, "tab-forecast").click();
  await byTest(page, "forecast-date").selectOption("Time");
  await byTest(page, "forecast-value").selectOption("Sales");
  await byTest(page, "forecast-run").click();
  await resultPasses("forecast-results", "operations: forecast");
  await byTest(page, "tab-inventory").click();
  await byTest(page, "inventory-run").click();
  await resultPasses("inventory-results", "operations: inventory");
  await byTest(page, "tab-routes").click();
  await byTest(page, "routes-levels").fill("1000");
  await byTest(page, "routes-run").click();
  await resultPasses("routes-results", "operations: routes");
  await byTest(page, "tab-budget").click();
  await byTest(page, "budget-run").click();
  await resultPasses("budget-results", "operations: budget");
  assert.deepEqual(found, []);
});

test("the Data page works by keyboard: every control reachable, focus visible", async () => {
  await page.goto(env.origin + "/#data");
  await page.locator("[data-lang=en]").click();
  await byTest(page, "loaded").waitFor();
  // Open the collapsed sections, as a keyboard user does with Enter on their summary.
  for (const id of ["read-settings", "sessions"]) {
    await byTest(page, id).locator("summary").focus();
    await page.keyboard.press("Enter");
  }
  await page.locator("body").focus();
  const seen = new Set();
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // The focus ring may sit on the control or, for a visually hidden file input, on the
      // label styled as its button.
      const ringed = (node) => {
        const style = getComputedStyle(node);
        return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      };
      const visible = ringed(el) || (el.parentElement !== null && ringed(el.parentElement));
      const name = el.getAttribute("aria-label") || el.textContent.trim() || el.getAttribute("data-testid") || el.tagName;
      return { key: `${el.tagName}:${el.getAttribute("data-testid") ?? name}`, visible, name };
    });
    if (!focus) continue;
    assert.ok(focus.visible, `no visible focus on ${focus.key}`);
    assert.ok(focus.name.length > 0, `unlabelled control ${focus.key}`);
    seen.add(focus.key.split(":")[1]);
  }
  for (const id of ["file-input", "export-report", "read-encoding", "type-select", "role-select"]) {
    assert.ok([...seen].some((k) => k === id), `${id} reachable by Tab (reached: ${[...seen].join(", ")})`);
  }
});

test("a11y: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
