import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/db/demo/load";
import { seed001Sie } from "../fixtures/ledger/seed001-sie";
import { expectAccessible, login, plain, startBrowserApp, type BrowserApp } from "../helpers/browser";

// Issue 12 item 6: Fördela on a phone, 390 px wide. The menu folds behind "Meny", the page never
// scrolls sideways, and a wide table scrolls inside its own box, named and reachable by
// keyboard, with its amounts on one line.

const ADMIN = { username: "mobil.admin", displayName: "Mona Mobil", password: "smal-skarm-breda-tabeller" };

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp([{ ...ADMIN, isAdmin: true, roles: [{ organisationCode: "SVR-SODRA", role: "admin" }] }]);
  await loadDemoData(app.db.db);
  mkdirSync("test-results", { recursive: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** How far the page itself is wider than the screen (0 when it is not). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Amount cells that wrap onto a second line: their text is taller than one line. */
const wrappedAmounts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main td.num, main th.num")]
      .filter((cell) => cell.textContent!.trim() !== "")
      .filter((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size > 1;
      })
      .map((cell) => cell.textContent),
  );

describe("Fördela på en telefon", () => {
  it("fäller ihop menyn, rullar aldrig sidan i sidled och låter breda tabeller rulla i sin egen ruta", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(app.server.url);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("heading", { level: 1, name: /Mona Mobil/ }).waitFor();

    // The menu is folded: its links are hidden until "Meny" is pressed.
    const menu = page.getByRole("button", { name: "Meny" });
    const navLink = (name: string) => page.locator("#huvudmeny").getByRole("link", { name, includeHidden: true });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await navLink("Sparade fördelningar").isVisible()).toBe(false);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectAccessible(page, "Start");
    await page.screenshot({ path: "test-results/phone-start.png", fullPage: true });
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: "test-results/phone-menu.png" });
    // Escape folds it again and leaves focus on the button.
    await navLink("Sparade fördelningar").focus();
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Meny");
    // Escape on the button itself folds it too.
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    // A link to the page already shown folds the menu although the path stays the same.
    await menu.click();
    await navLink("Start").click();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await navLink("Start").isVisible()).toBe(false);
    await menu.click();
    await navLink("Sparade fördelningar").click();
    await page.getByRole("heading", { level: 1, name: "Sparade fördelningar" }).waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    // Seed 002's annex: 21 regions in a table wider than the screen.
    await page.getByRole("link", { name: /medel till regionerna \(S2023\/00488, bilaga 1\)/ }).click();
    await page.getByRole("heading", { level: 1, name: /bilaga 1/ }).waitFor();
    await expect.poll(() => page.locator("main .table-wrap[role=region]").count()).toBeGreaterThan(0);
    const region = page.locator("main .table-wrap[role=region]").first();
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.getAttribute("aria-label")).toMatch(/^Tabell: /);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await wrappedAmounts(page)).toEqual([]);
    // The keyboard scrolls the table's own box.
    await region.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible(page, "Sammanhållen");
    await page.screenshot({ path: "test-results/phone-allocation.png", fullPage: true });

    for (const [path, title] of [
      ["/budget", "Budget"],
      ["/statsbidrag", "Statsbidrag"],
      ["/tidsfrister", "Tidsfrister"],
      ["/granskningslogg", "Granskningslogg"],
      ["/ny-fordelning", "Ny fördelning"],
    ] as const) {
      await page.goto(`${app.server.url}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await sidewaysScroll(page), path).toBe(0);
      expect(await wrappedAmounts(page), path).toEqual([]);
      await page.screenshot({ path: `test-results/phone${path.replace(/\//g, "-")}.png`, fullPage: true });
      void title;
    }

    // Follow-up: seed 001's ledger imported on the phone, then budget against outcome.
    await page.goto(`${app.server.url}/uppfoljning/import`);
    await page.getByRole("heading", { level: 1, name: "Importera utfall" }).waitFor();
    await page.getByLabel("Välj SIE-fil").setInputFiles({ name: "ssvr-2023.se", mimeType: "application/octet-stream", buffer: await seed001Sie() });
    await page.getByRole("button", { name: "Importera SIE-filen" }).click();
    await expect.poll(async () => plain(await page.locator("#sie-progress-text").textContent()), { timeout: 30_000 }).toMatch(/^Klart: ssvr-2023\.se importerades/);
    expect(await sidewaysScroll(page), "/uppfoljning/import").toBe(0);
    expect(await wrappedAmounts(page), "/uppfoljning/import").toEqual([]);
    await page.goto(`${app.server.url}/uppfoljning/budget`);
    await page.getByRole("heading", { level: 1, name: "Budget mot utfall" }).waitFor();
    await page.locator("#bvo-table tbody tr").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await sidewaysScroll(page), "/uppfoljning/budget").toBe(0);
    expect(await wrappedAmounts(page), "/uppfoljning/budget").toEqual([]);
    const bvo = page.locator(".table-wrap", { has: page.locator("#bvo-table") });
    await expect.poll(() => bvo.getAttribute("role")).toBe("region");
    expect(await bvo.getAttribute("tabindex")).toBe("0");
    expect(await bvo.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectAccessible(page, "Budget mot utfall");
    await page.screenshot({ path: "test-results/phone-uppfoljning-budget.png", fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("visar menyn utan knapp på en bred skärm", async () => {
    const context = await app.browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("heading", { level: 1, name: /Mona Mobil/ }).waitFor();
    expect(await page.getByRole("button", { name: "Meny" }).isVisible()).toBe(false);
    expect(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sparade fördelningar" }).isVisible()).toBe(true);
    await context.close();
  });
});
