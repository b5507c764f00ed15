import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

const ADMIN = { username: "ref-admin", displayName: "Ref Admin", password: "ett-långt-lösenord-123", isAdmin: true };

describe("folkmängd i en riktig webbläsare", () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp([ADMIN]);
  });
  afterAll(() => app?.close());

  it("slår upp Södras folkmängd och importerar en fil med förlopp", async () => {
    const page = await (await app.browser.newContext({ locale: "sv-SE" })).newPage();
    await page.goto(app.server.url);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("navigation").getByRole("link", { name: "Folkmängd" }).click();
    await page.getByRole("heading", { level: 1, name: "Folkmängd" }).waitFor();
    await expectAccessible(page, "Folkmängd");

    await page.getByLabel(/^Område/).fill("SVR-SODRA");
    await page.getByLabel("Datum", { exact: true }).selectOption("2021-12-31");
    await page.getByLabel("hela medlemsregioner").check();
    await page.getByRole("button", { name: "Slå upp" }).click();
    await expect.poll(async () => plain(await page.locator("table.data caption").textContent())).toMatch(/2 104 945 invånare$/);
    expect(await page.locator("table.data tbody tr").count()).toBe(4);

    const dir = mkdtempSync(join(tmpdir(), "fordela-pop-"));
    const bad = join(dir, "population-2022-10-31-counties.csv");
    writeFileSync(bad, "code,name,level,population\n23,Jämtlands län,lan,131000\n10,Blekinge län,lan,många\n");
    await page.getByLabel("Fil", { exact: true }).setInputFiles(bad);
    await page.getByRole("button", { name: "Importera" }).click();
    await expect.poll(async () => plain(await page.getByRole("alert").textContent())).toMatch(/rad 3/i);

    const good = join(dir, "population-2022-10-31-counties.csv");
    writeFileSync(good, "code,name,level,population\n23,Jämtlands län,lan,131000\n");
    await page.getByLabel("Fil", { exact: true }).setInputFiles(good);
    await page.getByRole("button", { name: "Importera" }).click();
    await expect.poll(async () => plain(await page.locator("p.success").textContent())).toBe("Importerade 1 rader för 2022-10-31 (1 nya, 0 ersatta).");
    await expect.poll(async () => plain(await page.locator("#dates-heading + ul").textContent())).toContain("2022-10-31 – ofullständig: 1 av 21 län, inga kommuner");
    expect((await page.locator("#lookup-date option").allTextContents()).map(plain)).toContain("2023-12-31 – ofullständig: riket, alla 21 län, 256 av 290 kommuner");
    await expectAccessible(page, "Folkmängd");
  });
});
