import type { AllocationSummary } from "../api/types";
import { date, kr, statusLabel } from "../format";
import { Link } from "../router";

export function AllocationSummaryTable({ rows, caption }: { rows: AllocationSummary[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rubrik</th>
            <th scope="col">Organisation</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col" className="num">
              Belopp
            </th>
            <th scope="col">Skapad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="row-title">
                <Link href={`/fordelningar/${a.id}`}>{a.title}</Link>
              </th>
              <td>{a.organisationName}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td className="num">{a.version}</td>
              <td className="num">{kr(a.totalOre)}</td>
              <td className="nowrap">{date(a.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatusBadge({ status }: { status: AllocationSummary["status"] }) {
  return <span className={`badge badge-${status}`}>{statusLabel[status]}</span>;
}
