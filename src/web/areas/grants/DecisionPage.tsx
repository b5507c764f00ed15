import { useEffect, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { date } from "../../format";
import { Link, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { Badge, Meta, money, Pending, signed, SumCheck } from "./components";
import { groupLabels } from "./labels";
import type { Decision, Part } from "./types";

function appropriationText(p: Part): string {
  const parts = [p.expenditureArea && `utg.omr. ${p.expenditureArea}`, p.appropriation && `anslag ${p.appropriation}`, p.appropriationItem && `ap. ${p.appropriationItem}${p.appropriationItemName ? ` ${p.appropriationItemName}` : ""}`];
  return parts.filter(Boolean).join(", ") || "–";
}

const deadline = (when: string | null, who: string | null) => (when ? `${when}${who ? `, ${who}` : ""}` : "–");

/** One government decision: metadata, parts per recipient group and the sum check. */
export function DecisionPage({ id }: { id: number }) {
  const { user } = useSession();
  const [decision, setDecision] = useState<Decision>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  usePageTitle(decision ? `Regeringsbeslut ${decision.diaryNumber ?? decision.id}` : `Regeringsbeslut ${id}`);

  useEffect(() => {
    grantsApi.decision(id).then(setDecision).catch(setError);
  }, [id]);

  if (!decision) return <Pending title={`Regeringsbeslut ${id}`} error={error} what="beslutet" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const d = decision;
  const decide = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      setDecision(await grantsApi.decideDecision(d.id));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link> › {d.agreementName}
      </p>
      <h1 tabIndex={-1}>Regeringsbeslut {d.diaryNumber ?? d.id}</h1>
      <p className="lead">{d.title}</p>
      <Meta
        items={[
          ["Diarienummer", d.diaryNumber],
          ["Beslutsdatum", d.decisionDate],
          ["Departement", d.ministry],
          ["Utbetalare", d.payerName],
          ["Undertecknare", d.signatories.join(", ")],
          ["Totalt", <span className="num-inline">{money(d.total)}</span>],
          ["Status", <Badge status={d.status} />],
          ["Fastställt", d.decidedAt ? date(d.decidedAt) : null],
        ]}
      />
      <div className="actions toolbar">
        {d.status === "draft" && can(user, d.organisationId, "editor") && (
          <Link className="button-secondary" href={`/statsbidrag/beslut/${d.id}/andra`}>
            Ändra utkastet
          </Link>
        )}
        {d.status === "draft" && can(user, d.organisationId, "approver") && (
          <button type="button" className="button-primary" disabled={busy || !d.check.balanced} onClick={() => void decide()}>
            Fastställ beslutet
          </button>
        )}
        <Link className="button-quiet" href="/tidsfrister">
          Tidsfrister
        </Link>
      </div>
      <ErrorAlert error={actionError} />

      <h2>Delar</h2>
      <SumCheck balanced={d.check.balanced} id="parts-check">
        {d.check.balanced ? `Delarna summerar till ${money(d.check.sum)} = beslutets total.` : `${d.check.message} Skillnad ${signed(d.check.difference)}.`}
      </SumCheck>
      <div className="table-wrap">
        <table className="data">
          <caption>
            Beslutets delar per mottagargrupp
            <span className="caption-note">Belopp i kronor. Rekvisition, ekonomisk redovisning och återbetalning med sista dag och mottagare.</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Mottagare</th>
              <th scope="col">Ändamål</th>
              <th scope="col">Anslag</th>
              <th scope="col" className="num">
                Belopp
              </th>
              <th scope="col">Rekvisition senast</th>
              <th scope="col">Ekonomisk redovisning</th>
              <th scope="col">Återbetalning</th>
              <th scope="col">Fördelning</th>
            </tr>
          </thead>
          <tbody>
            {d.parts.map((p) => (
              <tr key={p.id}>
                <th scope="row">{groupLabels[p.recipientGroup]}</th>
                <td>
                  {p.purpose}
                  {p.oneTime && <span className="grants-small"> (engångsvis)</span>}
                  {p.activityReports.map((r) => (
                    <div key={r.kind + r.deadline} className="grants-small">
                      {r.kind === "partial" ? "Delredovisning" : "Slutredovisning"} {r.deadline} till {r.recipient}
                    </div>
                  ))}
                </td>
                <td>{appropriationText(p)}</td>
                <td className="num">{money(p.amount)}</td>
                <td className="nowrap">{p.requisitionDeadline ?? "–"}</td>
                <td>{deadline(p.reportDeadline, p.reportRecipientName)}</td>
                <td>{deadline(p.repaymentDeadline, p.repaymentRecipientName)}</td>
                <td>
                  <Link href={`/statsbidrag/beslut/${d.id}/delar/${p.id}`} aria-label={`Fördelning av del ${p.position}: ${p.purpose}`}>
                    {p.distributionMode ? `${p.distributionMode === "annex" ? "Bilaga" : "Nyckel"}: ${money(p.distributedTotal)}` : "Fördela"}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Summa delar
              </th>
              <td className="num">{money(d.check.sum)}</td>
              <td colSpan={4}>{d.check.balanced ? "= beslutets total" : <span className="diff-text">Skillnad mot total {signed(d.check.difference)}</span>}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
