import { roundingUnits } from "../format";

/** The rounding unit chooser (öre, kr, tkr …) that every allocating form offers. */
export function RoundingUnitField({ id, unit, onChange }: { id: string; unit: number; onChange(unit: number): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Avrunda till hela</label>
      <select id={id} value={unit} onChange={(e) => onChange(Number(e.target.value))}>
        {roundingUnits.map((u) => (
          <option key={u.ore} value={u.ore}>
            {u.label}
          </option>
        ))}
      </select>
    </div>
  );
}
