import { newAddition, type BudgetForm, type ProposalForm } from "../budget-form";
import { populationDateLabel } from "../../../api/client";
import { FieldError, fieldProps, TextField } from "../ui";
import { MemberChecklist, RoundingFields } from "./shared";
import type { EditorProps } from "./types";

/** Seed 000's calculation: base × index + decided additions, split equally or by population. */
export function ProposalEditor({ form, onChange, errors, organisations, populationDates, series, columnNames }: EditorProps<BudgetForm> & { columnNames: string[] }) {
  const p = form.proposal;
  const patch = (q: Partial<ProposalForm>) => onChange({ ...form, proposal: { ...p, ...q } });
  const setAddition = (id: number, q: Partial<ProposalForm["additions"][number]>) => patch({ additions: p.additions.map((a) => (a.id === id ? { ...a, ...q } : a)) });
  const regions = organisations.filter((o) => o.kind === "region");
  return (
    <>
      <div className="field-row">
        <TextField id="base" label="Föregående budget" value={p.baseText} onChange={(v) => patch({ baseText: v })} errors={errors} inputClass="num amount-input" hint={`Till exempel "10 500". Utan enhet räknas ${form.unit}.`} />
        <TextField id="baseLabel" label="Vad grundbeloppet är" value={p.baseLabel} onChange={(v) => patch({ baseLabel: v })} errors={errors} hint="Till exempel Budget 2023." />
      </div>
      <fieldset className="group">
        <legend>Uppräkning</legend>
        <div className="radio-row">
          <label className="radio">
            <input type="radio" name="index-kind" checked={p.indexKind === "percent"} onChange={() => patch({ indexKind: "percent" })} />
            Procentsats
          </label>
          <label className="radio">
            <input type="radio" name="index-kind" checked={p.indexKind === "series"} onChange={() => patch({ indexKind: "series" })} />
            Indexserie (t.ex. LPIK)
          </label>
        </div>
        {p.indexKind === "percent" ? (
          <div className="field-row">
            <TextField id="percent" label="Uppräkning i procent" value={p.percent} onChange={(v) => patch({ percent: v })} errors={errors} inputClass="num short-input" hint='Till exempel "2,5".' />
            <TextField id="source" label="Källa" value={p.source} onChange={(v) => patch({ source: v })} errors={errors} hint="Till exempel Budgetdirektiven." />
          </div>
        ) : (
          <div className="field-row">
            <div className="field">
              <label htmlFor="seriesCode">Indexserie</label>
              <select {...fieldProps("seriesCode", errors)} value={p.seriesCode} onChange={(e) => patch({ seriesCode: e.target.value })}>
                {!series.some((s) => s.code === p.seriesCode) && <option value={p.seriesCode}>{p.seriesCode || "Välj serie"}</option>}
                {series.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} ({s.firstYear}–{s.lastYear})
                  </option>
                ))}
              </select>
              <FieldError id="seriesCode" errors={errors} />
            </div>
            <TextField id="fromYear" label="Från år" value={p.fromYear} onChange={(v) => patch({ fromYear: v })} errors={errors} inputClass="num short-input" />
            <TextField id="toYear" label="Till år" value={p.toYear} onChange={(v) => patch({ toYear: v })} errors={errors} inputClass="num short-input" />
          </div>
        )}
      </fieldset>
      <fieldset className="group">
        <legend>Beslutade tillägg</legend>
        {p.additions.map((a, i) => (
          <div key={a.id} className="row-group">
            <TextField id={`addition-${a.id}-label`} label={`Tillägg ${i + 1}`} value={a.label} onChange={(v) => setAddition(a.id, { label: v })} errors={errors} className="grow" />
            <TextField id={`addition-${a.id}-amount`} label="Belopp" value={a.amountText} onChange={(v) => setAddition(a.id, { amountText: v })} errors={errors} inputClass="num amount-input" />
            <TextField id={`addition-${a.id}-decision`} label="Beslut" value={a.decisionReference} onChange={(v) => setAddition(a.id, { decisionReference: v })} errors={errors} className="grow" />
            <button type="button" className="button-quiet row-remove" onClick={() => patch({ additions: p.additions.filter((x) => x.id !== a.id) })}>
              Ta bort<span className="visually-hidden"> tillägg {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="button-quiet" onClick={() => patch({ additions: [...p.additions, newAddition()] })}>
          Lägg till tillägg
        </button>
      </fieldset>
      <MemberChecklist legend="Medlemmar som bär kostnaden" organisations={regions} selected={p.members} onChange={(members) => patch({ members })} errors={errors} />
      <fieldset className="group">
        <legend>Fördelning på medlemmarna</legend>
        <div className="radio-row">
          <label className="radio">
            <input type="radio" name="split" checked={p.split === "equal"} onChange={() => patch({ split: "equal" })} />
            Lika delar
          </label>
          <label className="radio">
            <input type="radio" name="split" checked={p.split === "population"} onChange={() => patch({ split: "population" })} />
            Efter folkmängd
          </label>
        </div>
        {p.split === "population" && (
          <div className="field">
            <label htmlFor="populationDate">Folkmängd per datum</label>
            <select {...fieldProps("populationDate", errors)} value={p.populationDate} onChange={(e) => patch({ populationDate: e.target.value })}>
              <option value="">Välj datum</option>
              {p.populationDate && !populationDates.some((d) => d.date === p.populationDate) && <option value={p.populationDate}>{p.populationDate} – finns inte längre bland folkmängdsdatumen</option>}
              {populationDates.map((d) => (
                <option key={d.date} value={d.date}>
                  {populationDateLabel(d)}
                </option>
              ))}
            </select>
            <FieldError id="populationDate" errors={errors} />
          </div>
        )}
        <RoundingFields prefix="proposal-rounding" unit={p.roundingUnit} direction={p.direction} onChange={(r) => patch({ ...(r.unit ? { roundingUnit: r.unit } : {}), ...(r.direction ? { direction: r.direction } : {}) })} />
        <div className="field">
          <label htmlFor="targetColumn">Förslaget fyller kolumnen</label>
          <select id="targetColumn" value={p.targetColumn} onChange={(e) => patch({ targetColumn: e.target.value })} aria-describedby="targetColumn-hint">
            <option value="">Ingen</option>
            {columnNames.map((n, i) => (
              <option key={i} value={String(i)}>
                {n}
              </option>
            ))}
          </select>
          <p className="hint" id="targetColumn-hint">
            Kolumnens summa jämförs med förslaget.
          </p>
        </div>
      </fieldset>
    </>
  );
}
