import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { logInWithSso } from "../../app/auth/log-in-sso";
import { auditSsoFailure, beginFlow, flowMinutes, SsoLoginError, takeFlow } from "../../app/auth/oidc-flows";
import type { OidcConfig } from "../../app/auth/oidc-config";
import { defaultSessionPolicy } from "../../app/auth/sessions";
import { UserFacingError } from "../../core/errors";
import { sessionCookie } from "../auth/sessions";
import { clientAddress } from "../client-address";
import type { App } from "../context";
import { ApiError } from "../errors";
import { RelyingParty } from "../oidc";
import { jsonResponse } from "../schemas";

/**
 * The starting browser's proof: a random value in a cookie that only the sign-in's own paths
 * see. SameSite=Lax, unlike the session cookie, because the provider's answer arrives as a
 * top-level navigation from the provider's site, which a Strict cookie would not come with.
 */
const flowCookie = "fordela_oidc";
const flowCookiePath = "/api/auth/oidc";
const tags = ["Inloggning"];

const status = createRoute({
  method: "get",
  path: "/api/auth/oidc",
  tags,
  summary: "Om inloggning via organisationens identitetsleverantör (OpenID Connect) är påslagen, och dess namn",
  responses: { 200: jsonResponse(z.object({ enabled: z.boolean(), name: z.string().nullable() }).openapi("SsoStatus"), "Inställningen") },
});

const start = createRoute({
  method: "get",
  path: "/api/auth/oidc/start",
  tags,
  summary: "Börja logga in via identitetsleverantören: skickar webbläsaren dit (authorization code med PKCE, state och nonce)",
  responses: { 302: { description: "Till identitetsleverantören" }, 303: { description: "Tillbaka till inloggningen med en felkod (inloggningsfel=…)" } },
});

const callback = createRoute({
  method: "get",
  path: "/api/auth/oidc/callback",
  tags,
  summary: "Identitetsleverantörens svar: loggar in och skickar webbläsaren till Fördela",
  description:
    "Koden byts mot token med PKCE-verifieraren; state, nonce och ID-tokenets signatur, utfärdare och mottagare kontrolleras. Organisation och roll ges av den första inloggningsregel som matchar. Svaret tas bara från webbläsaren som startade inloggningen, en gång, inom tio minuter.",
  request: {
    query: z.object({
      code: z.string().max(4000).optional(),
      state: z.string().max(500).optional(),
      iss: z.string().max(500).optional(),
      error: z.string().max(200).optional(),
      error_description: z.string().max(2000).optional(),
      session_state: z.string().max(500).optional(),
    }),
  },
  responses: { 303: { description: "Inloggad: till startsidan; annars till inloggningen med felkoden i inloggningsfel" } },
});

const notConfigured = () => new ApiError(404, "sso_not_configured", "Inloggning via identitetsleverantör är inte inställd i den här installationen.");

export function registerOidcRoutes(app: App, config: OidcConfig | undefined) {
  const rp = config ? new RelyingParty(config) : undefined;
  const refusedTo = (code: string) => `/?inloggningsfel=${encodeURIComponent(code)}`;

  app.openapi(status, (c) => c.json({ enabled: !!config, name: config?.name ?? null }, 200));

  app.openapi(start, async (c) => {
    if (!rp) throw notConfigured();
    let begun;
    try {
      begun = await rp.begin();
    } catch (err) {
      if (err instanceof SsoLoginError) return c.redirect(refusedTo(err.code), 303);
      throw err;
    }
    const secret = randomBytes(32).toString("base64url");
    await beginFlow(c.get("db"), begun.flow, secret);
    setCookie(c, flowCookie, secret, { httpOnly: true, secure: c.get("config").secureCookies, sameSite: "Lax", path: flowCookiePath, maxAge: flowMinutes * 60 });
    return c.redirect(begun.url, 302);
  });

  app.openapi(callback, async (c) => {
    if (!rp || !config) throw notConfigured();
    const db = c.get("db");
    const query = new URL(c.req.url).searchParams;
    const secret = getCookie(c, flowCookie);
    deleteCookie(c, flowCookie, { path: flowCookiePath });
    const client = { address: clientAddress(c), userAgent: c.req.header("user-agent") };
    try {
      const flow = await takeFlow(db, query.get("state") ?? "", secret);
      if (query.get("error")) {
        throw new SsoLoginError("sso_failed", `${config.name} avbröt inloggningen (${(query.get("error_description") ?? query.get("error"))!.slice(0, 200)}).`);
      }
      const identity = await rp.finish(query, flow);
      const session = await logInWithSso(db, { ...identity, providerName: config.name }, c.get("config").sessionPolicy ?? defaultSessionPolicy, client);
      setCookie(c, sessionCookie, session.token, { httpOnly: true, secure: c.get("config").secureCookies, sameSite: "Strict", path: "/", expires: session.expiresAt });
      return c.redirect("/", 303);
    } catch (err) {
      // The browser came here by navigation: any refusal goes back to the login page, which says
      // why. Another user-facing error (two first sign-ins of one person at once colliding on the
      // new user) becomes "log in again": the second try finds the user.
      if (!(err instanceof UserFacingError)) throw err;
      const refusal = err instanceof SsoLoginError ? err : new SsoLoginError("sso_failed", `Inloggningen kunde inte slutföras (${err.message}). Logga in igen.`);
      // A refusal by the rules is already in the audit log with the claims; the rest go in here.
      if (refusal.code !== "sso_no_rule" && refusal.code !== "sso_deactivated") await auditSsoFailure(db, refusal, client.address);
      return c.redirect(refusedTo(refusal.code), 303);
    }
  });
}
