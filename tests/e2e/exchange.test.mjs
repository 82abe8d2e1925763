// Exchange by file between copies (separate browser profiles): export, preview, import,
// conflicts and their resolution, partial exports, undo; bad files change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();
const BODY = "/organ/nb-lansstyrgruppen";

/** Once every change is written: a page left while the data set is being written loses that write. */
async function saved(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
}

/** Opens `urlPath` in a new page load, after the data is saved. */
async function go(page, urlPath) {
  await saved(page);
  await page.goto(new URL(urlPath, page.url()).href);
}

/** Says which organisation (and person) keeps the copy. */
async function identify(page, organisation, person = "") {
  await go(page, "/installningar");
  await waitForApp(page);
  await page.getByLabel("Organisation").selectOption(organisation);
  await page.getByLabel(/Ditt namn/).fill(person);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(page.locator('[role="status"]'), "Sparat");
}

/** A fresh copy kept by `organisation`. */
async function copyOf(organisation, person) {
  const page = await app.openPage("/");
  await identify(page, organisation, person);
  return page;
}

async function setShortName(page, value) {
  await go(page, BODY);
  await waitForApp(page);
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(value);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${value})`);
}

async function openExchange(page) {
  await page.getByRole("link", { name: "Utbyte", exact: true }).click();
  await expectH1(page, "Utbyte av data");
}

/** Exports with the chosen scope (the radio's label); returns the file's path and name. */
async function exportFile(page, scope = "All data", choose = async () => {}) {
  await openExchange(page);
  await page.getByRole("radio", { name: scope }).check();
  await choose(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = await download;
  await expectText(page.locator('[role="status"]'), "Exporterade");
  const name = file.suggestedFilename();
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-e2e-")), name);
  await file.saveAs(saved);
  return { path: saved, name };
}

async function importFile(page, file) {
  await openExchange(page);
  await page.locator("#importfil").setInputFiles(file);
  return page.locator(".import-preview");
}

const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

/** The data of a file with every kind's records sorted by id: equal exactly when the data is. */
function canonical(file) {
  const data = read(file).data;
  for (const value of Object.values(data)) {
    if (Array.isArray(value)) value.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return data;
}

test("an edit exported from one copy is previewed field by field, imported, kept after reload; importing it again changes nothing", async () => {
  const region = await copyOf("Region Norrbotten", "Anna Berg");
  await expectText(region.locator(".copy-identity"), "Region Norrbotten · Anna Berg");
  await setShortName(region, "NLSG");
  const file = await exportFile(region);
  assert.match(file.name, /^samverkan-region-norrbotten-\d{4}-\d{2}-\d{2}\.json$/);
  const json = read(file.path);
  assert.equal(json.format, "samverkan-exchange");
  assert.equal(json.origin.organisation, "Region Norrbotten");
  const body = json.data.bodies.find((b) => b.id === "nb-lansstyrgruppen");
  assert.equal(body.meta.last_change.person, "Anna Berg", "the change is attributed");

  const kommun = await copyOf("Luleå kommun");
  const preview = await importFile(kommun, file.path);
  await expectText(preview, "0 nya, 1 ändrade, 0 borttagna, 0 med konflikt.");
  await expectText(preview, "Region Norrbotten");
  await expectText(preview, "kortnamn: (tomt) → NLSG");
  await kommun.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(kommun.locator('[role="status"]'), "Importerat");
  await expectText(kommun.locator("#logg ~ *"), file.name);

  await go(kommun, BODY);
  await waitForApp(kommun);
  await expectH1(kommun, "(NLSG)");

  await openExchange(kommun);
  // The exchange log is read from storage when first needed: it is there after the reload.
  await expectText(kommun.locator("#logg ~ *"), file.name);
  await kommun.locator("#importfil").setInputFiles(file.path);
  await expectText(kommun.locator(".import-preview"), "inget som den här kopian inte redan har");
  await kommun.getByRole("button", { name: "Avbryt" }).click();
  await expectText(kommun.locator('[role="status"]'), "Ingenting har ändrats");
});

test("two copies edit the same field: the conflict is shown, resolved in one, and both end with identical data", async () => {
  const a = await copyOf("Region Norrbotten", "Anna");
  const b = await copyOf("Luleå kommun", "Bertil");
  await setShortName(a, "NLSG-A");
  await setShortName(b, "NLSG-B");
  const fromA = await exportFile(a);

  const preview = await importFile(b, fromA.path);
  await expectText(preview, "1 med konflikt");
  await expectText(preview, "Samtidiga ändringar som blir konflikter");
  await b.getByRole("button", { name: "Importera", exact: true }).click();
  await go(b, BODY);
  await waitForApp(b);
  await expectText(b.locator(".conflict-notice"), "kortnamn");
  await b.locator(".conflict-notice").getByRole("link", { name: "Lös konflikten" }).click();
  const conflict = b.locator(".conflict");
  await expectText(conflict, "NLSG-A");
  await expectText(conflict, "NLSG-B");
  await expectText(conflict, "Anna, Region Norrbotten");
  await expectText(conflict, "Bertil, Luleå kommun");
  await conflict.locator("li", { hasText: "NLSG-A" }).getByRole("button", { name: "Behåll detta" }).click();
  await expectText(b.locator("#konflikter ~ *"), "Inga konflikter att lösa.");
  const fromB = await exportFile(b);

  const back = await importFile(a, fromB.path);
  await expectText(back, "0 med konflikt");
  await a.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(a.locator("#konflikter ~ *"), "Inga konflikter att lösa.");
  for (const page of [a, b]) {
    await go(page, BODY);
    await waitForApp(page);
    await expectH1(page, "(NLSG-A)");
  }
  const finalA = await exportFile(a);
  const finalB = await exportFile(b);
  assert.deepEqual(canonical(finalA.path), canonical(finalB.path), "both copies hold the same data");
});

test("undo of an import restores the exact previous state", async () => {
  const a = await copyOf("Region Norrbotten");
  await setShortName(a, "NLSG");
  const fromA = await exportFile(a);

  const b = await copyOf("Luleå kommun");
  await setShortName(b, "LSG");
  const before = await exportFile(b);
  await importFile(b, fromA.path);
  await b.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(b.locator(".conflict"), "NLSG");
  await b.getByRole("button", { name: "Ångra senaste import" }).click();
  await expectText(b.locator('[role="status"]'), "ångrad");
  await expectText(b.locator("#logg ~ *"), "ångrad");
  // The undo is an attributed change (it travels, it is in the history): the records read
  // as before the import, and the conflict the import brought is gone; only versions differ.
  await expectText(b.locator('[role="status"]'), "ångrad");
  const after = await exportFile(b);
  assert.deepEqual(content(after.path), content(before.path));
  await b.reload();
  await waitForApp(b);
  const reloaded = await exportFile(b);
  assert.deepEqual(content(reloaded.path), content(before.path), "the undone state is what was saved");
  await go(b, BODY);
  await waitForApp(b);
  await expectH1(b, "(LSG)");
  assert.equal(await b.locator(".conflict-notice").count(), 0, "no conflict left");
});

/** The records of a file without their version information, sorted by id. */
function content(file) {
  const data = canonical(file);
  for (const value of Object.values(data)) {
    if (Array.isArray(value)) for (const record of value) delete record.meta;
  }
  return data;
}

test("records can be left out of an import", async () => {
  const a = await copyOf("Region Norrbotten");
  await setShortName(a, "NLSG");
  await go(a, "/organ/nb-psb");
  await waitForApp(a);
  await a.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await a.getByLabel(/^\s*Kortnamn\b/).first().fill("PSB-X");
  await a.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(a, "(PSB-X)");
  const fromA = await exportFile(a);

  const b = await copyOf("Luleå kommun");
  const preview = await importFile(b, fromA.path);
  await expectText(preview, "2 ändrade");
  await preview.getByRole("checkbox", { name: /Länsstyrgruppen/ }).uncheck();
  await b.getByRole("button", { name: "Importera utom 1 valda bort" }).click();
  await expectText(b.locator('[role="status"]'), "1 poster lämnades utanför");
  await go(b, "/organ/nb-psb");
  await waitForApp(b);
  await expectH1(b, "(PSB-X)");
  await go(b, BODY);
  await waitForApp(b);
  assert.doesNotMatch(await b.locator("h1").innerText(), /NLSG/);
});

test("one county, or only the changes a party has not seen, can be exported", async () => {
  const a = await copyOf("Region Norrbotten");
  const county = await exportFile(a, "Ett län", (page) =>
    page.getByLabel("Län", { exact: true }).selectOption({ label: "Västerbotten" }),
  );
  assert.match(county.name, /-vasterbotten-/);
  const data = read(county.path).data;
  assert.ok(data.bodies.length > 0);
  assert.ok(data.bodies.every((b) => b.county === "vb"), "only Västerbotten's bodies");
  assert.deepEqual(read(county.path).scope, { kind: "county", county: "vb" });

  const all = await exportFile(a);
  const b = await copyOf("Luleå kommun");
  await importFile(b, all.path);
  await b.getByRole("button", { name: "Importera", exact: true }).click();
  await setShortName(b, "LSG");
  const changes = await exportFile(b, "Ändringar sedan senaste utbytet med");
  const delta = read(changes.path);
  assert.equal(delta.scope.kind, "changes_for");
  const records = Object.values(delta.data).filter(Array.isArray).flat();
  assert.deepEqual(records.map((r) => r.id), ["nb-lansstyrgruppen"], "only the one changed record");

  const back = await importFile(a, changes.path);
  await expectText(back, "0 nya, 1 ändrade");
  await a.getByRole("button", { name: "Importera", exact: true }).click();
  await go(a, BODY);
  await waitForApp(a);
  await expectH1(a, "(LSG)");
});

test("a file dropped on the import area is previewed", async () => {
  const a = await copyOf("Region Norrbotten");
  await setShortName(a, "NLSG");
  const fromA = await exportFile(a);
  const b = await app.openPage("/utbyte");
  const text = fs.readFileSync(fromA.path, "utf8");
  const transfer = await b.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], "slappt.json", { type: "application/json" }));
    return dt;
  }, text);
  await b.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
  const preview = b.locator(".import-preview");
  await expectText(preview, "slappt.json");
  await expectText(preview, "1 ändrade");
});

test("a file that is not an exchange file is refused with a message and changes nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-e2e-"));
  const bad = path.join(dir, "trasig.json");
  fs.writeFileSync(bad, '{"format": "samverkan-exchange", "schema_version": 1,');
  const page = await app.openPage("/utbyte");
  await page.locator("#importfil").setInputFiles(bad);
  await expectText(page.locator('[role="alert"]'), "trasig.json");
  await expectText(page.locator('[role="alert"]'), "avkortad");
  await expectText(page.locator('[role="alert"]'), "Ingenting har ändrats");
  assert.equal(await page.locator(".import-preview").count(), 0);
});

/** Rewrites point `n` (1-based) of Länsstyrgruppen's mandate in the body's form. */
async function setMandatePoint(page, n, text) {
  await go(page, BODY);
  await waitForApp(page);
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.locator(`#organ-uppdrag-${n}`).fill(text);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(page.locator("main"), text);
}

test("two copies change different points of one mandate: after exchanging files both hold both, with no conflict", async () => {
  const region = await copyOf("Region Norrbotten", "Anna");
  const lulea = await copyOf("Luleå kommun", "Bertil");
  await setMandatePoint(region, 3, "Punkt tre som regionen skrev den");
  await setMandatePoint(lulea, 4, "Punkt fyra som Luleå skrev den");
  const fromRegion = await exportFile(region);
  const fromLulea = await exportFile(lulea);
  for (const [page, file] of [[lulea, fromRegion], [region, fromLulea]]) {
    const preview = await importFile(page, file.path);
    await expectText(preview, "0 med konflikt");
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await expectText(page.locator('[role="status"]'), "Importerat");
    await go(page, BODY);
    await waitForApp(page);
    await expectText(page.locator("main"), "Punkt tre som regionen skrev den");
    await expectText(page.locator("main"), "Punkt fyra som Luleå skrev den");
    assert.equal(await page.locator(".conflict-notice").count(), 0, "no conflict");
  }
  const finalRegion = await exportFile(region);
  const finalLulea = await exportFile(lulea);
  assert.deepEqual(canonical(finalRegion.path), canonical(finalLulea.path), "both copies hold the same data");
});

test("one point changed differently in two copies: one conflict on that point, kept in one copy, and the choice travels back", async () => {
  const region = await copyOf("Region Norrbotten", "Anna");
  const lulea = await copyOf("Luleå kommun", "Bertil");
  await setMandatePoint(region, 4, "Regionens lydelse av punkt fyra");
  await setMandatePoint(lulea, 4, "Luleås lydelse av punkt fyra");
  const fromRegion = await exportFile(region);
  const preview = await importFile(lulea, fromRegion.path);
  await expectText(preview, "1 med konflikt");
  await lulea.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(lulea.locator('[role="status"]'), "Importerat");
  const conflict = lulea.locator(".conflict");
  assert.equal(await conflict.count(), 1, "one conflict");
  await expectText(conflict, "punkt 4");
  await expectText(conflict, "Regionens lydelse av punkt fyra");
  await expectText(conflict, "Luleås lydelse av punkt fyra");
  await conflict.locator("li", { hasText: "Regionens lydelse" }).getByRole("button", { name: "Behåll detta" }).click();
  await expectText(lulea.locator("#konflikter ~ *"), "Inga konflikter att lösa.");
  const fromLulea = await exportFile(lulea);
  const back = await importFile(region, fromLulea.path);
  await expectText(back, "0 med konflikt");
  await region.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(region.locator('[role="status"]'), "Importerat");
  for (const page of [region, lulea]) {
    await go(page, BODY);
    await waitForApp(page);
    await expectText(page.locator("main"), "Regionens lydelse av punkt fyra");
    assert.equal(await page.locator(".conflict-notice").count(), 0, "no conflict left");
  }
});

/**
 * Exports `from`'s data into `to` (no conflict expected), then checks that both copies show
 * `text` on the body's page with no conflict left.
 */
async function travelsBack(from, to, text) {
  const file = await exportFile(from);
  const preview = await importFile(to, file.path);
  await expectText(preview, "0 med konflikt");
  await to.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(to.locator('[role="status"]'), "Importerat");
  await expectText(to.locator("#konflikter ~ *"), "Inga konflikter att lösa.");
  for (const page of [to, from]) {
    await go(page, BODY);
    await waitForApp(page);
    await expectText(page.locator("main"), text);
    assert.equal(await page.locator(".conflict-notice").count(), 0, "no conflict left");
  }
}

test("one point changed differently: the preview shows both values, the conflict reads as text with the word difference, and a combined value travels back", async () => {
  const region = await copyOf("Region Norrbotten", "Anna");
  const lulea = await copyOf("Luleå kommun", "Bertil");
  const regions = "Regionens lydelse av punkt fyra";
  const luleas = "Luleås lydelse av punkt fyra";
  await setMandatePoint(region, 4, regions);
  await setMandatePoint(lulea, 4, luleas);
  const fromRegion = await exportFile(region);

  // Before anything is applied, the preview shows the conflict's values as text.
  const preview = await importFile(lulea, fromRegion.path);
  await expectText(preview, "1 med konflikt");
  const previewed = preview.locator(".conflict");
  assert.equal(await previewed.count(), 1, "one conflict in the preview");
  await expectText(previewed, "uppdrag, punkt 4");
  await expectText(previewed, regions);
  await expectText(previewed, luleas);
  const marked = async (scope) => [
    (await scope.locator("del").first().textContent()).replace(/\[[^\]]*: |\]/g, ""),
    (await scope.locator("ins").first().textContent()).replace(/\[[^\]]*: |\]/g, ""),
  ];
  const words = new Set(await marked(previewed));
  assert.deepEqual(words, new Set(["Regionens", "Luleås"]), "the changed word marked, the rest not");
  const previewText = await previewed.textContent();
  assert.ok(!/[{}\[]"|"\]/.test(previewText), `no JSON in the preview: ${previewText}`);

  await lulea.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(lulea.locator('[role="status"]'), "Importerat");
  const conflict = lulea.locator(".conflict");
  assert.equal(await conflict.count(), 1, "one conflict");
  await expectText(conflict, "uppdrag, punkt 4");
  await expectText(conflict, regions);
  await expectText(conflict, luleas);
  assert.deepEqual(new Set(await marked(conflict)), new Set(["Regionens", "Luleås"]));
  assert.equal(await conflict.getByRole("button", { name: "Behåll detta" }).count(), 2, "keep either side");

  // The official writes the combined value, starting from the value shown now.
  await conflict.getByRole("button", { name: "Skriv ett sammanvägt värde" }).click();
  const box = conflict.getByLabel("Sammanvägt värde för uppdrag, punkt 4");
  const start = await box.inputValue();
  assert.ok([regions, luleas].includes(start), `starts from one side: ${start}`);
  assert.equal(await conflict.locator(".combined-others ins").count(), 1, "the other side's difference beside it");
  await box.fill("   ");
  await conflict.getByRole("button", { name: "Spara det sammanvägda värdet" }).click();
  await expectText(lulea.locator('[role="alert"]'), "uppdrag, punkt 4 i organ");
  await expectText(lulea.locator('[role="alert"]'), "tomt");
  const combined = "Regionens och Luleås gemensamma lydelse av punkt fyra";
  await box.fill(combined);
  await conflict.getByRole("button", { name: "Spara det sammanvägda värdet" }).click();
  await expectText(lulea.locator('[role="status"]'), "sammanvägt värde");
  await expectText(lulea.locator("#konflikter ~ *"), "Inga konflikter att lösa.");

  // The combined value travels back and ends the conflict in the region's copy too.
  await travelsBack(lulea, region, combined);
});
