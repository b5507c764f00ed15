import { useEffect, useState } from "react";
import { Link } from "../../router";
import { grantsApi } from "./api";
import { money } from "./components";
import { DaysLeft } from "./DeadlineTable";
import { deadlineKindLabels } from "./labels";
import type { Deadline } from "./types";

const shownCount = 6;

function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  return (
    <ul className="upcoming-list">
      {deadlines.slice(0, shownCount).map((d) => (
        <li key={d.key}>
          <span className="when">
            {d.date} <DaysLeft d={d} />
          </span>
          <span>
            {deadlineKindLabels[d.kind]}
            {d.counterpart ? ` till ${d.counterpart}` : ""}
            {d.amount !== null ? ` (${money(d.amount)})` : ""}:{" "}
            <Link href={`/statsbidrag/delar/${d.partId}/mottagare/${encodeURIComponent(d.organisationCode)}`}>{d.title}</Link>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Start page: the user's organisations' grant deadlines, overdue ones first (a missed
 * requisition loses the money), then those within the user's reminder period.
 */
export function UpcomingDeadlines() {
  const [data, setData] = useState<{ withinDays: number; deadlines: Deadline[] }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    grantsApi.myDeadlines().then(setData).catch(() => setFailed(true));
  }, []);
  if (failed || !data) return null;
  const overdue = data.deadlines.filter((d) => d.overdue);
  const upcoming = data.deadlines.filter((d) => !d.overdue);
  const more = (n: number) => (n > shownCount ? ` ${shownCount} av ${n} visas.` : "");
  return (
    <section aria-labelledby="upcoming-deadlines-heading">
      <h2 id="upcoming-deadlines-heading">Statsbidrag: tidsfrister</h2>
      {overdue.length > 0 && (
        <>
          <h3 id="overdue-deadlines-heading">Försenade: {overdue.length}</h3>
          <p className="notice">
            {overdue.length === 1 ? "En tidsfrist har passerat" : `${overdue.length} tidsfrister har passerat`} utan att vara klar{overdue.length === 1 ? "" : "a"}.{more(overdue.length)}
          </p>
          <DeadlineList deadlines={overdue} />
        </>
      )}
      <h3 id="due-deadlines-heading">Inom {data.withinDays} dagar: {upcoming.length}</h3>
      {upcoming.length === 0 ? <p>Inga tidsfrister för dina organisationer inom {data.withinDays} dagar.</p> : <DeadlineList deadlines={upcoming} />}
      <p>
        <Link href="/tidsfrister">Alla tidsfrister</Link>
      </p>
    </section>
  );
}
