import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoBudgets } from "../../src/db/demo/budgets";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// The budget pages through a real browser: seed 004's frame change, a new frame change typed line
// by line with the running balance, saved, decided and its PDF downloaded; seed 001's joint
// financing and seed 000's proposal; an accessibility check on every page visited.

const CONTROLLER = { username: "harriet", displayName: "Harriet Boström", password: "budget-tillskott-hsn-2025" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...CONTROLLER, roles: [{ organisationCode: "24", role: "approver" }, { organisationCode: "SVR-UPPSALA-OREBRO", role: "reader" }] }]);
  await loadDemoBudgets(app.db.db);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/budget-${name}.png`, fullPage: true });
const balance = async (page: Page) => plain(await page.locator(".balance").textContent());

describe("budgetsidorna i en riktig webbläsare", () => {
  it("visar seed 004, skapar, fastställer och laddar ner en ramförändring, och visar samfinansiering och budgetförslag", async () => {
    mkdirSync("test-results", { recursive: true });
    const context = await app.browser.newContext({ acceptDownloads: true, locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));

    await page.goto(app.server.url);
    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Budget" }).click();
    await page.getByRole("heading", { level: 1, name: "Budget" }).waitFor();
    const frameRow = page.locator("tr", { hasText: "Fördelning av budgettillskott till HSN 2025" });
    await frameRow.waitFor();
    expect(plain(await frameRow.textContent())).toMatch(/Region Västerbotten.*2025.*Förslag.*1.*190 mkr/);
    await page.locator("tr", { hasText: "Solidarisk finansiering 2023" }).waitFor();
    await expectAccessible(page, "Budget");
    await shot(page, "overview");

    // Seed 004: 214 − 24 = 190 mkr, nine lines adding up to exactly 190 mkr.
    await frameRow.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Fördelning av budgettillskott till HSN 2025" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toContain("Totalt190 mkr");
    expect(plain(await page.locator(".check").first().textContent())).toBe("✓ Raderna summerar till 190 mkr, hela utrymmet är fördelat.");
    const lines = page.locator("table", { hasText: "Fördelning av 190 mkr" });
    expect(await lines.locator("tbody tr").count()).toBe(9);
    const amounts = (await lines.locator("tbody td.num:last-child").allTextContents()).map((t) => Number(plain(t).replace(/ /g, "")));
    expect(amounts).toEqual([81, 19, 20, 3, 6, 7, 50, 3, 1]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(190);
    expect(plain(await lines.locator("tfoot").textContent())).toBe("Summa, 9 rader190");
    expect(plain(await page.locator("main").textContent())).toContain("HSN 1430-2024");
    await expectAccessible(page, "Fördelning av budgettillskott");
    await shot(page, "seed-004");

    // A new frame change: the balance follows the typing via the server's check.
    await page.getByRole("link", { name: "Budget", exact: true }).first().click();
    await page.getByRole("link", { name: "Ny ramförändring" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny ramförändring" }).waitFor();
    await page.getByLabel("Rubrik", { exact: true }).fill("Tillskott till HSN, andra halvåret");
    await page.getByLabel("Ramförstärkning").fill("120");
    await expect.poll(() => balance(page)).toBe("Kvar att fördela 120 mkr av 120 mkr");
    await page.getByRole("button", { name: "Lägg till minskning" }).click();
    await page.getByLabel("Minskning 1").fill("Omfördelning till RS");
    await page.getByLabel("Belopp", { exact: true }).fill("20");
    await page.getByLabel("Skäl").fill("Licensavtal tecknas centralt");
    await expect.poll(() => balance(page)).toBe("Kvar att fördela 100 mkr av 100 mkr");
    await page.getByLabel("Rad 1, ändamål").fill("Personalkostnader");
    await page.getByLabel("Rad 1, belopp").fill("70");
    await expect.poll(() => balance(page)).toBe("Kvar att fördela 30 mkr av 100 mkr");
    await page.getByRole("button", { name: "Lägg till rad" }).click();
    await page.getByLabel("Rad 2, ändamål").fill("Medicinskt material");
    await page.getByLabel("Rad 2, belopp").fill("45");
    await expect.poll(() => balance(page)).toBe("Överfördelat 15 mkr av 100 mkr");
    expect(await page.locator(".balance").getAttribute("class")).toContain("balance-over");
    // A typo is named beside its field at once.
    await page.getByLabel("Rad 2, belopp").fill("30 euro");
    const amountId = await page.getByLabel("Rad 2, belopp").getAttribute("id");
    await expect.poll(async () => plain(await page.locator(`#${amountId}-error`).textContent())).toMatch(/^Rad 2 \(Medicinskt material\): .*euro/);
    expect(await page.getByLabel("Rad 2, belopp").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Rad 2, belopp").fill("30");
    await expect.poll(() => balance(page)).toBe("Fördelat i sin helhet 0 mkr av 100 mkr");
    await page.getByLabel("Ärendenummer").fill("HSN 1999-2025");
    await page.getByLabel("Beredd av").fill("Harriet Boström, Controllerstrateg");
    await page.getByLabel("Expedieras till").fill("Hälso- och sjukvårdsdirektören");
    await expectAccessible(page, "Ny ramförändring");
    await shot(page, "frame-form");

    await page.getByRole("button", { name: "Spara förslag" }).click();
    await page.waitForURL(/\/budget\/ramforandringar\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "Tillskott till HSN, andra halvåret" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toMatch(/StatusFörslag.*Version1.*Totalt100 mkr/);
    await expectAccessible(page, "Tillskott till HSN");

    await page.getByRole("button", { name: "Fastställ" }).click();
    await page.getByRole("button", { name: "Ja, fastställ" }).click();
    await expect.poll(async () => plain(await page.locator(".meta").textContent())).toContain("StatusBeslutad");
    expect(await page.getByRole("link", { name: "Ändra" }).count()).toBe(0);
    await page.getByRole("button", { name: "Ny version" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Beslutsunderlag (PDF)" }).click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    await shot(page, "frame-decided");

    // Seed 001: 0,50 kr × 2 104 945 inhabitants of the whole member regions on 2021-12-31, rounded down.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Budget" }).click();
    await page.locator("tr", { hasText: "Solidarisk finansiering 2023" }).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /Solidarisk finansiering 2023/ }).waitFor();
    const main = plain(await page.locator("main").textContent());
    expect(plain(await page.locator(".proposal-summary").textContent())).toContain("Att betala1 052 472 kr");
    expect(main).toContain("2 104 945");
    expect(main).toContain("2021-12-31");
    expect(main).toContain("avrundat nedåt till hela 1 kr");
    expect(plain(await page.locator("table", { hasText: "Medlemmarnas delar" }).locator("tfoot").textContent())).toContain("1 052 472 kr");
    await expectAccessible(page, "Solidarisk finansiering");
    await shot(page, "joint-financing");

    // Seed 000: 1 637,5 tkr exact → 1 640 tkr rounded, 11 480 tkr in all, +17,5 tkr.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Budget" }).click();
    await page.locator("tr", { hasText: "Budget 2024 för Samverkansnämndens verksamhet" }).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Budget 2024 för Samverkansnämndens verksamhet" }).waitFor();
    expect(plain(await page.locator(".proposal-summary").textContent())).toBe("Ny total, exakt11 462,5 tkrAvrundat förslag11 480 tkrAvrundningsdifferens+17,5 tkr");
    const members = page.locator("table", { hasText: "Medlemmarnas bidrag" });
    expect((await members.locator("tbody tr").allTextContents()).map(plain)).toContain("Region Uppsala1 637,5 tkr1 640 tkr+2,5 tkr");
    expect(plain(await page.locator("table", { hasText: "Kostnadsslag per år" }).locator("tfoot").textContent())).toBe("Summa7 4558 31310 50011 480");
    await expectAccessible(page, "Budget 2024");
    await shot(page, "seed-000");

    // Abonnemang: the printed Blekinge row is 1 tkr short of its cells.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Budget" }).click();
    await page.locator("tr", { hasText: "Abonnemang 2023" }).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Abonnemang 2023 inom Södra sjukvårdsregionen" }).waitFor();
    expect(plain(await page.locator("table.matrix tbody tr", { hasText: "Blekinge" }).first().textContent())).toContain("162 952");
    expect(plain(await page.locator(".notes").textContent())).toContain("Raden Blekinge: cellerna summerar till 162 952 tkr, källan anger 162 951 tkr");
    await expectAccessible(page, "Abonnemang 2023");
    await shot(page, "subscription");

    // The 401s are /api/auth/me before logging in.
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);

  it("räknar samfinansiering medan användaren skriver och visar de andra formulären tillgängligt", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/budget/samfinansiering/ny`);
    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("heading", { level: 1, name: "Ny samfinansiering" }).waitFor();
    await page.getByLabel("Belopp per invånare (kr)").fill("0,50");
    await page.getByLabel("Område").selectOption({ label: "Södra samverkansregionen" });
    await page.getByLabel("Folkmängd per datum").selectOption("2021-12-31");
    // Every population date says whether it is complete and what it covers.
    expect(plain(await page.getByLabel("Folkmängd per datum").locator("option:checked").textContent())).toBe("2021-12-31 – ofullständig: riket, 4 av 21 län, inga kommuner");
    await page.getByLabel("Avrundningsriktning").selectOption({ label: "Nedåt" });
    await expect.poll(async () => plain(await page.locator(".proposal-summary").textContent())).toContain("Att betala1 052 472 kr");
    // The user's choice of area changes the result: the healthcare-region map counts southern Halland only.
    await page.getByRole("radio", { name: /Kommuner enligt sjukvårdsregionindelningen/ }).check();
    // 2021-12-31 has county figures only, so the map cannot be followed that day: the check says so instead of showing a stale result.
    const checkSection = page.locator("section", { has: page.getByRole("heading", { name: "Kontroll" }) });
    await expect.poll(async () => plain(await checkSection.getByRole("alert").textContent())).toMatch(/2021-12-31/);
    expect(await page.locator(".proposal-summary").count()).toBe(0);
    await page.getByRole("radio", { name: /Hela medlemsregioner/ }).check();
    await expect.poll(async () => plain(await page.locator(".proposal-summary").textContent())).toContain("Att betala1 052 472 kr");
    await expectAccessible(page, "Ny samfinansiering");
    await shot(page, "financing-form");

    for (const [path, title] of [
      ["/budget/budgetar/ny", "Ny budget"],
      ["/budget/abonnemang/ny", "Nytt abonnemang"],
    ] as const) {
      await page.goto(`${app.server.url}${path}`);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("button", { name: "Spara förslag" }).click();
      await page.locator("#form-errors").waitFor();
      expect(await page.locator("#form-errors li").count()).toBeGreaterThan(1);
      await expectAccessible(page, title);
      await shot(page, path.split("/")[2]!);
    }
    await context.close();
  }, 120_000);
});
