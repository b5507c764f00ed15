import { ACCOUNT_CLASS_NAMES, type AccountClass } from "../../../core/followup/account-class";
import { kr } from "../../format";
import type { ImportJob } from "./types";

type Comparison = NonNullable<NonNullable<ImportJob["error"]>["comparison"]>;

/** Before and after of replacing a year's import, and the explicit yes the replacement needs. */
export function ReplaceConfirm({ comparison, busy, onConfirm }: { comparison: Comparison; busy: boolean; onConfirm(): void }) {
  const { before, after } = comparison;
  const classes = (Object.keys(ACCOUNT_CLASS_NAMES) as AccountClass[]).filter((c) => before.classTotals[c] !== 0 || after.classTotals[c] !== 0);
  return (
    <div className="notice" role="alert">
      <p>
        Filen skulle ersätta import {before.importId} ({before.fileName}) för {comparison.year}. Ingenting är ändrat ännu. Den tidigare importen sparas som version och kan göras gällande igen.
      </p>
      {comparison.fewer && (
        <p>
          <strong>{comparison.fewer}</strong>
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption>Före och efter ersättningen</caption>
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col">Nu (import {before.importId})</th>
              <th scope="col">Ny fil</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Verifikationer</th>
              <td className="num">{before.vouchers}</td>
              <td className="num">{after.vouchers}</td>
            </tr>
            <tr>
              <th scope="row">Transaktioner</th>
              <td className="num">{before.transactions}</td>
              <td className="num">{after.transactions}</td>
            </tr>
            {classes.map((c) => (
              <tr key={c}>
                <th scope="row">{ACCOUNT_CLASS_NAMES[c]}</th>
                <td className="num">{kr(before.classTotals[c])}</td>
                <td className="num">{kr(after.classTotals[c])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button-primary" onClick={onConfirm} disabled={busy}>
        Ja, ersätt importen för {comparison.year}
      </button>
    </div>
  );
}
