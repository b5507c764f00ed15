import type { Organisation } from "../../../api/types";
import type { BudgetSpec } from "../api";
import { newId, units, type Unit } from "../amounts";
import { budgetFormFromSpec, buildBudgetSpec, columnKinds, emptyBudgetForm, newColumn, type BudgetForm, type ColumnKind } from "../budget-form";
import { FieldError, fieldProps } from "../ui";
import { ProposalEditor } from "./ProposalEditor";
import type { EditorModule, EditorProps } from "./types";

const columnName = (c: BudgetForm["columns"][number]) => c.label.trim() || `${columnKinds.find((k) => k.value === c.kind)!.label} ${c.year}`;

function BudgetEditor(props: EditorProps<BudgetForm>) {
  const { form, onChange, errors } = props;
  const patch = (p: Partial<BudgetForm>) => onChange({ ...form, ...p });
  const setColumn = (id: number, p: Partial<BudgetForm["columns"][number]>) => patch({ columns: form.columns.map((c) => (c.id === id ? { ...c, ...p } : c)) });
  const setLine = (id: number, p: Partial<BudgetForm["lines"][number]>) => patch({ lines: form.lines.map((l) => (l.id === id ? { ...l, ...p } : l)) });
  const addColumn = () => {
    const last = form.columns[form.columns.length - 1];
    patch({ columns: [...form.columns, newColumn("budget", last ? Number(last.year) + 1 : new Date().getFullYear())], lines: form.lines.map((l) => ({ ...l, cells: [...l.cells, ""] })) });
  };
  const removeColumn = (index: number) =>
    patch({ columns: form.columns.filter((_, i) => i !== index), lines: form.lines.map((l) => ({ ...l, cells: l.cells.filter((_, i) => i !== index) })), proposal: { ...form.proposal, targetColumn: "" } });
  return (
    <>
      <section className="card" aria-labelledby="model-heading">
        <h2 id="model-heading">Flerårstabell</h2>
        <div className="field-row">
          <div className="field">
            <label htmlFor="line-kind">Raderna är</label>
            <select id="line-kind" value={form.lineKind} onChange={(e) => patch({ lineKind: e.target.value as BudgetForm["lineKind"] })}>
              <option value="cost_category">Kostnadsslag</option>
              <option value="account_class">Kontoklasser</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="budget-unit">Belopp utan enhet räknas i</label>
            <select id="budget-unit" value={form.unit} onChange={(e) => patch({ unit: e.target.value as Unit })}>
              {units.map((u) => (
                <option key={u}>{u}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="table-wrap">
          <table className="data edit-grid">
            <caption>
              Belopp per rad och kolumn<span className="caption-note">Tomma celler saknar uppgift och räknas inte in i summan.</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                {form.columns.map((c, i) => (
                  <th scope="col" key={c.id}>
                    <select aria-label={`Kolumn ${i + 1}, slag`} value={c.kind} onChange={(e) => setColumn(c.id, { kind: e.target.value as ColumnKind })}>
                      {columnKinds.map((k) => (
                        <option key={k.value} value={k.value}>
                          {k.label}
                        </option>
                      ))}
                    </select>
                    <input aria-label={`Kolumn ${i + 1}, år`} className="year-input" inputMode="numeric" {...fieldProps(`column-${c.id}-year`, errors)} value={c.year} onChange={(e) => setColumn(c.id, { year: e.target.value })} />
                    <FieldError id={`column-${c.id}-year`} errors={errors} />
                    <button type="button" className="button-quiet small" onClick={() => removeColumn(i)}>
                      Ta bort<span className="visually-hidden"> kolumn {columnName(c)}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {form.lines.map((l, r) => (
                <tr key={l.id}>
                  <th scope="row">
                    <input aria-label={`Rad ${r + 1}, benämning`} {...fieldProps(`line-${l.id}-label`, errors)} value={l.label} onChange={(e) => setLine(l.id, { label: e.target.value })} />
                    <FieldError id={`line-${l.id}-label`} errors={errors} />
                    <button type="button" className="button-quiet small" onClick={() => patch({ lines: form.lines.filter((x) => x.id !== l.id) })}>
                      Ta bort<span className="visually-hidden"> rad {r + 1}</span>
                    </button>
                  </th>
                  {form.columns.map((c, i) => (
                    <td key={c.id}>
                      <input
                        aria-label={`${l.label || `Rad ${r + 1}`}, ${columnName(c)}`}
                        className="num cell-input"
                        inputMode="decimal"
                        {...fieldProps(`cell-${l.id}-${c.id}`, errors)}
                        value={l.cells[i] ?? ""}
                        onChange={(e) => setLine(l.id, { cells: l.cells.map((v, j) => (j === i ? e.target.value : v)) })}
                      />
                      <FieldError id={`cell-${l.id}-${c.id}`} errors={errors} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <button type="button" className="button-quiet" onClick={() => patch({ lines: [...form.lines, { id: newId(), label: "", cells: form.columns.map(() => "") }] })}>
            Lägg till rad
          </button>
          <button type="button" className="button-quiet" onClick={addColumn}>
            Lägg till kolumn
          </button>
        </div>
        <FieldError id="columns" errors={errors} />
      </section>
      <section className="card" aria-labelledby="proposal-form-heading">
        <h2 id="proposal-form-heading">Budgetförslag</h2>
        <label className="check-label">
          <input type="checkbox" checked={form.withProposal} onChange={(e) => patch({ withProposal: e.target.checked })} />
          Räkna ett förslag: föregående budget × index + beslutade tillägg, fördelat på medlemmarna
        </label>
        {form.withProposal && <ProposalEditor {...props} columnNames={form.columns.map(columnName)} />}
      </section>
    </>
  );
}

export const budgetEditor: EditorModule<BudgetForm> = {
  empty: (year) => emptyBudgetForm(year),
  fromDoc: (doc) => budgetFormFromSpec(doc.spec as BudgetSpec, doc.metadata.displayUnit ?? "tkr"),
  live: (form, orgs: Organisation[]) => buildBudgetSpec(form, orgs),
  save: (form, orgs) => buildBudgetSpec(form, orgs),
  unit: (form) => form.unit,
  Editor: BudgetEditor,
};
