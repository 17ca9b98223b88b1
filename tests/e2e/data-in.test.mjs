// End-to-end: the files a merchant actually has, on the Data page — a GBK export with
// Chinese headers, an XLSX workbook with two sheets, overriding what was detected (sheet,
// delimiter, ragged rows, a column's type and role), and bad files that leave the loaded
// data in place. Runs against dist/ (after `make dist`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, byTest, stepper, ROOT, SHOTS } from "./harness.mjs";

const QUIRKS = join(ROOT, "testdata", "quirks");
const step = stepper();
let env;
let page;

before(async () => {
  env = await launch();
  page = await env.newPage();
  await page.goto(env.origin + "/#data");
  await page.locator("main h1").waitFor();
});

after(async () => {
  await env?.close();
});

/** Drops `name` from testdata/quirks on the page and waits until it is the loaded file. */
async function load(name) {
  await byTest(page, "file-input").setInputFiles(join(QUIRKS, name));
  await byTest(page, "file-name").filter({ hasText: name }).waitFor();
}

const names = () => page.locator('[data-testid="column-row"] th').allTextContents();
const types = () => byTest(page, "type-select").evaluateAll((els) => els.map((e) => e.value));
const rows = async () => (await byTest(page, "rows").textContent()).replaceAll(",", "");

/** Opens the reading settings, lets `choose` set them, reads again and waits for `rows`. */
async function readAgain(choose, expectedRows) {
  const settings = byTest(page, "read-settings");
  if (!(await settings.evaluate((d) => d.open))) await settings.locator("summary").click();
  await choose(settings);
  await byTest(page, "read-again").click();
  await byTest(page, "rows").filter({ hasText: new RegExp(`^${expectedRows}$`) }).waitFor();
}

test("a GBK export: detected as gb18030, Chinese headers trimmed, types right", async () => {
  step("GBK orders");
  await load("gbk_orders.csv");
  assert.equal(await byTest(page, "encoding").textContent(), "gb18030");
  assert.deepEqual(await names(), ["订单编号", "买家实际支付金额", "收货地址", "订单付款时间"]);
  assert.deepEqual(await types(), ["integer", "decimal", "text", "datetime"]);
  assert.equal(await byTest(page, "preview-row").first().locator("td").nth(3).textContent(), "上海");
  await page.screenshot({ path: join(SHOTS, "data-gbk.png"), fullPage: true });
});

test("an XLSX workbook: first sheet read with dates and booleans, the other sheet on request", async () => {
  step("orders.xlsx");
  await load("orders.xlsx");
  assert.deepEqual(await names(), ["订单编号", "下单时间", "金额", "城市", "是否退款"]);
  assert.deepEqual(await types(), ["integer", "datetime", "decimal", "text", "boolean"]);
  assert.equal(await rows(), "3");
  const sheets = await byTest(page, "read-sheet").locator("option").allTextContents();
  assert.deepEqual(sheets.slice(1), ["订单", "Items"]);
  step("choose sheet Items");
  await readAgain((s) => s.locator('[data-testid="read-sheet"]').selectOption("Items"), 2);
  assert.deepEqual(await names(), ["sku", "qty"]);
  assert.deepEqual(await types(), ["text", "integer"]);
});

test("ragged rows are reported by line, padded by default, left out on request", async () => {
  step("ragged.csv");
  await load("ragged.csv");
  assert.equal(await rows(), "4");
  const notes = await byTest(page, "read-warning").allTextContents();
  assert.ok(notes.some((n) => /Line 3 has 2 fields, the header 3/.test(n)), notes.join("\n"));
  assert.ok(notes.some((n) => /Line 4 has 4 fields/.test(n)), notes.join("\n"));
  step("drop ragged rows");
  await readAgain((s) => s.locator('[data-testid="read-ragged"]').selectOption("drop"), 2);
  const after = await byTest(page, "read-warning").allTextContents();
  assert.ok(after.every((n) => /row left out/.test(n)), after.join("\n"));
});

test("a delimiter chosen by hand, then back to detection", async () => {
  await load("semicolon_decimal_comma.csv");
  const detected = (await names()).length;
  assert.ok(detected > 1);
  // The row count is the same for both splits, so wait for the column count to change.
  const columnsAre = (n) =>
    page.waitForFunction((n) => document.querySelectorAll('[data-testid="column-row"] th').length === n, n);
  await readAgain((s) => s.locator('[data-testid="read-delimiter"]').selectOption(","), await rows());
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="column-row"] th').length !== n,
    detected,
  );
  assert.notEqual((await names()).length, detected, "a comma split differs from the detected ';'");
  await readAgain((s) => s.locator('[data-testid="read-delimiter"]').selectOption(""), await rows());
  await columnsAre(detected);
  assert.equal((await names()).length, detected);
});

test("a word in a number column: text until the user says number, then counted by line", async () => {
  step("number_with_word.csv");
  await load("number_with_word.csv");
  assert.deepEqual(await types(), ["text", "text"]);
  await byTest(page, "type-select").nth(1).selectOption("integer");
  const notice = byTest(page, "retype-notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /Column “qty”: 1 values do not fit .*line 4 “three”/);
  assert.deepEqual(await types(), ["text", "integer"]);
  assert.match(await byTest(page, "column-invalid").textContent(), /^1 values do not fit/);
  assert.equal(await byTest(page, "column-missing").nth(1).textContent(), "1 (25.0%)");
  step("role");
  await byTest(page, "role-select").nth(0).selectOption("identifier");
  await byTest(page, "role-select").nth(0).and(page.locator(":not([disabled])")).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="role-select"]')[0].value === "identifier");
  step("back to text brings the word back");
  await byTest(page, "type-select").nth(1).selectOption("text");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="type-select"]')[1].value === "text");
  assert.equal(await byTest(page, "column-missing").nth(1).textContent(), "0 (0%)");
  assert.equal(await byTest(page, "role-select").nth(0).inputValue(), "identifier", "the role stays");
  await page.screenshot({ path: join(SHOTS, "data-retype.png"), fullPage: true });
});

test("bad files get a message naming the problem and the loaded data stays", async () => {
  await load("gbk_orders.csv");
  for (const [name, message] of [
    ["png_renamed.csv", /not a text table: it looks like a PNG image/],
    ["header_only.csv", /no data rows|only a header|empty/i],
  ]) {
    step(name);
    await byTest(page, "file-input").setInputFiles(join(QUIRKS, name));
    const error = byTest(page, "job-error");
    await error.waitFor();
    assert.match(await error.textContent(), message);
    assert.equal(await byTest(page, "file-name").textContent(), "gbk_orders.csv", "earlier file kept");
  }
  step("two date formats are named");
  await load("two_date_formats.csv");
  const notes = await byTest(page, "read-warning").allTextContents();
  assert.ok(notes.some((n) => /more than one form.*23\/02\/2020.*line 4/.test(n)), notes.join("\n"));
});

test("personal data is flagged on import; one click hashes or drops it before any analysis", async () => {
  step("customers_pii.csv");
  await load("customers_pii.csv");
  const flags = await byTest(page, "pii-flag").allTextContents();
  assert.equal(flags.length, 3, flags.join("\n"));
  assert.match(flags[0], /“收货人” looks like personal names/);
  assert.match(flags[1], /“手机号” looks like phone numbers/);
  assert.match(flags[2], /“email” looks like e-mail addresses/);
  await byTest(page, "pii-choice").nth(2).selectOption("drop");
  await byTest(page, "protect").click();
  await byTest(page, "columns").filter({ hasText: /^5$/ }).waitFor();
  assert.equal(await byTest(page, "privacy").count(), 0, "no flag left once protected");
  assert.deepEqual(await names(), ["客户ID", "收货人", "手机号", "城市", "金额"]);
  const phones = await page.locator('[data-testid="preview-row"] td:nth-child(4)').allTextContents();
  assert.equal(phones.length, 5);
  assert.ok(phones.every((p) => /^#[0-9a-f]{16}$/.test(p)), phones.join(" "));
  assert.equal(phones[0], phones[2], "equal numbers hash equal, so they still group");
  assert.notEqual(phones[0], phones[1]);
  const html = await page.locator("main").innerHTML();
  for (const secret of ["13812345678", "张伟", "example.com"]) assert.ok(!html.includes(secret), secret);
});

test("data-in: no request left 127.0.0.1 and the console stayed clean", () => {
  assert.deepEqual(env.foreignRequests, []);
  assert.deepEqual(env.consoleErrors, []);
});
