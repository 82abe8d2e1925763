// Print: a protokoll prints like the original minutes (header, attendance, signatures, every §
// with proposal and decision; no navigation, buttons, forms or history; page numbers), an
// agreement section by section, and the diagram fits on one A4 page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectCount, draftMinutes } from "./harness.mjs";

const app = useApp();
const MINUTES = "/moten/nb-psb-2021-protokoll";
// A4 at 96 dpi, in CSS pixels.
const A4 = { long: (297 / 25.4) * 96, short: (210 / 25.4) * 96 };

const isVisible = (locator) => locator.evaluateAll((els) => els.map((el) => el.checkVisibility()));

/** How many pages a PDF has. */
function pageCount(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
}

test("a printed protokoll shows its header, attendance, signatures and every § — and nothing of the app", async () => {
  const page = await app.openPage(MINUTES);
  await expectH1(page, "Protokoll");
  const paragraphs = page.locator("article.paragraf");
  await expectCount(paragraphs, 13);
  await page.emulateMedia({ media: "print" });

  for (const part of [".protokoll-header", ".attendance", ".signatures", ".agenda"]) {
    assert.ok(await page.locator(part).isVisible(), `${part} is printed`);
  }
  const header = await page.locator(".protokoll-header").innerText();
  for (const fact of ["Datum", "Tid", "Plats"]) assert.match(header, new RegExp(fact), `the header gives the ${fact}`);
  for (const heading of ["Beslutande", "Övriga deltagare", "Underskrifter"]) {
    assert.ok(await page.getByRole("heading", { name: heading }).isVisible(), `${heading} is printed`);
  }
  assert.ok((await page.locator(".signatures .signature").count()) > 0, "there are signature lines");

  assert.deepEqual(await isVisible(paragraphs), Array(13).fill(true), "every § is printed");
  for (let n = 1; n <= 13; n++) {
    assert.ok(await page.locator(`#p-${n} > h3`).isVisible(), `§ ${n}'s heading is printed`);
  }
  const decisions = page.locator("article.paragraf .decision");
  assert.ok((await decisions.count()) > 0);
  assert.ok((await isVisible(decisions)).every(Boolean), "every decision is printed");

  // The app around the document is not.
  for (const chrome of [".site-header", "nav", ".site-footer", "#sok", ".record-history", ".workflow"]) {
    const shown = await isVisible(page.locator(chrome));
    assert.ok(!shown.some(Boolean), `${chrome} is not printed`);
  }
  assert.ok(!(await isVisible(page.locator("main button"))).some(Boolean), "no button is printed");
  assert.ok(!(await isVisible(page.locator("main form"))).some(Boolean), "no form is printed");

  // A § heading is kept with its text.
  const breakAfter = await page.locator("#p-1 > h3").evaluate((h) => getComputedStyle(h).breakAfter);
  assert.match(breakAfter, /avoid/);
  await page.emulateMedia({ media: "screen" });
});

test("an open editor and the undo bar are not printed", async () => {
  // Adjusted minutes offer no editor: a draft of one's own.
  const page = await app.openPage("/organ/nb-psb");
  await draftMinutes(page, { titles: ["Mötets öppnande", "Lägesbild"] });
  await page.getByRole("button", { name: "Redigera § 2", exact: true }).click();
  await page.locator(".edit-form").first().waitFor();
  await page.emulateMedia({ media: "print" });
  assert.ok(!(await isVisible(page.locator(".edit-form, .undo-bar"))).some(Boolean));
  assert.ok(await page.locator("#p-2 > h3").isVisible(), "§ 2 itself is still printed");
  await page.emulateMedia({ media: "screen" });
});

test("the protokoll prints to a PDF of several A4 pages", async () => {
  const page = await app.openPage(MINUTES);
  await expectCount(page.locator("article.paragraf"), 13);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  const pages = pageCount(pdf);
  assert.ok(pages > 1, `13 § fill more than one page (${pages})`);
  const [, x0, y0, x1, y1] = pdf
    .toString("latin1")
    .match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/)
    .map(Number);
  // A4 portrait is 595 × 842 points.
  assert.ok(Math.abs(x1 - x0 - 595) < 2 && Math.abs(y1 - y0 - 842) < 2, `A4 portrait: ${x1 - x0}×${y1 - y0}`);
});

test("page numbers are set in the bottom margin", async () => {
  const page = await app.openPage(MINUTES);
  // The margin box's rule is in a style sheet the page loaded.
  const rule = await page.evaluate(() => {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        const text = rule.cssText;
        if (text.includes("@page") && text.includes("counter(page)")) return text;
        if (rule.cssRules) {
          for (const inner of rule.cssRules) {
            if (inner.cssText.includes("@page") && inner.cssText.includes("counter(page)")) return inner.cssText;
          }
        }
      }
    }
    return "";
  });
  assert.match(rule, /@bottom-right/);
});

test("an agreement prints section by section, without its table of contents", async () => {
  const page = await app.openPage("/overenskommelser/nb-overenskommelse-2016");
  const sections = page.locator(".agreement-section");
  const count = await sections.count();
  assert.ok(count > 3);
  await page.emulateMedia({ media: "print" });
  assert.deepEqual(await isVisible(sections), Array(count).fill(true), "every section is printed");
  assert.ok(!(await isVisible(page.locator(".toc"))).some(Boolean), "the table of contents is not");
  const headings = page.locator(".agreement-section > :is(h2, h3, h4)");
  const breaks = await headings.evaluateAll((hs) => hs.map((h) => getComputedStyle(h).breakAfter));
  assert.ok(breaks.every((b) => /avoid/.test(b)), "no section heading is left at the foot of a page");
  await page.emulateMedia({ media: "screen" });
});

test("the printed diagram fits on one A4 page", async () => {
  const page = await app.openPage("/diagram");
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const box = await page.locator("svg.diagram-canvas").first().boundingBox();
  assert.ok(box, "the diagram is printed");
  const fitsPortrait = box.width <= A4.short && box.height <= A4.long;
  const fitsLandscape = box.width <= A4.long && box.height <= A4.short;
  assert.ok(fitsPortrait || fitsLandscape, `the diagram's ${box.width}×${box.height} px fit A4 at 96 dpi`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.equal(pageCount(pdf), 1, "one page");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
});
