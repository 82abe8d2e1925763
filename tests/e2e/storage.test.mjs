// Where the data set lives: IndexedDB, with what an earlier version kept in
// localStorage moved over on first start.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, waitForApp } from "./harness.mjs";

const app = useApp();

test("a data set an earlier version kept in localStorage moves to IndexedDB and stays", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen");
  // What an earlier version stored: the built-in data with one body renamed.
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill("NLSG");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, "(NLSG)");
  await page.getByRole("link", { name: "Utbyte", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = JSON.parse(await (await download).createReadStream().then(async (s) => {
    let text = "";
    for await (const chunk of s) text += chunk;
    return text;
  }));

  const fresh = await app.openPage("/");
  await fresh.evaluate((data) => localStorage.setItem("samverkan.dataset", JSON.stringify(data)), file.data);
  await fresh.goto(new URL("/organ/nb-lansstyrgruppen", fresh.url()).href);
  await waitForApp(fresh);
  await expectH1(fresh, "(NLSG)");
  assert.equal(await fresh.evaluate(() => localStorage.getItem("samverkan.dataset")), null, "moved out of localStorage");
  await fresh.reload();
  await waitForApp(fresh);
  await expectH1(fresh, "(NLSG)");
});

test("edits made in quick succession are all saved", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen");
  for (const name of ["A1", "A2", "A3"]) {
    await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
    await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expectH1(page, `(${name})`);
  }
  // Reloaded at once: every edit is in storage when the page shows it.
  await page.reload();
  await waitForApp(page);
  await expectH1(page, "(A3)");
  await expectText(page.locator("h1"), "Länsstyrgruppen");
});

/** A value the app keeps in IndexedDB, as text (the app stores some as UTF-8 bytes), or null. */
function indexedValue(page, key) {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("samverkan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("values").objectStore("values").get(key);
          get.onsuccess = () => {
            open.result.close();
            const value = get.result ?? null;
            resolve(ArrayBuffer.isView(value) ? new TextDecoder().decode(value) : value);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

const LEDGER = "samverkan.exchange-ledger";

/** The page as a closed tablet or a tab in the background: `visibilitychange` to hidden. */
function hidePage(page) {
  return page.evaluate(() => {
    Object.defineProperty(document, "hidden", { value: true, configurable: true });
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

/** The journal entries in localStorage, as text. */
function journal(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("samverkan.journal."))
      .map((k) => localStorage.getItem(k)),
  );
}

test("an export's log line is stored with the export, and the ledger lands in IndexedDB at the checkpoint", async () => {
  const page = await app.openPage("/utbyte");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).click();
  const name = (await download).suggestedFilename();
  await expectText(page.locator("#logg ~ *"), name);
  // At once in the journal, before any checkpoint.
  assert.ok((await journal(page)).some((entry) => entry.includes(name)), "the log line is in the journal");
  await page.reload();
  await waitForApp(page);
  await expectText(page.locator("#logg ~ *"), name);
  // Hidden: the journal is folded into a checkpoint, the ledger with it.
  await hidePage(page);
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith("samverkan.journal.")));
  const ledger = await indexedValue(page, LEDGER);
  assert.ok(ledger && ledger.includes(name), "the export is in the ledger in IndexedDB");
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LEDGER), null, "not in localStorage");

  // An earlier version kept the same ledger in localStorage: it is read, and moves to
  // IndexedDB with the next checkpoint.
  const fresh = await app.openPage("/");
  await fresh.evaluate(([key, text]) => localStorage.setItem(key, text), [LEDGER, ledger]);
  await fresh.goto(new URL("/utbyte", fresh.url()).href);
  await waitForApp(fresh);
  await expectText(fresh.locator("#logg ~ *"), name);
  const second = fresh.waitForEvent("download");
  await fresh.getByRole("button", { name: "Exportera (.json)" }).click();
  const secondName = (await second).suggestedFilename();
  await hidePage(fresh);
  await fresh.waitForFunction((key) => localStorage.getItem(key) === null, LEDGER);
  const moved = await indexedValue(fresh, LEDGER);
  assert.ok(moved.includes(name) && moved.includes(secondName), "moved to IndexedDB, with the new line");
  await fresh.reload();
  await waitForApp(fresh);
  await expectText(fresh.locator("#logg ~ *"), name);
});

// What the version before the journal stored in IndexedDB: the whole data set (UTF-8 bytes),
// its history, the exchange ledger and a generation, no journal. After the update all of it
// opens, and the next edit is kept beside it.
test("data stored by the version before the journal opens whole after the update", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen");
  await page.getByRole("link", { name: "Utbyte", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera (.json)" }).click();
  const file = JSON.parse(await (await download).createReadStream().then(async (s) => {
    let text = "";
    for await (const chunk of s) text += chunk;
    return text;
  }));
  const body = file.data.bodies.find((b) => b.id === "nb-lansstyrgruppen");
  body.short_name = "GAMMAL";
  body.meta = { ...body.meta, version: { "copy-gammal": 3 }, fields: { short_name: { version: { "copy-gammal": 3 } } } };
  const history = {
    entries: [{
      id: "copy-gammal#2026-11-01T10:00:00.000Z#1",
      record: { kind: "bodies", id: "nb-lansstyrgruppen" },
      action: "changed",
      stamp: { copy_id: "copy-gammal", organisation: "Region Norrbotten", at: "2026-11-01T10:00:00.000Z" },
      fields: [{ field: "short_name", before: null, after: "GAMMAL" }],
    }],
  };
  const ledger = {
    entries: [{ at: "2026-11-02T09:00:00.000Z", direction: "export", file_name: "gammal-export.json", scope: { kind: "all" }, records: 3 }],
    parties: {},
  };

  const fresh = await app.openPage("/");
  await fresh.evaluate(async ({ data, history, ledger }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("samverkan", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("values");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction("values", "readwrite");
    const store = tx.objectStore("values");
    store.put(new TextEncoder().encode(JSON.stringify(data)), "samverkan.dataset");
    store.put(JSON.stringify(history), "samverkan.history");
    store.put(new TextEncoder().encode(JSON.stringify(ledger)), "samverkan.exchange-ledger");
    store.put("gammal-flik:7", "samverkan.generation");
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
    for (const key of Object.keys(localStorage)) if (key.startsWith("samverkan.journal.")) localStorage.removeItem(key);
  }, { data: file.data, history, ledger });

  await fresh.goto(new URL("/organ/nb-lansstyrgruppen", fresh.url()).href);
  await waitForApp(fresh);
  await expectH1(fresh, "(GAMMAL)");
  // The history and the exchange log of the old version are there.
  await fresh.goto(new URL("/andringar", fresh.url()).href);
  await waitForApp(fresh);
  await expectText(fresh.locator("main"), "GAMMAL");
  await fresh.goto(new URL("/utbyte", fresh.url()).href);
  await waitForApp(fresh);
  await expectText(fresh.locator("main"), "gammal-export.json");

  // An edit after the update, reloaded at once: both are there.
  await fresh.goto(new URL("/organ/nb-psb", fresh.url()).href);
  await waitForApp(fresh);
  await fresh.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await fresh.getByLabel("Namn", { exact: true }).fill("PSB efter uppdateringen");
  await fresh.getByRole("button", { name: "Spara", exact: true }).click();
  await fresh.reload();
  await waitForApp(fresh);
  await expectH1(fresh, "PSB efter uppdateringen");
  await fresh.goto(new URL("/organ/nb-lansstyrgruppen", fresh.url()).href);
  await waitForApp(fresh);
  await expectH1(fresh, "(GAMMAL)");
});

// Where the browser gives no IndexedDB (blocked by a setting, some private modes),
// the same state store runs on localStorage: the journal and the checkpoint both there.
const NO_INDEXED_DB = `Object.defineProperty(window, "indexedDB", { get() { return undefined; }, configurable: true });`;

test("without IndexedDB: edits are kept in localStorage, checkpointed there, and reopen whole", async () => {
  const page = await app.openPage("/organ/nb-lansstyrgruppen", { initScripts: [NO_INDEXED_DB] });
  for (const name of ["U1", "U2"]) {
    await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
    await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expectH1(page, `(${name})`);
  }
  assert.equal((await journal(page)).length, 2, "two entries in the journal");
  await hidePage(page);
  const deadline = Date.now() + 10_000;
  while ((await page.evaluate(() => localStorage.getItem("samverkan.dataset"))) === null) {
    if (Date.now() > deadline) assert.fail("no checkpoint was written to localStorage");
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((await journal(page)).length, 0, "the checkpoint took the entries in");
  assert.ok(await page.evaluate(() => localStorage.getItem("samverkan.generation")), "with its generation");
  await page.reload();
  await waitForApp(page);
  await expectH1(page, "(U2)");
  assert.equal(await page.evaluate(() => typeof window.indexedDB), "undefined", "still without IndexedDB");
});
