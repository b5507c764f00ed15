import { describe, expect, it } from "vitest";
import { ownDefault, ownFirst } from "./own-organisation";

const list = [
  { id: 1, name: "Region Stockholm" },
  { id: 5, name: "Region Skåne" },
  { id: 9, name: "Södra samverkansregionen" },
];

describe("organisation lists start at the user's own", () => {
  it("puts the user's organisations first and keeps the rest in order", () => {
    expect(ownFirst(list, { roles: [{ organisationId: 9 }] }).map((o) => o.id)).toEqual([9, 1, 5]);
    expect(ownFirst(list, { roles: [{ organisationId: 9 }, { organisationId: 5 }] }).map((o) => o.id)).toEqual([5, 9, 1]);
    expect(ownFirst(list, { roles: [] }).map((o) => o.id)).toEqual([1, 5, 9]);
  });

  it("defaults to the user's own organisation, never to the list's first by accident", () => {
    expect(ownDefault(list, { roles: [{ organisationId: 9 }] })?.id).toBe(9);
    expect(ownDefault(list, { roles: [{ organisationId: 42 }] })).toBeUndefined();
  });
});
