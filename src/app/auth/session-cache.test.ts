import { describe, expect, it } from "vitest";
import { SessionCache, type LiveSession } from "./session-cache";

const limits = { idleMs: 30 * 60_000, touchEveryMs: 30_000 };
const t0 = Date.parse("2026-03-31T08:00:00Z");

function session(userId: number, overrides: Partial<LiveSession> = {}): LiveSession {
  return {
    user_id: userId,
    csrf_token: `csrf-${userId}`,
    expires_at: new Date(t0 + 12 * 3600_000),
    last_seen_at: new Date(t0),
    user: { id: userId, username: `u${userId}`, displayName: `Användare ${userId}`, isAdmin: false, mustChangePassword: false, roles: [{ organisationId: 1, organisationCode: "01", organisationName: "Region Stockholm", role: "reader" }] },
    ...overrides,
  };
}

function listeningCache(capacity?: number) {
  const cache = new SessionCache(capacity);
  cache.listening(true);
  return cache;
}

describe("SessionCache", () => {
  it("answers a kept session until the next touch is due, then sends the request back to the database", () => {
    const cache = listeningCache();
    cache.keep("a", session(1), cache.mark());
    expect(cache.get("a", t0 + 29_999, limits)?.user.username).toBe("u1");
    expect(cache.get("a", t0 + 30_000, limits)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never answers a session past its end or idle for longer than the policy allows", () => {
    const cache = listeningCache();
    cache.keep("ending", session(1, { expires_at: new Date(t0 + 1000) }), cache.mark());
    expect(cache.get("ending", t0 + 999, limits)).toBeDefined();
    expect(cache.get("ending", t0 + 1000, limits)).toBeUndefined();
    cache.keep("idle", session(2), cache.mark());
    expect(cache.get("idle", t0 + 5000, { idleMs: 5000, touchEveryMs: 30_000 })).toBeUndefined();
  });

  it("keeps nothing and answers nothing while it does not hear the database's notices", () => {
    const cache = new SessionCache();
    cache.keep("a", session(1), cache.mark());
    expect(cache.get("a", t0, limits)).toBeUndefined();
    cache.listening(true);
    cache.keep("a", session(1), cache.mark());
    expect(cache.get("a", t0, limits)).toBeDefined();
    // The connection broke: notices may be missed from now on, so what was kept goes too.
    cache.listening(false);
    expect(cache.get("a", t0, limits)).toBeUndefined();
    cache.listening(true);
    expect(cache.get("a", t0, limits)).toBeUndefined();
  });

  it("drops the session, the user's sessions, or everything, as the notice says", () => {
    const cache = listeningCache();
    const fill = () => {
      cache.keep("a", session(1), cache.mark());
      cache.keep("b", session(1), cache.mark());
      cache.keep("c", session(2), cache.mark());
    };
    fill();
    cache.noticed("session:a");
    expect([cache.get("a", t0, limits), cache.get("b", t0, limits), cache.get("c", t0, limits)].map(Boolean)).toEqual([false, true, true]);
    fill();
    cache.noticed("user:1");
    expect([cache.get("a", t0, limits), cache.get("b", t0, limits), cache.get("c", t0, limits)].map(Boolean)).toEqual([false, false, true]);
    fill();
    cache.noticed("*");
    expect(cache.size).toBe(0);
    fill();
    cache.noticed("user:1; drop");
    expect(cache.size).toBe(0);
  });

  it("does not keep a read that began before a change: it may hold what the change replaced", () => {
    const cache = listeningCache();
    const before = cache.mark();
    cache.noticed("user:2");
    cache.keep("a", session(1), before);
    expect(cache.get("a", t0, limits)).toBeUndefined();
    const forgotten = cache.mark();
    cache.forgetAll();
    cache.keep("a", session(1), forgotten);
    expect(cache.size).toBe(0);
    cache.keep("a", session(1), cache.mark());
    expect(cache.size).toBe(1);
  });

  it("holds at most its capacity, dropping the longest kept first", () => {
    const cache = listeningCache(2);
    for (const hash of ["a", "b", "c"]) cache.keep(hash, session(1), cache.mark());
    expect(cache.size).toBe(2);
    expect(cache.get("a", t0, limits)).toBeUndefined();
    expect(cache.get("c", t0, limits)).toBeDefined();
  });

  it("hands out a session no request can change for the next", () => {
    const cache = listeningCache();
    cache.keep("a", session(1), cache.mark());
    const kept = cache.get("a", t0, limits)!;
    expect(() => {
      (kept.user as { isAdmin: boolean }).isAdmin = true;
    }).toThrow(TypeError);
    expect(() => (kept.user.roles as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (kept.user.roles[0] as { role: string }).role = "admin";
    }).toThrow(TypeError);
  });
});
