// Search from the header on a tablet: results while typing, grouped by kind with the matched
// words in <mark>, a § hit that opens the protokoll at that §, and a filter in the address.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectText, norm } from "./harness.mjs";

const app = useApp();

test("typing in the header search shows grouped, highlighted results for every keystroke", async () => {
  const page = await app.openPage("/organ");
  const field = page.locator("header input[type=search]").first();
  await field.click();
  await page.keyboard.type("psykisk häl");
  // No Enter: the page follows the field, and the address holds the text as typed.
  await page.waitForURL((u) => u.pathname === "/sok" && u.searchParams.get("q") === "psykisk häl");
  assert.equal(await field.inputValue(), "psykisk häl");

  const status = page.locator("main .search-status");
  await expectText(status, "träff");
  // Results are lists under a heading per kind.
  const group = page.locator("main section.hit-group").filter({ has: page.locator("h2", { hasText: "Paragrafer i protokoll" }) });
  await group.waitFor();
  const marks = group.locator("li mark");
  assert.ok((await marks.count()) > 0, "matched words are marked");
  const marked = (await marks.allInnerTexts()).map((t) => norm(t).toLowerCase());
  assert.ok(marked.some((t) => t.startsWith("psykisk")), `marks: ${marked}`);
  assert.ok(marked.some((t) => t.startsWith("häl")), `marks: ${marked}`);

  // Each keystroke searches again: one more letter narrows to the same words.
  await page.keyboard.type("sa");
  await page.waitForURL((u) => u.searchParams.get("q") === "psykisk hälsa");
  await expectText(status, "träff");
  // Typed without å/ä/ö, the same § is found.
  await field.fill("psykisk halsa");
  await page.waitForURL((u) => u.searchParams.get("q") === "psykisk halsa");
  await group.locator('a[href="/moten/nb-psb-2021-protokoll#p-9"]').waitFor();
});

test("a § hit opens the protokoll at that §", async () => {
  const page = await app.openPage("/");
  const field = page.locator("header input[type=search]").first();
  await field.click();
  await page.keyboard.type("suicid");
  await page.waitForURL((u) => u.pathname === "/sok" && u.searchParams.get("q") === "suicid");
  const link = 'a[href="/moten/nb-psb-2021-protokoll#p-9"]';
  const hit = page.locator(`main ${link}`).first();
  await hit.waitFor();
  // The excerpt shows the word in context, highlighted.
  const item = page.locator("main li").filter({ has: page.locator(link) });
  assert.match(norm(await item.locator(".excerpt mark").first().innerText()), /^[Ss]uicid/);
  await hit.click();
  await page.waitForURL((u) => u.pathname === "/moten/nb-psb-2021-protokoll" && u.hash === "#p-9");
  await page.locator("#p-9").waitFor();
  await expectText(page.locator("#p-9"), "Information från Länsstyrgruppen");
});

test("a filter narrows the results and is kept in the address", async () => {
  const page = await app.openPage("/sok?q=samverkan");
  const status = page.locator("main .search-status");
  await expectText(status, "träffar");
  const before = norm(await status.innerText());
  await page.locator("#sok-lan").selectOption("vb");
  await page.waitForURL((u) => u.searchParams.get("lan") === "vb" && u.searchParams.get("q") === "samverkan");
  await page.waitForFunction((b) => document.querySelector("main .search-status")?.textContent.trim() !== b, before);
  // Only Västerbotten: no Norrbotten bodies, no 2021 protokoll of Norrbotten.
  assert.equal(await page.locator('main a[href^="/organ/nb-"]').count(), 0);
  assert.equal(await page.locator('main a[href^="/moten/nb-"]').count(), 0);
  assert.ok((await page.locator('main a[href^="/organ/vb-"]').count()) > 0);

  // Typing keeps the filter; the address can be shared.
  const field = page.locator("header input[type=search]").first();
  await field.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" lsg");
  await page.waitForURL((u) => u.searchParams.get("q") === "samverkan lsg" && u.searchParams.get("lan") === "vb");
  await page.locator('main a[href="/organ/vb-lsg"]').first().waitFor();

  // The year filter: § of 2021 only.
  await page.goto("/sok?q=justerare&ar=2021");
  await page.locator('main a[href^="/moten/nb-psb-2021-protokoll#p-"]').first().waitFor();
  assert.equal(await page.locator("#sok-ar").inputValue(), "2021");
  assert.equal(await page.locator('main a[href^="/organ/"]').count(), 0, "bodies have no year");
});
