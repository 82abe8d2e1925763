// One path for every change: recording a review (not a form's save) is an
// entry on /andringar with the field changed, and "Ångra senaste ändringen"
// takes it back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectText, waitForApp } from "./harness.mjs";

const app = useApp();

test("a recorded review is listed on /andringar and undone there", async () => {
  const page = await app.openPage("/organ/vb-beredning-barn-unga");
  const reviews = page.locator("#revidering");
  await reviews.locator("input[type=date]").first().fill("2024-10-01");
  await reviews.getByRole("button", { name: "Spara revidering" }).first().click();
  await expectText(reviews, "1 oktober 2024");

  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
  await page.goto(new URL("/andringar", page.url()).href);
  await waitForApp(page);
  const latest = page.locator("ol.changes li.history-entry").first();
  await expectText(latest, "översyner");
  await page.getByRole("button", { name: "Ångra senaste ändringen", exact: true }).click();
  await expectText(page.locator("main"), "Den senaste ändringen är ångrad.");

  await page.goto(new URL("/organ/vb-beredning-barn-unga", page.url()).href);
  await waitForApp(page);
  await page.locator("#revidering").waitFor({ state: "visible" });
  assert.ok(!(await page.locator("#revidering").innerText()).includes("1 oktober 2024"), "the review is taken back");
});
