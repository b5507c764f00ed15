import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoGrants } from "../../src/db/demo/grants";
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
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("avsluta statsbidrag i en riktig webbläsare", () => {
  it("visar översikten, sparar utbetalningsuppgifter och tar fram den ekonomiska redovisningen som PDF", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("pageerror", (e) => consoleErrors.push(e.message));

    await page.goto(`${app.server.url}/statsbidrag/avslut/23`);
    await login(page, USER.username, USER.password);
    await page.getByRole("heading", { level: 1, name: "Avsluta statsbidrag: Region Jämtland Härjedalen" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Strategiska medel" });
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
    await expect.poll(async () => plain(await page.getByRole("row").filter({ hasText: "Strategiska medel" }).textContent())).toContain("Återbetala 1 999 944 kr till Kammarkollegiet");
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
