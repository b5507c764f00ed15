import { describe, expect, it } from "vitest";
import { oidcConfigFrom } from "./oidc-config";

const base = {
  FORDELA_OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
  FORDELA_OIDC_CLIENT_ID: "fordela",
  FORDELA_OIDC_REDIRECT_URL: "https://fordela.region.se/api/auth/oidc/callback",
};

describe("FORDELA_OIDC_* settings", () => {
  it("is off without an issuer, and reads the rest with defaults", () => {
    expect(oidcConfigFrom({})).toBeUndefined();
    expect(oidcConfigFrom(base)).toEqual({
      issuer: "https://login.microsoftonline.com/tenant/v2.0",
      clientId: "fordela",
      clientSecret: undefined,
      redirectUrl: "https://fordela.region.se/api/auth/oidc/callback",
      name: "organisationens inloggning",
      scopes: "openid profile email",
    });
    expect(oidcConfigFrom({ ...base, FORDELA_OIDC_NAME: "Region Hallands inloggning", FORDELA_OIDC_CLIENT_SECRET: "s" })).toMatchObject({ name: "Region Hallands inloggning", clientSecret: "s" });
  });

  it("refuses at start-up what cannot work or is unsafe, naming the setting", () => {
    expect(() => oidcConfigFrom({ ...base, FORDELA_OIDC_CLIENT_ID: "" })).toThrow("FORDELA_OIDC_ISSUER är satt men FORDELA_OIDC_CLIENT_ID saknas.");
    expect(() => oidcConfigFrom({ ...base, FORDELA_OIDC_ISSUER: "http://idp.region.se" })).toThrow(/FORDELA_OIDC_ISSUER=.*https:\/\//);
    expect(oidcConfigFrom({ ...base, FORDELA_OIDC_ISSUER: "http://127.0.0.1:4000", FORDELA_OIDC_REDIRECT_URL: "http://localhost:3000/api/auth/oidc/callback" })?.issuer).toBe("http://127.0.0.1:4000");
    expect(() => oidcConfigFrom({ ...base, FORDELA_OIDC_REDIRECT_URL: "https://fordela.region.se/" })).toThrow(/ska sluta med \/api\/auth\/oidc\/callback/);
    expect(() => oidcConfigFrom({ ...base, FORDELA_OIDC_SCOPES: "profile" })).toThrow(/openid måste vara med/);
    expect(() => oidcConfigFrom({ ...base, FORDELA_OIDC_ISSUER: "inte en adress" })).toThrow(/ange en fullständig adress/);
  });
});
