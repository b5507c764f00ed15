import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoGrants } from "../../src/db/demo/grants";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// Issue 3 through a real browser: from government decision S2023/00488 to Region Jämtland
// Härjedalen's repayment figure for the strategic funds of seed 003, and the deadline calendar.

const EDITOR = { username: "jamtland.editor", displayName: "Jonas Samordnare", password: "statsbidrag-kalender-rekvisition" };
const ADMIN = { username: "admin", displayName: "Administratör", password: "tillfälligt-lösenord-123" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([
    { ...ADMIN, isAdmin: true },
    { ...EDITOR, roles: [{ organisationCode: "23", role: "editor" }] },
  ]);
  await loadDemoGrants(app.db.db);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("statsbidrag i en riktig webbläsare", () => {
  it("går från regeringsbeslutet till regionens återbetalning och kalendern", async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    const shot = (name: string) => page.screenshot({ path: `test-results/grants-${name}.png`, fullPage: true });

    await page.goto(app.server.url);
    await login(page, EDITOR.username, EDITOR.password);
    await page.getByRole("heading", { level: 1, name: /Jonas Samordnare/ }).waitFor();
    // The start page lists the region's grant deadlines from the grants area.
    // Overdue ones first (the test's today is after the 2023 deadlines), then those within 30 days.
    await page.getByRole("heading", { level: 2, name: "Statsbidrag: tidsfrister" }).waitFor();
    const subheadings = await page.locator("section[aria-labelledby=upcoming-deadlines-heading] h3").allTextContents();
    expect(subheadings.at(-1)).toMatch(/^Inom 30 dagar: \d+$/);
    if (subheadings.length === 2) expect(subheadings[0]).toMatch(/^Försenade: \d+$/);
    await expectAccessible(page, "Start");
    const menu = await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allTextContents();
    expect(menu).toContain("Statsbidrag");
    expect(menu).toContain("Tidsfrister");

    // Register → decision S2023/00488: 226 000 000 kr, parts adding up.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Statsbidrag" }).click();
    await page.getByRole("heading", { level: 1, name: "Statsbidrag" }).waitFor();
    await expectAccessible(page, "Statsbidrag");
    await page.getByRole("link", { name: "S2023/00488" }).click();
    await page.getByRole("heading", { level: 1, name: "Regeringsbeslut S2023/00488" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toContain("Totalt226 000 000 kr");
    expect(plain(await page.locator("#parts-check").textContent())).toBe("✓ Delarna summerar till 226 000 000 kr = beslutets total.");
    const amounts = (await page.locator("table.data tbody td.num").allTextContents()).map(plain);
    // SKR's five purposes (103 500 000), the regions' annex 1 and the cooperation regions' annex 2.
    expect(amounts).toEqual(["3 000 000 kr", "68 000 000 kr", "5 000 000 kr", "10 000 000 kr", "17 500 000 kr", "62 500 000 kr", "60 000 000 kr"]);
    expect(plain(await page.locator("table.data tfoot").textContent())).toContain("226 000 000 kr= beslutets total");
    await expectAccessible(page, "Regeringsbeslut S2023/00488");
    await shot("decision");

    // The regions' part: annex 1, 21 regions summing to 62 500 000, beside the population key.
    await page.getByRole("link", { name: /Fördelning av del \d+: Arbetet med personcentrerade och sammanhållna vårdförlopp \(bilaga 1\)/ }).click();
    await page.getByRole("heading", { level: 1, name: "Fördelning till regionerna" }).waitFor();
    expect(await page.locator("#distribution-table tbody tr").count()).toBe(21);
    expect(plain(await page.locator("#distribution-check").textContent())).toBe("✓ Mottagarnas belopp summerar till 62 500 000 kr = delens belopp.");
    expect(plain(await page.locator("#distribution-table tfoot").textContent())).toMatch(/^Summa \(21 mottagare\)62 500 000 kr62 500 000 kr/);
    const jamtlandRow = plain(await page.locator("#distribution-table tbody tr", { hasText: "Region Jämtland Härjedalen" }).textContent());
    expect(jamtlandRow).toMatch(/^Region Jämtland Härjedalen787 491 kr/);
    // Beside its own key (population 2022-11-01), the annex has no differences, and the page says which rounding reproduces it.
    const summary = plain(await page.locator("#comparison-summary").textContent());
    expect(summary).toMatch(/^Bilagans belopp är desamma som nyckeln \(folkmängd 2022-11-01 enligt SCB/);
    expect(summary).toContain("återges exakt med avrundningsregeln närmaste krona med differensen på största andelen");
    await expectAccessible(page, "Fördelning: Regionerna");
    await shot("distribution");

    // The region's own grants, and the strategic funds of seed 003.
    await page.getByRole("link", { name: "Statsbidrag", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Statsbidrag" }).waitFor();
    await page.getByRole("link", { name: /Region Jämtland Härjedalen/ }).first().click();
    await page.getByRole("heading", { level: 1, name: "Statsbidrag för Region Jämtland Härjedalen" }).waitFor();
    await expectAccessible(page, "Statsbidrag för Region Jämtland Härjedalen");
    await page.getByRole("link", { name: /^Strategiska medel/ }).click();
    await page.getByRole("heading", { level: 1, name: "Region Jämtland Härjedalen: Ökad tillgänglighet i hälso- och sjukvården 2023" }).waitFor();
    const figures = async () => plain(await page.locator("#grant-figures").textContent());
    expect(await figures()).toBe("Rätt till5 039 944 krRekvirerat–Mottaget5 039 944 krFörbrukat0 krOutnyttjat5 039 944 krAtt återbetala5 039 944 kr");
    await expectAccessible(page, "Region Jämtland Härjedalen");

    // Enter the receipt date and a spending amount; unspent and repayment follow.
    await page.getByLabel("Mottaget datum").fill("2023-06-15");
    await page.getByLabel("Mottaget belopp").fill("5 039 944 kr");
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await page.getByText("Sparat.").waitFor();
    await page.getByLabel("Belopp", { exact: true }).fill("4.000");
    await page.getByLabel("Avser").fill("Tillgänglighetssamordnare och vårdlots 2023");
    await page.getByRole("button", { name: "Lägg till utgift" }).click();
    await expect.poll(async () => plain(await page.locator("#spend-amount-error").textContent())).toMatch(/tvetydigt/);
    expect(await page.getByLabel("Belopp", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Datum", { exact: true }).fill("2023-12-31");
    await page.getByLabel("Belopp", { exact: true }).fill("4 623 541 kr");
    await page.getByRole("button", { name: "Lägg till utgift" }).click();
    await expect.poll(figures).toBe("Rätt till5 039 944 krRekvirerat–Mottaget5 039 944 krFörbrukat4 623 541 krOutnyttjat416 403 krAtt återbetala416 403 kr");
    expect(plain(await page.locator("#repay-terms").textContent())).toMatch(/^Återbetala 416 403 kr till Kammarkollegiet senast 2024-03-31\./);
    expect(plain(await page.locator("#grant-status").textContent())).toContain("2024-03-31");
    await expectAccessible(page, "Region Jämtland Härjedalen");
    await shot("recipient");

    // The internal allocation decision of seed 003: lines adding up to 5 039 944 with the remainder 1 416 403.
    await page.getByRole("link", { name: /Fördelning av strategiska medel.*version 1/ }).click();
    await page.getByRole("heading", { level: 1, name: "Internt fördelningsbeslut, version 1" }).waitFor();
    expect(plain(await page.locator(".check").first().textContent())).toBe("✓ Raderna summerar till 5 039 944 kr = beslutets belopp.");
    expect((await page.locator("table.data tbody td.num").allTextContents()).map(plain)).toEqual(["973 541 kr", "900 000 kr", "250 000 kr", "1 500 000 kr", "1 416 403 kr"]);
    expect(plain(await page.locator(".meta").textContent())).toContain("Delegationspunkt4.1.19");
    await expectAccessible(page, "Internt beslut");
    await shot("internal");

    // The calendar: overdue deadlines marked, filtered to the region, with an .ics download.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Tidsfrister" }).click();
    await page.getByRole("heading", { level: 1, name: "Tidsfrister" }).waitFor();
    await expect.poll(async () => plain(await page.locator("#calendar-summary").textContent())).toMatch(/tidsfrister för Region Jämtland Härjedalen/);
    const repayRow = plain(await page.locator("#deadline-table tbody tr", { hasText: "Strategiska medel" }).filter({ hasText: "Återbetalning" }).textContent());
    expect(repayRow).toMatch(/^2024-03-31Försenad, \d+ dagar sedanÅterbetalningRegion Jämtland Härjedalen.*Kammarkollegiet416 403 kr$/);
    await expectAccessible(page, "Tidsfrister");
    await shot("calendar");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Ladda ner kalender \(\.ics\)/ }).click()]);
    expect(download.suggestedFilename()).toBe("statsbidrag-23.ics");
    const ics = readFileSync((await download.path())!, "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain("DTSTART;VALUE=DATE:20240331");
    const events = ics.replace(/\r\n /g, "").split("BEGIN:VEVENT").slice(1);
    const repay = events.find((e) => e.includes("UID:repayment:") && e.includes("Strategiska medel"));
    expect(repay).toContain("DTSTART;VALUE=DATE:20240331");
    expect(repay).toContain("SUMMARY:Återbetalning av outnyttjade medel till Kammarkollegiet");
    expect(plain(repay)).toContain("Belopp: 416 403 kr");

    // The signed-out session check before login answers 401; nothing else may fail.
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);
});
