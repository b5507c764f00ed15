import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { Link, usePageTitle } from "../../router";
import type { PayeeKind } from "../../../core/grants/payee";
import { CarryForwardForm } from "./CarryForwardForm";
import { closingApi, documentHref, type CoordinatorOverview, type Produced } from "./closing-api";
import { money, Pending } from "./components";

type Row = CoordinatorOverview["rows"][number];
const kindNames: Record<PayeeKind, string> = { bankgiro: "Bankgiro", plusgiro: "Plusgiro", bank_account: "Bankkonto", iban: "IBAN" };
const documentNames = { requisition: "Ta fram rekvisition", financial_report: "Lämna ekonomisk redovisning" } as const;
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

function PaymentForm({ data, onSaved }: { data: CoordinatorOverview; onSaved(): void }) {
  const p = data.organisation.payment;
  const [orgNumber, setOrgNumber] = useState(p?.organisationNumber ?? "");
  const [kind, setKind] = useState<PayeeKind>(p?.kind ?? "bankgiro");
  const [number, setNumber] = useState(p?.number ?? "");
  const [bank, setBank] = useState(p?.bank ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await closingApi.savePayment(data.organisation.code, { organisationNumber: orgNumber, payee: { kind, number, bank: bank || null, holder: null }, revision: p?.revision ?? 0 });
      setMessage({ ok: true, text: "Utbetalningsuppgifterna är sparade." });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <form onSubmit={save} aria-labelledby="payment-heading" className="grants-form">
      <h2 id="payment-heading">Organisationsnummer och utbetalning</h2>
      <p className="grants-small">Står på varje rekvisition. Bankgiro och plusgiro kontrolleras med kontrollsiffran.</p>
      <div className="field">
        <label htmlFor="closing-orgnr">Organisationsnummer</label>
        <input id="closing-orgnr" value={orgNumber} onChange={(e) => setOrgNumber(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="closing-kind">Betalas till</label>
        <select id="closing-kind" value={kind} onChange={(e) => setKind(e.target.value as PayeeKind)}>
          {Object.entries(kindNames).map(([k, name]) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="closing-number">Nummer</label>
        <input id="closing-number" value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
      </div>
      {(kind === "bank_account" || kind === "iban") && (
        <div className="field">
          <label htmlFor="closing-bank">Bank</label>
          <input id="closing-bank" value={bank} onChange={(e) => setBank(e.target.value)} />
        </div>
      )}
      <button type="submit">Spara utbetalningsuppgifterna</button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok-mark" : "overdue-mark"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function DocumentCell({ row, code, signatory, onMade }: { row: Row; code: string; signatory: { name: string; title: string; place: string }; onMade(): void }) {
  const [made, setMade] = useState<Produced & { kind: "requisition" | "financial_report" }>();
  const [error, setError] = useState<ApiError | Error>();
  const doc = row.next.document;
  const produce = async () => {
    if (!doc) return;
    setError(undefined);
    const sign = { name: signatory.name || null, title: signatory.title || null, place: signatory.place || null };
    try {
      const result =
        doc === "requisition"
          ? await closingApi.requisition(row.partId, code, { date: today(), signatory: sign, expectedVersion: row.requisitionVersion })
          : await closingApi.report(row.partId, code, { date: today(), signatory: sign, explanation: null, expectedVersion: row.reportVersion });
      setMade({ ...result, kind: doc });
      onMade();
    } catch (err) {
      setError(err as Error);
    }
  };
  const problems = doc === "financial_report" ? row.problems : [];
  return (
    <td>
      {doc && problems.length === 0 && (
        <button type="button" onClick={produce} aria-describedby={`closing-next-${row.partId}`}>
          {documentNames[doc]}
        </button>
      )}
      {problems.length > 0 && (
        <div className="grants-small">
          <strong>Rätta innan redovisningen kan lämnas:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <div role="alert" className="overdue-mark">
          {error.message}
        </div>
      )}
      {made && (
        <p role="status">
          {made.kind === "requisition" ? "Rekvisition" : "Ekonomisk redovisning"} version {made.version}: <a href={documentHref(made.kind, made.id, "pdf")}>PDF</a> · <a href={documentHref(made.kind, made.id, "xlsx")}>XLSX</a>
        </p>
      )}
    </td>
  );
}

/** A grant coordinator's overview of one organisation: every part, what is due next and the document to produce for it. */
export function ClosingPage({ code }: { code: string }) {
  const [data, setData] = useState<CoordinatorOverview>();
  const [error, setError] = useState<unknown>();
  const [reload, setReload] = useState(0);
  const [signatory, setSignatory] = useState({ name: "", title: "", place: "" });
  usePageTitle(data ? `Avsluta statsbidrag: ${data.organisation.name}` : "Avsluta statsbidrag");
  useEffect(() => {
    let live = true;
    closingApi
      .overview(code)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [code, reload]);
  if (!data) return <Pending title="Avsluta statsbidrag" error={error} what="översikten" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const refresh = () => setReload((n) => n + 1);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link> / <Link href={`/statsbidrag/mottagare/${encodeURIComponent(code)}`}>{data.organisation.name}</Link>
      </p>
      <h1 tabIndex={-1}>Avsluta statsbidrag: {data.organisation.name}</h1>
      <p>Rekvisition, ekonomisk redovisning och återbetalning per bidragsdel. Förbrukat är huvudbokens kostnader på delens redovisningsobjekt under beslutets år och de manuella raderna.</p>
      <fieldset className="grants-form">
        <legend>Underskrift på dokumenten (behörig företrädare)</legend>
        <div className="field">
          <label htmlFor="closing-sign-name">Namn</label>
          <input id="closing-sign-name" value={signatory.name} onChange={(e) => setSignatory({ ...signatory, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="closing-sign-title">Befattning</label>
          <input id="closing-sign-title" value={signatory.title} onChange={(e) => setSignatory({ ...signatory, title: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="closing-sign-place">Ort</label>
          <input id="closing-sign-place" value={signatory.place} onChange={(e) => setSignatory({ ...signatory, place: e.target.value })} />
        </div>
      </fieldset>
      {data.rows.length === 0 ? (
        <p>Organisationen har inga belopp i fastställda beslut.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" id="closing-table">
            <caption>
              Bidragsdelar och vad som ska göras härnäst
              <span className="caption-note">Outnyttjat = mottaget och överfört − förbrukat. Belopp i kronor.</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Bidrag</th>
                <th scope="col" className="num">
                  Mottaget
                </th>
                <th scope="col" className="num">
                  Förbrukat
                </th>
                <th scope="col" className="num">
                  Outnyttjat
                </th>
                <th scope="col" className="num">
                  Att återbetala
                </th>
                <th scope="col">Härnäst</th>
                <th scope="col">Dokument</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.partId}>
                  <th scope="row">
                    <Link href={`/statsbidrag/delar/${r.partId}/mottagare/${encodeURIComponent(code)}`}>{r.purpose}</Link>
                    <div className="grants-small">
                      {r.agreementName}, {r.year}
                      {r.diaryNumber ? ` (${r.diaryNumber})` : ""}
                      {r.appropriationItem ? `, anslagspost ${r.appropriationItem}` : ""}
                      {r.accountingObject ? `, objekt ${r.accountingObject}` : ""}
                    </div>
                  </th>
                  <td className="num">{money(r.received)}</td>
                  <td className="num">{money(r.figures.used)}</td>
                  <td className="num">{money(r.figures.unspent)}</td>
                  <td className="num">
                    {money(r.figures.toRepay)}
                    {r.figures.carriedForward > 0 && <div className="grants-small">{money(r.figures.carriedForward)} förs till nästa år</div>}
                    {r.carryForward && (
                      <div className="grants-small">
                        Medgivande {r.carryForward.diaryNumber}: förs till del {r.carryForward.toPartId}, används senast {r.carryForward.newDeadline}
                      </div>
                    )}
                  </td>
                  <td id={`closing-next-${r.partId}`}>
                    <span className={r.next.overdue ? "overdue-mark" : undefined}>{r.next.text}</span>
                  </td>
                  <DocumentCell row={r} code={code} signatory={signatory} onMade={refresh} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.agreements.some((a) => a.line.years.length > 1) && <h2>Överenskommelser över flera år</h2>}
      {data.agreements
        .filter((a) => a.line.years.length > 1)
        .map((a) => (
          <div className="table-wrap" key={a.agreementId}>
            <table className="data">
              <caption>{a.agreementName}: pengarna år för år</caption>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  <th scope="col" className="num">
                    Mottaget
                  </th>
                  <th scope="col" className="num">
                    Överfört in
                  </th>
                  <th scope="col" className="num">
                    Förbrukat
                  </th>
                  <th scope="col" className="num">
                    Fört vidare
                  </th>
                  <th scope="col" className="num">
                    Att återbetala
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.line.years.map((y) => (
                  <tr key={y.partId}>
                    <th scope="row">{y.year}</th>
                    <td className="num">{money(y.received)}</td>
                    <td className="num">{money(y.carriedIn)}</td>
                    <td className="num">{money(y.used)}</td>
                    <td className="num">{money(y.carriedForward)}</td>
                    <td className="num">{money(y.toRepay)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {a.line.mismatches.map((m) => (
              <p key={m} className="overdue-mark">
                {m}
              </p>
            ))}
          </div>
        ))}
      <CarryForwardForm data={data} onSaved={refresh} />
      <PaymentForm data={data} onSaved={refresh} />
    </>
  );
}
