// End-to-end: the app works offline after one visit (service worker + precache), at the
// root and under a sub-path, and a new build replaces the old cache cleanly with a
// "new version is ready" notice. Runs against dist/ (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, byTest, stepper, until, DIST, ROOT, SHOTS } from "./harness.mjs";
import { serve } from "./server.mjs";

const ADVERTISING = join(ROOT, "testdata", "islr-advertising", "Advertising.csv");
const step = stepper();
let env;

before(async () => {
  env = await launch();
});

after(async () => {
  await env?.close();
});

/** Opens `url` and waits until the service worker controls the page. */
async function openControlled(page, url) {
  await page.goto(url);
  await page.locator("main h1").waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit is not controlled until the worker claims it (clients.claim()).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

for (const base of ["/", "/shoplens/"]) {
  test(`offline after one visit, served at ${base}`, async () => {
    const page = await env.newPage();
    step(`first visit at ${base}`);
    await openControlled(page, env.origin + base);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith("shoplens-")));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(cached.some((p) => p.endsWith(".wasm")), `wasm precached: ${cached}`);
    assert.ok(cached.some((p) => p.endsWith("worker_loader.js")), "worker loader precached");

    step("network cut: reload and analyse a file");
    await env.context.setOffline(true);
    try {
      await page.reload();
      await page.locator("main h1").waitFor();
      await byTest(page, "file-input").setInputFiles(ADVERTISING);
      await byTest(page, "rows").filter({ hasText: "200" }).waitFor();
      assert.equal(await byTest(page, "columns").textContent(), "4");
      await page.screenshot({ path: join(SHOTS, `offline${base.replaceAll("/", "-")}.png`) });
    } finally {
      await env.context.setOffline(false);
    }
    await page.close();
  });
}

test("a new build replaces the cache and says a new version is ready", async () => {
  // A private copy of dist/ on its own server (own origin, so its own service worker).
  const copy = await mkdtemp(join(tmpdir(), "shoplens-dist-"));
  await cp(DIST, copy, { recursive: true });
  const server = await serve(copy);
  try {
    const page = await env.newPage();
    step("visit build 1");
    await openControlled(page, server.origin + "/");
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.filter((k) => k.startsWith("shoplens-")).length, 1);

    step("publish build 2");
    // A new file changes the precache list and so the cache's name, as a real new build
    // does (editing a hashed file in place would break its integrity attribute instead).
    await writeFile(join(copy, "build-2.txt"), "build 2\n");
    await promisify(execFile)("node", [join(ROOT, "tools", "write-service-worker.mjs"), copy]);

    step("the page notices the update");
    await page.reload();
    await byTest(page, "update-ready").waitFor();
    assert.match(await byTest(page, "update-ready").textContent(), /new version is ready/);
    await byTest(page, "update-ready").locator("button").click();
    await until(
      page,
      async () => (await caches.keys()).filter((k) => k.startsWith("shoplens-")).length === 1,
      null,
      { what: "one cache left after the update" },
    );
    const after = await page.evaluate(() => caches.keys());
    assert.notDeepEqual(after, before, "the old cache was replaced");
    await page.locator("main h1").waitFor();
    await page.close();
  } finally {
    await server.close();
    await rm(copy, { recursive: true, force: true });
  }
});

test("offline: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
