// Exchange by file between two copies (two browser profiles): export from one,
// preview and import in the other, undo; bad files change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();

async function exportFrom(page) {
  await page.getByRole("link", { name: "Utbyte" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /Exportera all data/ }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^samverkan-\d{4}-\d{2}-\d{2}\.json$/);
  return file.path();
}

/** A copy (fresh profile) that renamed Länsstyrgruppen's short name to NLSG, exported. */
async function editedExport() {
  const region = await app.openPage("/organ/nb-lansstyrgruppen");
  await region.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await region.getByLabel(/^\s*Kortnamn\b/).first().fill("NLSG");
  await region.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(region, "(NLSG)");
  return exportFrom(region);
}

test("an edit exported from one copy is previewed and imported in another; importing it again changes nothing", async () => {
  const file = await editedExport();
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(json.format, "samverkan-exchange");

  const kommun = await app.openPage("/utbyte");
  await kommun.locator("#importfil").setInputFiles(file);
  const preview = kommun.locator(".import-preview");
  await expectText(preview, "0 nya, 1 ändrade, 0 borttagna, 0 med konflikt.");
  await expectText(preview, "short_name");
  await kommun.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(kommun.locator('[role="status"]'), "Importerat");

  await kommun.getByRole("link", { name: "Organ" }).click();
  await kommun.getByRole("link", { name: /Länsstyrgruppen/ }).first().click();
  await expectH1(kommun, "(NLSG)");
  await kommun.reload();
  await waitForApp(kommun);
  await expectH1(kommun, "(NLSG)");

  await kommun.getByRole("link", { name: "Utbyte" }).click();
  // Undo lasts for the session: the reload above ended it, so import again and undo.
  await kommun.locator("#importfil").setInputFiles(file);
  await expectText(kommun.locator(".import-preview"), "0 ändrade");
  await kommun.getByRole("button", { name: "Avbryt" }).click();
  await expectText(kommun.locator('[role="status"]'), "Ingenting har ändrats");
});

test("undo restores the data from before the import", async () => {
  const file = await editedExport();

  const kommun = await app.openPage("/utbyte");
  await kommun.locator("#importfil").setInputFiles(file);
  await kommun.getByRole("button", { name: "Importera", exact: true }).click();
  await kommun.getByRole("button", { name: "Ångra senaste import" }).click();
  await expectText(kommun.locator('[role="status"]'), "ångrad");
  await kommun.getByRole("link", { name: "Organ" }).click();
  await kommun.getByRole("link", { name: /Länsstyrgruppen/ }).first().click();
  await expectH1(kommun, "Länsstyrgruppen");
  assert.doesNotMatch(await kommun.locator("h1").innerText(), /NLSG/);
});

test("a file that is not an exchange file is refused with a message and changes nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-e2e-"));
  const bad = path.join(dir, "trasig.json");
  fs.writeFileSync(bad, '{"format": "samverkan-exchange", "schema_version": 1,');
  const page = await app.openPage("/utbyte");
  await page.locator("#importfil").setInputFiles(bad);
  await expectText(page.locator('[role="alert"]'), "trasig.json");
  await expectText(page.locator('[role="alert"]'), "Ingenting har ändrats");
  assert.equal(await page.locator(".import-preview").count(), 0);
});
