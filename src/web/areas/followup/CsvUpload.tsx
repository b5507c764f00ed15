import { useEffect, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { followupApi } from "./api";
import { MappingEditor } from "./MappingEditor";
import type { CsvImportResult, CsvMapping } from "./types";

/** Imports outcome rows from CSV with a saved column mapping; the editor creates or changes mappings. */
export function CsvUpload({ organisationId, onFinished }: { organisationId: number; onFinished(): void }) {
  const [mappings, setMappings] = useState<CsvMapping[]>();
  const [chosen, setChosen] = useState("");
  const [editing, setEditing] = useState<"new" | "edit">();
  const [file, setFile] = useState<File>();
  const [fieldErrors, setFieldErrors] = useState<{ mapping?: string; file?: string }>({});
  const [result, setResult] = useState<CsvImportResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    followupApi
      .mappings(organisationId)
      .then((list) => {
        setMappings(list);
        setChosen((c) => (list.some((m) => m.name === c) ? c : (list[0]?.name ?? "")));
      })
      .catch(setError);
  }, [organisationId]);

  async function run() {
    const errs = { ...(chosen ? {} : { mapping: "Välj en kolumnmappning, eller skapa en ny." }), ...(file ? {} : { file: "Välj en CSV-fil att importera." }) };
    setFieldErrors(errs);
    if (!file || !chosen) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await followupApi.importCsv(organisationId, chosen, file));
      onFinished();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const current = mappings?.find((m) => m.name === chosen);
  return (
    <section className="card" aria-labelledby="csv-heading">
      <h2 id="csv-heading">CSV-fil</h2>
      <p className="hint">Utfall per konto och period från ett kalkylark. Perioder som finns i filen ersätter samma perioder från en tidigare CSV-import, utan dubbletter.</p>
      <div className="field">
        <label htmlFor="csv-mapping">Kolumnmappning</label>
        <select
          id="csv-mapping"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          aria-invalid={fieldErrors.mapping ? true : undefined}
          aria-describedby={fieldErrors.mapping ? "csv-mapping-error" : undefined}
        >
          {mappings?.length === 0 && <option value="">Inga sparade mappningar</option>}
          {mappings?.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
        {fieldErrors.mapping && (
          <p className="field-error" id="csv-mapping-error">
            {fieldErrors.mapping}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="button-quiet" onClick={() => setEditing("new")}>
          Ny mappning
        </button>
        {current && (
          <button type="button" className="button-quiet" onClick={() => setEditing("edit")}>
            Ändra {current.name}
          </button>
        )}
      </div>
      {editing && (
        <MappingEditor
          key={editing + chosen}
          organisationId={organisationId}
          initial={editing === "edit" ? current : undefined}
          onCancel={() => setEditing(undefined)}
          onSaved={(m) => {
            setMappings((list) => [...(list ?? []).filter((x) => x.name !== m.name), m].sort((a, b) => a.name.localeCompare(b.name, "sv")));
            setChosen(m.name);
            setEditing(undefined);
          }}
        />
      )}
      <div className="field">
        <label htmlFor="csv-file">Välj CSV-fil</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,.txt,text/csv"
          onChange={(e) => setFile(e.target.files?.[0])}
          aria-invalid={fieldErrors.file ? true : undefined}
          aria-describedby={fieldErrors.file ? "csv-file-error" : undefined}
        />
        {fieldErrors.file && (
          <p className="field-error" id="csv-file-error">
            {fieldErrors.file}
          </p>
        )}
      </div>
      <button type="button" className="button-primary" onClick={() => void run()} disabled={busy}>
        Importera CSV-filen
      </button>
      <ErrorAlert error={error} />
      {result && (
        <p className="success" role="status">
          Klart: {result.rows} rader för {result.year} (perioder {result.periods.join(", ")}).
          {result.replacedRows > 0 && ` ${result.replacedRows} rader från en tidigare import av samma perioder ersattes.`}
        </p>
      )}
    </section>
  );
}
