import type pg from "pg";

/**
 * The statements a server runs again and again (the session lookup on every request, a
 * report's queries) are prepared on each pooled connection under a name, so PostgreSQL parses
 * and plans them once per connection instead of on every call: on a plain read under load that
 * was more than half of the database's work. A statement is named the second time its text is
 * seen, so one-off SQL (an import's batches, ad hoc filters) never takes a name; the number of
 * names is bounded because every connection keeps what it prepared until it closes.
 *
 * Aggregates are left unnamed and planned on every call. After five calls PostgreSQL may switch
 * a named statement to one generic plan made from average estimates, and a report's best plan
 * depends on its values (which organisation, which periods): over the reference ledger the
 * budget query ran twice as slow on the generic plan (70 ms against 30). The statements that
 * repeat most — the session, a lookup by key, a page of rows — plan the same whatever the values.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();
  private issued = 0;

  constructor(
    private readonly maxNames = 400,
    private readonly maxTextLength = 8_000,
  ) {}

  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined) return name;
    if (text.length > this.maxTextLength || this.names.size >= this.maxNames || aggregates.test(text)) return undefined;
    if (!this.seen.has(text)) {
      if (this.seen.size >= 10 * this.maxNames) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    const issued = `fordela_${++this.issued}`;
    this.names.set(text, issued);
    return issued;
  }

  /**
   * A prepared statement whose result columns a migration changed fails on every connection
   * that prepared it ("cached plan must not change result type"); the text gets a new name, so
   * the next call prepares it afresh instead of failing for as long as the connection lives.
   */
  forget(text: string): void {
    this.names.delete(text);
  }
}

const aggregates = /\bgroup\s+by\b/i;

const planMustNotChangeResultType = "0A000";

type Query = (...args: unknown[]) => unknown;

/** Makes `client.query(text, values)` (how Kysely calls it) run as a named statement when `names` gives one. */
export function preparingQueries(client: pg.ClientBase, names: StatementNames): void {
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== "string" || !Array.isArray(values) || callback !== undefined) return query(text, values, callback);
    const name = names.nameFor(text);
    if (name === undefined) return query(text, values);
    return (query({ name, text, values }) as Promise<unknown>).catch((error: { code?: string }) => {
      if (error?.code === planMustNotChangeResultType) names.forget(text);
      throw error;
    });
  };
}
