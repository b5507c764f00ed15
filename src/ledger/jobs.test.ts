import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "../db/connect";
import { finishJob, getJob, INTERRUPTED_AFTER_MS, progressJob, startJob } from "./jobs";

// Import jobs are rows that any server instance reads: this process answers its own jobs from
// memory, others from the table, and a running job nobody has heard from is interrupted.
describe("ledger import jobs in the database", () => {
  let opened: OpenDatabase;
  let orgId: number;
  beforeAll(async () => {
    opened = await createTestDatabase();
    orgId = (await opened.db.insertInto("organisations").values({ code: "JOBB", kind: "region", name: "Jobbregionen", short_name: "Jobb", county_code: null, parent_id: null }).returning("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => opened?.close());

  it("stores a job, its progress and its result where another process can read them", async () => {
    const job = await startJob(opened.db, { organisationId: orgId, fileName: "a.se", totalBytes: 1000, startedBy: "anna" });
    expect(await getJob(opened.db, job.id)).toBe(job);
    progressJob(job, { linesRead: 10, bytesRead: 500, transactions: 7 } as never);
    expect((await getJob(opened.db, job.id))!.percent).toBe(50);
    await finishJob(job, { error: { message: "Rad 3: fel", errors: [{ file: "a.se", line: 3, field: "#TRANS", message: "fel" }] } });
    const row = await opened.db.selectFrom("ledger_import_jobs").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", started_by: "anna", bytes_read: 500, transactions: 7 });
    const read = await getJob(opened.db, job.id);
    expect(read).toMatchObject({ status: "failed", fileName: "a.se", percent: 50, error: { message: "Rad 3: fel" } });
    expect(read).not.toBe(job);
  });

  it("reports another process's running job with its progress, and as interrupted once its heartbeat stops", async () => {
    const id = "00000000-0000-4000-8000-00000000000a";
    await opened.db.insertInto("ledger_import_jobs").values({ id, organisation_id: orgId, file_name: "b.se", status: "running", owner: "annan-server:1:x", total_bytes: 200, bytes_read: 50, lines_read: 5, transactions: 4 }).execute();
    expect(await getJob(opened.db, id)).toMatchObject({ status: "running", percent: 25, transactions: 4, error: null });
    const later = Date.now() + INTERRUPTED_AFTER_MS + 1000;
    expect(await getJob(opened.db, id, later)).toMatchObject({ status: "interrupted", error: { code: "interrupted", message: expect.stringContaining("ingenting sparades") } });
  });

  it("knows no job by an id that is not one", async () => {
    expect(await getJob(opened.db, "inte-ett-id")).toBeUndefined();
    expect(await getJob(opened.db, "00000000-0000-4000-8000-0000000000ff")).toBeUndefined();
  });
});
