#!/usr/bin/env node
// A tiny static file server for the built app (no dependencies).
//
//   node scripts/static-server.mjs <dir> [port]        (port 0 = any free port)
//
// - Serves <dir> on 127.0.0.1 with correct MIME types (application/wasm for .wasm).
// - A path without a file extension that names no file gets index.html, so deep
//   links such as /organ/nb-psb survive a reload (the router runs in the browser).
// - A missing file with an extension is a 404.
// - index.html, sw.js and manifest.webmanifest (the files without a content hash that say
//   what the current build is) are sent with Cache-Control: no-cache, so updates are seen;
//   files with a content hash in their name are cached for a year.
// - index.html is sent with the policy of its CSP <meta> as a Content-Security-Policy header,
//   plus frame-ancestors 'none' (which only works as a header): the headers README.md's
//   "Serving it" asks of a host, so the tests run under them.
//
// Also importable: `startServer(dir, port) -> Promise<{ server, url, port }>`.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cspOf } from "./pwa.mjs";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ics": "text/calendar; charset=utf-8",
};
const NO_CACHE = new Set(["index.html", "sw.js", "manifest.webmanifest"]);
// trunk's content hash: `samverkan-61d98ed4daa5b954_bg.wasm`, `main-114625cb095b0578.css`.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

/** The CSP header for an index.html: its <meta> policy and frame-ancestors 'none'. */
function cspHeader(file) {
  let policy = null;
  try {
    policy = cspOf(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  return policy === null ? null : `${policy.replace(/;\s*$/, "")}; frame-ancestors 'none'`;
}

function send(res, status, headers, body, method) {
  res.writeHead(status, headers);
  if (method === "HEAD") res.end();
  else res.end(body);
}

function statFile(p) {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

export function createHandler(rootDir) {
  const root = path.resolve(rootDir);
  const indexPath = path.join(root, "index.html");

  return (req, res) => {
    const method = req.method || "GET";
    if (method !== "GET" && method !== "HEAD") {
      send(res, 405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }, "Method Not Allowed\n", method);
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      send(res, 400, { "Content-Type": "text/plain" }, "Bad Request\n", method);
      return;
    }
    // Resolve inside root only (no ../ escapes, no NUL bytes).
    const filePath = path.resolve(root, "." + path.posix.normalize("/" + pathname));
    if (pathname.includes("\0") || (filePath !== root && !filePath.startsWith(root + path.sep))) {
      send(res, 403, { "Content-Type": "text/plain" }, "Forbidden\n", method);
      return;
    }

    let target = null;
    let st = statFile(filePath);
    if (st) {
      target = filePath;
    } else {
      const dirIndex = path.join(filePath, "index.html");
      st = statFile(dirIndex);
      if (st) {
        target = dirIndex;
      } else if (path.extname(pathname) === "") {
        // Client-side route (deep link): the app's index.html.
        st = statFile(indexPath);
        if (st) target = indexPath;
      }
    }

    if (!target) {
      send(res, 404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" }, `Not Found: ${pathname}\n`, method);
      return;
    }

    const base = path.basename(target);
    const headers = {
      "Content-Type": MIME[path.extname(target).toLowerCase()] || "application/octet-stream",
      "Content-Length": st.size,
      "X-Content-Type-Options": "nosniff",
    };
    if (NO_CACHE.has(base)) headers["Cache-Control"] = "no-cache";
    else if (HASHED.test(base)) headers["Cache-Control"] = "public, max-age=31536000, immutable";
    if (base === "index.html") {
      const csp = cspHeader(target);
      if (csp) headers["Content-Security-Policy"] = csp;
    }
    if (base === "sw.js") headers["Service-Worker-Allowed"] = "/";

    res.writeHead(200, headers);
    if (method === "HEAD") {
      res.end();
      return;
    }
    const stream = fs.createReadStream(target);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  };
}

export function startServer(dir, port = 0, host = "127.0.0.1") {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, "index.html"))) {
    return Promise.reject(new Error(`${root}/index.html not found — build the app first (trunk build --release --offline, or scripts/serve.sh).`));
  }
  const server = http.createServer(createHandler(root));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://${host}:${actual}` });
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [dir, portArg] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/static-server.mjs <dir> [port]");
    process.exit(2);
  }
  const port = portArg === undefined ? 8080 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${portArg}`);
    process.exit(2);
  }
  startServer(dir, port).then(
    ({ server, url }) => {
      console.log(`Serving ${path.resolve(dir)} on ${url}/  (Ctrl+C to stop)`);
      const stop = () => {
        server.close(() => process.exit(0));
        server.closeAllConnections();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (err) => {
      console.error(`static-server: ${err.message}`);
      process.exit(1);
    },
  );
}
