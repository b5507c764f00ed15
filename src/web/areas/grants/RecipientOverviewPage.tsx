import { useEffect, useState } from "react";
import { Link, usePageTitle } from "../../router";
import { grantsApi } from "./api";
import { money, Pending } from "./components";
import { statusCodeLabels } from "./labels";
import type { RecipientGrant } from "./types";

/** All grants one region or cooperation region is entitled to, with what is next for each. */
export function RecipientOverviewPage({ code }: { code: string }) {
  const [data, setData] = useState<{ organisation: { code: string; name: string }; grants: RecipientGrant[] }>();
  const [error, setError] = useState<unknown>();
  usePageTitle(data ? `Statsbidrag för ${data.organisation.name}` : "Mottagarens statsbidrag");
  useEffect(() => {
    grantsApi.recipient(code).then(setData).catch(setError);
  }, [code]);
  if (!data) return <Pending title="Mottagarens statsbidrag" error={error} what="bidragen" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const sum = (f: (g: RecipientGrant) => number) => data.grants.reduce((acc, g) => acc + f(g), 0);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link>
      </p>
      <h1 tabIndex={-1}>Statsbidrag för {data.organisation.name}</h1>
      <p>
        <Link href={`/statsbidrag/avslut/${encodeURIComponent(code)}`}>Avsluta bidragen: rekvisition, ekonomisk redovisning och återbetalning</Link>
      </p>
      {data.grants.length === 0 ? (
        <p>Organisationen har inga belopp i registrerade beslut.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>
              Bidrag, belopp och nästa steg
              <span className="caption-note">Outnyttjat = mottaget − förbrukat. Belopp i kronor.</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Bidrag</th>
                <th scope="col" className="num">
                  Rätt till
                </th>
                <th scope="col" className="num">
                  Mottaget
                </th>
                <th scope="col" className="num">
                  Förbrukat
                </th>
                <th scope="col" className="num">
                  Att återbetala
                </th>
                <th scope="col">Nästa steg</th>
              </tr>
            </thead>
            <tbody>
              {data.grants.map((g) => (
                <tr key={g.partId}>
                  <th scope="row">
                    <Link href={`/statsbidrag/delar/${g.partId}/mottagare/${encodeURIComponent(code)}`}>{g.purpose}</Link>
                    <div className="grants-small">
                      {g.agreementName}
                      {g.diaryNumber ? ` (${g.diaryNumber})` : ""}
                    </div>
                  </th>
                  <td className="num">{money(g.figures.entitled)}</td>
                  <td className="num">{money(g.figures.received)}</td>
                  <td className="num">{money(g.figures.spent)}</td>
                  <td className="num">{money(g.figures.toRepay)}</td>
                  <td>
                    <span className={g.status.overdue ? "overdue-mark" : "strong"}>{statusCodeLabels[g.status.code]}</span>
                    <div className="grants-small">{g.status.text}</div>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <td className="num">{money(sum((g) => g.figures.entitled))}</td>
                <td className="num">{money(sum((g) => g.figures.received))}</td>
                <td className="num">{money(sum((g) => g.figures.spent))}</td>
                <td className="num">{money(sum((g) => g.figures.toRepay))}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
