import type { FrameChangeResult } from "../api";
import { units, type FieldErrors, type Unit } from "../amounts";
import { balanceOf, buildFrameSpec, emptyFrameForm, frameFormFromSpec, newLine, newReduction, problemFields, type FrameForm } from "../frame-form";
import { FieldError, TextField } from "../ui";
import type { EditorModule, EditorProps } from "./types";

function Balance({ checked, unit }: { checked?: FrameChangeResult; unit: Unit }) {
  const b = checked ? balanceOf(checked, unit) : undefined;
  return (
    <div className={`balance balance-${b?.tone ?? "open"}`} aria-live="polite" aria-atomic="true">
      {b ? (
        <>
          <span className="balance-label">{b.label}</span> <span className="balance-amount">{b.amount}</span>
          {checked && <span className="balance-of"> av {balanceOf({ state: "unallocated", unallocated: checked.toAllocate }, unit).amount}</span>}
        </>
      ) : (
        <span className="balance-label">Räknar…</span>
      )}
    </div>
  );
}

function FrameChangeEditor({ form, onChange, errors: own, checked }: EditorProps<FrameForm>) {
  const result = checked as FrameChangeResult | undefined;
  // Problems the server found (an empty reason, say) are shown beside their fields too.
  const errors: FieldErrors = { ...(result ? problemFields(result.problems, form) : {}), ...own };
  const patch = (p: Partial<FrameForm>) => onChange({ ...form, ...p });
  const setReduction = (id: number, p: Partial<FrameForm["reductions"][number]>) => patch({ reductions: form.reductions.map((r) => (r.id === id ? { ...r, ...p } : r)) });
  const setLine = (id: number, p: Partial<FrameForm["lines"][number]>) => patch({ lines: form.lines.map((l) => (l.id === id ? { ...l, ...p } : l)) });
  return (
    <>
      <section className="card" aria-labelledby="frame-heading">
        <h2 id="frame-heading">Ram</h2>
        <div className="field-row">
          <TextField id="gross" label="Ramförstärkning" value={form.grossText} onChange={(v) => patch({ grossText: v })} errors={errors} inputClass="num amount-input" hint={`Till exempel "214 mkr". Utan enhet räknas ${form.unit}.`} />
          <div className="field">
            <label htmlFor="frame-unit">Belopp utan enhet räknas i</label>
            <select id="frame-unit" value={form.unit} onChange={(e) => patch({ unit: e.target.value as Unit })}>
              {units.map((u) => (
                <option key={u}>{u}</option>
              ))}
            </select>
          </div>
        </div>
        <h3>Minskningar</h3>
        {form.reductions.length === 0 && <p className="muted">Inga minskningar. Lägg till en för varje beslut som minskar utrymmet, med skälet.</p>}
        {form.reductions.map((r, i) => (
          <fieldset key={r.id} className="row-group">
            <legend className="visually-hidden">Minskning {i + 1}</legend>
            <TextField id={`reduction-${r.id}-label`} label={`Minskning ${i + 1}`} value={r.label} onChange={(v) => setReduction(r.id, { label: v })} errors={errors} className="grow" />
            <TextField id={`reduction-${r.id}-amount`} label="Belopp" value={r.amountText} onChange={(v) => setReduction(r.id, { amountText: v })} errors={errors} inputClass="num amount-input" />
            <TextField id={`reduction-${r.id}-reason`} label="Skäl" value={r.reason} onChange={(v) => setReduction(r.id, { reason: v })} errors={errors} className="grow" />
            <button type="button" className="button-quiet row-remove" onClick={() => patch({ reductions: form.reductions.filter((x) => x.id !== r.id) })}>
              Ta bort<span className="visually-hidden"> minskning {i + 1}</span>
            </button>
          </fieldset>
        ))}
        <button type="button" className="button-quiet" onClick={() => patch({ reductions: [...form.reductions, newReduction()] })}>
          Lägg till minskning
        </button>
        <FieldError id="reductions" errors={errors} />
      </section>
      <section className="card" aria-labelledby="lines-heading">
        <h2 id="lines-heading">Fördelning</h2>
        {form.lines.map((l, i) => (
          <fieldset key={l.id} className="row-group">
            <legend className="visually-hidden">Rad {i + 1}</legend>
            <TextField id={`line-${l.id}-label`} label={`Rad ${i + 1}, ändamål`} value={l.label} onChange={(v) => setLine(l.id, { label: v })} errors={errors} className="grow" />
            <TextField id={`line-${l.id}-amount`} label={`Rad ${i + 1}, belopp`} value={l.amountText} onChange={(v) => setLine(l.id, { amountText: v })} errors={errors} inputClass="num amount-input" />
            <button type="button" className="button-quiet row-remove" onClick={() => patch({ lines: form.lines.filter((x) => x.id !== l.id) })}>
              Ta bort<span className="visually-hidden"> rad {i + 1}</span>
            </button>
          </fieldset>
        ))}
        <button type="button" className="button-quiet" onClick={() => patch({ lines: [...form.lines, newLine()] })}>
          Lägg till rad
        </button>
        <Balance checked={result} unit={form.unit} />
      </section>
    </>
  );
}

export const frameChangeEditor: EditorModule<FrameForm> = {
  empty: () => emptyFrameForm(),
  fromDoc: (doc) => frameFormFromSpec(doc.spec as Parameters<typeof frameFormFromSpec>[0], doc.metadata.displayUnit ?? "mkr"),
  live: (form) => buildFrameSpec(form),
  save: (form) => buildFrameSpec(form, true),
  unit: (form) => form.unit,
  Editor: FrameChangeEditor,
};
