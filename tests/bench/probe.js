// Injected into every page of the benchmark before the app's own scripts
// (context.addInitScript). Plain script, no imports: it runs in the page.
//
// window.__bench holds:
//   start      – when the app's main content first appeared (performance.now(), i.e. ms
//                since navigation start): `h1` when `main h1` was inserted, `frame` at the
//                next animation frame (the first frame that can show it), `started` when
//                trunk's bootstrap fired TrunkApplicationStarted (wasm instantiated, app mounted);
//   wasm       – the wasm module's exports (for `memory`), from that event;
//   ev         – the time of the last change / click / keydown / input event (capture phase on
//                window, so before the app's handlers);
//   longtasks  – every long task of the page (PerformanceObserver 'longtask');
//   idb        – every IndexedDB put: key, characters (text) or bytes (binary values), start,
//                end (transaction complete);
//   arm(cond)  – watches the DOM from now on; `await __bench.pending` resolves when `cond`
//                (an expression) has become true and the DOM has then been quiet for three
//                animation frames, with tCond (first mutation batch where cond was true),
//                tLast (last mutation, null if none) and tFrame (first animation frame
//                after tLast, or where cond was first seen true if nothing changed), and
//                steps: [time, text] of each new text of the app's progress line.
(() => {
  if (window.__bench) return;
  const B = (window.__bench = { ev: {}, longtasks: [], wasm: null, start: {}, pending: null });

  for (const type of ["change", "click", "keydown", "input"]) {
    addEventListener(type, () => (B.ev[type] = performance.now()), true);
  }
  addEventListener(
    "TrunkApplicationStarted",
    (e) => {
      B.start.started = performance.now();
      B.wasm = e.detail && e.detail.wasm;
    },
    { once: true },
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (_) {
    B.longtasks = null; // not supported
  }

  // Writes to IndexedDB: when each put started and when its transaction completed.
  B.idb = [];
  if (window.IDBObjectStore) {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      const bytes = ArrayBuffer.isView(value) || value instanceof ArrayBuffer ? value.byteLength : null;
      const rec = { key: String(key), chars: typeof value === "string" ? value.length : null, bytes, start: performance.now(), end: null, ok: null };
      B.idb.push(rec);
      const done = (ok) => () => {
        if (rec.end === null) {
          rec.end = performance.now();
          rec.ok = ok;
        }
      };
      this.transaction.addEventListener("complete", done(true));
      this.transaction.addEventListener("abort", done(false));
      this.transaction.addEventListener("error", done(false));
      return put.apply(this, arguments);
    };
  }

  // Start: the first time `main h1` exists, and the next frame.
  const seen = () => {
    if (B.start.h1 !== undefined) return true;
    if (!document.querySelector("main h1")) return false;
    B.start.h1 = performance.now();
    requestAnimationFrame(() => (B.start.frame = performance.now()));
    return true;
  };
  const startObserver = new MutationObserver(() => {
    if (seen()) startObserver.disconnect();
  });
  startObserver.observe(document, { childList: true, subtree: true });

  B.arm = (condSource, timeoutMs = 180000) => {
    const cond = new Function(`return (${condSource});`);
    const st = { tArm: performance.now(), tCond: null, tLast: null, tFrame: null, timeout: false };
    st.mutations = 0;
    // The steps a long piece of work reports in the app's progress line (`.progress`).
    st.steps = [];
    const mo = new MutationObserver((records) => {
      const now = performance.now();
      st.tLast = now;
      const progress = document.querySelector(".progress");
      const text = progress ? progress.textContent.trim() : null;
      if (text && (!st.steps.length || st.steps[st.steps.length - 1][1] !== text)) st.steps.push([now, text]);
      st.mutations += records.length;
      const r = records[records.length - 1];
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      st.lastRecord = `${r.type} ${r.attributeName || ""} on ${t && t.tagName}.${t && t.className} #${t && t.id}`;
      if (st.tCond === null && cond()) st.tCond = now;
    });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    B.pending = new Promise((resolve) => {
      let quiet = 0;
      let lastSeen = null;
      const frame = () => {
        const now = performance.now();
        if (st.tLast !== lastSeen) {
          lastSeen = st.tLast;
          st.tFrame = now;
          quiet = 0;
        } else if (st.tCond !== null) {
          quiet += 1;
        }
        // The condition can turn true without a mutation at that moment (the address
        // changes after the DOM did), or with none at all (a search whose results are the
        // same as before: the view is rebuilt without touching the DOM).
        if (st.tCond === null && cond()) {
          st.tCond = st.tLast !== null ? st.tLast : now;
          if (st.tFrame === null) st.tFrame = now;
        }
        if (st.tCond !== null && quiet >= 3) {
          mo.disconnect();
          resolve(st);
          return;
        }
        if (now - st.tArm > timeoutMs) {
          mo.disconnect();
          st.timeout = true;
          resolve(st);
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    return true;
  };
})();
