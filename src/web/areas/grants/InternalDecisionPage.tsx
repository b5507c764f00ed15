import { useEffect, useState } from "react";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { date } from "../../format";
import { Link, navigate, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { Badge, Meta, money, Pending, signed, SumCheck } from "./components";
import { InternalEditor } from "./InternalEditor";
import { lineKindLabels } from "./labels";
import type { InternalDecision, VersionDiff } from "./types";
import { DocumentLinks } from "./DocumentLinks";

const shown = (v: unknown): string => (v === null || v === undefined || v === "" ? "–" : Array.isArray(v) ? v.join("; ") : typeof v === "object" ? JSON.stringify(v) : String(v));
const lineText = (v: unknown) => (v && typeof v === "object" && "amount" in v ? `${(v as { label?: string }).label ?? ""} ${money((v as { amount: number }).amount)}` : shown(v));

function Changes({ diff }: { diff: VersionDiff }) {
  if (diff.unchanged) return <p>Inget är ändrat mot föregående version ännu.</p>;
  return (
    <ul className="plain" id="version-changes">
      {diff.fields.map((f) => (
        <li key={f.field}>
          {f.label}: {shown(f.before)} → <strong>{shown(f.after)}</strong>
        </li>
      ))}
      {diff.lines.map((l, i) => (
        <li key={i}>
          {l.change === "added" ? "Ny rad" : l.change === "removed" ? "Borttagen rad" : "Ändrad rad"} ”{l.label}”
          {l.change === "changed" ? `: ${lineText(l.before)} → ${lineText(l.after)}` : ""} ({signed(l.amountDifference)})
        </li>
      ))}
    </ul>
  );
}

/** A region's own decision on how to use a grant it received (seed 003), with versions. */
export function InternalDecisionPage({ id }: { id: number }) {
  const { user } = useSession();
  const [decision, setDecision] = useState<InternalDecision>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [editing, setEditing] = useState(false);
  const reload = () => {
    setActionError(undefined);
    grantsApi.internal(id).then(setDecision).catch(setActionError);
  };
  usePageTitle(decision ? `Internt beslut, version ${decision.version}` : "Internt beslut");
  useEffect(() => {
    setDecision(undefined);
    grantsApi.internal(id).then(setDecision).catch(setError);
  }, [id]);
  if (!decision) return <Pending title="Internt beslut" error={error} what="beslutet" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const d = decision;
  const m = d.metadata;
  const sum = d.resolvedLines.reduce((acc, l) => acc + l.amount, 0);
  const act = async (action: () => Promise<void>) => {
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      setActionError(e);
    }
  };
  const code = user.roles.find((r) => r.organisationId === d.organisationId)?.organisationCode;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link>
        {code && (
          <>
            {" › "}
            <Link href={`/statsbidrag/delar/${d.partId}/mottagare/${encodeURIComponent(code)}`}>{d.organisationName}</Link>
          </>
        )}
      </p>
      <h1 tabIndex={-1}>Internt fördelningsbeslut, version {d.version}</h1>
      <p className="lead">{d.title}</p>
      <Meta
        items={[
          ["Organisation", d.organisationName],
          ["Status", <Badge status={d.status} />],
          ["Belopp", <span className="num-inline">{money(d.total)}</span>],
          ["Varav öronmärkt", money(d.earmarked)],
          ["Beslutad av", m.decidedBy ? `${m.decidedBy}${m.decidedByTitle ? `, ${m.decidedByTitle}` : ""}` : null],
          ["Beslutsdatum", m.decisionDate],
          ["Diarienummer", m.caseNumber],
          ["Delegationspunkt", m.delegationPoint],
          ["Anmäld till", m.reportedTo ? `${m.reportedTo}${m.reportedOn ? ` ${m.reportedOn}` : ""}` : null],
          ["Redovisningsobjekt", m.accountingObject],
          ["Fastställt i systemet", d.decidedAt ? `${date(d.decidedAt)}${d.decidedByUser ? ` av ${d.decidedByUser}` : ""}` : null],
        ]}
      />
      <div className="actions toolbar">
        <DocumentLinks kind="internal-decisions" id={d.id} />
        {d.status === "draft" && can(user, d.organisationId, "editor") && !editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            Ändra utkastet
          </button>
        )}
        {d.status === "draft" && can(user, d.organisationId, "approver") && (
          <button type="button" className="button-primary" onClick={() => void act(async () => setDecision(await grantsApi.decideInternal(d.id, d.revision)))}>
            Fastställ
          </button>
        )}
        {d.status === "decided" && can(user, d.organisationId, "editor") && (
          <button type="button" className="button-secondary" onClick={() => void act(async () => navigate(`/statsbidrag/interna/${(await grantsApi.newInternalVersion(d.id, d.revision)).id}`))}>
            Ny version
          </button>
        )}
        {d.previousId !== null && <Link href={`/statsbidrag/interna/${d.previousId}`}>Föregående version</Link>}
      </div>
      <SaveErrorAlert error={actionError} onReload={reload} />
      {editing && <InternalEditor key={d.revision} decision={d} onSaved={(next) => (setDecision(next), setEditing(false))} onCancel={() => setEditing(false)} onReload={reload} />}

      {d.changes && (
        <section aria-labelledby="changes-heading" className="card">
          <h2 id="changes-heading">Ändrat mot version {d.version - 1}</h2>
          <Changes diff={d.changes} />
        </section>
      )}

      <h2>Fördelning</h2>
      <SumCheck balanced={sum === d.total}>
        {sum === d.total ? `Raderna summerar till ${money(sum)} = beslutets belopp.` : `Raderna summerar till ${money(sum)}, beslutets belopp är ${money(d.total)} (skillnad ${signed(sum - d.total)}).`}
      </SumCheck>
      <div className="table-wrap">
        <table className="data">
          <caption>Beslutets rader</caption>
          <thead>
            <tr>
              <th scope="col">Ändamål</th>
              <th scope="col">Typ</th>
              <th scope="col" className="num">
                Belopp
              </th>
              <th scope="col">Förklaring</th>
            </tr>
          </thead>
          <tbody>
            {d.resolvedLines.map((l, i) => (
              <tr key={i}>
                <th scope="row">
                  {l.label}
                  {l.earmarkPurpose && <div className="grants-small">{l.earmarkPurpose}</div>}
                </th>
                <td>{lineKindLabels[l.kind]}</td>
                <td className="num">{money(l.amount)}</td>
                <td className="grants-small">{l.explanation}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Summa
              </th>
              <td className="num">{money(sum)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      {m.delegationText && <p className="grants-small">{m.delegationText}</p>}
      {m.conditions.length > 0 && (
        <>
          <h2>Villkor</h2>
          <ol>
            {m.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
        </>
      )}
      {m.basisDocuments.length > 0 && (
        <>
          <h2>Beslutsunderlag</h2>
          <ul className="plain">
            {m.basisDocuments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {m.distributionList.length > 0 && (
        <>
          <h2>Utdrag till</h2>
          <ul className="plain">
            {m.distributionList.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
