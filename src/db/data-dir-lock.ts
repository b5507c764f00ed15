import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { UserFacingError } from "../core/errors";

/**
 * One process per embedded data directory. PGlite is a whole PostgreSQL inside one process: a
 * second process opening the same directory runs a second server over the same files, and what
 * one of them writes the other overwrites or never sees. So the first process to open a
 * directory writes fordela.lock there (who it is, and the port once it serves), and any other
 * process is refused with a message that names it. A lock whose process is gone (a crash, a
 * kill -9) is taken over.
 */
export interface LockHolder {
  pid: number;
  /** The fordela command holding the directory: serve, import, user … */
  command: string;
  /** Where `fordela serve` answers, once it does. */
  url: string | null;
  startedAt: string;
}

export class DataDirInUseError extends UserFacingError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const who = holder.command === "serve" ? `servern (fordela serve, pid ${holder.pid}${holder.url ? `, ${holder.url}` : ""})` : `kommandot fordela ${holder.command} (pid ${holder.pid})`;
    const what = holder.command === "serve" && holder.url ? ` Gör ändringen i webbgränssnittet på ${holder.url}, eller stoppa servern och kör kommandot igen.` : " Vänta tills det är klart, eller stoppa det, och kör kommandot igen.";
    super(`Den inbäddade databasen i ${dataDir} används redan av ${who}, startad ${holder.startedAt.slice(0, 19).replace("T", " ")}. Två processer kan inte öppna samma databaskatalog utan att ändringar går förlorade.${what}`, {
      status: 409,
      code: "data_dir_in_use",
    });
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Adds where the server answers, so a refused command can point the user there. */
  describe(details: { url: string }): void;
  release(): void;
}

const lockName = "fordela.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return Number.isInteger(parsed.pid) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const path = join(dataDir, lockName);
  const holder: LockHolder = { pid: process.pid, command, url: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 5) throw e;
      const other = readHolder(path);
      // A lock being written this very moment has no content yet: look again shortly.
      if (!other && attempt < 4) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      if (other && other.pid !== process.pid && isAlive(other.pid)) throw new DataDirInUseError(dataDir, other);
      try {
        unlinkSync(path);
      } catch {
        // Another process took the stale lock over first; the next attempt sees its lock.
      }
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    if (readHolder(path)?.pid === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
    }
  };
  process.on("exit", release);
  return {
    path,
    describe(details) {
      holder.url = details.url;
      const temporary = `${path}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify(holder));
      renameSync(temporary, path);
    },
    release,
  };
}
