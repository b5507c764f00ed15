import type { FrameChangeResult, FrameChangeSpec } from "../api";
import { cell, money, roundingNote, type Unit } from "../amounts";

/** Seed 004's frame change: the room to allocate, the reductions with reasons, and the lines. */
export function FrameChangeView({ spec, result, unit }: { spec: FrameChangeSpec; result: FrameChangeResult; unit: Unit }) {
  const ok = result.state === "balanced" && result.problems.length === 0;
  return (
    <>
      <p className={ok ? "check check-ok" : "check check-bad"}>
        <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
        {result.message}
      </p>
      {result.problems.length > 0 && (
        <ul className="problems">
          {result.problems.map((p) => (
            <li key={p.path}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="budget-grid">
        <div className="table-wrap">
          <table className="data compact">
            <caption>
              Utrymme att fördela<span className="caption-note">{roundingNote(unit, [result.grossIncrease, result.reductionsTotal], result.toAllocate)}</span>
            </caption>
            <tbody>
              <tr>
                <th scope="row">Ramförstärkning</th>
                <td className="num">{cell(result.grossIncrease, unit)}</td>
              </tr>
              {spec.reductions.map((r, i) => (
                <tr key={i}>
                  <th scope="row">
                    − {r.label || `Minskning ${i + 1}`}
                    <span className="row-note">Skäl: {r.reason || "ej angivet"}</span>
                  </th>
                  <td className="num">−{cell(r.amount, unit)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Kvar att fördela</th>
                <td className="num">{cell(result.toAllocate, unit)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data">
          <caption>
            Fördelning av {money(result.toAllocate, unit)}
            <span className="caption-note">{roundingNote(unit, spec.lines.map((l) => l.amount), result.allocated)}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Nr
              </th>
              <th scope="col">Ändamål</th>
              <th scope="col" className="num">
                Belopp ({unit})
              </th>
            </tr>
          </thead>
          <tbody>
            {spec.lines.map((l, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <th scope="row">{l.label || "(utan benämning)"}</th>
                <td className="num">{cell(l.amount, unit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row">Summa, {spec.lines.length} rader</th>
              <td className="num">{cell(result.allocated, unit)}</td>
            </tr>
            {result.unallocated !== 0 && (
              <tr>
                <td />
                <th scope="row">{result.unallocated > 0 ? "Kvar att fördela" : "Överfördelat"}</th>
                <td className="num">{cell(Math.abs(result.unallocated), unit)}</td>
              </tr>
            )}
          </tfoot>
        </table>
      </div>
    </>
  );
}
