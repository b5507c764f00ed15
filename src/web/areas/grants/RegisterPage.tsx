import { useEffect, useState } from "react";
import { Link, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { money, Pending } from "./components";
import { DecisionTable } from "./DecisionTable";
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
          <>
            <Link className="button-primary" href="/statsbidrag/beslut/ny">
              Registrera regeringsbeslut
            </Link>
            <Link className="button-secondary" href="/statsbidrag/overenskommelser/ny">
              Ny överenskommelse
            </Link>
          </>
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
              <Link href={`/statsbidrag/overenskommelser/${a.id}`}>{a.name}</Link> <span className="muted">({a.year})</span>
            </h3>
            <p className="grants-small">
              Parter: {a.parties.join(", ")}. Registrerad av {a.organisationName}. Överenskommelsens total {money(a.total)}; regeringsbeslut hittills {money(a.decidedTotal)}.
            </p>
            {decisions.length === 0 ? (
              <p>Inga regeringsbeslut registrerade.</p>
            ) : (
              <DecisionTable caption={`Regeringsbeslut under ${a.name}`} decisions={decisions} />
            )}
          </section>
        );
      })}
    </>
  );
}
