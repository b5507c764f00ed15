import type { CurrentUser } from "./current-user";

/** A live session as findSession answers it: the session's own fields and its user with roles. */
export interface LiveSession {
  user_id: number;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  user: CurrentUser;
}

export interface KeepLimits {
  /** The policy's idle time: a session not seen for this long is over. */
  idleMs: number;
  /** How often a session's last_seen_at is written: a kept one older than this goes back to the database. */
  touchEveryMs: number;
}

/**
 * The sessions this server has read, kept so that the next request with the same cookie costs no
 * round trip to the database (under 200 clients that round trip was a third of a plain read's
 * work, in this server and in PostgreSQL).
 *
 * The database stays the only record. A session is kept only while this server hears every
 * change to what it was read from: PostgreSQL announces each change to a session, a user, a
 * user's roles or an organisation's name (migration 0093), whichever process makes it. A notice
 * drops what it concerns; without a listening connection nothing is kept or answered from here.
 * Each change also moves the generation on, so a read that began before it is not kept: it may
 * hold what the change replaced.
 *
 * Pure bookkeeping, no I/O: the notices come through `noticed` and `listening`.
 */
export class SessionCache {
  readonly #kept = new Map<string, LiveSession>();
  #generation = 0;
  #listening = false;

  constructor(readonly capacity = 10_000) {}

  /** The session kept for a token's hash, if it is kept and still alive at `now`. */
  get(tokenHash: string, now: number, limits: KeepLimits): LiveSession | undefined {
    if (!this.#listening) return undefined;
    const kept = this.#kept.get(tokenHash);
    if (!kept) return undefined;
    const seenAgo = now - kept.last_seen_at.getTime();
    if (now >= kept.expires_at.getTime() || seenAgo >= limits.idleMs || seenAgo >= limits.touchEveryMs) {
      this.#kept.delete(tokenHash);
      return undefined;
    }
    return kept;
  }

  /** Taken before reading a session from the database; `keep` with it keeps the read only if nothing changed meanwhile. */
  mark(): number {
    return this.#generation;
  }

  keep(tokenHash: string, session: LiveSession, mark: number): void {
    if (!this.#listening || mark !== this.#generation) return;
    if (this.#kept.size >= this.capacity && !this.#kept.has(tokenHash)) this.#kept.delete(this.#kept.keys().next().value!);
    // Shared by every request that finds it: frozen, so none can change what the next one sees.
    this.#kept.set(tokenHash, deepFreeze(session));
  }

  /** A notice: 'session:<token hash>', 'user:<id>' or '*'. One not understood drops everything. */
  noticed(payload: string): void {
    this.#generation++;
    if (payload.startsWith("session:")) {
      this.#kept.delete(payload.slice("session:".length));
    } else if (payload.startsWith("user:") && /^\d+$/.test(payload.slice("user:".length))) {
      const userId = Number(payload.slice("user:".length));
      for (const [hash, kept] of this.#kept) if (kept.user_id === userId) this.#kept.delete(hash);
    } else {
      this.#kept.clear();
    }
  }

  /** Whether notices are heard. Either way what is kept is dropped: changes may have gone unheard. */
  listening(heard: boolean): void {
    this.#listening = heard;
    this.forgetAll();
  }

  /** Drops everything, and reads under way are not kept. */
  forgetAll(): void {
    this.#generation++;
    this.#kept.clear();
  }

  get size(): number {
    return this.#kept.size;
  }
}

function deepFreeze<T extends LiveSession>(session: T): T {
  for (const role of session.user.roles) Object.freeze(role);
  Object.freeze(session.user.roles);
  Object.freeze(session.user);
  return Object.freeze(session);
}
