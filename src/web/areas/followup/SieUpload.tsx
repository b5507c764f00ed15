import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { followupApi } from "./api";
import { jobProgressText, lineMessageText } from "./progress";
import { ReplaceConfirm } from "./ReplaceConfirm";
import type { ImportJob } from "./types";

/** How long a poll may take before the page explains that the server is busy writing. */
const SLOW_POLL_MS = 1500;
/** The card shows the first disagreements; the import list has them all. */
const SHOWN_WARNINGS = 5;

/**
 * Uploads a SIE file and follows the background import until it is done; opened (or reloaded)
 * while one of the organisation's imports runs, it follows that one. A poll can still wait behind
 * the database's work (a COPY on the embedded database, a busy server): the page then says so
 * instead of looking frozen, and the bar keeps its last known value.
 */
export function SieUpload({ organisationId, onFinished }: { organisationId: number; onFinished(): void }) {
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [job, setJob] = useState<ImportJob>();
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  async function follow(started: ImportJob) {
    let current = started;
    let failures = 0;
    while (current.status === "running" && live.current) {
      await new Promise((r) => setTimeout(r, 250));
      const timer = window.setTimeout(() => live.current && setSlow(true), SLOW_POLL_MS);
      try {
        current = await followupApi.job(current.id);
        failures = 0;
        if (live.current) setJob(current);
      } catch (e) {
        if (++failures >= 5) throw e;
      } finally {
        window.clearTimeout(timer);
        if (live.current) setSlow(false);
      }
    }
  }

  // An import already running (started in another tab, or before a reload) is followed again.
  useEffect(() => {
    let current = true;
    void followupApi.runningJobs(organisationId).then(
      async (jobs) => {
        const running = jobs[0];
        if (!running || !current || !live.current) return;
        setJob(running);
        setBusy(true);
        try {
          await follow(running);
          if (current) onFinished();
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      },
      () => {},
    );
    return () => {
      current = false;
    };
    // Once per organisation: follow() and onFinished are the same work on every render.
  }, [organisationId]);

  async function start(replace = false) {
    if (!file) {
      setFileError("Välj en SIE-fil att importera.");
      return;
    }
    setFileError(undefined);
    setError(undefined);
    setBusy(true);
    try {
      const started = await followupApi.startSieImport(organisationId, file, replace);
      setJob(started);
      await follow(started);
      onFinished();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const result = job?.result;
  return (
    <section className="card" aria-labelledby="sie-heading">
      <h2 id="sie-heading">SIE-fil</h2>
      <p className="hint">SIE 4 (4B, 4E eller 4I) från ekonomisystemet: verifikationer, saldon och budget (#PBUDGET). En ny fil för ett år som redan har en import ersätter den först när du bekräftat; importen sparas helt eller inte alls.</p>
      <div className="field">
        <label htmlFor="sie-file">Välj SIE-fil</label>
        <input
          id="sie-file"
          type="file"
          accept=".se,.si,.sie,.SE,.SI"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "sie-file-error" : undefined}
          onChange={(e) => setFile(e.target.files?.[0])}
        />
        {fileError && (
          <p className="field-error" id="sie-file-error">
            {fileError}
          </p>
        )}
      </div>
      <button type="button" className="button-primary" onClick={() => void start()} disabled={busy}>
        Importera SIE-filen
      </button>
      <ErrorAlert error={error} />
      {job && (
        <div className="fu-progress">
          <label htmlFor="sie-progress">Förlopp</label>
          <progress id="sie-progress" max={100} value={job.percent ?? undefined} aria-describedby="sie-progress-text">
            {job.percent ?? 0} %
          </progress>
          <p id="sie-progress-text" role="status" className={job.status === "done" ? "success" : undefined}>
            {jobProgressText(job)}
          </p>
          {slow && job.status === "running" && <p className="hint">Servern skriver importen till databasen och svarar när den är klar; sidan väntar på resultatet.</p>}
        </div>
      )}
      {result && (
        <>
          <p>
            Kontrollsumma (#KSUMMA): {result.ksumma === "verified" ? "stämmer" : "saknas i filen"}.
            {result.replaced.length > 0 && ` Ersatte tidigare import ${result.replaced.join(", ")}.`}
          </p>
          {result.warnings.length > 0 && (
            <div className="notice">
              <p>
                <strong>{result.warnings.length} varningar</strong> – filens egna saldon stämmer inte med verifikationerna:
              </p>
              <ul className="fu-messages">
                {result.warnings.slice(0, SHOWN_WARNINGS).map((w, i) => (
                  <li key={i}>{lineMessageText(w)}</li>
                ))}
              </ul>
              {result.warnings.length > SHOWN_WARNINGS && <p>… och {result.warnings.length - SHOWN_WARNINGS} till: alla finns under Importer nedan.</p>}
            </div>
          )}
        </>
      )}
      {job?.error?.comparison && <ReplaceConfirm comparison={job.error.comparison} busy={busy} onConfirm={() => void start(true)} />}
      {job?.error && !job.error.comparison && (
        <div className="alert" role="alert">
          <p>{job.error.message}</p>
          {job.error.errors.length > 0 && (
            <ul>
              {job.error.errors.map((e, i) => (
                <li key={i}>{lineMessageText(e)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
