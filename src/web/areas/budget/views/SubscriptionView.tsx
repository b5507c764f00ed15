import { MatrixTable } from "../../../components/MatrixTable";
import type { SubscriptionDocResult } from "../api";
import { cell, exactMoney, money, roundingNote, type Unit } from "../amounts";

/** Buyer × seller with row and column totals computed from the cells, and the checks against the source. */
export function SubscriptionView({ result, unit }: { result: SubscriptionDocResult; unit: Unit }) {
  const m = result.matrix;
  return (
    <>
      <MatrixTable
        matrix={m}
        className="data matrix"
        corner={"Köpare \\ säljare"}
        format={(ore) => cell(ore ?? null, unit)}
        caption={
          <>
            Abonnemang, köpare × säljare ({unit})
            <span className="caption-note">{roundingNote(unit, m.cells.map((c) => c.amount), m.total)} Rad- och kolumnsummor räknas från cellerna.</span>
          </>
        }
      />
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
