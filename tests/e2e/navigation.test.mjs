// Moving around: the main navigation, links between records, and search.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1 } from "./harness.mjs";

const app = useApp();

test("the main nav leads to Organ, and a link there to Länsstyrgruppen", async () => {
  const page = await app.openPage("/");
  await page.locator("nav a").filter({ hasText: /^\s*Organ\s*$/ }).first().click();
  await page.waitForURL((u) => u.pathname === "/organ");
  await page.getByRole("link", { name: /^\s*Länsstyrgruppen\b/ }).first().click();
  await page.waitForURL((u) => u.pathname === "/organ/nb-lansstyrgruppen");
  await expectH1(page, "Länsstyrgruppen");
});

test("searching “suicid” from the header finds the 2021 minutes", async () => {
  const page = await app.openPage("/");
  const search = page.locator("header input[type=search]").first();
  await search.fill("suicid");
  await search.press("Enter");
  await page.waitForURL((u) => u.pathname === "/sok" && u.searchParams.get("q") === "suicid");
  assert.equal(new URL(page.url()).search, "?q=suicid");
  const result = page.locator('a[href^="/moten/nb-psb-2021-protokoll"]').first();
  await result.waitFor({ state: "visible" });
  await result.click();
  await page.waitForURL((u) => u.pathname.startsWith("/moten/nb-psb-2021-protokoll"));
});
