// scripts/static-server.mjs without a browser: the headers README.md's "Serving it" asks of a
// host (CSP as a header with frame-ancestors, caching, MIME types, nosniff).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../../scripts/static-server.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; object-src 'none'";
const HTML = `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="${POLICY}" />
</head><body></body></html>`;

async function withServer(run) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samverkan-serve-"));
  fs.writeFileSync(path.join(dir, "index.html"), HTML);
  fs.writeFileSync(path.join(dir, "sw.js"), "// worker");
  fs.writeFileSync(path.join(dir, "samverkan-61d98ed4daa5b954_bg.wasm"), "\0asm");
  fs.writeFileSync(path.join(dir, "main-114625cb095b0578.css"), "body{}");
  fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  const { server, url } = await startServer(dir, 0);
  try {
    await run(url);
  } finally {
    server.close();
    server.closeAllConnections();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("index.html, also for a deep link, carries the CSP as a header with frame-ancestors 'none'", async () => {
  await withServer(async (url) => {
    for (const at of ["/", "/index.html", "/organ/nb-psb"]) {
      const res = await fetch(url + at);
      assert.equal(res.status, 200, at);
      assert.equal(res.headers.get("content-security-policy"), `${POLICY}; frame-ancestors 'none'`, at);
      assert.equal(res.headers.get("cache-control"), "no-cache", at);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", at);
    }
  });
});

test("sw.js is never cached, hashed files for a year, the wasm as application/wasm", async () => {
  await withServer(async (url) => {
    const sw = await fetch(`${url}/sw.js`);
    assert.equal(sw.headers.get("cache-control"), "no-cache");
    assert.equal(sw.headers.get("content-security-policy"), null);
    const wasm = await fetch(`${url}/samverkan-61d98ed4daa5b954_bg.wasm`);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    assert.equal(wasm.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const css = await fetch(`${url}/main-114625cb095b0578.css`);
    assert.equal(css.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const icon = await fetch(`${url}/favicon.svg`);
    assert.equal(icon.headers.get("cache-control"), null);
  });
});
