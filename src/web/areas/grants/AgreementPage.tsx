import { useEffect, useState } from "react";
import { kr } from "../../format";
import { Link, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { coverageText } from "./agreement-form";
import { grantsApi } from "./api";
import { Meta, money, Pending, SumCheck } from "./components";
import { DecisionTable } from "./DecisionTable";
import type { Agreement, Decision } from "./types";

/** One agreement: its terms and the government decisions registered under it. */
export function AgreementPage({ id }: { id: number }) {
  const { user } = useSession();
  const [data, setData] = useState<{ agreement: Agreement; decisions: Decision[] }>();
  const [error, setError] = useState<unknown>();
  usePageTitle(data ? `Överenskommelse: ${data.agreement.name}` : "Överenskommelse");

  useEffect(() => {
    Promise.all([grantsApi.agreement(id), grantsApi.decisions(id)])
      .then(([agreement, decisions]) => setData({ agreement, decisions }))
      .catch(setError);
  }, [id]);

  if (!data) return <Pending title="Överenskommelse" error={error} what="överenskommelsen" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const { agreement: a, decisions } = data;
  const mayEdit = can(user, a.organisationId, "editor");
  const mayRegister = user.isAdmin || user.roles.some((r) => can(user, r.organisationId, "editor"));
  const coverage = coverageText(a, kr);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link>
      </p>
      <h1 tabIndex={-1}>{a.name}</h1>
      <Meta
        items={[
          ["År", String(a.year)],
          ["Parter", a.parties.join(", ")],
          ["Diarienummer", a.diaryNumber],
          ["Totalbelopp", <span className="num-inline">{money(a.total)}</span>],
          ["Registrerad av", a.organisationName],
        ]}
      />
      <div className="actions toolbar">
        {mayRegister && (
          <Link className="button-primary" href={`/statsbidrag/overenskommelser/${a.id}/nytt-beslut`}>
            Nytt beslut
          </Link>
        )}
        {mayEdit && (
          <Link className="button-secondary" href={`/statsbidrag/overenskommelser/${a.id}/andra`}>
            Ändra överenskommelsen
          </Link>
        )}
      </div>

      <h2>Regeringsbeslut</h2>
      <SumCheck balanced={coverage.balanced} id="agreement-coverage">
        {coverage.text}
      </SumCheck>
      {decisions.length === 0 ? <p>Inga regeringsbeslut är registrerade under överenskommelsen ännu.</p> : <DecisionTable caption={`Regeringsbeslut under ${a.name}`} decisions={decisions} />}
    </>
  );
}
