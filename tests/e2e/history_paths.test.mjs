// One path for every change: recording a review (not a form's save) is an
// entry on /andringar with the field changed, and "Ångra senaste ändringen"
// takes it back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectCount, expectText, waitForApp } from "./harness.mjs";

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

test("a changed mandate point reads in the body's history as the old point removed and the new one added, no ids or JSON", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen");
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  const point = page.locator("#organ-uppdrag-3");
  const old = await point.inputValue();
  const kept = await page.locator("#organ-uppdrag-2").inputValue();
  await point.fill("Ny lydelse av punkt tre");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(page.locator("main"), "Ny lydelse av punkt tre");

  const history = page.locator(".record-history");
  await history.locator("summary").click();
  const latest = history.locator("li.history-entry").first();
  await expectText(latest.locator(".change-items li.removed del"), `Borttaget: ${old}`);
  await expectText(latest.locator(".change-items li.added ins"), "Tillagt: Ny lydelse av punkt tre");
  await expectCount(latest.locator(".change-items li.kept").filter({ hasText: kept }), 1);
  const text = await history.innerText();
  assert.ok(!/[{}\[\]]|":/.test(text), `no JSON in the history: ${text}`);
  assert.ok(!/\bnb-[a-z-]+\b/.test(text), `no record ids in the history: ${text}`);

  // The same entry on /andringar, named and marked the same way.
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
  await page.goto(new URL("/andringar", page.url()).href);
  await waitForApp(page);
  const entry = page.locator("ol.changes li.history-entry").first();
  await expectText(entry.locator(".change-items li.added ins"), "Ny lydelse av punkt tre");
  await expectText(entry.locator(".change-items li.removed del"), old);
});
