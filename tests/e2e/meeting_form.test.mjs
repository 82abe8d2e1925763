// The meeting form changes only what it shows: a decision-maker's role
// (", ordförande"), which the form has no input for, survives a save with no
// change and a save that changes another field (the regression of Linda
// Frohm losing ", ordförande").
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText } from "./harness.mjs";

const app = useApp();

async function save(page) {
  const form = page.locator("form.edit-form").first();
  await form.getByRole("button", { name: "Spara", exact: true }).click();
  await form.waitFor({ state: "detached" });
}

test("the chair's role survives saving the meeting form", async () => {
  const page = await app.openPage("/organ/nb-psb");
  await page.getByRole("button", { name: "Nytt protokoll", exact: true }).click();
  // A meeting in 2021, the region's year, when Linda Frohm chaired (a 2026
  // protokoll has no chair pre-filled: no seat of Norrbottens Kommuner covers it).
  await page.locator("#nytt-mote-datum").fill("2021-09-20");
  await page.locator("#nytt-mote-plats").fill("Luleå");
  await page.getByRole("button", { name: "Skapa protokoll", exact: true }).click();
  await expectH1(page, "Protokoll");
  const chair = page.locator(".attendance li").filter({ hasText: "Linda Frohm" });
  await expectText(chair, "ordförande");

  await page.getByRole("button", { name: "Redigera sammanträdet", exact: true }).click();
  await save(page);
  await expectText(chair, "ordförande");

  await page.getByRole("button", { name: "Redigera sammanträdet", exact: true }).click();
  await page.locator("#mote-plats").fill("Digitalt via Teams");
  await save(page);
  await expectText(page.locator("main"), "Digitalt via Teams");
  await expectText(chair, "ordförande");
  assert.match(await chair.innerText(), /\(M\), ordförande/);
});
