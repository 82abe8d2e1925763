// Justering by the justerare, across two copies (issue 21): the secretary's copy sends the
// protokoll as a file; the justerare's copy (another browser profile, its own identity, in
// reading mode: a justerare only reads and signs) imports it, taps "Jag justerar" and sends
// it back; the secretary's copy imports that and shows the protokoll locked with the
// justerare's signature, and no edit control at all. And reading and editing apart: in
// reading mode no edit, delete or add control is offered on a body's page or a protokoll,
// in editing mode they are, and the mode is remembered.
//
// Screenshots of the protokoll in both modes and after locking go to $JUSTERING_SHOTS when set.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  useApp,
  expectH1,
  expectText,
  expectCount,
  waitForApp,
  modeSwitch,
  enterEditMode,
  enterReadingMode,
} from "./harness.mjs";

const app = useApp();
const SHOTS = process.env.JUSTERING_SHOTS;

const SECRETARY = "p-kristina-larsson";
const CHAIR = "p-linda-frohm";
const ADJUSTER = "p-beatrice-oman";

/** `days` from today as YYYY-MM-DD (the app's today is the browser's). */
function isoDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function shot(page, name) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function saved(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
}

async function go(page, urlPath) {
  await saved(page);
  await page.goto(new URL(urlPath, page.url()).href);
  await waitForApp(page);
}

async function tap(scope, name) {
  await scope.getByRole("button", { name, exact: true }).first().tap();
}

/** Says who keeps the copy: the organisation and the person in the register. */
async function identify(page, organisation, person) {
  await go(page, "/installningar");
  await page.getByLabel("Organisation").selectOption(organisation);
  await page.getByLabel(/^Du i personregistret/).selectOption(person);
  await page.getByRole("button", { name: "Spara", exact: true }).tap();
  await expectText(page.locator('[role="status"]'), "Sparat");
}

async function exportAll(page) {
  await go(page, "/utbyte");
  await page.getByRole("radio", { name: "All data" }).check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).tap();
  const file = await download;
  const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-justering-")), file.suggestedFilename());
  await file.saveAs(to);
  return to;
}

async function importFile(page, file) {
  await go(page, "/utbyte");
  await page.locator("#importfil").setInputFiles(file);
  await expectText(page.locator(".import-preview"), "ändrade");
  await page.getByRole("button", { name: "Importera", exact: true }).tap();
  await expectText(page.locator('[role="status"]'), "Importerat");
}

/** On the body's page: a new protokoll with one §, officers named, sent for justering. */
async function protokollSentForJustering(page) {
  await go(page, "/organ/nb-psb");
  await tap(page, "Nytt protokoll");
  await page.locator("#nytt-mote-datum").fill(isoDay(-3));
  await page.locator("#nytt-mote-plats").fill("Digitalt via Teams");
  await tap(page, "Skapa protokoll");
  await expectH1(page, "Protokoll");
  await tap(page, "Ny §");
  const paragraph = page.locator(".paragrafer form");
  await paragraph.getByLabel("Rubrik", { exact: true }).fill("Mötets öppnande");
  await paragraph.getByLabel("Beslut", { exact: true }).fill("Ordföranden öppnar mötet.");
  await tap(paragraph, "Spara §");
  await expectCount(page.locator("article.paragraf"), 1);
  await tap(page, "Redigera sammanträdet");
  const meeting = page.locator("form.edit-form").first();
  await meeting.getByLabel("Ordförande", { exact: true }).selectOption(CHAIR);
  await meeting.getByLabel("Sekreterare", { exact: true }).selectOption(SECRETARY);
  await meeting.getByLabel("Justerare", { exact: true }).selectOption(ADJUSTER);
  await tap(meeting, "Spara");
  await expectText(page.locator(".attendance, .protokoll"), "Mötets öppnande");
  await tap(page, "Skicka för justering");
  await expectText(page.locator(".workflow"), "För justering");
}

test("justering across two copies: the justerare signs in their own copy, and the secretary's copy locks on import", async () => {
  // The secretary's copy: sends the protokoll, signs as secretary, records the chair's paper signature.
  const office = await app.openPage("/", { hasTouch: true });
  await identify(office, "Region Norrbotten", SECRETARY);
  await protokollSentForJustering(office);
  const minutes = new URL(office.url()).pathname;
  await expectText(office.locator(".sign"), "Kristina Larsson");
  await tap(office.locator(".workflow"), "Jag skriver under");
  const chairLine = office.locator(".signatures .signature", { hasText: "Linda Frohm" });
  await tap(chairLine, "Justerat på papper …");
  await tap(chairLine, "För in justeringen");
  await expectText(chairLine, "justerat på papper");
  await expectText(office.locator(".signatures .signature", { hasText: "Beatrice Öman" }), "inte justerat än");
  await expectText(office.locator(".workflow"), "För justering");
  await shot(office, "1-secretary-sent-edit-mode");
  const sent = await exportAll(office);

  // The justerare's copy: a reader, with their own identity.
  const justerare = await app.openPage("/", { hasTouch: true, mode: "read" });
  await identify(justerare, "Luleå kommun", ADJUSTER);
  await importFile(justerare, sent);
  await go(justerare, minutes);
  await expectText(justerare.locator(".workflow"), "För justering");
  assert.equal(await justerare.locator("html").getAttribute("data-mode"), "read");
  for (const name of ["Redigera sammanträdet", "Redigera § 1", "Ny §", "Tillbaka till utkast", "Justerat på papper …"]) {
    assert.equal(await justerare.getByRole("button", { name }).count(), 0, `a reader is not offered "${name}"`);
  }
  const sign = justerare.locator(".workflow .sign");
  await expectText(sign, "Beatrice Öman");
  await shot(justerare, "2-justerare-reading-mode");
  // A date in the future is refused with a message, and nothing is signed.
  await sign.getByLabel("Justeringsdatum").fill(isoDay(11));
  await tap(sign, "Jag justerar");
  await expectText(justerare.locator(".workflow [role=alert]"), "i framtiden");
  await expectText(justerare.locator(".workflow"), "För justering");
  // The pre-filled date is today: accepted.
  await sign.getByLabel("Justeringsdatum").fill(isoDay(0));
  await tap(sign, "Jag justerar");
  await expectText(justerare.locator(".workflow"), "Justerat");
  await expectText(justerare.locator(".signatures .signature", { hasText: "Beatrice Öman" }), "justerat");
  // The signature is an attributed change in the signer's own history.
  await justerare.locator(".record-history summary").tap();
  await expectText(justerare.locator(".record-history"), "Beatrice Öman, justerare – justerat");
  await expectText(justerare.locator(".record-history"), "Luleå kommun");
  const signedBack = await exportAll(justerare);

  // Back in the secretary's copy: locked, with the justerare's signature, and no edit control.
  await importFile(office, signedBack);
  await go(office, minutes);
  await expectText(office.locator(".workflow"), "Justerat");
  const line = office.locator(".signatures .signature", { hasText: "Beatrice Öman" });
  await expectText(line, "justerat");
  assert.ok(!(await line.innerText()).includes("papper"), "signed in the justerare's own copy, not on paper");
  await expectCount(office.locator(".signatures .signature.signed"), 3);
  assert.equal(await office.locator("html").getAttribute("data-mode"), "edit");
  for (const name of ["Redigera sammanträdet", "Redigera § 1", "Ny §", "Ta bort sammanträdet", "Ta bort paragrafen", "Tillbaka till utkast"]) {
    assert.equal(await office.getByRole("button", { name }).count(), 0, `locked: no "${name}"`);
  }
  await expectCount(office.getByRole("button", { name: "Ny rättelse eller tillägg" }), 1);
  await shot(office, "3-secretary-locked-edit-mode");
});

test("reading mode shows the record without edit controls; editing mode is one tap and is remembered", async () => {
  const page = await app.openPage("/organ/nb-psb", { hasTouch: true, mode: "read" });
  await expectH1(page, "Politiska samverkansberedningen");
  const switchControl = modeSwitch(page);
  assert.equal(await switchControl.getAttribute("aria-checked"), "false", "a fresh profile reads");
  const bodyControls = ["Redigera", "Redigera sammansättning och regler", "Ta bort organet", "Lägg till relation", "Nytt protokoll"];
  const count = (name) => page.getByRole("button", { name, exact: true }).count();
  for (const name of bodyControls) assert.equal(await count(name), 0, `reading: no "${name}" on the body's page`);
  assert.equal(await page.getByRole("button", { name: /^Ändra|^Ta bort/ }).count(), 0, "no row edit or delete buttons");
  await shot(page, "4-body-reading-mode");

  await switchControl.tap();
  await page.locator('html[data-mode="edit"]').waitFor({ state: "attached" });
  for (const name of bodyControls) assert.ok((await count(name)) >= 1, `editing: "${name}" is offered`);
  assert.ok((await page.getByRole("button", { name: /^Ta bort/ }).count()) > 1, "row delete buttons in editing mode");

  // A protokoll in the works, read and edited.
  await tap(page, "Nytt protokoll");
  await page.locator("#nytt-mote-datum").fill(isoDay(-1));
  await page.locator("#nytt-mote-plats").fill("Luleå");
  await tap(page, "Skapa protokoll");
  await expectH1(page, "Protokoll");
  await tap(page, "Ny §");
  const paragraph = page.locator(".paragrafer form");
  await paragraph.getByLabel("Rubrik", { exact: true }).fill("Mötets öppnande");
  await tap(paragraph, "Spara §");
  await expectCount(page.locator("article.paragraf"), 1);
  const minutesControls = ["Redigera sammanträdet", "Ta bort sammanträdet", "Redigera § 1", "Ta bort paragrafen", "Ny §", "Skicka för justering"];
  for (const name of minutesControls) assert.equal(await count(name), 1, `editing: "${name}" on the protokoll`);
  await shot(page, "5-minutes-edit-mode");

  await enterReadingMode(page);
  for (const name of minutesControls) assert.equal(await count(name), 0, `reading: no "${name}" on the protokoll`);
  await expectText(page.locator("article.paragraf"), "Mötets öppnande");
  await shot(page, "6-minutes-reading-mode");

  // Remembered in this browser: a reload reads, and editing comes back after one tap.
  await saved(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await modeSwitch(page).getAttribute("aria-checked"), "false");
  await enterEditMode(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await modeSwitch(page).getAttribute("aria-checked"), "true");
  assert.equal(await count("Redigera § 1"), 1);
});
