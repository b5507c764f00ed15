import { useEffect, useState } from "react";
import { ErrorAlert, Loading } from "../../../components/ErrorAlert";
import { Link, navigate, usePageTitle } from "../../../router";
import { useSession } from "../../../session";
import { TextField } from "../ui";
import { indexSeriesApi, type IndexSeriesSummary } from "./api";
import { mayEditSeries } from "./canEdit";
import { codeError, emptyIndexValueForm } from "./index-series-form";
import { ValueForm } from "./ValueForm";
import "../budget.css";

/** The index series kept in the system (LPIK and others), and a form to start a new one. */
export function IndexSeriesListPage() {
  usePageTitle("Indexserier");
  const { user } = useSession();
  const [series, setSeries] = useState<IndexSeriesSummary[]>();
  const [error, setError] = useState<unknown>();
  const [code, setCode] = useState("");
  const [form, setForm] = useState(emptyIndexValueForm);
  useEffect(() => {
    indexSeriesApi.list().then(setSeries).catch(setError);
  }, []);
  const codeProblem = codeError(code);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/budget">Budget</Link> › Indexserier
      </p>
      <h1 tabIndex={-1}>Indexserier</h1>
      <p className="lead">
        Årlig förändring i procent för index som budgetförslag räknas upp med, till exempel LPIK (landstingsprisindex). Ett förslag som räknar upp från 2023 till 2024
        använder 2024 års förändring. Varje ändring loggas med användare och tidpunkt.
      </p>
      <ErrorAlert error={error} />
      {!series && !error && <Loading what="indexserierna" />}
      {series && series.length === 0 && <p>Inga indexserier ännu.</p>}
      {series && series.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption>Indexserier i systemet</caption>
            <thead>
              <tr>
                <th scope="col">Serie</th>
                <th scope="col" className="num">
                  Första år
                </th>
                <th scope="col" className="num">
                  Senaste år
                </th>
                <th scope="col" className="num">
                  Antal värden
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.code}>
                  <th scope="row" className="row-title">
                    <Link href={`/budget/indexserier/${encodeURIComponent(s.code)}`}>{s.code}</Link>
                  </th>
                  <td className="num">{s.firstYear}</td>
                  <td className="num">{s.lastYear}</td>
                  <td className="num">{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayEditSeries(user) && (
        <>
          <h2>Ny serie eller nytt värde</h2>
          <ValueForm
            legend="Värde för ett år"
            form={form}
            onChange={setForm}
            extraErrors={(): Record<string, string> => (codeProblem ? { "index-code": codeProblem } : {})}
            onSave={async (value) => {
              // This form shows no values: it sets the year as it is saved now.
              const current = (await indexSeriesApi.values(code.trim())).find((r) => r.year === value.year);
              await indexSeriesApi.set(code.trim(), [{ ...value, revision: current?.revision ?? null }]);
              navigate(`/budget/indexserier/${encodeURIComponent(code.trim())}`);
            }}
          >
            {(errors) => <TextField id="index-code" label="Serie" value={code} onChange={setCode} errors={errors} inputClass="short-input" hint="Kod, t.ex. LPIK." />}
          </ValueForm>
        </>
      )}
    </>
  );
}
