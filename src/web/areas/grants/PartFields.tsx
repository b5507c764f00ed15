import type { Organisation } from "../../api/types";
import { TextField } from "./components";
import { newPart, readAmount, type PartForm } from "./decision-form";
import { groupLabels } from "./labels";
import { money } from "./components";
import type { RecipientGroup } from "./types";

/** One part of a decision in the form: recipient group, purpose, amount, appropriation, deadlines. */
export function PartFields({ index, part, orgs, errors, onChange, onRemove }: { index: number; part: PartForm; orgs: Organisation[]; errors: Record<string, string>; onChange(p: PartForm): void; onRemove?: () => void }) {
  const id = (f: string) => `part-${part.key}-${f}`;
  const text = (field: keyof PartForm, label: string, errorKey?: string, hint?: string, className?: string) => (
    <TextField id={id(errorKey ?? String(field))} label={label} value={String(part[field] ?? "")} onChange={(v) => onChange({ ...part, [field]: v })} error={errors[id(errorKey ?? String(field))]} hint={hint} className={className} />
  );
  const recipient = (field: "reportRecipientCode" | "repaymentRecipientCode", label: string) => (
    <div className="field">
      <label htmlFor={id(field)}>{label}</label>
      <select id={id(field)} value={part[field]} onChange={(e) => onChange({ ...part, [field]: e.target.value })}>
        <option value="">Ingen</option>
        {orgs.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  const amount = readAmount(part.amountText).ore;
  return (
    <fieldset className="card part-card">
      <legend>
        Del {index + 1}
        {amount !== null ? `: ${money(amount)}` : ""}
      </legend>
      <div className="part-grid">
        <div className="field">
          <label htmlFor={id("group")}>Mottagare</label>
          <select id={id("group")} value={part.recipientGroup} onChange={(e) => onChange({ ...part, recipientGroup: e.target.value as RecipientGroup })}>
            {Object.entries(groupLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {text("amountText", "Belopp", "amount", undefined, "num")}
        {text("expenditureArea", "Utgiftsområde")}
        {text("appropriation", "Anslag")}
        {text("appropriationItem", "Anslagspost")}
        {text("appropriationItemName", "Anslagspostens namn")}
      </div>
      {text("purpose", "Ändamål", "purpose", undefined, "wide-input")}
      <label className="check-label">
        <input type="checkbox" checked={part.oneTime} onChange={(e) => onChange({ ...part, oneTime: e.target.checked })} /> Engångsvis
      </label>
      <div className="part-grid">
        {text("requisitionDeadline", "Rekvisition senast", "requisition", "ÅÅÅÅ-MM-DD")}
        {text("reportDeadline", "Ekonomisk redovisning senast", "report", "ÅÅÅÅ-MM-DD")}
        {recipient("reportRecipientCode", "Redovisas till")}
        {text("repaymentDeadline", "Återbetalning senast", "repayment", "ÅÅÅÅ-MM-DD")}
        {recipient("repaymentRecipientCode", "Återbetalas till")}
        {text("partialReportDeadline", "Delredovisning senast", "partial", "ÅÅÅÅ-MM-DD")}
        {text("finalReportDeadline", "Slutredovisning senast", "final", "ÅÅÅÅ-MM-DD")}
        {text("activityReportRecipient", "Verksamhetsrapporter till", "activityRecipient")}
      </div>
      {onRemove && (
        <button type="button" className="button-quiet" onClick={onRemove}>
          Ta bort del {index + 1}
        </button>
      )}
    </fieldset>
  );
}

PartFields.newPart = (group?: RecipientGroup) => newPart(group);
