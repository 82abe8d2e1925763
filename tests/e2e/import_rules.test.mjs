// The same rules from a file as from a form (issue 19): records of an imported file that
// break a rule the editor applies are listed in the preview with the field and why, and left
// out; the rest of the file imports. The file is tests/fixtures/exchange/rule_built_in_changes.json
// (written by tests/exchange_fixtures.rs): § 1 of the adjusted 2021 minutes of PSB rewritten,
// PSB placed at x = 1e308, and Länsstyrgruppen placed in the diagram.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();
const FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "exchange",
  "rule_built_in_changes.json",
);

test("records that break the editor's rules are listed with field and why, left out, and the rest imports", async () => {
  const page = await app.openPage("/utbyte");
  await page.locator("#importfil").setInputFiles(FILE);
  const preview = page.locator(".import-preview");
  const refused = preview.locator(".refused");
  await expectText(refused, "Tas inte emot (2)");
  await expectText(refused, "paragraf § 1 Val av justerare, fält `rubrik`: Protokollet är justerat och låst.");
  await expectText(refused, "placering i diagrammet Politiska samverkansberedningen, fält `position`: (1e308, 40) ligger utanför diagrammet.");
  // Only the placement of Länsstyrgruppen is left to import.
  await expectText(preview, "1 nya, 0 ändrade, 0 borttagna, 0 med konflikt.");
  await preview.page().getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(page.locator('[role="status"]'), "2 poster lämnades utanför");
  // The adjusted § is as it was, also after a reload.
  await page.goto(new URL("/moten/nb-psb-2021-protokoll", page.url()).href);
  await waitForApp(page);
  await expectText(page, "Val av justerare");
  assert.ok(!(await page.locator("body").innerText()).includes("Omskrivet efter justeringen"));
});
