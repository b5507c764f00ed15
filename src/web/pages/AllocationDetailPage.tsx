import { useEffect, useState } from "react";
import { api, exportUrl } from "../api/client";
import type { AllocationDetail, AllocationRequest } from "../api/types";
import { StatusBadge } from "../components/AllocationSummaryTable";
import { ActionOutcome, ConfirmDecide, VersionFacts } from "../components/DecisionRecord";
import { ErrorAlert, Loading } from "../components/ErrorAlert";
import { StaleRevisionAlert } from "../components/StaleRevisionAlert";
import { ResultTable, roundingText } from "../components/ResultTable";
import { kr } from "../format";
import { Link, navigate, usePageTitle } from "../router";
import { can, useSession } from "../session";
import { populationBasisNames } from "../../core/population-key";

function keyText(request: AllocationRequest): string {
  if (request.key.kind === "none") return "ingen befolkningsnyckel – lika delar, fasta belopp, procent eller vikter enligt raderna.";
  return `folkmängd ${request.key.date} enligt SCB (${populationBasisNames[request.key.basis]}).`;
}

export function AllocationDetailPage({ id }: { id: number }) {
  const { user } = useSession();
  const [allocation, setAllocation] = useState<AllocationDetail>();
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  // The decision document carries the calculation per recipient unless the user leaves it out.
  const [withAppendix, setWithAppendix] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  usePageTitle(allocation ? allocation.title : `Fördelning ${id}`);

  useEffect(() => {
    api.getAllocation(id).then(setAllocation).catch(setError);
  }, [id]);

  if (error) {
    return (
      <>
        <h1 tabIndex={-1}>Fördelning {id}</h1>
        <ErrorAlert error={error} />
        <p>
          <Link href="/fordelningar">Till sparade fördelningar</Link>
        </p>
      </>
    );
  }
  if (!allocation) {
    return (
      <>
        <h1 tabIndex={-1}>Fördelning {id}</h1>
        <Loading what="fördelningen" />
      </>
    );
  }

  const a = allocation;
  const mayEdit = can(user, a.organisationId, "editor");
  const mayDecide = can(user, a.organisationId, "approver");

  const decide = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      setAllocation(await api.decide(a.id, a.revision));
      setConfirming(false);
      setMessage("Fördelningen är fastställd. Den kan inte längre ändras; ändringar görs i en ny version.");
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const newVersion = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      const created = await api.newVersion(a.id, a.revision);
      navigate(`/fordelningar/${created.id}/andra`);
    } catch (e) {
      setActionError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/fordelningar">Sparade fördelningar</Link>
      </p>
      <h1 tabIndex={-1}>{a.title}</h1>
      <dl className="meta">
        <div>
          <dt>Organisation</dt>
          <dd>{a.organisationName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={a.status} />
          </dd>
        </div>
        <VersionFacts
          version={a.version}
          previousHref={a.previousId !== null ? `/fordelningar/${a.previousId}` : null}
          amountLabel="Belopp"
          amountText={kr(a.totalOre)}
          createdAt={a.createdAt}
          createdBy={a.createdBy}
          decidedAt={a.decidedAt}
          decidedBy={a.decidedBy}
        />
      </dl>

      <div className="actions toolbar">
        <a className="button-secondary" href={exportUrl(a.id, "xlsx")} download={`fordelning-${a.id}.xlsx`}>
          Exportera XLSX
        </a>
        <a className="button-secondary" href={exportUrl(a.id, "csv")} download={`fordelning-${a.id}.csv`}>
          Exportera CSV
        </a>
        <a className="button-secondary" href={`/api/documents/allocations/${a.id}/pdf${withAppendix ? "" : "?appendix=false"}`} download={`fordelning-${a.id}.pdf`}>
          Beslutsunderlag (PDF)
        </a>
        <label className="check-label">
          <input type="checkbox" checked={withAppendix} onChange={(e) => setWithAppendix(e.target.checked)} />
          med bilaga: beräkning per mottagare
        </label>
        {a.status === "draft" && mayEdit && (
          <Link className="button-secondary" href={`/fordelningar/${a.id}/andra`}>
            Ändra utkastet
          </Link>
        )}
        {a.status === "draft" && mayDecide && !confirming && (
          <button type="button" className="button-primary" onClick={() => setConfirming(true)} disabled={busy}>
            Fastställ
          </button>
        )}
        {a.status === "decided" && mayEdit && (
          <button type="button" className="button-secondary" onClick={() => void newVersion()} disabled={busy}>
            Ny version
          </button>
        )}
      </div>
      {confirming && <ConfirmDecide what="fördelningen" busy={busy} onConfirm={() => void decide()} onCancel={() => setConfirming(false)} />}
      <StaleRevisionAlert error={actionError} load={() => api.getAllocation(a.id)} onReloaded={setAllocation} />
      <ActionOutcome error={undefined} message={message} />

      <section aria-labelledby="basis-heading">
        <h2 id="basis-heading">Underlag</h2>
        <ul className="plain">
          <li>Belopp att fördela: {kr(a.request.total)}</li>
          <li>Fördelningsnyckel: {keyText(a.request)}</li>
          <li>{roundingText(a.result)}</li>
        </ul>
      </section>

      <section aria-labelledby="result-heading">
        <h2 id="result-heading">Fördelning</h2>
        <ResultTable result={a.result} caption={a.title} />
      </section>
    </>
  );
}
