// Every page kind renders from the built-in data, and deep links survive a reload.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectText, expectH1, expectCount, h1Text, norm, waitForApp } from "./harness.mjs";

const app = useApp();

// What each page must show; used both on first load and after a reload.
const PAGES = {
  "/organ": async (page) => {
    await expectText(page, "Politiska samverkansberedningen");
    await expectText(page, "Länssamverkansgruppen");
  },
  "/organ/nb-psb": async (page) => {
    await expectH1(page, "Politiska samverkansberedningen");
    const uppdrag = page.locator("section#uppdrag");
    await expectText(uppdrag.locator("h2, h3, h4"), "Uppdrag");
    await expectCount(uppdrag.locator("li"), 9);
  },
  "/organ/vb-lsg": async (page) => {
    await expectH1(page, "Länssamverkansgruppen");
  },
  "/overenskommelser": async (page) => {
    await page.locator('a[href="/overenskommelser/nb-overenskommelse-2016"]').first().waitFor();
    await page.locator('a[href^="/overenskommelser/vb-"]').first().waitFor();
  },
  "/overenskommelser/nb-overenskommelse-2016": async (page) => {
    await expectText(page, "Ikraftträdande");
    await expectText(page, "sex månader");
  },
  "/moten": async (page) => {
    await page.locator('a[href^="/moten/nb-psb-2021-protokoll"]').first().waitFor();
    await expectText(page, "2021");
  },
  "/moten/nb-psb-2021-protokoll": async (page) => {
    for (const heading of ["Beslutande", "Övriga deltagare", "Underskrifter", "Dagordning"]) {
      await expectText(page, heading);
    }
    const paragraphs = page.locator("article.paragraf");
    await expectCount(paragraphs, 13);
    assert.match(norm(await paragraphs.nth(12).innerText()), /§ 13\b/);
  },
  "/personer": async (page) => {
    await expectText(page, "Linda Frohm");
  },
  "/personer/p-linda-frohm": async (page) => {
    await expectH1(page, "Linda Frohm");
  },
};

test("/organ lists the bodies of both counties", async () => {
  await PAGES["/organ"](await app.openPage("/organ"));
});

test("/organ/nb-psb shows the body and its 9 mandate items", async () => {
  await PAGES["/organ/nb-psb"](await app.openPage("/organ/nb-psb"));
});

test("/organ/vb-lsg shows Länssamverkansgruppen", async () => {
  await PAGES["/organ/vb-lsg"](await app.openPage("/organ/vb-lsg"));
});

test("/overenskommelser lists both agreements", async () => {
  await PAGES["/overenskommelser"](await app.openPage("/overenskommelser"));
});

test("/overenskommelser/nb-overenskommelse-2016 shows entry into force and notice period", async () => {
  await PAGES["/overenskommelser/nb-overenskommelse-2016"](await app.openPage("/overenskommelser/nb-overenskommelse-2016"));
});

test("/moten lists the 2021 meeting", async () => {
  await PAGES["/moten"](await app.openPage("/moten"));
});

test("/moten/nb-psb-2021-protokoll is laid out as minutes with § 1–13", async () => {
  await PAGES["/moten/nb-psb-2021-protokoll"](await app.openPage("/moten/nb-psb-2021-protokoll"));
});

test("/personer lists Linda Frohm", async () => {
  await PAGES["/personer"](await app.openPage("/personer"));
});

test("/personer/p-linda-frohm shows the person", async () => {
  await PAGES["/personer/p-linda-frohm"](await app.openPage("/personer/p-linda-frohm"));
});

describe("deep links survive a reload", () => {
  for (const [url, check] of Object.entries(PAGES)) {
    test(url, async () => {
      const page = await app.openPage(url);
      await check(page);
      const before = await h1Text(page);
      await page.reload();
      await waitForApp(page);
      await check(page);
      assert.equal(await h1Text(page), before, `h1 after reloading ${url}`);
      assert.equal(new URL(page.url()).pathname, url);
    });
  }
});
