import * as client from "openid-client";
import type { OidcConfig } from "../app/auth/oidc-config";
import { SsoLoginError, type OidcFlow } from "../app/auth/oidc-flows";

/**
 * Fördela as an OpenID Connect relying party (openid-client): discovery, the authorization
 * request with PKCE (S256), state and nonce, and the code exchange that checks them. Holds only
 * the provider's discovered metadata; every sign-in under way lives in the database.
 */
export class RelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly config: OidcConfig) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.config.issuer);
      const loopbackHttp = issuer.protocol === "http:";
      const auth = this.config.clientSecret ? client.ClientSecretBasic(this.config.clientSecret) : client.None();
      this.discovered = client
        .discovery(issuer, this.config.clientId, { redirect_uris: [this.config.redirectUrl], response_types: ["code"] }, auth, {
          execute: loopbackHttp ? [client.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((err: unknown) => {
          // Not cached: the next sign-in tries again (the provider may have been down a moment).
          this.discovered = undefined;
          throw new SsoLoginError("sso_unavailable", `${this.config.name} svarar inte just nu (${err instanceof Error ? err.message.slice(0, 200) : "okänt fel"}). Försök igen om en stund, eller logga in med lösenord.`, 502);
        });
    }
    return this.discovered;
  }

  /** A new sign-in: the values to store and the provider's address to send the browser to. */
  async begin(): Promise<{ flow: OidcFlow; url: string }> {
    const configuration = await this.configuration();
    const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
    });
    return { flow, url: url.href };
  }

  /**
   * Exchanges the code for tokens, checking state, nonce, PKCE and the ID token's signature,
   * issuer, audience and times; the claims are the ID token's with the userinfo's added (some
   * providers put groups and names only there).
   */
  async finish(query: URLSearchParams, flow: OidcFlow): Promise<{ issuer: string; subject: string; claims: Record<string, unknown> }> {
    const configuration = await this.configuration();
    // The callback address as registered, whatever Host a proxy in front passed on.
    const current = new URL(this.config.redirectUrl);
    current.search = query.toString();
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
    } catch (err) {
      throw new SsoLoginError("sso_failed", `Inloggningen via ${this.config.name} kunde inte slutföras (${describe(err)}). Logga in igen.`);
    }
    const idClaims = tokens.claims()!;
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      } catch (err) {
        throw new SsoLoginError("sso_failed", `${this.config.name} lämnade inte ut uppgifterna om dig (${describe(err)}). Logga in igen.`);
      }
    }
    return { issuer: idClaims.iss, subject: idClaims.sub, claims: { ...userinfo, ...idClaims } };
  }
}

function describe(err: unknown): string {
  const e = err as { error?: string; error_description?: string; message?: string };
  // A failed ID token check names the claim (nonce, iss, aud…) only down its chain of causes.
  let claim = "";
  for (let c: unknown = err, depth = 0; c && typeof c === "object" && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    const named = (c as { claim?: unknown }).claim;
    if (typeof named === "string") claim = `: ${named}`;
  }
  return `${e.error_description ?? e.error ?? e.message ?? "okänt fel"}${claim}`.slice(0, 200);
}
