import { useEffect, useMemo, useState } from "react";
import { usePageTitle } from "../../router";
import { useSession } from "../../session";
import { deadlinesXlsxUrl, grantsApi, icsUrl } from "./api";
import { Pending } from "./components";
import { DeadlineTable } from "./DeadlineTable";
import { ReminderSettings } from "./ReminderSettings";
import type { Deadline } from "./types";

/** One calendar over all grants and organisations, with .ics per organisation and .xlsx. */
export function CalendarPage() {
  usePageTitle("Tidsfrister");
  const { user } = useSession();
  const [all, setAll] = useState<Deadline[]>();
  const [error, setError] = useState<unknown>();
  const own = user.roles[0]?.organisationCode ?? "";
  const [org, setOrg] = useState(own);
  const [within, setWithin] = useState("");
  const [showDone, setShowDone] = useState(false);

  useEffect(() => {
    grantsApi.deadlines().then(setAll).catch(setError);
  }, []);
  const organisations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const d of all ?? []) seen.set(d.organisationCode, d.organisationName);
    for (const r of user.roles) seen.set(r.organisationCode, r.organisationName);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], "sv"));
  }, [all, user.roles]);
  if (!all) return <Pending title="Tidsfrister" error={error} what="tidsfristerna" />;

  const shown = all.filter((d) => (!org || d.organisationCode === org) && (showDone || !d.done) && (within === "" || d.overdue || d.daysLeft <= Number(within)));
  const overdue = shown.filter((d) => d.overdue && !d.done).length;
  const orgName = organisations.find(([c]) => c === org)?.[1];

  return (
    <>
      <h1 tabIndex={-1}>Tidsfrister</h1>
      <p className="lead">Rekvisition, ekonomisk redovisning, återbetalning och verksamhetsrapporter för alla statsbidrag. En missad rekvisition kan innebära att rätten till pengarna förfaller.</p>
      <div className="card">
        <div className="field-row">
          <div className="field">
            <label htmlFor="cal-org">Organisation</label>
            <select id="cal-org" value={org} onChange={(e) => setOrg(e.target.value)}>
              <option value="">Alla organisationer</option>
              {organisations.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cal-within">Period</label>
            <select id="cal-within" value={within} onChange={(e) => setWithin(e.target.value)}>
              <option value="">Alla</option>
              <option value="30">Inom 30 dagar och försenade</option>
              <option value="90">Inom 90 dagar och försenade</option>
              <option value="365">Inom ett år och försenade</option>
            </select>
          </div>
          <div className="field">
            <span className="field-label-spacer" aria-hidden="true">
              &nbsp;
            </span>
            <label className="check-label">
              <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} /> Visa klara
            </label>
          </div>
        </div>
        <div className="actions">
          {org ? (
            <a className="button-secondary" href={icsUrl(org)} download={`statsbidrag-${org}.ics`}>
              Ladda ner kalender (.ics) för {orgName}
            </a>
          ) : (
            <span className="grants-small">Välj en organisation för att ladda ner dess kalender (.ics).</span>
          )}
          <a className="button-secondary" href={deadlinesXlsxUrl(org || undefined)} download="tidsfrister.xlsx">
            Exportera XLSX
          </a>
        </div>
      </div>
      <p role="status" id="calendar-summary">
        {shown.length} tidsfrister{orgName ? ` för ${orgName}` : ""}
        {overdue > 0 ? `, varav ${overdue} försenade` : ""}.
      </p>
      {shown.length > 0 && <DeadlineTable deadlines={shown} caption={`Tidsfrister${orgName ? ` för ${orgName}` : ""} i datumordning`} />}
      <ReminderSettings />
    </>
  );
}
