import { useState } from "react";
import type { User } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { kr } from "../../format";
import { usePageTitle } from "../../router";
import { useFetched } from "../../use-fetched";
import { deviationClass, money, type ReportUnit } from "./amounts";
import { AssignmentTable, PermitTable } from "./RegisterTables";
import { followupApi } from "./api";
import { excludableProjects } from "./exclusions";
import { ExclusionChoice, ProjectTable } from "./ProjectTable";
import { ScopePicker, useScope } from "./scope";
import { useExclusions } from "./use-exclusions";
import type { AnnualReport, NarrativeCheck, SubscriptionMatrix } from "./types";
import { FollowupPage, ScopeState, UnitChoice } from "./ui";
import { MatrixTable } from "../../components/MatrixTable";

export function AnnualReportPage({ user }: { user: User }) {
  usePageTitle("Årsredovisning");
  const scope = useScope(user);
  const org = scope.organisationId;
  const year = scope.year;
  const { excluded, toggle, error: exclusionError } = useExclusions(org);
  const [unit, setUnit] = useState<ReportUnit>("kr");
  const exclusionKey = excluded?.join(",");
  const { value: report, error } = useFetched(
    org === undefined || year === undefined || exclusionKey === undefined ? undefined : () => followupApi.annualReport(org, year, exclusionKey ? exclusionKey.split(",") : []),
    [org, year, exclusionKey],
  );

  const projects = excludableProjects(report?.projectAccounts);
  return (
    <FollowupPage title="Årsredovisning" lead="Årsredovisningens tabeller och texter räknade ur samma importerade data, så att text och tabell inte kan glida isär.">
      <ScopePicker scope={scope} />
      <ScopeState scope={scope} what="årsredovisningen" />
      {org !== undefined && year !== undefined && (
        <>
          <div className="fu-controls">
            <ExclusionChoice
              projects={projects}
              excluded={excluded ?? []}
              onChange={toggle}
            />
            <UnitChoice unit={unit} onChange={setUnit} />
          </div>
          <ErrorAlert error={exclusionError} />
          <ErrorAlert error={error} />
          {!report && !error && <Loading what="årsredovisningen" />}
          {report && report.year === year && (
            <>
              <h2>Ekonomiskt resultat {report.year}</h2>
              <div className="table-wrap">
                <table className="data" id="annual-budget-table">
                  <caption>
                    Budget mot utfall {report.year}, nämndens egen verksamhet
                    <span className="caption-note">Rader utan projekt. Intäkter positiva, kostnader negativa; avvikelse = utfall − budget.</span>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Kontoklass</th>
                      <th scope="col" className="num">
                        Budget {report.year}
                      </th>
                      <th scope="col" className="num">
                        Utfall {report.year}
                      </th>
                      <th scope="col" className="num">
                        Avvikelse mot budget
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.budgetTable.slice(0, -1).map((r) => (
                      <tr key={r.key}>
                        <th scope="row">{r.label}</th>
                        <td className="num">{money(r.budget, unit)}</td>
                        <td className="num">{money(r.outcome, unit)}</td>
                        <td className={`num ${deviationClass(r.deviation)}`}>{money(r.deviation, unit)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    {report.budgetTable.slice(-1).map((r) => (
                      <tr key={r.key}>
                        <th scope="row">{r.label}</th>
                        <td className="num">{money(r.budget, unit)}</td>
                        <td className="num">{money(r.outcome, unit)}</td>
                        <td className={`num ${deviationClass(r.deviation)}`}>{money(r.deviation, unit)}</td>
                      </tr>
                    ))}
                  </tfoot>
                </table>
              </div>

              <h2>Projektredovisning</h2>
              <ProjectTable table={report.projectAccounts} unit={unit} id="annual-project-table" />

              <h2>Texter ur tabellerna</h2>
              <div className="fu-paragraphs" id="paragraphs">
                {report.paragraphs.map((p) => (
                  <p key={p.project}>{p.text}</p>
                ))}
              </div>

              <Subscription subscription={report.subscription} />

              <h2>Nationell högspecialiserad vård</h2>
              <PermitTable registers={report.registers} year={report.year} />
              <h2>Bemanning</h2>
              <AssignmentTable registers={report.registers} year={report.year} />

              <ul className="fu-note plain">
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>

              <NarrativeCheckForm organisationId={org} year={report.year} excluded={excluded ?? []} />
            </>
          )}
        </>
      )}
    </FollowupPage>
  );
}

function isMatrix(v: unknown): v is { matrix: SubscriptionMatrix } {
  const m = (v as { matrix?: SubscriptionMatrix } | null)?.matrix;
  return !!m && Array.isArray(m.buyers) && Array.isArray(m.sellers) && Array.isArray(m.cells);
}

function Subscription({ subscription }: { subscription: AnnualReport["subscription"] }) {
  if (!subscription) return null;
  if (!isMatrix(subscription.result)) return <p className="fu-note">Abonnemangsmatrisen {subscription.title} saknar beräknat resultat.</p>;
  const m = subscription.result.matrix;
  return (
    <>
      <h2>Abonnemang</h2>
      <MatrixTable
        matrix={m}
        id="subscription-table"
        corner="Köpare"
        format={(ore) => (ore === undefined ? "–" : kr(ore))}
        caption={
          <>
            {subscription.title}
            <span className="caption-note">Köpare per rad, säljare per kolumn; {subscription.status === "decided" ? "fastställd" : "förslag"} ur budgetmodulen.</span>
          </>
        }
      />
    </>
  );
}

/** Paste a narrative; the server lists each amount next to a project number that disagrees with the table. */
function NarrativeCheckForm({ organisationId, year, excluded }: { organisationId: number; year: number; excluded: string[] }) {
  const [text, setText] = useState("");
  const [textError, setTextError] = useState<string>();
  const [result, setResult] = useState<NarrativeCheck>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function check() {
    if (!text.trim()) {
      setTextError("Klistra in texten som ska kontrolleras.");
      return;
    }
    setTextError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      setResult(await followupApi.narrativeCheck(organisationId, year, excluded, text));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">Kontrollera en text mot tabellerna</h2>
      <div className="field">
        <label htmlFor="narrative">Text att kontrollera</label>
        <p className="hint" id="narrative-hint">
          Klistra in årsredovisningens projekttexter. Belopp i tkr som står efter ett projektnummer jämförs med projektredovisningen ovan.
        </p>
        <textarea
          id="narrative"
          className="fu-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? "narrative-hint narrative-error" : "narrative-hint"}
        />
        {textError && (
          <p className="field-error" id="narrative-error">
            {textError}
          </p>
        )}
      </div>
      <button type="button" className="button-primary" onClick={() => void check()} disabled={busy}>
        Kontrollera
      </button>
      <ErrorAlert error={error} />
      {result && (
        <div id="narrative-result" role="status">
          {result.mismatches.length === 0 ? (
            <p className="check check-ok">
              <span aria-hidden="true">✓ </span>Alla {result.checked} belopp i texten stämmer med tabellerna.
            </p>
          ) : (
            <>
              <p className="check check-bad">
                <span aria-hidden="true">✗ </span>
                {result.mismatches.length} av {result.checked} belopp i texten stämmer inte med tabellerna:
              </p>
              <ul className="fu-mismatches">
                {result.mismatches.map((m) => (
                  <li key={`${m.project}-${m.field}-${m.offset}`} className="fu-mismatch">
                    {m.message}
                    <q>{m.sentence}</q>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
