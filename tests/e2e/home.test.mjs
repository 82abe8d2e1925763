// The start page, the layout on a tablet, and unknown routes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectText, assertNoHorizontalScroll } from "./harness.mjs";

const app = useApp();

test("/ shows a heading, the search field and both counties", async () => {
  const page = await app.openPage("/");
  assert.ok(await page.locator("h1").first().isVisible(), "an h1 is visible");
  await page.locator("header input[type=search]").first().waitFor({ state: "visible" });
  await expectText(page, "Norrbotten");
  await expectText(page, "Västerbotten");
});

for (const viewport of [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
]) {
  test(`/ has no horizontal scrolling at ${viewport.width}×${viewport.height}`, async () => {
    const page = await app.openPage("/", { viewport });
    await expectText(page, "Västerbotten");
    await assertNoHorizontalScroll(page);
  });
}

test("an unknown route shows “Sidan finns inte”", async () => {
  const page = await app.openPage("/finns-inte", { waitForH1: false });
  await expectText(page, "Sidan finns inte");
});
