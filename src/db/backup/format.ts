import { createHash, type Hash } from "node:crypto";
import { createReadStream, createWriteStream, openSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import { createInterface } from "node:readline";
import { UserFacingError } from "../../core/errors";

/**
 * A Fördela backup: gzip'd UTF-8 lines. Control lines start with "#":
 *   #fordela-backup {header: version, createdAt, migrations, auditHead}
 *   #table {name, columns}      followed by one line per row, the row as PostgreSQL's row_to_json
 *   #sequences [{name, lastValue, startValue}]
 *   #end {tables, rows, sha256}  sha256 of every byte before this line
 * Rows are never parsed in JavaScript: bigint, numeric, dates and jsonb go from row_to_json back
 * through json_populate_recordset exactly as the database wrote them.
 */
export const BACKUP_MAGIC = "#fordela-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  version: number;
  createdAt: string;
  database: "pglite" | "postgres";
  migrations: { name: string; checksum: string | null }[];
  /** The audit chain's last entry at backup time; a restore must end at the same hash. */
  auditHead: { lastId: number; hash: string } | null;
}

export class BackupWriter {
  readonly #gzip: Gzip;
  readonly #file: WriteStream;
  readonly #hash: Hash = createHash("sha256");
  readonly #done: Promise<unknown>;

  constructor(path: string) {
    // Opened here, synchronously and exclusively: an existing file is refused before anything is written.
    const fd = openSync(path, "wx", 0o600);
    this.#gzip = createGzip();
    this.#file = createWriteStream("", { fd });
    this.#gzip.pipe(this.#file);
    this.#done = once(this.#file, "close");
  }

  async line(text: string): Promise<void> {
    const data = text + "\n";
    this.#hash.update(data);
    if (!this.#gzip.write(data)) await once(this.#gzip, "drain");
  }

  async finish(summary: { tables: number; rows: number }): Promise<void> {
    const sha256 = this.#hash.digest("hex");
    this.#gzip.end(`#end ${JSON.stringify({ ...summary, sha256 })}\n`);
    await this.#done;
  }

  /** On failure: stop writing; the caller removes the partial file. */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    this.#file.destroy();
    await once(this.#file, "close").catch(() => undefined);
  }
}

export type BackupLine =
  | { kind: "header"; header: BackupHeader }
  | { kind: "table"; name: string; columns: string[] }
  | { kind: "row"; json: string }
  | { kind: "sequences"; sequences: { name: string; lastValue: string | null; startValue: string }[] }
  | { kind: "end"; tables: number; rows: number; sha256: string; actualSha256: string };

export class BackupFileError extends UserFacingError {
  constructor(message: string) {
    super(`Säkerhetskopian går inte att läsa: ${message}`, { code: "bad_backup" });
  }
}

/** The file's lines in order, the checksum computed over what precedes the #end line. */
export async function* readBackup(path: string): AsyncGenerator<BackupLine> {
  const hash = createHash("sha256");
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let first = true;
  let ended = false;
  try {
    for await (const line of lines) {
      if (ended) throw new BackupFileError("Filen har innehåll efter slutraden.");
      if (first) {
        first = false;
        if (!line.startsWith(BACKUP_MAGIC + " ")) throw new BackupFileError("Filen är ingen säkerhetskopia från Fördela.");
        hash.update(line + "\n");
        yield { kind: "header", header: JSON.parse(line.slice(BACKUP_MAGIC.length + 1)) as BackupHeader };
        continue;
      }
      if (line.startsWith("#end ")) {
        ended = true;
        const end = JSON.parse(line.slice(5)) as { tables: number; rows: number; sha256: string };
        yield { kind: "end", ...end, actualSha256: hash.digest("hex") };
        continue;
      }
      hash.update(line + "\n");
      if (line.startsWith("#table ")) {
        const t = JSON.parse(line.slice(7)) as { name: string; columns: string[] };
        yield { kind: "table", name: t.name, columns: t.columns };
      } else if (line.startsWith("#sequences ")) {
        yield { kind: "sequences", sequences: JSON.parse(line.slice(11)) as { name: string; lastValue: string | null; startValue: string }[] };
      } else if (line.startsWith("{")) {
        yield { kind: "row", json: line };
      } else {
        throw new BackupFileError("Filen innehåller en rad som inte hör till formatet.");
      }
    }
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    if (err instanceof SyntaxError) throw new BackupFileError("Filen är skadad: en styrrad är inte giltig JSON.");
    const code = (err as { code?: string }).code;
    if (code === "ENOENT") throw new BackupFileError("Filen finns inte.");
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" || code === "ERR_STREAM_PREMATURE_CLOSE") throw new BackupFileError("Filen är skadad eller avkortad (gzip).");
    throw err;
  }
  if (first) throw new BackupFileError("Filen är tom.");
  if (!ended) throw new BackupFileError("Filen är avkortad: slutraden med kontrollsumman saknas.");
}
