import type { Organisation } from "../../../api/types";
import { RoundingUnitField } from "../../../components/RoundingUnitField";
import type { FieldErrors } from "../amounts";
import { FieldError, fieldProps } from "../ui";

// Controls several editors share: rounding, a member checklist, an index choice.

export const directions = [
  { value: "up", label: "Uppåt" },
  { value: "down", label: "Nedåt" },
  { value: "nearest", label: "Till närmaste" },
] as const;
export type Direction = (typeof directions)[number]["value"];

export function RoundingFields({ prefix, unit, direction, onChange }: { prefix: string; unit: number; direction: Direction; onChange(p: { unit?: number; direction?: Direction }): void }) {
  return (
    <div className="field-row">
      <RoundingUnitField id={`${prefix}-unit`} unit={unit} onChange={(u) => onChange({ unit: u })} />
      <div className="field">
        <label htmlFor={`${prefix}-direction`}>Avrundningsriktning</label>
        <select id={`${prefix}-direction`} value={direction} onChange={(e) => onChange({ direction: e.target.value as Direction })}>
          {directions.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Regions to tick as members; id "members" carries the error. */
export function MemberChecklist({ organisations, selected, onChange, errors, legend }: { organisations: Organisation[]; selected: string[]; onChange(codes: string[]): void; errors: FieldErrors; legend: string }) {
  const toggle = (code: string, on: boolean) => onChange(on ? [...selected, code] : selected.filter((c) => c !== code));
  return (
    <fieldset className="group" {...fieldProps("members", errors)}>
      <legend>{legend}</legend>
      <ul className="checklist">
        {organisations.map((o) => (
          <li key={o.code}>
            <label className="check-label">
              <input type="checkbox" checked={selected.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} />
              {o.name}
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">{selected.length} valda</p>
      <FieldError id="members" errors={errors} />
    </fieldset>
  );
}
