import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/http";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// The whole foundation through a real browser: log in, allocate, save, export, decide, and read
// the audit log, with an accessibility smoke check on every page visited.

const CONTROLLER = { username: "karin", displayName: "Karin Controller", password: "korrekt-häst-batteri-häftklammer" };
const ADMIN = { username: "admin", displayName: "Administratör", password: "tillfälligt-lösenord-123" };

let server: RunningServer;
let browser: Browser;

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([
    { ...CONTROLLER, roles: [{ organisationCode: "23", role: "approver" }] },
    { ...ADMIN, isAdmin: true, mustChangePassword: true },
  ]);
  server = app.server;
  browser = app.browser;
});

afterAll(async () => {
  await app?.close();
});

describe("webbgränssnittet i en riktig webbläsare", () => {
  it("loggar in, fördelar 60 000 000 kr lika på samverkansregionerna, sparar, exporterar XLSX och fastställer", async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));

    await page.goto(server.url);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Logga in");
    await expectAccessible(page, "Logga in");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hoppa till innehållet");

    // A wrong password shows the server's Swedish message as an alert.
    await login(page, CONTROLLER.username, "fel-lösenord");
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Fel användarnamn eller lösenord.");

    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("heading", { level: 1, name: /Karin Controller/ }).waitFor();
    await expectAccessible(page, "Start");
    // Areas (src/web/areas) add their entries after the built-in three.
    const menu = await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allTextContents();
    expect(menu.slice(0, 3)).toEqual(["Start", "Ny fördelning", "Sparade fördelningar"]);
    expect(menu).toContain("Budget");

    await page.getByRole("navigation").getByRole("link", { name: "Ny fördelning" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny fördelning" }).waitFor();
    expect(await page.title()).toBe("Ny fördelning – Fördela");

    // A total the parser rejects is reported inline, tied to the field.
    const total = page.getByLabel("Belopp att fördela");
    await total.fill("60 000 000 euro");
    await page.getByRole("button", { name: "Beräkna" }).click();
    const totalError = page.locator("#total-error");
    await expect.poll(() => totalError.textContent()).toMatch(/okänd enhet "euro"/);
    expect(await total.getAttribute("aria-invalid")).toBe("true");
    expect(await total.getAttribute("aria-describedby")).toContain("total-error");

    // By population first: 10 000 kr over the 21 regions on the newest date adds up exactly.
    await total.fill("10 000 kr");
    await page.getByRole("radio", { name: "Regioner (21)" }).check();
    await page.getByRole("button", { name: "Beräkna" }).click();
    await expect.poll(async () => plain(await page.locator(".check").textContent())).toBe("✓ Summan stämmer: 10 000 kr = 10 000 kr");
    expect(await page.locator("table.result tbody tr").count()).toBe(21);
    expect(plain(await page.locator("#population-date").inputValue())).toBe("2023-12-31");

    // Seed 000: 11 462,5 tkr equally over Uppsala-Örebro's seven member regions, each rounded up
    // to whole 10 tkr, gives 1 640 tkr each and 17 500 kr more than the amount.
    await total.fill("11 462,5 tkr");
    await page.getByRole("radio", { name: "Lika delar" }).check();
    await page.getByRole("button", { name: "Avmarkera alla" }).click();
    const uppsalaOrebro = ["Region Uppsala", "Region Sörmland", "Region Värmland", "Region Örebro län", "Region Västmanland", "Region Dalarna", "Region Gävleborg"];
    for (const name of uppsalaOrebro) await page.getByRole("checkbox", { name: new RegExp(`^${name}`) }).check();
    await page.getByLabel("Avrunda till hela").selectOption({ label: "10 tkr" });
    await page.getByLabel("Sätt att avrunda").selectOption({ label: "Avrunda varje andel uppåt" });
    await page.getByRole("button", { name: "Beräkna" }).click();
    await expect
      .poll(async () => plain(await page.locator(".check").textContent()))
      .toBe("✓ Avrundningen ger 17 500 kr mer än beloppet: 11 480 000 kr i stället för 11 462 500 kr.");
    expect((await page.locator("table.result tbody tr td:nth-child(4)").allTextContents()).map(plain)).toEqual(Array(7).fill("1 640 000 kr"));
    await page.getByLabel("Avrunda till hela").selectOption({ label: "1 kr" });
    await page.getByLabel("Sätt att avrunda").selectOption({ label: "Fast total – största rest" });

    // Then the seed 002 annex 2 case.
    await page.getByLabel("Rubrik").fill("Vårdförlopp 2023 – medel till samverkansregionerna");
    await total.fill("60 000 000 kr");
    expect(plain(await page.locator("#total-hint").textContent())).toContain("Tolkas som 60 000 000 kr.");
    await page.getByRole("radio", { name: "Samverkansregioner (6)" }).check();
    await page.getByRole("radio", { name: "Lika delar" }).check();
    await page.getByRole("button", { name: "Beräkna" }).click();
    await expect.poll(async () => plain(await page.locator(".check").textContent())).toBe("✓ Summan stämmer: 60 000 000 kr = 60 000 000 kr");
    const rows = page.locator("table.result tbody tr");
    expect(await rows.count()).toBe(6);
    for (let i = 0; i < 6; i++) {
      expect(plain(await rows.nth(i).locator("td").nth(2).textContent())).toBe("10 000 000 kr");
    }
    expect(plain(await page.locator("table.result tfoot").textContent())).toContain("60 000 000 kr");
    await rows.first().locator("summary").click();
    expect(plain(await rows.first().locator(".explanation").textContent())).not.toBe("");
    await expectAccessible(page, "Ny fördelning");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/allocation-page.png", fullPage: true });

    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL(/\/fordelningar\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "Vårdförlopp 2023 – medel till samverkansregionerna" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toContain("Utkast");
    await expectAccessible(page, "Vårdförlopp 2023");
    await page.screenshot({ path: "test-results/allocation-detail.png", fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exportera XLSX" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fordelning-\d+\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    let amountColumn = 0;
    const amounts = new Map<string, number>();
    sheet.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const header = values.findIndex((v) => v === "Belopp (kr)");
      if (header >= 0) amountColumn = header;
      else if (amountColumn > 0 && typeof values[0] === "string" && /samverkansregion/.test(values[0])) {
        amounts.set(values[0], values[amountColumn] as number);
      }
    });
    expect([...amounts.keys()].sort()).toEqual(
      [
        "Norra samverkansregionen",
        "Södra samverkansregionen",
        "Stockholm-Gotland samverkansregion",
        "Sydöstra samverkansregionen",
        "Uppsala-Örebro samverkansregion",
        "Västra samverkansregionen",
      ].sort(),
    );
    expect([...amounts.values()]).toEqual(Array(6).fill(10_000_000));
    expect([...amounts.values()].reduce((a, b) => a + b, 0)).toBe(60_000_000);

    // Edit the draft: the form comes back filled in as saved.
    await page.getByRole("link", { name: "Ändra utkastet" }).click();
    await page.getByRole("heading", { level: 1, name: "Ändra fördelning" }).waitFor();
    await expect.poll(() => page.getByLabel("Rubrik").inputValue()).toBe("Vårdförlopp 2023 – medel till samverkansregionerna");
    expect(plain(await page.getByLabel("Belopp att fördela").inputValue())).toBe("60 000 000 kr");
    expect(await page.getByRole("radio", { name: "Samverkansregioner (6)" }).isChecked()).toBe(true);
    expect(await page.locator(".checklist input:checked").count()).toBe(6);
    await expectAccessible(page, "Ändra fördelning");
    await page.getByLabel("Rubrik").fill("Vårdförlopp 2023 – samverkansregionerna (S2023/00488)");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await page.getByRole("heading", { level: 1, name: "Vårdförlopp 2023 – samverkansregionerna (S2023/00488)" }).waitFor();

    // The controller is an approver in the organisation: decide, after confirming.
    await page.getByRole("button", { name: "Fastställ" }).click();
    await page.getByRole("button", { name: "Ja, fastställ" }).click();
    await expect.poll(async () => plain(await page.getByRole("status").last().textContent())).toContain("Fördelningen är fastställd");
    expect(plain(await page.locator(".meta").textContent())).toContain("Beslutad");
    expect(await page.getByRole("link", { name: "Ändra utkastet" }).count()).toBe(0);
    const decidedUrl = page.url();

    // A decided allocation changes only through a new version, which opens as a draft to edit.
    await page.getByRole("button", { name: "Ny version" }).click();
    await page.waitForURL(/\/fordelningar\/\d+\/andra$/);
    await page.getByRole("heading", { level: 1, name: "Ändra fördelning" }).waitFor();
    expect(page.url()).not.toBe(`${decidedUrl}/andra`);
    await page.getByRole("link", { name: "Avbryt" }).click();
    await page.getByRole("heading", { level: 1, name: "Vårdförlopp 2023 – samverkansregionerna (S2023/00488)" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toMatch(/Utkast.*Version2 \(föregående version\)/);

    await page.getByRole("navigation").getByRole("link", { name: "Sparade fördelningar" }).click();
    await page.getByRole("heading", { level: 1, name: "Sparade fördelningar" }).waitFor();
    const listRows = page.locator("table.data tbody tr", { hasText: "Vårdförlopp 2023" });
    // The list is fetched after the heading shows: read it once it has come.
    await expect.poll(async () => (await listRows.allTextContents()).map(plain)).toEqual([
      expect.stringMatching(/Region Jämtland Härjedalen\s*Utkast\s*2\s*60 000 000 kr/),
      expect.stringMatching(/Region Jämtland Härjedalen\s*Beslutad\s*1\s*60 000 000 kr/),
    ]);
    await expectAccessible(page, "Sparade fördelningar");

    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  });

  it("tvingar administratören att byta lösenord och visar granskningsloggen", async () => {
    const context = await browser.newContext({ locale: "sv-SE" });
    const page = await context.newPage();
    await page.goto(server.url);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("heading", { level: 1, name: "Byt lösenord" }).waitFor();
    await expectAccessible(page, "Byt lösenord");
    expect(await page.getByRole("navigation").count()).toBe(0);

    await page.getByLabel("Nuvarande lösenord").fill(ADMIN.password);
    await page.getByLabel("Nytt lösenord").fill("ett-nytt-långt-lösenord");
    await page.getByLabel("Upprepa det nya lösenordet").fill("ett-nytt-långt-lösenord");
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    await page.getByRole("heading", { level: 1, name: /Administratör/ }).waitFor();

    await page.getByRole("navigation").getByRole("link", { name: "Granskningslogg" }).click();
    await page.getByRole("heading", { level: 1, name: "Granskningslogg" }).waitFor();
    await page.locator("table.audit").waitFor();
    const text = plain(await page.locator("table.audit tbody").textContent());
    for (const event of ["Fastställd", "Exporterad", "Skapad", "Inloggning"]) expect(text).toContain(event);
    expect(text).toContain("karin");
    await expectAccessible(page, "Granskningslogg");

    // With more entries than a page holds, "Äldre poster" pages back by id and "Nyare poster" returns.
    await app.db.db
      .insertInto("audit_log")
      .values(Array.from({ length: 55 }, (_, i) => ({ action: "update", entity: "allocation", entity_id: String(1000 + i), username: "revisor", after: JSON.stringify({ total: 100 * i }) })))
      .execute();
    await page.reload();
    await page.locator("table.audit").waitFor();
    expect(plain(await page.locator("table.audit caption").textContent())).toMatch(/^Loggposter, sida 1 av \d+$/);
    expect(plain(await page.locator("table.audit tbody tr").first().textContent())).toContain("Fördelning 1054");
    expect(plain(await page.locator("table.audit tbody tr").first().textContent())).toContain("54 kr");
    await page.getByRole("button", { name: "Äldre poster" }).click();
    await expect.poll(async () => plain(await page.locator("table.audit caption").textContent())).toMatch(/^Loggposter, sida 2/);
    const older = plain(await page.locator("table.audit tbody").textContent());
    expect(older).toContain("Fördelning 1000");
    expect(older).toContain("Fastställd");
    expect(older).not.toContain("Fördelning 1054");
    await page.getByRole("button", { name: "Nyare poster" }).click();
    await expect.poll(async () => plain(await page.locator("table.audit caption").textContent())).toMatch(/^Loggposter, sida 1 av \d+$/);
    await context.close();
  });
});
