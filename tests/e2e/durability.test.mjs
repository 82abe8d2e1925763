// "Saved means saved": an edit the user saved is there after whatever comes next —
// a reload, closing the tab, a second tab saving at the same moment, a crashed renderer —
// even when that comes at once, before the app's write behind has finished. None of these
// tests waits for `html:not([data-saving])` between the click on Spara and leaving the page
// (click() resolves once the click handler has run): the user does not see that attribute.
//
// Each test repeats its edit and prints how many survived ("[durability] … x/20"), so a
// note can quote the figure; it passes only when all of them did.
//
// The variant with the ten-year archive imported first is opt-in (E2E_ARCHIVE=1): it needs
// the generated archive, which no build step makes, and it is too slow for every run — on a
// 2-core machine with a dev build, importing the 13 MB archive took ~9 s but each reload
// then parses the whole data set again (~5 s), ~2 min for the 20 rounds:
//
//   cargo run --release --example generate_archive -- --out target/archive   (or scripts/bench.sh)
//   E2E_ARCHIVE=1 node --test tests/e2e/durability.test.mjs
//
// E2E_ARCHIVE_FILE=path chooses another exchange file (default target/archive/archive.json).
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { useApp, expectText, waitForApp, enterEditMode, h1Text } from "./harness.mjs";

const app = useApp();
const PATH = "/organ/nb-psb";
const ROUNDS = 20;
const TAB_ROUNDS = 10;
const CRASH_ROUNDS = 5;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ARCHIVE = process.env.E2E_ARCHIVE === "1";
const ARCHIVE_FILE = path.resolve(ROOT, process.env.E2E_ARCHIVE_FILE || "target/archive/archive.json");
/** Per action with the archive loaded (a reload parses the whole data set). */
const ARCHIVE_TIMEOUT_MS = Number(process.env.E2E_ARCHIVE_TIMEOUT_MS || 120_000);

// Pages this file opens itself (not through app.openPage) report their errors here; a test
// fails when the app threw or logged an error in any of them.
let problems = [];
afterEach(() => {
  const found = problems;
  problems = [];
  assert.deepEqual(found, [], `the app reported errors:\n  ${found.join("\n  ")}`);
});

function watch(page) {
  const where = () => {
    try {
      return new URL(page.url()).pathname;
    } catch {
      return page.url();
    }
  };
  page.on("pageerror", (err) => problems.push(`[pageerror ${where()}] ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (/Failed to load resource/.test(msg.text()) && /\/favicon\.ico$/.test(msg.location()?.url || "")) return;
    problems.push(`[console.error ${where()}] ${msg.text()}`);
  });
  return page;
}

/** A new tab of `context` on PATH, the app drawn. */
async function newTab(context) {
  const page = watch(await context.newPage());
  await page.goto(PATH);
  await waitForApp(page);
  await enterEditMode(page);
  return page;
}

async function openEditor(page) {
  await page.getByRole("button", { name: "Redigera", exact: true }).click();
  return page.locator("form.edit-form").first();
}

/** Opens the form, sets `label` to `value` and clicks Spara; returns once the click handler ran. */
async function editAndSave(page, label, value) {
  const form = await openEditor(page);
  await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Spara", exact: true }).click();
}

function report(what, survived, rounds, lost) {
  console.log(`[durability] ${what}: ${survived}/${rounds} edits survived`);
  for (const line of lost) console.log(`[durability]   lost ${line}`);
}

/**
 * `rounds` times: renames the body on `page`, then at once `leave(page)`, which returns the
 * page to look at (drawn again from what was stored). Returns the survivors and the losses.
 */
async function renameAndLeave(page, leave, { rounds = ROUNDS, tag }) {
  const lost = [];
  for (let i = 1; i <= rounds; i++) {
    const name = `Beständig ${tag} ${i}`;
    await editAndSave(page, "Namn", name);
    page = await leave(page);
    // The h1 is drawn only once the stored data is loaded (app.rs: routes wait for the repo).
    await waitForApp(page);
    await enterEditMode(page);
    const shown = await h1Text(page);
    if (shown !== name) lost.push(`#${i}: h1 ${JSON.stringify(shown)}, expected ${JSON.stringify(name)}`);
  }
  return { survived: rounds - lost.length, lost };
}

const reload = async (page) => {
  await page.reload();
  return page;
};

const closeAndReopen = async (page) => {
  const context = page.context();
  await page.close();
  const next = watch(await context.newPage());
  await next.goto(PATH);
  return next;
};

test(`an edit saved and at once reloaded is kept (${ROUNDS} times, built-in data)`, async () => {
  const page = await app.openPage(PATH);
  const { survived, lost } = await renameAndLeave(page, reload, { tag: "omladdning" });
  report("reload at once after Spara (built-in data)", survived, ROUNDS, lost);
  assert.equal(survived, ROUNDS, `only ${survived}/${ROUNDS} edits survived an immediate reload:\n  ${lost.join("\n  ")}`);
});

test(`an edit saved and at once the tab closed and a new one opened is kept (${ROUNDS} times)`, async () => {
  const page = await app.openPage(PATH);
  const { survived, lost } = await renameAndLeave(page, closeAndReopen, { tag: "flik" });
  report("tab closed at once after Spara, new tab opened", survived, ROUNDS, lost);
  assert.equal(survived, ROUNDS, `only ${survived}/${ROUNDS} edits survived closing the tab:\n  ${lost.join("\n  ")}`);
});

for (const [how, leave, tag] of [
  ["reloaded", reload, "arkiv"],
  ["the tab closed and a new one opened", closeAndReopen, "arkivflik"],
]) {
  test(
    `an edit saved and at once ${how} is kept with the ten-year archive imported (${ROUNDS} times)`,
    { skip: !ARCHIVE && "opt-in: set E2E_ARCHIVE=1 (slow; needs target/archive/archive.json)" },
    async () => {
      assert.ok(
        fs.existsSync(ARCHIVE_FILE),
        `${ARCHIVE_FILE} is missing: generate it with ` +
          "`cargo run --release --example generate_archive -- --out target/archive` (or scripts/bench.sh)",
      );
      const started = Date.now();
      const page = await app.openPage("/utbyte");
      page.context().setDefaultTimeout(ARCHIVE_TIMEOUT_MS);
      await page.locator("#importfil").setInputFiles(ARCHIVE_FILE);
      await page.locator(".import-preview").first().waitFor();
      await page.getByRole("button", { name: "Importera", exact: true }).click();
      await expectText(page.locator('[role="status"]'), "Importerat", { timeout: ARCHIVE_TIMEOUT_MS });
      // The import's own write must be done: what is under test is the edits after it.
      await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
      await page.goto(PATH);
      await waitForApp(page);
      await enterEditMode(page);
      console.log(`[durability] archive ${path.basename(ARCHIVE_FILE)} imported and ${PATH} shown in ${((Date.now() - started) / 1000).toFixed(1)} s`);

      const { survived, lost } = await renameAndLeave(page, leave, { tag });
      report(`${how} at once after Spara (ten-year archive)`, survived, ROUNDS, lost);
      console.log(`[durability] archive variant took ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
      assert.equal(survived, ROUNDS, `only ${survived}/${ROUNDS} edits survived:\n  ${lost.join("\n  ")}`);
    },
  );
}

/** Waits up to `timeout` for the h1 of `page` to be exactly `text`; returns what it shows. */
async function h1Becomes(page, text, timeout = 2_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await h1Text(page).catch(() => "");
    if (shown === text || Date.now() > deadline) return shown;
    await new Promise((r) => setTimeout(r, 100));
  }
}

test(`edits saved at the same moment in two tabs, both reloaded at once, are both kept (${TAB_ROUNDS} times)`, async () => {
  const a = await app.openPage(PATH);
  const b = await newTab(a.context());
  const lost = [];
  for (let i = 1; i <= TAB_ROUNDS; i++) {
    const name = `Samtidig ${i}`;
    const short = `S${i}`;
    const formA = await openEditor(a);
    const formB = await openEditor(b);
    await formA.getByLabel("Namn", { exact: true }).fill(name);
    await formB.getByLabel("Kortnamn", { exact: true }).fill(short);
    await Promise.all([
      formA.getByRole("button", { name: "Spara", exact: true }).click(),
      formB.getByRole("button", { name: "Spara", exact: true }).click(),
    ]);
    await Promise.all([a.reload(), b.reload()]);
    await Promise.all([waitForApp(a), waitForApp(b)]);
    // One tab may come back while the other is still leaving (and writing): a short grace
    // for the tabs to hear of each other. After it, what is not stored is lost for good.
    const expected = `${name} (${short})`;
    const [shownA, shownB] = await Promise.all([h1Becomes(a, expected), h1Becomes(b, expected)]);
    if (shownA !== expected || shownB !== expected) {
      lost.push(`round ${i}: tab A ${JSON.stringify(shownA)}, tab B ${JSON.stringify(shownB)}, expected ${JSON.stringify(expected)}`);
    }
  }
  const kept = TAB_ROUNDS - lost.length;
  console.log(`[durability] two tabs saving at once, then both reloaded: ${kept}/${TAB_ROUNDS} rounds kept both edits`);
  for (const line of lost) console.log(`[durability]   lost ${line}`);
  assert.equal(kept, TAB_ROUNDS, `only ${kept}/${TAB_ROUNDS} rounds kept both edits in both tabs:\n  ${lost.join("\n  ")}`);
});

test(`an edit shown as saved survives a crash of the renderer (${CRASH_ROUNDS} times)`, async () => {
  const first = await app.openPage(PATH);
  const context = first.context();
  let page = first;
  const lost = [];
  for (let i = 1; i <= CRASH_ROUNDS; i++) {
    const name = `Krasch ${i}`;
    await editAndSave(page, "Namn", name);
    await expectText(page.locator("h1"), name);
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent("crash");
    // The renderer dies before it can answer; the call may never settle.
    cdp.send("Page.crash").catch(() => {});
    await crashed;
    await page.close().catch(() => {});
    page = await newTab(context);
    const shown = await h1Text(page);
    if (shown !== name) lost.push(`#${i}: h1 ${JSON.stringify(shown)}, expected ${JSON.stringify(name)}`);
  }
  // The harness counts a crash of a page it opened as a failure; these crashes were asked for.
  const rest = app.takeProblems().filter((p) => !/^\[crash /.test(p));
  assert.deepEqual(rest, [], `the app reported errors:\n  ${rest.join("\n  ")}`);
  report("renderer crashed after the new name was shown", CRASH_ROUNDS - lost.length, CRASH_ROUNDS, lost);
  assert.equal(lost.length, 0, `only ${CRASH_ROUNDS - lost.length}/${CRASH_ROUNDS} edits survived the crash:\n  ${lost.join("\n  ")}`);
});
