import { describe, expect, it } from "vitest";
import { progressWriter } from "./progress";

const capture = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (t: string) => out.push(t) } };
};

describe("progressWriter", () => {
  it("rewrites one line at every percent on a terminal", () => {
    const { out, stream } = capture(true);
    const p = progressWriter(stream);
    for (const percent of [0, 0, 1, 2, 2, 100]) p.show(percent, `${percent} rader`);
    p.done();
    expect(out).toEqual(["\r0 % · 0 rader", "\r1 % · 1 rader", "\r2 % · 2 rader", "\r100 % · 100 rader", "\n"]);
  });

  it("writes a line of its own at every tenth in a log", () => {
    const { out, stream } = capture(false);
    const p = progressWriter(stream);
    for (let percent = 0; percent <= 100; percent++) p.show(percent, "x");
    p.done();
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((n) => `${n} % · x\n`));
  });

  it("writes an input of unknown size once in a log", () => {
    const { out, stream } = capture(false);
    const p = progressWriter(stream);
    p.show(null, "1 rad");
    p.show(null, "2 rader");
    p.done();
    expect(out).toEqual(["1 rad\n"]);
  });
});
