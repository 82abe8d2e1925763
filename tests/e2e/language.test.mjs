// The interface in English: chosen on the settings page, it names the navigation, headings,
// labels and buttons in English (and says so in <html lang>), stays after a reload, and
// switching back gives Swedish again. The data itself stays as it was written.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();

// Common Swedish words of the interface that must not be left on an English page.
const SWEDISH_UI_WORDS = ["Redigera", "Spara", "Avbryt", "Ändringshistorik", "Ny person"];

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.getAttribute("lang"));
}

/** The visible text nodes and the aria-labels/placeholders that hold one of `words` as a word. */
async function swedishLeft(page, words) {
  return page.evaluate((words) => {
    const patterns = words.map((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, "u"));
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && patterns.some((p) => p.test(text))) found.push(`text: ${text}`);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = el.getAttribute(name);
        if (value && patterns.some((p) => p.test(value))) found.push(`${name}: ${value}`);
      }
    }
    return found;
  }, words);
}

async function assertNoSwedishUi(page, where) {
  assert.deepEqual(await swedishLeft(page, SWEDISH_UI_WORDS), [], `Swedish interface words left on ${where}`);
}

function nav(page, name) {
  return page.getByRole("navigation", { name });
}

test("English chosen in the settings names the pages in English, survives a reload, and Swedish comes back", async () => {
  const page = await app.openPage("/installningar");
  await expectH1(page, "Inställningar");
  assert.equal(await htmlLang(page), "sv");

  // Each language is offered in its own language.
  const english = page.getByRole("radio", { name: "English" });
  assert.equal(await page.locator('label[lang="en"]').innerText(), "English");
  assert.equal(await page.locator('label[lang="sv"]').innerText(), "Svenska");
  assert.equal(await page.getByRole("radio", { name: "Svenska" }).isChecked(), true);

  await english.check();

  // The settings page.
  await expectH1(page, "Settings");
  assert.equal(await htmlLang(page), "en");
  assert.equal(await page.getByRole("radio", { name: "English" }).isChecked(), true);
  const menu = nav(page, "Main menu");
  for (const link of ["Overview", "To do", "Bodies", "Agreements", "Meetings", "People", "Exchange"]) {
    await menu.getByRole("link", { name: link, exact: true }).waitFor();
  }
  for (const heading of ["Language", "This copy", "Storage"]) {
    await page.getByRole("heading", { name: heading, exact: true }).waitFor();
  }
  await page.getByLabel("Your name (optional)").waitFor();
  await page.getByRole("button", { name: "Save", exact: true }).waitFor();
  await expectText(page, "This copy's id:");
  await assertNoSwedishUi(page, "/installningar");

  // A body page with its edit form open. The body's name is data and stays Swedish.
  await menu.getByRole("link", { name: "Bodies", exact: true }).click();
  await expectH1(page, "Bodies");
  await page.getByRole("link", { name: "Politiska samverkansberedningen", exact: true }).first().click();
  await expectH1(page, "Politiska samverkansberedningen");
  for (const heading of ["Mandate", "Composition", "Members and appointments", "Meetings"]) {
    await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
  }
  await page.getByRole("button", { name: "Edit composition and rules", exact: true }).waitFor();
  await page.getByRole("button", { name: "Delete this body", exact: true }).waitFor();
  await page.locator("header.page-header").getByRole("button", { name: "Edit", exact: true }).click();
  const form = page.locator("form.edit-form");
  await form.getByRole("heading", { name: "Edit body", exact: true }).waitFor();
  for (const label of ["Name", "Short name", "Level", "County", "Formed"]) {
    await form.getByLabel(label, { exact: true }).waitFor();
  }
  await form.getByText("E.g. LSG or AU.").waitFor();
  await form.getByRole("group", { name: "Mandate" }).waitFor();
  await form.getByRole("button", { name: "Add mandate item", exact: true }).waitFor();
  await form.getByRole("button", { name: "Move mandate item 2 up", exact: true }).waitFor();
  await form.getByRole("button", { name: "Save", exact: true }).waitFor();
  await form.getByRole("button", { name: "Cancel", exact: true }).waitFor();
  await assertNoSwedishUi(page, "/organ/nb-psb with its form open");

  // The people page.
  await menu.getByRole("link", { name: "People", exact: true }).click();
  await expectH1(page, "People");
  await page.getByRole("button", { name: "New person", exact: true }).waitFor();
  await page.getByRole("button", { name: "New organisation", exact: true }).waitFor();
  await page.getByRole("button", { name: /^Edit organisation / }).first().waitFor();
  await page.getByRole("columnheader", { name: "Party", exact: true }).first().waitFor();
  await expectText(page, "Linda Frohm");
  await assertNoSwedishUi(page, "/personer");

  // A reload keeps English.
  await page.reload();
  await waitForApp(page);
  await expectH1(page, "People");
  assert.equal(await htmlLang(page), "en");
  // The header's link to this copy's settings.
  await page.locator('header a.copy-identity[href="/installningar"]').click();

  // Back to Swedish.
  await expectH1(page, "Settings");
  await page.getByRole("radio", { name: "Svenska" }).check();
  await expectH1(page, "Inställningar");
  assert.equal(await htmlLang(page), "sv");
  await nav(page, "Huvudmeny").getByRole("link", { name: "Personer", exact: true }).click();
  await expectH1(page, "Personer");
  await page.getByRole("button", { name: "Ny person", exact: true }).waitFor();
  // The check for Swedish words finds them where they belong.
  assert.ok((await swedishLeft(page, SWEDISH_UI_WORDS)).length > 0, "the Swedish page has its Swedish words");

  // And Swedish stays after a reload too.
  await page.reload();
  await waitForApp(page);
  await expectH1(page, "Personer");
  assert.equal(await htmlLang(page), "sv");
});

// Every text of the Swedish catalogue that differs in English, read from src/i18n/sv.rs and en.rs
// (texts with places to fill in are left out: they are never a text node as they stand).
function catalogue(file) {
  const source = fs.readFileSync(new URL(`../../src/i18n/${file}`, import.meta.url), "utf8");
  const texts = new Map();
  for (const [, name, text] of source.matchAll(/^\s+(\w+) => "((?:[^"\\]|\\.)*)",$/gm)) {
    texts.set(name, JSON.parse(`"${text}"`).trim());
  }
  return texts;
}
const SWEDISH_ONLY = (() => {
  const sv = catalogue("sv.rs");
  const en = catalogue("en.rs");
  return [...sv].filter(([name, text]) => text.length >= 3 && !/\{\d\}/.test(text) && en.get(name)?.trim() !== text).map(([, text]) => text);
})();

/** Text nodes and labels that are exactly a Swedish interface text (data marked as Swedish aside). */
async function catalogueTextsShown(page) {
  return page.evaluate((texts) => {
    const swedish = new Set(texts);
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const part = node.parentElement.closest("[lang]");
      const markedSwedish = part && part !== document.documentElement && part.lang === "sv";
      if (swedish.has(text) && !markedSwedish) found.add(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = el.getAttribute(name)?.trim();
        if (value && swedish.has(value)) found.add(`${name}=${value}`);
      }
    }
    return [...found];
  }, SWEDISH_ONLY);
}

const PAGES = [
  "/", "/att-gora", "/organ", "/organ/nb-psb", "/diagram", "/overenskommelser/nb-overenskommelse-2016",
  "/moten", "/moten/nb-psb-2021-protokoll", "/personer", "/personer/p-linda-frohm", "/utbyte",
  "/installningar", "/andringar", "/sok?q=psykisk", "/tillganglighet",
];

test("the header's language switch changes every interface text on every page kind", async () => {
  assert.ok(SWEDISH_ONLY.length > 500, `the catalogue was read (${SWEDISH_ONLY.length} texts)`);
  const page = await app.openPage("/organ/nb-psb");
  // In Swedish the check finds the interface's texts, so it can fail.
  assert.ok((await catalogueTextsShown(page)).length > 10);
  await page.getByRole("button", { name: "In English" }).click();
  await expectH1(page, "Politiska samverkansberedningen");
  assert.equal(await htmlLang(page), "en");
  for (const url of PAGES) {
    await page.goto(url);
    await waitForApp(page);
    if (url === "/organ/nb-psb") {
      // With the edit form open too.
      await page.locator("main .page-header").getByRole("button", { name: "Edit", exact: true }).click();
      await page.locator(".edit-form").first().waitFor();
    }
    assert.deepEqual(await catalogueTextsShown(page), [], `Swedish interface texts on ${url} in English`);
  }
  // And back, with the switch named in Swedish.
  await page.getByRole("button", { name: "På svenska" }).click();
  await expectH1(page, "Tillgänglighetsredogörelse");
  assert.equal(await htmlLang(page), "sv");
});
