import type { FieldErrors, Unit } from "../amounts";
import { units } from "../amounts";
import type { MetaForm } from "../metadata-form";
import { TextField } from "../ui";

/** The decision document's heading, people and proposal; lists one item a line. */
export function MetadataEditor({ meta, onChange, errors }: { meta: MetaForm; onChange(m: MetaForm): void; errors: FieldErrors }) {
  const field = (key: keyof MetaForm, label: string, hint?: string, multiline = false) => (
    <TextField id={`meta-${key}`} label={label} value={meta[key]} onChange={(v) => onChange({ ...meta, [key]: v })} errors={errors} hint={hint} multiline={multiline} />
  );
  return (
    <section className="card" aria-labelledby="meta-form-heading">
      <h2 id="meta-form-heading">Beslutsunderlag</h2>
      <div className="field-row">
        {field("caseNumber", "Ärendenummer", "Till exempel HSN 1430-2024.")}
        {field("date", "Datum", "ÅÅÅÅ-MM-DD; utan datum används dagens.")}
        {field("decidedBy", "Beslutande", "Till exempel Hälso- och sjukvårdsnämnden.")}
      </div>
      {field("organisationName", "Sidhuvudets organisationsnamn", "Till exempel nämndens namn; utan det används ägarens.")}
      {field("relatedCases", "Tidigare ärende", "Ett ärende per rad, till exempel HSN 746-2024, § 219.", true)}
      {field("summary", "Sammanfattning", "Stycken skiljs åt med en tom rad.", true)}
      {field("proposalText", "Förslag till beslut", "En mening per rad.", true)}
      {field("attSatser", "Att-satser", "En per rad, utan inledande ”att”.", true)}
      <div className="field-row">
        {field("preparedBy", "Beredd av", "En person per rad: Namn, titel.", true)}
        {field("participants", "Delaktiga", "En person per rad: Namn, titel.", true)}
        {field("distribution", "Expedieras till", "En mottagare per rad.", true)}
      </div>
      {field("notes", "Anmärkningar", "En per rad, till exempel vad underlaget inte säger.", true)}
      <div className="field">
        <label htmlFor="meta-displayUnit">Enhet i beslutsunderlagets tabeller</label>
        <select id="meta-displayUnit" value={meta.displayUnit} onChange={(e) => onChange({ ...meta, displayUnit: e.target.value as "" | Unit })}>
          <option value="">Samma som i formuläret</option>
          {units.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </div>
    </section>
  );
}
