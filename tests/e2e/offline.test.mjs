// The offline app: the Content-Security-Policy, the service worker (start with the network off on
// a deep link, edits offline), the update banner after a new deployment, the manifest and icons
// (installable), the iPad/iPhone install hint, and storage use on the settings page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { useApp, DIST, expectH1, expectText, waitForApp } from "./harness.mjs";
import { startServer } from "../../scripts/static-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const app = useApp();

/** Waits until the service worker controls the page (it has precached the whole build). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

async function editShortName(page, name) {
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${name})`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("every page runs under a strict CSP; an injected inline script is blocked and reported", async () => {
  const page = await app.openPage("/organ/nb-psb");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    assert.ok(policy.split("; ").includes(directive), `${directive} in ${policy}`);
  }
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  assert.equal(await page.locator("base").count(), 0, "no <base> (base-uri 'none')");

  for (const p of ["/", "/diagram/vb", "/installningar", "/sok?q=kommun"]) {
    await page.goto(p);
    await waitForApp(page);
  }
  assert.deepEqual(app.takeProblems(), [], "no violation while browsing");

  const ran = await page.evaluate(() => {
    window.__injected = false;
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.head.append(script);
    return window.__injected;
  });
  assert.equal(ran, false, "the injected inline script did not run");
  const deadline = Date.now() + 5000;
  let found = [];
  while (found.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    found = app.takeProblems();
  }
  assert.ok(
    found.some((p) => p.includes("[CSP violation") && p.includes("script-src")),
    `the harness reports violations: ${JSON.stringify(found)}`,
  );
});

test("after one visit the app starts with the network off on deep links, and an edit made offline stays", async (t) => {
  const page = await app.openPage("/organ/nb-psb");
  await controlled(page);
  await page.context().setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  // Start times with the network off: navigation to the page's h1 in <main>, from the SW's cache.
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto("/organ/nb-psb");
    await page.locator("main h1").first().waitFor({ state: "visible" });
    times.push(await page.evaluate(() => performance.now()));
  }
  await expectH1(page, "Politiska samverkansberedningen");
  t.diagnostic(`offline start on /organ/nb-psb (ms, navigation to main h1): ${times.map(Math.round).join(", ")}; median ${Math.round(median(times))}`);

  await page.goto("/diagram/vb?idag=2026-03-01");
  await page.locator("svg.diagram-canvas g.node").first().waitFor({ state: "visible" });

  await page.goto("/organ/nb-psb");
  await waitForApp(page);
  await editShortName(page, "PSBX");
  await page.reload();
  await waitForApp(page);
  await expectH1(page, "(PSBX)");
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);
});

test("a new deployment shows 'En ny version av Samverkan finns'; 'Ladda om' saves, then reloads into it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-deploy-"));
  fs.cpSync(DIST, dir, { recursive: true });
  const { server, url } = await startServer(dir, 0);
  try {
    const page = await app.openPage("/organ/nb-psb", { contextOptions: { baseURL: url } });
    await controlled(page);
    assert.equal(await page.locator(".update-banner").count(), 0, "no banner before a deployment");

    // A deployment: a changed index.html, then the build's hook over the directory again.
    const indexPath = path.join(dir, "index.html");
    fs.writeFileSync(
      indexPath,
      fs.readFileSync(indexPath, "utf8").replace("</head>", '<meta name="samverkan-deploy" content="2" /></head>'),
    );
    execFileSync(process.execPath, [path.join(ROOT, "scripts/pwa.mjs"), "build", dir], { stdio: "pipe" });

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expectText(page.locator(".update-banner"), "En ny version av Samverkan finns");

    // An edit just before the reload is not lost.
    await editShortName(page, "PSB2");
    await page.getByRole("button", { name: "Ladda om", exact: true }).click();
    await page.waitForFunction(() => document.querySelector('meta[name="samverkan-deploy"]') !== null, null, {
      timeout: 30_000,
    });
    await waitForApp(page);
    await expectH1(page, "(PSB2)");
    assert.equal(await page.locator(".update-banner").count(), 0, "no banner in the new version");
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `one cache, the new version's: ${caches}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the manifest and icons make the app installable; the server sends the right types", async () => {
  const get = (p) => fetch(new URL(p, app.baseURL));
  const manifestResponse = await get("/manifest.webmanifest");
  assert.equal(manifestResponse.status, 200);
  assert.match(manifestResponse.headers.get("content-type"), /^application\/manifest\+json/);
  assert.equal(manifestResponse.headers.get("cache-control"), "no-cache");
  const manifest = await manifestResponse.json();
  assert.equal(manifest.name, "Samverkan");
  assert.equal(manifest.lang, "sv");
  assert.equal(manifest.start_url, "/");
  assert.equal(manifest.scope, "/");
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.theme_color, "#1f4e79");
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
  assert.match(manifest.description, /samverkan/i);

  const pngs = manifest.icons.filter((i) => i.type === "image/png");
  const has = (sizes, purpose) => pngs.some((i) => i.sizes === sizes && i.purpose.split(" ").includes(purpose));
  assert.ok(has("192x192", "any") && has("512x512", "any") && has("512x512", "maskable"), JSON.stringify(pngs));
  const apple = { src: "/icons/apple-touch-icon.png", sizes: "180x180", type: "image/png" };
  for (const icon of [...manifest.icons, apple]) {
    const response = await get(icon.src);
    assert.equal(response.status, 200, icon.src);
    assert.equal(response.headers.get("content-type").split(";")[0], icon.type, icon.src);
    if (icon.type === "image/png") {
      const bytes = Buffer.from(await response.arrayBuffer());
      const [w, h] = icon.sizes.split("x").map(Number);
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [w, h], `${icon.src} is ${icon.sizes}`);
    }
  }

  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith(".wasm"));
  assert.equal((await get(`/${wasm}`)).headers.get("content-type"), "application/wasm");
  const sw = await get("/sw.js");
  assert.match(sw.headers.get("content-type"), /^text\/javascript/);
  assert.equal(sw.headers.get("cache-control"), "no-cache");

  const page = await app.openPage("/");
  assert.equal(await page.locator('link[rel="manifest"]').getAttribute("href"), "/manifest.webmanifest");
  assert.equal(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"), apple.src);
  assert.equal(await page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute("content"), "yes");
  assert.equal(await page.locator('meta[name="apple-mobile-web-app-title"]').getAttribute("content"), "Samverkan");
  await controlled(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), new URL("/sw.js", app.baseURL).href);

  // Chromium's own verdict.
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send("Page.getAppManifest");
  assert.deepEqual(parsed.errors, [], "the manifest parses without errors");
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Every test context is an incognito-like profile, where Chromium never offers to install.
  const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito");
  assert.deepEqual(errors, [], "Chromium finds the app installable");
});

const IPAD_OS = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const TOUCH_POINTS = "Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 });";

test("iPad Safari (which says Macintosh) gets the install hint until it is closed; a home-screen app does not", async () => {
  const page = await app.openPage("/organ", { contextOptions: { userAgent: IPAD_OS }, initScripts: [TOUCH_POINTS] });
  const hint = page.locator(".install-hint");
  await expectText(hint, "Lägg till på hemskärmen");
  await expectText(hint, "sju dagar");
  await hint.getByRole("button", { name: "Stäng" }).click();
  assert.equal(await hint.count(), 0);
  await page.reload();
  await waitForApp(page);
  assert.equal(await hint.count(), 0, "closed stays closed");

  const iphone = await app.openPage("/", { contextOptions: { userAgent: IPHONE } });
  await expectText(iphone.locator(".install-hint"), "Lägg till på hemskärmen");

  const standalone = await app.openPage("/", {
    contextOptions: { userAgent: IPHONE },
    initScripts: ["Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true });"],
  });
  assert.equal(await standalone.locator(".install-hint").count(), 0, "not in the home-screen app");
  const mac = await app.openPage("/", { contextOptions: { userAgent: IPAD_OS } });
  assert.equal(await mac.locator(".install-hint").count(), 0, "not on a Mac (no touch)");
  const desktop = await app.openPage("/");
  assert.equal(await desktop.locator(".install-hint").count(), 0, "not on other browsers");
});

test("Inställningar shows storage used and available, and asks for persistent storage", async () => {
  const page = await app.openPage("/installningar");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Lagring" }) });
  await expectText(section, "Samverkan använder");
  assert.match(await section.locator(".storage-usage").innerText(), /använder [\d,]+ (B|kB|MB|GB) av [\d,]+ (kB|MB|GB|TB)/);
  await expectText(section, "Beständig lagring:");
  const ask = section.getByRole("button", { name: "Be om beständig lagring" });
  if (await ask.count()) {
    const before = await section.locator(".storage-persisted").innerText();
    await ask.click();
    // The browser's answer replaces the text.
    await page.waitForFunction(
      (b) => document.querySelector(".storage-persisted")?.innerText !== b,
      before,
    );
    const text = await section.locator(".storage-persisted").innerText();
    assert.match(text, /Beständig lagring: (ja|nej, webbläsaren sa nej)/);
  }
});
