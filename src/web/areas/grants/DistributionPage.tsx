import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { date } from "../../format";
import { Link, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { distributionXlsxUrl, grantsApi } from "./api";
import { Meta, money, Pending, signed, SumCheck } from "./components";
import { DistributionEditor } from "./DistributionEditor";
import { groupLabels } from "./labels";
import { roundingName, roundingVerdict } from "../../../core/grants/compare";
import type { Decision, Distribution } from "./types";
import { populationBasisNames } from "../../../core/population-key";

function keyText(d: Distribution["comparison"]): string {
  if (!d) return "";
  const key = d.request.key;
  const rounding = `avrundning: ${roundingName(d.request.rounding)}`;
  if (key.kind === "population") return `folkmängd ${key.date} enligt SCB (${populationBasisNames[key.basis]}), ${rounding}`;
  return `lika delar, ${rounding}`;
}

/** A part's distribution to its recipients: the decided amounts beside what the key computes. */
export function DistributionPage({ decisionId, partId }: { decisionId: number; partId: number }) {
  const { user } = useSession();
  const [decision, setDecision] = useState<Decision>();
  const [distribution, setDistribution] = useState<Distribution | null>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const part = decision?.parts.find((p) => p.id === partId);
  usePageTitle(part ? `Fördelning: ${groupLabels[part.recipientGroup]}` : "Fördelning");

  useEffect(() => {
    grantsApi.decision(decisionId).then(setDecision).catch(setError);
    grantsApi
      .distribution(partId)
      .then(setDistribution)
      .catch((e) => (e instanceof ApiError && e.status === 404 ? setDistribution(null) : setError(e)));
  }, [decisionId, partId, reloads]);

  if (!decision || distribution === undefined) return <Pending title="Fördelning" error={error} what="fördelningen" back={{ href: `/statsbidrag/beslut/${decisionId}`, label: "Till beslutet" }} />;
  if (!part) return <Pending title="Fördelning" error={new Error(`Del ${partId} finns inte i beslut ${decision.diaryNumber ?? decisionId}.`)} what="" />;
  const dist = distribution;
  const comparison = dist?.comparison ?? null;
  const rows = comparison ? comparison.rows : (dist?.entitlements ?? []).map((e) => ({ recipientCode: e.recipientCode, name: e.recipientName, decided: e.amount, computed: null, difference: null, explanation: e.explanation }));
  const editable = decision.status === "draft" && can(user, decision.organisationId, "editor");
  const memberOf = (code: string) => user.isAdmin || user.roles.some((r) => r.organisationCode === code);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link> › <Link href={`/statsbidrag/beslut/${decision.id}`}>Regeringsbeslut {decision.diaryNumber ?? decision.id}</Link>
      </p>
      <h1 tabIndex={-1}>Fördelning till {groupLabels[part.recipientGroup].toLowerCase()}</h1>
      <p className="lead">{part.purpose}</p>
      <Meta
        items={[
          ["Delens belopp", <span className="num-inline">{money(part.amount)}</span>],
          ["Sätt", dist ? (dist.mode === "annex" ? "Beslutade belopp enligt bilaga" : "Fördelningsnyckel") : "Inte fördelad"],
          ["Källa", dist?.source],
          ["Jämförs med", comparison ? keyText(comparison) : null],
          ["Uppdaterad", dist ? date(dist.updatedAt) : null],
        ]}
      />
      {dist && (
        <>
          <div className="actions toolbar">
            <a className="button-secondary" href={distributionXlsxUrl(partId)} download={`fordelning-del-${partId}.xlsx`}>
              Exportera XLSX
            </a>
          </div>
          <SumCheck balanced={dist.check.balanced} id="distribution-check">
            {dist.check.balanced ? `Mottagarnas belopp summerar till ${money(dist.check.sum)} = delens belopp.` : dist.check.message}
          </SumCheck>
          {comparison && (
            <p className={comparison.differing.length === 0 ? "success" : "notice"} id="comparison-summary">
              {comparison.differing.length === 0
                ? `Bilagans belopp är desamma som nyckeln (${keyText(comparison)}) ger.`
                : `${comparison.differing.length} av ${comparison.rows.length} mottagare skiljer sig från vad nyckeln (${keyText(comparison)}) ger: ${comparison.differing
                    .map((r) => `${r.name} ${signed(r.difference ?? 0)}`)
                    .join("; ")}.`}
              {comparison.roundings.length > 0 && ` ${roundingVerdict(comparison.roundings, comparison.rows.length)}`}
            </p>
          )}
          <div className="table-wrap">
            <table className="data" id="distribution-table">
              <caption>
                Mottagare och belopp
                <span className="caption-note">Belopp i kronor, exakt till öret. Skillnad = beslutat − enligt nyckeln.</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mottagare</th>
                  <th scope="col" className="num">
                    Beslutat
                  </th>
                  {comparison && (
                    <>
                      <th scope="col" className="num">
                        Enligt nyckeln
                      </th>
                      <th scope="col" className="num">
                        Skillnad
                      </th>
                    </>
                  )}
                  <th scope="col">Underlag</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.recipientCode} className={r.difference ? "diff-row" : undefined}>
                    <th scope="row">{memberOf(r.recipientCode) ? <Link href={`/statsbidrag/delar/${partId}/mottagare/${encodeURIComponent(r.recipientCode)}`}>{r.name}</Link> : r.name}</th>
                    <td className="num">{money(r.decided)}</td>
                    {comparison && (
                      <>
                        <td className="num">{money(r.computed)}</td>
                        <td className={r.difference ? "num diff-text" : "num"}>{r.difference === null ? "–" : signed(r.difference)}</td>
                      </>
                    )}
                    <td className="grants-small">{r.explanation}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Summa ({rows.length} mottagare)</th>
                  <td className="num">{money(dist.check.sum)}</td>
                  {comparison && (
                    <>
                      <td className="num">{money(comparison.computedTotal)}</td>
                      <td className="num">{signed(comparison.decidedTotal - comparison.computedTotal)}</td>
                    </>
                  )}
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      {!dist && <p>Delen är inte fördelad ännu.</p>}
      {editable ? (
        <DistributionEditor part={part} revision={dist?.revision ?? 0} onSaved={setDistribution} onReload={() => setReloads((n) => n + 1)} />
      ) : (
        decision.status === "decided" && <p className="grants-small">Regeringsbeslutet är fastställt; fördelningen kan inte ändras.</p>
      )}
    </>
  );
}
