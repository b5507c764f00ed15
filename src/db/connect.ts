import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from "kysely";
import { KyselyPGlite } from "kysely-pglite";
import pg from "pg";
import type { Database } from "./schema";
import { registerNotices, postgresNotices } from "./notices";
import { ClientsByPid } from "./pg-clients";
import { preparingQueries, StatementNames } from "./prepared-statements";

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; "memory://" for a throwaway database. */
  dataDir?: string;
  /** A PGlite data directory dump (dumpDataDir) to start from instead of an empty cluster: tests use a migrated one. */
  loadDataDir?: Blob;
  /** PostgreSQL: connections in the pool (10). */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/** bigint columns hold öre and populations: exact as long as they stay within Number's safe range. */
export function parseSafeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Heltal utanför säkert intervall: ${text}`);
  return n;
}

// Dates stay as the 'YYYY-MM-DD' text PostgreSQL sends: a JS Date would shift them by time zone.
const keepText = (text: string) => text;

export async function openDatabase(options: OpenOptions = {}): Promise<OpenDatabase> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") => {
          if (oid === 20) return parseSafeInteger;
          if (oid === 1082) return keepText;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle pooled connection that the server ends (restart, DROP DATABASE … WITH (FORCE))
    // is reported on the pool; without a listener Node would crash the whole process.
    pool.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "57P01") console.error(`PostgreSQL-anslutningen bröts: ${err.message}`);
    });
    // Known by server pid so that a bulk path can find the client under a Kysely transaction (COPY).
    const clients = new ClientsByPid();
    const statementNames = new StatementNames();
    pool.on("connect", (client) => {
      clients.add(client);
      preparingQueries(client, statementNames);
    });
    pool.on("remove", (client) => clients.remove(client));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pooled.set(db, clients);
    registerNotices(db, postgresNotices(options.url));
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const client = new PGlite(options.dataDir ?? "memory://", {
    parsers: { [pgliteTypes.INT8]: parseSafeInteger, [pgliteTypes.DATE]: keepText },
    // PGlite keeps its buffers (and, in memory://, its files and WAL) in this process: the
    // server defaults (128 MB of shared buffers, 1 GB of WAL) would make a large import cost
    // over a gigabyte of RAM. The WAL is bounded by the checkpoints bulk writers ask for.
    postgresqlconf: ["shared_buffers = 16MB", "wal_buffers = 1MB", "min_wal_size = 32MB", "max_wal_size = 64MB"],
    loadDataDir: options.loadDataDir,
  });
  await client.waitReady;
  const inner = new KyselyPGlite(client).dialect;
  const turns = new Turns();
  const db = new Kysely<Database>({ dialect: serialDialect(inner, () => new SerialDriver(inner.createDriver(), turns, "in-order")) });
  embedded.set(db, client);
  // One session in this process: a notice is delivered with the COMMIT that sends it, and never lost.
  registerNotices(db, async (channel, handlers) => {
    const unlisten = await client.listen(channel, handlers.notice);
    handlers.listening();
    return {
      async stop() {
        handlers.lost();
        if (!client.closed) await unlisten().catch(() => {});
      },
    };
  });
  firstInLine.set(db, new Kysely<Database>({ dialect: serialDialect(inner, () => new SerialDriver(inner.createDriver(), turns, "first", { closesClient: false })) }));
  return { db, kind: "pglite", close: () => db.destroy() };
}

const embedded = new WeakMap<Db, PGlite>();
const firstInLine = new WeakMap<Db, Db>();

/**
 * The embedded database, for a statement that goes before everything already waiting for it:
 * the health check. PGlite is one session, so under 50 clients a check in line would wait for
 * every query queued ahead of it and a load balancer would take a loaded server for a dead one;
 * first in line it waits only for the statement running now. Undefined for PostgreSQL, where the
 * check has a connection of its own instead.
 */
export function embeddedFirstInLine(db: Db): Db | undefined {
  return firstInLine.get(db);
}
const pooled = new WeakMap<Db, ClientsByPid>();

/**
 * The pg client a transaction on `db` (opened here on PostgreSQL) runs on, for COPY, which
 * Kysely has no words for; undefined for PGlite or a database opened elsewhere.
 */
export async function postgresClient(db: Db, trx: Kysely<Database>): Promise<pg.ClientBase | undefined> {
  const clients = pooled.get(db);
  return clients ? clients.of(trx as unknown as Kysely<unknown>) : undefined;
}

/**
 * The PGlite client behind a database opened here, for bulk paths Kysely has no words for
 * (COPY from a blob). PGlite is one session, so within a Kysely transaction on `db` its
 * statements run in that transaction. Undefined for PostgreSQL.
 */
export function embeddedClient(db: Db): PGlite | undefined {
  return embedded.get(db);
}

/**
 * PGlite is one session: two Kysely transactions running at once would interleave their
 * statements inside one BEGIN. Handing out the connection one holder at a time keeps
 * transactions isolated, at the cost of no parallelism (PGlite has none anyway).
 */
function serialDialect(inner: Dialect, driver: () => Driver): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createDriver: driver,
  };
}

/**
 * kysely-pglite passes PGlite's results through as they are, and PGlite calls the count
 * `affectedRows`; Kysely reads `numAffectedRows`. Without this, every update would report 0 rows.
 */
function withAffectedRows(connection: DatabaseConnection): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery) {
      const result = (await connection.executeQuery<R>(query)) as QueryResult<R> & { affectedRows?: number };
      if (result.numAffectedRows === undefined && typeof result.affectedRows === "number") {
        return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
      }
      return result;
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}

/**
 * Whose turn it is with the one PGlite session: holders in order, and a short line that goes
 * first. PGlite runs each statement synchronously in this thread, so every turn begins after
 * pending I/O (setImmediate), one statement or transaction per turn of the event loop. Handed over
 * at once, a queue of queries chained through microtasks without a socket being read; and with
 * the session free, each request read in a turn ran to its answer before the next was read, so a
 * turn under 200 clients lasted a whole round of them (100–300 ms): a health check waited that
 * long, and new connections, accepted one per turn, waited seconds (a quarter of them timed out).
 */
export class Turns {
  #taken = false;
  readonly #first: (() => void)[] = [];
  readonly #inOrder: (() => void)[] = [];

  take(line: "first" | "in-order"): Promise<void> {
    if (!this.#taken) {
      this.#taken = true;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve) => (line === "first" ? this.#first : this.#inOrder).push(resolve));
  }

  /** Hands the session to the next in line, in the next turn; it stays taken as long as anyone waits. */
  give(): void {
    if (this.#first.length === 0 && this.#inOrder.length === 0) {
      this.#taken = false;
      return;
    }
    setImmediate(() => (this.#first.shift() ?? this.#inOrder.shift())!());
  }
}

class SerialDriver implements Driver {
  #holding = false;
  constructor(
    private readonly inner: Driver,
    private readonly turns: Turns,
    private readonly line: "first" | "in-order",
    private readonly options: { closesClient: boolean } = { closesClient: true },
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.turns.take(this.line);
    this.#holding = true;
    return withAffectedRows(await this.inner.acquireConnection());
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    if (!this.#holding) return;
    this.#holding = false;
    this.turns.give();
  }

  // The first-in-line handle shares the session with the database it was opened with: closing
  // that database closes PGlite, and the handle must not close it twice.
  destroy() {
    return this.options.closesClient ? this.inner.destroy() : Promise.resolve();
  }
}
