import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoGrants } from "../../src/db/demo/grants";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// Index series through a real browser: LPIK entered and corrected on the Indexserier page, then a
// new budget proposal uprated by it, with the uprated figure checked. Also the grants pages' links
// to the decision documents of seeds 002 and 003.

const CONTROLLER = { username: "kansli", displayName: "Kansliets controller", password: "lpik-uppraknas-2025" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...CONTROLLER, roles: [{ organisationCode: "SVR-UPPSALA-OREBRO", role: "editor" }] }]);
  await loadDemoGrants(app.db.db);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/index-series-${name}.png`, fullPage: true });

describe("indexserier i en riktig webbläsare", () => {
  it("lägger in och rättar LPIK och räknar upp ett nytt budgetförslag med serien", async () => {
    mkdirSync("test-results", { recursive: true });
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => consoleErrors.push(e.message));

    await page.goto(`${app.server.url}/budget`);
    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("link", { name: "Indexserier" }).click();
    await page.getByRole("heading", { level: 1, name: "Indexserier" }).waitFor();
    // The list is fetched after the heading shows ("Hämtar indexserierna…" until then).
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("Inga indexserier ännu.");

    // Errors beside their fields first, then a first value that starts the series.
    await page.getByRole("button", { name: "Spara värde" }).click();
    await page.locator("#form-errors").waitFor();
    expect(await page.getByLabel("Serie").getAttribute("aria-invalid")).toBe("true");
    expect(plain(await page.locator("#index-year-error").textContent())).toBe('År: "" är inget år; skriv fyra siffror, t.ex. 2024.');
    await page.getByLabel("Serie").fill("LPIK");
    await page.getByLabel("År").fill("2025");
    await page.getByLabel("Förändring (%)").fill("tre komma två");
    await page.getByLabel("Källa").fill("SKR, prognos");
    await page.getByRole("button", { name: "Spara värde" }).click();
    await expect.poll(async () => plain(await page.locator("#index-percent-error").textContent())).toContain('Procentsatsen "tre komma två" är inte ett tal');
    await expectAccessible(page, "Indexserier");
    await shot(page, "list-errors");
    await page.getByLabel("Förändring (%)").fill("3,2");
    await page.getByRole("button", { name: "Spara värde" }).click();
    await page.waitForURL(/\/budget\/indexserier\/LPIK$/);
    await page.getByRole("heading", { level: 1, name: "Indexserie LPIK" }).waitFor();
    const values = page.locator("table", { hasText: "Värden i LPIK" });
    await expect.poll(async () => (await values.locator("tbody tr").allTextContents()).map(plain)).toEqual(["20253,2 %1,032SKR, prognosÄndra 2025"]);

    // Another year, then the 2025 forecast corrected to the outcome: exact decimal, new source.
    await page.getByLabel("År").fill("2024");
    await page.getByLabel("Förändring (%)").fill("4,25");
    await page.getByLabel("Källa").fill("SKR, utfall");
    await page.getByRole("button", { name: "Spara värde" }).click();
    await expect.poll(async () => plain(await page.getByRole("status").textContent())).toBe("Sparat: LPIK 2024 4,25 % (SKR, utfall).");
    await page.getByRole("button", { name: "Ändra 2025" }).click();
    expect(await page.getByLabel("År").inputValue()).toBe("2025");
    expect(await page.getByLabel("Förändring (%)").inputValue()).toBe("3,2");
    await page.getByLabel("Förändring (%)").fill("3,10");
    await page.getByLabel("Källa").fill("SKR, cirkulär");
    await page.getByRole("button", { name: "Spara värde" }).click();
    await expect.poll(async () => plain(await page.getByRole("status").textContent())).toBe("Ändrat: LPIK 2025 3,1 % (SKR, cirkulär).");
    expect((await values.locator("tbody tr").allTextContents()).map(plain)).toEqual(["20244,25 %1,0425SKR, utfallÄndra 2024", "20253,1 %1,031SKR, cirkulärÄndra 2025"]);
    await expectAccessible(page, "Indexserie LPIK");
    await shot(page, "lpik");
    const audit = await app.db.db.selectFrom("audit_log").select(["action", "username"]).where("entity", "=", "index_series").orderBy("id").execute();
    expect(audit).toEqual([
      { action: "create", username: "kansli" },
      { action: "update", username: "kansli" },
      { action: "update", username: "kansli" },
    ]);

    // A new budget proposal uprated by LPIK 2024 → 2025: 10 500 tkr × 1,031 = 10 825,5 tkr, split
    // equally over two members and rounded up to 10 tkr each: 2 × 5 420 = 10 840 tkr.
    await page.goto(`${app.server.url}/budget/budgetar/ny`);
    await page.getByRole("heading", { level: 1, name: "Ny budget" }).waitFor();
    await page.getByLabel("Rubrik", { exact: true }).fill("Budget uppräknad med LPIK");
    await page.getByLabel("Rad 1, benämning").fill("Kansliets verksamhet");
    // The columns are last year's outcome and two budget years; the proposal fills the last one.
    await page.getByLabel(/^Kansliets verksamhet, Budget/).first().fill("10 500");
    await page.getByLabel(/^Kansliets verksamhet, Budget/).last().fill("10 840");
    await page.getByLabel("Föregående budget", { exact: true }).fill("10 500");
    await page.getByLabel("Vad grundbeloppet är", { exact: true }).fill("Budget 2024");
    await page.getByRole("radio", { name: "Indexserie (t.ex. LPIK)" }).check();
    await page.getByLabel("Indexserie", { exact: true }).selectOption("LPIK");
    expect(plain(await page.getByLabel("Indexserie", { exact: true }).locator("option:checked").textContent())).toBe("LPIK (2024–2025)");
    await page.getByLabel("Från år", { exact: true }).fill("2024");
    await page.getByLabel("Till år", { exact: true }).fill("2025");
    await page.getByRole("checkbox", { name: "Region Uppsala" }).check();
    await page.getByRole("checkbox", { name: "Region Örebro län" }).check();
    await expect.poll(async () => plain(await page.locator(".proposal-summary").textContent())).toBe("Ny total, exakt10 825,5 tkrAvrundat förslag10 840 tkrAvrundningsdifferens+14,5 tkr");
    expect(plain(await page.locator("main").textContent())).toContain("LPIK 2024–2025 (2025: 3,1 %), faktor 1,031");
    await expectAccessible(page, "Ny budget");
    await shot(page, "proposal-form");

    await page.getByRole("button", { name: "Spara förslag" }).click();
    await page.waitForURL(/\/budget\/budgetar\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "Budget uppräknad med LPIK" }).waitFor();
    expect(plain(await page.locator(".proposal-summary").textContent())).toBe("Ny total, exakt10 825,5 tkrAvrundat förslag10 840 tkrAvrundningsdifferens+14,5 tkr");
    const members = page.locator("table", { hasText: "Medlemmarnas bidrag" });
    expect((await members.locator("tbody tr").allTextContents()).map(plain)).toContain("Region Uppsala5 412,75 tkr5 420 tkr+7,25 tkr");
    expect(plain(await page.locator("main").textContent())).toContain("LPIK 2024–2025 (2025: 3,1 %), faktor 1,031");
    expect(plain(await page.locator("main").textContent())).not.toContain("skillnad");
    await expectAccessible(page, "Budget uppräknad");
    await shot(page, "proposal");
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it("laddar ner beslutsunderlag för regeringsbeslutet S2023/00488 och det interna beslutet från statsbidragssidorna", async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const decision = await app.db.db.selectFrom("grant_decisions").select("id").where("diary_number", "=", "S2023/00488").executeTakeFirstOrThrow();
    await page.goto(`${app.server.url}/statsbidrag/beslut/${decision.id}`);
    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("heading", { level: 1, name: "Regeringsbeslut S2023/00488" }).waitFor();
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Beslutsunderlag (PDF)" }).click()]);
    expect(pdf.suggestedFilename()).toBe(`regeringsbeslut-${decision.id}.pdf`);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tabeller (XLSX)" }).click()]);
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString("latin1")).toBe("PK");
    await expectAccessible(page, "Regeringsbeslut S2023/00488");

    const internal = await app.db.db.selectFrom("grant_internal_decisions").select("id").executeTakeFirstOrThrow();
    await page.goto(`${app.server.url}/statsbidrag/interna/${internal.id}`);
    await page.getByRole("heading", { level: 1, name: "Internt fördelningsbeslut, version 1" }).waitFor();
    const [internalPdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Beslutsunderlag (PDF)" }).click()]);
    expect(internalPdf.suggestedFilename()).toBe(`internt-beslut-${internal.id}.pdf`);
    expect(readFileSync(await internalPdf.path()).length).toBeGreaterThan(5_000);
    await context.close();
  }, 120_000);
});
