// Minutes as fast as the meeting (issue 21), counted: through the UI only, on a tablet
// (1024×768, touch), the secretary of Politiska samverkansberedningen (Norrbotten) writes the
// kallelse (date, time, place, three agenda items), starts the protokoll (each agenda item a
// draft §), takes the roll call of the 13 seats (2 absent, one ersättare serving for one of
// them, one member leaving after § 2, a justerare chosen), writes the decisions of the three §
// and sends the minutes for justering. Every tap, every dropdown choice and every character
// typed outside the agenda titles and the § texts is counted and printed; the result is
// checked (attendance per §, the three §, the state), after a reload and in print.
//
// Before issue 21 the same task took 58 taps, 8 dropdown choices and ~215 characters outside
// the § texts. Target: ≤ 25 taps and ≤ 60 characters besides agenda titles and § texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, expectCount, waitForApp, modeSwitch } from "./harness.mjs";

const app = useApp();
const TABLET = { width: 1024, height: 768 };

/** Taps, dropdown choices and characters typed outside agenda titles and § texts. */
function counter() {
  const count = { taps: 0, dropdowns: 0, chars: 0, textChars: 0 };
  return {
    count,
    async tap(locator) {
      count.taps += 1;
      await locator.tap();
    },
    /** Taps a field and types `text`; `prose` is an agenda title or § text (not counted as chars). */
    async type(locator, text, { prose = false } = {}) {
      count.taps += 1;
      await locator.tap();
      await locator.fill(text);
      if (prose) count.textChars += text.length;
      else count.chars += text.length;
    },
    /** Taps a select and picks an option: a tap and a dropdown choice. */
    async choose(locator, option) {
      count.taps += 1;
      count.dropdowns += 1;
      await locator.selectOption(option);
    },
  };
}

/**
 * Puts the app in editing mode when it has one (reading and editing apart, issue 21): the one
 * line to reconcile with that switch, counted as the tap it is.
 */
async function enterEditing(page, c) {
  const toggle = modeSwitch(page);
  if ((await toggle.getAttribute("aria-checked")) !== "true") await c.tap(toggle);
  await page.locator('html[data-mode="edit"]').waitFor({ state: "attached" });
}

/** Not counted: the body's register gets a personal ersättare for Anders Öberg. */
async function addSubstituteSeat(page) {
  await page.getByRole("button", { name: "Lägg till uppdrag", exact: true }).tap();
  const form = page.locator("#ledamoter form.edit-form");
  await form.getByLabel("Person", { exact: true }).selectOption("p-maria-stenberg");
  await form.getByLabel("Roll", { exact: true }).selectOption("substitute");
  await form.getByLabel("Personlig ersättare för", { exact: true }).selectOption("p-anders-oberg");
  await form.getByLabel("Företräder", { exact: true }).selectOption("region-nb");
  await form.getByRole("button", { name: "Spara uppdrag" }).tap();
  await form.waitFor({ state: "detached" });
}

const AGENDA = ["Mötets öppnande", "Lägesbild Nära vård", "Mötets avslutande"];
const DECISIONS = [
  "Mötet förklaras öppnat.",
  "Informationen läggs till handlingarna.",
  "Mötet förklaras avslutat.",
];

test("the minutes of a meeting of 13 decision-makers, counted from kallelse to justering", async () => {
  const page = await app.openPage("/organ/nb-psb", { viewport: TABLET, hasTouch: true, mode: "read" });
  await expectH1(page, "Politiska samverkansberedningen");
  const c = counter();
  await enterEditing(page, c);
  await addSubstituteSeat(page);

  // Kallelse: date, time, place and the agenda, one item per line.
  const plan = page.locator("form.plan-meeting");
  await c.type(plan.locator("#plan-datum"), "2026-05-27");
  await c.type(plan.locator("#plan-tid"), "09:00");
  await c.type(plan.locator("#plan-plats"), "Teams");
  await c.type(plan.locator("#plan-dagordning"), AGENDA.join("\n"), { prose: true });
  await c.tap(plan.getByRole("button", { name: "Planera", exact: true }));
  await expectText(plan.locator("[role=status]"), "planerat");
  await c.tap(page.locator("#sammantraden a", { hasText: "2026-05-27" }));
  await expectH1(page, "Protokoll");

  // Kallelse → protokoll: one tap makes the three § and calls the roll of the seats.
  await c.tap(page.getByRole("button", { name: "Börja skriva protokoll", exact: true }));
  await expectCount(page.locator("article.paragraf"), 3);

  // Upprop.
  await c.tap(page.getByRole("button", { name: "Redigera sammanträdet", exact: true }));
  const form = page.locator("form.edit-form").first();
  const rollCall = form.locator("#upprop");
  await expectCount(rollCall.locator(".roll-call-row"), 14);
  await c.tap(rollCall.getByRole("button", { name: /^Anders Öberg( \(\w+\))? frånvarande$/ }));
  await c.tap(rollCall.getByRole("button", { name: /^Louise Mörk( \(\w+\))? frånvarande$/ }));
  await c.tap(rollCall.getByRole("button", { name: "Tjänstgör för Anders Öberg", exact: true }));
  await c.choose(rollCall.getByLabel(/^Lämnade efter §, Emma Engelmark/), "2");
  // 2026 is Norrbottens Kommuner's turn to chair and no seat of theirs holds the office, so the
  // chair is not pre-filled (issue 20's rule of offices): the secretary names who chaired.
  await c.choose(form.getByLabel("Ordförande", { exact: true }), "p-linda-frohm");
  await c.choose(form.getByLabel("Justerare", { exact: true }), "p-beatrice-oman");
  await rollCall.screenshot({ path: "/tmp/upprop-rollcall.png" });
  await c.tap(form.getByRole("button", { name: "Spara", exact: true }));
  await form.waitFor({ state: "detached" });

  // The three §, one after the other: the decision written, or taken from the proposal in one
  // tap; "Spara och nästa §" opens the next.
  await c.tap(page.getByRole("button", { name: "Redigera § 1", exact: true }));
  for (const [i, decision] of DECISIONS.entries()) {
    const p = page.locator("article.paragraf").nth(i).locator("form");
    assert.equal(await p.getByLabel("Rubrik", { exact: true }).inputValue(), AGENDA[i], "the title comes from the agenda");
    if (i === 1) {
      await c.type(p.getByLabel("Förslag till beslut", { exact: true }), decision, { prose: true });
      await c.tap(p.getByRole("button", { name: "Beslut enligt förslaget", exact: true }));
    } else {
      await c.type(p.getByLabel("Beslut", { exact: true }), decision, { prose: true });
    }
    const last = i === DECISIONS.length - 1;
    await c.tap(p.getByRole("button", { name: last ? "Spara §" : "Spara och nästa §", exact: true }));
    await p.waitFor({ state: "detached" });
  }
  await expectCount(page.locator("article.paragraf form"), 0);

  await c.tap(page.getByRole("button", { name: "Skicka för justering", exact: true }));
  await expectText(page.locator(".workflow"), "För justering");

  const { taps, dropdowns, chars, textChars } = c.count;
  console.log(
    `issue 21 figures: ${taps} taps, ${dropdowns} dropdown choices, ${chars} characters typed ` +
      `outside agenda titles and § texts (${textChars} in them); before: 58 taps, 8 dropdowns, ~215 characters`,
  );
  assert.ok(taps <= 25, `${taps} taps`);
  assert.ok(chars <= 60, `${chars} characters`);

  // What was saved, after a reload.
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
  await page.reload();
  await waitForApp(page);
  await checkMinutes(page);

  // Printed as the seed protokoll is: attendance with the § ranges, every §, no controls.
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator(".attendance").isVisible(), "attendance is printed");
  assert.ok(await page.locator(".attendance li", { hasText: "Emma Engelmark" }).locator(".range").isVisible());
  assert.ok(!(await page.locator("main button").evaluateAll((els) => els.some((e) => e.checkVisibility()))));
  await checkMinutes(page);
  await page.emulateMedia({ media: "screen" });
});

async function checkMinutes(page) {
  await expectText(page.locator(".workflow, .protokoll-header"), "För justering");
  const attendance = page.locator(".attendance .sides li");
  await expectCount(attendance, 12);
  const rows = await attendance.allInnerTexts();
  assert.ok(!rows.some((r) => r.trim().startsWith("Anders Öberg")), "Anders Öberg is absent");
  assert.ok(!rows.some((r) => r.includes("Louise Mörk")), "Louise Mörk is absent");
  const substitute = page.locator(".attendance li", { hasText: "Maria Stenberg" });
  await expectText(substitute, "tjänstgörande ersättare för Anders Öberg");
  const left = page.locator(".attendance li", { hasText: "Emma Engelmark" });
  await expectText(left.locator(".range"), "§ 1–2");
  const chair = page.locator(".attendance li", { hasText: "Linda Frohm" });
  await expectText(chair, "ordförande");
  assert.equal(await chair.locator(".range").count(), 0, "present for every §");
  const paragraphs = page.locator("article.paragraf");
  await expectCount(paragraphs, 3);
  for (const [i, title] of AGENDA.entries()) {
    await expectText(paragraphs.nth(i).locator("h3"), `§ ${i + 1}`);
    await expectText(paragraphs.nth(i).locator("h3"), title);
    await expectText(paragraphs.nth(i).locator(".decision"), DECISIONS[i]);
  }
  await expectText(page.locator(".agenda-list"), AGENDA[1]);
}

test("a person added in the roll call, a participant picked, jäv and a report-back that reaches Att göra", async () => {
  const page = await app.openPage("/organ/nb-psb", { viewport: TABLET, hasTouch: true });
  await enterEditing(page, counter());
  await page.getByRole("button", { name: "Nytt protokoll", exact: true }).tap();
  const create = page.locator("#sammantraden form.edit-form");
  await create.getByLabel("Datum", { exact: true }).fill("2026-05-27");
  await create.getByLabel("Plats", { exact: true }).fill("Luleå");
  await create.getByRole("button", { name: "Skapa protokoll", exact: true }).tap();
  await expectH1(page, "Protokoll");

  await page.getByRole("button", { name: "Ny §", exact: true }).tap();
  const p = page.locator(".paragrafer form");
  await p.getByLabel("Rubrik", { exact: true }).fill("Hjälpmedel");
  await p.getByLabel("Förslag till beslut", { exact: true }).fill("Informationen läggs till handlingarna.");
  await p.getByRole("button", { name: "Beslut enligt förslaget", exact: true }).tap();
  assert.equal(await p.getByLabel("Beslut", { exact: true }).inputValue(), "Informationen läggs till handlingarna.");
  await p.getByLabel("Återrapportering", { exact: true }).fill("Rapport om hjälpmedlen.");
  await p.getByLabel("Återrapporteras senast", { exact: true }).fill("2026-09-01");
  await p.getByLabel("Lägg till i Jäv – deltar inte i beslutet", { exact: true }).selectOption("p-erika-sjoo");
  await expectText(p.locator(".person-list", { hasText: "Jäv" }).locator(".chosen-people"), "Erika Sjöö");
  await p.getByRole("button", { name: "Spara §", exact: true }).tap();
  await p.waitFor({ state: "detached" });
  const paragraph = page.locator("article.paragraf").first();
  await expectText(paragraph, "Jäv: Erika Sjöö");
  await expectText(paragraph.locator(".follow-ups"), "Rapport om hjälpmedlen.");

  await page.getByRole("button", { name: "Redigera sammanträdet", exact: true }).tap();
  const form = page.locator("form.edit-form").first();
  await form.getByRole("button", { name: "Lägg till beslutande", exact: true }).tap();
  await form.locator("#upprop-ny-namn").fill("Nils Nyman");
  await form.locator("#upprop-ny-parti").fill("V");
  await form.locator("#upprop-ny-organisation").selectOption("region-nb");
  await form.getByRole("button", { name: "Lägg till personen", exact: true }).tap();
  await expectText(form.locator(".roll-call-row").last(), "Nils Nyman (V)");
  await form.getByLabel("Lägg till deltagare", { exact: true }).selectOption("p-anneli-granberg");
  await form.getByRole("button", { name: "Spara", exact: true }).tap();
  await form.waitFor({ state: "detached" });
  await expectText(page.locator(".attendance"), "Nils Nyman");
  await expectText(page.locator(".attendance"), "Anneli Granberg, Verksamhetsdirektör");
  await page.screenshot({ path: "/tmp/upprop-minutes.png", fullPage: false });

  await page.goto("/att-gora?idag=2026-06-01");
  await waitForApp(page);
  await expectText(page.locator("main"), "Rapport om hjälpmedlen.");
});
