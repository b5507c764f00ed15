import { useEffect, useState } from "react";
import { Link, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { Badge, money, Pending } from "./components";
import type { Agreement, Decision } from "./types";

/** The register: agreements with the government decisions under them, and the user's own grants. */
export function RegisterPage() {
  usePageTitle("Statsbidrag");
  const { user } = useSession();
  const [data, setData] = useState<{ agreements: Agreement[]; decisions: Decision[] }>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    Promise.all([grantsApi.agreements(), grantsApi.decisions()])
      .then(([agreements, decisions]) => setData({ agreements, decisions }))
      .catch(setError);
  }, []);

  if (!data) return <Pending title="Statsbidrag" error={error} what="statsbidragen" />;
  const mayCreate = user.isAdmin || user.roles.some((r) => can(user, r.organisationId, "editor"));
  const own = user.roles.filter((r, i, all) => all.findIndex((x) => x.organisationCode === r.organisationCode) === i);

  return (
    <>
      <h1 tabIndex={-1}>Statsbidrag</h1>
      <p className="lead">Överenskommelser och regeringsbeslut med delar, fördelning till mottagare, rekvisition, förbrukning och återbetalning.</p>
      <div className="actions">
        {mayCreate && (
          <Link className="button-primary" href="/statsbidrag/beslut/ny">
            Registrera regeringsbeslut
          </Link>
        )}
        <Link className="button-secondary" href="/tidsfrister">
          Tidsfrister
        </Link>
      </div>

      {own.length > 0 && (
        <section aria-labelledby="own-heading">
          <h2 id="own-heading">Mina organisationers bidrag</h2>
          <ul className="tiles">
            {own.map((r) => (
              <li key={r.organisationCode}>
                <Link className="tile" href={`/statsbidrag/mottagare/${encodeURIComponent(r.organisationCode)}`}>
                  <span className="tile-title">{r.organisationName}</span>
                  <span className="tile-text">Rätt till, rekvirerat, förbrukat, outnyttjat och att återbetala.</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>Överenskommelser och regeringsbeslut</h2>
      {data.agreements.length === 0 && <p>Inga överenskommelser är registrerade ännu.</p>}
      {data.agreements.map((a) => {
        const decisions = data.decisions.filter((d) => d.agreementId === a.id);
        return (
          <section key={a.id} className="card" aria-labelledby={`agreement-${a.id}`}>
            <h3 id={`agreement-${a.id}`}>
              {a.name} <span className="muted">({a.year})</span>
            </h3>
            <p className="grants-small">
              Parter: {a.parties.join(", ")}. Registrerad av {a.organisationName}. Överenskommelsens total {money(a.total)}; regeringsbeslut hittills {money(a.decidedTotal)}.
            </p>
            {decisions.length === 0 ? (
              <p>Inga regeringsbeslut registrerade.</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption>Regeringsbeslut under {a.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Diarienummer</th>
                      <th scope="col">Datum</th>
                      <th scope="col">Rubrik</th>
                      <th scope="col" className="num">
                        Totalt
                      </th>
                      <th scope="col">Summakontroll</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {decisions.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          <Link href={`/statsbidrag/beslut/${d.id}`}>{d.diaryNumber ?? `Beslut ${d.id}`}</Link>
                        </th>
                        <td className="nowrap">{d.decisionDate ?? "–"}</td>
                        <td>{d.title}</td>
                        <td className="num">{money(d.total)}</td>
                        <td>{d.check.balanced ? <span className="done-mark">Stämmer</span> : <span className="diff-text">Avviker {money(Math.abs(d.check.difference))}</span>}</td>
                        <td>
                          <Badge status={d.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
