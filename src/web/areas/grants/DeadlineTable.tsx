import { Link } from "../../router";
import { money } from "./components";
import { daysLeftLabel, deadlineKindLabels } from "./labels";
import type { Deadline } from "./types";

export function DaysLeft({ d }: { d: Deadline }) {
  if (d.done) return <span className="done-mark">Klar</span>;
  if (d.overdue) return <span className="overdue-mark">Försenad, {daysLeftLabel(d.daysLeft)}</span>;
  return <span className={d.daysLeft <= 14 ? "soon-mark" : undefined}>{daysLeftLabel(d.daysLeft)}</span>;
}

export function DeadlineTable({ deadlines, caption }: { deadlines: Deadline[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data" id="deadline-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Dagar kvar</th>
            <th scope="col">Vad</th>
            <th scope="col">Organisation</th>
            <th scope="col">Bidrag</th>
            <th scope="col">Till</th>
            <th scope="col" className="num">
              Belopp
            </th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => (
            <tr key={d.key} className={d.overdue && !d.done ? "diff-row" : undefined}>
              <th scope="row" className="nowrap">
                {d.date}
              </th>
              <td className="nowrap">
                <DaysLeft d={d} />
              </td>
              <td>{deadlineKindLabels[d.kind]}</td>
              <td>{d.organisationName}</td>
              <td>
                <Link href={`/statsbidrag/delar/${d.partId}/mottagare/${encodeURIComponent(d.organisationCode)}`}>{d.title}</Link>
              </td>
              <td>{d.counterpart ?? "–"}</td>
              <td className="num">{d.amount === null ? "–" : money(d.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
