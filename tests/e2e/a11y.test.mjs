// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on any page kind, in Swedish
// and in English, nor with an edit form or an import preview open; text at 200 % needs no
// horizontal scrolling; the accessibility statement is linked from every page's footer.
//
// axe's source is run with page.evaluate (DevTools evaluation), not a <script> tag: the app's
// Content-Security-Policy allows no inline script, and the harness fails a test on any CSP
// violation, so the test must not cause one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { useApp, expectH1, expectText, waitForApp, assertNoHorizontalScroll, draftMinutes } from "./harness.mjs";

const app = useApp();
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the whole document; fails with every violation's rule, impact, targets and help. */
async function assertNoViolations(page, what = page.url()) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (values) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, WCAG_AA);
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.targets.slice(0, 8).join("\n      ")}`)
    .join("\n  ");
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${what}:\n  ${report}`);
}

// Every page kind, with what its h1 says once the page has rendered.
const PAGES = [
  ["/", "Samverkan"],
  ["/att-gora", "Att göra"],
  ["/organ", "Organ"],
  ["/organ/nb-psb", "Politiska samverkansberedningen"],
  ["/organ/vb-lsg", "Länssamverkansgruppen"],
  ["/diagram", "Strukturdiagram"],
  ["/diagram/bada", "Strukturdiagram för båda länen"],
  ["/overenskommelser", "Överenskommelser"],
  ["/overenskommelser/nb-overenskommelse-2016", ""],
  ["/overenskommelser/vb-overenskommelse-2020", ""],
  ["/moten", "Möten och protokoll"],
  ["/moten/nb-psb-2021-protokoll", "Protokoll"],
  ["/personer", "Personer"],
  ["/personer/p-linda-frohm", "Linda Frohm"],
  ["/utbyte", "Utbyte"],
  ["/installningar", "Inställningar"],
  ["/andringar", "Ändringar"],
  ["/sok?q=psykisk", "Sökresultat"],
  ["/finns-inte", "Sidan finns inte"],
  ["/organ/finns-inte", "Sidan finns inte"],
  ["/tillganglighet", "Tillgänglighetsredogörelse"],
];

for (const [url, heading] of PAGES) {
  test(`axe: no WCAG 2.1 A/AA violations on ${url}`, async () => {
    const page = await app.openPage(url);
    if (heading) await expectH1(page, heading);
    await assertNoViolations(page, url);
  });
}

// The same pages with the interface in English (the language remembered in this browser).
for (const [url] of PAGES) {
  test(`axe: no WCAG 2.1 A/AA violations on ${url} in English`, async () => {
    const page = await app.openPage(url);
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify("en")), "samverkan.language");
    await page.reload();
    await waitForApp(page);
    await page.locator("html[lang=en] main h1").first().waitFor();
    await assertNoViolations(page, `${url} in English`);
  });
}

test("axe: no violations with a body's edit form open", async () => {
  const page = await app.openPage("/organ/nb-psb");
  await page.getByRole("button", { name: "Redigera", exact: true }).click();
  await page.locator(".edit-form").first().waitFor();
  await assertNoViolations(page, "/organ/nb-psb with the edit form open");
});

test("axe: no violations with a meeting's and a §'s edit forms open", async () => {
  // Adjusted minutes offer no edit control: a draft of one's own.
  const page = await app.openPage("/organ/nb-psb");
  await draftMinutes(page);
  await page.getByRole("button", { name: "Redigera sammanträdet" }).click();
  await page.getByRole("button", { name: "Redigera § 1", exact: true }).click();
  await page.locator(".edit-form").first().waitFor();
  await assertNoViolations(page, "a draft protokoll with edit forms open");
});

test("axe: no violations with an import preview open", async () => {
  const from = await app.openPage("/organ/nb-lansstyrgruppen");
  await from.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await from.getByLabel(/^\s*Kortnamn\b/).first().fill("NLSG");
  await from.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(from, "(NLSG)");
  await from.getByRole("link", { name: "Utbyte", exact: true }).click();
  await expectH1(from, "Utbyte av data");
  const download = from.waitForEvent("download");
  await from.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-a11y-")), "export.json");
  await (await download).saveAs(file);

  const to = await app.openPage("/utbyte");
  await to.locator("#importfil").setInputFiles(file);
  await expectText(to.locator(".import-preview"), "1 ändrade");
  await assertNoViolations(to, "/utbyte with an import preview");
});

// WCAG 1.4.4 / 1.4.10: text at 200 % on a tablet in portrait needs no horizontal scrolling.
for (const url of ["/", "/organ/nb-psb", "/moten/nb-psb-2021-protokoll", "/overenskommelser/nb-overenskommelse-2016"]) {
  test(`text at 200 % fits ${url} at 768 px without horizontal scrolling`, async () => {
    const page = await app.openPage(url);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
    });
    await assertNoHorizontalScroll(page);
  });
}

test("the CSS turns animations and transitions off for prefers-reduced-motion", async () => {
  const page = await app.openPage("/", { contextOptions: { reducedMotion: "reduce" } });
  const spinner = await page.evaluate(() => {
    const el = document.createElement("span");
    el.className = "spinner";
    document.body.append(el);
    const style = getComputedStyle(el);
    return { animation: style.animationName, transition: style.transitionDuration };
  });
  assert.equal(spinner.animation, "none");
  assert.match(spinner.transition, /^0s/);
});

test("the footer links to the accessibility statement", async () => {
  const page = await app.openPage("/organ");
  await page.locator("footer").getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
  await expectH1(page, "Tillgänglighetsredogörelse");
  await expectText(page, "Myndigheten för digital förvaltning");
  await waitForApp(page);
});
