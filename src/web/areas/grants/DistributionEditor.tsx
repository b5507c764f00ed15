import { useEffect, useState } from "react";
import { api, populationDateLabel, type PopulationDate } from "../../api/client";
import type { AllocationResult, Organisation } from "../../api/types";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { ResultTable } from "../../components/ResultTable";
import { grantsApi, type AnnexInput } from "./api";
import { money, SumCheck } from "./components";
import { groupMembers, keyRequest, type KeyForm } from "./distribution-form";
import type { AnnexLine, ComparisonKey, Distribution, Part, PartsCheck } from "./types";

type Mode = "key" | "annex" | "file";

/** Distribute a draft decision's part: by key, by the annex's amounts pasted or typed, or from a file. */
export function DistributionEditor({ part, revision, onSaved, onReload }: { part: Part; /** The stored distribution's revision as loaded (0: none). */ revision: number; onSaved(d: Distribution): void; onReload(): void }) {
  const [mode, setMode] = useState<Mode>("annex");
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [dates, setDates] = useState<PopulationDate[]>([]);
  const [key, setKey] = useState<KeyForm>({ kind: part.recipientGroup === "regions" ? "population" : "equal", date: "", basis: "membership", fixed: {} });
  const [compare, setCompare] = useState<"none" | "population" | "equal">(part.recipientGroup === "regions" ? "population" : "equal");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<{ result?: AllocationResult; lines?: AnnexLine[]; check: PartsCheck }>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    api.organisations().then(setOrgs).catch(setError);
    api
      .populationDates()
      .then((d) => {
        setDates(d);
        setKey((k) => (k.date ? k : { ...k, date: d[0]?.date ?? "" }));
      })
      .catch(setError);
  }, []);

  const members = groupMembers(part.recipientGroup, orgs);
  const comparisonKey = (): ComparisonKey | null => (compare === "population" ? { kind: "population", date: key.date, basis: key.basis } : compare === "equal" ? { kind: "equal" } : null);
  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  };
  const keyAction = (save: boolean) =>
    run(async () => {
      const { request, errors: found } = keyRequest(part.amount, members, key);
      setErrors(found);
      if (!request) return;
      if (save) {
        onSaved(await grantsApi.saveKey(part.id, request, revision));
        setSaved("Nyckelfördelningen är sparad.");
      } else setPreview(await grantsApi.previewKey(part.id, request));
    });
  const annexInput = (): AnnexInput => ({ source: "inklistrad text", text, comparisonKey: comparisonKey() });
  const annexAction = (save: boolean) =>
    run(async () => {
      if (!text.trim()) return setErrors({ "annex-text": "Klistra in bilagans rader: mottagare och belopp på varje rad." });
      setErrors({});
      if (save) {
        onSaved(await grantsApi.saveAnnex(part.id, { ...annexInput(), revision }));
        setSaved("Bilagans belopp är sparade.");
      } else setPreview(await grantsApi.parseAnnex(part.id, annexInput()));
    });
  const fileAction = () =>
    run(async () => {
      if (!file) return setErrors({ "annex-file": "Välj en XLSX- eller CSV-fil." });
      setErrors({});
      const form = new FormData();
      form.append("file", file);
      form.append("revision", String(revision));
      if (compare === "population") {
        form.append("comparisonDate", key.date);
        form.append("comparisonBasis", key.basis);
      } else if (compare === "equal") form.append("comparisonEqual", "true");
      onSaved(await grantsApi.importAnnex(part.id, form));
      setSaved(`${file.name} är inläst och sparad.`);
    });

  const err = (id: string) => (errors[id] ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {});
  const errText = (id: string) => errors[id] && <p className="field-error" id={`${id}-error`}>{errors[id]}</p>;

  const dateField = (
    <div className="field-row">
      <div className="field">
        <label htmlFor="key-date">Folkmängd per datum</label>
        <select id="key-date" value={key.date} onChange={(e) => setKey({ ...key, date: e.target.value })} {...err("key-date")}>
          {dates.map((d) => (
            <option key={d.date} value={d.date}>
              {populationDateLabel(d)}
            </option>
          ))}
        </select>
        {errText("key-date")}
      </div>
      <div className="field">
        <label htmlFor="key-basis">Område</label>
        <select id="key-basis" value={key.basis} onChange={(e) => setKey({ ...key, basis: e.target.value as KeyForm["basis"] })}>
          <option value="membership">Sjukvårdsregionindelningen (kommuner)</option>
          <option value="whole_regions">Hela medlemsregioner</option>
        </select>
      </div>
    </div>
  );

  return (
    <section className="card" aria-labelledby="edit-distribution-heading">
      <h2 id="edit-distribution-heading">Fördela delen</h2>
      <fieldset className="group">
        <legend>Hur fördelas {money(part.amount)}?</legend>
        <div className="radio-row">
          {(
            [
              ["annex", "Beslutade belopp enligt bilagan (klistra in)"],
              ["file", "Bilagan som XLSX- eller CSV-fil"],
              ["key", "Fördelningsnyckel"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input type="radio" name="dist-mode" value={value} checked={mode === value} onChange={() => (setMode(value), setPreview(undefined))} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      {mode === "key" && (
        <>
          <div className="field inline">
            <label htmlFor="key-kind">Nyckel</label>
            <select id="key-kind" value={key.kind} onChange={(e) => setKey({ ...key, kind: e.target.value as KeyForm["kind"] })}>
              <option value="population">Folkmängd</option>
              <option value="equal">Lika delar</option>
              <option value="fixed">Fasta belopp</option>
            </select>
          </div>
          {key.kind === "population" && dateField}
          {key.kind === "fixed" && (
            <div className="part-grid">
              {members.map((m) => (
                <div className="field" key={m.code}>
                  <label htmlFor={`fixed-${m.code}`}>{m.name}</label>
                  <input id={`fixed-${m.code}`} className="num" value={key.fixed[m.code] ?? ""} onChange={(e) => setKey({ ...key, fixed: { ...key.fixed, [m.code]: e.target.value } })} {...err(`fixed-${m.code}`)} />
                  {errText(`fixed-${m.code}`)}
                </div>
              ))}
            </div>
          )}
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => void keyAction(false)}>
              Beräkna
            </button>
            <button type="button" className="button-primary" onClick={() => void keyAction(true)}>
              Spara nyckelfördelningen
            </button>
          </div>
        </>
      )}

      {mode !== "key" && (
        <fieldset className="group nested">
          <legend>Jämför bilagan med</legend>
          <div className="radio-row">
            {(
              [
                ["population", "Folkmängd"],
                ["equal", "Lika delar"],
                ["none", "Ingen jämförelse"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="radio">
                <input type="radio" name="compare" value={value} checked={compare === value} onChange={() => setCompare(value)} />
                {label}
              </label>
            ))}
          </div>
          {compare === "population" && dateField}
        </fieldset>
      )}

      {mode === "annex" && (
        <>
          <div className="field">
            <label htmlFor="annex-text">Bilagans rader</label>
            <p className="hint" id="annex-text-hint">
              Klistra in från kalkylarket: mottagare och belopp per rad, till exempel ”Region Stockholm⇥14 486 584”.
            </p>
            <textarea id="annex-text" className="annex-text" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`annex-text-hint${errors["annex-text"] ? " annex-text-error" : ""}`} aria-invalid={errors["annex-text"] ? true : undefined} />
            {errText("annex-text")}
          </div>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => void annexAction(false)}>
              Läs raderna
            </button>
            <button type="button" className="button-primary" onClick={() => void annexAction(true)}>
              Spara bilagans belopp
            </button>
          </div>
        </>
      )}

      {mode === "file" && (
        <>
          <div className="field">
            <label htmlFor="annex-file">Fil (XLSX eller CSV)</label>
            <input id="annex-file" type="file" accept=".xlsx,.csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} {...err("annex-file")} />
            {errText("annex-file")}
          </div>
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void fileAction()}>
              Läs in och spara
            </button>
          </div>
        </>
      )}

      <SaveErrorAlert
        error={error}
        onReload={() => {
          setError(undefined);
          onReload();
        }}
      />
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      {preview?.result && <ResultTable result={preview.result} caption="Beräknad fördelning (inte sparad)" />}
      {preview?.lines && (
        <>
          <SumCheck balanced={preview.check.balanced}>{preview.check.message}</SumCheck>
          <div className="table-wrap">
            <table className="data">
              <caption>Inlästa rader (inte sparade)</caption>
              <thead>
                <tr>
                  <th scope="col">Rad</th>
                  <th scope="col">Mottagare</th>
                  <th scope="col" className="num">
                    Belopp
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.lines.map((l) => (
                  <tr key={l.line}>
                    <td className="num">{l.line}</td>
                    <th scope="row">{l.name}</th>
                    <td className="num">{money(l.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
