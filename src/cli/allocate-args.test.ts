import { describe, expect, it } from "vitest";
import { buildRequest, parseFreeLine, type RecipientDirectory } from "./allocate-args";

const directory: RecipientDirectory = {
  ofKind: (kind) => (kind === "cooperation_region" ? [{ code: "SVR-NORRA", name: "Norra samverkansregionen" }, { code: "SVR-SODRA", name: "Södra samverkansregionen" }] : []),
  byCode: (code) => (code === "23" ? { code: "23", name: "Region Jämtland Härjedalen" } : undefined),
};

describe("fordela allocate arguments", () => {
  it("parses free lines of each kind", () => {
    expect(parseFreeLine("BUP=973 541 kr", 0)).toEqual({ label: "BUP", method: "fixed", amount: 97_354_100 });
    expect(parseFreeLine("Övrigt=rest", 1)).toEqual({ label: "Övrigt", method: "remainder" });
    expect(parseFreeLine("Index=2,5 %", 2)).toEqual({ label: "Index", method: "percent", percent: "2,5" });
    expect(parseFreeLine("A=vikt:12", 3)).toEqual({ label: "A", method: "weight", weight: 12 });
  });

  it("names the line that is wrong", () => {
    expect(() => parseFreeLine("BUP=1.640", 0)).toThrow(/--line 1 \(BUP\)/);
    expect(() => parseFreeLine("utan likhetstecken", 4)).toThrow(/--line 5/);
  });

  it("builds a request over a group of recipients", () => {
    const request = buildRequest({ total: "60 000 000 kr", recipients: "samverkansregioner" }, directory);
    expect(request.total).toBe(6_000_000_000);
    expect(request.lines.map((l) => l.method)).toEqual(["equal", "equal"]);
    expect(request.key).toEqual({ kind: "none" });
  });

  it("uses population when a date is given", () => {
    const request = buildRequest({ total: "100 kr", recipients: "23", date: "2021-12-31", basis: "whole-regions" }, directory);
    expect(request.key).toEqual({ kind: "population", date: "2021-12-31", basis: "whole_regions" });
    expect(request.lines[0]).toMatchObject({ recipientCode: "23", method: "population" });
  });

  it("rejects bad input with a message saying where", () => {
    expect(() => buildRequest({ recipients: "regioner" }, directory)).toThrow(/--total/);
    expect(() => buildRequest({ total: "abc", recipients: "regioner" }, directory)).toThrow(/--total:/);
    expect(() => buildRequest({ total: "1 kr", recipients: "99" }, directory)).toThrow(/okänd organisationskod "99"/);
    expect(() => buildRequest({ total: "1 kr", recipients: "23", rounding: "sideways" }, directory)).toThrow(/--rounding/);
    expect(() => buildRequest({ total: "1 kr", recipients: "23", key: "population" }, directory)).toThrow(/--date/);
  });
});
