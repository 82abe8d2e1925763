// Lost edits: the cases where two tabs of one browser profile, an import and the edits
// around it could lose what someone saved. Each test makes one such case happen and
// checks that every edit is still there — in the tabs, in a fresh tab (drawn from what
// was stored) and, where it is about the exchange log, in the log.
//
// Ordinary edits are stored before the click on Spara returns; an import is written to
// IndexedDB behind, so a test waits for `html:not([data-saving])` before it reloads or opens
// a fresh tab after one.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useApp, expectH1, expectText, waitForApp, enterEditMode, h1Text, norm } from "./harness.mjs";

const app = useApp();
const PSB = "/organ/nb-psb";
const PSB_NAME = "Politiska samverkansberedningen";
const LSG = "/organ/nb-lansstyrgruppen";
const LSG_NAME = "Länsstyrgruppen";

// Tabs this file opens itself (not through app.openPage) report their errors here; a test
// fails when the app threw or logged an error in any of them.
let problems = [];
afterEach(() => {
  const found = problems;
  problems = [];
  assert.deepEqual(found, [], `the app reported errors:\n  ${found.join("\n  ")}`);
});

function watch(page) {
  const where = () => {
    try {
      return new URL(page.url()).pathname;
    } catch {
      return page.url();
    }
  };
  page.on("pageerror", (err) => problems.push(`[pageerror ${where()}] ${err.message}`));
  page.on("crash", () => problems.push(`[crash ${where()}] the page crashed`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (/Failed to load resource/.test(msg.text()) && /\/favicon\.ico$/.test(msg.location()?.url || "")) return;
    problems.push(`[console.error ${where()}] ${msg.text()}`);
  });
  return page;
}

/** Another tab of the same browser profile (same storage) on `urlPath`, the app drawn. */
async function newTab(context, urlPath) {
  const page = watch(await context.newPage());
  await page.goto(urlPath);
  await waitForApp(page);
  await enterEditMode(page);
  return page;
}

/** Every write is done (an import's IndexedDB write included). */
async function saved(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
}

async function openEditor(page) {
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  return page.locator("form.edit-form").first();
}

/** Edits the body shown on `page`: sets each label to its value and saves; waits for the form to close. */
async function editBody(page, fields) {
  const form = await openEditor(page);
  for (const [label, value] of Object.entries(fields)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
  await form.getByRole("button", { name: "Spara", exact: true }).click();
  await form.waitFor({ state: "detached" });
}

/** Client-side navigation by the header's links (the page is not loaded again). */
async function navTo(page, link, heading) {
  await page.locator("header nav").getByRole("link", { name: link, exact: true }).click();
  await expectH1(page, heading);
}

/**
 * Client-side navigation to a body: Organ, then the first link in the list whose text holds
 * `name` (the list shows the short name after the name).
 */
async function openBodyFromList(page, name) {
  await navTo(page, "Organ", "Organ");
  await page.locator("main").getByRole("link", { name }).first().click();
  await expectH1(page, name);
}

async function openExchange(page) {
  await navTo(page, "Utbyte", "Utbyte av data");
}

/**
 * Exports from `page` with the scope whose radio is labelled `scope`; the file is saved as
 * `saveAs` (default: its suggested name) in a fresh temporary folder. Returns { path, name }.
 */
async function exportFile(page, { scope = "All data", choose = async () => {}, saveAs } = {}) {
  await openExchange(page);
  await page.getByRole("radio", { name: scope }).check();
  await choose(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = await download;
  await expectText(page.locator('.status-line [role="status"]'), "Exporterade");
  const name = saveAs || file.suggestedFilename();
  const where = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-e2e-")), name);
  await file.saveAs(where);
  return { path: where, name };
}

/**
 * Another copy (a browser profile of its own) changes one body and exports all its data
 * as `fileName`.
 */
async function fileFromAnotherCopy(bodyPath, fields, fileName) {
  const other = await app.openPage(bodyPath);
  await editBody(other, fields);
  return exportFile(other, { saveAs: fileName });
}

/** Picks `file` on the exchange page of `page`; waits for the preview and returns it. */
async function previewImport(page, file) {
  await openExchange(page);
  await page.locator("#importfil").setInputFiles(file.path);
  const preview = page.locator(".import-preview");
  await expectText(preview, file.name);
  return preview;
}

async function clickImport(page) {
  await page.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(page.locator('.status-line [role="status"]'), "Importerat");
}

/** The exchange log's rows (file name, direction…) as text, on the exchange page. */
async function logRows(page) {
  await openExchange(page);
  return (await page.locator("#logg ~ * tbody tr").allInnerTexts()).map(norm);
}

/** Waits until `read()` returns a value `ok` accepts (or the time is up); returns the last value. */
async function settle(read, ok, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The values the conflict list on /utbyte keeps for the field `field` of the record titled `title`. */
async function conflictValues(page, title, field) {
  await openExchange(page);
  const item = page.locator(".conflict", { hasText: title }).filter({ hasText: field });
  if ((await item.count()) === 0) return [];
  return (await item.first().locator(".values .value").allInnerTexts()).map(norm);
}

/**
 * What `page` shows of the body's name: the name in the h1, whether the body page says
 * "namn" is in conflict, and the values the conflict list keeps for it.
 */
async function nameState(page, bodyPath) {
  await page.goto(bodyPath);
  await waitForApp(page);
  await enterEditMode(page);
  const h1 = await h1Text(page);
  const notice = norm(await page.locator(".conflict-notice").innerText().catch(() => ""));
  const inConflict = /\bnamn\b/.test(notice.replace(/kortnamn/g, ""));
  const values = inConflict ? await conflictValues(page, h1, "namn") : [];
  return { h1, inConflict, values };
}

test("a form open in tab B while tab A saves the name twice: B's name, saved last, is not lost", async () => {
  const a = await app.openPage(PSB);
  const b = await newTab(a.context(), PSB);
  const formB = await openEditor(b);

  await editBody(a, { Namn: "PSB namn A1" });
  await expectH1(a, "PSB namn A1");
  // B heard of it and holds it back while its form is open.
  await expectText(formB.locator(".form-note"), "annan flik");
  await editBody(a, { Namn: "PSB namn A2" });
  await expectH1(a, "PSB namn A2");
  // Let B hear of the second save too (a storage event, delivered behind).
  await b.waitForTimeout(300);

  await formB.getByLabel("Namn", { exact: true }).fill("PSB namn B3");
  await formB.getByRole("button", { name: "Spara", exact: true }).click();
  await formB.waitFor({ state: "detached" });

  // The two tabs converge on one name.
  const converged = await settle(
    async () => [await h1Text(a), await h1Text(b)],
    ([ha, hb]) => ha === hb && !ha.includes(PSB_NAME),
  );
  assert.equal(converged[0], converged[1], `the tabs show different names: A ${converged[0]}, B ${converged[1]}`);

  // B's value is the name, or the name is in conflict and the conflict keeps B's value and A's last.
  const check = (where, state) => {
    if (state.h1 === "PSB namn B3") return;
    assert.ok(
      state.inConflict,
      `${where}: B's name "PSB namn B3" is neither shown (h1 ${JSON.stringify(state.h1)}) nor kept as a conflict on the name`,
    );
    assert.ok(
      state.values.includes("PSB namn B3"),
      `${where}: the name's conflict does not keep B's value; it keeps ${JSON.stringify(state.values)}`,
    );
    assert.ok(
      state.values.includes("PSB namn A2"),
      `${where}: the name's conflict does not keep A's value; it keeps ${JSON.stringify(state.values)}`,
    );
  };
  const inB = await nameState(b, PSB);
  console.log(`[lost-edits] case 1, tab B after its save: ${JSON.stringify(inB)}`);
  check("tab B", inB);

  // A fresh tab, drawn from what was stored, shows the same.
  await saved(a);
  await saved(b);
  const fresh = await newTab(a.context(), PSB);
  const inFresh = await nameState(fresh, PSB);
  console.log(`[lost-edits] case 1, fresh tab: ${JSON.stringify(inFresh)}`);
  check("fresh tab", inFresh);
  assert.equal(inFresh.h1, inB.h1, "the fresh tab shows the name tab B showed");
});

test("tab B saves while tab A's import preview is open: after Importera both the edit and the import are kept", async () => {
  const file = await fileFromAnotherCopy(LSG, { Kortnamn: "LSG-IMP" }, "andra-kopian.json");

  const a = await app.openPage(PSB);
  const b = await newTab(a.context(), PSB);
  const preview = await previewImport(a, file);
  await expectText(preview, "0 nya, 1 ändrade, 0 borttagna, 0 med konflikt.");
  await expectText(preview, "kortnamn: (tomt) → LSG-IMP");

  await editBody(b, { Namn: "PSB ändrat under förhandsvisning" });
  await expectH1(b, "PSB ändrat under förhandsvisning");
  // A hears of B's save (behind) while its preview stays open.
  await a.waitForTimeout(500);
  await expectText(preview, "kortnamn: (tomt) → LSG-IMP");

  await clickImport(a);
  await saved(a);
  await saved(b);

  // Tab A (client-side, its memory) has both.
  await openBodyFromList(a, "PSB ändrat under förhandsvisning");
  await openBodyFromList(a, LSG_NAME);
  await expectH1(a, `${LSG_NAME} (LSG-IMP)`);

  // A fresh tab, from what was stored, has both.
  const fresh = await newTab(a.context(), PSB);
  await expectH1(fresh, "PSB ändrat under förhandsvisning");
  assert.equal(await fresh.locator(".conflict-notice").count(), 0, "no conflict on the edited body");
  await fresh.goto(LSG);
  await waitForApp(fresh);
  await expectH1(fresh, `${LSG_NAME} (LSG-IMP)`);

  // And tab B took the import in.
  await b.goto(LSG);
  await waitForApp(b);
  await expectH1(b, `${LSG_NAME} (LSG-IMP)`);
});

test("two tabs import two different files at once: a fresh tab has both imports' changes and logs both", async () => {
  const one = await fileFromAnotherCopy(LSG, { Kortnamn: "LSG-K1" }, "kopia-ett.json");
  const two = await fileFromAnotherCopy(PSB, { Kortnamn: "PSB-K2" }, "kopia-tva.json");

  const a = await app.openPage("/utbyte");
  const b = await newTab(a.context(), "/utbyte");
  await expectText(await previewImport(a, one), "1 ändrade");
  await expectText(await previewImport(b, two), "1 ändrade");
  // Both clicks before either tab has heard of the other's import.
  await Promise.all([
    a.getByRole("button", { name: "Importera", exact: true }).click(),
    b.getByRole("button", { name: "Importera", exact: true }).click(),
  ]);
  await expectText(a.locator('.status-line [role="status"]'), "Importerat");
  await expectText(b.locator('.status-line [role="status"]'), "Importerat");
  await saved(a);
  await saved(b);

  const fresh = await newTab(a.context(), LSG);
  await expectH1(fresh, `${LSG_NAME} (LSG-K1)`);
  await fresh.goto(PSB);
  await waitForApp(fresh);
  await expectH1(fresh, `${PSB_NAME} (PSB-K2)`);
  const rows = await logRows(fresh);
  console.log(`[lost-edits] case 3, fresh tab's exchange log: ${JSON.stringify(rows)}`);
  for (const file of [one, two]) {
    assert.ok(
      rows.some((r) => r.includes(file.name) && r.includes("Import")),
      `the exchange log of a fresh tab does not list the import of ${file.name}: ${JSON.stringify(rows)}`,
    );
  }

  // Each importing tab has the other's change too.
  await openBodyFromList(a, PSB_NAME);
  await expectH1(a, "(PSB-K2)");
  await openBodyFromList(b, LSG_NAME);
  await expectH1(b, "(LSG-K1)");
});

test("Ångra senaste import sets back only the imported name: edits made after the import stay", async () => {
  const file = await fileFromAnotherCopy(LSG, { Namn: "Länsstyrgruppen importerad" }, "namnbyte.json");

  const a = await app.openPage("/utbyte");
  const preview = await previewImport(a, file);
  await expectText(preview, "namn: Länsstyrgruppen → Länsstyrgruppen importerad");
  await clickImport(a);
  await saved(a);

  // In the same tab (the undo lasts the session: client-side navigation only), edit another
  // body, and the imported body's short name.
  await openBodyFromList(a, PSB_NAME);
  await editBody(a, { Namn: "PSB efter importen" });
  await expectH1(a, "PSB efter importen");
  await openBodyFromList(a, "Länsstyrgruppen importerad");
  await editBody(a, { Kortnamn: "LSG-EFTER" });
  await expectH1(a, "Länsstyrgruppen importerad (LSG-EFTER)");

  await openExchange(a);
  await a.getByRole("button", { name: "Ångra senaste import" }).click();
  await expectText(a.locator('.status-line [role="status"]'), "ångrad");

  const expectAll = async (page, where) => {
    await openBodyFromList(page, LSG_NAME);
    assert.equal(await h1Text(page), `${LSG_NAME} (LSG-EFTER)`, `${where}: the imported name is set back, the short name kept`);
    await openBodyFromList(page, "PSB efter importen");
    assert.equal(await h1Text(page), "PSB efter importen", `${where}: the other body's edit is kept`);
  };
  await expectAll(a, "after the undo");

  await saved(a);
  await a.reload();
  await waitForApp(a);
  await expectAll(a, "after a reload");
  const fresh = await newTab(a.context(), "/");
  await expectAll(fresh, "in a fresh tab");
});

test("exports from two tabs are both in the exchange log of a fresh tab", async () => {
  const a = await app.openPage("/utbyte");
  const b = await newTab(a.context(), "/utbyte");
  const fromA = await exportFile(a);
  const fromB = await exportFile(b, {
    scope: "Ett län",
    choose: (page) => page.getByLabel("Län", { exact: true }).selectOption({ label: "Västerbotten" }),
  });
  assert.notEqual(fromA.name, fromB.name, "the two exports have different file names");
  await saved(a);
  await saved(b);

  const lists = (rows, file) => rows.some((r) => r.includes(file.name) && r.includes("Export"));
  const fresh = await newTab(a.context(), "/");
  const rows = await logRows(fresh);
  console.log(`[lost-edits] case 5, fresh tab's exchange log: ${JSON.stringify(rows)}`);
  for (const file of [fromA, fromB]) {
    assert.ok(lists(rows, file), `the exchange log of a fresh tab does not list the export ${file.name}: ${JSON.stringify(rows)}`);
  }
  // The two tabs themselves list both too.
  for (const [page, which] of [[a, "A"], [b, "B"]]) {
    const seen = await settle(() => logRows(page), (r) => lists(r, fromA) && lists(r, fromB));
    for (const file of [fromA, fromB]) {
      assert.ok(lists(seen, file), `tab ${which}'s exchange log does not list the export ${file.name}: ${JSON.stringify(seen)}`);
    }
  }
});
