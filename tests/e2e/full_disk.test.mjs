// A really full disk, not an injected fault (quota.test.mjs injects one): Chromium runs with its
// profile (launchPersistentContext) on a 40 MB tmpfs, the page fills IndexedDB until Chromium
// itself answers QuotaExceededError, then edits. Also a restart of the browser, so what counts
// is what reached the disk, not what the browser process holds in memory.
//
// Opt-in, as it mounts a file system (needs root, or a ready small file system):
//
//   E2E_FULL_DISK=1 node --test tests/e2e/full_disk.test.mjs             mounts a tmpfs itself
//   E2E_FULL_DISK_DIR=/mnt/small node --test tests/e2e/full_disk.test.mjs  uses that directory
//
// When the mount is refused the tests are skipped, saying why.
//
// Chromium answers QuotaExceededError for IndexedDB while the disk still has a few MB free
// (~13 MB of 40 here), and localStorage has a limit of its own (10 MB per origin), so these
// tests stay in that regime. Filling the disk to the last byte (ENOSPC) is another matter and is
// not tested here: IndexedDB then fails with DataError/UnknownError ("Failed to write blobs
// (IOError)", "Connection is closing because of: IO error … FILE_ERROR_NO_SPACE"), and
// localStorage.setItem still succeeds while the browser's write to disk fails — after 8 failed
// commits Chromium deletes its whole localStorage database (LocalStorageImpl::OnCommitResult,
// kCommitErrorThreshold), so entries the app showed as "Sparat" can be gone after a restart.
//
// Chromium writes localStorage to disk behind the page (seconds later, at times more than 30 s
// on a busy machine) and on a graceful close. A close while it was writing a large batch (the
// 10 MB of filler) was seen to lose that whole batch, small entries in it too, on an ordinary
// disk as well; so the second test checks the full state with a reload, and restarts the
// browser only once the filler is gone.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/static-server.mjs";
import { DIST, CHROMIUM, VIEWPORT, TIMEOUT_MS, expectH1, expectText, waitForApp, enterEditMode } from "./harness.mjs";

const URL_PATH = "/organ/nb-lansstyrgruppen";
const SIZE = process.env.E2E_FULL_DISK_SIZE || "40m";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

// The small file system: given, mounted here, or none (skip, with the reason).
let smallDir = process.env.E2E_FULL_DISK_DIR || null;
let mounted = false;
let skip = false;
if (!smallDir && process.env.E2E_FULL_DISK !== "1") {
  skip = "opt-in: set E2E_FULL_DISK=1 (mounts a tmpfs; needs root) or E2E_FULL_DISK_DIR=<small file system>";
} else if (!smallDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-full-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${SIZE}`, "tmpfs", dir], { stdio: "pipe" });
    smallDir = dir;
    mounted = true;
  } catch (err) {
    fs.rmdirSync(dir);
    skip = `mounting a ${SIZE} tmpfs was refused: ${String(err.stderr || err.message).trim()}`;
  }
}

let server;
let baseURL;
let problems = [];
const contexts = new Set();

before(async () => {
  if (skip) return;
  ({ server, url: baseURL } = await startServer(DIST, 0));
});

afterEach(async () => {
  await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
  contexts.clear();
  const found = problems;
  problems = [];
  assert.deepEqual(found, [], `the app reported errors:\n  ${found.join("\n  ")}`);
});

after(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (mounted) {
    execFileSync("umount", [smallDir]);
    fs.rmdirSync(smallDir);
  }
});

/** A browser on `profile` (a directory on the small file system), showing URL_PATH. */
async function launch(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL,
    viewport: VIEWPORT,
    locale: "sv-SE",
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  contexts.add(context);
  const page = context.pages()[0] || (await context.newPage());
  page.on("pageerror", (err) => problems.push(`[pageerror] ${err.message}`));
  page.on("crash", () => problems.push("[crash] the page crashed"));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (/Failed to load resource/.test(msg.text()) && /\/favicon\.ico$/.test(msg.location()?.url || "")) return;
    problems.push(`[console.error] ${msg.text()}`);
  });
  await page.goto(URL_PATH);
  await waitForApp(page);
  await enterEditMode(page);
  return page;
}

/** Closes the browser (it writes what it holds) and starts it again on the same profile. */
async function restart(page, profile) {
  const context = page.context();
  contexts.delete(context);
  await context.close();
  return launch(profile);
}

/**
 * A fresh profile directory on the small file system; the profiles of earlier tests are
 * removed first (each holds ~25 MB with a dev build: the service worker's cache and the filler).
 */
function freshProfile(name) {
  const root = path.join(smallDir, "samverkan-e2e-profiles");
  fs.rmSync(root, { recursive: true, force: true });
  return path.join(root, name);
}

/** `promise`, or a failure naming `what` after `ms` (page.evaluate has no timeout of its own). */
function within(ms, what, promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms (${freeSpace()})`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function freeSpace() {
  const { bavail, bsize } = fs.statfsSync(smallDir);
  return `${Math.round((bavail * bsize) / 1024)} kB free on ${smallDir}`;
}

async function editShortName(page, name) {
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  await page.getByLabel(/^\s*Kortnamn\b/).first().fill(name);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, `(${name})`);
}

const saveStatus = (page) => page.locator("span[data-save-status]");
const fullNotice = (page) =>
  page.locator('[role="alert"]').filter({ hasText: "Ändringen kunde inte sparas: lagringsutrymmet är fullt" });

async function saved(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
  await expectText(saveStatus(page), "Sparat");
}

/**
 * Fills IndexedDB (a database of its own, incompressible bytes, ever smaller pieces) until
 * Chromium refuses; returns how it refused the last piece, e.g. "abort QuotaExceededError".
 */
function fillIndexedDb(page) {
  return within(60_000, "filling IndexedDB", page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("e2e-filler", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("blobs");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const random = (n) => {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65536)));
      return bytes;
    };
    const put = (key, value) =>
      new Promise((resolve) => {
        let tx;
        try {
          tx = db.transaction("blobs", "readwrite");
          tx.objectStore("blobs").put(value, key);
        } catch (e) {
          resolve(`throw ${e.name}`);
          return;
        }
        tx.oncomplete = () => resolve(null);
        tx.onabort = () => resolve(`abort ${tx.error?.name}`);
      });
    let n = 0;
    let refused = null;
    for (const size of [4 << 20, 1 << 20, 256 << 10, 32 << 10, 4 << 10]) {
      for (;;) {
        refused = await put(`fill-${n++}`, random(size));
        if (refused) break;
      }
    }
    db.close();
    return refused;
  }));
}

/** Fills localStorage (keys of its own) until it refuses; returns the name of the last error. */
function fillLocalStorage(page) {
  return page.evaluate(() => {
    let chunk = "x".repeat(512 * 1024);
    let n = 0;
    let refused = null;
    while (chunk.length >= 16) {
      try {
        localStorage.setItem(`e2e.fill.${n++}`, chunk);
      } catch (e) {
        refused = e.name;
        chunk = chunk.slice(0, chunk.length / 4);
      }
    }
    return refused;
  });
}

function freeAll(page) {
  return page.evaluate(async () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("e2e.fill.")) localStorage.removeItem(key);
    await new Promise((resolve, reject) => {
      const del = indexedDB.deleteDatabase("e2e-filler");
      del.onsuccess = resolve;
      del.onerror = () => reject(del.error);
    });
  });
}

test("IndexedDB full for real: an edit still goes to localStorage and survives a restart of the browser", { skip }, async () => {
  const profile = freshProfile("idb-full");
  let page = await launch(profile);
  await editShortName(page, "FORE1");
  await saved(page);

  assert.equal(await fillIndexedDb(page), "abort QuotaExceededError", "Chromium refuses IndexedDB writes");
  console.log(`[full disk] IndexedDB full: ${freeSpace()}`);
  await editShortName(page, "KEPT2");
  await saved(page);
  assert.equal(await fullNotice(page).count(), 0);

  page = await restart(page, profile);
  await expectH1(page, "(KEPT2)");
  await expectText(saveStatus(page), "Sparat");
});

test("IndexedDB and localStorage full for real: 'Inte sparat', the notice, what was stored stays, and saving works once space is freed", { skip }, async () => {
  const profile = freshProfile("all-full");
  let page = await launch(profile);
  await editShortName(page, "SAVED1");
  await saved(page);

  assert.equal(await fillIndexedDb(page), "abort QuotaExceededError", "Chromium refuses IndexedDB writes");
  assert.equal(await fillLocalStorage(page), "QuotaExceededError", "Chromium refuses localStorage writes");
  console.log(`[full disk] IndexedDB and localStorage full: ${freeSpace()}`);

  await editShortName(page, "LOST2");
  await fullNotice(page).first().waitFor({ state: "visible" });
  await expectText(fullNotice(page), "Ändringen finns kvar i den här fliken men är inte sparad");
  await expectText(saveStatus(page), "Inte sparat");
  await expectH1(page, "(LOST2)");

  // Storage still full: what was stored before opens. (A reload, not a restart of the browser:
  // Chromium is still writing the 10 MB of filler to disk behind, and a browser closed during
  // that write was seen to lose the whole batch — see the note at the top.)
  await page.reload();
  await waitForApp(page);
  await enterEditMode(page);
  await expectH1(page, "(SAVED1)");
  await expectText(saveStatus(page), "Sparat");
  assert.equal(await fullNotice(page).count(), 0);

  // Space freed: saving works again, and lasts.
  await freeAll(page);
  await editShortName(page, "SAVED3");
  await saved(page);
  page = await restart(page, profile);
  await expectH1(page, "(SAVED3)");
});
