import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, freePort, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";
import { startTestProvider, type TestProvider } from "../helpers/oidc-provider";

const ADMIN = { username: "it-admin", displayName: "IT-administratör", password: "ett-långt-lösenord-för-it", isAdmin: true };

// Single sign-on in a real browser against a real OpenID Connect provider (oidc-provider) that
// the test starts: the administrator writes a rule on the rules page, and a person clicks
// "Logga in med …" on the login page and lands signed in with the rule's organisation and role.
describe("inloggning via identitetsleverantören i en riktig webbläsare", () => {
  let app: BrowserApp;
  let idp: TestProvider;
  beforeAll(async () => {
    const port = await freePort();
    const callback = `http://localhost:${port}/api/auth/oidc/callback`;
    idp = await startTestProvider([callback]);
    app = await startBrowserApp([ADMIN], {
      port,
      oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUrl: callback, name: "Region Testlands inloggning", scopes: "openid profile email groups" },
    });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it("an administrator adds a rule; a person signs in with the provider and gets its organisation and role", async () => {
    const adminContext = await app.browser.newContext({ locale: "sv-SE" });
    const page = await adminContext.newPage();
    await page.goto(app.server.url);
    await page.getByRole("link", { name: "Logga in med Region Testlands inloggning" }).waitFor();
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("navigation").getByRole("link", { name: "Inloggningsregler" }).click();
    await page.getByRole("heading", { level: 1, name: "Inloggningsregler" }).waitFor();
    await page.getByLabel("Anspråk").fill("groups");
    await page.getByLabel("Villkor").selectOption({ label: "innehåller" });
    await page.getByLabel("Värde").fill("fordela-handlaggare");
    await page.getByLabel("Organisation").selectOption({ label: "Region Jämtland Härjedalen" });
    await page.getByLabel("Roll").selectOption({ label: "handläggare" });
    await page.getByRole("button", { name: "Lägg till regel" }).click();
    await expect.poll(async () => plain(await page.getByRole("status").first().textContent())).toContain("är tillagd som nummer 1");
    await expect.poll(async () => plain(await page.locator("table tbody").textContent())).toContain("groups innehåller fordela-handlaggare");
    await expectAccessible(page, "Inloggningsregler");

    // Someone no rule matches is refused with the reason, in Swedish.
    idp.signInAs({ sub: "u-okand", name: "Okänd Person", preferred_username: "okand@testland.se", groups: ["annat"] });
    const strangerContext = await app.browser.newContext({ locale: "sv-SE" });
    const stranger = await strangerContext.newPage();
    await stranger.goto(app.server.url);
    await stranger.getByRole("link", { name: "Logga in med Region Testlands inloggning" }).click();
    await expect.poll(async () => plain(await stranger.getByRole("alert").first().textContent())).toContain("ingen inloggningsregel i Fördela ger dig en organisation och roll");
    await expectAccessible(stranger, "Logga in");

    idp.signInAs({ sub: "u-anna", name: "Anna Andersson", preferred_username: "anna@testland.se", email: "anna@testland.se", groups: ["fordela-handlaggare"] });
    const personContext = await app.browser.newContext({ locale: "sv-SE" });
    const person = await personContext.newPage();
    await person.goto(app.server.url);
    await person.getByRole("link", { name: "Logga in med Region Testlands inloggning" }).click();
    await person.getByRole("button", { name: "Logga ut" }).waitFor();
    expect(new URL(person.url()).origin).toBe(new URL(app.server.url).origin);
    expect(plain(await person.locator("header").textContent())).toContain("Anna Andersson");
    const me = await person.evaluate(async () => (await fetch("/api/auth/me")).json());
    expect(me.user).toMatchObject({ username: "anna@testland.se", roles: [{ organisationName: "Region Jämtland Härjedalen", role: "editor" }] });

    // The administrator sees that she signs in through the provider.
    await page.getByRole("navigation").getByRole("link", { name: "Användare" }).click();
    await page.getByRole("link", { name: "anna@testland.se" }).click();
    await page.getByRole("heading", { level: 1, name: "Användare anna@testland.se" }).waitFor();
    expect(plain(await page.locator("dl").textContent())).toContain("InloggningVia identitetsleverantören");
    await Promise.all([adminContext.close(), strangerContext.close(), personContext.close()]);
  }, 120_000);
});
