import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { User } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { usePageTitle } from "../../router";
import { api, populationDateLabel, type PopulationDate } from "../../api/client";
import { referenceApi, type PopulationFigure } from "./api";
import { PopulationImport } from "./PopulationImport";
import type { PopulationBasis } from "../../../core/population-key";

const integer = new Intl.NumberFormat("sv-SE");

export function ReferencePage({ user }: { user: User }) {
  usePageTitle("Folkmängd");
  const [dates, setDates] = useState<PopulationDate[]>();
  const [error, setError] = useState<unknown>();
  const [code, setCode] = useState("SVR-SODRA");
  const [date, setDate] = useState("");
  const [basis, setBasis] = useState<PopulationBasis>("whole_regions");
  const [figure, setFigure] = useState<PopulationFigure>();
  const [lookupError, setLookupError] = useState<unknown>();

  const load = useCallback(() => {
    // With coverage: each day says whether every county and municipality has a figure.
    api
      .populationDates()
      .then((d) => {
        setDates(d);
        setDate((current) => current || d[0]?.date || "");
      })
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  async function lookup(event: FormEvent) {
    event.preventDefault();
    setLookupError(undefined);
    setFigure(undefined);
    try {
      setFigure(await referenceApi.population(code.trim(), date, basis));
    } catch (err) {
      setLookupError(err);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>Folkmängd</h1>
      <p className="lead">Folkmängd enligt SCB per datum och område, som fördelningsnycklar och samfinansiering räknar med.</p>
      <ErrorAlert error={error} />
      {!dates && !error && <Loading what="datum" />}
      {dates && (
        <section className="card" aria-labelledby="dates-heading">
          <h2 id="dates-heading">Datum med folkmängd</h2>
          <ul>
            {dates.map((d) => (
              <li key={d.date}>{populationDateLabel(d)}</li>
            ))}
          </ul>
        </section>
      )}
      <form className="card" onSubmit={lookup} aria-labelledby="lookup-heading">
        <h2 id="lookup-heading">Slå upp folkmängd</h2>
        <div className="field">
          <label htmlFor="lookup-code">Område (länskod, kommunkod eller samverkansregion, t.ex. 23, 2380, SVR-SODRA)</label>
          <input id="lookup-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="lookup-date">Datum</label>
          <select id="lookup-date" value={date} onChange={(e) => setDate(e.target.value)}>
            {(dates ?? []).map((d) => (
              <option key={d.date} value={d.date}>
                {populationDateLabel(d)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Samverkansregion räknas som</legend>
          <label>
            <input type="radio" name="basis" checked={basis === "whole_regions"} onChange={() => setBasis("whole_regions")} /> hela medlemsregioner
          </label>
          <label>
            <input type="radio" name="basis" checked={basis === "membership"} onChange={() => setBasis("membership")} /> kommuner enligt sjukvårdsregionindelningen
          </label>
        </fieldset>
        <button type="submit" className="button-primary">
          Slå upp
        </button>
        <ErrorAlert error={lookupError} />
      </form>
      {figure && (
        <section aria-live="polite">
          <div className="table-wrap">
            <table className="data">
              <caption>
                {figure.basis}: {integer.format(figure.population)} invånare
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kod</th>
                  <th scope="col">Område</th>
                  <th scope="col" className="num">
                    Folkmängd
                  </th>
                </tr>
              </thead>
              <tbody>
                {figure.parts.map((p) => (
                  <tr key={p.areaCode}>
                    <td>{p.areaCode}</td>
                    <td>{p.name}</td>
                    <td className="num">{integer.format(p.population)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Summa
                  </th>
                  <td className="num">{integer.format(figure.population)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}
      {user.isAdmin && <PopulationImport onImported={load} />}
    </>
  );
}
