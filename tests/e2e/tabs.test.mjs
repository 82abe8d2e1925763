// Two tabs of one browser profile: a change in one shows in the other, and
// changes saved in both — one after the other or at the same moment — are
// all kept (neither tab overwrites the other's edit).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectH1, expectText, waitForApp, h1Text } from "./harness.mjs";

const app = useApp();
const PATH = "/organ/nb-psb";

async function secondTab(page) {
  const other = await page.context().newPage();
  other.on("pageerror", (err) => {
    throw err;
  });
  await other.goto(PATH);
  await waitForApp(other);
  return other;
}

async function saved(page) {
  await page.locator("html:not([data-saving])").waitFor({ state: "attached" });
}

async function openEditor(page) {
  await page.getByRole("button", { name: "Redigera", exact: true }).click();
  return page.locator("form.edit-form").first();
}

test("an edit in one tab appears in the other, and the other's next edit keeps it", async () => {
  const a = await app.openPage(PATH);
  const b = await secondTab(a);
  await expectH1(b, "Politiska samverkansberedningen");

  const formA = await openEditor(a);
  await formA.getByLabel("Namn", { exact: true }).fill("PSB flik A");
  await formA.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(a, "PSB flik A");
  // Tab B hears of the save and takes the change in without a reload.
  await expectH1(b, "PSB flik A");

  const formB = await openEditor(b);
  await formB.getByLabel("Kortnamn", { exact: true }).fill("FLIKB");
  await formB.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(b, "PSB flik A (FLIKB)");
  await expectH1(a, "PSB flik A (FLIKB)");

  await saved(a);
  await saved(b);
  await a.reload();
  await waitForApp(a);
  await expectH1(a, "PSB flik A (FLIKB)");
});

test("saves made at the same moment in two tabs are both kept", async () => {
  const a = await app.openPage(PATH);
  const b = await secondTab(a);
  const formA = await openEditor(a);
  const formB = await openEditor(b);
  await formA.getByLabel("Namn", { exact: true }).fill("Samtidigt namn");
  await formB.getByLabel("Kortnamn", { exact: true }).fill("SAMT");
  // Both saves start before either tab has heard of the other's.
  await Promise.all([
    formA.getByRole("button", { name: "Spara", exact: true }).click(),
    formB.getByRole("button", { name: "Spara", exact: true }).click(),
  ]);
  await saved(a);
  await saved(b);

  const fresh = await a.context().newPage();
  await fresh.goto(PATH);
  await waitForApp(fresh);
  await expectH1(fresh, "Samtidigt namn (SAMT)");
  // The tabs converge on the stored data too.
  await expectH1(a, "Samtidigt namn (SAMT)");
  await expectH1(b, "Samtidigt namn (SAMT)");
  assert.equal(await h1Text(a), await h1Text(b));
  // And the history of the record holds both edits.
  await fresh.locator(".record-history summary").click();
  await expectText(fresh.locator(".record-history"), "Samtidigt namn");
  await expectText(fresh.locator(".record-history"), "SAMT");
});

test("a form open in one tab keeps what is typed while the other tab saves", async () => {
  const a = await app.openPage(PATH);
  const b = await secondTab(a);
  const formB = await openEditor(b);
  await formB.getByLabel("Kortnamn", { exact: true }).fill("HÅLL");

  const formA = await openEditor(a);
  await formA.getByLabel("Namn", { exact: true }).fill("Namn från flik A");
  await formA.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(a, "Namn från flik A");
  await saved(a);

  // Tab B heard of the save but keeps its form and what was typed in it,
  // and says that the other tab's change waits.
  await expectText(formB.locator(".form-note"), "annan flik");
  assert.equal(await formB.getByLabel("Kortnamn", { exact: true }).inputValue(), "HÅLL");
  await expectH1(b, "Politiska samverkansberedningen");

  // Saving B writes only the field B changed: A's name is kept.
  await formB.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(b, "Namn från flik A (HÅLL)");
  await expectH1(a, "Namn från flik A (HÅLL)");
});
