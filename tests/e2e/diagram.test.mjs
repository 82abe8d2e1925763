// The structure diagram (/diagram/:county): every body drawn, tap and keyboard open the panel,
// zoom/pan/pinch change the view, find centres a body, collapse, dragging is stored with the
// data, SVG/PNG export, print on one page, and the same structure as a list.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { useApp, expectText, expectCount, norm, waitForApp, assertNoHorizontalScroll } from "./harness.mjs";

const app = useApp();
const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/seed");
const TABLET_LANDSCAPE = { width: 1024, height: 768 };

/** The bodies of a county in the built-in data, as [{ id, name, short_name }]. */
function seedBodies(county) {
  const bodies = [];
  for (const file of fs.readdirSync(SEED).filter((f) => f.endsWith(".json"))) {
    const data = JSON.parse(fs.readFileSync(path.join(SEED, file), "utf8"));
    bodies.push(...(data.bodies || []).filter((b) => b.county === county && !b.meta?.deleted));
  }
  return bodies;
}
const displayName = (b) => (b.short_name ? `${b.name} (${b.short_name})` : b.name);

const canvas = (page) => page.locator("svg.diagram-canvas");
const node = (page, id) => page.locator(`svg.diagram-canvas g.node[data-body="${id}"]`);
const panel = (page) => page.locator("aside.diagram-panel");

async function viewBox(page) {
  const [x, y, w, h] = (await canvas(page).getAttribute("viewBox")).split(" ").map(Number);
  return { x, y, w, h };
}

/** Waits until the viewBox differs from `before`. */
async function viewBoxChanged(page, before) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const now = await viewBox(page);
    if (JSON.stringify(now) !== JSON.stringify(before)) return now;
    if (Date.now() > deadline) assert.fail(`the viewBox stayed ${JSON.stringify(before)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readDownload(download) {
  return fs.readFileSync(await download.path());
}

async function position(page, id) {
  const g = node(page, id);
  return { x: Number(await g.getAttribute("data-x")), y: Number(await g.getAttribute("data-y")) };
}

for (const county of ["nb", "vb"]) {
  test(`/diagram/${county} draws every body of the county, whole and inside the canvas at 1024×768`, async () => {
    const page = await app.openPage(`/diagram/${county}`, { viewport: TABLET_LANDSCAPE });
    const bodies = seedBodies(county);
    assert.ok(bodies.length >= 6, `${county}: ${bodies.length} bodies in the seed`);
    await expectCount(page.locator("svg.diagram-canvas g.node"), bodies.length);
    const frame = await canvas(page).boundingBox();
    for (const body of bodies) {
      const g = node(page, body.id);
      assert.match(await g.getAttribute("aria-label"), new RegExp(`^${escapeRegExp(displayName(body))},`));
      assert.equal(await g.locator("title").textContent(), displayName(body));
      const box = await g.boundingBox();
      assert.ok(
        box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width + 0.5 &&
          box.y + box.height <= frame.y + frame.height + 0.5,
        `${body.id} at ${JSON.stringify(box)} outside the canvas ${JSON.stringify(frame)}`,
      );
      // Legible: the box is drawn at no less than 3/4 of its natural size.
      const natural = Number(await g.locator("rect.box").getAttribute("width"));
      assert.ok(box.width >= natural * 0.75, `${body.id} drawn at ${(box.width / natural).toFixed(2)}×`);
    }
    await expectText(page.locator("h1"), county === "nb" ? "Norrbotten" : "Västerbotten");
    await assertNoHorizontalScroll(page);
  });
}

test("/diagram opens the first county, and the nav leads there", async () => {
  const page = await app.openPage("/");
  await page.locator("nav a").filter({ hasText: /^\s*Diagram\s*$/ }).first().click();
  await waitForApp(page);
  await expectCount(page.locator("svg.diagram-canvas g.node"), seedBodies("nb").length);
  await page.getByRole("link", { name: "Västerbotten", exact: true }).click();
  await expectCount(page.locator("svg.diagram-canvas g.node"), seedBodies("vb").length);
  assert.equal(new URL(page.url()).pathname, "/diagram/vb");
});

test("/diagram/bada draws both counties side by side, each with its own panel", async () => {
  const page = await app.openPage("/diagram/bada", { viewport: { width: 1366, height: 1024 }, hasTouch: true });
  const nb = page.locator('svg.diagram-canvas[data-county="nb"]');
  const vb = page.locator('svg.diagram-canvas[data-county="vb"]');
  await expectCount(nb.locator("g.node"), seedBodies("nb").length);
  await expectCount(vb.locator("g.node"), seedBodies("vb").length);
  const [left, right] = [await nb.boundingBox(), await vb.boundingBox()];
  assert.ok(left.x + left.width <= right.x, "side by side on a wide screen");
  const duplicates = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  assert.deepEqual(duplicates, [], "ids stay unique with two diagrams");
  await vb.locator('g.node[data-body="vb-lsg"]').tap();
  await expectText(page.locator("#diagram-vb-panel h2"), "Länssamverkansgruppen (LSG)");
  assert.equal(await page.locator("#diagram-nb-panel").isVisible(), false);
});

test("tapping a body opens a bottom sheet with its mandate, this year's chair, agreement and page link", async () => {
  // This year's chair as the body page words it, by the same rotation rule.
  const bodyPage = await app.openPage("/organ/nb-psb?idag=2026-03-01");
  const chair = norm(await bodyPage.locator("#ordforande .rotation strong").first().innerText()).replace(/\.$/, "");
  assert.match(chair, /^2026: /);

  const page = await app.openPage("/diagram/nb?idag=2026-03-01", { hasTouch: true });
  await node(page, "nb-psb").tap();
  const sheet = panel(page);
  await sheet.waitFor({ state: "visible" });
  await expectText(sheet.locator("h2"), "Politiska samverkansberedningen");
  const [psb] = seedBodies("nb").filter((b) => b.id === "nb-psb");
  await expectText(sheet, psb.mandate[0]);
  await expectText(sheet, "Ordförande 2026");
  await expectText(sheet, chair);
  // One truth for who chairs: the municipalities' turn, and no one of theirs
  // is recorded, so the region's chair of 2021 is not named.
  await expectText(sheet, "Ingen ordförande från Norrbottens Kommuner är registrerad för 2026.");
  const chairSection = sheet.locator("section").filter({ has: page.locator("h3", { hasText: "Ordförande 2026" }) });
  assert.doesNotMatch(await chairSection.innerText(), /Linda Frohm/);
  await expectText(sheet, "Linda Frohm – Ordförande 2021");
  await expectText(sheet, "Nästa sammanträde: Inget kommande sammanträde är inlagt.");
  await expectText(sheet, "Överenskommelse");
  assert.equal(await sheet.getByRole("link", { name: "Öppna organets sida" }).getAttribute("href"), "/organ/nb-psb");
  assert.equal(await sheet.evaluate((el) => getComputedStyle(el).position), "fixed", "a bottom sheet at 768 px");
  assert.equal(await node(page, "nb-psb").getAttribute("aria-expanded"), "true");
  await assertNoHorizontalScroll(page);

  // Its relation is highlighted, the rest dimmed.
  assert.match(await node(page, "nb-psb").getAttribute("class"), /\bselected\b/);
  assert.match(await node(page, "nb-lansstyrgruppen").getAttribute("class"), /\brelated\b/);
  assert.match(await node(page, "nb-regionstyrelsen").getAttribute("class"), /\bdimmed\b/);
  assert.match(await page.locator("svg.diagram-canvas path.edge").first().getAttribute("class"), /\brelated\b/);

  await sheet.getByRole("button", { name: "Stäng" }).tap();
  await sheet.waitFor({ state: "hidden" });
  assert.doesNotMatch(await node(page, "nb-regionstyrelsen").getAttribute("class"), /\bdimmed\b/);
});

test("on a wide screen the panel is beside the diagram, and links to related bodies choose them", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE, hasTouch: true });
  await node(page, "vb-hjalpmedelsradet").tap();
  const side = panel(page);
  await expectText(side.locator("h2"), "Hjälpmedelsrådet");
  assert.equal(await side.evaluate((el) => getComputedStyle(el).position), "absolute");
  await side.getByRole("button", { name: "Länssamverkansgruppen (LSG)" }).first().tap();
  await expectText(side.locator("h2"), "Länssamverkansgruppen (LSG)");
  await expectText(side, "Uppdrag");
});

test("the zoom buttons, the wheel and dragging the background change the view; Anpassa fits it again", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  await expectCount(page.locator("svg.diagram-canvas g.node"), seedBodies("vb").length);
  const fitted = await viewBox(page);

  await page.getByRole("button", { name: "Zooma in" }).click();
  const zoomedIn = await viewBoxChanged(page, fitted);
  assert.ok(zoomedIn.w < fitted.w && zoomedIn.h < fitted.h, "closer: a smaller part of the drawing");
  await page.getByRole("button", { name: "Zooma ut" }).click();
  await page.getByRole("button", { name: "Zooma ut" }).click();
  const zoomedOut = await viewBoxChanged(page, zoomedIn);
  assert.ok(zoomedOut.w > fitted.w, "further: more than the fitted view");

  await page.getByRole("button", { name: "Anpassa" }).click();
  assert.deepEqual(await viewBoxChanged(page, zoomedOut), fitted);

  // Wheel zoom at the cursor.
  const frame = await canvas(page).boundingBox();
  await page.mouse.move(frame.x + 20, frame.y + 20);
  await page.mouse.wheel(0, -300);
  const wheeled = await viewBoxChanged(page, fitted);
  assert.ok(wheeled.w < fitted.w);

  // Drag on the background (top-left corner is empty) pans.
  await page.mouse.move(frame.x + 10, frame.y + 10);
  await page.mouse.down();
  await page.mouse.move(frame.x + 60, frame.y + 40, { steps: 5 });
  await page.mouse.up();
  const panned = await viewBoxChanged(page, wheeled);
  assert.ok(panned.x < wheeled.x && panned.y < wheeled.y, "the drawing follows the pointer");
  assert.equal(panned.w, wheeled.w);

  await page.getByRole("button", { name: "Återställ vy" }).click();
  assert.deepEqual(await viewBoxChanged(page, panned), fitted);
});

test("pinching with two fingers and double-tapping zoom in", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE, hasTouch: true });
  await expectCount(page.locator("svg.diagram-canvas g.node"), seedBodies("vb").length);
  const fitted = await viewBox(page);
  const frame = await canvas(page).boundingBox();
  const cx = frame.x + 30;
  const cy = frame.y + frame.height / 2;

  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  await touch("touchStart", [{ x: cx, y: cy - 20, id: 1 }, { x: cx, y: cy + 20, id: 2 }]);
  for (let i = 1; i <= 5; i++) {
    await touch("touchMove", [{ x: cx, y: cy - 20 - i * 16, id: 1 }, { x: cx, y: cy + 20 + i * 16, id: 2 }]);
  }
  await touch("touchEnd", []);
  const pinched = await viewBoxChanged(page, fitted);
  assert.ok(pinched.w < fitted.w * 0.5, `spreading two fingers zooms in: ${fitted.w} → ${pinched.w}`);

  await page.getByRole("button", { name: "Anpassa" }).tap();
  await viewBoxChanged(page, pinched);
  await page.touchscreen.tap(cx, cy);
  await page.touchscreen.tap(cx, cy);
  const doubled = await viewBoxChanged(page, fitted);
  assert.ok(doubled.w < fitted.w, "a double tap zooms in");
});

test("Tab reaches the bodies in band order; Enter opens one, Escape closes and returns focus", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  await expectCount(page.locator("svg.diagram-canvas g.node"), seedBodies("vb").length);
  const order = await page.locator("svg.diagram-canvas g.node").evaluateAll((nodes) =>
    nodes.map((n) => ({ tab: n.getAttribute("tabindex"), band: [...n.classList].find((c) => c.startsWith("band-")) })),
  );
  assert.ok(order.every((n) => n.tab === "0"), "every body is focusable");
  const bands = ["band-political", "band-officials", "band-preparatory", "band-forums", "band-support", "band-party-bodies", "band-external"];
  const indices = order.map((n) => bands.indexOf(n.band));
  assert.deepEqual([...indices].sort((a, b) => a - b), indices, "bodies come band by band, top down");

  await page.getByRole("link", { name: "Visa som lista" }).focus();
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement.getAttribute("data-body"));
  assert.equal(first, await page.locator("svg.diagram-canvas g.node").first().getAttribute("data-body"));
  await page.keyboard.press("Tab");
  const second = await page.evaluate(() => document.activeElement.getAttribute("data-body"));
  assert.equal(second, await page.locator("svg.diagram-canvas g.node").nth(1).getAttribute("data-body"));

  await page.keyboard.press("Enter");
  await panel(page).waitFor({ state: "visible" });
  const name = await node(page, second).locator("title").textContent();
  await expectText(panel(page).locator("h2"), name);
  await page.waitForFunction(() => document.activeElement?.tagName === "H2");
  await page.keyboard.press("Escape");
  await panel(page).waitFor({ state: "hidden" });
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-body") === id, second);
});

test("finding a body by name chooses it and centres it beside the panel", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  await page.getByRole("button", { name: "Zooma in" }).click();
  await page.getByRole("button", { name: "Zooma in" }).click();
  await page.getByLabel("Hitta organ").fill("hjalpmedelsradet");
  await page.getByLabel("Hitta organ").press("Enter");
  await expectText(panel(page).locator("h2"), "Hjälpmedelsrådet");
  assert.match(await node(page, "vb-hjalpmedelsradet").getAttribute("class"), /\bselected\b/);
  const frame = await canvas(page).boundingBox();
  const side = await panel(page).boundingBox();
  const deadline = Date.now() + 3000;
  let box;
  for (;;) {
    box = await node(page, "vb-hjalpmedelsradet").boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const visibleCentre = (frame.x + side.x) / 2;
    if (Math.abs(cx - visibleCentre) < 4 && Math.abs(cy - (frame.y + frame.height / 2)) < 4) break;
    if (Date.now() > deadline) assert.fail(`not centred: ${JSON.stringify(box)} in ${JSON.stringify(frame)}, panel ${JSON.stringify(side)}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  await page.getByLabel("Hitta organ").fill("finns inte");
  await page.getByLabel("Hitta organ").press("Enter");
  await expectText(page.locator(".diagram-find"), "Inget organ i diagrammet heter ”finns inte”.");
});

test("collapsing LSG hides its sub-bodies, and a body found inside it opens it again", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  const all = seedBodies("vb").length;
  await node(page, "vb-lsg").click();
  await panel(page).getByRole("button", { name: "Dölj underorgan (5)" }).click();
  await expectCount(page.locator("svg.diagram-canvas g.node"), all - 5);
  assert.equal(await node(page, "vb-lsg").locator("tspan.badge").textContent(), "+5 dolda organ");
  await panel(page).getByRole("button", { name: "Visa underorgan (5)" }).click();
  await expectCount(page.locator("svg.diagram-canvas g.node"), all);

  await panel(page).getByRole("button", { name: "Dölj underorgan (5)" }).click();
  await expectCount(page.locator("svg.diagram-canvas g.node"), all - 5);
  await page.getByLabel("Hitta organ").fill("Hjälpmedelsrådet");
  await page.getByLabel("Hitta organ").press("Enter");
  await expectCount(page.locator("svg.diagram-canvas g.node"), all);
  await expectText(panel(page).locator("h2"), "Hjälpmedelsrådet");
});

test("a dragged body keeps its place after a reload; Återställ layout returns it", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  const id = "vb-regionstyrelsen";
  await expectCount(node(page, id), 1);
  const before = await position(page, id);
  const box = await node(page, id).boundingBox();
  const scale = box.width / Number(await node(page, id).locator("rect.box").getAttribute("width"));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((args) => {
    const g = document.querySelector(`g.node[data-body="${args.id}"]`);
    return g && Number(g.getAttribute("data-x")) !== args.x;
  }, { id, x: before.x });
  const after = await position(page, id);
  assert.ok(Math.abs(after.x - (before.x + 40 / scale)) <= 2, `x ${before.x} → ${after.x}`);
  assert.ok(Math.abs(after.y - (before.y + 30 / scale)) <= 2, `y ${before.y} → ${after.y}`);
  assert.match(await node(page, id).getAttribute("class"), /\bmanual\b/);
  assert.equal(await panel(page).isVisible(), false, "a drag is not a tap");

  await page.waitForTimeout(500); // the write-behind
  await page.reload();
  await waitForApp(page);
  await expectCount(node(page, id), 1);
  assert.deepEqual(await position(page, id), after);
  assert.match(await node(page, id).getAttribute("class"), /\bmanual\b/);

  await page.getByRole("button", { name: "Återställ layout" }).click();
  await page.waitForFunction((args) => {
    const g = document.querySelector(`g.node[data-body="${args.id}"]`);
    return g && Number(g.getAttribute("data-x")) === args.x;
  }, { id, x: before.x });
  assert.deepEqual(await position(page, id), before);
});

test("a body can be moved by touch, and with buttons instead of dragging", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE, hasTouch: true });
  const id = "vb-kommunstyrelserna";
  await expectCount(node(page, id), 1);
  const before = await position(page, id);
  const box = await node(page, id).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  await touch("touchStart", [{ x, y, id: 1 }]);
  for (let i = 1; i <= 6; i++) await touch("touchMove", [{ x: x - i * 10, y: y + i * 5, id: 1 }]);
  await touch("touchEnd", []);
  await page.waitForFunction((args) => {
    const g = document.querySelector(`g.node[data-body="${args.id}"]`);
    return g && Number(g.getAttribute("data-x")) < args.x;
  }, { id, x: before.x });
  assert.equal(await panel(page).isVisible(), false, "a drag is not a tap");

  await node(page, id).tap();
  const moved = await position(page, id);
  await panel(page).getByRole("button", { name: "Flytta åt höger" }).tap();
  await page.waitForFunction((args) => {
    const g = document.querySelector(`g.node[data-body="${args.id}"]`);
    return g && Number(g.getAttribute("data-x")) === args.x;
  }, { id, x: moved.x + 24 });
  await panel(page).getByRole("button", { name: "Återställ placering" }).tap();
  await page.waitForFunction((args) => {
    const g = document.querySelector(`g.node[data-body="${args.id}"]`);
    return g && Number(g.getAttribute("data-x")) === args.x;
  }, { id, x: before.x });
});

test("Exportera SVG saves a standalone SVG that names every body; Exportera PNG a PNG image", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  await expectCount(page.locator("svg.diagram-canvas g.node"), seedBodies("vb").length);
  const svgDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera SVG" }).click();
  const svgFile = await svgDownload;
  assert.equal(svgFile.suggestedFilename(), "samverkansstruktur-vasterbotten.svg");
  const svg = (await readDownload(svgFile)).toString("utf8");
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<style>[^]*font-family:/);
  assert.match(svg, /<title id="samverkan-title">Samverkansstruktur i Västerbotten<\/title>/);
  for (const body of seedBodies("vb")) {
    assert.ok(svg.includes(`<title>${escapeXml(displayName(body))}</title>`), `${body.id} missing in the SVG`);
  }
  assert.match(svg, /Förklaring/);

  // The file opens on its own in a browser and shows every body.
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diagram-")), "export.svg");
  fs.writeFileSync(saved, svg);
  const viewer = await app.openPage(pathToFileURL(saved).href, { waitForH1: false });
  assert.equal(await viewer.evaluate(() => document.documentElement.localName), "svg");
  for (const body of seedBodies("vb")) {
    const box = await viewer.locator(`g.node[data-id="${body.id}"]`).boundingBox();
    assert.ok(box && box.width > 0, `${body.id} drawn in the standalone file`);
  }

  const pngDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera PNG" }).click();
  const pngFile = await pngDownload;
  assert.equal(pngFile.suggestedFilename(), "samverkansstruktur-vasterbotten.png");
  const png = await readDownload(pngFile);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 20_000, `a real picture: ${png.length} bytes`);
  const width = png.readUInt32BE(16);
  assert.ok(width >= 1200, `rendered at twice the size: ${width} px wide`);
  await expectText(page.locator(".diagram-status"), "samverkansstruktur-vasterbotten.png är sparad.");
});

test("printing shows only the whole diagram and its legend, on one landscape page", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  await page.getByRole("button", { name: "Zooma in" }).click();
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Zooma in" }).isVisible(), false);
  assert.equal(await page.locator(".structure-list").isVisible(), false);
  assert.ok(await canvas(page).isVisible());
  assert.ok(await page.locator(".diagram-legend").isVisible());
  const layoutSize = await canvas(page).evaluate((svg) => {
    const b = svg.getBBox();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  });
  const whole = await viewBox(page);
  assert.equal(whole.x, 0);
  assert.ok(
    whole.w >= layoutSize.x + layoutSize.width - 1 && whole.h >= layoutSize.y + layoutSize.height - 1,
    `the whole drawing ${JSON.stringify(layoutSize)} in view ${JSON.stringify(whole)}`,
  );

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) || [];
  assert.equal(pages.length, 1, "one page");
  const [, x0, y0, x1, y1] = pdf
    .toString("latin1")
    .match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/)
    .map(Number);
  assert.ok(x1 - x0 > y1 - y0, `landscape: ${x1 - x0}×${y1 - y0}`);

  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
});

test("Visa som lista leads to the same structure as a nested list", async () => {
  const page = await app.openPage("/diagram/vb", { viewport: TABLET_LANDSCAPE });
  await page.getByRole("link", { name: "Visa som lista" }).click();
  await page.waitForFunction(() => location.hash === "#lista-vb");
  const list = page.locator("section#lista-vb");
  await expectText(list.locator("h2"), "Strukturen som lista");
  for (const body of seedBodies("vb")) {
    await list.locator(`a[href="/organ/${body.id}"]`).first().waitFor();
  }
  const bandHeadings = (await list.locator("h3").allInnerTexts()).map(norm);
  assert.deepEqual(bandHeadings.slice(0, 2), ["Politisk nivå", "Tjänstepersonsnivå"]);
  await expectText(list, "bereder ärenden till Samråd för vård och omsorg");
  assert.ok(await list.locator("ul ul li a").count() >= seedBodies("vb").length, "bodies nested under their band");
});

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
