import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoGrants } from "../../src/db/demo/grants";
import { SEED_003_AGREEMENT, seed003Part } from "../../src/db/demo/grants-seeds";
import { decisionParts, insertDecision } from "../../src/db/queries/grants-decisions";
import { saveAnnexDistribution } from "../../src/db/queries/grants-distribution";
import { importSie } from "../../src/ledger/import-sie";
import { seed003Sie } from "../fixtures/closing/seed-003-ledger";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// The coordinator's overview in a real browser: seed 003 with its 2023 ledger on object 9929,
// payee details refused and then saved, and the financial report produced as a PDF.

const USER = { username: "jamtland.avslut", displayName: "Lina Samordnare", password: "rekvisition-redovisning-objekt" };
const hasPoppler = spawnSync("which", ["pdftotext"]).status === 0;

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...USER, roles: [{ organisationCode: "23", role: "editor" }] }]);
  await loadDemoGrants(app.db.db);
  const org = await app.db.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow();
  await importSie(app.db.db, await seed003Sie(2023), { organisationId: org.id, fileName: "rjh-2023.se" });
  // The agreement's next year, so that the 2023 money can be carried to it.
  const agreement = await app.db.db.selectFrom("grant_agreements").select("id").where("name", "=", SEED_003_AGREEMENT).executeTakeFirstOrThrow();
  const decisionId = await insertDecision(
    app.db.db,
    { agreementId: agreement.id, organisationId: org.id, title: "Strategiska medel 2024", diaryNumber: "S2024/00100", decisionDate: "2024-02-01", ministry: null, payerCode: "KAMMARKOLLEGIET", signatories: [], total: 44_000_000_000, parts: [{ ...seed003Part, reportDeadline: "2025-03-31", repaymentDeadline: "2025-03-31" }] },
    null,
  );
  const [part2024] = await decisionParts(app.db.db, [decisionId]);
  await saveAnnexDistribution(app.db.db, part2024!.id, [{ recipientCode: "23", name: "Region Jämtland Härjedalen", amount: 500_000_000, line: 1 }], "test", null, null);
  await app.db.db.updateTable("grant_decisions").set({ status: "decided" }).where("id", "=", decisionId).execute();
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** The coordinator signed in on Region Jämtland Härjedalen's closing page, page errors collected. */
async function closingPage() {
  const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(`${app.server.url}/statsbidrag/avslut/23`);
  await login(page, USER.username, USER.password);
  return { context, page, consoleErrors };
}

describe("avsluta statsbidrag i en riktig webbläsare", () => {
  it("visar översikten, sparar utbetalningsuppgifter och tar fram den ekonomiska redovisningen som PDF", async () => {
    const { context, page, consoleErrors } = await closingPage();
    await page.getByRole("heading", { level: 1, name: "Avsluta statsbidrag: Region Jämtland Härjedalen" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Strategiska medel" }).filter({ hasNotText: "S2024/00100" });
    expect(plain(await row.textContent())).toContain("5 039 944 kr3 040 000 kr1 999 944 kr1 999 944 kr");
    await expectAccessible(page, "Avsluta statsbidrag");

    await page.getByLabel("Organisationsnummer", { exact: true }).fill("232100-0016");
    await page.getByLabel("Nummer", { exact: true }).fill("5050-1056");
    await page.getByRole("button", { name: "Spara utbetalningsuppgifterna" }).click();
    await expect.poll(async () => plain(await page.getByRole("alert").first().textContent())).toContain("fel kontrollsiffra");
    await page.getByLabel("Nummer", { exact: true }).fill("5050-1055");
    await page.getByRole("button", { name: "Spara utbetalningsuppgifterna" }).click();
    await page.getByText("Utbetalningsuppgifterna är sparade.").waitFor();

    await page.getByLabel("Namn", { exact: true }).fill("Sara Lewerentz");
    await page.getByLabel("Befattning", { exact: true }).fill("Regiondirektör");
    await row.getByRole("button", { name: "Lämna ekonomisk redovisning" }).click();
    const link = page.getByRole("link", { name: "PDF" });
    await link.waitFor();
    await page.screenshot({ path: "test-results/grants-closing-overview.png", fullPage: true });
    const href = await link.getAttribute("href");
    const pdf = await page.request.get(`${app.server.url}${href}`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (hasPoppler) {
      const file = join(mkdtempSync(join(tmpdir(), "fordela-e2e-closing-")), "redovisning.pdf");
      writeFileSync(file, bytes);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ");
      expect(text).toContain("1 999 944 kr återbetalas till Kammarkollegiet senast 2024-03-31");
      expect(text).toContain("Sara Lewerentz");
    }
    // The overview now asks for the repayment.
    await expect.poll(async () => plain(await row.textContent())).toContain("Återbetala 1 999 944 kr till Kammarkollegiet");
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it("registrerar bidragsgivarens medgivande att använda det outnyttjade nästa år, och båda åren visar det", async () => {
    const { context, page, consoleErrors } = await closingPage();
    await page.getByRole("heading", { level: 2, name: "Använda outnyttjade medel nästa år" }).waitFor();
    expect((await page.getByLabel("Från del").locator("option").allTextContents()).map(plain)).toEqual([expect.stringMatching(/^2023: Strategiska medel.*outnyttjat 1 999 944 kr$/)]);
    expect(plain((await page.getByLabel("Till nästa års del").locator("option").allTextContents()).join())).toMatch(/^2024: Strategiska medel .*… \(S2024\/00100, del \d+\)$/);

    await page.getByLabel("Beslutsdatum").fill("2024-02-15");
    await page.getByRole("button", { name: "Registrera medgivandet" }).click();
    await page.getByText("Ange diarienumret på bidragsgivarens beslut.").waitFor();
    expect(await page.getByLabel("Bidragsgivarens diarienummer").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Bidragsgivarens diarienummer").fill("S2024/01234");
    await page.getByLabel("Ny sista dag att använda och redovisa medlen").fill("2025-03-31");
    await page.getByRole("button", { name: "Registrera medgivandet" }).click();
    await page.getByText(/Medgivandet S2024\/01234 är registrerat/).waitFor();

    const row2023 = page.getByRole("table", { name: /Bidragsdelar/ }).getByRole("row").filter({ hasText: "Strategiska medel" }).filter({ hasNotText: "S2024/00100" });
    await expect.poll(async () => plain(await row2023.textContent())).toContain("1 999 944 kr förs till nästa år");
    expect(plain(await row2023.textContent())).toContain("Medgivande S2024/01234");
    const years = page.getByRole("table", { name: /pengarna år för år/ });
    expect(plain(await years.getByRole("row").filter({ hasText: "2023" }).textContent())).toContain("1 999 944 kr");
    expect(plain(await years.getByRole("row").filter({ hasText: "2024" }).textContent())).toMatch(/^20240 kr1 999 944 kr/); // nothing received yet; carried in
    await expectAccessible(page, "Avsluta statsbidrag");
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
