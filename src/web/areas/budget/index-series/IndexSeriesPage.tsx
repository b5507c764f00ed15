import { useEffect, useState } from "react";
import { ErrorAlert, Loading } from "../../../components/ErrorAlert";
import { Link, usePageTitle } from "../../../router";
import { useSession } from "../../../session";
import { indexSeriesApi, type IndexValueRow } from "./api";
import { mayEditSeries } from "./canEdit";
import { emptyIndexValueForm, formOf } from "./index-series-form";
import { upratingText } from "./uprating";
import { ValueForm } from "./ValueForm";
import "../budget.css";

/** One index series: its yearly changes with sources, and a form to add or correct a year. */
export function IndexSeriesPage({ code }: { code: string }) {
  usePageTitle(`Indexserie ${code}`);
  const { user } = useSession();
  const [rows, setRows] = useState<IndexValueRow[]>();
  const [error, setError] = useState<unknown>();
  const [form, setForm] = useState(emptyIndexValueForm);
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    indexSeriesApi.values(code).then(setRows).catch(setError);
  }, [code]);
  const editable = mayEditSeries(user);
  const edit = (row: IndexValueRow) => {
    setForm(formOf(row));
    setSaved(undefined);
    requestAnimationFrame(() => document.getElementById("index-percent")?.focus());
  };
  return (
    <>
      <p className="breadcrumb">
        <Link href="/budget">Budget</Link> › <Link href="/budget/indexserier">Indexserier</Link> › {code}
      </p>
      <h1 tabIndex={-1}>Indexserie {code}</h1>
      <p className="lead">Förändring mot föregående år i procent. Ett budgetförslag som räknar upp från ett år till ett senare multiplicerar faktorerna för åren däremellan, exakt.</p>
      <ErrorAlert error={error} />
      {!rows && !error && <Loading what="seriens värden" />}
      {rows && rows.length === 0 && <p>Serien har inga värden ännu.</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption>Värden i {code}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  År
                </th>
                <th scope="col" className="num">
                  Förändring
                </th>
                <th scope="col" className="num">
                  Faktor
                </th>
                <th scope="col">Källa</th>
                {editable && <th scope="col"><span className="visually-hidden">Åtgärd</span></th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row" className="num">
                    {r.year}
                  </th>
                  <td className="num">{r.changePercent} %</td>
                  <td className="num">{upratingText(r.changePercent)}</td>
                  <td>{r.source}</td>
                  {editable && (
                    <td>
                      <button type="button" className="button-quiet" onClick={() => edit(r)}>
                        Ändra<span className="visually-hidden"> {r.year}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      {editable && (
        <>
          <h2>Lägg till eller ändra ett år</h2>
          <ValueForm
            legend={`Värde i ${code}`}
            form={form}
            onChange={setForm}
            reload={{
              load: () => indexSeriesApi.values(code),
              onReloaded: (current) => setRows(current as IndexValueRow[]),
              renderSaved: (current) => {
                const year = Number(form.yearText.trim());
                const saved = (current as IndexValueRow[]).find((r) => r.year === year);
                return saved ? (
                  <p>
                    Sparat för {saved.year}: {saved.changePercent} % ({saved.source}){saved.updatedBy ? `, ändrat av ${saved.updatedBy}` : ""}.
                  </p>
                ) : null;
              },
            }}
            onSave={async (value) => {
              const existing = rows?.find((r) => r.year === value.year);
              const existed = existing !== undefined;
              // Based on the value this page shows: somebody else's newer save is refused (409).
              setRows(await indexSeriesApi.set(code, [{ ...value, revision: existing?.revision ?? null }]));
              setForm(emptyIndexValueForm());
              setSaved(`${existed ? "Ändrat" : "Sparat"}: ${code} ${value.year} ${value.changePercent} % (${value.source}).`);
            }}
          />
        </>
      )}
    </>
  );
}
