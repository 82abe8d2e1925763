// A full disk never loses what was stored: an edit's journal entry goes to localStorage and,
// when localStorage refuses it, to IndexedDB (src/repo/persist.rs). When both refuse it with
// QuotaExceededError the app says so ("Inte sparat" in the header, a notice), the edit stays
// in the tab, and what was stored before is intact. When only localStorage is full, the entry
// lands in IndexedDB and survives a reload.
//
// The fault is injected for journal keys (`samverkan.journal.…`) only: into
// Storage.prototype.setItem (throws QuotaExceededError, as browsers do) and into
// IDBObjectStore.prototype.put, both ways a browser reports a full disk there: put throws, or
// the transaction aborts with QuotaExceededError as its error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();
const URL_PATH = "/organ/nb-lansstyrgruppen";
const JOURNAL_PREFIX = "samverkan.journal.";
/** localStorage[LOCAL_FAULT] = "1": localStorage refuses journal entries. */
const LOCAL_FAULT = "e2e.quota-fault.local";
/** localStorage[INDEXED_FAULT] = "throw" | "abort": IndexedDB refuses journal entries. */
const INDEXED_FAULT = "e2e.quota-fault.indexed";

const QUOTA_FAULT = `(() => {
  const prefix = ${JSON.stringify(JOURNAL_PREFIX)};
  const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");
  const getItem = Storage.prototype.getItem;
  const fault = (name) => getItem.call(localStorage, name);
  const journal = (key) => typeof key === "string" && key.startsWith(prefix);

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === localStorage && journal(String(key)) && fault(${JSON.stringify(LOCAL_FAULT)}) === "1") throw quota();
    return setItem.apply(this, arguments);
  };

  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const mode = journal(key) ? fault(${JSON.stringify(INDEXED_FAULT)}) : null;
    if (mode === "throw") throw quota();
    const request = put.apply(this, arguments);
    if (mode === "abort") {
      // As a browser does when the data does not fit: the transaction fails as a whole,
      // after the caller has made all its requests in it.
      const tx = this.transaction;
      Object.defineProperty(tx, "error", { get: quota });
      queueMicrotask(() => tx.abort());
    }
    return request;
  };
})();`;

/**
 * Everything stored: localStorage's journal entries and every value in IndexedDB (the
 * checkpoint and the large journal entries), as text by key.
 */
function stored(page) {
  return page.evaluate(async (prefix) => {
    const local = {};
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) local[key] = localStorage.getItem(key);
    const indexed = await new Promise((resolve, reject) => {
      const open = indexedDB.open("samverkan");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("values")) {
          db.close();
          resolve({});
          return;
        }
        const store = db.transaction("values").objectStore("values");
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => {
          db.close();
          const text = (v) => (ArrayBuffer.isView(v) || v instanceof ArrayBuffer ? new TextDecoder().decode(v) : String(v));
          resolve(Object.fromEntries(keys.result.map((k, i) => [String(k), text(values.result[i])])));
        };
        values.onerror = () => reject(values.error);
      };
    });
    return { local, indexed };
  }, JOURNAL_PREFIX);
}

/** The keys of `stored(page)` whose value contains `text`, e.g. ["local:samverkan.journal.…"]. */
function whereStored({ local, indexed }, text) {
  return [
    ...Object.entries(local).filter(([, v]) => v.includes(text)).map(([k]) => `local:${k}`),
    ...Object.entries(indexed).filter(([, v]) => v.includes(text)).map(([k]) => `indexed:${k}`),
  ];
}

function setFaults(page, { local = null, indexed = null }) {
  return page.evaluate(
    ([faults]) => {
      for (const [key, value] of faults) {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      }
    },
    [[[LOCAL_FAULT, local], [INDEXED_FAULT, indexed]]],
  );
}

async function editShortName(page, name) {
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${name})`);
}

/** No write under way (an IndexedDB entry has committed or failed). */
async function writesSettled(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
}

const saveStatus = (page) => page.locator("span[data-save-status]");
const fullNotice = (page) =>
  page.locator('[role="alert"]').filter({ hasText: "Ändringen kunde inte sparas: lagringsutrymmet är fullt" });

for (const mode of ["throw", "abort"]) {
  const how = mode === "throw" ? "put throws" : "the transaction aborts";
  test(`localStorage and IndexedDB full (${how}): reported, the edit stays in the tab, what was stored stays`, async () => {
    const page = await app.openPage(URL_PATH, { initScripts: [QUOTA_FAULT] });
    await editShortName(page, "SAVED1");
    await writesSettled(page);
    await expectText(saveStatus(page), "Sparat");
    assert.ok(whereStored(await stored(page), '"SAVED1"').length > 0, "the first edit is stored");

    await setFaults(page, { local: "1", indexed: mode });
    await editShortName(page, "LOST2");
    await fullNotice(page).first().waitFor({ state: "visible" });
    await expectText(fullNotice(page), "Ändringen finns kvar i den här fliken men är inte sparad");
    await expectText(saveStatus(page), "Inte sparat");
    await writesSettled(page);
    // The edit is still shown in the tab.
    await expectH1(page, "(LOST2)");
    const before = await stored(page);
    assert.deepEqual(whereStored(before, '"LOST2"'), [], "nothing of the refused edit is stored");
    assert.ok(whereStored(before, '"SAVED1"').length > 0, "the first edit is still stored");

    // The disk is freed again; what was stored before the failure opens whole.
    await setFaults(page, {});
    await page.reload();
    await waitForApp(page);
    await expectH1(page, "(SAVED1)");
    await expectText(saveStatus(page), "Sparat");
    assert.equal(await page.locator('[role="alert"]').filter({ hasText: "lagringsutrymmet" }).count(), 0);

    // And saving works again.
    await editShortName(page, "SAVED3");
    await writesSettled(page);
    await expectText(saveStatus(page), "Sparat");
    await page.reload();
    await waitForApp(page);
    await expectH1(page, "(SAVED3)");
  });
}

/** Waits until IndexedDB holds a checkpoint (the data set). */
async function waitForCheckpoint(page) {
  const deadline = Date.now() + 10_000;
  while (!("samverkan.dataset" in (await stored(page)).indexed)) {
    if (Date.now() > deadline) assert.fail("no checkpoint was written to IndexedDB");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** localStorage refuses journal entries (and stays full across reloads); `name` is saved and reloaded at once. */
async function saveToIndexedAndReload(page, name) {
  await editShortName(page, name);
  await writesSettled(page);
  await expectText(saveStatus(page), "Sparat");
  assert.equal(await fullNotice(page).count(), 0, "no notice: the edit was saved");
  const where = whereStored(await stored(page), `"${name}"`);
  assert.ok(where.length > 0 && where.every((k) => k.startsWith("indexed:")), `stored in IndexedDB only: ${where}`);

  await page.reload();
  await waitForApp(page);
  await expectH1(page, `(${name})`);
  await expectText(saveStatus(page), "Sparat");
  assert.equal(await page.locator('[role="alert"]').count(), 0);
}

// A fresh profile: no checkpoint in IndexedDB yet (one is written only after 50 entries, or
// 1.5 s after an IndexedDB entry), so the reload finds the entry in IndexedDB beside no checkpoint.
test("localStorage full, IndexedDB not, no checkpoint yet: the edit goes to IndexedDB and survives a reload", async () => {
  const page = await app.openPage(URL_PATH, { initScripts: [QUOTA_FAULT] });
  await setFaults(page, { local: "1" });
  await saveToIndexedAndReload(page, "IDB1");
});

test("localStorage full, IndexedDB not, beside a checkpoint: the edit goes to IndexedDB and survives a reload", async () => {
  const page = await app.openPage(URL_PATH, { initScripts: [QUOTA_FAULT] });
  await setFaults(page, { local: "1" });
  // The first IndexedDB entry brings a checkpoint soon after.
  await editShortName(page, "IDB0");
  await writesSettled(page);
  await waitForCheckpoint(page);
  await saveToIndexedAndReload(page, "IDB1");
  await saveToIndexedAndReload(page, "IDB2");
});
