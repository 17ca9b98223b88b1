// Speed of the Customers page's kernels in the browser beside scikit-learn and pandas.
// Not a test: it prints timings and ratios. Needs the release build in dist/ (`make dist`).
//   node benches/customers.mjs [--repeat 3]
// The page's speed check (in the tab's worker) runs k-means on 100,000 generated customers
// x 3 features (k = 8, 10 starts) and RFM over 1,000,000 generated order lines;
// tools/bench_customers.py builds the same data bit for bit and times scikit-learn's KMeans
// and a pandas RFM on it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { launch, byTest, loadFile, ROOT } from "../tests/e2e/harness.mjs";

const repeat = Number(process.argv[process.argv.indexOf("--repeat") + 1]) || 3;
const app = await launch();
try {
  const page = await app.newPage();
  // The page needs a loaded table to show; any small file will do.
  await loadFile(page, app.origin, join(ROOT, "testdata", "uci-wholesale-customers", "Wholesale_customers_data.csv"));
  await page.locator('a[href="#customers"]').click();
  await page.locator('[data-testid="bench"] summary').click();
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    await byTest(page, "bench-run").click();
    await byTest(page, "bench-rfm-ms").waitFor({ timeout: 300_000 });
    const read = async (id) => Number(await byTest(page, id).getAttribute("data-value"));
    runs.push({
      kmeans: await read("bench-kmeans-ms"),
      inertia: await read("bench-kmeans-inertia"),
      rfm: await read("bench-rfm-ms"),
      rfmPrepare: await read("bench-rfm-prepare"),
      customers: await read("bench-rfm-customers"),
    });
    console.error(`# browser run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
  const best = (key) => Math.min(...runs.map((r) => r[key]));
  const py = JSON.parse(
    execFileSync("python3", [join(ROOT, "tools", "bench_customers.py"), "--repeat", String(repeat)], {
      encoding: "utf8",
    }),
  );
  const browser = { kmeans_ms: best("kmeans"), rfm_ms: best("rfm"), rfm_parse_ms: best("rfmPrepare") };
  console.log(JSON.stringify({ browser, runs, python: py }, null, 1));
  console.log(`k-means 100,000 x 3, k=8, 10 starts: browser ${browser.kmeans_ms.toFixed(0)} ms, ` +
    `scikit-learn ${(py.kmeans.seconds_1_thread * 1000).toFixed(0)} ms (1 thread) / ` +
    `${(py.kmeans.seconds_all_threads * 1000).toFixed(0)} ms (all threads); ratio browser/sklearn(1 thread) ` +
    `${(browser.kmeans_ms / (py.kmeans.seconds_1_thread * 1000)).toFixed(2)}; inertia browser ` +
    `${runs[0].inertia.toFixed(2)} vs sklearn ${py.kmeans.inertia.toFixed(2)}`);
  console.log(`RFM 1,000,000 lines: browser ${browser.rfm_ms.toFixed(0)} ms (parse ${browser.rfm_parse_ms.toFixed(0)} ms apart), ` +
    `pandas ${(py.rfm.seconds * 1000).toFixed(0)} ms; ratio ${(browser.rfm_ms / (py.rfm.seconds * 1000)).toFixed(2)}; ` +
    `customers ${runs[0].customers} vs ${py.rfm.customers}`);
} finally {
  await app.close();
}
