#!/usr/bin/env node
// Renders the app icons (public/icons/*.png) from public/favicon.svg with headless Chromium
// (Debian's /usr/bin/chromium via playwright-core; there is no image library here).
// A one-off: the PNGs are committed; run again after changing the favicon:
//
//   node scripts/icons.mjs
//
//   icon-192.png, icon-512.png   the favicon as it is (rounded square, transparent corners)
//   icon-maskable-512.png        full-bleed background, the figure inside the 80 % safe circle
//   apple-touch-icon.png (180)   full-bleed background (iOS rounds the corners itself)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FAVICON = path.join(ROOT, "public", "favicon.svg");
const OUT = path.join(ROOT, "public", "icons");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const favicon = fs.readFileSync(FAVICON, "utf8");
// The favicon is a 64×64 rounded square of the brand colour with a white figure on it.
const background = /<rect width="64" height="64" rx="12" fill="(#[0-9a-fA-F]{3,6})"\/>/.exec(favicon);
if (!background) throw new Error("favicon.svg: expected its first element to be the 64×64 rounded background");
const colour = background[1];
const figure = favicon.replace(background[0], "").replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");

/** The figure scaled by `scale` about the centre, on a full square of the brand colour. */
function fullBleed(scale) {
  const offset = (64 - 64 * scale) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${colour}"/>` +
    `<g transform="translate(${offset} ${offset}) scale(${scale})">${figure}</g></svg>`
  );
}

const ICONS = [
  { file: "icon-192.png", size: 192, svg: favicon },
  { file: "icon-512.png", size: 512, svg: favicon },
  // The figure's extent is about 36 of 64 units; 0.8 keeps it well inside the safe zone.
  { file: "icon-maskable-512.png", size: 512, svg: fullBleed(0.8) },
  { file: "apple-touch-icon.png", size: 180, svg: fullBleed(0.9) },
];

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  for (const { file, size, svg } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: path.join(OUT, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`[icons] public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
