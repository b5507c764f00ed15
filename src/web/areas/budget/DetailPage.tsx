import { useEffect, useState } from "react";
import { ActionOutcome, ConfirmDecide, VersionFacts } from "../../components/DecisionRecord";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { StaleRevisionAlert } from "../../components/StaleRevisionAlert";
import { Link, navigate, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { budgetApi, documentUrl, type DocDetail } from "./api";
import { money } from "./amounts";
import { kindInfo, type KindInfo } from "./kinds";
import { MetadataView } from "./views/MetadataView";
import { ResultView, unitOf } from "./ResultView";
import { StatusBadge } from "./ui";
import "./budget.css";

/** A saved budget document of any kind: facts, actions, downloads, metadata and the result. */
export function DetailPage({ info, id }: { info: KindInfo; id: number }) {
  const { user } = useSession();
  const [doc, setDoc] = useState<DocDetail>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  usePageTitle(doc ? doc.title : `${info.singular} ${id}`);

  useEffect(() => {
    budgetApi.get(info.apiPath, id).then(setDoc).catch(setError);
  }, [info.apiPath, id]);

  const back = (
    <p className="breadcrumb">
      <Link href="/budget">Budget</Link> › {info.plural}
    </p>
  );
  if (!doc) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>
          {info.singular} {id}
        </h1>
        {error ? <ErrorAlert error={error} /> : <Loading what={info.singular.toLowerCase()} />}
      </>
    );
  }

  const unit = unitOf(doc, kindInfo(doc.kind).unit);
  const mayEdit = can(user, doc.organisationId, "editor");
  const mayDecide = can(user, doc.organisationId, "approver");
  const unbalanced = doc.kind === "frame_change" && (doc.result as DocDetail<"frame_change">["result"]).state !== "balanced";

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await run();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const decide = () =>
    act(async () => {
      setDoc(await budgetApi.decide(info.apiPath, doc.id, doc.revision));
      setConfirming(false);
      setMessage(`${info.singular} är fastställd. Ändringar görs i en ny version.`);
    });
  const newVersion = () =>
    act(async () => {
      const created = await budgetApi.newVersion(info.apiPath, doc.id, doc.revision);
      navigate(`/budget/${info.slug}/${created.id}/andra`);
    });

  return (
    <>
      {back}
      <h1 tabIndex={-1}>{doc.title}</h1>
      <dl className="meta">
        <div>
          <dt>Organisation</dt>
          <dd>{doc.organisationName}</dd>
        </div>
        <div>
          <dt>År</dt>
          <dd>{doc.year}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={doc.status} />
          </dd>
        </div>
        <VersionFacts
          version={doc.version}
          previousHref={doc.previousId !== null ? `/budget/${info.slug}/${doc.previousId}` : null}
          amountLabel="Totalt"
          amountText={money(doc.totalOre, unit)}
          createdAt={doc.createdAt}
          createdBy={doc.createdBy}
          decidedAt={doc.decidedAt}
          decidedBy={doc.decidedBy}
        />
      </dl>

      <div className="actions toolbar">
        <a className="button-secondary" href={documentUrl(info.apiPath, doc.id, "pdf")} download={`${info.apiPath}-${doc.id}.pdf`}>
          Beslutsunderlag (PDF)
        </a>
        <a className="button-secondary" href={documentUrl(info.apiPath, doc.id, "xlsx")} download={`${info.apiPath}-${doc.id}.xlsx`}>
          Tabeller (XLSX)
        </a>
        {doc.status === "proposal" && mayEdit && (
          <Link className="button-secondary" href={`/budget/${info.slug}/${doc.id}/andra`}>
            Ändra
          </Link>
        )}
        {doc.status === "proposal" && mayDecide && !confirming && (
          <button type="button" className="button-primary" onClick={() => setConfirming(true)} disabled={busy || unbalanced} aria-describedby={unbalanced ? "decide-blocked" : undefined}>
            Fastställ
          </button>
        )}
        {doc.status === "decided" && mayEdit && (
          <button type="button" className="button-secondary" onClick={() => void newVersion()} disabled={busy}>
            Ny version
          </button>
        )}
      </div>
      {unbalanced && doc.status === "proposal" && (
        <p className="notice" id="decide-blocked">
          Ramförändringen kan fastställas först när raderna går jämnt ut mot utrymmet att fördela.
        </p>
      )}
      {confirming && <ConfirmDecide what={info.singular.toLowerCase()} busy={busy} onConfirm={() => void decide()} onCancel={() => setConfirming(false)} />}
      <StaleRevisionAlert error={actionError} load={() => budgetApi.get(info.apiPath, doc.id)} onReloaded={setDoc} />
      <ActionOutcome error={undefined} message={message} />

      {doc.kind === "budget" ? (
        // The budget view brings its own headings: the multi-year table and the proposal.
        <ResultView kind={doc.kind} spec={doc.spec} result={doc.result} unit={unit} />
      ) : (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading">Resultat</h2>
          <ResultView kind={doc.kind} spec={doc.spec} result={doc.result} unit={unit} />
        </section>
      )}
      <MetadataView metadata={doc.metadata} />
    </>
  );
}
