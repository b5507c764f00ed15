import { sql } from "kysely";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { writeAudit } from "../../app/audit";
import type { AuditEntry } from "../../core/audit/entry";

const nbsp = "\u00a0";

describe("audit log API", () => {
  let api: TestApi;
  let admin: TestClient;
  let reader: TestClient;
  beforeAll(async () => {
    api = await createTestApi();
    admin = await api.loginAs({ username: "granskare", isAdmin: true });
    reader = await api.loginAs({ username: "lasare", roles: [] });
    const anna = { id: null, username: "anna" };
    await writeAudit(api.opened.db, anna, { action: "create", entity: "allocation", entityId: 7, after: { title: "=HYPERLINK(\"x\")", total: 164_000_000 } });
    await writeAudit(api.opened.db, anna, { action: "update", entity: "allocation", entityId: 7, before: { title: "A", total: 100, lines: [{ amount: 50 }] }, after: { title: "A", total: 250, lines: [{ amount: 200 }] } });
    await writeAudit(api.opened.db, { id: null, username: "bertil" }, { action: "update", entity: "allocation", entityId: 8, before: { title: "B" }, after: { title: "C" } });
    await writeAudit(api.opened.db, { id: null, username: "bertil" }, { action: "decide", entity: "grant_decision", entityId: 7 });
  });
  afterAll(() => api.close());

  it("is for administrators only", async () => {
    for (const path of ["/api/audit", "/api/audit/verify", "/api/audit/export.csv", "/api/audit/export.xlsx"]) {
      expect((await reader.request("GET", path)).status).toBe(403);
      expect((await api.anonymous.request("GET", path)).status).toBe(401);
    }
  });

  it("filters by user, record and date, and pages by id", async () => {
    const byUser = await admin.json<{ entries: AuditEntry[]; total: number }>("GET", "/api/audit?user=ANNA");
    expect(byUser.body.total).toBe(2);
    expect(byUser.body.entries.map((e) => e.action)).toEqual(["update", "create"]);

    const record = await admin.json<{ entries: AuditEntry[]; total: number }>("GET", "/api/audit?entity=allocation&entityId=7");
    expect(record.body.entries.map((e) => [e.username, e.action])).toEqual([["anna", "update"], ["anna", "create"]]);

    const firstPage = await admin.json<{ entries: AuditEntry[]; total: number }>("GET", "/api/audit?limit=2");
    expect(firstPage.body.entries.length).toBe(2);
    const secondPage = await admin.json<{ entries: AuditEntry[] }>("GET", `/api/audit?limit=2&before=${firstPage.body.entries[1]!.id}`);
    expect(secondPage.body.entries[0]!.id).toBeLessThan(firstPage.body.entries[1]!.id);

    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    const inRange = await admin.json<{ total: number }>("GET", `/api/audit?user=bertil&from=${today}&to=${today}`);
    expect(inRange.body.total).toBe(2);
    const before = await admin.json<{ total: number }>("GET", "/api/audit?user=bertil&to=2020-01-01");
    expect(before.body.total).toBe(0);
    expect((await admin.request("GET", "/api/audit?from=igår")).status).toBe(400);
  });

  it("exports the filtered log field by field as CSV and XLSX, with formulas neutralised and öre in kronor", async () => {
    const csv = await admin.request("GET", "/api/audit/export.csv?user=anna");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const lines = text.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Post;Tid;Användare;Händelse;Objekt;Objektets id;Fält;Före;Efter");
    expect(lines.slice(1).map((l) => l.split(";").slice(2))).toEqual([
      // jsonb keeps keys shorter first, then in byte order.
      ["anna", "Ändrad", "Fördelning", "7", "Rader 1 › Belopp", `0,50${nbsp}kr`, `2${nbsp}kr`],
      ["anna", "Ändrad", "Fördelning", "7", "Totalbelopp", `1${nbsp}kr`, `2,50${nbsp}kr`],
      ["anna", "Skapad", "Fördelning", "7", "Titel", "", `"'=HYPERLINK(""x"")"`],
      ["anna", "Skapad", "Fördelning", "7", "Totalbelopp", "", `1${nbsp}640${nbsp}000${nbsp}kr`],
    ]);

    const xlsx = await admin.request("GET", "/api/audit/export.xlsx?entity=grant_decision");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const line = rows.find((r) => r.includes("bertil"))!;
    expect(line.slice(3, 7)).toEqual(["bertil", "Fastställd", "Statsbidragsbeslut", "7"]);

    // The export is itself in the log.
    const exports = await admin.json<{ entries: AuditEntry[] }>("GET", "/api/audit?entity=audit_log");
    expect(exports.body.entries.map((e) => (e.after as { format: string }).format)).toEqual(["xlsx", "csv"]);
  });

  it("verifies the hash chain and names the first altered entry", async () => {
    const ok = await admin.json<{ intact: boolean; message: string }>("GET", "/api/audit/verify");
    expect(ok.body).toMatchObject({ intact: true, problem: null });
    expect(ok.body.message).toMatch(/obruten/);

    const target = await api.opened.db.selectFrom("audit_log").select("id").where("username", "=", "bertil").orderBy("id").executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(api.opened.db);
    await sql`UPDATE audit_log SET username = 'cecilia' WHERE id = ${target.id}`.execute(api.opened.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(api.opened.db);
    const broken = await admin.json<{ intact: boolean; problem: unknown; message: string }>("GET", "/api/audit/verify");
    expect(broken.body).toMatchObject({ intact: false, problem: { kind: "altered", id: target.id } });
    expect(broken.body.message).toBe(`Post ${target.id} har ändrats efter att den skrevs: dess innehåll stämmer inte med dess hash.`);
  });
});
