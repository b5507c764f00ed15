import { useEffect, useState } from "react";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { date } from "../../format";
import { Link, usePageTitle } from "../../router";
import { budgetApi, type DocSummary } from "./api";
import { money } from "./amounts";
import { kinds, type KindInfo } from "./kinds";
import { StatusBadge } from "./ui";
import "./budget.css";

function KindSection({ info }: { info: KindInfo }) {
  const [rows, setRows] = useState<DocSummary[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    budgetApi
      .list(info.apiPath)
      .then((list) => setRows([...list].sort((a, b) => b.year - a.year || b.id - a.id)))
      .catch(setError);
  }, [info.apiPath]);
  const headingId = `kind-${info.slug}`;
  return (
    <section className="kind-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{info.plural}</h2>
        <Link className="button-secondary" href={`/budget/${info.slug}/ny`}>
          {info.newLabel}
        </Link>
      </div>
      <p className="muted">{info.intro}</p>
      <ErrorAlert error={error} />
      {!rows && !error && <Loading what={info.plural.toLowerCase()} />}
      {rows && rows.length === 0 && <p>Inga sparade ännu.</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Sparade: {info.plural.toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Rubrik</th>
                <th scope="col">Organisation</th>
                <th scope="col" className="num">
                  År
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Version
                </th>
                <th scope="col" className="num">
                  Totalt
                </th>
                <th scope="col">Ändrad</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="row-title">
                    <Link href={`/budget/${info.slug}/${d.id}`}>{d.title}</Link>
                  </th>
                  <td>{d.organisationName}</td>
                  <td className="num">{d.year}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td className="num">{d.version}</td>
                  <td className="num">{money(d.totalOre, info.unit)}</td>
                  <td className="nowrap">{date(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The four kinds of budget documents with their saved versions. */
export function OverviewPage() {
  usePageTitle("Budget");
  return (
    <>
      <h1 tabIndex={-1}>Budget</h1>
      <p className="lead">
        Budgetar, ramförändringar, samfinansiering och abonnemang. Beslutade dokument syns för alla; förslag bara för den egna organisationen. Varje
        dokument ger ett beslutsunderlag som PDF och dess tabeller som XLSX.
      </p>
      <p>
        <Link href="/budget/indexserier">Indexserier</Link> (t.ex. LPIK) som budgetförslag kan räknas upp med.
      </p>
      {kinds.map((k) => (
        <KindSection key={k.kind} info={k} />
      ))}
    </>
  );
}
