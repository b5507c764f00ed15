import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { grantsApi } from "./api";
import { ErrorSummary, money, TextField } from "./components";
import { readAmount } from "./decision-form";
import { LedgerSpending } from "./LedgerSpending";
import { spendingSource } from "./ledger-sync";
import type { RecipientDetail } from "./types";

const today = () => new Date().toLocaleDateString("sv-SE");

/** Spending on the grant: entered by hand now, from imported outcomes once follow-up has them. */
export function SpendingSection({ detail, editable, onChanged }: { detail: RecipientDetail; editable: boolean; onChanged(d: RecipientDetail): void }) {
  const [spentOn, setSpentOn] = useState(today);
  const [amount, setAmount] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();

  const add = async () => {
    setError(undefined);
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(spentOn)) found["spend-date"] = "Skriv datumet som ÅÅÅÅ-MM-DD.";
    const read = readAmount(amount);
    if (read.error) found["spend-amount"] = read.error;
    else if (read.ore === null) found["spend-amount"] = "Ange belopp.";
    if (!description.trim()) found["spend-description"] = "Ange vad utgiften avser.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      onChanged(await grantsApi.addSpending(detail.partId, detail.recipientCode, { spentOn, amount: read.ore!, description: description.trim() }));
      setAmount("");
      setDescription("");
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (id: number) => {
    setError(undefined);
    try {
      await grantsApi.deleteSpending(id);
      onChanged(await grantsApi.recipientDetail(detail.partId, detail.recipientCode));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="spending-heading">
      <h2 id="spending-heading">Förbrukning</h2>
      {detail.spending.length === 0 ? (
        <p>Ingen förbrukning registrerad.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>Utgifter mot bidraget</caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Avser</th>
                <th scope="col">Källa</th>
                <th scope="col" className="num">
                  Belopp
                </th>
                {editable && <th scope="col">Åtgärd</th>}
              </tr>
            </thead>
            <tbody>
              {detail.spending.map((s) => (
                <tr key={s.id}>
                  <td className="nowrap">{s.spentOn}</td>
                  <th scope="row">{s.description}</th>
                  <td>{spendingSource(s)}</td>
                  <td className="num">{money(s.amount)}</td>
                  {editable && (
                    <td>
                      {s.source === "manual" && (
                        <button type="button" className="button-quiet" onClick={() => void remove(s.id)} aria-label={`Ta bort utgiften ${s.description} ${s.spentOn}`}>
                          Ta bort
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Summa förbrukat
                </th>
                <td className="num">{money(detail.figures.spent)}</td>
                {editable && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {editable && <LedgerSpending detail={detail} onChanged={onChanged} />}
      {editable && (
        <form
          className="card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <h3>Registrera utgift</h3>
          <ErrorSummary errors={errors} />
          <div className="field-row">
            <TextField id="spend-date" label="Datum" value={spentOn} onChange={setSpentOn} error={errors["spend-date"]} hint="ÅÅÅÅ-MM-DD" />
            <TextField id="spend-amount" label="Belopp" value={amount} onChange={setAmount} error={errors["spend-amount"]} className="num amount-input" hint="Till exempel 3 000 000 kr" />
            <TextField id="spend-description" label="Avser" value={description} onChange={setDescription} error={errors["spend-description"]} className="wide-input" />
          </div>
          <button type="submit" className="button-primary">
            Lägg till utgift
          </button>
          <ErrorAlert error={error} />
        </form>
      )}
    </section>
  );
}
