import type pg from "pg";
import { sql, type Kysely } from "kysely";

/**
 * The pooled clients of databases opened by openDatabase, by server process id: Kysely has no
 * words for COPY, so a bulk path finds the pg client under its transaction through this.
 */
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
