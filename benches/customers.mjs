// Speed of the Customers kernels beside scikit-learn and pandas on identical generated data.
// Not a test: it prints timings and ratios. Needs the release build in dist/ (`make dist`).
//   node benches/customers.mjs [--repeat 3]
// crates/core/benches/customers.rs generates the data (SplitMix64 counters) and times
// k-means (100,000 customers x 3 features, k = 8, 10 starts) and RFM natively; it also writes
// the 1,000,000 generated order lines, which this script loads on the Data page and scores in
// the Customers page's RFM view (the time the page shows, parsing apart).
// tools/bench_customers.py builds the same data bit for bit and times scikit-learn's KMeans
// and a pandas RFM on it.
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, loadFile, ROOT } from "../tests/e2e/harness.mjs";

const repeat = Number(process.argv[process.argv.indexOf("--repeat") + 1]) || 3;
const dir = join(ROOT, "target", "bench");
await mkdir(dir, { recursive: true });
const orders = join(dir, "generated_orders.csv");
const cargo = (...extra) =>
  execFileSync("cargo", ["bench", "-q", "-p", "shoplens-core", "--bench", "customers", "--", ...extra], {
    cwd: ROOT,
    encoding: "utf8",
  });
cargo("--write-orders", orders);
const native = JSON.parse(cargo().trim().split("\n").at(-1));

const app = await launch();
try {
  const page = await app.newPage();
  await loadFile(page, app.origin, orders);
  await page.locator('a[href="#customers"]').click();
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const before = await byTest(page, "rfm-ms").count();
    await byTest(page, "rfm-run").click();
    if (before) await byTest(page, "rfm-ms").waitFor({ state: "detached", timeout: 300_000 }).catch(() => {});
    await byTest(page, "rfm-ms").waitFor({ timeout: 300_000 });
    const ms = Number.parseFloat(await byTest(page, "rfm-ms").textContent());
    runs.push(ms);
    console.error(`# browser RFM run ${i + 1}: ${ms} ms`);
  }
  const py = JSON.parse(
    execFileSync("python3", [join(ROOT, "tools", "bench_customers.py"), "--repeat", String(repeat)], {
      encoding: "utf8",
    }),
  );
  const browserRfm = Math.min(...runs);
  console.log(JSON.stringify({ native, browser: { rfm_ms: browserRfm, runs }, python: py }, null, 1));
  console.log(`k-means 100,000 x 3, k=8, 10 starts: native ${native.kmeans.ms.toFixed(0)} ms, ` +
    `scikit-learn ${(py.kmeans.seconds_1_thread * 1000).toFixed(0)} ms (1 thread); ratio ` +
    `${(native.kmeans.ms / (py.kmeans.seconds_1_thread * 1000)).toFixed(2)}; inertia ` +
    `${native.kmeans.inertia.toFixed(2)} vs ${py.kmeans.inertia.toFixed(2)}`);
  console.log(`RFM 1,000,000 lines: browser ${browserRfm.toFixed(0)} ms, native ${native.rfm.ms.toFixed(0)} ms, ` +
    `pandas ${(py.rfm.seconds * 1000).toFixed(0)} ms; ratio browser/pandas ` +
    `${(browserRfm / (py.rfm.seconds * 1000)).toFixed(2)}; customers ${native.rfm.customers} vs ${py.rfm.customers}`);
} finally {
  await app.close();
}
