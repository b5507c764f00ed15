import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { failAtCommit } from "../../../test/helpers/fail-at-commit";
import { createLedgerOrganisation } from "../../../test/helpers/ledger";
import { ForbiddenError, UserFacingError } from "../../core/errors";
import type { OpenDatabase } from "../../db/connect";
import type { CsvMapping } from "../../ledger/import-csv";
import { getCsvMapping, listAccountClasses, listObjectLinks } from "../../ledger/mappings";
import type { Actor } from "../actor";
import { exportBudgetSieFile } from "./export-budget-sie";
import { importCsvFile } from "./import-csv";
import { linkObject } from "./link-object";
import { saveCsvMapping } from "./save-csv-mapping";
import { setAccountClasses } from "./set-account-classes";

// The ledger's changes as use cases: access refused for a role or an organisation that does not
// allow it, and the audit row committed with the change or not at all (a failure at COMMIT,
// after both were written, leaves neither).

let opened: OpenDatabase;
let org: number;
let otherOrg: number;
const actor = (organisationId: number, role: "reader" | "editor"): Actor => ({ id: null, username: `${role}-${organisationId}`, isAdmin: false, roles: [{ organisationId, role }] });
let editor: Actor;
let reader: Actor;
let otherEditor: Actor;

const mapping: CsvMapping = { name: "Utfall", separator: ";", decimalComma: true, hasHeader: true, encoding: "utf-8", sign: "ledger", columns: { account: "Konto", period: "Period", amount: "Belopp" } };
const csv = Buffer.from("Konto;Period;Belopp\n7010;202301;1 000,00\n", "utf8");

const auditRows = async (entity: string) => (await opened.db.selectFrom("audit_log").select("id").where("entity", "=", entity).where("organisation_id", "=", org).execute()).length;

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  otherOrg = await createLedgerOrganisation(opened.db, "NRVN", "Norra regionvårdsnämnden");
  editor = actor(org, "editor");
  reader = actor(org, "reader");
  otherEditor = actor(otherOrg, "editor");
});
afterAll(async () => opened.close());

describe("saving a CSV mapping", () => {
  it("is refused for a reader and for another organisation's editor", async () => {
    await expect(saveCsvMapping(opened.db, reader, { organisationId: org, mapping, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveCsvMapping(opened.db, otherEditor, { organisationId: org, mapping, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await auditRows("csv_mapping")).toBe(0);
  });

  it("refuses a mapping without period or date, naming the field", async () => {
    const error = await saveCsvMapping(opened.db, editor, { organisationId: org, mapping: { ...mapping, columns: { account: "Konto", amount: "Belopp" } }, revision: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).where?.field).toBe("mapping.columns.period");
  });

  it("writes the mapping and its audit row together, or neither", async () => {
    const restore = await failAtCommit(opened.db, "csv_mappings");
    await expect(saveCsvMapping(opened.db, editor, { organisationId: org, mapping, revision: 0 })).rejects.toThrow(/commit refused/);
    await restore();
    expect(await auditRows("csv_mapping")).toBe(0);
    await expect(getCsvMapping(opened.db, org, "Utfall")).rejects.toThrow();

    const saved = await saveCsvMapping(opened.db, editor, { organisationId: org, mapping, revision: 0 });
    expect(saved).toMatchObject({ name: "Utfall", id: expect.any(Number) });
    expect(saved.revision).toBe(1);
    const again = await saveCsvMapping(opened.db, editor, { organisationId: org, mapping: { ...mapping, sign: "reversed" }, revision: 1 });
    expect(again).toMatchObject({ id: saved.id, revision: 2 });
    const audit = await opened.db.selectFrom("audit_log").select(["action", "before"]).where("entity", "=", "csv_mapping").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("refuses a save based on an older revision, or a second first save of one name, with 409 saying who changed it", async () => {
    const stale = await saveCsvMapping(opened.db, editor, { organisationId: org, mapping: { ...mapping, separator: "," }, revision: 1 }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ status: 409, code: "stale" });
    expect((stale as Error).message).toMatch(/^Kolumnmappningen "Utfall" har ändrats av /);
    await expect(saveCsvMapping(opened.db, editor, { organisationId: org, mapping, revision: 0 })).rejects.toMatchObject({ status: 409 });
    expect(await getCsvMapping(opened.db, org, "Utfall")).toMatchObject({ separator: ";", sign: "reversed", revision: 2 });

    // Two first saves of a new name at once: one is stored, the other is told it is stale.
    const results = await Promise.allSettled([0, 1].map((i) => saveCsvMapping(opened.db, editor, { organisationId: org, mapping: { ...mapping, name: "Ny", separator: i ? "," : ";" }, revision: 0 })));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
  });
});

describe("setting account classes", () => {
  const overrides = [{ from: "4000", to: "4999", class: "staff" as const }];

  it("is refused for a reader and for another organisation's editor", async () => {
    await expect(setAccountClasses(opened.db, reader, { organisationId: org, overrides, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setAccountClasses(opened.db, otherEditor, { organisationId: org, overrides, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses the same range twice with 409, before touching the database", async () => {
    const error = await setAccountClasses(opened.db, editor, { organisationId: org, overrides: [...overrides, ...overrides], revision: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: "duplicate" });
  });

  it("writes the set and its audit row together, or neither", async () => {
    const restore = await failAtCommit(opened.db, "ledger_account_classes");
    await expect(setAccountClasses(opened.db, editor, { organisationId: org, overrides, revision: 0 })).rejects.toThrow(/commit refused/);
    await restore();
    expect(await listAccountClasses(opened.db, org)).toEqual([]);
    expect(await auditRows("ledger_account_classes")).toBe(0);

    expect(await setAccountClasses(opened.db, editor, { organisationId: org, overrides, revision: 0 })).toEqual({ overrides: [{ ...overrides[0], jointFinancing: false }], revision: 1 });
    expect(await auditRows("ledger_account_classes")).toBe(1);
  });

  it("refuses a set based on an older revision with 409, and two saves of one revision store one", async () => {
    await expect(setAccountClasses(opened.db, editor, { organisationId: org, overrides: [], revision: 0 })).rejects.toMatchObject({ status: 409, code: "stale" });
    const results = await Promise.allSettled([
      setAccountClasses(opened.db, editor, { organisationId: org, overrides: [{ from: "5000", to: "5999", class: "staff" }], revision: 1 }),
      setAccountClasses(opened.db, editor, { organisationId: org, overrides: [{ from: "6000", to: "6999", class: "staff" }], revision: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const kept = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ overrides: unknown[]; revision: number }>).value;
    expect(kept.revision).toBe(2);
    expect(await listAccountClasses(opened.db, org)).toEqual(kept.overrides);
  });
});

describe("linking an object", () => {
  const link = { dimension: 6, code: "9929", grantId: null, budgetLine: "Vårdförlopp", label: "Projekt 9929" };

  it("is refused for a reader and for another organisation's editor", async () => {
    await expect(linkObject(opened.db, reader, { organisationId: org, link, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(linkObject(opened.db, otherEditor, { organisationId: org, link, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("writes the link and its audit row together, or neither; a change logs what it replaced", async () => {
    const restore = await failAtCommit(opened.db, "ledger_object_links");
    await expect(linkObject(opened.db, editor, { organisationId: org, link, revision: 0 })).rejects.toThrow(/commit refused/);
    await restore();
    expect(await listObjectLinks(opened.db, org)).toEqual([]);
    expect(await auditRows("ledger_object_link")).toBe(0);

    expect(await linkObject(opened.db, editor, { organisationId: org, link, revision: 0 })).toEqual([{ ...link, revision: 1 }]);
    expect(await linkObject(opened.db, editor, { organisationId: org, link: { ...link, label: "Nytt namn" }, revision: 1 })).toEqual([{ ...link, label: "Nytt namn", revision: 2 }]);
    await expect(linkObject(opened.db, editor, { organisationId: org, link: { ...link, label: "Gammalt" }, revision: 1 })).rejects.toMatchObject({ status: 409, code: "stale" });
    await expect(linkObject(opened.db, editor, { organisationId: org, link, revision: 0 })).rejects.toMatchObject({ status: 409, code: "stale" });
    const audit = await opened.db.selectFrom("audit_log").select(["action", "before"]).where("entity", "=", "ledger_object_link").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(JSON.stringify(audit[1]!.before)).toContain("Projekt 9929");
  });
});

describe("importing CSV outcomes", () => {
  it("is refused for a reader and for another organisation's editor, before the mapping is read", async () => {
    const input = { organisationId: org, mappingName: "Utfall", bytes: csv, fileName: "jan.csv", via: "test" };
    await expect(importCsvFile(opened.db, reader, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importCsvFile(opened.db, otherEditor, input)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("writes the rows and the audit row together, or neither", async () => {
    const importsOf = async () => (await opened.db.selectFrom("ledger_imports").select("id").where("organisation_id", "=", org).where("status", "=", "done").execute()).length;
    const input = { organisationId: org, mappingName: "Utfall", bytes: csv, fileName: "jan.csv", via: "test" };
    const restore = await failAtCommit(opened.db, "ledger_transactions");
    await expect(importCsvFile(opened.db, editor, input)).rejects.toThrow(/commit refused/);
    await restore();
    expect(await importsOf()).toBe(0);
    expect(await auditRows("ledger_import")).toBe(0);

    const result = await importCsvFile(opened.db, editor, input);
    expect(result).toMatchObject({ rows: 1, periods: [202301] });
    const audit = await opened.db.selectFrom("audit_log").select(["entity_id", "username"]).where("entity", "=", "ledger_import").execute();
    expect(audit).toEqual([{ entity_id: String(result.importId), username: editor.username }]);
  });
});

describe("exporting the budget as SIE", () => {
  const sink = () =>
    new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
    });

  it("is refused for another organisation's editor", async () => {
    await expect(exportBudgetSieFile(opened.db, otherEditor, { organisationId: org, year: 2023 }, sink())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("logs an export once the file is written, and none when writing fails", async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error("disk full"));
      },
    });
    await expect(exportBudgetSieFile(opened.db, reader, { organisationId: org, year: 2023 }, broken)).rejects.toThrow(/disk full/);
    expect(await auditRows("ledger_budget_sie")).toBe(0);
    await exportBudgetSieFile(opened.db, reader, { organisationId: org, year: 2023 }, sink());
    expect(await auditRows("ledger_budget_sie")).toBe(1);
  });
});
