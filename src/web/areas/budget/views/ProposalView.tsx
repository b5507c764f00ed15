import { roundingText } from "../../../../core/budget/rounding";
import type { ProposalResult } from "../api";
import { exactMoney, money, signedMoney, type Unit } from "../amounts";

/** Last year's budget × index + decided additions → the new total, split over the members and rounded. */
export function ProposalView({ proposal: p, unit }: { proposal: ProposalResult; unit: Unit }) {
  const byPopulation = p.members.some((m) => m.population !== null);
  return (
    <section aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">Budgetförslag</h2>
      <div className="proposal-summary" role="group" aria-label="Förslagets resultat">
        <div>
          <span className="figure-label">Ny total, exakt</span>
          <span className="figure">{exactMoney(p.exactTotal, unit)}</span>
        </div>
        <div>
          <span className="figure-label">Avrundat förslag</span>
          <span className="figure strong">{money(p.roundedTotal, unit)}</span>
        </div>
        <div>
          <span className="figure-label">Avrundningsdifferens</span>
          <span className="figure">{signedMoney(p.difference, unit)}</span>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data compact">
          <caption>
            Beräkning av den nya totalen<span className="caption-note">Exakta belopp; inget avrundas före fördelningen på medlemmarna.</span>
          </caption>
          <tbody>
            <tr>
              <th scope="row">{p.baseLabel}</th>
              <td>Grundbelopp</td>
              <td className="num">{money(p.baseAmount, unit)}</td>
            </tr>
            <tr>
              <th scope="row">× {p.uprating.factorText}</th>
              <td>{p.uprating.description}</td>
              <td className="num">{exactMoney(p.uprated, unit)}</td>
            </tr>
            {p.additions.map((a, i) => (
              <tr key={i}>
                <th scope="row">+ {a.label}</th>
                <td>Beslut: {a.decisionReference}</td>
                <td className="num">{money(a.amount, unit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Ny total</th>
              <td>exakt</td>
              <td className="num">{exactMoney(p.exactTotal, unit)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="table-wrap spaced">
        <table className="data">
          <caption>
            Medlemmarnas bidrag
            <span className="caption-note">
              {byPopulation ? "Efter folkmängd" : `Lika delar på ${p.members.length} medlemmar`}; varje del {roundingText(p.rounding)}.
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              {byPopulation && (
                <th scope="col" className="num">
                  Folkmängd
                </th>
              )}
              <th scope="col" className="num">
                Exakt
              </th>
              <th scope="col" className="num">
                Avrundat
              </th>
              <th scope="col" className="num">
                Differens
              </th>
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr key={m.key}>
                <th scope="row">{m.label}</th>
                {byPopulation && <td className="num">{m.population?.toLocaleString("sv-SE") ?? "–"}</td>}
                <td className="num">{exactMoney(m.exact, unit)}</td>
                <td className="num strong">{money(m.rounded, unit)}</td>
                <td className="num">{signedMoney(m.difference, unit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              {byPopulation && <td />}
              <td className="num">{exactMoney(p.exactTotal, unit)}</td>
              <td className="num">{money(p.roundedTotal, unit)}</td>
              <td className="num">{signedMoney(p.difference, unit)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <ul className="explanation-list">
        {p.explanation.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </section>
  );
}
