import type { BudgetResult, BudgetSpec } from "../api";
import { cell, roundingNote, type Unit } from "../amounts";
import { ProposalView } from "./ProposalView";

/** Seed 000's multi-year table (kostnadsslag × Utfall/Budget/Prognos) and the proposal calculation. */
export function BudgetView({ spec, result, unit }: { spec: BudgetSpec; result: BudgetResult; unit: Unit }) {
  const { headers, columnTotals } = result.totals;
  const notes = [...new Set(headers.map((_, c) => roundingNote(unit, spec.model.lines.map((l) => l.amounts[c] ?? 0), columnTotals[c] ?? 0)))];
  const kindWord = spec.model.lineKind === "cost_category" ? "Kostnadsslag" : "Kontoklass";
  return (
    <>
      <section aria-labelledby="table-heading">
        <h2 id="table-heading">Flerårstabell</h2>
        <div className="table-wrap">
          <table className="data">
            <caption>
              {kindWord} per år ({unit})<span className="caption-note">{notes.join(" ")}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{kindWord}</th>
                {headers.map((h, i) => (
                  <th key={i} scope="col" className={`num col-${spec.model.columns[i]?.kind ?? "budget"}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.model.lines.map((l, r) => (
                <tr key={r}>
                  <th scope="row">{l.label}</th>
                  {l.amounts.map((a, c) => (
                    <td key={c} className="num">
                      {cell(a, unit)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                {columnTotals.map((t, c) => (
                  <td key={c} className="num">
                    {cell(t, unit)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
        {result.checks.map((c) => (
          <p key={c} className="note">
            {c}
          </p>
        ))}
      </section>
      {result.proposal && <ProposalView proposal={result.proposal} unit={unit} />}
    </>
  );
}
