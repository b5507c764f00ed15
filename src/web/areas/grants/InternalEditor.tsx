import { useState } from "react";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { grantsApi } from "./api";
import { ErrorSummary, TextField } from "./components";
import { internalForm, toInternalInput, type InternalForm } from "./internal-form";
import type { InternalDecision } from "./types";

/** Edit a draft internal decision: its lines (fixed, earmarked, remainder) and its metadata. */
export function InternalEditor({ decision, onSaved, onCancel, onReload }: { decision: InternalDecision; onSaved(d: InternalDecision): void; onCancel(): void; onReload(): void }) {
  const [form, setForm] = useState<InternalForm>(() => internalForm(decision));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<InternalForm>) => setForm({ ...form, ...patch });
  const setLine = (i: number, patch: Partial<InternalForm["lines"][number]>) => set({ lines: form.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  const save = async () => {
    setError(undefined);
    const { input, errors: found } = toInternalInput(form, decision.metadata);
    setErrors(found);
    if (!input) return;
    try {
      onSaved(await grantsApi.updateInternal(decision.id, { ...input, revision: decision.revision }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Ändra utkastet</h2>
      <ErrorSummary errors={errors} />
      <TextField id="int-title" label="Rubrik" value={form.title} onChange={(title) => set({ title })} error={errors["int-title"]} className="wide-input" />
      <div className="part-grid">
        <TextField id="int-total" label="Belopp att fördela" value={form.totalText} onChange={(totalText) => set({ totalText })} error={errors["int-total"]} className="num" />
        <TextField id="int-decidedBy" label="Beslutad av" value={form.decidedBy} onChange={(decidedBy) => set({ decidedBy })} />
        <TextField id="int-decidedByTitle" label="Befattning" value={form.decidedByTitle} onChange={(decidedByTitle) => set({ decidedByTitle })} />
        <TextField id="int-decisionDate" label="Beslutsdatum" value={form.decisionDate} onChange={(decisionDate) => set({ decisionDate })} error={errors["int-decisionDate"]} hint="ÅÅÅÅ-MM-DD" />
        <TextField id="int-delegationPoint" label="Delegationspunkt" value={form.delegationPoint} onChange={(delegationPoint) => set({ delegationPoint })} />
        <TextField id="int-reportedTo" label="Anmäls till" value={form.reportedTo} onChange={(reportedTo) => set({ reportedTo })} />
        <TextField id="int-reportedOn" label="Anmäls datum" value={form.reportedOn} onChange={(reportedOn) => set({ reportedOn })} error={errors["int-reportedOn"]} hint="ÅÅÅÅ-MM-DD" />
        <TextField id="int-accountingObject" label="Redovisningsobjekt" value={form.accountingObject} onChange={(accountingObject) => set({ accountingObject })} />
      </div>
      <div className="field">
        <label htmlFor="int-conditions">Villkor (ett per rad)</label>
        <textarea id="int-conditions" className="annex-text" value={form.conditions} onChange={(e) => set({ conditions: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="int-distribution">Utdrag till (en per rad)</label>
        <textarea id="int-distribution" className="annex-text" value={form.distributionList} onChange={(e) => set({ distributionList: e.target.value })} />
      </div>
      <fieldset className="group">
        <legend>Rader</legend>
        {form.lines.map((l, i) => (
          <div key={l.key} className="free-line">
            <TextField id={`int-line-${l.key}-label`} label={`Rad ${i + 1}: ändamål`} value={l.label} onChange={(label) => setLine(i, { label })} error={errors[`int-line-${l.key}-label`]} />
            <div className="field">
              <label htmlFor={`int-line-${l.key}-kind`}>Typ</label>
              <select id={`int-line-${l.key}-kind`} value={l.kind} onChange={(e) => setLine(i, { kind: e.target.value as typeof l.kind })}>
                <option value="fixed">Fast belopp</option>
                <option value="earmarked">Öronmärkt</option>
                <option value="remainder">Resten</option>
              </select>
            </div>
            {l.kind !== "remainder" ? (
              <TextField id={`int-line-${l.key}-amount`} label="Belopp" value={l.amountText} onChange={(amountText) => setLine(i, { amountText })} error={errors[`int-line-${l.key}-amount`]} className="num" />
            ) : (
              <p className="hint">Får det som blir kvar.</p>
            )}
            <div className="field-button">
              <button type="button" className="button-quiet" onClick={() => set({ lines: form.lines.filter((_, j) => j !== i) })} aria-label={`Ta bort rad ${i + 1}`}>
                Ta bort
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="button-quiet" onClick={() => set({ lines: [...form.lines, { key: Date.now(), label: "", kind: "fixed", amountText: "" }] })}>
          Lägg till rad
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary">
          Spara utkastet
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Avbryt
        </button>
      </div>
      <SaveErrorAlert error={error} onReload={onReload} />
    </form>
  );
}
