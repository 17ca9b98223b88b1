// End-to-end: the Data page shows the same understanding of a file as core and the CLI
// (`testdata/understanding/expected.json`, written by tools/make_understanding_corpus.py and
// checked natively by crates/core/src/schema/corpus_tests.rs): the shape, each column's
// role, the reader's notes naming a bad cell's line and value; a correction of a role is
// kept with the session and flows into the other pages' defaults; corrections and
// protections come back with a reopened session and survive a cancelled load (the new
// worker rebuilds the table with them); a route file points to Delivery routes and a FIMI
// .dat is shown as baskets. Runs against dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, byTest, bigCsv, loadFile, settled, stepper, until, ROOT, SHOTS } from "./harness.mjs";

const CORPUS = join(ROOT, "testdata", "understanding");
const EXPECTED = JSON.parse(await readFile(join(CORPUS, "expected.json"), "utf8"));
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

/** Loads a corpus file and returns what the page says it is: shape, frequency, roles. */
async function understood(name) {
  await loadFile(page, env.origin, join(CORPUS, name));
  const panel = byTest(page, "understanding");
  await panel.waitFor();
  const roles = Object.fromEntries(
    await byTest(page, "understood-column").evaluateAll((rows) => rows.map((r) => [r.dataset.column, r.dataset.role])),
  );
  const frequency = (await byTest(page, "frequency").count())
    ? await byTest(page, "frequency").getAttribute("data-frequency")
    : null;
  return { shape: await panel.getAttribute("data-shape"), frequency, roles };
}

/** Asserts the page's understanding of `name` equals expected.json's. */
async function sameAsCore(name) {
  step(name);
  const want = EXPECTED[name];
  assert.ok(want, `${name} is in expected.json`);
  const got = await understood(name);
  if (want.shape) assert.equal(got.shape, want.shape, `${name}: shape`);
  if (want.frequency) assert.equal(got.frequency, want.frequency, `${name}: frequency`);
  for (const [column, role] of Object.entries(want.roles ?? {})) {
    assert.equal(got.roles[column], role, `${name}: role of ${column}`);
  }
  // Every decision comes with its reason, in the page's language.
  if (want.shape !== "table") assert.ok((await byTest(page, "shape-reason").count()) > 0, `${name}: a reason`);
  return got;
}

const SUBSET = [
  "order_lines_utf16_le_bom.txt", // UTF-16 LE with BOM, Chinese names
  "order_lines_zh_gbk.csv", // GBK
  "order_lines_mixed_utf8_gbk.csv", // UTF-8 and GBK lines in one file
  "ts_daily_yyyymmdd.csv", // YYYYMMDD dates
  "ts_quarterly_q.csv", // 1992 Q1
  "order_lines_member_ids_c.csv", // member ids C1001 are not cancellations
  "basket_matrix_empty_rows_id.csv", // 0/1 matrix, id column, empty rows
  "table_bad_cell.csv", // one "abc" in a number column
  "table_telco_rownames.csv", // rownames and customerID are identifiers, Churn the target
  "ts_weekly_stores.csv", // Store is a category, Weekly_Sales the amount
];

for (const name of SUBSET) {
  test(`${name}: the page shows core's understanding`, async () => {
    await sameAsCore(name);
  });
}

test("a bad cell is named by its line and value; the column stays numeric", async () => {
  await understood("table_bad_cell.csv");
  const notes = await byTest(page, "read-warning").allTextContents();
  const [line, value] = EXPECTED["table_bad_cell.csv"].bad_cells.amount[0];
  assert.ok(
    notes.some((n) => n.includes(`line ${line}: "${value}"`)),
    `a note names line ${line} and "${value}": ${JSON.stringify(notes)}`,
  );
  const amount = page.locator('[data-testid="understood-column"][data-column="amount"]');
  assert.equal(await amount.getAttribute("data-role"), "amount");
});

test("an unclosed quote is reported by its line", async () => {
  await loadFile(page, env.origin, join(CORPUS, "table_unclosed_quote.csv"));
  const line = EXPECTED["table_unclosed_quote.csv"].unclosed_quote_line;
  await byTest(page, "read-warning").filter({ hasText: `opened on line ${line}` }).waitFor();
});

test("the mixed-encoding file reads 咖啡 right and says which lines were which", async () => {
  await understood("order_lines_mixed_utf8_gbk.csv");
  const notes = (await byTest(page, "read-warning").allTextContents()).join("\n");
  assert.match(notes, /mixes encodings/);
  assert.ok((await byTest(page, "preview-row").allTextContents()).some((r) => r.includes("咖啡")));
});

test("a FIMI .dat is shown as baskets, its first line a basket, not a header", async () => {
  const got = await sameAsCore("basket_lines_fimi.dat");
  assert.deepEqual(got.roles, {});
  const lines = (await readFile(join(CORPUS, "basket_lines_fimi.dat"), "utf8")).split("\n").filter((l) => l.trim());
  assert.equal(Number(await byTest(page, "basket-count").getAttribute("data-count")), lines.length);
  const first = (await byTest(page, "basket-line").first().textContent()).split(", ");
  assert.deepEqual(first, lines[0].trim().split(/\s+/));
  assert.equal(await byTest(page, "preview-row").count(), 0, "no table preview");
  await byTest(page, "open-baskets").waitFor();
});

test("a TSPLIB .tsp points to Delivery routes and opens there", async () => {
  await sameAsCore("route_tsplib.tsp");
  await byTest(page, "route-hint").waitFor();
  await byTest(page, "open-routes").click();
  await page.waitForURL(/#operations$/);
  await byTest(page, "routes-source").waitFor();
  assert.equal(await byTest(page, "routes-source").inputValue(), "file");
  assert.match(await byTest(page, "routes-source").locator("option:checked").textContent(), /route_tsplib\.tsp/);
  await byTest(page, "routes-run").click();
  await byTest(page, "routes-length").filter({ hasText: /^\d/ }).waitFor({ timeout: 120_000 });
});

test("the reasons are typed evidence, said in Chinese and in English", async () => {
  await understood("table_telco_rownames.csv");
  const reason = () => page.locator('[data-testid="understood-column"][data-column="rownames"] [data-testid="role-reason"]');
  assert.match(await reason().textContent(), /count 1, 2, 3/);
  await page.locator("[data-lang=zh]").click();
  assert.match(await reason().textContent(), /行号/);
  assert.match(await byTest(page, "understanding").locator("h2").textContent(), /文件识别/);
  await page.locator("[data-lang=en]").click();
  assert.equal(
    await page.locator('[data-testid="understood-column"][data-column="customerID"] [data-testid="column-pii"]').textContent(),
    "none",
  );
});

test("a corrected role is kept with the session and flows into Models and Forecast", async () => {
  await understood("ts_weekly_stores.csv");
  const row = (column) => page.locator(`[data-testid="understood-column"][data-column="${column}"]`);
  step("Forecast defaults to the amount, never an identifier");
  await page.locator('a[href="#operations"]').click();
  await byTest(page, "forecast-value").waitFor();
  assert.equal(await byTest(page, "forecast-value").inputValue(), "Weekly_Sales");

  step("correct Weekly_Sales to an identifier");
  await page.locator('a[href="#data"]').click();
  await row("Weekly_Sales").locator("select").selectOption("identifier");
  await row("Weekly_Sales").and(page.locator('[data-role="identifier"]')).waitFor();
  assert.match(await row("Weekly_Sales").locator('[data-testid="role-reason"]').textContent(), /^chosen by you/);
  await settled(page);

  step("Forecast no longer offers it");
  await page.locator('a[href="#operations"]').click();
  await byTest(page, "forecast-value").waitFor();
  const offered = await byTest(page, "forecast-value").locator("option").evaluateAll((o) => o.map((x) => x.value));
  assert.ok(!offered.includes("Weekly_Sales"), JSON.stringify(offered));

  step("Models does not tick it as a feature");
  await page.locator('a[href="#models"]').click();
  await byTest(page, "models-target").selectOption("Store");
  await byTest(page, "models-features").waitFor();
  const ticked = await byTest(page, "models-features")
    .locator("input:checked")
    .evaluateAll((inputs) => inputs.map((i) => i.dataset.feature));
  assert.ok(!ticked.includes("Weekly_Sales"), JSON.stringify(ticked));

  step("a reload restores the session with the correction");
  await page.goto(env.origin + "/#data");
  await page.reload();
  await row("Weekly_Sales").and(page.locator('[data-role="identifier"]')).waitFor({ timeout: 60_000 });
  assert.match(await row("Weekly_Sales").locator('[data-testid="role-reason"]').textContent(), /^chosen by you/);

  step("the shape can be corrected too");
  await byTest(page, "shape-select").selectOption("table");
  await page.locator('[data-testid="understanding"][data-shape="table"]').waitFor();
  assert.match(await byTest(page, "shape-reason").first().textContent(), /chosen by you/);
});

test("corrections survive protecting personal data, and the Columns card's role agrees", async () => {
  await understood("table_personal_data.csv");
  const row = (column) => page.locator(`[data-testid="understood-column"][data-column="${column}"]`);
  const chosen = async (column, role) => {
    await row(column).and(page.locator(`[data-role="${role}"]`)).waitFor();
    assert.match(await row(column).locator('[data-testid="role-reason"]').textContent(), /^chosen by you/);
  };
  step("correct 订单金额 to a category on the understanding card");
  await row("订单金额").locator("select").selectOption("category");
  await chosen("订单金额", "category");
  await settled(page);

  step("the Columns card's coarse role for 身份证号 shows on the understanding card");
  const columnsRow = (name) => byTest(page, "column-row").filter({ has: page.locator("th", { hasText: name }) });
  await columnsRow("身份证号").locator('[data-testid="role-select"]').selectOption("ignore");
  await chosen("身份证号", "text");
  await settled(page);

  step("drop 收货人 and hash the rest: the columns shift, the corrections stay");
  await byTest(page, "pii-flag").first().waitFor();
  const flags = byTest(page, "pii-flag");
  for (let i = 0; i < (await flags.count()); i++) {
    if ((await flags.nth(i).textContent()).includes("收货人")) {
      await flags.nth(i).locator('[data-testid="pii-choice"]').selectOption("drop");
    }
  }
  await byTest(page, "protect").click();
  await row("收货人").waitFor({ state: "detached" });
  await settled(page);
  await chosen("订单金额", "category");
  await chosen("身份证号", "text");
  assert.equal(await columnsRow("订单金额").locator('[data-testid="role-select"]').inputValue(), "feature");

  step("the session keeps the protection, without the page's salt");
  const kept = await storedEdits(page, { job: "protect" });
  const protect = kept.find((e) => e.job === "protect");
  assert.ok(protect.args.choices.some(([, choice]) => choice === "drop"), JSON.stringify(protect));
  assert.equal(protect.args.salt, undefined, "no salt is stored");
  assert.equal(JSON.stringify(kept).includes("salt"), false, JSON.stringify(kept));

  step("a reload reopens the session: corrections and protection applied again");
  await page.reload();
  await page.locator('[data-testid="file-name"]', { hasText: "table_personal_data.csv" }).waitFor();
  // The protection was applied last: once its column has gone, every edit is back.
  await row("收货人").waitFor({ state: "detached" });
  assert.equal(await columnsRow("收货人").count(), 0, "the dropped column stays dropped");
  await chosen("身份证号", "text");
  await chosen("订单金额", "category");
});

/** The edits kept with the newest session, once they are `count` or hold one of kind `job`. */
function storedEdits(page, { count, job }) {
  return until(
    page,
    (want) => {
      const [session] = JSON.parse(localStorage.getItem("shoplens.sessions") ?? "[]");
      const edits = session?.edits ?? [];
      const ready = want.job ? edits.some((e) => e.job === want.job) : edits.length === want.count;
      return ready && edits;
    },
    { count: count ?? null, job: job ?? null },
    { what: "the session's edits" },
  );
}

test("the Baskets page builds what the Data page was told the file is", async () => {
  const file = join(ROOT, "testdata", "quirks", "slips_plain_headers.csv");
  await loadFile(page, env.origin, file);
  await byTest(page, "understanding").waitFor();
  step("no header names an order: Baskets says the table holds no baskets");
  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "baskets-page").locator('[data-testid="job-error"]').waitFor();
  assert.match(await byTest(page, "baskets-page").textContent(), /does not hold baskets/);

  step("say on the Data page that Slip is the order and Thing the item");
  await page.locator('a[href="#data"]').click();
  const row = (column) => page.locator(`[data-testid="understood-column"][data-column="${column}"]`);
  for (const [column, role] of [["Slip", "order"], ["Thing", "item"]]) {
    await row(column).locator("select").selectOption(role);
    await row(column).and(page.locator(`[data-role="${role}"]`)).waitFor();
    await settled(page);
  }
  await byTest(page, "shape-select").selectOption("order_lines");
  await page.locator('[data-testid="understanding"][data-shape="order_lines"]').waitFor();
  await settled(page);

  step("Baskets now groups the lines by slip");
  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "basket-report").waitFor();
  assert.match(await byTest(page, "basket-report").textContent(), /basket = Slip, item = Thing: 4 baskets, 3 items/);
});

test("a reopened session's corrections survive a cancelled load: Baskets still sees them", async () => {
  const file = join(ROOT, "testdata", "quirks", "slips_plain_headers.csv");
  await loadFile(page, env.origin, file);
  await byTest(page, "understanding").waitFor();
  const row = (column) => page.locator(`[data-testid="understood-column"][data-column="${column}"]`);
  step("say that Slip is the order, Thing the item and the file order lines");
  for (const [column, role] of [["Slip", "order"], ["Thing", "item"]]) {
    await row(column).locator("select").selectOption(role);
    await row(column).and(page.locator(`[data-role="${role}"]`)).waitFor();
    await settled(page);
  }
  await byTest(page, "shape-select").selectOption("order_lines");
  await page.locator('[data-testid="understanding"][data-shape="order_lines"]').waitFor();
  await settled(page);
  await storedEdits(page, { count: 3 });

  step("a reload reopens the session and applies the corrections again");
  await page.reload();
  await page.locator('[data-testid="file-name"]', { hasText: "slips_plain_headers.csv" }).waitFor();
  // The shape was corrected last: once it shows, every correction has been applied.
  await page.locator('[data-testid="understanding"][data-shape="order_lines"]').waitFor();
  await row("Slip").and(page.locator('[data-role="order"]')).waitFor();
  await row("Thing").and(page.locator('[data-role="item"]')).waitFor();

  step("cancel loading a big file: the worker is terminated, the reopened file stays");
  await mkdir(SHOTS, { recursive: true });
  const big = join(SHOTS, "big-understanding.csv");
  await writeFile(big, bigCsv(20 * 1024 * 1024));
  await byTest(page, "file-input").setInputFiles(big);
  await byTest(page, "job-running").waitFor();
  await byTest(page, "cancel").click();
  await byTest(page, "job-cancelled").waitFor();
  assert.equal(await byTest(page, "file-name").textContent(), "slips_plain_headers.csv");

  step("Baskets, in a new worker, still groups the lines by slip");
  await page.locator('a[href="#baskets"]').click();
  await byTest(page, "basket-report").waitFor();
  assert.match(await byTest(page, "basket-report").textContent(), /basket = Slip, item = Thing: 4 baskets, 3 items/);
});
