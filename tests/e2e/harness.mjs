// Shared harness for the end-to-end tests (node --test + playwright-core + Debian's Chromium).
//
//   import { test } from "node:test";
//   import { useApp } from "./harness.mjs";
//   const app = useApp();                       // once per file, at top level
//   test("…", async () => {
//     const page = await app.openPage("/organ"); // fresh profile => built-in data
//     …
//   });
//
// useApp() registers hooks that, per file, serve dist/ with scripts/static-server.mjs on a
// free port and launch /usr/bin/chromium headless; every openPage() gets a fresh browser
// context (fresh storage) at 768×1024.
//
// Reading and editing are apart in the app (a fresh profile reads: no edit controls). Most
// tests edit, so openPage() turns editing mode on the way a user does, with one tap on the
// header's switch, which the profile then remembers; `mode: "read"` leaves a page as a reader
// sees it (tests of reading mode, and of a justerare who only reads and signs). Tests that
// make their own contexts call enterEditMode(page) themselves. After each test the contexts are closed, and the
// test fails if the app threw (pageerror), panicked, logged a console error, or broke its
// Content-Security-Policy (every page reports `securitypolicyviolation` events to the test, so
// the whole suite runs under the CSP of index.html).

import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/static-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const VIEWPORT = { width: 768, height: 1024 }; // tablet, portrait
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 15_000);

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

// Installed in every page before the app's scripts: reports CSP violations to the test.
const CSP_BINDING = "__samverkanCspViolation";
const CSP_REPORTER = `addEventListener("securitypolicyviolation", (e) => {
  const report = window.${CSP_BINDING};
  if (typeof report === "function") {
    report(\`\${e.effectiveDirective} blocked \${e.blockedURI || "inline"} (\${e.sourceFile || "?"}:\${e.lineNumber}) \${e.sample || ""}\`);
  }
}, true);`;

// Console errors that are not the app's fault.
function isIgnorableConsoleError(msg) {
  const url = msg.location()?.url || "";
  return /Failed to load resource/.test(msg.text()) && /\/favicon\.ico$/.test(url);
}

export function useApp() {
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    throw new Error(
      `${DIST}/index.html is missing: build the app first with ` +
        "`trunk build --release --offline` (scripts/test.sh and scripts/serve.sh do it).",
    );
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (apt-get install chromium chromium-driver).`);
  }

  let server;
  let browser;
  let baseURL;
  let contexts = [];
  let problems = [];

  before(async () => {
    const started = await startServer(DIST, 0);
    server = started.server;
    baseURL = started.url;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    const open = contexts;
    const found = problems;
    contexts = [];
    problems = [];
    await Promise.all(open.map((c) => c.close().catch(() => {})));
    assert.deepEqual(found, [], `the app reported errors:\n  ${found.join("\n  ")}`);
  });

  after(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    await browser?.close().catch(() => {});
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /**
   * Opens `urlPath` in a fresh context (fresh profile: built-in data) and waits for an h1.
   * `hasTouch: true` emulates a touch screen (for `locator.tap()` and `page.touchscreen`).
   * `contextOptions` go to `browser.newContext` (e.g. `baseURL` of another server, `userAgent`);
   * `initScripts` (source text) run in every page of the context before the app's scripts.
   * `mode`: "edit" (default) turns editing mode on with the header's switch once the app is
   * drawn; "read" leaves the app in reading mode, as a fresh profile opens it.
   */
  async function openPage(
    urlPath = "/",
    {
      viewport = VIEWPORT,
      waitForH1 = true,
      hasTouch = false,
      contextOptions = {},
      initScripts = [],
      mode = "edit",
    } = {},
  ) {
    const context = await browser.newContext({
      baseURL,
      viewport,
      hasTouch,
      locale: "sv-SE",
      serviceWorkers: "allow",
      ...contextOptions,
    });
    context.setDefaultTimeout(TIMEOUT_MS);
    contexts.push(context);
    await context.exposeBinding(CSP_BINDING, ({ page: from }, text) => {
      problems.push(`[CSP violation ${from ? pathOf(from) : "?"}] ${text}`);
    });
    await context.addInitScript(CSP_REPORTER);
    for (const script of initScripts) await context.addInitScript(script);
    const page = await context.newPage();
    page.on("pageerror", (err) => problems.push(`[pageerror ${pathOf(page)}] ${err.message}`));
    page.on("crash", () => problems.push(`[crash ${pathOf(page)}] the page crashed`));
    page.on("console", (msg) => {
      if (msg.type() === "error" && !isIgnorableConsoleError(msg)) {
        problems.push(`[console.error ${pathOf(page)}] ${msg.text()}`);
      }
    });
    await page.goto(urlPath);
    if (waitForH1) {
      await waitForApp(page);
      if (mode === "edit") await enterEditMode(page);
    }
    return page;
  }

  /** The problems recorded so far in this test, which then no longer fail it (for tests of the checks). */
  function takeProblems() {
    return problems.splice(0);
  }

  return {
    openPage,
    takeProblems,
    get baseURL() {
      return baseURL;
    },
  };
}

function pathOf(page) {
  try {
    const u = new URL(page.url());
    return u.pathname + u.search;
  } catch {
    return page.url();
  }
}

/** The app has rendered (an h1 is visible). */
export async function waitForApp(page) {
  try {
    await page.locator("h1").first().waitFor({ state: "visible" });
  } catch (err) {
    const body = (await page.locator("body").innerText().catch(() => "")).slice(0, 300);
    throw new Error(`no h1 rendered on ${pathOf(page)} within ${TIMEOUT_MS} ms; page text: ${JSON.stringify(body)}`, {
      cause: err,
    });
  }
}

/** The header's switch between reading and editing mode. */
export function modeSwitch(page) {
  return page.locator(".site-header").getByRole("switch", { name: /^(Redigeringsläge|Editing mode)$/ });
}

/** Turns editing mode on with one tap on the header's switch, unless it is on. */
export async function enterEditMode(page) {
  const toggle = modeSwitch(page);
  if ((await toggle.getAttribute("aria-checked")) !== "true") await toggle.click();
  await page.locator('html[data-mode="edit"]').waitFor({ state: "attached" });
}

/** Turns editing mode off (reading mode), unless it is off. */
export async function enterReadingMode(page) {
  const toggle = modeSwitch(page);
  if ((await toggle.getAttribute("aria-checked")) === "true") await toggle.click();
  await page.locator('html[data-mode="read"]').waitFor({ state: "attached" });
}

/**
 * A draft protokoll of the body at `bodyPath` with one § per title, made through the UI (in
 * editing mode); ends on the protokoll's page. Adjusted minutes (all the built-in ones) offer
 * no edit control, so tests of the § and meeting forms start from one of these.
 */
export async function draftMinutes(page, { bodyPath = "/organ/nb-psb", titles = ["Mötets öppnande"] } = {}) {
  await page.goto(new URL(bodyPath, page.url()).href);
  await waitForApp(page);
  await enterEditMode(page);
  await page.getByRole("button", { name: "Nytt protokoll", exact: true }).click();
  await page.locator("#nytt-mote-plats").fill("Luleå");
  await page.getByRole("button", { name: "Skapa protokoll", exact: true }).click();
  await expectH1(page, "Protokoll");
  for (const [i, title] of titles.entries()) {
    await page.getByRole("button", { name: "Ny §", exact: true }).click();
    const form = page.locator(".paragrafer form");
    await form.getByLabel("Rubrik", { exact: true }).fill(title);
    await form.getByRole("button", { name: "Spara §", exact: true }).click();
    await expectCount(page.locator("article.paragraf"), i + 1);
  }
}

const norm = (s) => (s || "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();

/** The text of the first h1, whitespace-normalised. */
export async function h1Text(page) {
  return norm(await page.locator("h1").first().innerText());
}

/** Waits until the visible text of `scope` (page or locator; default body) contains `text`. */
export async function expectText(scope, text, { timeout = TIMEOUT_MS } = {}) {
  const locator = "locator" in scope && "goto" in scope ? scope.locator("body") : scope;
  const deadline = Date.now() + timeout;
  let seen = "";
  for (;;) {
    seen = norm(await locator.first().innerText().catch(() => ""));
    if (seen.includes(text)) return;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected the text ${JSON.stringify(text)}; visible text was: ${JSON.stringify(seen.slice(0, 400))}`);
}

/** Waits until the first h1 contains `text`. */
export async function expectH1(page, text, opts) {
  return expectText(page.locator("h1"), text, opts);
}

/** Waits until `locator` matches exactly `n` elements. */
export async function expectCount(locator, n, { timeout = TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  let count = 0;
  for (;;) {
    count = await locator.count();
    if (count === n) return;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(count, n, `expected ${n} elements for ${locator}, found ${count}`);
}

/** The page's path and query, e.g. "/sok?q=suicid". */
export function pathAndQuery(page) {
  return pathOf(page);
}

/** Fails when the document is wider than the viewport (horizontal scrolling). */
export async function assertNoHorizontalScroll(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(
    scrollWidth <= clientWidth,
    `horizontal scrolling on ${pathOf(page)}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`,
  );
}

export { norm };
