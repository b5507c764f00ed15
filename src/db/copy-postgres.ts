import type pg from "pg";
import { sql, type Kysely } from "kysely";

// pg has no COPY FROM STDIN of its own (pg-copy-streams is not installed); its client runs any
// object with submit() and the handle…() callbacks as a query. This one sends a text in COPY's
// text format and settles when the server has stored it or refused it.

/** The subset of pg's connection used here. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Uint8Array): void;
  endCopyFrom(): void;
}

const CHUNK = 1 << 20;

class CopyIn {
  constructor(
    readonly text: string,
    private readonly data: string | Uint8Array,
    private readonly settle: (err?: Error) => void,
  ) {}
  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    const bytes = typeof this.data === "string" ? Buffer.from(this.data, "utf8") : this.data;
    for (let i = 0; i < bytes.length; i += CHUNK) connection.sendCopyFromChunk(bytes.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleError(err: Error): void {
    this.settle(err);
  }
  handleReadyForQuery(): void {
    this.settle();
  }
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY … FROM STDIN` (text format) on `client` with `data` (text, or its UTF-8 bytes) as its input. */
export function copyIn(client: pg.ClientBase, statement: string, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    client.query(new CopyIn(statement, data, (err) => (err ? reject(err) : resolve())) as unknown as pg.QueryConfig);
  });
}

/** The pooled clients of databases opened by openDatabase, by server process id. */
export class ClientsByPid {
  private readonly clients = new Map<number, pg.ClientBase>();
  add(client: pg.ClientBase): void {
    const pid = (client as pg.ClientBase & { processID?: number }).processID;
    if (pid !== undefined) this.clients.set(pid, client);
  }
  remove(client: pg.ClientBase): void {
    const pid = (client as pg.ClientBase & { processID?: number }).processID;
    if (pid !== undefined && this.clients.get(pid) === client) this.clients.delete(pid);
  }
  /** The client that `executor` (a Kysely transaction) runs on: asked of the server by its pid. */
  async of(executor: Kysely<unknown>): Promise<pg.ClientBase | undefined> {
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(executor);
    const pid = rows[0]?.pid;
    return pid === undefined ? undefined : this.clients.get(pid);
  }
}
