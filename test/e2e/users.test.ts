import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

const ADMIN = { username: "it-admin", displayName: "IT-administratör", password: "ett-långt-lösenord-för-it", isAdmin: true };

describe("användaradministration i en riktig webbläsare", () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp([ADMIN]);
  }, 600_000);
  afterAll(() => app?.close());

  it("lägger till en användare, byter roll, återställer lösenordet och stänger av användaren", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE" });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("navigation").getByRole("link", { name: "Användare" }).click();
    await page.getByRole("heading", { level: 1, name: "Användare" }).waitFor();
    await expectAccessible(page, "Användare");

    await page.getByLabel("Användarnamn", { exact: true }).fill("nora");
    await page.getByLabel("Namn", { exact: true }).fill("Nora Nyanställd");
    await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Region Jämtland Härjedalen" });
    await page.getByLabel("Roll", { exact: true }).selectOption({ label: "handläggare" });
    await page.getByRole("button", { name: "Lägg till användare" }).click();
    const firstPassword = (await page.locator("code.one-time-password").textContent())!;
    expect(firstPassword).toMatch(/^\S{20}$/);
    await expect.poll(async () => plain(await page.locator("table tbody").textContent())).toContain("handläggare i Region Jämtland Härjedalen");
    await expectAccessible(page, "Användare");

    await page.getByRole("link", { name: "nora" }).click();
    await page.getByRole("heading", { level: 1, name: "Användare nora" }).waitFor();
    await expectAccessible(page, "Användare nora");
    await page.getByLabel("Roll i Region Jämtland Härjedalen").selectOption({ label: "beslutsfattare" });
    await page.getByRole("button", { name: "Byt roll i Region Jämtland Härjedalen" }).click();
    await expect.poll(async () => plain(await page.getByRole("status").first().textContent())).toBe("nora är beslutsfattare i Region Jämtland Härjedalen.");

    await page.getByRole("button", { name: "Återställ lösenord" }).click();
    await page.locator("code.one-time-password").waitFor();
    const secondPassword = (await page.locator("code.one-time-password").textContent())!;
    expect(secondPassword).toMatch(/^\S{20}$/);
    expect(secondPassword).not.toBe(firstPassword);

    // The new user logs in with the one-time password and is made to change it first.
    const other = await app.browser.newContext({ locale: "sv-SE" });
    const nora = await other.newPage();
    await nora.goto(app.server.url);
    await login(nora, "nora", secondPassword);
    await nora.getByRole("heading", { level: 1, name: "Byt lösenord" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Användare nora" }).waitFor();
    await expect.poll(async () => page.getByRole("table", { name: "Sessioner för nora" }).locator("tbody tr").count()).toBe(1);

    await page.getByRole("button", { name: "Stäng av användaren" }).click();
    await expect.poll(async () => plain(await page.getByRole("status").first().textContent())).toBe("nora är avstängd.");
    await expect.poll(async () => plain(await page.locator("dl").textContent())).toMatch(/Status\s*Avstängd \d{4}-\d{2}-\d{2}/);
    expect(await page.getByRole("button", { name: "Aktivera användaren" }).count()).toBe(1);
    await expectAccessible(page, "Användare nora");

    // Her session ended with the deactivation; logging in again is refused.
    await nora.reload();
    await nora.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await login(nora, "nora", secondPassword);
    await expect.poll(async () => plain(await nora.getByRole("alert").textContent())).toMatch(/Kontot är avstängt/);
    await other.close();
    await context.close();
  });
});
