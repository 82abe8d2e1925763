// Signed exchange files between copies (separate browser profiles): the receiver
// trusts a party's key once, after comparing the fingerprint; a known key is named;
// an altered file is refused; an unsigned file is flagged; a changed key is loud and
// waits for acceptance; a file naming the receiver's own copy with another key is
// refused. Also measures signing and checking a typical export (the built-in data).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { webcrypto } from "node:crypto";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();
const BODY = "/organ/nb-lansstyrgruppen";
const MARKER = ',\n  "signature": ';
const FINGERPRINT = /^\d{5}( \d{5}){7}$/;

async function go(page, urlPath) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
  await page.goto(new URL(urlPath, page.url()).href);
  await waitForApp(page);
}

/** A fresh profile whose copy is kept by `organisation`. */
async function copyOf(organisation, { init } = {}) {
  const page = await app.openPage("/");
  if (init) {
    await page.addInitScript(init);
    await page.reload();
  }
  await go(page, "/installningar");
  await page.getByLabel("Organisation").selectOption(organisation);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(page.locator('[role="status"]'), "Sparat");
  return page;
}

/** The fingerprint the copy's settings show, as its keeper would read it aloud. */
async function ownFingerprint(page) {
  await go(page, "/installningar");
  const code = page.locator("#eget-fingeravtryck");
  await code.waitFor();
  const text = (await code.textContent()).trim();
  assert.match(text, FINGERPRINT);
  return text;
}

async function setShortName(page, value) {
  await go(page, BODY);
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(value);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${value})`);
}

function tempFile(name, text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-sign-")), name);
  fs.writeFileSync(file, text);
  return file;
}

async function exportAll(page) {
  await go(page, "/utbyte");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = await download;
  await expectText(page.locator('[role="status"]'), "Exporterade");
  const saved = tempFile(file.suggestedFilename(), "");
  await file.saveAs(saved);
  return { path: saved, text: fs.readFileSync(saved, "utf8") };
}

async function importFile(page, file) {
  await go(page, "/utbyte");
  await page.locator("#importfil").setInputFiles(file);
}

const preview = (page) => page.locator(".import-preview");
const alertText = (page) => page.locator('.status-line [role="alert"]');

/** `prefix` signed in Node with a key of its own, as another copy would sign it. */
async function signedByOtherKey(prefix) {
  const { subtle } = webcrypto;
  const pair = await subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
  const publicKey = Buffer.from(await subtle.exportKey("raw", pair.publicKey)).toString("base64");
  const signature = Buffer.from(
    await subtle.sign({ name: "Ed25519" }, pair.privateKey, Buffer.from(prefix, "utf8")),
  ).toString("base64");
  const block = JSON.stringify({ algorithm: "Ed25519", public_key: publicKey, signature });
  return `${prefix}${MARKER}${block}\n}\n`;
}

test("a signed export is trusted after the fingerprint is compared, then known; altered is refused, unsigned flagged, a changed key is loud", async () => {
  const region = await copyOf("Region Norrbotten");
  const regionKey = await ownFingerprint(region);
  await setShortName(region, "NLSG");
  const first = await exportAll(region);
  const block = JSON.parse(first.text).signature;
  assert.equal(block.algorithm, "Ed25519");
  assert.ok(first.text.includes(MARKER), "the block is the file's last member");

  const kommun = await copyOf("Luleå kommun");
  await importFile(kommun, first.path);
  await expectText(preview(kommun), "Signerad av okänd nyckel");
  await expectText(preview(kommun), "Stämmer fingeravtrycket med det parten läst upp?");
  // What the receiver compares with what the region reads aloud.
  const shown = (await preview(kommun).locator("code.fingerprint").textContent()).trim();
  assert.equal(shown, regionKey, "the preview shows the sender's fingerprint as its settings do");
  await kommun.getByRole("button", { name: "Ja, det stämmer" }).click();
  await expectText(preview(kommun), "Signerad av känd nyckel (Region Norrbotten).");
  await kommun.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(kommun.locator('[role="status"]'), "Importerat");

  // The next file from the region is recognised without a question.
  await setShortName(region, "NLSG2");
  const second = await exportAll(region);
  await importFile(kommun, second.path);
  await expectText(preview(kommun), "Signerad av känd nyckel (Region Norrbotten).");
  assert.equal(await kommun.getByRole("button", { name: "Ja, det stämmer" }).count(), 0);
  await kommun.getByRole("button", { name: "Avbryt" }).click();

  // One byte of the data changed (same length): refused before anything is read.
  assert.ok(second.text.includes('"NLSG2"'));
  const altered = tempFile("altered.json", second.text.replace('"NLSG2"', '"NLSG3"'));
  await importFile(kommun, altered);
  await expectText(alertText(kommun), "ändrad efter signering");
  assert.equal(await preview(kommun).count(), 0, "no preview of an altered file");

  // The signature taken away: imported only as unsigned, flagged.
  const json = JSON.parse(second.text);
  delete json.signature;
  const unsigned = tempFile("unsigned.json", JSON.stringify(json, null, 2));
  await importFile(kommun, unsigned);
  await expectText(preview(kommun), "Osignerad");
  await kommun.getByRole("button", { name: "Avbryt" }).click();

  // Someone else's key under the region's copy id: loud, and not imported until accepted.
  const prefix = second.text.slice(0, second.text.lastIndexOf(MARKER));
  const impostor = tempFile("impostor.json", await signedByOtherKey(prefix));
  await importFile(kommun, impostor);
  await expectText(preview(kommun), "Varning: Region Norrbotten signerar med en annan nyckel än förut!");
  await kommun.getByRole("button", { name: "Importera", exact: true }).click();
  await expectText(alertText(kommun), "godta nyckeln");
  await expectText(preview(kommun), "Varning: Region Norrbotten");
  await kommun.getByRole("button", { name: "Avbryt" }).click();

  // A file naming the receiver's own copy, signed by another key: refused.
  const ownId = await kommun.evaluate(() => localStorage.getItem("samverkan.copy-id"));
  const regionId = JSON.parse(second.text).origin.copy_id;
  const claimsOwn = prefix.replace(`"copy_id": "${regionId}"`, `"copy_id": "${ownId}"`);
  assert.notEqual(claimsOwn, prefix);
  await importFile(kommun, tempFile("own.json", await signedByOtherKey(claimsOwn)));
  await expectText(alertText(kommun), "men är signerad med en annan nyckel än kopians egen");

  // The accepted key is listed in the settings, and survives a reload.
  await go(kommun, "/installningar");
  await expectText(kommun.locator("#signering ~ table"), regionKey);
  await go(kommun, BODY);
  await expectH1(kommun, "(NLSG)");
});

test("without Ed25519 the copy signs with ECDSA P-256, and the receiver checks it", async () => {
  // A browser without Ed25519 in WebCrypto.
  const init = () => {
    const generate = crypto.subtle.generateKey.bind(crypto.subtle);
    crypto.subtle.generateKey = (algorithm, ...rest) =>
      algorithm?.name === "Ed25519"
        ? Promise.reject(new DOMException("Ed25519 is not supported", "NotSupportedError"))
        : generate(algorithm, ...rest);
  };
  const region = await copyOf("Region Västerbotten", { init });
  const regionKey = await ownFingerprint(region);
  await expectText(region.locator('section[aria-labelledby="signering"]'), "ECDSA-P256-SHA256");
  const file = await exportAll(region);
  assert.equal(JSON.parse(file.text).signature.algorithm, "ECDSA-P256-SHA256");

  const kommun = await copyOf("Umeå kommun");
  await importFile(kommun, file.path);
  await expectText(preview(kommun), "Signerad av okänd nyckel");
  assert.equal((await preview(kommun).locator("code.fingerprint").textContent()).trim(), regionKey);
  const altered = tempFile("altered.json", file.text.replace('"samverkan-exchange"', '"samverkan-exchangE"'));
  await importFile(kommun, altered);
  await expectText(alertText(kommun), "ändrad efter signering");
});

test("a party's key file read in the settings makes its signed files known without a question", async () => {
  const region = await copyOf("Region Norrbotten");
  const regionKey = await ownFingerprint(region);
  const download = region.waitForEvent("download");
  await region.getByRole("button", { name: "Exportera nyckelfil" }).click();
  const keyFile = tempFile((await download).suggestedFilename(), "");
  await (await download).saveAs(keyFile);
  assert.equal(JSON.parse(fs.readFileSync(keyFile, "utf8")).format, "samverkan-key");

  const kommun = await copyOf("Luleå kommun");
  await go(kommun, "/installningar");
  await kommun.locator("#nyckelfil").setInputFiles(keyFile);
  await expectText(kommun.locator('section[aria-labelledby="signering"]'), `Nyckeln för Region Norrbotten är godkänd (fingeravtryck ${regionKey})`);
  await expectText(kommun.locator("#signering ~ table"), regionKey);
  // Its own key file is not a party's.
  assert.notEqual(await ownFingerprint(kommun), regionKey);
  const own = kommun.waitForEvent("download");
  await kommun.getByRole("button", { name: "Exportera nyckelfil" }).click();
  const ownFile = tempFile((await own).suggestedFilename(), "");
  await (await own).saveAs(ownFile);
  await kommun.locator("#nyckelfil").setInputFiles(ownFile);
  await expectText(kommun.locator('section[aria-labelledby="signering"] [role="alert"]'), "den här kopians egen nyckel");

  const file = await exportAll(region);
  await importFile(kommun, file.path);
  await expectText(preview(kommun), "Signerad av känd nyckel (Region Norrbotten).");
});

test("measured: signing and checking a typical export (the built-in data set) in the browser", async () => {
  const region = await copyOf("Region Norrbotten");
  const file = await exportAll(region);
  const prefix = file.text.slice(0, file.text.lastIndexOf(MARKER));
  // The built-in data, and ten megabytes: about a ten-year county archive.
  const measure = (text) => region.evaluate(async (text) => {
    const bytes = new TextEncoder().encode(text);
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const out = { bytes: bytes.length };
    for (const [name, gen, sign] of [
      ["Ed25519", { name: "Ed25519" }, { name: "Ed25519" }],
      ["ECDSA P-256", { name: "ECDSA", namedCurve: "P-256" }, { name: "ECDSA", hash: "SHA-256" }],
    ]) {
      const pair = await crypto.subtle.generateKey(gen, false, ["sign", "verify"]);
      const signs = [];
      const verifies = [];
      let signature;
      for (let i = 0; i < 15; i++) {
        let t = performance.now();
        signature = await crypto.subtle.sign(sign, pair.privateKey, bytes);
        signs.push(performance.now() - t);
        t = performance.now();
        const ok = await crypto.subtle.verify(sign, pair.publicKey, signature, bytes);
        verifies.push(performance.now() - t);
        if (!ok) throw new Error(`${name}: verify failed`);
      }
      out[name] = { sign: median(signs), verify: median(verifies) };
    }
    return out;
  }, text);
  const archive = await measure(prefix.repeat(Math.ceil(10_000_000 / prefix.length)));
  const times = await measure(prefix);
  // The whole check as the import runs it: choose the file, until the preview says who signed.
  const kommun = await copyOf("Luleå kommun");
  await go(kommun, "/utbyte");
  const start = Date.now();
  await kommun.locator("#importfil").setInputFiles(file.path);
  await expectText(preview(kommun), "Signerad av okänd nyckel");
  const previewMs = Date.now() - start;
  const kb = (times.bytes / 1024).toFixed(0);
  for (const name of ["Ed25519", "ECDSA P-256"]) {
    console.log(
      `[signing] ${name} over ${kb} KiB (built-in data): sign ${times[name].sign.toFixed(2)} ms, verify ${times[name].verify.toFixed(2)} ms (median of 15)`,
    );
  }
  for (const name of ["Ed25519", "ECDSA P-256"]) {
    console.log(
      `[signing] ${name} over ${(archive.bytes / 1e6).toFixed(1)} MB (archive-sized): sign ${archive[name].sign.toFixed(1)} ms, verify ${archive[name].verify.toFixed(1)} ms (median of 15)`,
    );
  }
  console.log(`[signing] import preview of the signed file (read, check signature, parse, merge, compare): ${previewMs} ms`);
  assert.ok(times.bytes > 100_000, "the built-in data set is a typical export");
});
