import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { kr } from "../../format";
import { grantsApi } from "./api";
import { defaultLedgerYear, ledgerSyncText, ledgerYears } from "./ledger-sync";
import type { RecipientDetail } from "./types";

/** Fetch the year's costs on the receipt's accounting object from the imported ledger. */
export function LedgerSpending({ detail, onChanged }: { detail: RecipientDetail; onChanged(d: RecipientDetail): void }) {
  const thisYear = new Date().getFullYear();
  const initial = defaultLedgerYear(detail.terms, thisYear);
  const [year, setYear] = useState(initial);
  const [orgId, setOrgId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<unknown>();
  const object = detail.receipt.accountingObject;

  useEffect(() => {
    api
      .organisations()
      .then((orgs) => setOrgId(orgs.find((o) => o.code === detail.recipientCode)?.id))
      .catch(setError);
  }, [detail.recipientCode]);

  const fetchSpending = async () => {
    if (orgId === undefined) return;
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      const r = await grantsApi.ledgerSpending({ organisationId: orgId, partId: detail.partId, recipientCode: detail.recipientCode, year });
      setResult(ledgerSyncText(r, kr));
      onChanged(await grantsApi.recipientDetail(detail.partId, detail.recipientCode));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card ledger-sync" aria-labelledby="ledger-sync-heading">
      <h3 id="ledger-sync-heading">Förbrukning från huvudboken</h3>
      <p className="grants-small" id="ledger-sync-hint">
        {object
          ? `Kostnaderna på redovisningsobjekt ${object} under året blir en rad med källan huvudboken; en ny hämtning ersätter den förra för samma år. Inmatade utgifter ligger kvar.`
          : "Ange bidragets redovisningsobjekt ovan innan förbrukningen hämtas från huvudboken."}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="ledger-year">År</label>
          <select id="ledger-year" value={year} onChange={(e) => setYear(Number(e.target.value))} aria-describedby="ledger-sync-hint">
            {ledgerYears(initial, thisYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-secondary" disabled={busy || orgId === undefined} onClick={() => void fetchSpending()}>
          Hämta förbrukning från huvudboken
        </button>
      </div>
      {busy && <p role="status">Hämtar …</p>}
      {result && (
        <p className="success" role="status" id="ledger-sync-result">
          {result}
        </p>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
