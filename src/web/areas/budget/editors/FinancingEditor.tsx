import type { JointFinancingSpec } from "../api";
import { buildFinancingSpec, emptyFinancingForm, financingFormFromSpec, type FinancingForm } from "../financing-form";
import { populationDateLabel } from "../../../api/client";
import { ownFirst } from "../../../own-organisation";
import { useSession } from "../../../session";
import { FieldError, fieldProps, TextField } from "../ui";
import { MemberChecklist, RoundingFields } from "./shared";
import type { EditorModule, EditorProps } from "./types";

const methods = [
  { value: "per_inhabitant", label: "Belopp per invånare" },
  { value: "equal", label: "Lika delar" },
  { value: "agreed", label: "Överenskomna andelar" },
] as const;

function FinancingEditor({ form, onChange, errors, organisations, populationDates }: EditorProps<FinancingForm>) {
  const patch = (p: Partial<FinancingForm>) => onChange({ ...form, ...p });
  const { user } = useSession();
  // The list starts at the user's own region or cooperation region.
  const areas = ownFirst(organisations.filter((o) => o.kind === "cooperation_region" || o.kind === "region"), user);
  const regions = organisations.filter((o) => o.kind === "region" || o.kind === "cooperation_region");
  return (
    <section className="card" aria-labelledby="financing-heading">
      <h2 id="financing-heading">Finansiering</h2>
      <fieldset className="group">
        <legend>Metod</legend>
        <div className="radio-row">
          {methods.map((m) => (
            <label key={m.value} className="radio">
              <input type="radio" name="method" checked={form.method === m.value} onChange={() => patch({ method: m.value })} />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      {form.method === "per_inhabitant" ? (
        <>
          <div className="field-row">
            <TextField id="rate" label="Belopp per invånare (kr)" value={form.rate} onChange={(v) => patch({ rate: v })} errors={errors} inputClass="num short-input" hint='Till exempel "0,50" för 50 öre.' />
            <div className="field">
              <label htmlFor="areaCode">Område</label>
              <select {...fieldProps("areaCode", errors)} value={form.areaCode} onChange={(e) => patch({ areaCode: e.target.value })}>
                <option value="">Välj område</option>
                {areas.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldError id="areaCode" errors={errors} />
            </div>
            <div className="field">
              <label htmlFor="date">Folkmängd per datum</label>
              <select {...fieldProps("date", errors)} value={form.date} onChange={(e) => patch({ date: e.target.value })}>
                <option value="">Välj datum</option>
                {form.date && !populationDates.some((d) => d.date === form.date) && <option value={form.date}>{form.date} – finns inte längre bland folkmängdsdatumen</option>}
                {populationDates.map((d) => (
                  <option key={d.date} value={d.date}>
                    {populationDateLabel(d)}
                  </option>
                ))}
              </select>
              <FieldError id="date" errors={errors} />
            </div>
          </div>
          <fieldset className="group nested">
            <legend>Vilka invånare räknas för en samverkansregion</legend>
            <label className="radio block">
              <input type="radio" name="basis" checked={form.basis === "whole_regions"} onChange={() => patch({ basis: "whole_regions" })} />
              Hela medlemsregioner (till exempel hela Halland i Södra)
            </label>
            <label className="radio block">
              <input type="radio" name="basis" checked={form.basis === "membership"} onChange={() => patch({ basis: "membership" })} />
              Kommuner enligt sjukvårdsregionindelningen (bara södra Halland i Södra)
            </label>
          </fieldset>
        </>
      ) : (
        <>
          <TextField id="total" label="Belopp att finansiera" value={form.totalText} onChange={(v) => patch({ totalText: v })} errors={errors} inputClass="num amount-input" hint="Utan enhet räknas kronor." />
          <MemberChecklist legend="Medlemmar" organisations={regions} selected={form.members} onChange={(members) => patch({ members })} errors={errors} />
          {form.method === "agreed" &&
            form.members.map((code) => {
              const name = regions.find((o) => o.code === code)?.name ?? code;
              return (
                <TextField key={code} id={`share-${code}`} label={`Andel för ${name} (procent)`} value={form.shares[code] ?? ""} onChange={(v) => patch({ shares: { ...form.shares, [code]: v } })} errors={errors} inputClass="num short-input" />
              );
            })}
        </>
      )}
      <RoundingFields prefix="financing-rounding" unit={form.roundingUnit} direction={form.direction} onChange={(r) => patch({ ...(r.unit ? { roundingUnit: r.unit } : {}), ...(r.direction ? { direction: r.direction } : {}) })} />
    </section>
  );
}

export const financingEditor: EditorModule<FinancingForm> = {
  empty: () => emptyFinancingForm(),
  fromDoc: (doc) => financingFormFromSpec(doc.spec as JointFinancingSpec),
  live: (form, orgs) => buildFinancingSpec(form, orgs),
  save: (form, orgs) => buildFinancingSpec(form, orgs),
  unit: () => "kr",
  Editor: FinancingEditor,
};
