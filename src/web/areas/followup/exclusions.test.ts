import { describe, expect, it } from "vitest";
import { parseExclusions, toggleExclusion } from "./exclusions";

describe("projects left out of the subtotal", () => {
  it("reads a stored list without blanks or repeats", () => {
    expect(parseExclusions(" 8938, ,8925,8938")).toEqual(["8925", "8938"]);
    expect(parseExclusions(null)).toEqual([]);
  });

  it("adds and removes a project", () => {
    expect(toggleExclusion([], "8938", true)).toEqual(["8938"]);
    expect(toggleExclusion(["8938"], "8938", true)).toEqual(["8938"]);
    expect(toggleExclusion(["8925", "8938"], "8925", false)).toEqual(["8938"]);
  });
});
