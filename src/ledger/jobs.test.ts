import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "../db/connect";
import { finishJob, getJob, INTERRUPTED_AFTER_MS, progressJob, runningJobs, startJob } from "./jobs";

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

  it("lists the organisation's running imports, newest first, for a page opened while they run", async () => {
    const other = (await opened.db.insertInto("organisations").values({ code: "ANNAN", kind: "region", name: "Annan region", short_name: "Annan", county_code: null, parent_id: null }).returning("id").executeTakeFirstOrThrow()).id;
    const first = await startJob(opened.db, { organisationId: other, fileName: "forsta.se", totalBytes: 100, startedBy: "anna" });
    await new Promise((r) => setTimeout(r, 5));
    const second = await startJob(opened.db, { organisationId: other, fileName: "andra.se", totalBytes: 100, startedBy: "bo" });
    // Another instance's job, still heard from, and one whose heartbeat stopped long ago.
    await opened.db.insertInto("ledger_import_jobs").values({ id: "00000000-0000-4000-8000-00000000000c", organisation_id: other, file_name: "tyst.se", status: "running", owner: "annan-server:1:y", started_at: new Date(Date.now() - 3_600_000), heartbeat_at: new Date(Date.now() - 3_600_000) }).execute();
    expect((await runningJobs(opened.db, other)).map((j) => j.fileName)).toEqual(["andra.se", "forsta.se"]);
    await finishJob(second, { error: { message: "fel", errors: [] } });
    expect((await runningJobs(opened.db, other)).map((j) => j.id)).toEqual([first.id]);
    await finishJob(first, { error: { message: "fel", errors: [] } });
    expect(await runningJobs(opened.db, other)).toEqual([]);
    expect((await runningJobs(opened.db, orgId)).every((j) => j.organisationId === orgId)).toBe(true);
  });

  it("knows no job by an id that is not one", async () => {
    expect(await getJob(opened.db, "inte-ett-id")).toBeUndefined();
    expect(await getJob(opened.db, "00000000-0000-4000-8000-0000000000ff")).toBeUndefined();
  });
});
