import { useEffect, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link, navigate, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { Badge, Meta, money, Pending } from "./components";
import { statusCodeLabels } from "./labels";
import { ReceiptEditor } from "./ReceiptEditor";
import { SpendingSection } from "./SpendingSection";
import type { RecipientDetail } from "./types";

/** One recipient's part: entitlement, requisition and payment, spending, unspent, repayment, next step. */
export function RecipientPage({ partId, code }: { partId: number; code: string }) {
  const { user } = useSession();
  const [detail, setDetail] = useState<RecipientDetail>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  usePageTitle(detail ? `${detail.recipientName}: ${detail.agreementName}` : "Mottagarens bidrag");
  useEffect(() => {
    grantsApi.recipientDetail(partId, code).then(setDetail).catch(setError);
  }, [partId, code]);
  if (!detail) return <Pending title="Mottagarens bidrag" error={error} what="bidraget" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;

  const d = detail;
  const orgId = user.roles.find((r) => r.organisationCode === code)?.organisationId ?? -1;
  const editor = user.isAdmin || can(user, orgId, "editor");
  const f = d.figures;
  const t = d.terms;
  const newInternal = async () => {
    setActionError(undefined);
    try {
      const created = await grantsApi.createInternal({
        partId,
        organisationCode: code,
        title: `Fördelning av ${d.purpose}`.slice(0, 200),
        total: f.received || f.entitled,
        metadata: { caseNumber: null, decidedBy: null, decidedByTitle: null, decisionDate: null, delegationPoint: null, delegationText: null, reportedTo: null, reportedOn: null, conditions: [], distributionList: [], basisDocuments: [], accountingObject: d.receipt.accountingObject },
        lines: [{ label: "Ofördelat", kind: "remainder" }],
      });
      navigate(`/statsbidrag/interna/${created.id}`);
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link> › <Link href={`/statsbidrag/mottagare/${encodeURIComponent(code)}`}>{d.recipientName}</Link> ›{" "}
        <Link href={`/statsbidrag/beslut/${d.decisionId}`}>{d.diaryNumber ?? "Regeringsbeslutet"}</Link>
      </p>
      <h1 tabIndex={-1}>
        {d.recipientName}: {d.agreementName}
      </h1>
      <p className="lead">{d.purpose}</p>

      <div className={`grants-status${d.status.overdue ? " overdue" : ""}`} id="grant-status">
        <p>
          <span className="status-label">{statusCodeLabels[d.status.code]}:</span> {d.status.text}
        </p>
      </div>

      <dl className="grants-figures" id="grant-figures">
        <div className="key-figure">
          <dt>Rätt till</dt>
          <dd>{money(f.entitled)}</dd>
        </div>
        <div>
          <dt>Rekvirerat</dt>
          <dd>{money(f.requisitioned)}</dd>
        </div>
        <div>
          <dt>Mottaget</dt>
          <dd>{money(f.received)}</dd>
        </div>
        <div>
          <dt>Förbrukat</dt>
          <dd>{money(f.spent)}</dd>
        </div>
        <div>
          <dt>Outnyttjat</dt>
          <dd>{money(f.unspent)}</dd>
        </div>
        <div className="key-figure">
          <dt>Att återbetala</dt>
          <dd>{money(f.toRepay)}</dd>
        </div>
      </dl>
      <p className="grants-small" id="repay-terms">
        {f.toRepay > 0 && t.repaymentDeadline
          ? `Återbetala ${money(f.toRepay)} till ${t.repaymentRecipient ?? "utbetalaren"} senast ${t.repaymentDeadline}.`
          : f.repaid > 0
            ? `Återbetalt ${money(f.repaid)}.`
            : "Inget att återbetala i dag."}{" "}
        {d.explanation}
      </p>

      <h2>Villkor enligt beslutet</h2>
      <Meta
        items={[
          ["Delens belopp", money(t.amount)],
          ["Utbetalare", t.payer],
          ["Rekvisition senast", t.requisitionDeadline],
          ["Ekonomisk redovisning", t.reportDeadline ? `${t.reportDeadline} till ${t.reportRecipient ?? "–"}` : null],
          ["Återbetalning", t.repaymentDeadline ? `${t.repaymentDeadline} till ${t.repaymentRecipient ?? "–"}` : null],
          ...t.activityReports.map((r): [string, string] => [r.kind === "partial" ? "Delredovisning" : "Slutredovisning", `${r.deadline} till ${r.recipient}`]),
          ["Redovisningsobjekt", d.receipt.accountingObject],
        ]}
      />

      <ReceiptEditor detail={d} editable={editor} onSaved={setDetail} />
      <SpendingSection detail={d} editable={editor} onChanged={setDetail} />

      <section aria-labelledby="internal-heading">
        <h2 id="internal-heading">Interna fördelningsbeslut</h2>
        {d.internalDecisions.length === 0 ? (
          <p>Inga interna beslut om hur bidraget används.</p>
        ) : (
          <ul className="plain">
            {d.internalDecisions.map((i) => (
              <li key={i.id}>
                <Link href={`/statsbidrag/interna/${i.id}`}>
                  {i.title}, version {i.version}
                </Link>{" "}
                <Badge status={i.status} /> <span className="num-inline">{money(i.total)}</span>
              </li>
            ))}
          </ul>
        )}
        {editor && (
          <button type="button" className="button-secondary" onClick={() => void newInternal()}>
            Nytt internt beslut
          </button>
        )}
        <ErrorAlert error={actionError} />
      </section>
    </>
  );
}
