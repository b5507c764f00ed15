import { Link } from "../../router";
import { Badge, money } from "./components";
import type { Decision } from "./types";

/** The government decisions under one agreement, with each one's sum check. */
export function DecisionTable({ caption, decisions }: { caption: string; decisions: Decision[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Diarienummer</th>
            <th scope="col">Datum</th>
            <th scope="col">Rubrik</th>
            <th scope="col" className="num">
              Totalt
            </th>
            <th scope="col">Summakontroll</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link href={`/statsbidrag/beslut/${d.id}`}>{d.diaryNumber ?? `Beslut ${d.id}`}</Link>
              </th>
              <td className="nowrap">{d.decisionDate ?? "–"}</td>
              <td>{d.title}</td>
              <td className="num">{money(d.total)}</td>
              <td>{d.check.balanced ? <span className="done-mark">Stämmer</span> : <span className="diff-text">Avviker {money(Math.abs(d.check.difference))}</span>}</td>
              <td>
                <Badge status={d.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
