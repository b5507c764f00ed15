import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from "kysely";
import { KyselyPGlite } from "kysely-pglite";
import pg from "pg";
import type { Database } from "./schema";
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
  const db = new Kysely<Database>({ dialect: serialDialect(inner) });
  embedded.set(db, client);
  return { db, kind: "pglite", close: () => db.destroy() };
}

const embedded = new WeakMap<Db, PGlite>();
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
function serialDialect(inner: Dialect): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createDriver: () => new SerialDriver(inner.createDriver()),
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

class SerialDriver implements Driver {
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;
  constructor(private readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
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
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  destroy() {
    return this.inner.destroy();
  }
}
