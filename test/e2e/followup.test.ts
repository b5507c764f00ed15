import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED001_NARRATIVE } from "../../src/core/followup/seed001.fixture";
import { seed001Sie } from "../fixtures/ledger/seed001-sie";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

const sieSample = (name: string) => new URL(`../fixtures/sie-samples/${name}`, import.meta.url);

// Issue 5 through a real browser: a controller of Södra samverkansregionen imports seed 001's
// SIE file, reads budget vs outcome with its chart and drill-down, the project accounts with
// 8938 outside the subtotal, and checks the annual report's narrative against the tables.

const CONTROLLER = { username: "sodra.controller", displayName: "Sara Controller", password: "huvudbok-prognos-avvikelse" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...CONTROLLER, roles: [{ organisationCode: "SVR-SODRA", role: "editor" }] }]);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const cells = async (page: Page, rowSelector: string) => (await page.locator(rowSelector).locator("th, td").allTextContents()).map(plain);

describe("uppföljning i en riktig webbläsare", () => {
  it("importerar seed 001 som SIE-fil och öppnar rapporterna", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    const shot = (name: string) => page.screenshot({ path: `test-results/followup-${name}.png`, fullPage: true });

    await page.goto(app.server.url);
    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("heading", { level: 1, name: /Sara Controller/ }).waitFor();
    // The session check before login answers 401 by design; from here on the console stays clean.
    consoleErrors.length = 0;
    expect(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link").allTextContents()).toContain("Uppföljning");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljning" }).click();
    await page.getByRole("heading", { level: 1, name: "Uppföljning" }).waitFor();
    await expectAccessible(page, "Uppföljning");

    // Joint financing is booked on 3010: the project accounts need it in its own column.
    await page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name: "Inställningar" }).click();
    await page.getByRole("heading", { level: 1, name: "Inställningar för uppföljning" }).waitFor();
    // The organisation's own ranges are loaded (none yet) before a row is added to them.
    await expect.poll(async () => plain(await page.locator("#class-table tbody").textContent())).toBe("Inga egna intervall: BAS gäller för alla konton.");
    await page.getByRole("button", { name: "Lägg till intervall" }).click();
    await page.getByLabel("Från konto, rad 1").waitFor();
    await page.getByRole("button", { name: "Spara kontoklasserna" }).click();
    await expect.poll(async () => (await page.getByRole("alert").allTextContents()).map(plain).join(" ")).toContain("Rad 1: ange första kontot i intervallet.");
    expect(await page.getByLabel("Från konto, rad 1").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Från konto, rad 1").fill("3010");
    await page.getByLabel("Till konto, rad 1").fill("3019");
    await page.getByLabel("Rad 1: solidarisk finansiering").check();
    await page.getByRole("button", { name: "Spara kontoklasserna" }).click();
    await page.getByRole("status").filter({ hasText: "Sparat." }).waitFor();
    await page.getByRole("button", { name: "Spara kopplingen" }).click();
    expect(await page.locator("#link-code-error").textContent()).toBe("Ange objektets kod, till exempel projektnumret.");
    await page.getByLabel("Objekt", { exact: true }).fill("8941");
    await page.getByLabel("Budgetrad (valfri)").fill("Kunskapsstyrning");
    await page.getByRole("button", { name: "Spara kopplingen" }).click();
    await expect.poll(() => cells(page, "#links-table tbody tr")).toEqual(["Projekt", "8941", "–", "Kunskapsstyrning", "–"]);
    await expectAccessible(page, "Inställningar för uppföljning");
    await shot("settings");

    // The import: a refused file names its unbalanced voucher and line, then seed 001 imports.
    await page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { level: 1, name: "Importera utfall" }).waitFor();
    await page.getByRole("button", { name: "Importera SIE-filen" }).click();
    await expect.poll(() => page.locator("#sie-file-error").textContent()).toBe("Välj en SIE-fil att importera.");
    const bad = readFileSync(sieSample("transaktioner_ovnbolag-bad-balance.se"));
    await page.getByLabel("Välj SIE-fil").setInputFiles({ name: "ovnbolag-bad-balance.se", mimeType: "application/octet-stream", buffer: bad });
    await page.getByRole("button", { name: "Importera SIE-filen" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Rad " });
    await refusal.waitFor({ timeout: 30_000 });
    expect(plain(await refusal.textContent())).toMatch(/Rad [\d ]+, fält .*balanserar inte|Rad [\d ]+.*verifikation/i);
    await shot("import-refused");

    // A real export whose own #IB/#UB/#RES disagree with its vouchers imports with the list of disagreements.
    await page.getByLabel("Välj SIE-fil").setInputFiles({ name: "Sie4.si", mimeType: "application/octet-stream", buffer: readFileSync(sieSample("Sie4.si")) });
    await page.getByRole("button", { name: "Importera SIE-filen" }).click();
    await expect.poll(async () => plain(await page.locator("#sie-progress-text").textContent()), { timeout: 30_000 }).toMatch(/^Klart: Sie4\.si importerades för 2010/);
    const warnings = (await page.locator(".notice .fu-messages li").allTextContents()).map(plain);
    expect(warnings).toHaveLength(5);
    for (const w of warnings) expect(w).toMatch(/^(Rad [\d ]+, fält|Fält) #(IB|UB|RES)/);
    const showAll = page.locator("#imports-table").getByRole("button", { name: /^Visa \d+ varningar för Sie4\.si$/ });
    const count = Number((await showAll.getAttribute("aria-label"))!.match(/\d+/)![0]);
    expect(plain(await page.locator(".notice").textContent())).toContain(`${count} varningar`);
    expect(plain(await page.locator(".notice").textContent())).toContain(`… och ${count - 5} till`);
    await showAll.click();
    await expect.poll(() => page.locator("#import-detail-heading + .table-wrap tbody tr").count()).toBe(count);
    await shot("import-warnings");
    await page.getByRole("button", { name: "Stäng" }).click();

    await page.getByLabel("Välj SIE-fil").setInputFiles({ name: "ssvr-2023.se", mimeType: "application/octet-stream", buffer: await seed001Sie() });
    await page.getByRole("button", { name: "Importera SIE-filen" }).click();
    await expect
      .poll(async () => plain(await page.locator("#sie-progress-text").textContent()), { timeout: 30_000 })
      .toBe("Klart: ssvr-2023.se importerades för 2023 med 17 verifikationer och 37 transaktionsrader.");
    expect(await page.locator("#sie-progress").getAttribute("value")).toBe("100");
    expect(plain(await page.locator(".card", { hasText: "Kontrollsumma" }).textContent())).toContain("Kontrollsumma (#KSUMMA): stämmer.");
    const importRow = page.locator("#imports-table tbody tr", { hasText: "ssvr-2023.se" });
    await importRow.waitFor();
    expect((await importRow.locator("th, td").allTextContents()).map(plain).slice(0, 8)).toEqual(["ssvr-2023.se", "SIE", "2023", "Klar", "17", "37", "36", "0"]);
    expect(plain(await page.locator("#imports-table tbody tr", { hasText: "ovnbolag-bad-balance.se" }).locator("td").nth(2).textContent())).toBe("Misslyckad Visa felet");
    await page.getByRole("button", { name: "Visa felet för ovnbolag-bad-balance.se" }).click();
    expect(plain(await page.locator(".fu-drill .alert").textContent())).toMatch(/rad [\d ]+/i);
    await page.getByRole("button", { name: "Stäng" }).click();
    await expectAccessible(page, "Importera utfall");
    await shot("import");

    // Budget vs outcome for the board's own operations: seed 001's table, exactly.
    await page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name: "Budget mot utfall" }).click();
    await page.getByRole("heading", { level: 1, name: "Budget mot utfall" }).waitFor();
    await page.getByLabel("Projekt", { exact: true }).selectOption("none");
    await expect.poll(async () => plain(await page.locator("#bvo-table caption").textContent())).toContain("utan projekt");
    await expect.poll(() => cells(page, "#bvo-table tbody tr:nth-child(1)")).toEqual(["Intäkter: visa transaktioner", "8 400 000 kr", "8 346 089 kr", "-53 911 kr", "-0,6 %", "8 346 089 kr"]);
    expect(await cells(page, "#bvo-table tbody tr:nth-child(2)")).toEqual(["Personal: visa transaktioner", "-7 600 000 kr", "-7 592 487 kr", "7 513 kr", "0,1 %", "-7 592 487 kr"]);
    expect(await cells(page, "#bvo-table tfoot tr")).toEqual(["Summa: visa alla transaktioner", "-400 000 kr", "-663 740 kr", "-263 740 kr", "-65,9 %", "-663 740 kr"]);
    await expectAccessible(page, "Budget mot utfall");

    // The chart: an image with a description, and its figures as a table.
    const chart = page.getByRole("img", { name: /Stapeldiagram per månad: budget och utfall 2023/ });
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.locator("rect").count()).toBe(24);
    expect(await cells(page, "#chart-table tbody tr:nth-child(1)")).toEqual(["januari", "-33 333 kr", "4 000 000 kr", "4 033 333 kr"]);
    await page.getByLabel("Ackumulerat (linjer)").check();
    await page.getByRole("img", { name: /Helår: budget -400 000 kr, utfall -663 740 kr/ }).waitFor();
    expect(await cells(page, "#chart-table tbody tr:nth-child(12)")).toEqual(["december", "-400 000 kr", "-663 740 kr", "-263 740 kr"]);
    await shot("budget-chart");

    // Drill-down: the staff figure is two salary vouchers.
    await page.getByRole("button", { name: /^Personal\s*: visa transaktioner$/ }).click();
    await page.getByRole("heading", { level: 2, name: "Transaktioner: Personal, utan projekt, 2023" }).waitFor();
    await page.locator("#drill-table").waitFor();
    expect((await page.locator("#drill-table tbody th").allTextContents()).map(plain)).toEqual(["A 4", "A 3"]);
    expect(plain(await page.locator("#drill").textContent())).toContain("2 rader, summa 7 592 487 kr");
    expect(await page.getByRole("button", { name: /^Personal\s*: visa transaktioner$/ }).getAttribute("aria-expanded")).toBe("true");
    await expectAccessible(page, "Budget mot utfall");

    // In tkr the page says how it rounds.
    await page.getByLabel("tusental kronor (tkr)").check();
    await expect.poll(() => cells(page, "#bvo-table tbody tr:nth-child(1)")).toEqual(["Intäkter: visa transaktioner", "8 400 tkr", "8 346 tkr", "-54 tkr", "-0,6 %", "8 346 tkr"]);
    expect(plain(await page.locator("#rounding-note").textContent())).toContain("tusental kronor (tkr), avrundade hälften bort från noll");
    await shot("budget");

    // By project, every project and the board's rows.
    await page.getByLabel("Projekt", { exact: true }).selectOption("");
    await page.getByLabel("Gruppera efter").selectOption("project");
    await expect.poll(async () => (await page.locator("#bvo-table tbody th").allTextContents()).map(plain)).toEqual([
      "Utan projekt: visa transaktioner",
      "8925 Klassifikationsrådet: visa transaktioner",
      "8930 Utvecklingsmedel: visa transaktioner",
      "8938 Kliniska studier Forum Söder: visa transaktioner",
      "8941 Kunskapsstyrning, SFBF, Vårdförlopp: visa transaktioner",
    ]);

    // Project accounts with 8938 outside the subtotal.
    await page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name: "Projektredovisning" }).click();
    await page.getByRole("heading", { level: 1, name: "Projektredovisning" }).waitFor();
    await page.getByLabel("8938 Kliniska studier Forum Söder").check();
    await page.locator("#project-table tr.fu-subtotal").waitFor();
    expect(await cells(page, '#project-table tr[data-project="8941"]')).toEqual(["8941 Kunskapsstyrning, SFBF, Vårdförlopp", "33 913 851 kr", "1 249 108 kr", "10 000 000 kr", "10 539 502 kr", "34 623 457 kr"]);
    expect(await cells(page, '#project-table tr[data-project="board"]')).toEqual(["Resultat nämnden 2023–2026", "–", "–", "–", "663 740 kr", "-663 740 kr"]);
    expect((await cells(page, "#project-table tr.fu-subtotal")).slice(1)).toEqual(["37 625 054 kr", "2 633 620 kr", "10 600 000 kr", "14 571 350 kr", "36 287 324 kr"]);
    expect(await cells(page, '#project-table tr[data-project="8938"]')).toEqual(["8938 Kliniska studier Forum Söder", "18 690 849 kr", "–", "11 829 337 kr", "13 534 611 kr", "16 985 575 kr"]);
    expect(await cells(page, "#project-table tfoot tr")).toEqual(["Totalt", "56 315 903 kr", "2 633 620 kr", "22 429 337 kr", "28 105 961 kr", "53 272 899 kr"]);
    await expectAccessible(page, "Projektredovisning");
    await shot("projects");

    // The annual report keeps the exclusion and finds the two wrong figures of 8941's paragraph.
    await page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name: "Årsredovisning" }).click();
    await page.getByRole("heading", { level: 1, name: "Årsredovisning" }).waitFor();
    await page.locator("#annual-budget-table").waitFor();
    expect(await cells(page, "#annual-budget-table tbody tr:nth-child(3)")).toEqual(["Övriga verksamhetskostnader och finansiella poster", "-1 200 000 kr", "-1 417 342 kr", "-217 342 kr"]);
    expect(await page.getByLabel("8938 Kliniska studier Forum Söder").isChecked()).toBe(true);
    expect(plain(await page.locator("#paragraphs").textContent())).toContain("kostnader 10 540 tkr, utgående balans 34 623 tkr");
    await page.getByLabel("Text att kontrollera").fill(SEED001_NARRATIVE);
    await page.getByRole("button", { name: "Kontrollera" }).click();
    await page.locator("#narrative-result .check-bad").waitFor();
    const mismatches = (await page.locator(".fu-mismatch").allTextContents()).map(plain);
    expect(mismatches).toHaveLength(2);
    expect(mismatches[0]).toMatch(/8941.*8 540 tkr/);
    expect(mismatches[1]).toMatch(/8941.*36 287 tkr/);
    await expectAccessible(page, "Årsredovisning");
    await shot("annual-report");

    // CSV outcome with a mapping made in the editor; importing the same periods again replaces them.
    await page.getByRole("navigation", { name: "Uppföljning" }).getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { level: 1, name: "Importera utfall" }).waitFor();
    await page.getByRole("button", { name: "Ny mappning" }).click();
    await page.getByRole("button", { name: "Spara mappningen" }).click();
    expect(plain(await page.locator("#map-col-account-error").textContent())).toBe("Ange kolumnen för konto: rubrik eller nummer (1 = första).");
    expect(await page.getByLabel("Konto", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Namn", { exact: true }).fill("Kalkylark");
    await page.getByLabel("Konto", { exact: true }).fill("Konto");
    await page.getByLabel("Belopp", { exact: true }).fill("2");
    await page.getByLabel("Period (ÅÅÅÅMM) (valfri)").fill("Period");
    await page.getByLabel("Projekt (valfri)").fill("Projekt");
    await expectAccessible(page, "Importera utfall");
    await page.getByRole("button", { name: "Spara mappningen" }).click();
    await expect.poll(() => page.getByLabel("Kolumnmappning").inputValue()).toBe("Kalkylark");
    const csv = Buffer.from("Konto;Belopp;Period;Projekt\n5410;1 000,50;202401;\n3020;-500,00;202402;8941\n", "utf-8");
    await page.getByLabel("Välj CSV-fil").setInputFiles({ name: "utfall-2024.csv", mimeType: "text/csv", buffer: csv });
    const csvResult = page.locator('section[aria-labelledby="csv-heading"] p.success');
    await page.getByRole("button", { name: "Importera CSV-filen" }).click();
    await expect.poll(async () => plain(await csvResult.textContent())).toBe("Klart: 2 rader för 2024 (perioder 202401, 202402).");
    await page.getByRole("button", { name: "Importera CSV-filen" }).click();
    await expect.poll(async () => plain(await csvResult.textContent())).toContain("2 rader från en tidigare import av samma perioder ersattes.");
    await expect.poll(async () => (await page.locator("#imports-table tbody tr", { hasText: "utfall-2024.csv" }).allTextContents()).map(plain)).toEqual([
      expect.stringMatching(/^utfall-2024\.csvCSV2024Klar/),
      expect.stringMatching(/^utfall-2024\.csvCSV2024Ersatt/),
    ]);
    await shot("import-csv");

    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("säger vem som hann före när två flikar sparar kontoklasserna, och behåller det man skrev", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(app.server.url);
    await login(first, CONTROLLER.username, CONTROLLER.password);
    await first.getByRole("heading", { level: 1, name: /Sara Controller/ }).waitFor();
    const openSettings = async (page: Page) => {
      await page.goto(`${app.server.url}/uppfoljning/installningar`);
      await page.getByRole("heading", { level: 1, name: "Inställningar för uppföljning" }).waitFor();
      await page.getByLabel("Från konto, rad 1").waitFor();
    };
    const second = await context.newPage();
    await openSettings(first);
    await openSettings(second);
    const addRange = async (page: Page, from: string, to: string) => {
      const row = (await page.locator("#class-table tbody tr").count()) + 1;
      await page.getByRole("button", { name: "Lägg till intervall" }).click();
      await page.getByLabel(`Från konto, rad ${row}`).fill(from);
      await page.getByLabel(`Till konto, rad ${row}`).fill(to);
    };

    await addRange(second, "4000", "4999");
    await second.getByRole("button", { name: "Spara kontoklasserna" }).click();
    await second.getByRole("status").filter({ hasText: "Sparat." }).waitFor();

    // The first tab read the set before that save: its save is refused, naming who and when.
    await addRange(first, "5000", "5999");
    await first.getByRole("button", { name: "Spara kontoklasserna" }).click();
    const alert = first.locator(".stale-revision");
    await expect.poll(async () => plain(await alert.locator("p").first().textContent())).toMatch(/^Kontoklasserna har ändrats av sodra\.controller \d{4}-\d{2}-\d{2} \d{2}:\d{2} efter att du öppnade sidan/);
    await alert.getByRole("button", { name: "Ladda om" }).click();
    await expect.poll(async () => plain(await alert.textContent())).toContain("Sparade intervall: 3010–3019 intäkter (solidarisk finansiering); 4000–4999 intäkter.");
    expect(await first.getByLabel("Från konto, rad 2").inputValue()).toBe("5000");
    await expectAccessible(first, "Inställningar för uppföljning");

    // Saved again on top of the reloaded revision: what the user typed wins, knowingly.
    await first.getByRole("button", { name: "Spara kontoklasserna" }).click();
    await first.getByRole("status").filter({ hasText: "Sparat." }).waitFor();
    await openSettings(second);
    expect(await second.getByLabel("Från konto, rad 2").inputValue()).toBe("5000");
    await context.close();
  });
});
