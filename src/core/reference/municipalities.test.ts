import { describe, expect, it } from "vitest";
import { areaLevelOf } from "./municipalities";

describe("areaLevelOf", () => {
  it("tells nation, county and municipality codes apart", () => {
    expect(areaLevelOf("00")).toBe("nation");
    expect(areaLevelOf("07")).toBe("county");
    expect(areaLevelOf("0780")).toBe("municipality");
    expect(areaLevelOf("780")).toBeUndefined();
  });
});
