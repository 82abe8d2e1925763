// Keyboard only: the main flows with Tab, Shift+Tab, Enter, Space, Escape and the arrow keys —
// no mouse (so every page opens in reading mode, and editing mode is turned on by keyboard). At every stop the focused element must show a focus indicator (an outline or a
// box-shadow, or for a diagram box its highlighted border).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, pathAndQuery } from "./harness.mjs";

const app = useApp();
const MAX_TABS = 80;

/** What is focused, and whether it shows that it is. */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "body", text: "", visible: false, indicator: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    // A box in the SVG diagram shows focus by the stroke of its rectangle.
    const box = el.querySelector?.(":scope > .box");
    const stroke = box ? parseFloat(getComputedStyle(box).strokeWidth) >= 3 : false;
    const rect = el.getBoundingClientRect();
    const onScreen =
      rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
      rect.top < innerHeight && rect.left < innerWidth;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.getAttribute("aria-label") || el.innerText || el.value || "").replace(/\s+/g, " ").trim().slice(0, 80),
      href: el.getAttribute("href"),
      visible: onScreen,
      indicator: outline || shadow || stroke,
    };
  });
}

/** Fails unless the focused element is on screen and shows a focus indicator. */
async function assertFocusVisible(page, step) {
  const f = await describeFocus(page);
  assert.ok(f.visible, `${step}: the focused element is not on screen: ${JSON.stringify(f)}`);
  assert.ok(f.indicator, `${step}: the focused element shows no focus indicator: ${JSON.stringify(f)}`);
  return f;
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focused element matches `selector` (and, when given,
 * its text matches `text`); checks the focus indicator at every stop on the way.
 */
async function tabTo(page, selector, { text, key = "Tab", step = selector } = {}) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(key);
    const f = await assertFocusVisible(page, `${step} (stop ${i + 1})`);
    const matches = await page.evaluate(
      ([sel, pattern]) => {
        const el = document.activeElement;
        if (!el?.matches(sel)) return false;
        if (!pattern) return true;
        const name = (el.getAttribute("aria-label") || el.innerText || "").replace(/\s+/g, " ").trim();
        return new RegExp(pattern).test(name);
      },
      [selector, text?.source],
    );
    if (matches) return f;
  }
  assert.fail(`${step}: ${MAX_TABS} presses of ${key} never reached ${selector} ${text ?? ""} on ${pathAndQuery(page)}`);
}

/** The page at `path` is open and the app has moved the focus into it (it does so in the frame
 * after the navigation; a Tab pressed before that would start from the link that was followed). */
async function waitForPath(page, path) {
  await page.waitForURL((u) => u.pathname === path);
  await page.waitForFunction(() => document.activeElement?.closest("main") !== null);
}

test("the first Tab reaches a visible skip link, and Enter moves to the main content", async () => {
  const page = await app.openPage("/organ", { mode: "read" });
  await page.keyboard.press("Tab");
  const f = await assertFocusVisible(page, "skip link");
  assert.equal(f.text, "Hoppa till innehållet");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "innehall");
  // The next Tab goes into the content, not back into the header.
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.querySelector("main").contains(document.activeElement)));
  await assertFocusVisible(page, "first stop in main");
});

test("keyboard only: navigation → body list → body → edit the name with Enter, typing and Space on Spara", async () => {
  const page = await app.openPage("/", { mode: "read" });
  await tabTo(page, "nav a", { text: /^Organ$/, step: "main navigation" });
  await page.keyboard.press("Enter");
  await waitForPath(page, "/organ");
  await expectH1(page, "Organ");

  await tabTo(page, 'main a[href="/organ/nb-psb"]', { step: "body list" });
  await page.keyboard.press("Enter");
  await waitForPath(page, "/organ/nb-psb");
  await expectH1(page, "Politiska samverkansberedningen");

  // Editing is a mode: the header's switch, reached by keyboard and turned on with Space.
  await tabTo(page, '.site-header [role="switch"]', { key: "Shift+Tab", step: "editing mode switch" });
  await page.keyboard.press("Space");
  await page.locator('html[data-mode="edit"]').waitFor({ state: "attached" });
  await tabTo(page, "main button", { text: /^Redigera$/, step: "Redigera" });
  await page.keyboard.press("Enter");
  await page.locator(".edit-form").first().waitFor();
  // The form takes the focus to its first field.
  await page.waitForFunction(() => document.activeElement?.id === "organ-namn");
  await assertFocusVisible(page, "the name field");
  // Avbryt gives the focus back to the button that opened the form.
  await tabTo(page, ".edit-form button", { text: /^Avbryt$/, step: "Avbryt" });
  await page.keyboard.press("Enter");
  await page.locator(".edit-form").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "Redigera");
  await assertFocusVisible(page, "Redigera again");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "organ-namn");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Politiska samverkansberedningen i Norrbotten");
  await tabTo(page, ".edit-form button", { text: /^Spara$/, step: "Spara" });
  await page.keyboard.press("Space");
  await expectH1(page, "Politiska samverkansberedningen i Norrbotten");
});

test("keyboard only: the header search, a hit opened with Enter", async () => {
  const page = await app.openPage("/organ", { mode: "read" });
  await tabTo(page, "#sok", { step: "header search" });
  await page.keyboard.type("suicid");
  await page.waitForURL((u) => u.pathname === "/sok" && u.searchParams.get("q") === "suicid");
  await expectH1(page, "Sökresultat");
  // Typing keeps the focus in the field.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "sok");
  await tabTo(page, 'main a[href^="/moten/nb-psb-2021-protokoll"]', { step: "search hit" });
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === "/moten/nb-psb-2021-protokoll");
  await expectH1(page, "Protokoll");
});

test("keyboard only: open a protokoll from Möten and move to a §", async () => {
  const page = await app.openPage("/", { mode: "read" });
  await tabTo(page, "nav a", { text: /^Möten$/, step: "Möten in the navigation" });
  await page.keyboard.press("Enter");
  await waitForPath(page, "/moten");
  await tabTo(page, 'main a[href="/moten/nb-psb-2021-protokoll"]', { step: "the 2021 protokoll" });
  await page.keyboard.press("Enter");
  await waitForPath(page, "/moten/nb-psb-2021-protokoll");
  await expectH1(page, "Protokoll");
  // Tab into § 5 (its föredragande's link: adjusted minutes offer no edit button to stop at);
  // its content is then on screen.
  await tabTo(page, "#p-5 a", { step: "§ 5" });
  const inView = await page.locator("#p-5 h3").evaluate((h) => {
    const r = h.closest("article").getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  assert.ok(inView, "§ 5 is scrolled into view");
  // And back out again with Shift+Tab.
  await tabTo(page, "#p-4 a", { key: "Shift+Tab", step: "back to § 4" });
});

test("keyboard only: a link to a § moves the focus to that §", async () => {
  const page = await app.openPage("/sok?q=suicid", { mode: "read" });
  await tabTo(page, 'main a[href*="#p-"]', { step: "a § hit" });
  const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
  await page.keyboard.press("Enter");
  const anchor = href.split("#")[1];
  await page.waitForFunction((id) => document.activeElement?.id === id, anchor);
  // Tab continues inside that §.
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate((id) => document.getElementById(id).contains(document.activeElement), anchor));
});

test("keyboard only: the diagram — a box opened with Enter, closed with Escape; the export scope chosen with arrow keys", async () => {
  const page = await app.openPage("/diagram/nb", { mode: "read" });
  await tabTo(page, "#diagram-nb-node-nb-psb", { step: "a box in the diagram" });
  await page.keyboard.press("Enter");
  await expectText(page.locator(".diagram-panel"), "Politiska samverkansberedningen");
  await assertFocusVisible(page, "the opened panel");
  await page.keyboard.press("Escape");
  await page.locator(".diagram-panel").waitFor({ state: "hidden" });

  await page.goto("/utbyte");
  await expectH1(page, "Utbyte av data");
  const first = await tabTo(page, "input[type=radio]", { step: "export scope" });
  const before = await page.evaluate(() => document.activeElement.value);
  await page.keyboard.press("ArrowDown");
  await assertFocusVisible(page, "next export scope");
  const after = await page.evaluate(() => [document.activeElement.value, document.activeElement.checked]);
  assert.notEqual(after[0], before, `ArrowDown moved from ${JSON.stringify(first)}`);
  assert.equal(after[1], true, "ArrowDown checks the next radio button");
});
