// Takes the README's screenshots: each page with a real analysis on screen, from the
// release build in dist/ (run `make dist` first). Writes docs/screenshots/*.png.
//   node tools/screenshots.mjs
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, ROOT } from "../tests/e2e/harness.mjs";

const OUT = join(ROOT, "docs", "screenshots");
const data = (...p) => join(ROOT, "testdata", ...p);
await mkdir(OUT, { recursive: true });
const env = await launch();
const page = await env.newPage();
const idle = () =>
  page.waitForFunction(() => !document.querySelector('[data-testid="job-running"]'), null, { timeout: 300_000 });
const shot = async (name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`wrote docs/screenshots/${name}.png`);
};

// Data: a GBK export with Chinese headers, in Chinese.
await page.goto(env.origin + "/#data");
await page.locator("[data-lang=zh]").click();
await loadFile(page, env.origin, data("encodings", "orders_gbk.csv"));
await shot("data");
await page.locator("[data-lang=en]").click();

const steps = {
  async baskets() {
    if ((await byTest(page, "mine").count()) === 0) return false;
    await loadFile(page, env.origin, data("arules-groceries", "groceries.csv"));
    await page.goto(env.origin + "/#baskets");
    await byTest(page, "mine").click();
    await idle();
    return true;
  },
  async models() {
    if ((await byTest(page, "models-run").count()) === 0) return false;
    await loadFile(page, env.origin, data("islr-advertising", "Advertising.csv"));
    await page.goto(env.origin + "/#models");
    await byTest(page, "models-run").click();
    await idle();
    return true;
  },
  async customers() {
    await loadFile(page, env.origin, data("uci-online-retail-sample20k", "online_retail_sample20k.csv"));
    await page.locator('a[href="#customers"]').click();
    await byTest(page, "tab-rfm").click();
    await byTest(page, "rfm-run").click();
    await byTest(page, "rfm-results").waitFor({ timeout: 120_000 });
    return true;
  },
  async operations() {
    await page.goto(env.origin + "/#operations");
    await byTest(page, "tab-routes").click();
    await byTest(page, "routes-run").click();
    await byTest(page, "routes-length").waitFor({ timeout: 120_000 });
    return true;
  },
};
for (const [name, run] of Object.entries(steps)) {
  await page.locator(`a[href="#${name}"]`).click();
  await page.locator("main h1").waitFor();
  if (await run()) await shot(name);
}
await env.close();
