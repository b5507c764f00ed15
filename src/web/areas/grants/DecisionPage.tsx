import { useEffect, useState } from "react";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { date } from "../../format";
import { Link, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { Badge, Meta, money, Pending, signed, SumCheck } from "./components";
import { groupLabels } from "./labels";
import type { Decision, Part } from "./types";
import { DocumentLinks } from "./DocumentLinks";

// The appropriation in the decision's short form ("uo 9, 1:6 ap. 18"), the names in small print.
function Appropriation({ p }: { p: Part }) {
  const head = [p.expenditureArea && `uo ${p.expenditureArea.split(" ")[0]}`, p.appropriation && p.appropriation.split(" ")[0], p.appropriationItem && `ap. ${p.appropriationItem}`].filter(Boolean).join(", ");
  if (!head) return <>–</>;
  return (
    <>
      <span className="nowrap">{head}</span>
      {p.appropriationItemName && <div className="grants-small">{p.appropriationItemName}</div>}
    </>
  );
}

function Deadlines({ p }: { p: Part }) {
  const rows: [string, string | null, string | null][] = [
    ["Rekvisition", p.requisitionDeadline, null],
    ["Ekonomisk redovisning", p.reportDeadline, p.reportRecipientName],
    ["Återbetalning", p.repaymentDeadline, p.repaymentRecipientName],
    ...p.activityReports.map((r): [string, string, string] => [r.kind === "partial" ? "Delredovisning" : "Slutredovisning", r.deadline, r.recipient]),
  ];
  const shown = rows.filter(([, when]) => when);
  if (shown.length === 0) return <>–</>;
  return (
    <ul className="deadline-list">
      {shown.map(([what, when, who]) => (
        <li key={what}>
          <span className="nowrap num-inline">{when}</span> {what}
          {who ? ` till ${who}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** One government decision: metadata, parts per recipient group and the sum check. */
export function DecisionPage({ id }: { id: number }) {
  const { user } = useSession();
  const [decision, setDecision] = useState<Decision>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  usePageTitle(decision ? `Regeringsbeslut ${decision.diaryNumber ?? decision.id}` : `Regeringsbeslut ${id}`);

  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    grantsApi.decision(id).then(setDecision).catch(setError);
  }, [id, reloads]);

  if (!decision) return <Pending title={`Regeringsbeslut ${id}`} error={error} what="beslutet" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const d = decision;
  const decide = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      setDecision(await grantsApi.decideDecision(d.id, d.revision));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link> › <Link href={`/statsbidrag/overenskommelser/${d.agreementId}`}>{d.agreementName}</Link>
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
        <DocumentLinks kind="grant-decisions" id={d.id} />
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
      <SaveErrorAlert
        error={actionError}
        onReload={() => {
          setActionError(undefined);
          setReloads((n) => n + 1);
        }}
      />

      <h2>Delar</h2>
      <SumCheck balanced={d.check.balanced} id="parts-check">
        {d.check.balanced ? `Delarna summerar till ${money(d.check.sum)} = beslutets total.` : `${d.check.message} Skillnad ${signed(d.check.difference)}.`}
      </SumCheck>
      <div className="table-wrap">
        <table className="data">
          <caption>
            Beslutets delar per mottagargrupp
            <span className="caption-note">Belopp i kronor. Anslag: utgiftsområde (uo), anslag och anslagspost (ap.). Tidsfrister med sista dag och mottagare.</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Mottagare</th>
              <th scope="col">Ändamål</th>
              <th scope="col">Anslag</th>
              <th scope="col" className="num">
                Belopp
              </th>
              <th scope="col">Tidsfrister</th>
              <th scope="col">Fördelning</th>
            </tr>
          </thead>
          <tbody>
            {d.parts.map((p) => (
              <tr key={p.id}>
                <th scope="row">{groupLabels[p.recipientGroup]}</th>
                <td>
                  {p.purpose}
                  {p.oneTime && <div className="grants-small">Engångsvis</div>}
                </td>
                <td>
                  <Appropriation p={p} />
                </td>
                <td className="num">{money(p.amount)}</td>
                <td>
                  <Deadlines p={p} />
                </td>
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
              <td colSpan={2}>{d.check.balanced ? "= beslutets total" : <span className="diff-text">Skillnad mot total {signed(d.check.difference)}</span>}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
