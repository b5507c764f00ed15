import { useState } from "react";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { grantsApi } from "./api";
import { ErrorSummary, Meta, money, TextField } from "./components";
import { receiptForm, toReceipt, type ReceiptForm } from "./receipt-form";
import type { RecipientDetail } from "./types";

const fields: [keyof ReceiptForm, string, "amount" | "date" | "text"][] = [
  ["accountingObject", "Redovisningsobjekt", "text"],
  ["requisitionedOn", "Rekvirerat datum", "date"],
  ["requisitioned", "Rekvirerat belopp", "amount"],
  ["receivedOn", "Mottaget datum", "date"],
  ["received", "Mottaget belopp", "amount"],
  ["reportedOn", "Ekonomisk redovisning lämnad", "date"],
  ["partialReportOn", "Delredovisning lämnad", "date"],
  ["finalReportOn", "Slutredovisning lämnad", "date"],
  ["repaidOn", "Återbetalt datum", "date"],
  ["repaid", "Återbetalt belopp", "amount"],
  ["notes", "Anteckning", "text"],
];

/** Requisition, receipt, reports and repayment: read-only for readers, a form for editors. */
export function ReceiptEditor({ detail, editable, onSaved }: { detail: RecipientDetail; editable: boolean; onSaved(d: RecipientDetail): void }) {
  const [form, setForm] = useState<ReceiptForm>(() => receiptForm(detail.receipt));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const r = detail.receipt;

  const save = async () => {
    setSaved(false);
    setError(undefined);
    const { receipt, errors: found } = toReceipt(form);
    setErrors(found);
    if (!receipt) return;
    try {
      const next = await grantsApi.saveReceipt(detail.partId, detail.recipientCode, { ...receipt, revision: detail.receiptRevision });
      onSaved(next);
      setForm(receiptForm(next.receipt));
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  const reload = async () => {
    setError(undefined);
    try {
      const next = await grantsApi.recipientDetail(detail.partId, detail.recipientCode);
      onSaved(next);
      setForm(receiptForm(next.receipt));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="receipt-heading" className="card">
      <h2 id="receipt-heading">Rekvisition, utbetalning och redovisning</h2>
      {!editable ? (
        <Meta
          items={[
            ["Rekvirerat", r.requisitionedOn ? `${r.requisitionedOn}: ${money(r.requisitioned)}` : "Inte rekvirerat"],
            ["Mottaget", r.received !== null ? `${r.receivedOn ?? "datum saknas"}: ${money(r.received)}` : "Inte mottaget"],
            ["Ekonomisk redovisning", r.reportedOn ?? "Inte lämnad"],
            ["Återbetalt", r.repaidOn ? `${r.repaidOn}: ${money(r.repaid)}` : null],
            ["Anteckning", r.notes],
          ]}
        />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ErrorSummary errors={errors} />
          <div className="part-grid">
            {fields.map(([key, label, kind]) => (
              <TextField
                key={key}
                id={`receipt-${key}`}
                label={label}
                value={form[key]}
                onChange={(v) => setForm({ ...form, [key]: v })}
                error={errors[`receipt-${key}`]}
                className={kind === "amount" ? "num" : undefined}
                hint={kind === "date" ? "ÅÅÅÅ-MM-DD" : kind === "amount" ? "Till exempel 5 039 944 kr" : undefined}
              />
            ))}
          </div>
          <div className="actions">
            <button type="submit" className="button-primary">
              Spara uppgifterna
            </button>
            {saved && (
              <span className="done-mark" role="status">
                Sparat.
              </span>
            )}
          </div>
          <SaveErrorAlert error={error} onReload={() => void reload()} />
        </form>
      )}
    </section>
  );
}
