import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import type { OpenDatabase } from "../../src/db/connect";
import { loadReferenceData } from "../../src/db/queries/reference";
import { createUser, type NewUser } from "../../src/server/auth/users";
import type { AppConfig } from "../../src/server/context";
import { startServer, type RunningServer } from "../../src/server/http";
import { createTestDatabase } from "./db";

// Shared set-up for real-browser tests: the current web sources built into a private folder,
// a fresh database with reference data and the given users, the server, and Debian's Chromium.

export const CHROMIUM = "/usr/bin/chromium";

export interface BrowserApp {
  db: OpenDatabase;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserApp(users: NewUser[], options: Pick<AppConfig, "oidc"> & { port?: number } = {}): Promise<BrowserApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Webbläsartestet kräver Chromium på ${CHROMIUM}, men filen finns inte. Installera paketet chromium (apt-get install chromium).`);
  }
  // The current sources, built once per run into a private folder (test/global-setup.ts).
  const webDir = inject("webBundle");
  const db = await createTestDatabase();
  await loadReferenceData(db.db);
  for (const user of users) await createUser(db.db, user);
  const server = await startServer(db.db, { port: options.port ?? 0, secureCookies: false, webDir, oidc: options.oidc });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return {
    db,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await db.close();
    },
  };
}

/** Vite renders NBSP in amounts; the assertions below are written with plain spaces. */
export const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

export interface A11yReport {
  lang: string;
  title: string;
  h1Count: number;
  mainCount: number;
  unlabelled: string[];
  imagesWithoutAlt: number;
  emptyButtons: number;
  brokenDescribedBy: string[];
  duplicateIds: string[];
  tablesWithoutCaption: number;
  headersWithoutScope: number;
  lowContrast: string[];
}

/** Accessibility smoke check run in the page; returns findings rather than throwing so a failure shows them all. */
export async function a11y(page: Page): Promise<A11yReport> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea")].filter(
      (el) => !(el instanceof HTMLInputElement && el.type === "hidden"),
    );
    const nameOf = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) => {
      const byLabel = [...(el.labels ?? [])].map((l) => l.textContent ?? "").join(" ").trim();
      const byAria = (el.getAttribute("aria-label") ?? "").trim();
      const byRef = (el.getAttribute("aria-labelledby") ?? "")
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent ?? "" : ""))
        .join(" ")
        .trim();
      return byLabel || byAria || byRef;
    };
    const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
    return {
      lang: document.documentElement.lang,
      title: document.title,
      h1Count: document.querySelectorAll("h1").length,
      mainCount: document.querySelectorAll("main").length,
      unlabelled: controls.filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 120)),
      imagesWithoutAlt: document.querySelectorAll("img:not([alt])").length,
      emptyButtons: [...document.querySelectorAll("button, a[href]")].filter((el) => !(el.textContent ?? "").trim() && !el.getAttribute("aria-label")).length,
      brokenDescribedBy: [...document.querySelectorAll("[aria-describedby]")].flatMap((el) =>
        (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && !document.getElementById(id)),
      ),
      duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      tablesWithoutCaption: [...document.querySelectorAll("table")].filter((t) => !t.querySelector("caption")?.textContent?.trim()).length,
      headersWithoutScope: [...document.querySelectorAll("th")].filter((th) => !th.getAttribute("scope")).length,
      lowContrast: lowContrast(),
    };

    // WCAG 2.1 contrast of every element that holds visible text against its painted background.
    function lowContrast(): string[] {
      const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if ((c[3] ?? 1) > 0.5) return c;
        }
        return [255, 255, 255];
      };
      const found: string[] = [];
      for (const el of document.querySelectorAll("body *")) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim());
        const style = getComputedStyle(el);
        if (!own || style.visibility === "hidden" || style.display === "none" || (el as HTMLElement).offsetParent === null) continue;
        if (el.closest(".visually-hidden, :disabled")) continue;
        const fg = lum(rgba(style.color));
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) found.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
      }
      return found;
    }
  });
}

export async function expectAccessible(page: Page, titlePrefix: string) {
  const report = await a11y(page);
  expect(report).toEqual({
    lang: "sv",
    title: expect.stringMatching(new RegExp(`^${titlePrefix}.* – Fördela$`)),
    h1Count: 1,
    mainCount: 1,
    unlabelled: [],
    imagesWithoutAlt: 0,
    emptyButtons: 0,
    brokenDescribedBy: [],
    duplicateIds: [],
    tablesWithoutCaption: 0,
    headersWithoutScope: 0,
    lowContrast: [],
  });
}

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}


/** A port free on this machine now, for a server whose own address must be known before it starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
