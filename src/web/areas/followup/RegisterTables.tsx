import type { ReactNode } from "react";
import { assignmentsByUnit, nhvOutcomeLabels, percentText, permitSummary, phaseText, type Registers } from "../../../core/followup/registers";

/** The NHV permits as the annual report prints them: care area, application phase, permit, start, principal. */
export function PermitTable({ registers, year, actions }: { registers: Registers; year: number; actions?: (id: number) => ReactNode }) {
  if (registers.permits.length === 0) return <p id="permits-empty">Inga NHV-tillstånd registrerade för {year}.</p>;
  return (
    <div className="table-wrap">
      <table className="data" id="permits-table">
        <caption>
          Utlysning och tilldelning av NHV {year}
          <span className="caption-note">{permitSummary(registers.permits)}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Vårdområde</th>
            <th scope="col">SoS ansökningsfas</th>
            <th scope="col">Tillstånd</th>
            <th scope="col">Start</th>
            <th scope="col">Huvudansvar</th>
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Åtgärder</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {registers.permits.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.careArea}</th>
              <td className="nowrap">{phaseText(p.applicationPhase)}</td>
              <td>{nhvOutcomeLabels[p.outcome]}</td>
              <td className="nowrap">{p.startDate ?? "–"}</td>
              <td>{p.principal}</td>
              {actions && <td className="nowrap">{actions(p.id)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each unit's assignments with their share of full time, and the unit's sum. */
export function AssignmentTable({ registers, year, actions }: { registers: Registers; year: number; actions?: (id: number) => ReactNode }) {
  if (registers.assignments.length === 0) return <p id="assignments-empty">Inga uppdrag registrerade för {year}.</p>;
  return (
    <>
      {assignmentsByUnit(registers.assignments).map((u, i) => (
        <div className="table-wrap" key={u.unit}>
          <table className="data" id={`assignments-table-${i + 1}`}>
            <caption>
              {u.unit} {year}: uppdrag och andel av heltid
            </caption>
            <thead>
              <tr>
                <th scope="col">Uppdrag</th>
                <th scope="col" className="num">
                  Andel av heltid
                </th>
                <th scope="col">Anmärkning</th>
                {actions && (
                  <th scope="col">
                    <span className="visually-hidden">Åtgärder</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {u.rows.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.role}</th>
                  <td className="num">{percentText(a.percent)}</td>
                  <td>{a.note ?? ""}</td>
                  {actions && <td className="nowrap">{actions(a.id)}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <td className="num">{percentText(u.percent)}</td>
                <td />
                {actions && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      ))}
    </>
  );
}
