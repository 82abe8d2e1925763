// The edit forms of people, organisations and agreements: create, change, see the history,
// delete; sections edited in place; a refused save keeps the input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useApp, expectCount, expectH1, expectText, norm } from "./harness.mjs";

const app = useApp();

async function waitForPath(page, pattern) {
  await page.waitForURL((url) => pattern.test(url.pathname));
}

test("a new person is created, renamed with a history entry, and deleted", async () => {
  const page = await app.openPage("/personer");
  await page.getByRole("button", { name: "Ny person", exact: true }).click();
  await page.locator("#person-namn").fill("Testa Testsson");
  await page.locator("#person-parti").fill("S");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await waitForPath(page, /^\/personer\/person-/);
  await expectH1(page, "Testa Testsson");
  await expectText(page.locator(".facts"), "S");

  await page.getByRole("button", { name: "Redigera", exact: true }).click();
  assert.equal(await page.locator("#person-parti").inputValue(), "S", "the form shows the stored party");
  await page.locator("#person-namn").fill("Testa Testsson-Nyman");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectH1(page, "Testa Testsson-Nyman");

  const history = page.locator(".record-history");
  await history.locator("summary").click();
  await expectText(history, "Testa Testsson → Testa Testsson-Nyman");

  await page.getByRole("button", { name: "Ta bort personen" }).click();
  await page.getByRole("button", { name: "Ja, ta bort" }).click();
  await waitForPath(page, /^\/personer$/);
  await expectH1(page, "Personer");
  await expectCount(page.getByRole("link", { name: /Testa Testsson/ }), 0);
});

test("a refused save shows the message next to the field and keeps the other input", async () => {
  const page = await app.openPage("/personer");
  await page.getByRole("button", { name: "Ny person", exact: true }).click();
  await page.locator("#person-parti").fill("C");
  await page.locator("#person-titel").fill("Förbundsdirektör");
  await page.getByRole("button", { name: "Spara", exact: true }).click();

  await expectText(page.locator("#person-namn-fel"), "ange personens namn.");
  assert.equal(await page.locator("#person-namn").getAttribute("aria-invalid"), "true");
  await page.locator(".form-errors[role=alert]").waitFor({ state: "visible" });
  assert.equal(await page.locator("#person-parti").inputValue(), "C");
  assert.equal(await page.locator("#person-titel").inputValue(), "Förbundsdirektör");
  assert.equal(new URL(page.url()).pathname, "/personer", "still on the list, nothing saved");

  await page.locator("#person-namn").fill("Rättad Person");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await waitForPath(page, /^\/personer\/person-/);
  await expectH1(page, "Rättad Person");
  await expectText(page.locator(".facts"), "Förbundsdirektör");
});

test("an organisation is created, renamed and deleted on the people list", async () => {
  const page = await app.openPage("/personer");
  await page.getByRole("button", { name: "Ny organisation", exact: true }).click();
  const form = page.locator("form.edit-form");
  await form.getByLabel("Namn", { exact: true }).fill("Testkommunen");
  await form.getByLabel("Typ", { exact: true }).selectOption({ label: "Kommun" });
  await form.getByRole("button", { name: "Spara", exact: true }).click();

  const item = page.locator("li[id^='org-']").filter({ hasText: "Testkommunen" });
  await item.waitFor({ state: "visible" });
  await item.getByRole("button", { name: /^Redigera organisation/ }).click();
  await item.getByLabel("Namn", { exact: true }).fill("Testkommunen 2");
  await item.getByRole("button", { name: "Spara", exact: true }).click();
  const renamed = page.locator("li[id^='org-']").filter({ hasText: "Testkommunen 2" });
  await renamed.waitFor({ state: "visible" });
  await renamed.locator(".record-history summary").click();
  await expectText(renamed.locator(".record-history"), "Testkommunen → Testkommunen 2");

  await renamed.getByRole("button", { name: "Ta bort organisationen" }).click();
  await renamed.getByRole("button", { name: "Ja, ta bort" }).click();
  await expectCount(page.locator("li[id^='org-']").filter({ hasText: "Testkommunen" }), 0);
});

test("a new agreement with two sections keeps the order they were moved to", async () => {
  const page = await app.openPage("/overenskommelser");
  await page.getByRole("button", { name: "Ny överenskommelse", exact: true }).click();
  await page.locator("#overenskommelse-rubrik").fill("Testöverenskommelse");
  await page.locator("#overenskommelse-avsnitt-1-rubrik").fill("Första avsnittet");
  await page.locator("#overenskommelse-avsnitt-1-text").fill("Stycke ett.\n\nStycke två.");
  await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
  await page.locator("#overenskommelse-avsnitt-2-rubrik").fill("Andra avsnittet");
  await page.locator("#overenskommelse-avsnitt-2-typ").selectOption({ label: "Uppföljning" });

  // No party yet: refused, with the message at the parties.
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(page.locator("#overenskommelse-parter-fel"), "ange minst en part.");
  assert.equal(await page.locator("#overenskommelse-rubrik").inputValue(), "Testöverenskommelse");

  await page.getByRole("button", { name: "Flytta upp avsnitt 2" }).click();
  assert.equal(await page.locator("#overenskommelse-avsnitt-1-rubrik").inputValue(), "Andra avsnittet");
  assert.equal(await page.locator("#overenskommelse-avsnitt-2-rubrik").inputValue(), "Första avsnittet");
  assert.equal(await page.locator("#overenskommelse-avsnitt-2-text").inputValue(), "Stycke ett.\n\nStycke två.");

  await page.getByLabel("Var och en av kommunerna i länet").check();
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await waitForPath(page, /^\/overenskommelser\/overenskommelse-/);
  await expectH1(page, "Testöverenskommelse");
  const headings = (await page.locator(".agreement-section h2").allInnerTexts()).map(norm);
  assert.deepEqual(headings, ["Andra avsnittet", "Första avsnittet"]);
  await expectCount(page.locator(".agreement-section").nth(1).locator("p"), 2);
  await expectText(page.locator(".facts-panel"), "Var och en av kommunerna i Norrbotten");

  // Editing again: move back, and the page follows.
  await page.getByRole("button", { name: "Redigera", exact: true }).click();
  await page.getByRole("button", { name: "Flytta ner avsnitt 1" }).click();
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expectText(page.locator(".agreement-section").first(), "Första avsnittet");
});

for (const id of ["nb-overenskommelse-2016", "vb-overenskommelse-2020"]) {
  test(`saving the built-in agreement ${id} unchanged keeps every field as it was`, async () => {
    const page = await app.openPage(`/overenskommelser/${id}`);
    const sections = (await page.locator(".agreement-section").allInnerTexts()).map(norm);
    await page.getByRole("button", { name: "Redigera", exact: true }).click();
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.locator("form.edit-form").waitFor({ state: "detached" });
    // An unchanged record is no change: no history entry, the same sections.
    await expectCount(page.locator(".record-history"), 0);
    assert.deepEqual((await page.locator(".agreement-section").allInnerTexts()).map(norm), sections);
  });
}

test("deleting an agreement that bodies refer to is refused with the reason", async () => {
  const page = await app.openPage("/overenskommelser/nb-overenskommelse-2016");
  await page.getByRole("button", { name: "Ta bort överenskommelsen" }).click();
  await page.getByRole("button", { name: "Ja, ta bort" }).click();
  await expectText(page.locator(".delete [role=alert]"), "hänvisar till posten");
  await expectH1(page, "Överenskommelse om politisk samverkan");
});
