import { useEffect, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { followupApi } from "./api";
import { acceptedText, changedRows, TREATMENT_LABELS } from "./suggestion";
import type { AccountSuggestion } from "./types";

/**
 * The accounts the imported chart's names and types suggest as joint financing or income, for
 * the user to accept in one step, so the first report is right without knowing the settings.
 * Shown only while there is something to accept (or just after accepting). `refresh` changes
 * when an import finishes.
 */
export function AccountSuggestionCard({ organisationId, editable, refresh, onAccepted }: { organisationId: number; editable: boolean; refresh?: unknown; onAccepted?(): void }) {
  const [suggestion, setSuggestion] = useState<AccountSuggestion>();
  const [error, setError] = useState<unknown>();
  const [accepted, setAccepted] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    followupApi.accountSuggestion(organisationId).then(
      (s) => live && setSuggestion(s),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [organisationId, refresh]);

  const changes = changedRows(suggestion);
  if (changes.length === 0 && !accepted && !error) return null;
  const unchanged = suggestion?.rows.filter((r) => !r.change) ?? [];

  async function accept() {
    if (!suggestion) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await followupApi.acceptAccountSuggestion(organisationId, suggestion.basis);
      setAccepted(acceptedText(result.added));
      setSuggestion(await followupApi.accountSuggestion(organisationId));
      onAccepted?.();
    } catch (e) {
      setError(e);
      // A refused suggestion (changed since shown) is replaced by the current one to read again.
      followupApi.accountSuggestion(organisationId).then(setSuggestion, () => undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="suggestion-heading" id="account-suggestion">
      <h2 id="suggestion-heading">Förslag: intäktskonton i projektredovisningen</h2>
      <ErrorAlert error={error} />
      {accepted && (
        <p className="success" role="status">
          {accepted}
        </p>
      )}
      {changes.length > 0 && (
        <>
          <p>
            Kontoplanen i den importerade filen tyder på att {changes.length === 1 ? "detta konto" : "dessa konton"} ska räknas så här. Godtar du förslaget sparas{" "}
            {changes.length === 1 ? "kontot" : "kontona"} bland organisationens kontoklasser, där du kan ändra dem under Inställningar.
          </p>
          <div className="table-wrap">
            <table className="data" id="suggestion-table">
              <caption>Föreslagna ändringar ({changes.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Konto</th>
                  <th scope="col">Namn</th>
                  <th scope="col">Räknas som</th>
                  <th scope="col">Varför</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((r) => (
                  <tr key={r.account}>
                    <th scope="row">{r.account}</th>
                    <td>{r.name}</td>
                    <td>{TREATMENT_LABELS[r.treatment]}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {unchanged.length > 0 && (
            <p className="hint">
              Räknas redan som övriga intäkter: {unchanged.map((r) => `${r.account} ${r.name}`).join(", ")}.
            </p>
          )}
          {editable ? (
            <div className="actions">
              <button type="button" className="button-primary" disabled={busy} onClick={() => void accept()}>
                Godta förslaget
              </button>
            </div>
          ) : (
            <p className="notice">Du behöver rollen handläggare för att godta förslaget.</p>
          )}
        </>
      )}
    </section>
  );
}
