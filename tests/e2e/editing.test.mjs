// Editing a record: a valid change is stored and survives a reload; an invalid one is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, h1Text, waitForApp } from "./harness.mjs";

const app = useApp();
const URL_PATH = "/organ/nb-lansstyrgruppen";

test("a changed short name (Kortnamn) is shown and survives a reload", async () => {
  const page = await app.openPage(URL_PATH);
  await expectH1(page, "Länsstyrgruppen");
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill("NLSG");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, "(NLSG)");

  await page.reload();
  await waitForApp(page);
  await expectH1(page, "(NLSG)");
});

test("clearing the name (Namn) is refused with a message, and nothing changes", async () => {
  const page = await app.openPage(URL_PATH);
  await expectH1(page, "Länsstyrgruppen");
  const before = await h1Text(page);
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Namn\b/).first().fill("");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await page.locator('[role="alert"]').filter({ hasText: /namn/i }).first().waitFor({ state: "visible" });
  assert.equal(await h1Text(page), before, "h1 unchanged after a refused save");

  await page.reload();
  await waitForApp(page);
  await expectH1(page, "Länsstyrgruppen");
  assert.equal(await h1Text(page), before, "h1 unchanged after reload");
});
