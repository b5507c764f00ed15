import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoGrants } from "../../src/db/demo/grants";
import { importSie } from "../../src/ledger/import-sie";
import { jamtlandSie } from "../fixtures/ledger/jamtland-sie";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// The register in a real browser: a new agreement, a decision under it whose two parts first do
// not and then do add up, one part distributed by a pasted annex beside equal shares, the decision
// decided; and seed 003's spending fetched from an imported ledger.

const USER = { username: "jamtland.samordnare", displayName: "Lina Samordnare", password: "overenskommelse-bilaga-huvudbok" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...USER, roles: [{ organisationCode: "23", role: "approver" }] }]);
  await loadDemoGrants(app.db.db);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("statsbidragsregistret i en riktig webbläsare", () => {
  it("registrerar en överenskommelse, ett beslut med två delar, fördelar en del med inklistrad bilaga och fastställer", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    const notFound: string[] = [];
    page.on("response", (r) => r.status() === 404 && notFound.push(new URL(r.url()).pathname));
    const shot = (name: string) => page.screenshot({ path: `test-results/grants-register-${name}.png`, fullPage: true });

    await page.goto(`${app.server.url}/statsbidrag`);
    await login(page, USER.username, USER.password);
    await page.getByRole("heading", { level: 1, name: "Statsbidrag" }).waitFor();
    await page.getByRole("link", { name: "Ny överenskommelse" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny överenskommelse" }).waitFor();

    // Empty and unreadable fields: errors beside the fields and summarised.
    await page.getByLabel("År").fill("24");
    await page.getByLabel("Totalbelopp").fill("1.640");
    await page.getByRole("button", { name: "Registrera överenskommelsen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Rätta" });
    await expect.poll(async () => plain(await summary.textContent())).toMatch(/^Rätta de 3 felen nedan:/);
    expect(plain(await page.locator("#agreement-name-error").textContent())).toBe("Ange överenskommelsens namn.");
    expect(plain(await page.locator("#agreement-year-error").textContent())).toBe('År: "24" ska vara ett årtal mellan 2000 och 2100, till exempel 2023.');
    expect(plain(await page.locator("#agreement-total-error").textContent())).toMatch(/^Totalbelopp: .*tvetydigt/);
    expect(await page.getByLabel("Totalbelopp").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "Ny överenskommelse");
    await shot("agreement-form");

    await page.getByLabel("Namn").fill("Psykiatri och suicidprevention 2024");
    await page.getByLabel("År").fill("2024");
    await page.getByLabel("Totalbelopp").fill("10 mnkr");
    await page.getByRole("button", { name: "Registrera överenskommelsen" }).click();
    await page.getByRole("heading", { level: 1, name: "Psykiatri och suicidprevention 2024" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toBe("År2024ParterStaten, Sveriges Kommuner och Regioner (SKR)Totalbelopp10 000 000 krRegistrerad avRegion Jämtland Härjedalen");
    expect(plain(await page.locator("#agreement-coverage").textContent())).toBe("✗ 0 regeringsbeslut om sammanlagt 0 kr: 10 000 000 kr kvar till överenskommelsens total 10 000 000 kr.");

    // Change it: a diary number.
    await page.getByRole("link", { name: "Ändra överenskommelsen" }).click();
    await page.getByRole("heading", { level: 1, name: "Ändra överenskommelse" }).waitFor();
    expect(plain(await page.getByLabel("Totalbelopp").inputValue())).toBe("10 000 000 kr");
    await page.getByLabel("Diarienummer (valfritt)").fill("S2024/00123");
    await expectAccessible(page, "Ändra överenskommelse");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await page.getByRole("heading", { level: 1, name: "Psykiatri och suicidprevention 2024" }).waitFor();
    expect(plain(await page.locator(".meta").textContent())).toContain("DiarienummerS2024/00123");
    await expectAccessible(page, "Överenskommelse: Psykiatri");
    const agreementUrl = page.url();

    // A decision under it, the agreement chosen already; the live sum check follows the parts.
    await page.getByRole("link", { name: "Nytt beslut" }).click();
    await page.getByRole("heading", { level: 1, name: "Registrera regeringsbeslut" }).waitFor();
    expect(await page.getByLabel("Överenskommelse").locator("option:checked").textContent()).toBe("Psykiatri och suicidprevention 2024 (2024)");
    await page.getByLabel("Diarienummer").fill("S2024/00456");
    await page.getByLabel("Beslutsdatum").fill("2024-02-15");
    await page.getByLabel("Rubrik").fill("Uppdrag att betala ut medel för suicidprevention 2024");
    await page.getByLabel("Beslutets totalbelopp").fill("10 000 000 kr");
    const part = (i: number) => page.locator("fieldset.part-card").nth(i);
    await part(0).getByLabel("Belopp").fill("6 000 000");
    await part(0).getByLabel("Ändamål").fill("Suicidpreventivt arbete i regionerna");
    await part(0).getByLabel("Rekvisition senast").fill("2024-12-01");
    await part(0).getByLabel("Återbetalning senast").fill("2025-03-31");
    await page.getByRole("button", { name: "Lägg till del" }).click();
    const check = page.locator("#form-sum-check");
    expect(plain(await check.textContent())).toBe("✗ Delarna summerar till 6 000 000 kr: 4 000 000 kr kvar till beslutets total 10 000 000 kr. En del saknar belopp.");
    await part(1).getByLabel("Mottagare").selectOption("skr");
    await part(1).getByLabel("Ändamål").fill("Nationellt stöd");
    await part(1).getByLabel("Belopp").fill("3 000 000");
    expect(plain(await check.textContent())).toBe("✗ Delarna summerar till 9 000 000 kr: 1 000 000 kr kvar till beslutets total 10 000 000 kr.");
    await shot("decision-form-difference");
    await part(1).getByLabel("Belopp").fill("4 000 000");
    expect(plain(await check.textContent())).toBe("✓ Delarna summerar till 10 000 000 kr = beslutets total.");
    expect(await check.getAttribute("class")).toContain("check-ok");
    await expectAccessible(page, "Registrera regeringsbeslut");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await page.getByRole("heading", { level: 1, name: "Regeringsbeslut S2024/00456" }).waitFor();
    expect(plain(await page.locator("#parts-check").textContent())).toBe("✓ Delarna summerar till 10 000 000 kr = beslutets total.");

    // Distribute the regions' part by pasting the annex: two regions, tab-separated, beside equal shares.
    await page.getByRole("link", { name: /Fördelning av del 1: Suicidpreventivt arbete/ }).click();
    await page.getByRole("heading", { level: 1, name: "Fördelning till regionerna" }).waitFor();
    await page.getByRole("radio", { name: "Lika delar" }).check();
    await page.getByLabel("Bilagans rader").fill("Region Jämtland Härjedalen\t2 500 000\nRegion Västernorrland\t3 500 000");
    await page.getByRole("button", { name: "Spara bilagans belopp" }).click();
    await page.locator("#distribution-table").waitFor();
    expect(plain(await page.locator("#distribution-check").textContent())).toBe("✓ Mottagarnas belopp summerar till 6 000 000 kr = delens belopp.");
    const rows = (await page.locator("#distribution-table tbody tr").allTextContents()).map(plain);
    expect(rows).toEqual([expect.stringMatching(/^Region Jämtland Härjedalen2 500 000 kr3 000 000 kr−500 000 kr/), expect.stringMatching(/^Region Västernorrland3 500 000 kr3 000 000 kr\+500 000 kr/)]);
    expect(plain(await page.locator("#distribution-table tfoot").textContent())).toBe("Summa (2 mottagare)6 000 000 kr6 000 000 kr0 kr");
    // The differences, then which rounding rule (if any) reproduces the annex: none here, the key differs.
    const comparisonText = plain(await page.locator("#comparison-summary").textContent());
    expect(comparisonText).toMatch(/^2 av 2 mottagare skiljer sig från vad nyckeln \(lika delar, avrundning: största rest\) ger: Region Jämtland Härjedalen −500 000 kr; Region Västernorrland \+500 000 kr\./);
    expect(comparisonText).toMatch(/Ingen prövad avrundningsregel återger bilagans belopp; närmast kommer .+, där 2 av 2 mottagare skiljer sig\./);
    await expectAccessible(page, "Fördelning");
    await shot("annex");

    // Decide; the decision is then fixed and the agreement's sum check agrees.
    await page.getByRole("link", { name: "Regeringsbeslut S2024/00456" }).click();
    await page.getByRole("button", { name: "Fastställ beslutet" }).click();
    await page.locator(".meta .badge-decided").waitFor();
    expect(await page.getByRole("link", { name: "Ändra utkastet" }).count()).toBe(0);
    await page.goto(agreementUrl);
    await page.getByRole("heading", { level: 1, name: "Psykiatri och suicidprevention 2024" }).waitFor();
    await expect.poll(async () => plain(await page.locator("#agreement-coverage").textContent())).toBe("✓ 1 regeringsbeslut om sammanlagt 10 000 000 kr = överenskommelsens total.");
    expect(plain(await page.locator("table.data tbody tr").textContent())).toBe("S2024/004562024-02-15Uppdrag att betala ut medel för suicidprevention 202410 000 000 krStämmerFastställt");
    await expectAccessible(page, "Överenskommelse: Psykiatri");
    await shot("agreement");

    // The signed-out session check answers 401, and a part not yet distributed answers 404.
    expect(notFound.every((p) => /^\/api\/grants\/parts\/\d+\/distribution$/.test(p))).toBe(true);
    expect(consoleErrors.filter((e) => !/401|404/.test(e))).toEqual([]);
    expect(consoleErrors.filter((e) => /404/.test(e))).toHaveLength(notFound.length);
    await context.close();
  }, 180_000);

  it("hämtar seed 003:s förbrukning från den importerade huvudboken", async () => {
    const db = app.db.db;
    const org = await db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow();
    await importSie(db, await jamtlandSie(), { organisationId: org.id, fileName: "rjh-2023.se" });
    const part = await db
      .selectFrom("grant_parts as p")
      .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
      .innerJoin("grant_agreements as a", "a.id", "d.agreement_id")
      .select("p.id")
      .where("a.name", "=", "Ökad tillgänglighet i hälso- och sjukvården 2023")
      .executeTakeFirstOrThrow();

    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/statsbidrag/delar/${part.id}/mottagare/23`);
    await login(page, USER.username, USER.password);
    await page.getByRole("heading", { level: 1, name: /^Region Jämtland Härjedalen: Ökad tillgänglighet/ }).waitFor();
    expect(await page.getByLabel("År", { exact: true }).inputValue()).toBe("2023");
    await page.getByRole("button", { name: "Hämta förbrukning från huvudboken" }).click();
    await expect.poll(async () => plain(await page.locator("#ledger-sync-result").textContent())).toBe(
      "Förbrukat enligt huvudboken 2023: 4 623 541 kr på objekt 9929 (4 rader). Intäkter på objektet: 5 039 944 kr.",
    );
    await expect.poll(async () => plain(await page.locator("#grant-figures").textContent())).toBe(
      "Rätt till5 039 944 krRekvirerat–Mottaget5 039 944 krFörbrukat4 623 541 krOutnyttjat416 403 krAtt återbetala416 403 kr",
    );
    const row = plain(await page.locator("table.data", { hasText: "Utgifter mot bidraget" }).locator("tbody tr").first().textContent());
    expect(row).toBe("2023-12-31Kostnader på objekt 9929 enligt huvudboken 2023 (4 rader)Huvudboken 2023, objekt 99294 623 541 kr");
    await expectAccessible(page, "Region Jämtland Härjedalen");
    await page.screenshot({ path: "test-results/grants-register-ledger.png", fullPage: true });
    await context.close();
  }, 120_000);
});
