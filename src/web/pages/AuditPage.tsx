import { useEffect, useId, useState, type FormEvent } from "react";
import { fieldChanges, type FieldChange } from "../../core/audit/changes";
import { actionLabel, auditActionLabels, auditEntityLabels, entityLabel } from "../../core/audit/labels";
import { api, auditExportUrl, type AuditChainReport, type AuditQuery } from "../api/client";
import type { AuditEntry } from "../api/types";
import { ErrorAlert, Loading } from "../components/ErrorAlert";
import { dateTime } from "../format";
import { usePageTitle } from "../router";

const pageSize = 50;
/** Changes shown at once per entry; a record created with hundreds of lines folds the rest away. */
const shownChanges = 12;

const byLabel = (labels: Record<string, string>) => Object.entries(labels).sort((a, b) => a[1].localeCompare(b[1], "sv"));

function Changes({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <span className="muted">Inga fält</span>;
  const item = (c: FieldChange) => (
    <li key={c.path}>
      <span className="change-field">{c.label}</span>:{" "}
      {c.before === null ? (
        <span className="muted">(ny)</span>
      ) : (
        <>
          <span className="visually-hidden">från </span>
          <del>{c.before}</del>
        </>
      )}{" "}
      <span aria-hidden="true">→</span> <span className="visually-hidden">till </span>
      {c.after === null ? <span className="muted">(borttagen)</span> : <ins>{c.after}</ins>}
    </li>
  );
  return (
    <>
      <ul className="changes">{changes.slice(0, shownChanges).map(item)}</ul>
      {changes.length > shownChanges && (
        <details>
          <summary>Visa alla {changes.length} ändrade fält</summary>
          <ul className="changes">{changes.slice(shownChanges).map(item)}</ul>
        </details>
      )}
    </>
  );
}

function FilterForm({ value, onSubmit }: { value: AuditQuery; onSubmit: (q: AuditQuery) => void }) {
  const [draft, setDraft] = useState<AuditQuery>(value);
  useEffect(() => setDraft(value), [value]);
  const id = useId();
  const set = (key: keyof AuditQuery) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(Object.fromEntries(Object.entries(draft).filter(([, v]) => v && String(v).trim() !== "")) as AuditQuery);
  };
  return (
    <form className="card" role="search" aria-label="Filtrera granskningsloggen" onSubmit={submit}>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-user`}>Användare</label>
          <input id={`${id}-user`} name="user" value={draft.user ?? ""} onChange={set("user")} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>Händelse</label>
          <select id={`${id}-action`} name="action" value={draft.action ?? ""} onChange={set("action")}>
            <option value="">Alla händelser</option>
            {byLabel(auditActionLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-entity`}>Objekt</label>
          <select id={`${id}-entity`} name="entity" value={draft.entity ?? ""} onChange={set("entity")}>
            <option value="">Alla slag</option>
            {byLabel(auditEntityLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-entity-id`}>Objektets id</label>
          <input id={`${id}-entity-id`} name="entityId" value={draft.entityId ?? ""} onChange={set("entityId")} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Från och med</label>
          <input id={`${id}-from`} name="from" type="date" value={draft.from ?? ""} onChange={set("from")} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Till och med</label>
          <input id={`${id}-to`} name="to" type="date" value={draft.to ?? ""} onChange={set("to")} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary">
          Visa
        </button>
        <button type="button" className="button-secondary" onClick={() => onSubmit({})}>
          Rensa filter
        </button>
      </div>
    </form>
  );
}

function ChainCheck() {
  const [report, setReport] = useState<AuditChainReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const check = () => {
    setBusy(true);
    setError(undefined);
    api
      .verifyAudit()
      .then(setReport)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby="chain-heading" className="card">
      <h2 id="chain-heading">Kontroll av loggen</h2>
      <p>Varje post bär en hash av posten före. Kontrollen räknar om hela kedjan och visar den första post som har ändrats, lagts in eller tagits bort.</p>
      <button type="button" className="button-secondary" onClick={check} disabled={busy}>
        {busy ? "Kontrollerar…" : "Kontrollera loggen"}
      </button>
      <div role="status">
        {report && <p className={`check ${report.intact ? "check-ok" : "check-bad"}`}>{report.message}</p>}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}

export function AuditPage() {
  usePageTitle("Granskningslogg");
  const [filter, setFilter] = useState<AuditQuery>({});
  // Each page is identified by the id it starts before; undefined is the newest page.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [result, setResult] = useState<{ entries: AuditEntry[]; total: number }>();
  const [error, setError] = useState<unknown>();
  const before = cursors[cursors.length - 1];

  useEffect(() => {
    let live = true;
    setResult(undefined);
    setError(undefined);
    api
      .audit(filter, pageSize, before)
      .then((r) => live && setResult(r))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [filter, before]);

  const applyFilter = (q: AuditQuery) => {
    setFilter(q);
    setCursors([undefined]);
  };
  const entries = result?.entries;
  const oldest = entries?.[entries.length - 1];
  const pageNumber = cursors.length;
  const pages = result ? Math.max(1, Math.ceil(result.total / pageSize)) : 1;

  return (
    <>
      <h1 tabIndex={-1}>Granskningslogg</h1>
      <p className="lead">Vem gjorde vad och när, fält för fält med värdet före och efter. Nyaste posterna först. Loggen går inte att ändra eller radera.</p>
      <FilterForm value={filter} onSubmit={applyFilter} />
      <div className="actions">
        <a className="button-secondary" href={auditExportUrl(filter, "xlsx")} download>
          Exportera urvalet som XLSX
        </a>
        <a className="button-secondary" href={auditExportUrl(filter, "csv")} download>
          Exportera urvalet som CSV
        </a>
      </div>
      <ErrorAlert error={error} />
      {!result && !error && <Loading what="loggposter" />}
      <p role="status">{result ? (result.total === 0 ? "Inga poster matchar filtret." : `${result.total} poster matchar. Sida ${pageNumber} av ${pages}.`) : ""}</p>
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data audit">
            <caption>
              Loggposter, sida {pageNumber} av {pages}
            </caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Användare</th>
                <th scope="col">Händelse</th>
                <th scope="col">Objekt</th>
                <th scope="col">Ändrade fält (före → efter)</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="nowrap">
                    {dateTime(e.at)}
                  </th>
                  <td>{e.username ?? "–"}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>
                    {entityLabel(e.entity)}
                    {e.entityId && (
                      <>
                        {" "}
                        <button
                          type="button"
                          className="button-quiet"
                          onClick={() => applyFilter({ entity: e.entity, entityId: e.entityId ?? undefined })}
                          aria-label={`Visa historiken för ${entityLabel(e.entity)} ${e.entityId}`}
                        >
                          {e.entityId}
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    <Changes changes={fieldChanges(e.before, e.after)} />
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
        {entries && entries.length === pageSize && oldest && pageNumber < pages && (
          <button type="button" className="button-secondary" onClick={() => setCursors((c) => [...c, oldest.id])}>
            Äldre poster
          </button>
        )}
      </div>
      <ChainCheck />
    </>
  );
}
