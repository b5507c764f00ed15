import { useState } from "react";
import type { User } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { dateTime } from "../../format";
import { usePageTitle } from "../../router";
import { can } from "../../session";
import { groupThousands } from "../../../core/money";
import { followupApi } from "./api";
import { AccountSuggestionCard } from "./AccountSuggestionCard";
import { CsvUpload } from "./CsvUpload";
import { IMPORT_STATUS } from "./progress";
import { ScopePicker, useScope } from "./scope";
import { SieUpload } from "./SieUpload";
import type { LedgerImport, LedgerImportDetail } from "./types";
import { FollowupPage, ScopeState } from "./ui";

const n = (v: number) => groupThousands(String(v));

export function ImportPage({ user }: { user: User }) {
  usePageTitle("Importera utfall");
  const scope = useScope(user);
  const org = scope.organisationId;
  const mayImport = org !== undefined && can(user, org, "editor");
  return (
    <FollowupPage title="Importera utfall" lead="Utfallet kommer från ekonomisystemet som SIE-fil eller CSV. Importerade år syns i rapporterna direkt.">
      <ScopePicker scope={scope} withYear={false} />
      {scope.error ? <ErrorAlert error={scope.error} /> : null}
      {org !== undefined && (
        <>
          {mayImport ? (
            <div className="fu-two">
              <SieUpload organisationId={org} onFinished={scope.reloadImports} />
              <CsvUpload organisationId={org} onFinished={scope.reloadImports} />
            </div>
          ) : (
            <p className="notice">Du kan läsa organisationens importer men behöver rollen handläggare för att importera.</p>
          )}
          <AccountSuggestionCard organisationId={org} editable={mayImport} refresh={scope.imports} />
          <ImportList imports={scope.imports} editable={mayImport} onChanged={scope.reloadImports} />
        </>
      )}
      {org === undefined && <ScopeState scope={scope} what="importerna" />}
    </FollowupPage>
  );
}

function ImportList({ imports, editable, onChanged }: { imports: LedgerImport[] | undefined; editable: boolean; onChanged(): void }) {
  const [detail, setDetail] = useState<LedgerImportDetail>();
  const [error, setError] = useState<unknown>();
  const [made, setMade] = useState<string>();
  const [busy, setBusy] = useState(false);
  // An earlier file of the year, kept as a version when a newer one replaced it, can be the year's again.
  const makeCurrent = async (i: LedgerImport) => {
    setError(undefined);
    setMade(undefined);
    setBusy(true);
    try {
      const result = await followupApi.makeImportCurrent(i.id);
      setMade(`${i.fileName} (import ${result.importId}) gäller nu för ${result.year}${result.replaced.length ? `; import ${result.replaced.join(", ")} sparas som version` : ""}.`);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = (id: number) => {
    setError(undefined);
    followupApi.importDetail(id).then(setDetail, setError);
  };
  return (
    <section aria-labelledby="imports-heading">
      <h2 id="imports-heading">Importer</h2>
      {!imports ? (
        <p className="muted" role="status">
          Hämtar importerna…
        </p>
      ) : imports.length === 0 ? (
        <p>Inga importer ännu.</p>
      ) : (
        <div className="table-wrap">
          <table className="data fu-compact" id="imports-table">
            <caption>
              Organisationens importer, senaste först
              <span className="caption-note">Varningar är saldon i filen (#IB, #UB, #RES) som inte stämmer med verifikationerna.</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col">Typ</th>
                <th scope="col" className="num">
                  År
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Verifikationer
                </th>
                <th scope="col" className="num">
                  Transaktioner
                </th>
                <th scope="col" className="num">
                  Budgetrader
                </th>
                <th scope="col" className="num">
                  Varningar
                </th>
                <th scope="col">Importerad</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id} className={detail?.id === i.id ? "fu-selected" : undefined}>
                  <th scope="row" className="nowrap">
                    {i.fileName}
                  </th>
                  <td>{i.kind.toUpperCase()}</td>
                  <td className="num">{i.year > 0 ? i.year : "–"}</td>
                  <td className="nowrap">
                    <span className={`badge ${i.status === "done" ? "badge-decided" : "badge-draft"}`}>{IMPORT_STATUS[i.status]}</span>
                    {i.error && (
                      <>
                        {" "}
                        <button type="button" className="button-quiet fu-small" onClick={() => open(i.id)} aria-label={`Visa felet för ${i.fileName}`}>
                          Visa felet
                        </button>
                      </>
                    )}
                    {editable && i.status === "replaced" && i.kind === "sie" && (
                      <>
                        {" "}
                        <button type="button" className="button-quiet fu-small" disabled={busy} onClick={() => void makeCurrent(i)} aria-label={`Gör ${i.fileName} (import ${i.id}) gällande igen för ${i.year}`}>
                          Gör gällande igen
                        </button>
                      </>
                    )}
                  </td>
                  <td className="num">{n(i.voucherCount)}</td>
                  <td className="num">{n(i.transactionCount)}</td>
                  <td className="num">{n(i.budgetCount)}</td>
                  <td className="num">
                    {i.warningCount > 0 ? (
                      <button type="button" className="button-quiet fu-small" onClick={() => open(i.id)} aria-label={`Visa ${i.warningCount} varningar för ${i.fileName}`}>
                        {n(i.warningCount)} – visa
                      </button>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td>
                    <span className="nowrap">{dateTime(i.importedAt)}</span>
                    {i.importedBy && <span className="caption-note">{i.importedBy}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* A live region that is always there, so a screen reader hears the change it reports. */}
      <p className={made ? "success" : undefined} role="status" id="make-current-status">
        {made ?? ""}
      </p>
      <ErrorAlert error={error} />
      {detail && <ImportDetail detail={detail} onClose={() => setDetail(undefined)} />}
    </section>
  );
}

function ImportDetail({ detail, onClose }: { detail: LedgerImportDetail; onClose(): void }) {
  return (
    <section className="card fu-drill" aria-labelledby="import-detail-heading">
      <h3 id="import-detail-heading">
        {detail.fileName} ({detail.year})
      </h3>
      {detail.error && (
        <div className="alert">
          <p>{detail.error}</p>
        </div>
      )}
      {detail.warnings.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption>Saldon i filen som inte stämmer med verifikationerna ({detail.warnings.length})</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rad
                </th>
                <th scope="col">Fält</th>
                <th scope="col">Avvikelse</th>
              </tr>
            </thead>
            <tbody>
              {detail.warnings.map((w, i) => (
                <tr key={i}>
                  <td className="num">{w.line > 0 ? n(w.line) : "–"}</td>
                  <td>{w.field}</td>
                  <td>{w.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detail.warnings.length === 0 && !detail.error && <p>Importen har inga varningar.</p>}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          Stäng
        </button>
      </div>
    </section>
  );
}
