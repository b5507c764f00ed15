import type { getImport, listImports } from "../../ledger/imports";

// The ledger's results as the API sends them and the web reads them: the web takes its types from
// src/core and src/app only (eslint), so the ledger module's own types are named here.
export type { LedgerJob } from "../../ledger/jobs";
export type { MakeImportCurrentResult } from "./make-import-current";
export type { CsvImportResult, ColumnRef, CsvMapping } from "../../ledger/import-csv";
export type { DrillDownRow } from "../../ledger/drilldown";
export type { AccountClassSet, ObjectLink, StoredCsvMapping, StoredObjectLink } from "../../ledger/mappings";

/** One import in the organisation's list (GET /api/ledger/imports). */
export type LedgerImport = Awaited<ReturnType<typeof listImports>>[number];
/** One import with its warnings (GET /api/ledger/imports/{id}). */
export type LedgerImportDetail = NonNullable<Awaited<ReturnType<typeof getImport>>>;
