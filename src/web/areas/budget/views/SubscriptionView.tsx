import type { SubscriptionDocResult } from "../api";
import { cell, exactMoney, money, roundingNote, type Unit } from "../amounts";

/** Buyer × seller with row and column totals computed from the cells, and the checks against the source. */
export function SubscriptionView({ result, unit }: { result: SubscriptionDocResult; unit: Unit }) {
  const m = result.matrix;
  const amountOf = (b: string, s: string) => m.cells.find((c) => c.buyer === b && c.seller === s)?.amount ?? null;
  return (
    <>
      <div className="table-wrap">
        <table className="data matrix">
          <caption>
            Abonnemang, köpare × säljare ({unit})
            <span className="caption-note">{roundingNote(unit, m.cells.map((c) => c.amount), m.total)} Rad- och kolumnsummor räknas från cellerna.</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Köpare \ säljare</th>
              {m.sellers.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="num">
                Summa
              </th>
            </tr>
          </thead>
          <tbody>
            {m.buyers.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                {m.sellers.map((s) => (
                  <td key={s.key} className="num">
                    {cell(amountOf(b.key, s.key), unit)}
                  </td>
                ))}
                <td className="num strong">{cell(m.rowTotals[b.key] ?? 0, unit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              {m.sellers.map((s) => (
                <td key={s.key} className="num">
                  {cell(m.columnTotals[s.key] ?? 0, unit)}
                </td>
              ))}
              <td className="num">{cell(m.total, unit)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl className="facts">
        <div>
          <dt>Grundandel (fast)</dt>
          <dd>
            {m.baseSharePercent} % = {money(m.fixedTotal, unit)}
          </dd>
        </div>
        <div>
          <dt>Rörlig del</dt>
          <dd>{money(m.variableTotal, unit)}</dd>
        </div>
        <div>
          <dt>Efter avräkning mot förbrukning</dt>
          <dd>{money(m.settledTotal, unit)}</dd>
        </div>
        {m.uprating && m.upratedTotal !== null && (
          <div className="wide">
            <dt>Uppräknat ({m.uprating.description})</dt>
            <dd>
              {money(m.upratedTotal, unit)}
              {m.upratedExact && ` (exakt ${exactMoney(m.upratedExact, unit)})`}
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="stated-heading">
        <h2 id="stated-heading">Kontroll mot källans summor</h2>
        {result.statedChecks.length === 0 ? (
          <p className="check check-ok">
            <span aria-hidden="true">✓ </span>Källans summor stämmer med de beräknade, eller inga summor är angivna.
          </p>
        ) : (
          <ul className="notes">
            {result.statedChecks.map((c) => (
              <li key={c.where} className="notice">
                {c.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul className="explanation-list">
        {m.explanation.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </>
  );
}
