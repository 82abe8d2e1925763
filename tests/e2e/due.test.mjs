// What is due: the rules computed for the built-in data on a fixed date (the
// `?idag=` hook), an unknown rotation start set by the user, a planned meeting,
// and the calendar export.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();

function group(page, county, label) {
  return page
    .locator("section.county")
    .filter({ has: page.locator("h2", { hasText: county }) })
    .locator(".due-group")
    .filter({ has: page.locator("h3", { hasText: label }) });
}

test("Att göra on 15 June 2021 shows what the built-in data makes due", async () => {
  const page = await app.openPage("/att-gora?idag=2021-06-15");
  await expectH1(page, "Att göra");
  await expectText(page, "15 juni 2021");
  const nbOpen = group(page, "Norrbotten", "Aktuellt");
  await expectText(nbOpen, "Sammanträden ska hållas minst fyra gånger per år.");
  await expectText(nbOpen, "2021: 1 av 4 registrerade.");
  await expectText(group(page, "Norrbotten", "Uppfyllt"), "Innehas av Region Norrbotten");
  await expectText(group(page, "Norrbotten", "Kommande"), "Nästa uppföljning 1 januari 2023.");
  await expectText(group(page, "Västerbotten", "Uppgift saknas"), "Okänt – ange startår");
  await expectText(group(page, "Västerbotten", "Kommande"), "Nästa uppföljning 1 september 2023.");
});

test("today the Västerbotten follow-up is overdue and the chair is with the municipalities in Norrbotten", async () => {
  const page = await app.openPage("/att-gora?idag=2026-11-22");
  await expectText(group(page, "Västerbotten", "Försenat"), "Skulle ha startat senast 1 september 2023.");
  await expectText(group(page, "Norrbotten", "Uppfyllt"), "Innehas av Norrbottens Kommuner");
});

test("an unknown rotation start can be given, and it is kept after a reload", async () => {
  const page = await app.openPage("/organ/vb-samrad?idag=2022-03-01");
  await expectText(page, "2022: okänt – ange startår.");
  const form = page.locator("#ordforande form").first();
  await form.getByLabel("Startår").fill("2021");
  await form.getByLabel("Part det året").selectOption({ label: "Region Västerbotten" });
  await form.getByRole("button", { name: "Spara startår" }).click();
  await expectText(page.locator("#ordforande"), "2022: kommunerna i Västerbotten.");
  await page.reload();
  await waitForApp(page);
  await expectText(page.locator("#ordforande"), "kommunerna i Västerbotten.");
});

test("a planned meeting counts in Att göra and can be exported to a calendar", async () => {
  const page = await app.openPage("/organ/nb-psb?idag=2021-06-15");
  const form = page.locator("form.plan-meeting");
  await form.getByRole("button", { name: "Planera" }).click();
  await expectText(form.locator('[role="alert"]'), "datum");
  await form.getByLabel("Datum").fill("2021-09-20");
  await form.getByLabel("Tid").fill("09:30");
  await form.getByLabel("Plats").fill("Luleå, Regionhuset");
  await form.getByRole("button", { name: "Planera" }).click();
  await expectText(form.locator('[role="status"]'), "planerat");
  await expectText(page.locator("#sammantraden"), "planerat, Luleå, Regionhuset");

  const download = page.waitForEvent("download");
  await page.locator("#sammantraden").getByRole("button", { name: /Exportera till kalender/ }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^samverkan-.*\.ics$/);
  const ics = fs.readFileSync(await file.path(), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /UID:nb-psb-2021-protokoll@samverkan\r\n/);
  assert.match(ics, /DTSTART;TZID=Europe\/Stockholm:20210920T093000\r\n/);
  assert.match(ics, /LOCATION:Luleå\\, Regionhuset\r\n/);

  await page.getByRole("link", { name: "Att göra" }).click();
  await expectText(group(page, "Norrbotten", "Aktuellt"), "2021: 1 av 4 registrerade, 1 planerade.");
});

test("a beredning's review every other year: unknown until recorded, then due from that date", async () => {
  const page = await app.openPage("/organ/vb-beredning-barn-unga?idag=2026-11-22");
  const section = page.locator("#revidering");
  await expectText(section, "Senast: okänt");
  await section.getByLabel("Reviderades").fill("2024-10-01");
  await section.getByRole("button", { name: "Spara revidering" }).click();
  await expectText(page.locator("#revidering"), "Senast: 1 oktober 2024.");
  await page.getByRole("link", { name: "Att göra" }).click();
  await expectText(group(page, "Västerbotten", "Försenat"), "nästa senast 1 oktober 2026");
});
