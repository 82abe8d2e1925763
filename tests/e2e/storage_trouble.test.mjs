// Storage trouble never leaves a blank page or a dead end (issue 19): with site data blocked
// the app runs, says nothing is kept, and edits work for the visit; stored data that cannot be
// read is set aside once, and saving works again on fresh data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();

// What a browser with site data blocked does: localStorage throws on access, IndexedDB
// refuses to open (Chromium: SecurityError / an error event).
const SITE_DATA_BLOCKED = `(() => {
  const blocked = () => { throw new DOMException("Access is denied for this document.", "SecurityError"); };
  Object.defineProperty(window, "localStorage", { get: blocked, configurable: true });
  Object.defineProperty(window, "sessionStorage", { get: blocked, configurable: true });
  IDBFactory.prototype.open = function () { throw new DOMException("The user denied permission to access the database.", "SecurityError"); };
})();`;

async function renameShortName(page, name) {
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${name})`);
}

test("with site data blocked the app starts, says nothing is kept, and edits work for the visit", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen", { initScripts: [SITE_DATA_BLOCKED] });
  await expectText(page, "Ändringar sparas inte mellan besök");
  await expectText(page, "Sparas inte");
  await renameShortName(page, "MINNE");
  // Another page of the app, reached by a link, still has the edit (held in memory).
  await page.getByRole("link", { name: "Organ", exact: true }).first().click();
  await expectText(page, "MINNE");
  // The language can be switched too (it is remembered only for the visit).
  await page.getByRole("button", { name: "English" }).click();
  await expectText(page, "Not kept");
  // The settings page, which asks the browser about its storage, opens too.
  await page.goto(new URL("/installningar", page.url()).href);
  await waitForApp(page);
  await expectText(page, "Sparas inte");
});

/** The keys of the values IndexedDB holds for the app. */
function indexedKeys(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("samverkan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction("values").objectStore("values").getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result.map(String));
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** Writes `text` (as UTF-8 bytes, as the app stores it) under `key` in the app's IndexedDB. */
function putIndexed(page, key, text) {
  return page.evaluate(
    ([key, text]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("samverkan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("values", "readwrite");
          tx.objectStore("values").put(new TextEncoder().encode(text), key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, text],
  );
}

const aside = (keys) => keys.filter((k) => k.startsWith("samverkan.quarantine."));

test("unreadable stored data is set aside once; saving works again and survives a reload", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen");
  // A first edit makes a checkpoint in IndexedDB once the page is hidden.
  await renameShortName(page, "FORE");
  const deadline = Date.now() + 10_000;
  while (!(await indexedKeys(page)).includes("samverkan.dataset")) {
    await page.evaluate(() => {
      Object.defineProperty(document, "hidden", { value: true, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    if (Date.now() > deadline) assert.fail("no checkpoint was written");
    await new Promise((r) => setTimeout(r, 200));
  }
  // The checkpoint damaged, as a broken disk or another program might leave it.
  await putIndexed(page, "samverkan.dataset", '{"bodies": [tru');
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("samverkan.journal.")) localStorage.removeItem(key);
  });
  await page.reload();
  await waitForApp(page);
  await expectText(page, "har lagts undan orörd");
  assert.equal(aside(await indexedKeys(page)).length, 1, "set aside once");
  // The built-in data is shown, and an edit is saved.
  await expectH1(page, "Länsstyrgruppen");
  await renameShortName(page, "EFTER");
  await expectText(page, "Sparat");
  const body = await page.locator("body").innerText();
  assert.ok(!body.includes("kunde inte sparas"), "no save failed");
  // A reload finds the edit, sets nothing more aside and says nothing about it.
  await page.reload();
  await waitForApp(page);
  await expectH1(page, "(EFTER)");
  assert.ok(!(await page.locator("body").innerText()).includes("lagts undan"), "no new notice");
  assert.equal(aside(await indexedKeys(page)).length, 1, "still one copy set aside");
});
