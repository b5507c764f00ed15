import { sumToOre } from "../core/money";
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { accountClassifier } from "../core/followup/account-class";
import { reportSign } from "../core/followup/deviation";
import { projectAccounts, type ProjectAccountsTable, type ProjectFlows } from "../core/followup/project-accounts";
import { accountClassOverrides } from "./class-totals";
import { liveImports } from "./imports";

export interface ProjectAccountsQuery {
  organisationId: number;
  year: number;
  /** Projects left out of the subtotal. */
  excludeFromSubtotal?: string[];
  /** Add the board's result (rows without project) as a row. Default true. */
  boardResult?: boolean;
}

/** How many earlier years the roll-forward looks back for opening balances. */
const MAX_YEARS_BACK = 10;

async function hasYear(db: Db, organisationId: number, year: number): Promise<boolean> {
  const row = await db.selectFrom("ledger_imports").select("id").where("organisation_id", "=", organisationId).where("status", "=", "done").where("year", "=", year).executeTakeFirst();
  return row !== undefined;
}

/**
 * The project accounts of a year from the ledger: per project (dimension 6) income on joint
 * financing accounts, other income and costs from the totals kept at import; the opening balance
 * from #OIB on the project (balance accounts, report sign), else the closing balance of the year
 * before, computed the same way (the roll-forward). Rows without a project give the board's result.
 */
export async function projectAccountsReport(db: Db, q: ProjectAccountsQuery, depth = 0): Promise<ProjectAccountsTable> {
  const classify = accountClassifier(await accountClassOverrides(db, q.organisationId));
  const totals = await db
    .selectFrom("ledger_totals")
    .select(["account", "object", sql<string>`sum(amount_ore)`.as("amount")])
    .where("import_id", "in", liveImports(db, q.organisationId))
    .where("dimension", "=", 6)
    .where("period", ">=", q.year * 100)
    .where("period", "<=", q.year * 100 + 12)
    .groupBy(["account", "object"])
    .execute();
  const openings = await db
    .selectFrom("ledger_balances")
    .innerJoin("ledger_imports", "ledger_imports.id", "ledger_balances.import_id")
    .select(["project", "account", sql<string>`sum(amount_ore)`.as("amount")])
    .where("ledger_imports.organisation_id", "=", q.organisationId)
    .where("ledger_imports.status", "=", "done")
    .where("ledger_imports.year", "=", q.year)
    .where("ledger_balances.kind", "=", "OIB")
    .where("ledger_balances.year_index", "=", 0)
    .where("project", "is not", null)
    .groupBy(["project", "account"])
    .execute();
  const names = new Map(
    (await db.selectFrom("ledger_objects").select(["code", "name"]).where("organisation_id", "=", q.organisationId).where("dimension", "=", 6).execute()).map((o) => [o.code, o.name]),
  );
  const flows = new Map<string, ProjectFlows>();
  const flow = (code: string) => {
    let f = flows.get(code);
    if (!f) flows.set(code, (f = { code, name: names.get(code) ?? "", opening: null, jointFinancing: 0, otherIncome: 0, costs: 0 }));
    return f;
  };
  let boardResult = 0;
  for (const t of totals) {
    const c = classify(t.account);
    if (c.class === "balance") continue;
    const amount = reportSign(sumToOre(t.amount));
    if (t.object === "") {
      boardResult += amount;
      continue;
    }
    const f = flow(t.object);
    if (c.class === "income") {
      if (c.jointFinancing) f.jointFinancing += amount;
      else f.otherIncome += amount;
    } else f.costs -= amount;
  }
  for (const o of openings) {
    if (classify(o.account).class !== "balance") continue;
    const f = flow(o.project!);
    f.opening = (f.opening ?? 0) + reportSign(sumToOre(o.amount));
  }
  const previous = depth < MAX_YEARS_BACK && (await hasYear(db, q.organisationId, q.year - 1)) ? await projectAccountsReport(db, { ...q, year: q.year - 1 }, depth + 1) : undefined;
  return projectAccounts({
    year: q.year,
    projects: [...flows.values()],
    ...(q.boardResult === false ? {} : { boardResult }),
    ...(previous ? { previous } : {}),
    excludeFromSubtotal: q.excludeFromSubtotal ?? [],
  });
}
