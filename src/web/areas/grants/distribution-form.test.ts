import { describe, expect, it } from "vitest";
import type { Organisation } from "../../api/types";
import { groupMembers, keyRequest } from "./distribution-form";

const org = (code: string, kind: Organisation["kind"], name: string, countyCode: string | null = null): Organisation => ({ id: code.length, code, kind, name, shortName: name, countyCode });
const orgs = [org("25", "region", "Region Norrbotten", "25"), org("01", "region", "Region Stockholm", "01"), org("SVR-NORRA", "cooperation_region", "Norra"), org("SKR", "skr", "SKR"), org("KAMMARKOLLEGIET", "state", "Kammarkollegiet")];

describe("fördelningsnyckel för en beslutsdel", () => {
  it("väljer gruppens organisationer i länskodsordning", () => {
    expect(groupMembers("regions", orgs).map((o) => o.code)).toEqual(["01", "25"]);
    expect(groupMembers("cooperation_regions", orgs).map((o) => o.code)).toEqual(["SVR-NORRA"]);
    expect(groupMembers("skr", orgs).map((o) => o.code)).toEqual(["SKR"]);
  });

  it("folkmängd: en rad per region med datum och område", () => {
    const { request, errors } = keyRequest(6_250_000_000, groupMembers("regions", orgs), { kind: "population", date: "2023-12-31", basis: "whole_regions", fixed: {} });
    expect(errors).toEqual({});
    expect(request).toEqual({
      total: 6_250_000_000,
      unit: 100,
      rounding: "largest-remainder",
      key: { kind: "population", date: "2023-12-31", basis: "whole_regions" },
      lines: [
        { label: "Region Stockholm", recipientCode: "01", method: "population" },
        { label: "Region Norrbotten", recipientCode: "25", method: "population" },
      ],
    });
  });

  it("fasta belopp läses som öre; fel anges per mottagare", () => {
    const members = groupMembers("regions", orgs);
    expect(keyRequest(300, members, { kind: "fixed", date: "", basis: "membership", fixed: { "01": "1", "25": "2 kr" } }).request!.lines.map((l) => l.amount)).toEqual([100, 200]);
    expect(keyRequest(300, members, { kind: "fixed", date: "", basis: "membership", fixed: { "01": "1.5" } }).errors["fixed-01"]).toMatch(/^Region Stockholm: Beloppet "1.5" är tvetydigt/);
    expect(keyRequest(300, members, { kind: "population", date: "", basis: "membership", fixed: {} }).errors["key-date"]).toBe("Välj folkmängdsdatum (ÅÅÅÅ-MM-DD).");
  });
});
