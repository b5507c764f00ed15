import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../../src/app/audit";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// The audit log page through a real browser: field-by-field changes in Swedish with öre shown as
// kronor, filters by user and record, export of the filtered log, and the hash-chain check.

const ADMIN = { username: "revisor", displayName: "Internrevisionen", password: "granska-allt-2025", isAdmin: true };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([ADMIN]);
  const anna = { id: null, username: "anna" };
  await writeAudit(app.db.db, anna, { action: "create", entity: "allocation", entityId: 41, after: { title: "Strategiska medel", total: 164_000_000 } });
  await writeAudit(app.db.db, anna, { action: "update", entity: "allocation", entityId: 41, before: { title: "Strategiska medel", total: 100 }, after: { title: "Strategiska medel 2024", total: 250 } });
  await writeAudit(app.db.db, { id: null, username: "bertil" }, { action: "decide", entity: "grant_decision", entityId: 9, before: { status: "draft" }, after: { status: "decided" } });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/audit-${name}.png`, fullPage: true });

describe("granskningsloggen i en riktig webbläsare", () => {
  it("visar ändringar fält för fält, filtrerar, exporterar och kontrollerar kedjan", async () => {
    mkdirSync("test-results", { recursive: true });
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));

    await page.goto(`${app.server.url}/granskningslogg`);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("heading", { level: 1, name: "Granskningslogg" }).waitFor();
    const rows = page.locator("table.audit tbody tr");
    await expect.poll(async () => (await rows.allInnerTexts()).map(plain).find((t) => t.includes("Strategiska medel 2024"))).toContain(
      "anna Ändrad Fördelning 41 Titel: från Strategiska medel → till Strategiska medel 2024 Totalbelopp: från 1 kr → till 2,50 kr",
    );
    await expectAccessible(page, "Granskningslogg");
    await shot(page, "all");

    // Filter by user.
    await page.getByLabel("Användare", { exact: true }).fill("bertil");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(async () => plain(await page.getByRole("status").filter({ hasText: "matchar" }).textContent())).toBe("1 poster matchar. Sida 1 av 1.");
    expect(plain(await rows.first().innerText())).toContain("bertil Fastställd Statsbidragsbeslut 9 Status: från utkast → till fastställd");

    // A record's whole history, from its id.
    await page.getByRole("button", { name: "Rensa filter" }).click();
    await page.getByRole("button", { name: "Visa historiken för Fördelning 41" }).first().click();
    await expect.poll(async () => plain(await page.getByRole("status").filter({ hasText: "matchar" }).textContent())).toBe("2 poster matchar. Sida 1 av 1.");
    expect(await page.getByLabel("Objektets id").inputValue()).toBe("41");
    expect(await page.getByLabel("Objekt", { exact: true }).inputValue()).toBe("allocation");

    // Export of what is shown, with the session's cookie.
    const href = await page.getByRole("link", { name: "Exportera urvalet som CSV" }).getAttribute("href");
    expect(href).toBe("/api/audit/export.csv?entity=allocation&entityId=41");
    const csv = await page.request.get(`${app.server.url}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines.length).toBe(1 + 4);
    expect(plain(lines[1])).toContain(";anna;Ändrad;Fördelning;41;Titel;Strategiska medel;Strategiska medel 2024");

    // Date range with nothing in it.
    await page.getByLabel("Till och med").fill("2020-01-01");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(async () => plain(await page.getByRole("status").filter({ hasText: "matchar" }).textContent())).toBe("Inga poster matchar filtret.");

    await page.getByRole("button", { name: "Kontrollera loggen" }).click();
    await expect.poll(async () => plain(await page.locator(".check").textContent())).toMatch(/^Granskningsloggen är obruten: \d+ poster/);
    await expectAccessible(page, "Granskningslogg");
    await shot(page, "checked");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
