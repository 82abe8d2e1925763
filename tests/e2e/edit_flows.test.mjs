// Keeping the data current from the app alone, at tablet size with touch:
// a new body and a relation (on the body list and in the diagram), a new
// protokoll with three § taken through justering, the lock on adjusted §,
// an addendum, undoing a deletion, the change history, and a reload that
// finds everything as it was left.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, expectCount, waitForApp } from "./harness.mjs";

const app = useApp();
const NAME = "Rådet för e-hälsa";
const SHORT = "RFE";

/** Reloads once every change is written (the app marks the root while saving). */
async function reloadWhenSaved(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
  await page.reload();
  await waitForApp(page);
}

async function tapButton(scope, name) {
  await scope.getByRole("button", { name, exact: true }).first().tap();
}

async function fillField(scope, label, value) {
  await scope.getByLabel(label, { exact: true }).first().fill(value);
}

/** Creates the body through "Nytt organ"; ends on its page. */
async function createBody(page) {
  await page.goto(new URL("/organ", page.url()).href);
  await waitForApp(page);
  await tapButton(page, "Nytt organ");
  const form = page.locator("form.edit-form");
  await fillField(form, "Namn", NAME);
  await fillField(form, "Kortnamn", SHORT);
  await form.getByLabel("Län", { exact: true }).selectOption("nb");
  await tapButton(form, "Lägg till uppdragspunkt");
  await fillField(form, "uppdragspunkt 1", "Samordna arbetet med e-hälsa i länet");
  await tapButton(form, "Spara");
  await expectH1(page, `${NAME} (${SHORT})`);
  await expectText(page.locator("#uppdrag"), "Samordna arbetet med e-hälsa i länet");
}

test("a new body and a relation show on the body list and in the diagram", async () => {
  const page = await app.openPage("/organ", { hasTouch: true });
  await createBody(page);

  await tapButton(page, "Lägg till relation");
  const form = page.locator("#relationer form");
  await form.getByLabel("Relation", { exact: true }).selectOption("coordinates_with");
  await form.getByLabel("Det andra organet", { exact: true }).selectOption("nb-psb");
  await tapButton(form, "Spara relation");
  await expectText(page.locator("#relationer ul.relations"), "samordnar sitt arbete med");
  await expectText(page.locator("#relationer ul.relations"), "Politiska samverkansberedningen");


  // Composition and meeting rules, edited as lists of rows.
  await tapButton(page, "Redigera sammansättning och regler");
  const rules = page.locator("form.edit-form");
  await tapButton(rules, "Lägg till platsregel");
  await fillField(rules, "Regeln som i källan, platsregel 1", "Varje kommun utser en representant.");
  await rules.getByLabel("Vem utser, platsregel 1").selectOption("each_municipality");
  await fillField(rules, "Ordinarie platser, platsregel 1", "14");
  await tapButton(rules, "Lägg till mötesregel");
  await fillField(rules, "Antal per år, mötesregel 1", "fyra");
  await tapButton(rules, "Spara regler");
  await expectText(rules.locator("[role=alert]"), "siffror");
  await fillField(rules, "Antal per år, mötesregel 1", "4");
  await fillField(rules, "Regeln som i källan, mötesregel 1", "Rådet sammanträder minst fyra gånger per år.");
  await tapButton(rules, "Spara regler");
  await expectText(page.locator("#sammansattning, .body-page"), "Varje kommun utser en representant.");
  await expectText(page.locator("#motesregler"), "minst fyra gånger per år");

  await page.locator("nav a").filter({ hasText: /^\s*Organ\s*$/ }).first().tap();
  await expectText(page.locator("table"), `${NAME} (${SHORT})`);

  await page.locator("nav a").filter({ hasText: /^\s*Diagram\s*$/ }).first().tap();
  const node = page.locator("svg.diagram-canvas g.node").filter({ has: page.locator("title", { hasText: NAME }) });
  await expectCount(node, 1);
  // The relation is drawn as an edge between the two bodies.
  const edges = await page.locator("svg.diagram-canvas [data-from], svg.diagram-canvas [data-to]").evaluateAll((els) =>
    els.map((e) => `${e.getAttribute("data-from")}→${e.getAttribute("data-to")}`),
  );
  assert.ok(edges.some((e) => e.endsWith("→nb-psb") && !e.startsWith("nb-")), `edge to nb-psb among ${edges.length}`);
});

test("a protokoll with three § is adjusted, locked, corrected by an addendum, and kept after a reload", async () => {
  const page = await app.openPage("/organ", { hasTouch: true });
  await createBody(page);

  await tapButton(page, "Nytt protokoll");
  const create = page.locator("#sammantraden form");
  await fillField(create, "Datum", "2026-11-20");
  await fillField(create, "Plats", "Digitalt via Teams");
  await tapButton(create, "Skapa protokoll");
  await expectH1(page, "Protokoll");
  await expectText(page.locator(".workflow"), "Utkast");

  const titles = ["Mötets öppnande", "Lägesbild e-hälsa", "Mötets avslutande"];
  for (const [i, title] of titles.entries()) {
    await tapButton(page, "Ny §");
    const form = page.locator(".paragrafer form");
    assert.equal(await form.getByLabel("Nummer (§)").inputValue(), String(i + 1), "numbered after the last §");
    await fillField(form, "Rubrik", title);
    await fillField(form, "Beslut", "Informationen läggs till handlingarna.");
    await tapButton(form, "Spara §");
    await expectCount(page.locator("article.paragraf"), i + 1);
  }

  // Sending for justering needs the chair and an adjuster named.
  await tapButton(page, "Skicka för justering");
  await expectText(page.locator(".workflow [role=alert]"), "ordförande");
  await expectText(page.locator(".workflow"), "Utkast");

  await tapButton(page, "Redigera sammanträdet");
  const meeting = page.locator("form.edit-form").first();
  await meeting.getByLabel("Ordförande", { exact: true }).selectOption({ index: 1 });
  await meeting.getByLabel("Sekreterare", { exact: true }).selectOption({ index: 2 });
  await meeting.getByLabel("Justerare", { exact: true }).selectOption({ index: 3 });
  await tapButton(meeting, "Lägg till punkt");
  await fillField(meeting, "Nummer, punkt 1", "1");
  await fillField(meeting, "Rubrik, punkt 1", "Mötets öppnande");
  await fillField(meeting, "Från kl., punkt 1", "9.00");
  await tapButton(meeting, "Spara");
  await expectText(meeting.locator("[role=alert]"), "TT:MM");
  await fillField(meeting, "Från kl., punkt 1", "09:00");
  await tapButton(meeting, "Spara");
  await expectText(page.locator(".agenda-list"), "Mötets öppnande");
  await tapButton(page, "Skicka för justering");
  await expectText(page.locator(".workflow"), "För justering");
  // Out for justering the text stays as the signers read it.
  assert.equal(await page.getByRole("button", { name: "Redigera § 2" }).count(), 0, "no § edits while out for justering");
  await expectCount(page.locator(".signatures .signature"), 3);
  await expectText(page.locator(".signatures"), "inte justerat än");

  // This copy says nobody in particular; the three signed on paper, and the secretary records each.
  for (let line = 0; line < 3; line++) {
    const unsigned = page.locator(".signatures .signature:not(.signed)").first();
    await tapButton(unsigned, "Justerat på papper …");
    await tapButton(unsigned, "För in justeringen");
  }
  await expectText(page.locator(".workflow"), "Justerat");
  await expectCount(page.locator(".signatures .signature.signed"), 3);
  await expectText(page.locator(".signatures"), "justerat på papper");

  // Adjusted: no edit control is offered at all, only addenda.
  for (const name of ["Redigera § 2", "Redigera sammanträdet", "Ny §", "Ta bort paragrafen", "Ta bort sammanträdet"]) {
    assert.equal(await page.getByRole("button", { name }).count(), 0, `no "${name}" once adjusted`);
  }

  // The way to change it: a recorded addendum with a reason.
  await tapButton(page, "Ny rättelse eller tillägg");
  const addendum = page.locator(".addenda form");
  await addendum.getByLabel("Gäller").selectOption("2");
  await fillField(addendum, "Text", "Lägesbilden gällde även Västerbotten.");
  await tapButton(addendum, "För in");
  await expectText(addendum.locator("[role=alert]"), "skälet");
  await fillField(addendum, "Skäl", "Ofullständig uppgift i protokollet.");
  await tapButton(addendum, "För in");
  await expectText(page.locator(".addenda ol"), "Rättelse till § 2");

  const url = page.url();
  await reloadWhenSaved(page);
  assert.equal(page.url(), url);
  await expectText(page.locator(".workflow"), "Justerat");
  await expectCount(page.locator("article.paragraf"), 3);
  await expectText(page.locator(".addenda ol"), "Ofullständig uppgift i protokollet.");
  await page.locator(".record-history summary").tap();
  await expectText(page.locator(".record-history"), "justerat på papper");
});

test("a deletion is undone, and the change history shows who changed what", async () => {
  const page = await app.openPage("/organ/nb-psb", { hasTouch: true });
  await expectH1(page, "Politiska samverkansberedningen");
  // In use: the body cannot go while relations and seats refer to it.
  await tapButton(page, "Ta bort organet");
  await tapButton(page, "Ja, ta bort");
  await expectText(page.locator(".delete [role=alert]"), "hänvisar till posten");

  const relations = page.locator("#relationer ul.relations > li");
  const before = await relations.count();
  const first = norm(await relations.first().innerText());
  await relations.first().getByRole("button", { name: "Ta bort relationen" }).tap();
  await relations.first().getByRole("button", { name: "Ja, ta bort" }).tap();
  await expectCount(relations, before - 1);
  await expectText(page.locator(".undo-bar"), "Borttagen");
  await tapButton(page.locator(".undo-bar"), "Ångra");
  await expectCount(relations, before);
  assert.equal(norm(await relations.first().innerText()), first);

  // Rename, then see the change attributed in the history and restore the old name.
  await page.getByRole("button", { name: "Redigera", exact: true }).tap();
  await fillField(page.locator("form.edit-form"), "Namn", "Politiska samverkansberedningen i Norrbotten");
  await tapButton(page.locator("form.edit-form"), "Spara");
  await expectH1(page, "i Norrbotten");
  await reloadWhenSaved(page);
  await expectH1(page, "i Norrbotten");
  await page.locator(".record-history summary").tap();
  const history = page.locator(".record-history");
  await expectText(history, "namn");
  await expectText(history, "Politiska samverkansberedningen i Norrbotten");
  await tapButton(history, "Återställ den versionen");
  await expectH1(page, "Politiska samverkansberedningen");
  assert.ok(!(await page.locator("h1").innerText()).includes("i Norrbotten"));

  // The changes page lists deleted records with a way back.
  await page.goto(new URL("/andringar", page.url()).href);
  await waitForApp(page);
  await expectH1(page, "Ändringar");
  await expectText(page.locator("ol.changes"), "Återställd till tidigare version");
});

function norm(s) {
  return s.replace(/\s+/g, " ").trim();
}
