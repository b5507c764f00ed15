import type { AllocationResult, AllocationShare } from "../api/types";
import { exactKr, formatUnitName, kr, roundingModes, signedKr } from "../format";

const methodLabels: Record<AllocationShare["method"], string> = {
  weight: "Vikt",
  equal: "Lika delar",
  fixed: "Fast belopp",
  percent: "Procent av totalen",
  remainder: "Resten",
};

/** The sentence that proves the table adds up, or says by how much per-share rounding misses. */
export function sumCheck(result: AllocationResult): { ok: boolean; text: string } {
  // Safe integers of öre: the sum of saved shares stays far below 2^53.
  const sum = result.shares.reduce((acc, s) => acc + s.amount, 0);
  const diff = sum - result.inputTotal;
  if (diff === 0) return { ok: true, text: `Summan stämmer: ${kr(sum)} = ${kr(result.inputTotal)}` };
  if (result.rounding === "largest-remainder" || result.rounding === "nearest-largest") {
    return { ok: false, text: `Summan stämmer inte: raderna ger ${kr(sum)} men beloppet är ${kr(result.inputTotal)}.` };
  }
  const word = diff > 0 ? "mer" : "mindre";
  return { ok: true, text: `Avrundningen ger ${kr(Math.abs(diff))} ${word} än beloppet: ${kr(sum)} i stället för ${kr(result.inputTotal)}.` };
}

/** A population basis names area, date and source file; the table shows only its first sentence. */
function firstSentence(text: string): string {
  const end = text.search(/\.\s/);
  return end > 0 ? text.slice(0, end) : text.replace(/\.$/, "");
}

export function roundingText(result: AllocationResult): string {
  const mode = roundingModes.find((m) => m.value === result.rounding)?.label ?? result.rounding;
  return `Avrundning till hela ${formatUnitName(result.unit)}, ${mode.charAt(0).toLowerCase()}${mode.slice(1)}.`;
}

export function ResultTable({ result, caption }: { result: AllocationResult; caption: string }) {
  const sum = result.shares.reduce((acc, s) => acc + s.amount, 0);
  const check = sumCheck(result);
  return (
    <>
      <p className={check.ok ? "check check-ok" : "check check-bad"}>
        <span aria-hidden="true">{check.ok ? "✓ " : "✗ "}</span>
        {check.text}
      </p>
      <div className="table-wrap">
        <table className="data result">
          <caption>
            {caption}
            <span className="caption-note">
              {roundingText(result)} {result.tieBreak}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Mottagare</th>
              <th scope="col">Underlag</th>
              <th scope="col" className="num">
                Exakt kvot
              </th>
              <th scope="col" className="num">
                Belopp
              </th>
              <th scope="col" className="num">
                Avrundning
              </th>
              <th scope="col" className="num">
                Restrang
              </th>
              <th scope="col">Förklaring</th>
            </tr>
          </thead>
          <tbody>
            {result.shares.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td>{s.basis ? firstSentence(s.basis) : methodLabels[s.method]}</td>
                <td className="num">{exactKr(s.quota)}</td>
                <td className="num strong">{kr(s.amount)}</td>
                <td className="num">{signedKr(s.roundingDifference)}</td>
                <td className="num">{s.remainderRank ?? "–"}</td>
                <td>
                  <details>
                    <summary>
                      Visa<span className="visually-hidden"> förklaring för {s.label}</span>
                    </summary>
                    <p className="explanation">{s.explanation}</p>
                    {s.basis && s.basis !== firstSentence(s.basis) && <p className="explanation">Underlag: {s.basis}</p>}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              <td className="nowrap">{result.shares.length} rader</td>
              <td className="num">{kr(result.inputTotal)}</td>
              <td className="num strong">{kr(sum)}</td>
              <td className="num">{result.difference === 0 ? "0 kr" : `${result.difference > 0 ? "+" : "−"}${kr(Math.abs(result.difference))}`}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
