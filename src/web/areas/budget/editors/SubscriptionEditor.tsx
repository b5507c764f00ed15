import type { SubscriptionSpec } from "../api";
import { units, type Unit } from "../amounts";
import { buildSubscriptionSpec, cellKey, emptySubscriptionForm, newParty, subscriptionFormFromSpec, type PartyRow, type SubscriptionForm } from "../subscription-form";
import { FieldError, fieldProps, TextField } from "../ui";
import type { EditorModule, EditorProps } from "./types";

function Parties({ which, rows, onChange, errors }: { which: "buyer" | "seller"; rows: PartyRow[]; onChange(rows: PartyRow[]): void; errors: EditorProps<SubscriptionForm>["errors"] }) {
  const word = which === "buyer" ? "Köpare" : "Säljare";
  const set = (id: number, p: Partial<PartyRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...p } : r)));
  return (
    <fieldset className="group">
      <legend>{which === "buyer" ? "Köpare (rader)" : "Säljare (kolumner)"}</legend>
      {rows.map((r, i) => (
        <div key={r.id} className="row-group">
          <TextField id={`${which}-${r.id}-key`} label={`${word} ${i + 1}, kod`} value={r.key} onChange={(v) => set(r.id, { key: v })} errors={errors} inputClass="short-input" />
          <TextField id={`${which}-${r.id}-label`} label={`${word} ${i + 1}, namn`} value={r.label} onChange={(v) => set(r.id, { label: v })} errors={errors} className="grow" />
          <button type="button" className="button-quiet row-remove" onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>
            Ta bort<span className="visually-hidden"> {word.toLowerCase()} {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="button-quiet" onClick={() => onChange([...rows, newParty()])}>
        Lägg till {word.toLowerCase()}
      </button>
      <FieldError id={`${which}s`} errors={errors} />
    </fieldset>
  );
}

function SubscriptionEditor({ form, onChange, errors, series }: EditorProps<SubscriptionForm>) {
  const patch = (p: Partial<SubscriptionForm>) => onChange({ ...form, ...p });
  return (
    <>
      <section className="card" aria-labelledby="parties-heading">
        <h2 id="parties-heading">Parter och villkor</h2>
        <div className="field-row">
          <TextField id="baseShare" label="Fast grundandel (procent)" value={form.baseShare} onChange={(v) => patch({ baseShare: v })} errors={errors} inputClass="num short-input" />
          <div className="field">
            <label htmlFor="subscription-unit">Belopp utan enhet räknas i</label>
            <select id="subscription-unit" value={form.unit} onChange={(e) => patch({ unit: e.target.value as Unit })}>
              {units.map((u) => (
                <option key={u}>{u}</option>
              ))}
            </select>
          </div>
        </div>
        <Parties which="buyer" rows={form.buyers} onChange={(buyers) => patch({ buyers })} errors={errors} />
        <Parties which="seller" rows={form.sellers} onChange={(sellers) => patch({ sellers })} errors={errors} />
        <fieldset className="group">
          <legend>Uppräkning</legend>
          <div className="radio-row">
            {(["none", "percent", "series"] as const).map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="uprating" checked={form.upratingKind === k} onChange={() => patch({ upratingKind: k })} />
                {{ none: "Ingen", percent: "Procentsats", series: "Indexserie" }[k]}
              </label>
            ))}
          </div>
          {form.upratingKind === "percent" && (
            <div className="field-row">
              <TextField id="percent" label="Uppräkning i procent" value={form.percent} onChange={(v) => patch({ percent: v })} errors={errors} inputClass="num short-input" />
              <TextField id="source" label="Källa" value={form.source} onChange={(v) => patch({ source: v })} errors={errors} />
            </div>
          )}
          {form.upratingKind === "series" && (
            <div className="field-row">
              <div className="field">
                <label htmlFor="seriesCode">Indexserie</label>
                <select {...fieldProps("seriesCode", errors)} value={form.seriesCode} onChange={(e) => patch({ seriesCode: e.target.value })}>
                  {!series.some((s) => s.code === form.seriesCode) && <option value={form.seriesCode}>{form.seriesCode}</option>}
                  {series.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.code} ({s.firstYear}–{s.lastYear})
                    </option>
                  ))}
                </select>
              </div>
              <TextField id="fromYear" label="Från år" value={form.fromYear} onChange={(v) => patch({ fromYear: v })} errors={errors} inputClass="num short-input" />
              <TextField id="toYear" label="Till år" value={form.toYear} onChange={(v) => patch({ toYear: v })} errors={errors} inputClass="num short-input" />
            </div>
          )}
        </fieldset>
      </section>
      <section className="card" aria-labelledby="cells-heading">
        <h2 id="cells-heading">Belopp per köpare och säljare</h2>
        <div className="table-wrap">
          <table className="data edit-grid">
            <caption>
              Abonnemang ({form.unit})<span className="caption-note">Lämna en cell tom när köparen inte köper av säljaren.</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Köpare \ säljare</th>
                {form.sellers.map((s, i) => (
                  <th key={s.id} scope="col" className="num">
                    {s.label || `Säljare ${i + 1}`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {form.buyers.map((b, i) => (
                <tr key={b.id}>
                  <th scope="row">{b.label || `Köpare ${i + 1}`}</th>
                  {form.sellers.map((s, j) => (
                    <td key={s.id}>
                      <input
                        aria-label={`${b.label || `Köpare ${i + 1}`} köper av ${s.label || `säljare ${j + 1}`}`}
                        className="num cell-input"
                        inputMode="decimal"
                        {...fieldProps(`cell-${cellKey(b, s)}`, errors)}
                        value={form.cells[cellKey(b, s)] ?? ""}
                        onChange={(e) => patch({ cells: { ...form.cells, [cellKey(b, s)]: e.target.value } })}
                      />
                      <FieldError id={`cell-${cellKey(b, s)}`} errors={errors} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {form.stated && <p className="hint">Källans egna summor ({form.stated.unit}) följer med och jämförs med de beräknade.</p>}
      </section>
    </>
  );
}

export const subscriptionEditor: EditorModule<SubscriptionForm> = {
  empty: () => emptySubscriptionForm(),
  fromDoc: (doc) => subscriptionFormFromSpec(doc.spec as SubscriptionSpec, doc.metadata.displayUnit ?? "tkr"),
  live: (form) => buildSubscriptionSpec(form),
  save: (form) => buildSubscriptionSpec(form),
  unit: (form) => form.unit,
  Editor: SubscriptionEditor,
};
