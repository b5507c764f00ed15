import { useState, type ReactNode } from "react";
import { StaleRevisionAlert } from "../../../components/StaleRevisionAlert";
import type { FieldErrors } from "../amounts";
import { ErrorSummary, TextField } from "../ui";
import "../budget.css";
import "./index-series.css";
import { readIndexValue, type IndexValueForm, type IndexValueInput } from "./index-series-form";

interface Props {
  form: IndexValueForm;
  onChange(form: IndexValueForm): void;
  /** Saves the value; throws the API's error, shown above the button. */
  onSave(value: IndexValueInput): Promise<void>;
  legend: string;
  /** Checks of fields before the year, such as the series code on the list page. */
  extraErrors?: () => FieldErrors;
  /** Those fields, given the form's errors so theirs show beside them. */
  children?: (errors: FieldErrors) => ReactNode;
  /**
   * When somebody saved the year first (409 stale): reads the series again, so the page can base
   * the next save on it while the typed value stays, and shows the saved value beside the form.
   */
  reload?: { load(): Promise<unknown[]>; onReloaded(rows: unknown[]): void; renderSaved(rows: unknown[]): ReactNode };
}

/** Year, change in percent and source for one value of an index series, with errors beside each field. */
export function ValueForm({ form, onChange, onSave, legend, extraErrors, children, reload }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const read = readIndexValue(form);
    const all = { ...(extraErrors?.() ?? {}), ...read.errors };
    setErrors(all);
    setApiError(undefined);
    if (!read.value || Object.keys(all).length > 0) {
      requestAnimationFrame(() => document.getElementById("form-errors")?.focus());
      return;
    }
    setBusy(true);
    try {
      await onSave(read.value);
    } catch (e) {
      setApiError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card index-value-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="group">
        <legend>{legend}</legend>
        <ErrorSummary errors={errors} />
        <div className="field-row">
          {children?.(errors)}
          <TextField id="index-year" label="År" value={form.yearText} onChange={(v) => onChange({ ...form, yearText: v })} errors={errors} inputClass="num year-input" />
          <TextField id="index-percent" label="Förändring (%)" value={form.percentText} onChange={(v) => onChange({ ...form, percentText: v })} errors={errors} inputClass="num short-input" hint='Mot föregående år, t.ex. "3,1".' />
          <TextField id="index-source" label="Källa" value={form.source} onChange={(v) => onChange({ ...form, source: v })} errors={errors} className="grow" hint="Till exempel SKR:s cirkulär eller budgetunderlag." />
        </div>
        <StaleRevisionAlert error={apiError} load={reload?.load ?? (async () => [])} onReloaded={(rows) => reload?.onReloaded(rows)} renderSaved={reload?.renderSaved} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Spara värde
          </button>
        </div>
      </fieldset>
    </form>
  );
}
