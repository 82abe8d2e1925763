#!/usr/bin/env node
// The benchmark of issue 10: drives the release build in headless Chromium and prints
// figures (medians of several runs). Not a test: nothing here passes or fails; figures are
// compared with the budgets in BENCHMARKS.md and marked met / missed.
//
//   scripts/bench.sh                     builds what is missing, then runs this
//   node tests/bench/run.mjs                   runs against what is already built
//
// Reads target/bench-dist (release app), target/archive/{archive,archive-concurrent}.json,
// optionally target/archive-fit/archive.json (a smaller archive, which also fitted in
// localStorage before the data set moved to IndexedDB) and target/bench-dist-names (the
// same app with wasm function names, for the CPU profiles and the code-size breakdown).
// Writes target/bench/results.json, target/bench/*.cpuprofile, and the table between the
// markers in BENCHMARKS.md. Every server and browser it starts, it stops.
//
// Environment:
//   BENCH_RUNS=5            runs per figure (median)
//   BENCH_ONLY=a,b          only these parts: bundle,start,import,search,edit,profile,layout
//                           ("search": import the archive and type the query only; "import"
//                           measures the search too)
//                           ("report": only write the table again from results.json)
//   BENCH_QUERY="nära vård" what is typed, letter by letter, into the search field
//   BENCH_NO_MD=1           do not touch BENCHMARKS.md
//   BENCH_ARCHIVE_DIR=dir   another archive (default target/archive), e.g. target/archive-fit
//   BENCH_DIST=dir          another build (default target/bench-dist), e.g. a dev build
//   BENCH_OUT_DIR=dir       where results.json and the profiles go (default target/bench), e.g.
//                           to keep the figures of another BENCH_DIST apart
//   BENCH_EDITS=30          edits counted in the "edit" figures (made: at least 50, to see the
//                           checkpoint)
//   BENCH_STEP_TIMEOUT_MS   how long one step may take (default 180000)

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/static-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rel = (...p) => path.join(ROOT, ...p);
const DIST = path.resolve(process.env.BENCH_DIST || rel("target/bench-dist"));
const NAMES_DIST = rel("target/bench-dist-names");
const ARCHIVE_DIR = path.resolve(ROOT, process.env.BENCH_ARCHIVE_DIR || "target/archive");
const ARCHIVE = path.join(ARCHIVE_DIR, "archive.json");
const CONCURRENT = path.join(ARCHIVE_DIR, "archive-concurrent.json");
const FIT_ARCHIVE = rel("target/archive-fit/archive.json");
const OUT_DIR = path.resolve(ROOT, process.env.BENCH_OUT_DIR || "target/bench");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 5));
const QUERY = process.env.BENCH_QUERY || "nära vård";
const STEP_TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT_MS || 180_000);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;
const wanted = (part) => !ONLY || ONLY.has(part);
const PROBE = fs.readFileSync(rel("tests/bench/probe.js"), "utf8");
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
const VIEWPORT = { width: 768, height: 1024 };

// Budgets (issue 10).
const BUDGET = {
  bundleBrotli: 200 * 1024,
  offlineStart4x: 1000,
  importRatio: 2,
  searchP95: 16,
  longTask: 200,
};

// ---------------------------------------------------------------------------
// small helpers

const log = (...a) => console.log("[bench]", ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}
const median = (values) => quantile(values, 0.5);

const ms = (x) => (x == null ? "–" : x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const kib = (b) => (b == null ? "–" : `${(b / 1024).toFixed(1)} KiB`);
const mib = (b) => (b == null ? "–" : `${(b / 1024 / 1024).toFixed(1)} MiB`);
const met = (ok) => (ok == null ? "not measurable" : ok ? "met" : "**missed**");

function errorText(err) {
  return (err && (err.stack || err.message)) || String(err);
}

async function part(results, name, fn) {
  if (!wanted(name)) return;
  const started = Date.now();
  log(`${name} …`);
  try {
    results[name] = await fn();
  } catch (err) {
    log(`${name} FAILED: ${errorText(err)}`);
    results[name] = { error: String(err && err.message ? err.message : err) };
  }
  log(`${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------
// machine

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function machine(browserVersion) {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = (cpuinfo.match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model || "unknown";
  return {
    cpu: model.trim(),
    cores: os.cpus().length,
    ram_bytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
    date: new Date().toISOString(),
    // Other work on the machine skews the figures: the load when the run started.
    load_average: os.loadavg().map((x) => Number(x.toFixed(2))),
    // The build measured: written by scripts/bench.sh when it builds target/bench-dist.
    // (It describes target/bench-dist only: another BENCH_DIST is named by its directory.)
    build:
      DIST === rel("target/bench-dist")
        ? readJson(rel("target/bench/build-info.json")) || { commit: "unknown (built outside scripts/bench.sh)" }
        : { commit: `${DIST} (BENCH_DIST, built outside scripts/bench.sh)` },
  };
}

// ---------------------------------------------------------------------------
// 1. bundle

function bundle() {
  const files = fs.readdirSync(DIST).filter((f) => fs.statSync(path.join(DIST, f)).isFile());
  const rows = files.map((file) => {
    const bytes = fs.readFileSync(path.join(DIST, file));
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length;
    const kind = file.endsWith(".wasm") ? "wasm" : file.endsWith(".js") ? "js" : path.extname(file).slice(1);
    return { file, kind, raw: bytes.length, gzip, brotli };
  });
  const sum = (kinds, key) => rows.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + r[key], 0);
  const app = { raw: sum(["wasm", "js"], "raw"), gzip: sum(["wasm", "js"], "gzip"), brotli: sum(["wasm", "js"], "brotli") };
  const named = fs.existsSync(NAMES_DIST) ? fs.readdirSync(NAMES_DIST).find((f) => f.endsWith(".wasm")) : null;
  let breakdown = null;
  try {
    breakdown = wasmBreakdown(named ? path.join(NAMES_DIST, named) : path.join(DIST, rows.find((r) => r.kind === "wasm").file));
  } catch (err) {
    breakdown = { error: String(err.message || err) };
  }
  return { files: rows, wasm_plus_js: app, budget_brotli: BUDGET.bundleBrotli, met: app.brotli <= BUDGET.bundleBrotli, wasm_breakdown: breakdown };
}

/**
 * What the wasm is made of: its sections, and the code by crate from a build that kept
 * the function names (target/bench-dist-names). The crate is read from each function's
 * demangled name (generic code counts for the crate that defines it, e.g. `alloc`).
 */
function wasmBreakdown(file) {
  const buf = fs.readFileSync(file);
  let pos = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
    }
  };
  const str = () => {
    const n = leb();
    const s = buf.toString("utf8", pos, pos + n);
    pos += n;
    return s;
  };
  const sections = {};
  const bodies = [];
  const names = new Map();
  let importedFuncs = 0;
  const ids = { 1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export", 9: "element", 10: "code", 11: "data", 12: "datacount" };
  while (pos < buf.length) {
    const id = buf[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 0) {
      const name = str();
      sections[`custom "${name}"`] = size;
      if (name === "name") {
        while (pos < end) {
          const sub = buf[pos++];
          const subSize = leb();
          const subEnd = pos + subSize;
          if (sub === 1) {
            const count = leb();
            for (let i = 0; i < count; i++) {
              const idx = leb();
              names.set(idx, str());
            }
          }
          pos = subEnd;
        }
      }
    } else {
      sections[ids[id] || `section ${id}`] = (sections[ids[id]] || 0) + size;
      if (id === 2) {
        const count = leb();
        for (let i = 0; i < count; i++) {
          str();
          str();
          const kind = buf[pos++];
          if (kind === 0) {
            leb();
            importedFuncs++;
          } else if (kind === 1) {
            pos++;
            const flags = buf[pos++];
            leb();
            if (flags & 1) leb();
          } else if (kind === 2) {
            const flags = buf[pos++];
            leb();
            if (flags & 1) leb();
          } else if (kind === 3) pos += 2;
          else if (kind === 4) {
            pos++;
            leb();
          }
        }
      } else if (id === 10) {
        const count = leb();
        for (let i = 0; i < count; i++) {
          const n = leb();
          bodies.push(n);
          pos += n;
        }
      }
    }
    pos = end;
  }
  const crates = {};
  bodies.forEach((bytes, i) => {
    const crate = crateOf(cleanName(names.get(importedFuncs + i) || ""));
    crates[crate] = (crates[crate] || 0) + bytes;
  });
  const code = bodies.reduce((a, b) => a + b, 0);
  return {
    file: path.relative(ROOT, file),
    sections,
    code_by_crate: Object.entries(crates)
      .map(([crate, bytes]) => ({ crate, bytes, share: bytes / code }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}

function crateOf(name) {
  if (!name) return "(unnamed)";
  let n = name;
  const drop = n.match(/drop_in_place<(.+)>$/);
  if (drop) n = drop[1];
  // `<T as leptos::IntoView>::…` (a blanket impl): the trait's crate.
  const blanket = n.match(/^<([A-Z]|\[T\]|&?str|u8|usize) as ([^<>]+)/);
  if (blanket) n = blanket[2];
  for (let prev = null; prev !== n; ) {
    prev = n;
    n = n.replace(/^(<|&|\*|\s|\(|dyn |impl |mut |const )/, "");
  }
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)(::([A-Za-z_][A-Za-z0-9_]*))?/);
  if (!m) return "(other)";
  if (m[1] === "samverkan" && m[3]) return `samverkan::${m[3]}`;
  if (/^(str|u8|u16|u32|u64|usize|i32|i64|f64|bool|char)$/.test(m[1])) return "core";
  if (/^(__wbg|__wbindgen|__externref)/.test(m[1])) return "wasm_bindgen";
  if (/^(memcpy|memmove|memset|memcmp|__rust|__rdl|__rg)/.test(m[1])) return "compiler_builtins / alloc shims";
  return m[1];
}

// ---------------------------------------------------------------------------
// browser plumbing

async function newPage(browser, baseURL, { routes = {}, storageState } = {}) {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: "sv-SE", storageState });
  context.setDefaultTimeout(180_000);
  await context.addInitScript({ content: PROBE });
  for (const [urlPath, file] of Object.entries(routes)) {
    await context.route(`**${urlPath}`, (route) => route.fulfill({ path: file, contentType: "application/json" }));
  }
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("crash", () => problems.push("the page crashed"));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.location()?.url || "")) problems.push(`console.error: ${m.text().slice(0, 300)}`);
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, problems };
}

/** Waits for the start probe and returns its figures (ms since navigation start). */
async function startFigures(page) {
  await page.waitForFunction(() => window.__bench && window.__bench.start.frame !== undefined, null, {
    timeout: 120_000,
    polling: 50,
  });
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
    const { h1, frame, started } = window.__bench.start;
    return { h1, frame, started, wasm_response_end: wasm ? wasm.responseEnd : null };
  });
}

/**
 * What the app keeps: localStorage (key + value characters; Chromium counts its quota in
 * UTF-16 code units, 2 bytes a character), the app's IndexedDB store (value characters), and
 * the origin's whole usage as the browser estimates it.
 */
async function storedBytes(page) {
  return page.evaluate(async () => {
    const local = { chars: 0, keys: {} };
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const n = k.length + (localStorage.getItem(k) || "").length;
      local.keys[k] = n;
      local.chars += n;
    }
    const indexed = { chars: 0, keys: {} };
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    if (dbs.some((d) => d.name === "samverkan")) {
      await new Promise((resolve) => {
        const open = indexedDB.open("samverkan");
        open.onerror = () => resolve();
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("values")) {
            db.close();
            resolve();
            return;
          }
          const store = db.transaction("values").objectStore("values");
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) {
              db.close();
              resolve();
              return;
            }
            // Text counts in characters, bytes (the data set, stored as UTF-8) in bytes.
            const v = c.value;
            const n = typeof v === "string" ? v.length : ArrayBuffer.isView(v) ? v.byteLength : JSON.stringify(v).length;
            if (ArrayBuffer.isView(v)) indexed.bytes_keys = [...(indexed.bytes_keys || []), String(c.key)];
            indexed.keys[String(c.key)] = n;
            indexed.chars += n;
            c.continue();
          };
          cursor.onerror = () => resolve();
        };
      });
    }
    const estimate = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : {};
    const datasetIn = indexed.keys["samverkan.dataset"] ? "IndexedDB" : local.keys["samverkan.dataset"] ? "localStorage" : null;
    return { dataset_in: datasetIn, local_storage: local, indexed_db: indexed, usage_bytes: estimate.usage ?? null };
  });
}

/** Waits (up to `timeout`) for the IndexedDB write of the data set begun after `since`. */
async function datasetWritten(page, since, timeout = STEP_TIMEOUT) {
  const started = Date.now();
  for (;;) {
    const rec = await page.evaluate(
      (t) => (window.__bench.idb || []).filter((r) => r.key === "samverkan.dataset" && r.start >= t).pop() || null,
      since,
    );
    if (rec && rec.end !== null) return { ...rec, done: rec.end - since };
    if (!rec && Date.now() - started > 15_000) return null; // no write to IndexedDB began
    if (Date.now() - started > timeout) return { ...rec, done: null };
    await sleep(50);
  }
}

async function notices(page) {
  return page.evaluate(() => [...document.querySelectorAll(".notice p, .status-line .error")].map((e) => e.textContent.trim()));
}

/** Arms the DOM watch, runs `action`, and returns the watch result with `t0` = the event time. */
async function timed(page, cond, action, eventType) {
  await page.evaluate(([c, t]) => window.__bench.arm(c, t), [cond, STEP_TIMEOUT]);
  await page.evaluate(() => (window.__bench.ev = {}));
  await action();
  const st = await page.evaluate(() => window.__bench.pending);
  const t0 = await page.evaluate((t) => window.__bench.ev[t], eventType);
  if (st.timeout) {
    const where = await page.evaluate(() => location.pathname + location.search);
    throw new Error(`timed out waiting for ${cond} (at ${where}; ${JSON.stringify(st)})`);
  }
  if (t0 == null) {
    const seen = await page.evaluate(() => ({ at: location.pathname + location.search, ev: window.__bench.ev, focus: document.activeElement?.id || document.activeElement?.tagName }));
    throw new Error(`no ${eventType} event seen (${JSON.stringify(seen)}; ${JSON.stringify(st)})`);
  }
  const steps = st.steps.map(([t, text]) => ({ at: t - t0, text }));
  return { t0, dom: (st.tLast ?? st.tCond) - t0, frame: st.tFrame - t0, cond: st.tCond - t0, mutations: st.mutations, steps };
}

/** Client-side navigation: a link the router intercepts, clicked. */
async function clientNavigate(page, href, cond) {
  await page.evaluate((h) => {
    let a = document.getElementById("bench-link");
    if (!a) {
      a = document.createElement("a");
      a.id = "bench-link";
      a.textContent = "bench";
      a.style.cssText = "position:fixed;left:0;bottom:0;font-size:10px;z-index:9999";
      document.body.appendChild(a);
    }
    a.setAttribute("href", h);
  }, href);
  return timed(page, cond, () => page.click("#bench-link"), "click");
}

const COND = {
  preview: `!!document.querySelector('.import-preview') || !!document.querySelector('.status-line .error')`,
  imported: `[...document.querySelectorAll('.status-line p')].some(e => /Importerat|kunde inte/.test(e.textContent))`,
  h1: (re) => `(() => { const h = document.querySelector('main h1'); return !!h && ${re}.test(h.textContent); })()`,
};

async function throttle(cdp, rate) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

async function gotoExchange(page) {
  if (new URL(page.url()).pathname !== "/utbyte") {
    await clientNavigate(page, "/utbyte", COND.h1("/Utbyte av data/"));
  }
}

/** Chooses `file` in the import field; returns the time to the preview and the preview's summary. */
async function importPreview(page, file) {
  await gotoExchange(page);
  const t = await timed(page, COND.preview, () => page.locator("#importfil").setInputFiles(file), "change");
  const error = await page.locator(".status-line .error").first().textContent({ timeout: 50 }).catch(() => null);
  if (error) throw new Error(`the import was refused: ${error}`);
  const summary = await page.locator(".import-preview").first().innerText();
  const line = (summary.match(/\d+ nya, \d+ ändrade, \d+ borttagna, \d+ med konflikt\./) || [summary.slice(0, 120)])[0];
  return { ...t, summary: line };
}

/** Clicks Importera: the time to “Importerat”, and to the data set's write committed. */
async function importApply(page) {
  const t = await timed(page, COND.imported, () => page.getByRole("button", { name: "Importera", exact: true }).click(), "click");
  const status = (await page.locator(".status-line p").first().textContent()).trim();
  const written = await datasetWritten(page, t.t0);
  return { ...t, status, written: written ? { ok: written.ok, chars: written.chars, done: written.done } : null };
}

/** Imports `file` fully (preview, then Importera) and reports what was stored. */
async function importWhole(page, file) {
  const preview = await importPreview(page, file);
  const apply = await importApply(page);
  await sleep(300);
  return { preview, apply, notices: await notices(page), stored: await storedBytes(page) };
}

// ---------------------------------------------------------------------------
// 2. start to interactive

async function startRuns(browser, baseURL, rates) {
  const out = {};
  for (const rate of rates) {
    const runs = [];
    // One run more than counted: the first start of a browser is slower for reasons that
    // are not the app's (processes and caches of the browser itself warming up).
    for (let i = -1; i < RUNS; i++) {
      const { context, page, cdp, problems } = await newPage(browser, baseURL);
      await throttle(cdp, rate);
      await page.goto("/");
      const fig = await startFigures(page);
      if (problems.length) fig.problems = problems;
      if (i >= 0) runs.push(fig);
      await context.close();
    }
    out[`${rate}x`] = { runs, median_frame: median(runs.map((r) => r.frame)) };
  }
  return out;
}

/**
 * Imports `file` in one profile, then starts the app RUNS times per rate, each in a fresh
 * browser context (fresh process, empty HTTP cache) holding that profile's stored data.
 * (Reloading the same page would reuse the compiled wasm kept in the renderer process.)
 */
async function startWithStored(browser, baseURL, file, rates) {
  const setup = await newPage(browser, baseURL);
  await setup.page.goto("/utbyte");
  await startFigures(setup.page);
  const imported = await importWhole(setup.page, file);
  const storageState = await setup.context.storageState({ indexedDB: true });
  await setup.context.close();
  const out = { file: path.relative(ROOT, file), file_bytes: fs.statSync(file).size, import: imported, problems: setup.problems };
  for (const rate of rates) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page, cdp, problems } = await newPage(browser, baseURL, { storageState });
      await throttle(cdp, rate);
      await page.goto("/");
      const fig = await startFigures(page);
      await throttle(cdp, 1);
      if (problems.length) fig.problems = problems;
      runs.push(fig);
      if (out.meetings_shown === undefined) {
        // What the started app holds: the notices it shows and the meetings it lists.
        out.notices_after_start = await notices(page);
        await clientNavigate(page, "/moten", COND.h1("/Möten och protokoll/"));
        out.meetings_shown = await page.locator("main tbody tr").count();
      }
      await context.close();
    }
    out[`${rate}x`] = { runs, median_frame: median(runs.map((r) => r.frame)) };
  }
  return out;
}

/**
 * Offline start, as on a tablet with no network: in one browser context (one profile) the
 * app is opened while the server runs, so the service worker installs and precaches the
 * build; the archive is imported; then the server is stopped and the context set offline,
 * and the app is opened in a new tab RUNS times per rate. Everything comes from the
 * service worker's cache and IndexedDB (and the browser's code cache of the compiled wasm,
 * as on the tablet after its first start).
 */
async function offlineStart(browser, file, rates) {
  const { server, url } = await startServer(DIST, 0);
  let serverStopped = false;
  const stopServer = async () => {
    if (serverStopped) return;
    serverStopped = true;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  const setup = await newPage(browser, url);
  const { context } = setup;
  try {
    await setup.page.goto("/utbyte");
    await startFigures(setup.page);
    await setup.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const imported = await importWhole(setup.page, file);
    await setup.page.close();
    await stopServer();
    await context.setOffline(true);
    const out = {
      file: path.relative(ROOT, file),
      file_bytes: fs.statSync(file).size,
      import: { status: imported.apply.status, stored: imported.stored },
      problems: setup.problems,
    };
    for (const rate of rates) {
      const runs = [];
      for (let i = -1; i < RUNS; i++) {
        const page = await context.newPage();
        const problems = [];
        page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
        const cdp = await context.newCDPSession(page);
        await throttle(cdp, rate);
        await page.goto(url + "/");
        const fig = await startFigures(page);
        await throttle(cdp, 1);
        fig.controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
        if (problems.length) fig.problems = problems;
        if (i >= 0) runs.push(fig);
        if (out.notices_after_start === undefined) {
          out.notices_after_start = await notices(page);
          await clientNavigate(page, "/moten", COND.h1("/Möten och protokoll/"));
          out.meetings_shown = await page.locator("main tbody tr").count();
        }
        await page.close();
      }
      if (runs.some((r) => !r.controlled)) throw new Error("an offline start was not served by the service worker");
      out[`${rate}x`] = { runs, median_frame: median(runs.map((r) => r.frame)) };
    }
    return out;
  } finally {
    await context.close();
    await stopServer();
  }
}

async function start(browser, baseURL) {
  const out = { measured_to: "main h1 inserted, then the next animation frame (ms after navigation start), cold HTTP cache" };
  out.built_in = await startRuns(browser, baseURL, [1, 4]);
  out.archive = await startWithStored(browser, baseURL, ARCHIVE, [1, 4]);
  if (fs.existsSync(FIT_ARCHIVE)) out.archive_fit = await startWithStored(browser, baseURL, FIT_ARCHIVE, [1, 4]);
  out.offline = await offlineStart(browser, ARCHIVE, [1, 4]);
  return out;
}

// ---------------------------------------------------------------------------
// 3–7. one session per run: import, JSON.parse, memory, search, render, merge

/**
 * Types `query` into the header's search field letter by letter. The app searches on every
 * keystroke (no Enter, no debounce): each keystroke is timed from its keydown to the first
 * frame after the results for the text typed so far were drawn.
 */
async function typeQuery(page, query) {
  const keystrokes = [];
  await page.fill("#sok", "");
  await page.focus("#sok");
  let typed = "";
  for (const ch of query) {
    typed += ch;
    if (!typed.trim()) {
      await page.keyboard.type(ch);
      continue;
    }
    const cond = `location.pathname === '/sok' && new URLSearchParams(location.search).get('q') === ${JSON.stringify(typed)} && !!document.querySelector('main .search-status')`;
    // Timed from the field's `input` event: Playwright types letters outside the US layout
    // (å, ä, ö) as inserted text, with no keydown.
    const t = await timed(page, cond, () => page.keyboard.type(ch), "input");
    const status = await page.locator("main .search-status").first().textContent({ timeout: 100 }).catch(() => "");
    keystrokes.push({ query: typed, frame: t.frame, dom: t.dom, status: status.trim() });
  }
  return keystrokes;
}

/** Only the search: imports the archive, then types the query (BENCH_ONLY=search). */
async function searchOnly(browser, baseURL) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    log(`  search session ${i + 1}/${RUNS}`);
    const { context, page, problems } = await newPage(browser, baseURL);
    await page.goto("/utbyte");
    await startFigures(page);
    await importPreview(page, ARCHIVE);
    await importApply(page);
    await sleep(300);
    runs.push({ search: await typeQuery(page, QUERY), problems });
    await context.close();
  }
  return searchFigures(runs);
}

function searchFigures(runs) {
  const keystrokes = runs.flatMap((r) => r.search.map((k) => k.frame));
  // The app's own work: input → the last DOM change, without the wait for the frame that shows it.
  const work = runs.flatMap((r) => r.search.map((k) => k.dom));
  const perPrefix = runs[0].search.map((k, idx) => ({
    query: k.query,
    status: k.status,
    median: median(runs.map((r) => r.search[idx]?.frame)),
    dom_median: median(runs.map((r) => r.search[idx]?.dom)),
  }));
  return {
    query: QUERY,
    measured: "input event of each letter → first frame after the results for the text typed so far were drawn (the app searches on every keystroke)",
    p50: quantile(keystrokes, 0.5),
    p95: quantile(keystrokes, 0.95),
    max: quantile(keystrokes, 1),
    dom_p50: quantile(work, 0.5),
    dom_p95: quantile(work, 0.95),
    per_prefix: perPrefix,
    // Every keystroke of every run (frame and dom as above), for a closer look.
    keystrokes: runs.map((r) => r.search.map(({ query, frame, dom }) => ({ query, frame, dom }))),
    problems: runs.flatMap((r) => r.problems || []),
  };
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await sleep(100);
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => {
    const mem = window.__bench.wasm && window.__bench.wasm.memory;
    return mem ? mem.buffer.byteLength : null;
  });
  return { js_heap_used: heap.usedSize, js_heap_total: heap.totalSize, wasm_memory: wasm, stored: await storedBytes(page) };
}

async function jsonParse(page, urlPath, times = 3) {
  return page.evaluate(
    async ({ urlPath, times }) => {
      const text = await (await fetch(urlPath)).text();
      const runs = [];
      for (let i = 0; i < times; i++) {
        const t0 = performance.now();
        const v = JSON.parse(text);
        runs.push(performance.now() - t0);
        if (!v.data) throw new Error("unexpected file");
      }
      runs.sort((a, b) => a - b);
      return { median: runs[Math.floor(runs.length / 2)], runs, chars: text.length };
    },
    { urlPath, times },
  );
}

/**
 * The preview's phases from the app's progress line: reading the file (File.text()),
 * "Kontrollerar filen" (parse + envelope checks), "Slår ihop" (merge + integrity check),
 * "Jämför" (the report) and drawing the preview.
 */
function previewSteps(preview) {
  const at = (re) => preview.steps.find((s) => re.test(s.text))?.at ?? null;
  const check = at(/^Kontrollerar/);
  const merge = at(/^Slår ihop/);
  const compare = at(/^Jämför/);
  if (check == null || merge == null || compare == null) return null;
  return { read: check, parse: merge - check, merge: compare - merge, report_and_draw: preview.frame - compare };
}

function longestLongTask(longtasks, from, to) {
  if (!longtasks) return null;
  const inside = longtasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return { longest: inside.reduce((m, t) => Math.max(m, t.duration), 0), count: inside.length, total: inside.reduce((s, t) => s + t.duration, 0) };
}

async function session(browser, baseURL) {
  const { context, page, cdp, problems } = await newPage(browser, baseURL, {
    routes: { "/__bench/archive.json": ARCHIVE },
  });
  const run = {};
  await page.goto("/utbyte");
  await startFigures(page);

  // 3. baseline: JSON.parse of the same bytes in the same page (before the import, so that
  // its garbage does not weigh on the app's figures)
  run.json_parse = await jsonParse(page, "/__bench/archive.json", 5);
  await cdp.send("HeapProfiler.collectGarbage");

  // 3. import
  const preview = await importPreview(page, ARCHIVE);
  const apply = await importApply(page);
  await sleep(300);
  const tasks = await page.evaluate(() => window.__bench.longtasks);
  const persisted = apply.written && apply.written.done != null ? apply.written.done : null;
  const applyEnd = Math.max(apply.frame, persisted ?? 0);
  const endOfApply = apply.t0 + applyEnd;
  run.import = {
    to_preview: preview.frame,
    steps: previewSteps(preview),
    apply: apply.frame,
    written: apply.written,
    persisted,
    total: preview.frame + applyEnd,
    preview_summary: preview.summary,
    status: apply.status,
    notices: await notices(page),
    long_tasks: longestLongTask(tasks, preview.t0, endOfApply),
  };

  // 7. memory (the archive is in the app, whether or not it could be stored)
  run.memory = await memory(page, cdp);

  // 5. search
  run.search = await typeQuery(page, QUERY);

  // 6. render: the meeting list, then its largest protokoll
  await clientNavigate(page, "/", COND.h1("/./"));
  const list = await clientNavigate(page, "/moten", COND.h1("/Möten och protokoll/") + " && document.querySelectorAll('main tbody tr').length > 0");
  const largest = await page.evaluate(() => {
    let best = null;
    for (const tr of document.querySelectorAll("main tbody tr")) {
      const n = Number(tr.children[4]?.textContent);
      const a = tr.querySelector("a");
      if (a && (!best || n > best.paragraphs)) best = { href: a.getAttribute("href"), paragraphs: n };
    }
    return { ...best, meetings: document.querySelectorAll("main tbody tr").length };
  });
  await clientNavigate(page, "/", COND.h1("/./"));
  const protokoll = await clientNavigate(page, largest.href, COND.h1("/Protokoll/") + " && !!document.querySelector('.paragrafer')");
  run.render = { meeting_list: list.frame, meetings: largest.meetings, protokoll: protokoll.frame, protokoll_href: largest.href, protokoll_paragraphs: largest.paragraphs };

  // 4. merge: the concurrent variant into the copy that holds the archive
  const merge = await importPreview(page, CONCURRENT);
  run.merge = { to_preview: merge.frame, steps: previewSteps(merge), preview_summary: merge.summary };

  run.problems = problems;
  await context.close();
  return run;
}

async function importAndMore(browser, baseURL) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    log(`  session ${i + 1}/${RUNS}`);
    runs.push(await session(browser, baseURL));
  }
  const pick = (f) => median(runs.map(f));
  const stepsOf = (get) =>
    Object.fromEntries(["read", "parse", "merge", "report_and_draw"].map((k) => [k, median(runs.map((r) => get(r)?.[k]))]));
  const imp = {
    to_preview: pick((r) => r.import.to_preview),
    steps: stepsOf((r) => r.import.steps),
    apply: pick((r) => r.import.apply),
    persisted: pick((r) => r.import.persisted),
    written_ok: runs.every((r) => r.import.written?.ok),
    total: pick((r) => r.import.total),
    json_parse: pick((r) => r.json_parse.median),
    longest_long_task: pick((r) => r.import.long_tasks?.longest),
    preview_summary: runs[0].import.preview_summary,
    status: runs[0].import.status,
    notices: runs[0].import.notices,
  };
  imp.ratio_total = imp.total / imp.json_parse;
  imp.ratio_preview = imp.to_preview / imp.json_parse;
  return {
    file: path.relative(ROOT, ARCHIVE),
    file_bytes: fs.statSync(ARCHIVE).size,
    import: imp,
    merge: { file: path.relative(ROOT, CONCURRENT), to_preview: pick((r) => r.merge.to_preview), steps: stepsOf((r) => r.merge.steps), preview_summary: runs[0].merge.preview_summary },
    search: searchFigures(runs),
    render: {
      meeting_list: pick((r) => r.render.meeting_list),
      meetings: runs[0].render.meetings,
      protokoll: pick((r) => r.render.protokoll),
      protokoll_href: runs[0].render.protokoll_href,
      protokoll_paragraphs: runs[0].render.protokoll_paragraphs,
    },
    memory: {
      js_heap_used: pick((r) => r.memory.js_heap_used),
      wasm_memory: pick((r) => r.memory.wasm_memory),
      stored: runs[0].memory.stored,
    },
    runs,
  };
}

// ---------------------------------------------------------------------------
// 8. one edit: Spara → the change committed to storage (issue 17)
//
// Every edit is one journal entry, written synchronously to localStorage
// (`samverkan.journal.*`) inside the click on Spara; the data set is only checkpointed to
// IndexedDB (`samverkan.dataset`) after CHECKPOINT_ENTRIES entries, CHECKPOINT_DELAY_MS
// later (src/repo/persist.rs). In one fresh profile per data set and CPU rate, the body
// EDIT_PATH is renamed CHECKPOINT_ENTRIES times; the first EDITS are the figures, the
// rest are made only to see the checkpoint.

const EDITS = Math.max(1, Number(process.env.BENCH_EDITS || 30));
/** The same as CHECKPOINT_AFTER_ENTRIES and CHECKPOINT_DELAY_MS in src/repo/persist.rs. */
const CHECKPOINT_ENTRIES = 50;
const CHECKPOINT_DELAY_MS = 1500;
/** After the import's write has ended: time for its checkpoint (1.5 s later) to be written. */
const IMPORT_SETTLE_MS = 3000;
const EDIT_PATH = "/organ/nb-psb";
const EDIT_NAME = "Politiska samverkansberedningen";
const JOURNAL_PREFIX = "samverkan.journal.";

/** Two animation frames: what the edit set going after its click (effects, drawing) is done. */
async function settleFrames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** The journal entries in localStorage, and every IndexedDB put so far counted by key. */
async function storedJournal(page) {
  return page.evaluate((prefix) => {
    const local = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) local.push(k);
    }
    const puts = {};
    for (const p of window.__bench.idb) puts[p.key] = (puts[p.key] || 0) + 1;
    return { journal_keys_local: local.length, idb_puts: puts, idb_count: window.__bench.idb.length };
  }, JOURNAL_PREFIX);
}

/**
 * One edit of the body's name: Redigera; in the page, the field set (value + `input`
 * event), then t0, Spara's `click()` (dispatched synchronously: the form's submit handler,
 * the edit, its journal entry and the synchronous part of redrawing), t1, and the new
 * `samverkan.journal.*` key looked for at once. Returns t1 − t0, the entry's size and the
 * IndexedDB puts from the opening of the form until the page has settled after the edit.
 */
async function oneEdit(page, name) {
  const idbFrom = await page.evaluate(() => window.__bench.idb.length);
  await page.getByRole("button", { name: "Redigera", exact: true }).first().click();
  const form = page.locator("form.edit-form").first();
  const field = form.getByLabel("Namn", { exact: true });
  await field.waitFor();
  await settleFrames(page);
  const r = await field.evaluate(
    async (input, { name, prefix }) => {
      const B = window.__bench;
      const journalKeys = () => {
        const keys = new Set();
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k.startsWith(prefix)) keys.add(k);
        }
        return keys;
      };
      const button = [...input.form.querySelectorAll("button")].find((b) => b.textContent.trim() === "Spara");
      if (!button) return { error: "no Spara button in the form" };
      input.value = name;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const before = journalKeys();
      const puts = B.idb.length;
      const t0 = performance.now();
      button.click();
      const t1 = performance.now();
      const putsInHandler = B.idb.slice(puts).map((p) => p.key);
      // The click was dispatched from this script: the app's microtasks (the reactive
      // redraw: the form closed, the new name shown) run only after it returns. Also noted:
      // when the form has left the DOM, and the next frame after that.
      const form = input.form;
      const closed = new Promise((resolve) => {
        if (!form.isConnected) return resolve(t1);
        const mo = new MutationObserver(() => {
          if (!form.isConnected) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => {
          mo.disconnect();
          resolve(null);
        }, 120_000);
      });
      const formOpenAtReturn = input.isConnected;
      const utf8 = new TextEncoder();
      const entries = [...journalKeys()]
        .filter((k) => !before.has(k))
        .map((k) => {
          const v = localStorage.getItem(k) || "";
          return { key: k, utf8_bytes: utf8.encode(k).length + utf8.encode(v).length, chars: k.length + v.length, holds_name: v.includes(name) };
        });
      const tClosed = await closed;
      const tFrame = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      return {
        t0,
        t1,
        ms: t1 - t0,
        form_closed_ms: tClosed == null ? null : tClosed - t0,
        frame_ms: tFrame - t0,
        entries,
        puts_in_handler: putsInHandler,
        form_open_at_return: formOpenAtReturn,
      };
    },
    { name, prefix: JOURNAL_PREFIX },
  );
  if (r.error) throw new Error(r.error);
  r.committed_at_return = r.entries.length === 1;
  if (!r.entries.length) {
    // Not in localStorage when the click returned: how long until it is (if ever).
    const waited = await page
      .waitForFunction(
        ({ prefix, name }) => {
          for (let i = 0; i < localStorage.length; i++) {
            const k = localStorage.key(i);
            if (k.startsWith(prefix) && (localStorage.getItem(k) || "").includes(name)) return performance.now();
          }
          return false;
        },
        { prefix: JOURNAL_PREFIX, name },
        { timeout: 10_000, polling: 10 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    r.committed_late_ms = waited == null ? null : waited - r.t0;
  }
  await form.waitFor({ state: "detached" });
  await settleFrames(page);
  await sleep(50);
  const puts = await page.evaluate((from) => window.__bench.idb.slice(from).map((p) => p.key), idbFrom);
  const { t0, t1, ms, form_closed_ms, frame_ms, entries, puts_in_handler, committed_at_return, committed_late_ms, form_open_at_return } = r;
  return {
    ms,
    t0,
    t1,
    committed_at_return,
    committed_late_ms,
    // Whether the form was still in the DOM when the click returned (the redraw comes after).
    form_open_at_return,
    // Spara → the form removed from the DOM (after the app's microtasks), and → the next frame.
    form_closed_ms,
    frame_ms,
    entry: entries[0] || null,
    new_entries: entries.length,
    puts_in_handler,
    // IndexedDB puts from Redigera to the page settled after Spara.
    puts_during_edit: puts,
  };
}

/** A fresh profile with the built-in data or the archive stored, then the edits at `rate`. */
async function editSession(browser, baseURL, { archive, rate }) {
  const { context, page, cdp, problems } = await newPage(browser, baseURL);
  try {
    const out = { data: archive ? path.relative(ROOT, ARCHIVE) : "built-in", rate };
    if (archive) {
      await page.goto("/utbyte");
      await startFigures(page);
      await importPreview(page, ARCHIVE);
      const apply = await importApply(page);
      // The import's own write ended, and its checkpoint (CHECKPOINT_DELAY_MS later) too.
      await page.locator("html:not([data-saving])").waitFor({ state: "attached", timeout: STEP_TIMEOUT });
      await sleep(IMPORT_SETTLE_MS);
      out.import = { status: apply.status, written: apply.written };
      await clientNavigate(page, EDIT_PATH, COND.h1(`/${EDIT_NAME}/`));
    } else {
      await page.goto(EDIT_PATH);
      await startFigures(page);
      await page.locator("html:not([data-saving])").waitFor({ state: "attached", timeout: STEP_TIMEOUT });
      await sleep(500);
    }
    out.before = await storedJournal(page);
    await throttle(cdp, rate);
    const edits = [];
    const total = Math.max(EDITS, CHECKPOINT_ENTRIES);
    for (let i = 1; i <= total; i++) edits.push(await oneEdit(page, `${EDIT_NAME} ${rate}x-${i}`));
    // The checkpoint after the last entry: CHECKPOINT_DELAY_MS, then the data set serialised
    // and written (slow under throttling with the archive). Waited for until it has
    // committed, then a little more to see that no second one follows.
    const last = edits[edits.length - 1];
    const idbFrom = await page.evaluate(() => window.__bench.idb.length);
    await sleep(CHECKPOINT_DELAY_MS);
    await page
      .waitForFunction(
        (from) => window.__bench.idb.slice(from).some((p) => p.key === "samverkan.dataset" && p.end !== null),
        idbFrom,
        { timeout: STEP_TIMEOUT, polling: 50 },
      )
      .catch(() => {});
    await sleep(1000);
    await throttle(cdp, 1);
    const after = await page.evaluate((from) => window.__bench.idb.slice(from), idbFrom);
    const dataset = after.filter((p) => p.key === "samverkan.dataset");
    const tasks = await page.evaluate(() => window.__bench.longtasks);
    const checkpointEnd = dataset[0] && dataset[0].end !== null ? dataset[0].end : null;
    out.after = await storedJournal(page);
    out.checkpoint = {
      after_entries: total,
      dataset_puts: dataset.length,
      puts: after.map((p) => p.key),
      // From the last Spara (its click returned) to the data set's put, and to its commit.
      put_at: dataset[0] ? dataset[0].start - last.t1 : null,
      committed_at: dataset[0] && dataset[0].end !== null ? dataset[0].end - last.t1 : null,
      ok: dataset[0] ? dataset[0].ok : null,
      bytes: dataset[0] ? dataset[0].bytes ?? dataset[0].chars : null,
      // The data set is serialised in one go on the main thread before the put: the long
      // tasks begun after the last edit's redraw (its frame) until the checkpoint committed.
      long_tasks:
        checkpointEnd == null || !tasks
          ? null
          : longestLongTask(
              tasks.filter((t) => t.start >= last.t0 + last.frame_ms),
              last.t0 + last.frame_ms,
              checkpointEnd,
            ),
    };
    const counted = edits.slice(0, EDITS);
    const bytes = counted.map((e) => e.entry?.utf8_bytes).filter((b) => b != null);
    out.edits = counted.length;
    out.p50 = quantile(counted.map((e) => e.ms), 0.5);
    out.p95 = quantile(counted.map((e) => e.ms), 0.95);
    out.max = quantile(counted.map((e) => e.ms), 1);
    out.form_closed_p50 = quantile(counted.map((e) => e.form_closed_ms), 0.5);
    out.form_closed_p95 = quantile(counted.map((e) => e.form_closed_ms), 0.95);
    out.frame_p50 = quantile(counted.map((e) => e.frame_ms), 0.5);
    out.frame_p95 = quantile(counted.map((e) => e.frame_ms), 0.95);
    out.form_open_at_return = counted.filter((e) => e.form_open_at_return).length;
    out.committed_at_return = counted.filter((e) => e.committed_at_return).length;
    out.entry_holds_name = counted.filter((e) => e.entry?.holds_name).length;
    out.bytes = { median: median(bytes), min: quantile(bytes, 0), max: quantile(bytes, 1) };
    out.dataset_puts_in_handler = edits.reduce((n, e) => n + e.puts_in_handler.filter((k) => k === "samverkan.dataset").length, 0);
    out.dataset_puts_during_edits = edits.reduce((n, e) => n + e.puts_during_edit.filter((k) => k === "samverkan.dataset").length, 0);
    out.puts_during_edits = edits.reduce((n, e) => n + e.puts_during_edit.length, 0);
    out.all_edits = edits;
    out.problems = problems;
    return out;
  } finally {
    await context.close();
  }
}

async function editRuns(browser, baseURL) {
  const out = {
    measured:
      `Spara clicked with element.click() inside the page (synchronous dispatch): performance.now() before and after, ` +
      `the new ${JOURNAL_PREFIX}* key in localStorage looked for at once; ${EDITS} edits of the body's name on ${EDIT_PATH}, ` +
      `then more up to ${CHECKPOINT_ENTRIES} to see the checkpoint`,
  };
  for (const [key, archive] of [
    ["built_in", false],
    ["archive", true],
  ]) {
    out[key] = {};
    for (const rate of [1, 4]) {
      log(`  edits with ${archive ? "the archive" : "the built-in data"}, ${rate}× CPU`);
      try {
        out[key][`${rate}x`] = await editSession(browser, baseURL, { archive, rate });
      } catch (err) {
        log(`  FAILED: ${errorText(err)}`);
        out[key][`${rate}x`] = { error: String(err && err.message ? err.message : err) };
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// CPU profile of the import (the build with wasm names when there is one)

function summarizeProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(samples[i]);
    const cf = node.callFrame;
    const isWasm = cf.url.startsWith("wasm://") || /\.wasm$/.test(cf.url);
    const where = cf.url ? (isWasm ? "wasm" : path.basename(new URL(cf.url, "http://x").pathname) || cf.url) : "";
    const key = `${cleanName(cf.functionName) || "(anonymous)"}\u0000${where}`;
    self.set(key, (self.get(key) || 0) + dt);
  }
  const rows = [...self.entries()]
    .map(([k, t]) => {
      const [fn, where] = k.split("\u0000");
      return { function: fn, where, self_ms: t, share: t / total };
    })
    .sort((a, b) => b.self_ms - a.self_ms);
  const groups = {};
  for (const r of rows) {
    const g = groupOf(r);
    groups[g] = (groups[g] || 0) + r.self_ms;
  }
  return {
    total_ms: total,
    top: rows.filter((r) => !META.test(r.function)).slice(0, top),
    groups: Object.entries(groups)
      .map(([group, t]) => ({ group, self_ms: t, share: t / total }))
      .sort((a, b) => b.self_ms - a.self_ms),
  };
}

/** A Rust symbol without crate disambiguators and hash suffix. */
function cleanName(name) {
  return (name || "").replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
}

const META = /^\((idle|program|garbage collector|root)\)$/;

function groupOf({ function: fn, where }) {
  if (META.test(fn)) return fn === "(program)" ? "(program): the browser's own work (style, layout, DOM)" : fn;
  if (where !== "wasm") return where ? `JS: ${where}` : "browser built-ins called from JS";
  const rules = [
    [/serde_json|serde::/, "wasm: serde / serde_json"],
    [/dlmalloc|__rust_(alloc|dealloc|realloc)|^malloc|^free|^realloc|alloc::alloc|alloc::raw_vec/, "wasm: allocator"],
    [/^memcpy|^memmove|^memset|^memcmp|compiler_builtins/, "wasm: memcpy / memcmp"],
    [/samverkan::exchange/, "wasm: samverkan::exchange"],
    [/samverkan::model/, "wasm: samverkan::model"],
    [/samverkan::search/, "wasm: samverkan::search"],
    [/samverkan::/, "wasm: samverkan (other)"],
    [/btree|BTree/, "wasm: BTreeMap/BTreeSet"],
    [/hashbrown|HashMap/, "wasm: HashMap"],
    [/leptos|reactive_graph|tachys|any_spawner/, "wasm: leptos"],
    [/core::fmt|alloc::fmt|<.*as core::fmt/, "wasm: formatting"],
    [/^core::|^alloc::|^<alloc|^<core/, "wasm: core/alloc (other)"],
    [/wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen/, "wasm: wasm-bindgen"],
    [/^\$?func\d+|^wasm-function/, "wasm: unnamed functions"],
  ];
  for (const [re, g] of rules) if (re.test(fn)) return g;
  return "wasm: other";
}

const metricsOf = async (cdp) => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));

/** Profiles `action` (which returns a figure with `frame`) and summarises the profile. */
async function profilePhase(cdp, phase, label, action, { sinceStart = false } = {}) {
  const before = sinceStart ? null : await metricsOf(cdp);
  await cdp.send("Profiler.start");
  const t = await action();
  const { profile } = await cdp.send("Profiler.stop");
  const after = await metricsOf(cdp);
  // Milliseconds of the renderer's main thread by kind (Chromium's cumulative counters;
  // for a start, the counters of the new document are the figures themselves).
  const browser_ms = Object.fromEntries(
    ["ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration"].map((k) => [k, (after[k] - (before ? before[k] : 0)) * 1000]),
  );
  const file = path.join(OUT_DIR, `${phase}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return { label, wall_ms: t.frame, browser_ms, profile_file: path.relative(ROOT, file), ...summarizeProfile(profile) };
}

async function startProfiling(cdp) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
  await cdp.send("Performance.enable");
}

async function profileRun(browser) {
  const dir = fs.existsSync(path.join(NAMES_DIST, "index.html")) ? NAMES_DIST : DIST;
  const { server, url } = await startServer(dir, 0);
  const phases = {};
  const problems = [];
  try {
    // Start with the smaller archive stored (1× CPU, fresh context).
    if (fs.existsSync(FIT_ARCHIVE)) {
      const setup = await newPage(browser, url);
      await setup.page.goto("/utbyte");
      await startFigures(setup.page);
      await importWhole(setup.page, FIT_ARCHIVE);
      const storageState = await setup.context.storageState({ indexedDB: true });
      await setup.context.close();
      const { context, page, cdp, problems: p } = await newPage(browser, url, { storageState });
      await startProfiling(cdp);
      phases["start-fit"] = await profilePhase(
        cdp,
        "start-fit",
        "start with the smaller archive stored, 1× CPU",
        async () => {
          await page.goto("/");
          return startFigures(page);
        },
        { sinceStart: true },
      );
      problems.push(...p);
      await context.close();
    }

    const { context, page, cdp, problems: p } = await newPage(browser, url);
    await page.goto("/utbyte");
    await startFigures(page);
    await startProfiling(cdp);
    const first = [...QUERY][0];
    phases["import-preview"] = await profilePhase(cdp, "import-preview", "import: file chosen → preview", () => importPreview(page, ARCHIVE));
    phases["import-apply"] = await profilePhase(cdp, "import-apply", "import: Importera → done", () => importApply(page));
    await page.fill("#sok", "");
    await page.focus("#sok");
    phases.search = await profilePhase(cdp, "search", `search “${first}” on the archive`, () =>
      timed(page, `new URLSearchParams(location.search).get('q') === ${JSON.stringify(first)}`, () => page.keyboard.type(first), "keydown"),
    );
    await clientNavigate(page, "/", COND.h1("/./"));
    phases["meeting-list"] = await profilePhase(cdp, "meeting-list", "meeting list with the archive", () =>
      clientNavigate(page, "/moten", COND.h1("/Möten och protokoll/")),
    );
    problems.push(...p);
    await context.close();
    return {
      build: path.relative(ROOT, dir),
      names: dir === NAMES_DIST ? "wasm name section kept (wasm-opt -Oz -g of the same wasm-bindgen output)" : "release build: wasm functions are unnamed",
      phases,
      problems,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

// ---------------------------------------------------------------------------
// 6b. diagram layout (native)

function layout() {
  if (!fs.existsSync(rel("examples/layout_bench.rs"))) return { error: "examples/layout_bench.rs is missing" };
  const r = spawnSync("cargo", ["run", "--release", "--quiet", "--example", "layout_bench"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) return { error: `cargo run --example layout_bench failed: ${(r.stderr || "").trim().split("\n").slice(-3).join(" ")}` };
  const m = r.stdout.match(/lay_out over (\d+) runs: median ([\d.]+)(ns|µs|us|ms|s)\b/);
  if (!m) return { error: `unexpected output: ${r.stdout.trim()}` };
  const factor = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1000 }[m[3]];
  return { median_ms: Number(m[2]) * factor, runs: Number(m[1]), output: r.stdout.trim(), where: "native (x86_64 release build), not in the browser" };
}

// ---------------------------------------------------------------------------
// report

function table(results) {
  const m = results.machine;
  const L = [];
  const notes = [];
  const row = (...cells) => L.push(`| ${cells.join(" | ")} |`);
  L.push(
    `Measured ${m.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${(m.ram_bytes / 2 ** 30).toFixed(0)} GiB RAM, ` +
      `${m.chromium} (headless), node ${m.node}; app built from \`${m.build.commit}\`${m.build.built ? ` on ${m.build.built.slice(0, 16).replace("T", " ")} UTC` : ""}. ` +
      `Load average at the start ${m.load_average.join(" / ")}${m.load_average_end ? `, at the end ${m.load_average_end.join(" / ")}` : ""}. ` +
      `Each figure is the median of ${results.runs} runs unless it says otherwise.`,
  );
  if (results.kept) {
    L.push("");
    L.push(
      `This was a partial run (\`BENCH_ONLY=${results.kept.measured.join(",")}\`): ${results.kept.parts.join(", ")} ` +
        `are kept from the run of ${results.kept.date.slice(0, 10)} of \`${results.kept.commit}\` (${results.kept.runs} runs).`,
    );
  }
  L.push("");
  row("#", "what", "figure", "budget", "");
  row("---", "---", "---", "---", "---");
  const b = results.bundle;
  if (b && !b.error) {
    for (const f of b.files.filter((f) => ["wasm", "js"].includes(f.kind))) {
      row("1", `${f.kind} \`${f.file.replace(/-[0-9a-f]{8,16}/, "-…")}\` raw / gzip / brotli`, `${kib(f.raw)} / ${kib(f.gzip)} / ${kib(f.brotli)}`, "", "");
    }
    row("1", "wasm + JS, brotli", kib(b.wasm_plus_js.brotli), "≤ 200 KiB", met(b.met));
    const w = b.wasm_breakdown;
    if (w && !w.error) {
      notes.push(
        `Inside the wasm (\`${w.file}\`): code ${kib(w.sections.code)}, data ${kib(w.sections.data)} (the built-in data set and other constants); ` +
          `code by crate, from the function names: ` +
          w.code_by_crate.slice(0, 10).map((c) => `${c.crate} ${(c.share * 100).toFixed(0)} %`).join(", ") +
          ` (serde derives of the model's types count under samverkan::model).`,
      );
    }
  } else if (b) row("1", "bundle", `error: ${b.error}`, "≤ 200 KiB", "");
  const s = results.start;
  if (s && !s.error) {
    const startCell = (o) => `${ms(o.median_frame)} (wasm loaded at ${ms(median(o.runs.map((r) => r.wasm_response_end)))})`;
    row("2", "cold start → main content, built-in data, 1× CPU", startCell(s.built_in["1x"]), "", "");
    row("2", "cold start → main content, built-in data, 4× CPU", startCell(s.built_in["4x"]), "", "");
    for (const [key, label] of [
      ["archive", "the archive"],
      ["archive_fit", "the smaller archive at scale 0.3"],
    ]) {
      const a = s[key];
      if (!a) continue;
      if (a.error) {
        row("2", `start with ${label}`, `error: ${a.error}`, "", "");
        continue;
      }
      const storedIn = a.import.stored.dataset_in;
      const what = storedIn ? `${mib(a.file_bytes)} file, stored in ${storedIn}` : `${mib(a.file_bytes)} file, **not stored** – starts with the built-in data`;
      const shown = a.meetings_shown;
      row("2", `cold start → main content with ${label} (${what}; ${shown} meeting${shown === 1 ? "" : "s"} listed), 1× CPU`, startCell(a["1x"]), "", "");
      if (!storedIn) {
        const after = a.notices_after_start?.length ? `it said: ${a.notices_after_start.map((n) => `“${n}”`).join(" ")}` : "it showed no notice";
        const kept = { ...a.import.stored.local_storage?.keys, ...a.import.stored.indexed_db?.keys, ...a.import.stored.keys };
        notes.push(
          `The ${label} (${mib(a.file_bytes)}) could not be stored: the save after the import failed and only ` +
            `${Object.keys(kept).map((k) => `\`${k}\``).join(", ")} were kept (${a.import.notices.map((n) => `“${n}”`).join(" ")}). ` +
            `Started again, the app had the built-in data, and ${after}. Its start figures are therefore those of the built-in data in a profile that has imported once.`,
        );
      }
      row("2", `… same, 4× CPU`, startCell(a["4x"]), "", "");
    }
    const off = s.offline;
    if (off && !off.error && off["4x"]) {
      const offCell = (o) => `${ms(o.median_frame)} (started at ${ms(median(o.runs.map((r) => r.started)))})`;
      const shown = off.meetings_shown;
      row("2", `offline start → main content with the archive (server stopped, browser offline; from the service worker's cache and IndexedDB; ${shown} meetings listed), 1× CPU`, offCell(off["1x"]), "", "");
      row("2", "… same, 4× CPU", offCell(off["4x"]), "≤ 1.0 s", met(off["4x"].median_frame <= BUDGET.offlineStart4x));
    } else {
      row("2", "offline start → main content with the archive, 4× CPU", `error: ${off?.error ?? "not measured"}`, "≤ 1.0 s", met(null));
    }
  } else if (s) row("2", "start", `error: ${s.error}`, "", "");
  const i = results.import;
  if (i && !i.error) {
    row("3", `import of \`${path.basename(i.file)}\` (${mib(i.file_bytes)}): file chosen → preview shown`, ms(i.import.to_preview), "", "");
    const stepText = (st) =>
      st && st.parse != null
        ? `read file ${ms(st.read)}, parse + check ${ms(st.parse)}, merge + integrity ${ms(st.merge)}, report + draw ${ms(st.report_and_draw)}`
        : "–";
    row("3", "… of which (from the app's progress line)", stepText(i.import.steps), "", "");
    row("3", "… Importera → “Importerat” shown (data swapped in)", ms(i.import.apply), "", "");
    row(
      "3",
      "… Importera → the data set's IndexedDB write committed",
      i.import.persisted == null ? "– (no IndexedDB write: localStorage)" : `${ms(i.import.persisted)}${i.import.written_ok ? "" : " (a write failed)"}`,
      "",
      "",
    );
    row("3", "… whole import (preview + apply + write)", ms(i.import.total), "", "");
    row("3", "`JSON.parse` of the same text in the same page", ms(i.import.json_parse), "", "");
    row("3", "ratio whole import / `JSON.parse` (preview only)", `${i.import.ratio_total.toFixed(1)}× (${i.import.ratio_preview.toFixed(1)}×)`, "≤ 2×", met(i.import.ratio_total <= BUDGET.importRatio));
    row("3", "longest long task during the import", ms(i.import.longest_long_task), "≤ 200 ms", met(i.import.longest_long_task == null ? null : i.import.longest_long_task <= BUDGET.longTask));
    row("4", `merge: \`${path.basename(i.merge.file)}\` into the copy holding the archive, file chosen → preview (${i.merge.preview_summary})`, ms(i.merge.to_preview), "", "");
    row("4", "… of which", stepText(i.merge.steps), "", "");
    row("5", `search on the archive, per keystroke of “${i.search.query}” (input → results drawn), p50`, ms(i.search.p50), "", "");
    row("5", "… p95", ms(i.search.p95), "≤ 16 ms", met(i.search.p95 <= BUDGET.searchP95));
    row("5", "… of which the app's work (input → DOM updated, before the frame that shows it), p50 / p95", `${ms(i.search.dom_p50)} / ${ms(i.search.dom_p95)}`, "", "");
    row("6", `render of the meeting list (${i.render.meetings} meetings), click → drawn`, ms(i.render.meeting_list), "", "");
    row("6", `render of the largest protokoll (${i.render.protokoll_paragraphs} §, \`${i.render.protokoll_href}\`), click → drawn`, ms(i.render.protokoll), "", "");
  } else if (i) row("3–7", "import session", `error: ${i.error}`, "", "");
  const sr = results.search;
  if (sr && !sr.error) {
    row("5", `search only (\`BENCH_ONLY=search\`), per keystroke of “${sr.query}” (input → results drawn), p50`, ms(sr.p50), "", "");
    row("5", "… p95", ms(sr.p95), "≤ 16 ms", met(sr.p95 <= BUDGET.searchP95));
    row("5", "… of which the app's work (input → DOM updated, before the frame that shows it), p50 / p95", `${ms(sr.dom_p50)} / ${ms(sr.dom_p95)}`, "", "");
  } else if (sr) row("5", "search only", `error: ${sr.error}`, "", "");
  const l = results.layout;
  if (l) row("6", "diagram layout of 200 bodies (`layout_bench`, native)", l.error ? `error: ${l.error}` : ms(l.median_ms), "", "");
  if (i && !i.error) {
    row("7", "JS heap used after the import (after GC)", mib(i.memory.js_heap_used), "", "");
    row("7", "wasm memory after the import", mib(i.memory.wasm_memory), "", "");
    const st = i.memory.stored;
    row(
      "7",
      `stored after the import (data set in ${st.dataset_in || "neither store"})`,
      `IndexedDB ${(st.indexed_db.chars / 1e6).toFixed(2)} M ${st.indexed_db.bytes_keys ? `characters and bytes (as bytes: ${st.indexed_db.bytes_keys.map((k) => `\`${k}\``).join(", ")})` : "characters"}, localStorage ${(st.local_storage.chars / 1e6).toFixed(2)} M characters; ` +
        `browser's estimate of the origin's usage ${mib(st.usage_bytes)}`,
      "",
      "",
    );
  }
  const e = results.edit;
  if (e && !e.error) {
    const sessions = [];
    for (const [key, label] of [
      ["built_in", "the built-in data"],
      ["archive", "the archive"],
    ]) {
      for (const rate of ["1x", "4x"]) {
        const d = e[key]?.[rate];
        const what = `one edit with ${label} stored: Spara → committed (journal entry in localStorage), p50 / p95, ${rate.replace("x", "×")} CPU`;
        if (!d) continue;
        if (d.error) {
          row("8", what, `error: ${d.error}`, "", "");
          continue;
        }
        sessions.push({ label, rate, d });
        const late = d.edits - d.committed_at_return;
        row(
          "8",
          `${what} (${d.edits} edits in one profile${late ? `; **${late} not in localStorage when the click returned**` : ""}); in brackets Spara → the form closed in the DOM (the redraw, after the click returns), p50 / p95`,
          `${ms(d.p50)} / ${ms(d.p95)} (${ms(d.form_closed_p50)} / ${ms(d.form_closed_p95)})`,
          "",
          "",
        );
      }
    }
    const bytesOf = (key) => {
      const d = e[key]?.["1x"];
      return d && !d.error ? `${d.bytes.median} B (${d.bytes.min}–${d.bytes.max})` : "–";
    };
    row("8", "bytes written per edit (the new journal key + value, UTF-8), median (min–max): built-in data / the archive", `${bytesOf("built_in")} / ${bytesOf("archive")}`, "", "");
    if (sessions.length) {
      const during = sessions.reduce((n, s) => n + s.d.dataset_puts_during_edits, 0);
      const edits = sessions.reduce((n, s) => n + s.d.all_edits.length, 0);
      const after = sessions.map((s) => {
        const c = s.d.checkpoint;
        const task = c.long_tasks?.count ? `longest task ${ms(c.long_tasks.longest)}` : "no long task";
        const more = c.committed_at != null ? `, ${mib(c.bytes)}, committed ${ms(c.committed_at)} after the last Spara, ${task}` : "";
        return `${c.dataset_puts} (${s.label === "the archive" ? "archive" : "built-in"} ${s.rate.replace("x", "×")}${more})`;
      });
      row(
        "8",
        `IndexedDB writes of the data set (\`samverkan.dataset\`): during ${edits} edits in ${sessions.length} profiles / after the ${CHECKPOINT_ENTRIES}th entry (the checkpoint)`,
        `${during} / ${after.join(", ")}`,
        "",
        "",
      );
    }
  } else if (e) row("8", "edits", `error: ${e.error}`, "", "");
  L.push("");
  for (const n of notes) L.push(n, "");
  if (i && !i.error) {
    L.push(`Search per prefix (median over runs; to the frame, and in brackets to the DOM updated): ${i.search.per_prefix.map((p) => `“${p.query}” ${ms(p.median)} [${ms(p.dom_median)}] (${p.status || "?"})`).join("; ")}.`);
    L.push("");
    if (i.import.notices?.length) {
      L.push(`After the import of the archive the app said: ${i.import.notices.map((n) => `“${n}”`).join(" ")}`);
      L.push("");
    }
  }
  const p = results.profile;
  if (p && !p.error) {
    L.push(`CPU profiles of one run (${p.names}; \`${p.build}\`; files in \`target/bench/*.cpuprofile\`, open them in DevTools), share of self time by group and the top functions:`);
    L.push("");
    for (const ph of Object.values(p.phases)) {
      const bm = ph.browser_ms;
      L.push(
        `- ${ph.label}: ${ms(ph.wall_ms)}; main thread: script ${ms(bm.ScriptDuration)}, style ${ms(bm.RecalcStyleDuration)}, layout ${ms(bm.LayoutDuration)}. Self time: ` +
          ph.groups.filter((g) => g.share >= 0.01).slice(0, 8).map((g) => `${g.group} ${(g.share * 100).toFixed(0)} %`).join(", "),
      );
      L.push(`  - top functions: ` + ph.top.slice(0, 8).map((t) => `\`${t.function.slice(0, 100)}\` ${(t.share * 100).toFixed(0)} %`).join(", "));
    }
    L.push("");
  } else if (p) {
    L.push(`CPU profile: error: ${p.error}`);
    L.push("");
  }
  return L.join("\n");
}

const BEGIN = "<!-- bench:begin (written by scripts/bench.sh; edits between the markers are lost) -->";
const END = "<!-- bench:end -->";

function writeMarkdown(md) {
  const file = rel("BENCHMARKS.md");
  const block = `${BEGIN}\n${md}\n${END}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n\n";
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
}

// ---------------------------------------------------------------------------

async function main() {
  if (process.env.BENCH_ONLY === "report") {
    // Only write the table again from the last results.
    const results = JSON.parse(fs.readFileSync(path.join(OUT_DIR, "results.json"), "utf8"));
    const md = table(results);
    console.log(`\n${md}\n`);
    if (process.env.BENCH_NO_MD !== "1") writeMarkdown(md);
    return;
  }
  for (const f of [path.join(DIST, "index.html"), ARCHIVE, CONCURRENT]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run scripts/bench.sh`);
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const { server, url } = await startServer(DIST, 0);
  const stop = async () => {
    await browser.close().catch(() => {});
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  process.once("SIGINT", () => stop().then(() => process.exit(130)));
  process.once("SIGTERM", () => stop().then(() => process.exit(143)));

  const results = { machine: machine(`Chromium ${browser.version()}`), runs: RUNS, budgets: BUDGET };
  try {
    await part(results, "bundle", () => bundle());
    await part(results, "start", () => start(browser, url));
    await part(results, "import", () => importAndMore(browser, url));
    // Only when asked for: "import" measures the search too.
    if (ONLY && ONLY.has("search")) await part(results, "search", () => searchOnly(browser, url));
    await part(results, "edit", () => editRuns(browser, url));
    await part(results, "profile", () => profileRun(browser));
    await part(results, "layout", () => layout());
  } finally {
    await stop();
  }
  results.machine.load_average_end = os.loadavg().map((x) => Number(x.toFixed(2)));

  const out = path.join(OUT_DIR, "results.json");
  if (ONLY && fs.existsSync(out)) {
    // A partial run keeps the other parts of the last full one.
    const previous = JSON.parse(fs.readFileSync(out, "utf8"));
    const from = previous.kept || { commit: previous.machine.build.commit, date: previous.machine.date, runs: previous.runs, parts: [] };
    const kept = [];
    for (const [k, v] of Object.entries(previous)) {
      if (!(k in results) && k !== "kept") {
        results[k] = v;
        kept.push(k);
      }
    }
    // Where the kept parts come from: the last full run, also after several partial ones.
    results.kept = { ...from, parts: kept, measured: [...ONLY] };
  }
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
  const md = table(results);
  console.log(`\n${md}\n`);
  log(`wrote ${path.relative(ROOT, out)}`);
  if (process.env.BENCH_NO_MD !== "1") {
    writeMarkdown(md);
    log("updated BENCHMARKS.md");
  }
}

main().catch((err) => {
  console.error(errorText(err));
  process.exit(1);
});
