import { useState } from "react";
import { StaleRevisionAlert } from "../../components/StaleRevisionAlert";
import { followupApi } from "./api";
import { checkMapping, COLUMN_FIELDS, emptyMappingForm, formFromMapping, type MappingErrors, type MappingForm } from "./mapping-form";
import type { CsvMapping } from "./types";

/** Creates or edits a saved CSV column mapping; columns by header text or number. */
export function MappingEditor({ organisationId, initial, onSaved, onCancel }: { organisationId: number; initial?: CsvMapping; onSaved(m: CsvMapping): void; onCancel(): void }) {
  const [form, setForm] = useState<MappingForm>(initial ? formFromMapping(initial) : emptyMappingForm());
  const [errors, setErrors] = useState<MappingErrors>({});
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  // The revision the next save is based on: the mapping's as opened, or as reloaded after a 409.
  const [revision, setRevision] = useState(initial?.revision ?? 0);
  const set = (patch: Partial<MappingForm>) => setForm((f) => ({ ...f, ...patch }));
  const field = (id: string, key: keyof MappingErrors) => ({
    id,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `${id}-error` : undefined,
  });
  const fieldError = (id: string, key: keyof MappingErrors) =>
    errors[key] ? (
      <p className="field-error" id={`${id}-error`}>
        {errors[key]}
      </p>
    ) : null;

  async function save() {
    const checked = checkMapping(form);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onSaved(await followupApi.saveMapping(organisationId, checked.mapping, revision));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const errorCount = Object.keys(errors).length;
  return (
    <section className="card" aria-labelledby="mapping-heading">
      <h3 id="mapping-heading">{initial ? `Ändra mappningen ${initial.name}` : "Ny kolumnmappning"}</h3>
      {errorCount > 0 && (
        <div className="alert" role="alert">
          <p>Mappningen kan inte sparas: {errorCount === 1 ? "ett fält" : `${errorCount} fält`} behöver rättas.</p>
          <ul>
            {Object.values(errors).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <StaleRevisionAlert
        error={error}
        load={async () => {
          const stored = (await followupApi.mappings(organisationId)).find((m) => m.name === form.name.trim());
          if (!stored) throw new Error(`Mappningen ${form.name.trim()} finns inte längre.`);
          return stored;
        }}
        onReloaded={(stored) => setRevision(stored.revision)}
        renderSaved={(stored) => <p>Sparad: avgränsare ”{stored.separator}”, {stored.encoding === "utf-8" ? "UTF-8" : "Windows-1252"}, kolumner {COLUMN_FIELDS.filter((f) => stored.columns[f.key] !== undefined).map((f) => `${f.label}: ${String(stored.columns[f.key])}`).join(", ")}.</p>}
        onUseSaved={(stored) => {
          setForm(formFromMapping(stored));
          setError(undefined);
        }}
      />
      <div className="fu-inline-form">
        <div className="field">
          <label htmlFor="map-name">Namn</label>
          <input {...field("map-name", "name")} value={form.name} readOnly={initial !== undefined} onChange={(e) => set({ name: e.target.value })} />
          {fieldError("map-name", "name")}
        </div>
        <div className="field">
          <label htmlFor="map-separator">Avgränsare</label>
          <input {...field("map-separator", "separator")} className="fu-narrow-input" value={form.separator} onChange={(e) => set({ separator: e.target.value })} />
          {fieldError("map-separator", "separator")}
        </div>
        <div className="field">
          <label htmlFor="map-encoding">Teckenkodning</label>
          <select id="map-encoding" value={form.encoding} onChange={(e) => set({ encoding: e.target.value as MappingForm["encoding"] })}>
            <option value="utf-8">UTF-8</option>
            <option value="windows-1252">Windows-1252 (äldre Excel)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-sign">Tecken på belopp</label>
          <select id="map-sign" value={form.sign} onChange={(e) => set({ sign: e.target.value as MappingForm["sign"] })}>
            <option value="ledger">Som i huvudboken: kostnader positiva</option>
            <option value="reversed">Omvänt: intäkter positiva</option>
          </select>
        </div>
      </div>
      <div className="radio-row">
        <label className="check-label">
          <input type="checkbox" checked={form.hasHeader} onChange={(e) => set({ hasHeader: e.target.checked })} /> Första raden är rubriker
        </label>
        <label className="check-label">
          <input type="checkbox" checked={form.decimalComma} onChange={(e) => set({ decimalComma: e.target.checked })} /> Decimalkomma i belopp
        </label>
      </div>
      <fieldset className="group">
        <legend>Kolumner</legend>
        <p className="hint">Ange kolumnens rubrik eller nummer (1 = första kolumnen). Period (ÅÅÅÅMM) eller datum krävs.</p>
        <div className="fu-inline-form">
          {COLUMN_FIELDS.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`map-col-${f.key}`}>
                {f.label}
                {f.required ? "" : " (valfri)"}
              </label>
              <input
                {...field(`map-col-${f.key}`, f.key)}
                className="fu-narrow-input"
                value={form.columns[f.key]}
                onChange={(e) => set({ columns: { ...form.columns, [f.key]: e.target.value } })}
              />
              {fieldError(`map-col-${f.key}`, f.key)}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void save()} disabled={saving}>
          Spara mappningen
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </section>
  );
}
