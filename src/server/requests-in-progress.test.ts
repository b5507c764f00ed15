import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./context";
import { countRequests, giveWayToRequests, requestsFinished } from "./requests-in-progress";

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Whether giveWay resolved before a timer of a pause's length: only a turn of the loop. */
const beforeAPause = () => Promise.race([giveWayToRequests().then(() => "gave way"), new Promise((r) => setTimeout(() => r("paused"), 10))]);

/** A request being answered (counted) until `release` is called. */
function slowRequest(): { answer: Promise<Response>; release: () => void } {
  let release!: () => void;
  const app = new Hono<AppEnv>();
  app.use("*", countRequests);
  app.get("/slow", async (c) => {
    await new Promise<void>((r) => (release = r));
    return c.text("klar");
  });
  const answer = Promise.resolve(app.request("/slow"));
  return { answer, release: () => release() };
}

describe("an import gives way to requests in progress", () => {
  it("pauses while a request is being answered, and only turns the loop once when none is", async () => {
    expect(await beforeAPause()).toBe("gave way");
    const { answer, release } = slowRequest();
    await new Promise((r) => setTimeout(r, 5));
    expect(await timed(giveWayToRequests)).toBeGreaterThanOrEqual(9);
    release();
    expect(await (await answer).text()).toBe("klar");
    expect(await beforeAPause()).toBe("gave way");
  });
});

describe("a stopping server", () => {
  it("waits for a handler still running, and waits no longer than its limit", async () => {
    const { answer, release } = slowRequest();
    await new Promise((r) => setTimeout(r, 5));
    let finished = false;
    const waiting = requestsFinished().then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(finished).toBe(false);
    expect(await timed(() => requestsFinished(40))).toBeGreaterThanOrEqual(35);
    release();
    await waiting;
    expect(await (await answer).text()).toBe("klar");
    expect(await timed(() => requestsFinished())).toBeLessThan(10);
  });
});
