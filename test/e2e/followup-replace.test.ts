import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCp437 } from "../../src/formats/sie/encoding";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// Issue 10 item 1 in a real browser: a year's SIE file replaced by a much smaller one is held for
// an explicit yes beside what would change, and the earlier file, kept as a version, is made the
// year's current one again with a button.

const CONTROLLER = { username: "sodra.ersatt", displayName: "Erik Ersättare", password: "forst-fore-och-efter-sedan-ja" };

/** A year 2024 file: `vouchers` salaries of 100 kr each. */
function yearFile(vouchers: number): Buffer {
  const lines = ["#FLAGGA 0", "#SIETYP 4", "#RAR 0 20240101 20241231", '#KONTO 7010 "Löner"', '#KONTO 1930 "Bank"'];
  for (let v = 1; v <= vouchers; v++) lines.push(`#VER A ${v} 20240115 "Lön"`, "{", "#TRANS 7010 {} 100.00", "#TRANS 1930 {} -100.00", "}");
  return Buffer.from(encodeCp437(lines.join("\r\n") + "\r\n"));
}

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...CONTROLLER, roles: [{ organisationCode: "SVR-SODRA", role: "editor" }] }]);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** The status cell of a file's newest row in the imports table. */
const statusOf = (page: Page) => async (file: string) => plain(await page.locator("#imports-table tbody tr", { hasText: file }).first().locator("td").nth(2).textContent());

async function upload(page: Page, name: string, vouchers: number) {
  await page.getByLabel("Välj SIE-fil").setInputFiles({ name, mimeType: "application/octet-stream", buffer: yearFile(vouchers) });
  await page.getByRole("button", { name: "Importera SIE-filen" }).click();
}

describe("ersätta ett års SIE-import", () => {
  it("visar före och efter, kräver ett uttryckligt ja och kan göra den tidigare filen gällande igen", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(app.server.url);
    await login(page, CONTROLLER.username, CONTROLLER.password);
    await page.getByRole("heading", { level: 1, name: /Erik Ersättare/ }).waitFor();
    await page.goto(`${app.server.url}/uppfoljning/import`);
    await page.getByRole("heading", { level: 1, name: "Importera utfall" }).waitFor();
    const status = statusOf(page);

    await upload(page, "hela-2024.se", 40);
    await expect
      .poll(async () => plain(await page.locator("#sie-progress-text").textContent()), { timeout: 30_000 })
      .toBe("Klart: hela-2024.se importerades för 2024 med 40 verifikationer och 80 transaktionsrader.");

    // A file with far fewer rows for the same year: nothing changes until the user says yes.
    await upload(page, "bara-3.se", 3);
    const confirm = page.getByRole("alert").filter({ hasText: "Filen skulle ersätta import" });
    await confirm.waitFor({ timeout: 30_000 });
    expect(plain(await confirm.locator("p").first().textContent())).toMatch(/^Filen skulle ersätta import \d+ \(hela-2024\.se\) för 2024\. Ingenting är ändrat ännu\./);
    const compared = (await confirm.locator("tbody tr").allTextContents()).map(plain);
    expect(compared).toEqual(["Verifikationer403", "Transaktioner806", "Personal4 000 kr300 kr", "Balanskonton-4 000 kr-300 kr"]);
    await expectAccessible(page, "Importera utfall");
    await page.screenshot({ path: "test-results/followup-replace-confirm.png", fullPage: true });
    expect(await status("hela-2024.se")).toBe("Klar");

    await confirm.getByRole("button", { name: "Ja, ersätt importen för 2024" }).click();
    await expect
      .poll(async () => plain(await page.locator("#sie-progress-text").textContent()), { timeout: 30_000 })
      .toMatch(/^Klart: bara-3\.se importerades för 2024 med 3 verifikationer och 6 transaktionsrader\./);
    await expect.poll(() => status("bara-3.se")).toBe("Klar");
    expect(await status("hela-2024.se")).toMatch(/^Ersatt/);

    // The earlier file is a kept version: one button makes it the year's again.
    await page.getByRole("button", { name: /^Gör hela-2024\.se \(import \d+\) gällande igen för 2024$/ }).click();
    await expect.poll(async () => plain(await page.locator("#make-current-status").textContent())).toMatch(/^hela-2024\.se \(import \d+\) gäller nu för 2024; import \d+ sparas som version\.$/);
    await expect.poll(() => status("hela-2024.se")).toBe("Klar");
    expect(await status("bara-3.se")).toMatch(/^Ersatt/);
    await expectAccessible(page, "Importera utfall");
    await page.screenshot({ path: "test-results/followup-replace-current.png", fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
