import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoGrants } from "../../src/db/demo/grants";
import { seed001Sie } from "../fixtures/ledger/seed001-sie";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// Issue 12 item 4 in a real browser: a new controller of Södra samverkansregionen imports seed
// 001's SIE file, accepts the account suggestion the page shows, and gets seed 001's project
// accounts; the excluded project is remembered in the database for the next visit; a project is
// linked to a grant chosen by name.

const CONTROLLER = { username: "sodra.ny", displayName: "Nora Nyanställd", password: "forsta-importen-utan-installningar" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...CONTROLLER, roles: [{ organisationCode: "SVR-SODRA", role: "editor" }] }]);
  await loadDemoGrants(app.db.db);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const cells = async (page: Page, rowSelector: string) => (await page.locator(rowSelector).locator("th, td").allTextContents()).map(plain);
const followupLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name });

async function signIn(page: Page) {
  await page.goto(app.server.url);
  await login(page, CONTROLLER.username, CONTROLLER.password);
  await page.getByRole("heading", { level: 1, name: /Nora Nyanställd/ }).waitFor();
}

describe("uppföljning som fungerar vid första importen", () => {
  it("föreslår solidarisk finansiering ur SIE-filens kontonamn och ger seed 001:s projektredovisning", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    const shot = (name: string) => page.screenshot({ path: `test-results/followup-first-${name}.png`, fullPage: true });
    await signIn(page);

    // The new allocation form starts at the user's own organisation.
    await page.goto(`${app.server.url}/ny-fordelning`);
    await expect.poll(async () => plain(await page.locator("#organisation option:checked").textContent())).toBe("Södra samverkansregionen");

    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljning" }).click();
    await followupLink(page, "Import").click();
    await page.getByRole("heading", { level: 1, name: "Importera utfall" }).waitFor();
    expect(plain(await page.locator("#fu-organisation option:checked").textContent())).toBe("Södra samverkansregionen");
    await page.getByLabel("Välj SIE-fil").setInputFiles({ name: "ssvr-2023.se", mimeType: "application/octet-stream", buffer: await seed001Sie() });
    await page.getByRole("button", { name: "Importera SIE-filen" }).click();
    await expect
      .poll(async () => plain(await page.locator("#sie-progress-text").textContent()), { timeout: 30_000 })
      .toBe("Klart: ssvr-2023.se importerades för 2023 med 17 verifikationer och 37 transaktionsrader.");

    // The suggestion appears after the import, with its reason, for the user to accept.
    const suggestion = page.locator("#account-suggestion");
    await suggestion.getByRole("heading", { name: "Förslag: intäktskonton i projektredovisningen" }).waitFor();
    expect(await cells(page, "#suggestion-table tbody tr")).toEqual(["3010", "Solidarisk finansiering", "Solidarisk finansiering", "namnet innehåller ”solidarisk finansiering”"]);
    expect(plain(await suggestion.locator(".hint").textContent())).toBe("Räknas redan som övriga intäkter: 3020 Ramanslag, 3120 Statsbidrag, 3510 Kursavgifter, 3920 Övriga intäkter.");
    await expectAccessible(page, "Importera utfall");
    await shot("suggestion");
    await suggestion.getByRole("button", { name: "Godta förslaget" }).click();
    await expect
      .poll(async () => plain(await suggestion.getByRole("status").textContent()))
      .toBe("Förslaget är godtaget: 1 konto som solidarisk finansiering i projektredovisningen och rapporterna.");
    // The status is set before the suggestion is fetched again, so the table goes a moment later.
    await expect.poll(() => page.locator("#suggestion-table").count()).toBe(0);

    // Seed 001's project accounts, with 8938 outside the subtotal.
    await followupLink(page, "Projektredovisning").click();
    await page.getByRole("heading", { level: 1, name: "Projektredovisning" }).waitFor();
    await page.getByLabel("8938 Kliniska studier Forum Söder").check();
    await page.locator("#project-table tr.fu-subtotal").waitFor();
    expect(await cells(page, '#project-table tr[data-project="8941"]')).toEqual(["8941 Kunskapsstyrning, SFBF, Vårdförlopp", "33 913 851 kr", "1 249 108 kr", "10 000 000 kr", "10 539 502 kr", "34 623 457 kr"]);
    expect((await cells(page, "#project-table tr.fu-subtotal")).slice(1)).toEqual(["37 625 054 kr", "2 633 620 kr", "10 600 000 kr", "14 571 350 kr", "36 287 324 kr"]);
    expect(await cells(page, '#project-table tr[data-project="8938"]')).toEqual(["8938 Kliniska studier Forum Söder", "18 690 849 kr", "–", "11 829 337 kr", "13 534 611 kr", "16 985 575 kr"]);
    expect(await cells(page, "#project-table tfoot tr")).toEqual(["Totalt", "56 315 903 kr", "2 633 620 kr", "22 429 337 kr", "28 105 961 kr", "53 272 899 kr"]);
    await expectAccessible(page, "Projektredovisning");
    await shot("projects");

    // Settings: the accepted account range, and a project linked to a grant chosen by its name.
    await followupLink(page, "Inställningar").click();
    await page.getByRole("heading", { level: 1, name: "Inställningar för uppföljning" }).waitFor();
    await expect.poll(async () => page.getByLabel("Från konto, rad 1").inputValue()).toBe("3010");
    expect(await page.getByLabel("Rad 1: solidarisk finansiering").isChecked()).toBe(true);
    expect(await page.locator("#account-suggestion").count()).toBe(0);
    await page.getByLabel("Objekt", { exact: true }).fill("8941");
    // The grants to choose from load beside the links: wait for them rather than read the list half-filled.
    const grantOption = async () => (await page.locator("#link-grant option").allTextContents()).find((t) => t.includes("S2023/00488"));
    await expect.poll(grantOption).toBeDefined();
    const grantName = await grantOption();
    expect(grantName).toMatch(/^Utbetalning av medel i enlighet med överenskommelsen Sammanhållen, jämlik och säker vård 2023 \(S2023\/00488/);
    await page.getByLabel("Statsbidrag (valfritt)").selectOption({ label: grantName! });
    await page.getByRole("button", { name: "Spara kopplingen" }).click();
    await expect.poll(() => cells(page, "#links-table tbody tr")).toEqual(["Projekt", "8941", grantName!, "–", "–"]);
    await expectAccessible(page, "Inställningar för uppföljning");
    expect(consoleErrors).toEqual([]);
    await context.close();

    // A new browser (no session storage): the excluded project comes back from the database.
    const later = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const again = await later.newPage();
    await signIn(again);
    await again.goto(`${app.server.url}/uppfoljning/arsredovisning`);
    await again.getByRole("heading", { level: 1, name: "Årsredovisning" }).waitFor();
    await again.locator("#paragraphs").waitFor();
    expect(await again.getByLabel("8938 Kliniska studier Forum Söder").isChecked()).toBe(true);
    await again.goto(`${app.server.url}/uppfoljning/projekt`);
    await again.locator("#project-table tr.fu-subtotal").waitFor();
    expect(await again.getByLabel("8938 Kliniska studier Forum Söder").isChecked()).toBe(true);
    expect((await cells(again, "#project-table tr.fu-subtotal")).slice(1)).toEqual(["37 625 054 kr", "2 633 620 kr", "10 600 000 kr", "14 571 350 kr", "36 287 324 kr"]);
    await later.close();
  });
});
