// End-to-end: the built-in samples give a first result on every page with one click each,
// in English and in Chinese, and load offline after one visit.
//
// Each walk starts in a fresh browser context (no kept session), opens a page, loads the
// sample that fits it (from the page's empty state or the Data page's list), clicks the
// page's main button with the defaults as they are, and waits for the result: a result
// element holding numbers, and no error element.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, byTest, stepper, SHOTS } from "./harness.mjs";

const step = stepper();
let env;
let browser;

before(async () => {
  env = await launch();
  browser = env.context.browser();
});

after(async () => {
  await env?.close();
});

/** A page in a new context (nothing kept from other walks) with `locale`. */
async function freshPage(locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  const errors = [];
  const foreign = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (!(url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1")) {
      foreign.push(url.href);
    }
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  return { context, page, errors, foreign };
}

/** Waits until the Data page shows `file` as the loaded table. */
async function waitLoaded(page, file) {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="file-name"]')?.textContent === expected,
    file,
  );
}

/** Waits for the result element `id`, then checks it holds a number and no error shows. */
async function assertResult(page, id) {
  const result = byTest(page, id).first();
  await result.waitFor();
  const text = await result.textContent();
  assert.match(text, /\d/, `${id} shows numbers`);
  for (const error of ["job-error", "forecast-series-error"]) {
    assert.equal(await byTest(page, error).count(), 0, `no ${error} beside ${id}`);
  }
  return text;
}

/** Checks the sample button's label is in the page's language. */
async function assertLanguage(page, button, lang) {
  // The app sets <html lang> once it has mounted.
  await page.waitForFunction((l) => document.documentElement.lang === l, lang === "zh" ? "zh-CN" : "en");
  const label = await button.textContent();
  assert.match(label, lang === "zh" ? /^试试/ : /^Try it with /, label);
}

/** Opens the Data page and loads `slug` from its list of samples. */
async function loadFromData(page, slug, file) {
  await page.goto(env.origin + "/#data");
  await byTest(page, `sample-${slug}`).click();
  await waitLoaded(page, file);
}

/** Opens the Operations page on `tab`. */
async function operations(page, tab) {
  await page.goto(env.origin + "/#operations");
  await byTest(page, `tab-${tab}`).click();
}

// What each walk does: open the page, load the sample, run the main button.
const WALKS = [
  {
    name: "Baskets with the sample orders (empty-state button)",
    async run(page, lang) {
      await page.goto(env.origin + "/#baskets");
      const button = byTest(page, "try-sample-orders");
      await assertLanguage(page, button, lang);
      await button.click();
      // The baskets built from the loaded sample: it arrived.
      await byTest(page, "basket-report").waitFor();
      await byTest(page, "mine").click();
      return assertResult(page, "run-summary");
    },
  },
  {
    name: "Models with the sample churn table (empty-state button)",
    async run(page, lang) {
      await page.goto(env.origin + "/#models");
      const button = byTest(page, "try-sample-churn");
      await assertLanguage(page, button, lang);
      await button.click();
      // The defaults: the last column (churn) as target, a classifier for its Yes/No.
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="models-target"]')?.value === "churn" &&
          document.querySelector('[data-testid="models-kind"]')?.value === "logistic",
      );
      await byTest(page, "models-run").click();
      await page.locator('[data-testid="models-results"][data-target="churn"]').waitFor();
      return assertResult(page, "models-results");
    },
  },
  {
    name: "Customers with the sample orders (empty-state button)",
    async run(page, lang) {
      await page.goto(env.origin + "/#customers");
      const button = byTest(page, "try-sample-orders");
      await assertLanguage(page, button, lang);
      await button.click();
      await byTest(page, "rfm-run").click();
      return assertResult(page, "rfm-results");
    },
  },
  {
    name: "Forecast with the sample daily sales (empty-state button)",
    async run(page, lang) {
      await operations(page, "forecast");
      const button = byTest(page, "try-sample-daily");
      await assertLanguage(page, button, lang);
      await button.click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="forecast-need-table"]'));
      await byTest(page, "forecast-run").click();
      return assertResult(page, "forecast-results");
    },
  },
  {
    name: "Forecast with the sample orders (Data page)",
    async run(page) {
      await loadFromData(page, "orders", "online-retail-orders.csv");
      await operations(page, "forecast");
      await byTest(page, "forecast-run").click();
      return assertResult(page, "forecast-results");
    },
  },
  {
    name: "Chinese GBK orders: encoding on Data, then Customers",
    async run(page) {
      await loadFromData(page, "orders-zh", "online-retail-orders-zh-gbk.csv");
      assert.match(await byTest(page, "encoding").textContent(), /GBK|GB18030/i);
      await page.goto(env.origin + "/#customers");
      await byTest(page, "rfm-run").click();
      return assertResult(page, "rfm-results");
    },
  },
  {
    name: "Routes with the sample stops (Data page)",
    async run(page) {
      await loadFromData(page, "stops", "berlin52-stops.csv");
      await operations(page, "routes");
      await page.waitForFunction(
        () => document.querySelector('[data-testid="routes-source"]')?.value === "loaded",
      );
      await byTest(page, "routes-run").click();
      return assertResult(page, "routes-results");
    },
  },
];

for (const lang of ["en", "zh"]) {
  for (const walk of WALKS) {
    test(`${walk.name} (${lang})`, async () => {
      const { context, page, errors, foreign } = await freshPage(lang === "zh" ? "zh-CN" : "en-US");
      try {
        const t0 = Date.now();
        const text = await walk.run(page, lang);
        step(`${walk.name} (${lang}): ${Date.now() - t0} ms: ${text.replace(/\s+/g, " ").slice(0, 100)}`);
        assert.deepEqual(foreign, [], "no request leaves the page");
        assert.deepEqual(errors, [], "no console error");
      } catch (error) {
        await page.screenshot({ path: join(SHOTS, `samples-failed-${lang}.png`) }).catch(() => {});
        throw error;
      } finally {
        await context.close();
      }
    });
  }
}

test("the samples are precached: one loads with the network cut", async () => {
  const { context, page, errors } = await freshPage("en-US");
  try {
    await page.goto(env.origin + "/#data");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith("shoplens-")));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    for (const file of ["online-retail-orders.csv", "telco-churn.csv", "daily-sales.csv"]) {
      assert.ok(cached.includes(`/samples/${file}`), `${file} precached: ${cached}`);
    }
    await context.setOffline(true);
    await page.reload();
    await byTest(page, "sample-daily").click();
    await waitLoaded(page, "daily-sales.csv");
    assert.match(await byTest(page, "rows").textContent(), /374/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
