import { freeLineMethods, newFreeLine, type FieldErrors, type FreeLine } from "./form-state";

interface Props {
  lines: FreeLine[];
  errors: FieldErrors;
  onChange: (lines: FreeLine[]) => void;
}

const placeholders: Partial<Record<FreeLine["method"], string>> = {
  fixed: "t.ex. 900 000 kr",
  percent: "t.ex. 2,5",
  weight: "t.ex. 3",
};

/** Lines the user adds by hand: fixed amounts, percentages, weights and one remainder line. */
export function FreeLinesEditor({ lines, errors, onChange }: Props) {
  const update = (id: number, patch: Partial<FreeLine>) => onChange(lines.map((l) => (l.id === id ? { ...l, ...patch } : l)));
  const remove = (id: number) => onChange(lines.filter((l) => l.id !== id));
  const add = () => onChange([...lines, newFreeLine("fixed")]);

  return (
    <fieldset className="group" aria-describedby={errors.freeLines ? "free-lines-error" : "free-lines-hint"}>
      <legend className="visually-hidden">Fria rader</legend>
      <p className="hint" id="free-lines-hint">
        Egna rader med fast belopp, procent av totalen, vikt eller lika del. En rad kan ta resten, så att summan alltid stämmer.
      </p>
      {errors.freeLines && (
        <p className="field-error" id="free-lines-error">
          {errors.freeLines}
        </p>
      )}
      {lines.length > 0 && (
        <ol className="free-lines">
          {lines.map((line, index) => {
            const method = freeLineMethods.find((m) => m.value === line.method)!;
            const labelError = errors[`line-${line.id}-label`];
            const valueError = errors[`line-${line.id}`];
            return (
              <li key={line.id} className="free-line">
                <div className="field grow">
                  <label htmlFor={`line-${line.id}-label`}>Rad {index + 1}: benämning</label>
                  <input
                    id={`line-${line.id}-label`}
                    value={line.label}
                    aria-invalid={labelError ? true : undefined}
                    aria-describedby={labelError ? `line-${line.id}-label-error` : undefined}
                    onChange={(e) => update(line.id, { label: e.target.value })}
                  />
                  {labelError && (
                    <p className="field-error" id={`line-${line.id}-label-error`}>
                      {labelError}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label htmlFor={`line-${line.id}-method`}>Metod</label>
                  <select id={`line-${line.id}-method`} value={line.method} onChange={(e) => update(line.id, { method: e.target.value as FreeLine["method"], value: "" })}>
                    {freeLineMethods.map((m) => (
                      <option key={m.value} value={m.value}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                </div>
                {method.valueLabel ? (
                  <div className="field">
                    <label htmlFor={`line-${line.id}-value`}>{method.valueLabel}</label>
                    <input
                      id={`line-${line.id}-value`}
                      className="num"
                      inputMode={line.method === "weight" ? "numeric" : "decimal"}
                      placeholder={placeholders[line.method]}
                      value={line.value}
                      aria-invalid={valueError ? true : undefined}
                      aria-describedby={valueError ? `line-${line.id}-value-error` : undefined}
                      onChange={(e) => update(line.id, { value: e.target.value })}
                    />
                    {valueError && (
                      <p className="field-error" id={`line-${line.id}-value-error`}>
                        {valueError}
                      </p>
                    )}
                  </div>
                ) : (
                  <div className="field" aria-hidden="true" />
                )}
                <div className="field field-button">
                  <button type="button" className="button-quiet" onClick={() => remove(line.id)}>
                    Ta bort<span className="visually-hidden"> rad {index + 1}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button-secondary" onClick={add}>
        Lägg till rad
      </button>
    </fieldset>
  );
}
