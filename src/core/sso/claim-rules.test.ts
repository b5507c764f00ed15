import { describe, expect, it } from "vitest";
import { claimValues, firstMatchingRule, ruleMatches } from "./claim-rules";

const claims = {
  sub: "abc",
  email: "Anna.Andersson@RegionHalland.se",
  groups: ["0b1e-ekonomi", "77aa-chefer"],
  tid: "tenant-1",
  realm_access: { roles: ["fordela-editor"] },
  employee: true,
};

describe("claim rules", () => {
  it("reads strings, lists, booleans and dotted paths, nothing else", () => {
    expect(claimValues(claims, "groups")).toEqual(["0b1e-ekonomi", "77aa-chefer"]);
    expect(claimValues(claims, "tid")).toEqual(["tenant-1"]);
    expect(claimValues(claims, "realm_access.roles")).toEqual(["fordela-editor"]);
    expect(claimValues(claims, "employee")).toEqual(["true"]);
    expect(claimValues(claims, "realm_access")).toEqual([]);
    expect(claimValues(claims, "missing.path")).toEqual([]);
    expect(claimValues(claims, "constructor")).toEqual([]);
  });

  it("contains compares exactly; ends_with ignores case", () => {
    expect(ruleMatches({ claim: "groups", operator: "contains", value: "77aa-chefer" }, claims)).toBe(true);
    expect(ruleMatches({ claim: "groups", operator: "contains", value: "77AA-chefer" }, claims)).toBe(false);
    expect(ruleMatches({ claim: "groups", operator: "contains", value: "77aa" }, claims)).toBe(false);
    expect(ruleMatches({ claim: "tid", operator: "contains", value: "tenant-1" }, claims)).toBe(true);
    expect(ruleMatches({ claim: "email", operator: "ends_with", value: "@regionhalland.se" }, claims)).toBe(true);
    expect(ruleMatches({ claim: "email", operator: "ends_with", value: "@regionskane.se" }, claims)).toBe(false);
  });

  it("the first matching rule in order wins", () => {
    const rules = [
      { id: 1, claim: "groups", operator: "contains" as const, value: "finns-inte" },
      { id: 2, claim: "groups", operator: "contains" as const, value: "0b1e-ekonomi" },
      { id: 3, claim: "email", operator: "ends_with" as const, value: "@regionhalland.se" },
    ];
    expect(firstMatchingRule(rules, claims)?.id).toBe(2);
    expect(firstMatchingRule(rules.slice(2), claims)?.id).toBe(3);
    expect(firstMatchingRule(rules.slice(0, 1), claims)).toBeUndefined();
  });
});
