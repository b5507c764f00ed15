import { UserFacingError } from "../../core/errors";

/** Single sign-on through an OpenID Connect provider (Entra ID, or an IdP in front of SITHS). */
export interface OidcConfig {
  /** The provider's issuer; its /.well-known/openid-configuration is read at the first sign-in. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** Fördela's callback as registered at the provider: https://…/api/auth/oidc/callback. */
  redirectUrl: string;
  /** Shown on the login page: "Logga in med <name>". */
  name: string;
  scopes: string;
}

const isLoopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

function url(name: string, raw: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new UserFacingError(`${name}=${raw}: ange en fullständig adress (https://…).`);
  }
  // Tokens and codes travel over these addresses: plain http only on this machine (tests, trying out).
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopback(parsed))) {
    throw new UserFacingError(`${name}=${raw}: adressen måste börja med https:// (http:// bara för localhost).`);
  }
  return parsed;
}

/**
 * Reads FORDELA_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URL, _NAME and _SCOPES. Single
 * sign-on is off without an issuer; with one, a missing or bad setting is refused at start-up.
 */
export function oidcConfigFrom(env: Record<string, string | undefined>): OidcConfig | undefined {
  const issuer = env.FORDELA_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const required = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new UserFacingError(`FORDELA_OIDC_ISSUER är satt men ${name} saknas.`);
    return value;
  };
  const redirectUrl = url("FORDELA_OIDC_REDIRECT_URL", required("FORDELA_OIDC_REDIRECT_URL"));
  if (!redirectUrl.pathname.endsWith("/api/auth/oidc/callback")) {
    throw new UserFacingError(`FORDELA_OIDC_REDIRECT_URL=${redirectUrl.href}: adressen ska sluta med /api/auth/oidc/callback.`);
  }
  const scopes = env.FORDELA_OIDC_SCOPES?.trim() || "openid profile email";
  if (!scopes.split(/\s+/).includes("openid")) throw new UserFacingError(`FORDELA_OIDC_SCOPES=${scopes}: openid måste vara med.`);
  return {
    issuer: url("FORDELA_OIDC_ISSUER", issuer).href.replace(/\/$/, ""),
    clientId: required("FORDELA_OIDC_CLIENT_ID"),
    clientSecret: env.FORDELA_OIDC_CLIENT_SECRET?.trim() || undefined,
    redirectUrl: redirectUrl.href,
    name: env.FORDELA_OIDC_NAME?.trim() || "organisationens inloggning",
    scopes,
  };
}
