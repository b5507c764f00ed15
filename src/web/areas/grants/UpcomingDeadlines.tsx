import { useEffect, useState } from "react";
import { Link } from "../../router";
import { grantsApi } from "./api";
import { money } from "./components";
import { DaysLeft } from "./DeadlineTable";
import { deadlineKindLabels } from "./labels";
import type { Deadline } from "./types";

const shownCount = 6;

/** Start page: the user's organisations' upcoming and overdue grant deadlines. */
export function UpcomingDeadlines() {
  const [data, setData] = useState<{ withinDays: number; deadlines: Deadline[] }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    grantsApi.myDeadlines().then(setData).catch(() => setFailed(true));
  }, []);
  if (failed || !data) return null;
  return (
    <section aria-labelledby="upcoming-deadlines-heading">
      <h2 id="upcoming-deadlines-heading">Statsbidrag: tidsfrister inom {data.withinDays} dagar</h2>
      {data.deadlines.length === 0 ? (
        <p>Inga tidsfrister för dina organisationer inom {data.withinDays} dagar.</p>
      ) : (
        <ul className="upcoming-list">
          {data.deadlines.slice(0, shownCount).map((d) => (
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
      )}
      <p>
        <Link href="/tidsfrister">Alla tidsfrister{data.deadlines.length > shownCount ? ` (${data.deadlines.length} inom perioden)` : ""}</Link>
      </p>
    </section>
  );
}
