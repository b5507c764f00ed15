import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoRegisters } from "../../src/db/demo/registers";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// Issue 12 item 7 in a real browser: seed 001's NHV permits and RCC Syd's assignments on the
// Register page, a row added with a Swedish field error first, and a permit changed.

const EDITOR = { username: "sodra.register", displayName: "Rut Register", password: "tillstand-och-heltidsandelar" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...EDITOR, roles: [{ organisationCode: "SVR-SODRA", role: "editor" }] }]);
  await loadDemoRegisters(app.db.db);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("register för årsredovisningen", () => {
  it("visar seed 001:s NHV-tillstånd och uppdrag, lägger till ett uppdrag och ändrar ett tillstånd", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(app.server.url);
    await login(page, EDITOR.username, EDITOR.password);
    await page.getByRole("heading", { level: 1, name: /Rut Register/ }).waitFor();
    await page.goto(`${app.server.url}/uppfoljning/register`);
    await page.getByRole("heading", { level: 1, name: "Register för årsredovisningen" }).waitFor();
    await page.getByLabel("År", { exact: true }).fill("2023");
    await expect.poll(() => page.locator("#permits-table tbody tr").count()).toBe(13);
    expect(plain(await page.locator("#permits-table caption").textContent())).toBe("Utlysning och tilldelning av NHV 202313 vårdområden utlysta; 8 sökta, 8 med tillstånd.");
    expect((await page.locator("#permits-table tbody tr").first().locator("th, td").allTextContents()).slice(0, 5).map(plain)).toEqual([
      "Extraktion av pacemakerutrustning",
      "NHV 2023-03-08",
      "Tillstånd",
      "2024-01-01",
      "Sus",
    ]);
    expect(plain(await page.locator("#assignments-table-1 tfoot").textContent())).toBe("Summa1 030 %");

    // A new assignment: the share is checked before anything is sent.
    await page.getByLabel("Enhet").fill("RCC Syd");
    await page.getByLabel("Uppdrag", { exact: true }).fill("Forskningssamordnare");
    await page.getByLabel("Andel av heltid (%)").fill("halvtid");
    await page.getByRole("button", { name: "Lägg till uppdraget" }).click();
    expect(plain(await page.locator("#assignment-percent-error").textContent())).toBe("Ange andelen av heltid i hela procent, till exempel 75 eller 300.");
    expect(await page.getByLabel("Andel av heltid (%)").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Andel av heltid (%)").fill("50");
    await page.getByRole("button", { name: "Lägg till uppdraget" }).click();
    await expect.poll(async () => plain(await page.locator("#assignments-table-1 tfoot").textContent())).toBe("Summa1 080 %");

    // A permit changed: Systemisk amyloidos was applied for after all.
    await page.getByRole("button", { name: "Ändra Systemisk amyloidos" }).click();
    await page.getByLabel("Tillstånd", { exact: true }).selectOption("applied");
    await page.getByRole("button", { name: "Spara ändringen" }).click();
    await expect.poll(async () => plain(await page.locator("#permits-table tbody tr", { hasText: "Systemisk amyloidos" }).locator("td").nth(1).textContent())).toBe("Ansökt");
    await expectAccessible(page, "Register för årsredovisningen");
    await page.screenshot({ path: "test-results/registers.png", fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("visar året som skrevs in även när svaret för det förvalda året kommer sist", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await login(page, EDITOR.username, EDITOR.password);
    await page.getByRole("heading", { level: 1, name: /Rut Register/ }).waitFor();
    // The default year's answer is held back until the typed year's has been shown.
    const defaultYear = String(new Date().getFullYear() - 1);
    let releaseDefault!: () => void;
    const defaultHeld = new Promise<void>((resolve) => (releaseDefault = resolve));
    let defaultAsked!: () => void;
    const defaultRequested = new Promise<void>((resolve) => (defaultAsked = resolve));
    await page.route(`**/api/registers?*year=${defaultYear}*`, async (route) => {
      defaultAsked();
      await defaultHeld;
      await route.continue();
    });
    await page.goto(`${app.server.url}/uppfoljning/register`);
    await defaultRequested;
    await page.getByLabel("År", { exact: true }).fill("2023");
    await expect.poll(() => page.locator("#permits-table tbody tr").count()).toBe(13);
    const defaultAnswered = page.waitForResponse((r) => r.url().includes(`year=${defaultYear}`));
    releaseDefault();
    await defaultAnswered;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.locator("#permits-table tbody tr").count()).toBe(13);
    expect(plain(await page.locator("#permits-table caption").textContent())).toContain("NHV 2023");
    await context.close();
  });
});
