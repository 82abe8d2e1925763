// Where one stands (issue 20): the status line under the menu (online or not, the last
// exchange with each party, saved), messages where the user acted (export, calendar, undo),
// Inställningar in the menu with the accessibility statement's contact, and the calendar export
// (upcoming meetings by default, every event with a length, a confirmation of what it holds).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { useApp, expectH1, expectText, waitForApp, norm } from "./harness.mjs";

const app = useApp();

const connection = (page) => page.locator("header [data-connection]");

test("the status line follows the connection and says the data is saved", async () => {
  const page = await app.openPage("/organ", { viewport: { width: 390, height: 844 } });
  await expectText(connection(page), "Uppkopplad");
  await expectText(page.locator("header [data-save-status]"), "Sparat");
  await expectText(page.locator("header [data-last-exchanges]"), "Inget utbyte än");
  await page.context().setOffline(true);
  await expectText(connection(page), "Ej uppkopplad");
  await page.context().setOffline(false);
  await expectText(connection(page), "Uppkopplad");
  assert.doesNotMatch(norm(await connection(page).innerText()), /Ej/);
});

test("after an import the status line names the party and how long ago", async () => {
  // A copy kept by Luleå kommun exports everything …
  const lulea = await app.openPage("/installningar");
  await lulea.getByLabel("Organisation").selectOption("Luleå kommun");
  await lulea.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(lulea.locator('main [role="status"]'), "Sparat");
  await lulea.getByRole("link", { name: "Utbyte", exact: true }).click();
  await expectH1(lulea, "Utbyte av data");
  const download = lulea.waitForEvent("download");
  await lulea.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = await download;
  // … and the message stands right under the export button, where the user acted.
  const exportSection = lulea.locator('section[aria-labelledby="exportera"]');
  await expectText(exportSection.locator('[role="status"]'), "Exporterade");
  const path = await file.path();

  // Another copy imports it.
  const other = await app.openPage("/utbyte");
  await other.locator("#importfil").setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: fs.readFileSync(path) });
  await other.locator(".import-preview").waitFor();
  await other.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(other.locator('.status-line [role="status"]'), "Importerat");
  await expectText(other.locator("header [data-last-exchanges]"), "Luleå kommun: i dag");
});

test("Inställningar is in the menu, and the statement's contact entered there is shown in the statement", async () => {
  const page = await app.openPage("/tillganglighet");
  await expectText(page.locator(".statement .placeholder"), "Ange kontakten under Inställningar");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inställningar", exact: true }).click();
  await expectH1(page, "Inställningar");
  const section = page.locator("#tillganglighetskontakt");
  // A contact with no way to reach anyone is refused next to its field.
  await section.getByLabel("Vem (t.ex. samverkanskansliet)").fill("Samverkanskansliet, Region Norrbotten");
  await section.getByRole("button", { name: "Spara kontakten" }).click();
  await expectText(section.locator("#kontakt-nas-fel"), "Ange en e-postadress eller ett telefonnummer.");
  assert.equal(await section.getByLabel("E-post och telefon").getAttribute("aria-invalid"), "true");
  await section.getByLabel("E-post och telefon").fill("samverkan@norrbotten.example, 0920-28 40 00");
  await section.getByRole("button", { name: "Spara kontakten" }).click();
  await expectText(section.locator('[role="status"]'), "Kontakten är sparad");
  await section.getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
  await expectH1(page, "Tillgänglighetsredogörelse");
  await expectText(page.locator("[data-statement-contact]"), "samverkan@norrbotten.example, 0920-28 40 00");
  await expectText(page.locator(".statement .contact"), "Samverkanskansliet, Region Norrbotten");
  assert.equal(await page.locator(".statement .placeholder").count(), 0);
  // Kept after a reload.
  await page.reload();
  await waitForApp(page);
  await expectText(page.locator("[data-statement-contact]"), "samverkan@norrbotten.example");
});

/** Clicks the calendar export; returns the file's text, or null when nothing was offered. */
async function exportCalendar(page, { expectFile = true } = {}) {
  const download = expectFile ? page.waitForEvent("download") : null;
  await page.getByRole("button", { name: "Exportera till kalender (.ics)" }).first().click();
  if (!download) return null;
  const file = await download;
  return fs.readFileSync(await file.path(), "utf8");
}

const events = (ics) => ics.split("BEGIN:VEVENT").slice(1);

test("the calendar exports the upcoming meetings with their lengths and says what it exported", async () => {
  const page = await app.openPage("/moten?idag=2021-01-01");
  const message = page.locator("[data-calendar-message]");
  const upcoming = await exportCalendar(page);
  const upcomingEvents = events(upcoming);
  assert.ok(upcomingEvents.length > 0);
  for (const event of upcomingEvents) assert.match(event, /\r\nDTEND[;:]/, `every event has an end:\n${event}`);
  const said = norm(await message.innerText());
  assert.match(said, new RegExp(`^(${upcomingEvents.length} möten exporterade|Ett möte exporterat) till samverkan-alla-moten\\.ics`));

  // Later on, nothing is upcoming: no file, and the message says how to get them all.
  await page.goto("/moten?idag=2040-01-01");
  await waitForApp(page);
  await exportCalendar(page, { expectFile: false });
  await expectText(page.locator("[data-calendar-message]"), "Det finns inga kommande möten");
  await page.getByLabel("Ta med tidigare möten").check();
  const all = await exportCalendar(page);
  assert.ok(events(all).length >= upcomingEvents.length);
  await expectText(page.locator("[data-calendar-message]"), "till samverkan-alla-moten.ics");
});
