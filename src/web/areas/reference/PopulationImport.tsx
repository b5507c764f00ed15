import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { referenceApi, type PopulationImportResult } from "./api";

type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number } | { kind: "processing" } | { kind: "done"; result: PopulationImportResult };

/** Admins import an SCB population file; the bar shows the upload, then the server's work. */
export function PopulationImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [date, setDate] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<unknown>();
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError(new Error("Välj en fil att importera."));
    setError(undefined);
    setPhase({ kind: "uploading", fraction: 0 });
    try {
      const result = await referenceApi.importPopulation(file, date || undefined, (fraction) =>
        setPhase(fraction < 1 ? { kind: "uploading", fraction } : { kind: "processing" }),
      );
      setPhase({ kind: "done", result });
      onImported();
    } catch (err) {
      setError(err);
      setPhase({ kind: "idle" });
    }
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Importera folkmängd</h2>
      <p className="hint">
        SCB:s JSON-stat 2.0 (PX-Web API) eller CSV från Statistikdatabasen. Importen är allt eller inget: vid ett fel sparas ingenting och
        felet anger rad och fält.
      </p>
      <div className="field">
        <label htmlFor="population-file">Fil</label>
        <input id="population-file" type="file" accept=".json,.csv,.txt" onChange={(e) => setFile(e.target.files?.[0])} disabled={busy} />
      </div>
      <div className="field">
        <label htmlFor="population-date">Datum (bara för filer utan period, ÅÅÅÅ-MM-DD)</label>
        <input id="population-date" type="text" inputMode="numeric" value={date} onChange={(e) => setDate(e.target.value)} disabled={busy} />
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        Importera
      </button>
      {busy && (
        <div className="progress" role="status">
          <label htmlFor="import-progress">{phase.kind === "uploading" ? "Skickar filen…" : "Kontrollerar och sparar…"}</label>
          <progress id="import-progress" max={100} value={phase.kind === "uploading" ? Math.round(phase.fraction * 100) : undefined} />
        </div>
      )}
      {phase.kind === "done" && (
        <p role="status" className="success">
          Importerade {phase.result.rows} rader för {phase.result.dates.join(", ")} ({phase.result.inserted} nya, {phase.result.replaced} ersatta).
        </p>
      )}
      <ErrorAlert error={error} />
    </form>
  );
}
