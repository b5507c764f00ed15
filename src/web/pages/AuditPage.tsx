import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { AuditEntry } from "../api/types";
import { ErrorAlert, Loading } from "../components/ErrorAlert";
import { dateTime, kr } from "../format";
import { usePageTitle } from "../router";

const pageSize = 50;

const actionLabels: Record<string, string> = {
  create: "Skapad",
  update: "Ändrad",
  delete: "Borttagen",
  decide: "Fastställd",
  export: "Exporterad",
  login: "Inloggning",
  logout: "Utloggning",
  import: "Import",
};

const entityLabels: Record<string, string> = {
  allocation: "Fördelning",
  user: "Användare",
  user_password: "Lösenord",
  session: "Session",
  population: "Folkmängd",
  organisation: "Organisation",
};

// Amounts are stored in öre; the log shows them in kronor too so a reader need not divide by 100.
const moneyKeys = new Set(["total", "amount", "pool", "totalOre", "inputTotal", "unit"]);

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">–</span>;
  const text = JSON.stringify(
    value,
    (key: string, v: unknown) => (moneyKeys.has(key) && typeof v === "number" && Number.isSafeInteger(v) ? `${v} öre (${kr(v)})` : v),
    2,
  );
  return <pre className="json">{text}</pre>;
}

export function AuditPage() {
  usePageTitle("Granskningslogg");
  // Each page is identified by the id it starts before; undefined is the newest page.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<unknown>();
  const before = cursors[cursors.length - 1];

  useEffect(() => {
    setEntries(undefined);
    setError(undefined);
    api
      .audit(pageSize, before)
      .then((r) => setEntries(r.entries))
      .catch(setError);
  }, [before]);

  const oldest = entries?.[entries.length - 1];
  const pageNumber = cursors.length;

  return (
    <>
      <h1 tabIndex={-1}>Granskningslogg</h1>
      <p className="lead">Vem gjorde vad och när, med läget före och efter ändringen. Nyaste posterna först.</p>
      <ErrorAlert error={error} />
      {!entries && !error && <Loading what="loggposter" />}
      {entries && entries.length === 0 && <p>Inga fler poster.</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data audit">
            <caption>
              Loggposter, sida {pageNumber} ({entries.length} poster)
            </caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Användare</th>
                <th scope="col">Händelse</th>
                <th scope="col">Objekt</th>
                <th scope="col">Före</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="nowrap">
                    {dateTime(e.at)}
                  </th>
                  <td>{e.username ?? "–"}</td>
                  <td>{actionLabels[e.action] ?? e.action}</td>
                  <td>
                    {entityLabels[e.entity] ?? e.entity}
                    {e.entityId ? ` ${e.entityId}` : ""}
                  </td>
                  <td>
                    <Json value={e.before} />
                  </td>
                  <td>
                    <Json value={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        {cursors.length > 1 && (
          <button type="button" className="button-secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
            Nyare poster
          </button>
        )}
        {entries && entries.length === pageSize && oldest && (
          <button type="button" className="button-secondary" onClick={() => setCursors((c) => [...c, oldest.id])}>
            Äldre poster
          </button>
        )}
      </div>
    </>
  );
}
