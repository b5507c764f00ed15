import { money, type ReportUnit } from "./amounts";
import type { ProjectAccountRow, ProjectAccounts, ProjectAccountSum } from "./types";

const amount = (ore: number, unit: ReportUnit) => (ore === 0 ? "–" : money(ore, unit));

const SOURCE_NOTE: Record<ProjectAccountRow["openingSource"], string> = {
  ledger: "",
  previous_year: " (IB = föregående års UB)",
  none: " (ingen IB)",
};

/** The annual report's project accounts: IB + joint financing + other income − costs = UB. */
export function ProjectTable({ table, unit, id }: { table: ProjectAccounts; unit: ReportUnit; id: string }) {
  const y = table.year;
  const row = (r: ProjectAccountRow, excluded = false) => (
    <tr key={`${r.kind}-${r.code}`} className={excluded ? "fu-excluded" : undefined} data-project={r.kind === "project" ? r.code : "board"}>
      <th scope="row">
        {r.kind === "project" ? (
          <>
            <span className="code">{r.code}</span> {r.name}
          </>
        ) : (
          r.name
        )}
        {r.kind === "project" && SOURCE_NOTE[r.openingSource] && <span className="caption-note">{SOURCE_NOTE[r.openingSource].trim()}</span>}
      </th>
      <td className="num">{amount(r.opening, unit)}</td>
      <td className="num">{amount(r.jointFinancing, unit)}</td>
      <td className="num">{amount(r.otherIncome, unit)}</td>
      <td className="num">{amount(r.costs, unit)}</td>
      <td className="num strong">{amount(r.closing, unit)}</td>
    </tr>
  );
  const sum = (s: ProjectAccountSum, className: string) => (
    <tr className={className}>
      <th scope="row">{s.label}</th>
      <td className="num">{amount(s.opening, unit)}</td>
      <td className="num">{amount(s.jointFinancing, unit)}</td>
      <td className="num">{amount(s.otherIncome, unit)}</td>
      <td className="num">{amount(s.costs, unit)}</td>
      <td className="num">{amount(s.closing, unit)}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="data" id={id}>
        <caption>
          Redovisning av projektkonton {y}
          <span className="caption-note">
            Ingående balans + solidarisk finansiering + övriga intäkter − kostnader = utgående balans. Kostnader visas som positiva belopp. Nämndens resultat avser mandatperioden{" "}
            {table.mandatePeriod.start}–{table.mandatePeriod.end}.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Projekt</th>
            <th scope="col" className="num">
              IB {y}
            </th>
            <th scope="col" className="num">
              Solidarisk finansiering
            </th>
            <th scope="col" className="num">
              Övriga intäkter
            </th>
            <th scope="col" className="num">
              Kostnader
            </th>
            <th scope="col" className="num">
              UB {y}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => row(r))}
          {table.excludedRows.length > 0 && sum(table.subtotal, "fu-subtotal")}
          {table.excludedRows.map((r) => row(r, true))}
        </tbody>
        <tfoot>{sum(table.total, "")}</tfoot>
      </table>
    </div>
  );
}

/** Checkboxes for the projects to leave out of the subtotal. */
export function ExclusionChoice({ projects, excluded, onChange }: { projects: { code: string; name: string }[]; excluded: string[]; onChange(code: string, on: boolean): void }) {
  if (projects.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>Räkna inte med i delsumman</legend>
      <p className="hint">Projekt som nämnden inte beslutar om redovisas under delsumman och ingår bara i totalen.</p>
      <div className="radio-row">
        {projects.map((p) => (
          <label key={p.code} className="check-label">
            <input type="checkbox" checked={excluded.includes(p.code)} onChange={(e) => onChange(p.code, e.target.checked)} />
            {p.code} {p.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
