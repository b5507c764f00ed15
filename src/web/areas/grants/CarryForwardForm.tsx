import { useEffect, useState } from "react";
import { carryableParts, emptyCarryForwardForm, laterParts, toCarryForward, type CarryForwardForm as Form } from "./carry-forward-form";
import { closingApi, type CoordinatorOverview } from "./closing-api";
import { money } from "./components";

type Row = CoordinatorOverview["rows"][number];
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
const partLabel = (r: Row) => `${r.year}: ${short(r.purpose)} (${r.diaryNumber ?? r.agreementName}, del ${r.partId})`;

/**
 * The grantor's consent that a recipient may use unspent money the next year: the amount then
 * moves to the later year's part instead of being repaid. Shown only when a part has money left
 * and the organisation has a part in a later year's decision to move it to.
 */
export function CarryForwardForm({ data, onSaved }: { data: CoordinatorOverview; onSaved(): void }) {
  const [form, setForm] = useState<Form>(() => emptyCarryForwardForm(data.rows));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const from = carryableParts(data.rows);
  // After a consent is registered its part is no longer offered: start again from the first one left.
  useEffect(() => {
    setForm((f) => (carryableParts(data.rows).some((r) => String(r.partId) === f.fromPartId) ? f : emptyCarryForwardForm(data.rows)));
  }, [data.rows]);
  const targets = form.fromPartId ? laterParts(data.rows, Number(form.fromPartId)) : [];
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const read = toCarryForward(form);
    setErrors(read.errors);
    setMessage(undefined);
    if (!read.input) return;
    const { fromPartId, ...body } = read.input;
    setBusy(true);
    try {
      const saved = await closingApi.carryForward(fromPartId, data.organisation.code, body);
      setMessage({ ok: true, text: `Medgivandet ${saved.diaryNumber} är registrerat: det outnyttjade beloppet förs till del ${saved.toPartId} och ska användas senast ${saved.newDeadline}.` });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const field = (id: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="grants-small" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {input}
      {errors[id] && (
        <p className="field-error" id={`${id}-error`}>
          {errors[id]}
        </p>
      )}
    </div>
  );
  const described = (id: string, hint = false) => ({
    id,
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : "", errors[id] ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
  });
  return (
    <section aria-labelledby="carry-heading" className="grants-form">
      <h2 id="carry-heading">Använda outnyttjade medel nästa år</h2>
      {from.length === 0 ? (
        <p>
          Medel kan föras till nästa år när bidragsgivaren har beslutat det och organisationen har en del i ett senare års beslut. Ingen del har i dag både outnyttjade medel, inget medgivande och en sådan del att föra dem till.
        </p>
      ) : (
        <form onSubmit={save} noValidate>
          <p className="grants-small">Registrera bidragsgivarens beslut. Beloppet förs då till nästa års del i stället för att återbetalas; ett registrerat medgivande ändras inte.</p>
          {field(
            "carry-from",
            "Från del",
            <select {...described("carry-from")} value={form.fromPartId} onChange={(e) => set({ fromPartId: e.target.value, toPartId: String(laterParts(data.rows, Number(e.target.value))[0]?.partId ?? "") })}>
              {from.map((r) => (
                <option key={r.partId} value={r.partId}>
                  {partLabel(r)}, outnyttjat {money(r.figures.unspent)}
                </option>
              ))}
            </select>,
          )}
          {field(
            "carry-to",
            "Till nästa års del",
            <select {...described("carry-to")} value={form.toPartId} onChange={(e) => set({ toPartId: e.target.value })}>
              {targets.map((r) => (
                <option key={r.partId} value={r.partId}>
                  {partLabel(r)}
                </option>
              ))}
            </select>,
          )}
          {field("carry-diary", "Bidragsgivarens diarienummer", <input {...described("carry-diary")} value={form.diaryNumber} onChange={(e) => set({ diaryNumber: e.target.value })} autoComplete="off" />)}
          {field("carry-decided", "Beslutsdatum", <input {...described("carry-decided", true)} type="date" value={form.decidedOn} onChange={(e) => set({ decidedOn: e.target.value })} />, "ÅÅÅÅ-MM-DD")}
          {field("carry-deadline", "Ny sista dag att använda och redovisa medlen", <input {...described("carry-deadline", true)} type="date" value={form.newDeadline} onChange={(e) => set({ newDeadline: e.target.value })} />, "ÅÅÅÅ-MM-DD")}
          {field("carry-cap", "Högsta belopp (valfritt)", <input {...described("carry-cap", true)} value={form.cap} onChange={(e) => set({ cap: e.target.value })} inputMode="decimal" autoComplete="off" />, "Till exempel 1 200 000 kr. Tomt: allt som är outnyttjat.")}
          <button type="submit" disabled={busy}>
            Registrera medgivandet
          </button>
        </form>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok-mark" : "overdue-mark"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
