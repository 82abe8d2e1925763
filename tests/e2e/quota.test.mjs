// A full disk never loses data: when IndexedDB refuses the data set with QuotaExceededError, the
// app says so and the last saved state stays intact. The fault is injected into IndexedDB's put
// for the data set's key, both ways a browser reports it: put throws, or the transaction aborts
// (QuotaExceededError as its error).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();
const URL_PATH = "/organ/nb-lansstyrgruppen";
const FAULT_KEY = "e2e.quota-fault";

// localStorage[FAULT_KEY] = "throw" | "abort" turns the fault on for the data set's key.
const QUOTA_FAULT = `(() => {
  const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const mode = key === "samverkan.dataset" ? localStorage.getItem(${JSON.stringify(FAULT_KEY)}) : null;
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

/** The data set as stored in IndexedDB (UTF-8 bytes, or text before that), as text, or null. */
function storedDataset(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("samverkan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("values").objectStore("values").get("samverkan.dataset");
          get.onsuccess = () => {
            open.result.close();
            const value = get.result ?? null;
            resolve(ArrayBuffer.isView(value) ? new TextDecoder().decode(value) : value);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function waitForStored(page, text) {
  const deadline = Date.now() + 10_000;
  while (!((await storedDataset(page)) || "").includes(text)) {
    if (Date.now() > deadline) assert.fail(`the stored data set never contained ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function editShortName(page, name) {
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${name})`);
}

for (const mode of ["throw", "abort"]) {
  test(`a full storage (put ${mode === "throw" ? "throws" : "aborts the transaction"}) is reported and the last saved data stays`, async () => {
    const page = await app.openPage(URL_PATH, { initScripts: [QUOTA_FAULT] });
    await editShortName(page, "SAVED1");
    await waitForStored(page, '"SAVED1"');

    await page.evaluate(([key, m]) => localStorage.setItem(key, m), [FAULT_KEY, mode]);
    await editShortName(page, "LOST2");
    const alert = page.locator('[role="alert"]').filter({ hasText: "Lagringsutrymmet är fullt" });
    await alert.first().waitFor({ state: "visible" });
    await expectText(alert, "Det som sparades senast finns kvar");
    const stored = await storedDataset(page);
    assert.ok(stored.includes('"SAVED1"') && !stored.includes('"LOST2"'), "the stored data is the last saved state");

    await page.evaluate((key) => localStorage.removeItem(key), FAULT_KEY);
    await page.reload();
    await waitForApp(page);
    await expectH1(page, "(SAVED1)");
    assert.equal(await page.locator('[role="alert"]').filter({ hasText: "Lagringsutrymmet" }).count(), 0);
    await editShortName(page, "SAVED3");
    await waitForStored(page, '"SAVED3"');
  });
}
