import { describe, expect, it } from "vitest";
import { ssoErrorMessage } from "./sso-errors";

describe("the login page's messages after a sign-in through the identity provider", () => {
  it("says why, in Swedish, naming the provider", () => {
    expect(ssoErrorMessage(null, "Region Testlands inloggning")).toBeUndefined();
    expect(ssoErrorMessage("sso_no_rule", "Region Testlands inloggning")).toMatch(/^Region Testlands inloggning godkände inloggningen, men ingen inloggningsregel/);
    expect(ssoErrorMessage("sso_failed", "X")).toBe("Inloggningen via X kunde inte slutföras. Logga in igen.");
    expect(ssoErrorMessage("<script>", "X")).toBe("Inloggningen via X kunde inte slutföras. Logga in igen.");
  });
});
