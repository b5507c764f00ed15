import type { Organisation } from "../api/types";
import { groupLabels, type AllocationForm, type RecipientGroup } from "./form-state";

interface Props {
  form: AllocationForm;
  organisations: readonly Organisation[];
  error?: string;
  onChange: (patch: Partial<AllocationForm>) => void;
}

const groups: RecipientGroup[] = ["region", "cooperation_region", "municipality", "none"];

export function recipientsOf(organisations: readonly Organisation[], group: RecipientGroup): Organisation[] {
  if (group === "none") return [];
  return organisations.filter((o) => o.kind === group).sort((a, b) => a.code.localeCompare(b.code, "sv"));
}

/** Choose the group of recipients and, within it, which organisations take part. */
export function RecipientPicker({ form, organisations, error, onChange }: Props) {
  const all = recipientsOf(organisations, form.group);
  const counties = recipientsOf(organisations, "region").filter((r) => r.countyCode);
  const shown = form.group === "municipality" && form.countyFilter ? all.filter((m) => m.countyCode === form.countyFilter) : all;
  const selected = new Set(form.selected);

  const chooseGroup = (group: RecipientGroup) => {
    onChange({ group, countyFilter: "", selected: recipientsOf(organisations, group).map((o) => o.code) });
  };
  const chooseCounty = (county: string) => {
    // Picking a county scopes the allocation to its municipalities; single ones can then be unticked.
    const scoped = county ? all.filter((m) => m.countyCode === county) : all;
    onChange({ countyFilter: county, selected: scoped.map((m) => m.code) });
  };
  const toggle = (code: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange({ selected: all.filter((o) => next.has(o.code)).map((o) => o.code) });
  };
  const setShown = (on: boolean) => {
    const next = new Set(selected);
    for (const o of shown) {
      if (on) next.add(o.code);
      else next.delete(o.code);
    }
    onChange({ selected: all.filter((o) => next.has(o.code)).map((o) => o.code) });
  };

  return (
    <fieldset className="group" aria-describedby={error ? "recipients-error" : undefined}>
      <legend>Mottagare</legend>
      <div className="radio-row">
        {groups.map((g) => {
          const count = recipientsOf(organisations, g).length;
          return (
            <label key={g} className="radio">
              <input type="radio" name="group" value={g} checked={form.group === g} onChange={() => chooseGroup(g)} />
              {groupLabels[g]}
              {g !== "none" && ` (${count})`}
            </label>
          );
        })}
      </div>
      {error && (
        <p className="field-error" id="recipients-error">
          {error}
        </p>
      )}

      {form.group !== "none" && (
        <>
          {form.group === "municipality" && (
            <div className="field inline">
              <label htmlFor="county-filter">Län</label>
              <select id="county-filter" value={form.countyFilter} onChange={(e) => chooseCounty(e.target.value)} aria-describedby="county-filter-hint">
                <option value="">Hela landet</option>
                {counties.map((c) => (
                  <option key={c.code} value={c.countyCode!}>
                    {c.countyCode} {c.name}
                  </option>
                ))}
              </select>
              <p className="hint" id="county-filter-hint">
                Valet av län markerar länets kommuner.
              </p>
            </div>
          )}
          <div className="picker-bar">
            <p className="muted" aria-live="polite">
              {form.selected.length} av {all.length} valda
            </p>
            <button type="button" className="button-quiet" onClick={() => setShown(true)}>
              Markera alla{form.countyFilter ? " i länet" : ""}
            </button>
            <button type="button" className="button-quiet" onClick={() => setShown(false)}>
              Avmarkera alla{form.countyFilter ? " i länet" : ""}
            </button>
          </div>
          <ul className="checklist" aria-label={groupLabels[form.group]}>
            {shown.map((o) => (
              <li key={o.code}>
                <label className="check-label">
                  <input type="checkbox" checked={selected.has(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} />
                  <span>{o.name}</span>
                  {/^\d+$/.test(o.code) && <span className="code">{o.code}</span>}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
