import { roundingText } from "../../../../core/budget/rounding";
import type { JointFinancingResult } from "../api";
import { exactMoney, money, signedMoney } from "../amounts";

const methodText = { per_inhabitant: "Belopp per invånare", equal: "Lika delar", agreed: "Överenskomna andelar" } as const;

/** Each member's part, with the area, population date and rounding the user chose shown on the result. */
export function FinancingView({ result: r }: { result: JointFinancingResult }) {
  const perInhabitant = r.method === "per_inhabitant";
  return (
    <>
      <div className="proposal-summary" role="group" aria-label="Finansieringens resultat">
        <div>
          <span className="figure-label">Exakt</span>
          <span className="figure">{exactMoney(r.exactTotal, "kr")}</span>
        </div>
        <div>
          <span className="figure-label">Att betala</span>
          <span className="figure strong">{money(r.total, "kr")}</span>
        </div>
        <div>
          <span className="figure-label">Avrundning</span>
          <span className="figure small">{roundingText(r.rounding)}</span>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Metod</dt>
          <dd>{methodText[r.method]}</dd>
        </div>
        {perInhabitant && (
          <>
            <div>
              <dt>Belopp per invånare</dt>
              <dd>{r.ratePerInhabitant} kr</dd>
            </div>
            <div>
              <dt>Område</dt>
              <dd>{r.area ? `${r.area.name} (${r.area.code})` : "–"}</dd>
            </div>
            <div>
              <dt>Folkmängd per datum</dt>
              <dd>{r.area?.date ?? "–"}</dd>
            </div>
            <div>
              <dt>Invånare</dt>
              <dd className="num-inline">{r.population?.toLocaleString("sv-SE") ?? "–"}</dd>
            </div>
            <div className="wide">
              <dt>Underlag</dt>
              <dd>{r.area?.description ?? "–"}</dd>
            </div>
          </>
        )}
      </dl>
      <div className="table-wrap">
        <table className="data">
          <caption>
            Medlemmarnas delar<span className="caption-note">Belopp i kronor; delarna summerar exakt till totalen ({roundingText(r.rounding)}).</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              {perInhabitant && (
                <th scope="col" className="num">
                  Invånare
                </th>
              )}
              {r.method === "agreed" && (
                <th scope="col" className="num">
                  Andel
                </th>
              )}
              <th scope="col" className="num">
                Exakt
              </th>
              <th scope="col" className="num">
                Belopp
              </th>
              <th scope="col" className="num">
                Differens
              </th>
            </tr>
          </thead>
          <tbody>
            {r.parts.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                {perInhabitant && <td className="num">{p.population?.toLocaleString("sv-SE") ?? "–"}</td>}
                {r.method === "agreed" && <td className="num">{p.sharePercent} %</td>}
                <td className="num">{exactMoney(p.exact, "kr")}</td>
                <td className="num strong">{money(p.amount, "kr")}</td>
                <td className="num">{signedMoney(p.difference, "kr")}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              {perInhabitant && <td className="num">{r.population?.toLocaleString("sv-SE")}</td>}
              {r.method === "agreed" && <td />}
              <td className="num">{exactMoney(r.exactTotal, "kr")}</td>
              <td className="num">{money(r.total, "kr")}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <ul className="explanation-list">
        {r.explanation.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </>
  );
}
