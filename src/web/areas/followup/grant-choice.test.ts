import { describe, expect, it } from "vitest";
import { grantLabel, grantOptions, linkedGrantName, type GrantOption } from "./grant-choice";

const g = (id: number, title: string, diaryNumber: string | null, decisionDate: string | null, status: "draft" | "decided" = "decided"): GrantOption => ({ id, title, diaryNumber, decisionDate, status });

describe("choosing a grant by name", () => {
  it("names a grant by its title, diary number and date", () => {
    expect(grantLabel(g(1, "Sammanhållen vård", "S2023/00488", "2023-02-02"))).toBe("Sammanhållen vård (S2023/00488, 2023-02-02)");
    expect(grantLabel(g(2, "Tillgänglighet", null, null, "draft"))).toBe("Tillgänglighet (utkast)");
    expect(grantLabel(g(3, "Tillgänglighet", null, null))).toBe("Tillgänglighet");
  });

  it("orders by title, newest first", () => {
    expect(grantOptions([g(1, "Ö", null, null), g(2, "A", null, "2022-01-01"), g(3, "A", null, "2023-01-01")]).map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it("shows a stored link by name, and says when the grant cannot be shown", () => {
    const all = [g(7, "Sammanhållen vård", "S2023/00488", null)];
    expect(linkedGrantName(7, all)).toBe("Sammanhållen vård (S2023/00488)");
    expect(linkedGrantName(null, all)).toBe("–");
    expect(linkedGrantName(9, all)).toBe("Statsbidrag 9 (finns inte eller syns inte för dig)");
  });
});
