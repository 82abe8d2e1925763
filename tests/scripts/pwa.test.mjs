// scripts/pwa.mjs without a browser: the precache list, its version, the CSP hashes, and the
// check that scripts/test.sh runs on dist/.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  applyCsp,
  build,
  check,
  cspOf,
  inlineScripts,
  integrity,
  listFiles,
  precacheManifest,
  readPrecache,
  serviceWorkerSource,
  withScriptHashes,
} from "../../scripts/pwa.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const LOADER = "\nimport init from '/app-1.js';\nawait init();\n";
const HTML = `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="${POLICY}" />
<script type="module">${LOADER}</script>
<script src="/register-2.js" type="module"></script>
</head><body></body></html>`;

const sha256 = (text) => `sha256-${crypto.createHash("sha256").update(text).digest("base64")}`;

function tempBuild(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-pwa-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

test("integrity is the SRI form of sha256", () => {
  assert.equal(integrity(Buffer.from("abc")), "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
});

test("the precache list names every file but sw.js, sorted, and its version follows the bytes", () => {
  const files = {
    "/index.html": Buffer.from("<html>"),
    "/sw.js": Buffer.from("old worker"),
    "/app-1_bg.wasm": Buffer.from([0, 97, 115, 109]),
    "/icons/icon-192.png": Buffer.from("png"),
  };
  const m = precacheManifest(files);
  assert.deepEqual(
    m.entries.map((e) => e.url),
    ["/app-1_bg.wasm", "/icons/icon-192.png", "/index.html"],
  );
  assert.match(m.version, /^[0-9a-f]{16}$/);
  assert.equal(precacheManifest({ ...files, "/sw.js": Buffer.from("new worker") }).version, m.version, "sw.js is not part of the version");
  assert.notEqual(precacheManifest({ ...files, "/index.html": Buffer.from("<html> ") }).version, m.version);
  assert.notEqual(precacheManifest({ ...files, "/extra.txt": Buffer.from("") }).version, m.version);
  assert.notEqual(precacheManifest(files, "changed worker code").version, m.version, "a new worker is a new version");
});

test("the generated worker's list reads back as written", () => {
  const m = precacheManifest({ "/a.js": Buffer.from("a"), "/index.html": Buffer.from("b") });
  const source = serviceWorkerSource(m, "self.addEventListener('fetch', () => {});\n");
  assert.deepEqual(readPrecache(source), m);
  assert.ok(source.endsWith("self.addEventListener('fetch', () => {});\n"));
  assert.throws(() => readPrecache("self.addEventListener('fetch', () => {});"), /no generated precache list/);
});

test("inline scripts are found; scripts with src are not", () => {
  assert.deepEqual(inlineScripts(HTML), [LOADER]);
});

test("the CSP gets exactly the inline scripts' hashes, also when run twice", () => {
  const once = applyCsp(HTML);
  assert.equal(
    cspOf(once),
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${sha256(LOADER)}'; style-src 'self'`,
  );
  assert.equal(applyCsp(once), once, "idempotent");
  const changed = once.replace("await init();", "await init(); // v2");
  assert.equal(
    cspOf(applyCsp(changed)),
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${sha256(LOADER.replace("await init();", "await init(); // v2"))}'; style-src 'self'`,
    "an old hash is replaced, not kept",
  );
  assert.throws(() => withScriptHashes("default-src 'self'", []), /no script-src/);
  assert.throws(() => applyCsp("<html><head></head></html>"), /no <meta http-equiv="Content-Security-Policy">/);
});

test("build writes sw.js and the CSP; check passes, and fails on any difference from the files", () => {
  const dir = tempBuild({
    "index.html": HTML,
    "app-1.js": "export default async function init() {}",
    "icons/icon-192.png": "png",
  });
  try {
    const { entries } = build(dir);
    assert.deepEqual(listFiles(dir), ["/app-1.js", "/icons/icon-192.png", "/index.html", "/sw.js"]);
    assert.deepEqual(entries.map((e) => e.url), ["/app-1.js", "/icons/icon-192.png", "/index.html"]);
    assert.deepEqual(check(dir), []);

    fs.writeFileSync(path.join(dir, "late.txt"), "added after the build");
    assert.deepEqual(check(dir).filter((p) => p.startsWith("not in")), ["not in the precache list: /late.txt"]);
    fs.rmSync(path.join(dir, "late.txt"));

    fs.writeFileSync(path.join(dir, "icons/icon-192.png"), "changed");
    assert.ok(check(dir).includes("stale hash for /icons/icon-192.png"));
    build(dir); // a redeploy
    assert.deepEqual(check(dir), []);

    fs.rmSync(path.join(dir, "app-1.js"));
    assert.ok(check(dir).includes("listed but not built: /app-1.js"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
