import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client";
import type { Organisation } from "../../api/types";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { Link, navigate, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { grantsApi } from "./api";
import { ErrorSummary, Pending, SumCheck, TextField } from "./components";
import { emptyDecisionForm, formFromDecision, liveCheck, toDecisionInput, type DecisionForm } from "./decision-form";
import { PartFields } from "./PartFields";
import type { Agreement } from "./types";
import { ownFirst } from "../../own-organisation";

/** Register or change a draft government decision; the sum check follows every keystroke. */
export function DecisionFormPage({ id, agreementId }: { id?: number; agreementId?: number }) {
  const title = id ? "Ändra regeringsbeslut" : "Registrera regeringsbeslut";
  usePageTitle(title);
  const { user } = useSession();
  const [form, setForm] = useState<DecisionForm>();
  const madeFor = useRef<string | undefined>(undefined);
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [loadError, setLoadError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  // The revision the form was made from; a save names it, so a change made meanwhile is not overwritten.
  const revision = useRef<number>(0);

  useEffect(() => {
    Promise.all([grantsApi.agreements(), api.organisations(), id ? grantsApi.decision(id) : Promise.resolve(undefined)])
      .then(([a, o, d]) => {
        setAgreements(a);
        setOrgs(o);
        const ownOrg = user.roles.find((r) => r.role !== "reader")?.organisationId;
        // Made once per decision: a later run (the session reloaded) must not wipe what is typed.
        const key = `${id ?? "new"}/${agreementId ?? ""}`;
        if (madeFor.current === key) return;
        madeFor.current = key;
        revision.current = d?.revision ?? 0;
        setForm(d ? formFromDecision(d) : { ...emptyDecisionForm(), organisationId: ownOrg ? String(ownOrg) : "", agreementId: agreementId ? String(agreementId) : a[0] ? String(a[0].id) : "" });
      })
      .catch(setLoadError);
  }, [id, agreementId, user.roles, reloads]);

  if (!form) return <Pending title={title} error={loadError} what="formuläret" />;
  const set = (patch: Partial<DecisionForm>) => setForm({ ...form, ...patch });
  const check = liveCheck(form);
  const editableOrgs = ownFirst(orgs.filter((o) => can(user, o.id, "editor") && (o.kind === "state" || o.kind === "region" || o.kind === "skr" || o.kind === "cooperation_region")), user);
  const payers = orgs.filter((o) => o.kind === "state" || o.kind === "skr");

  const save = async () => {
    setError(undefined);
    const { input, errors: found } = toDecisionInput(form);
    setErrors(found);
    if (!input) return;
    try {
      const saved = id ? await grantsApi.updateDecision(id, { ...input, revision: revision.current }) : await grantsApi.createDecision(input);
      navigate(`/statsbidrag/beslut/${saved.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link>
        {agreementId && (
          <>
            {" "}
            › <Link href={`/statsbidrag/overenskommelser/${agreementId}`}>{agreements.find((a) => a.id === agreementId)?.name ?? "Överenskommelsen"}</Link>
          </>
        )}
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorSummary errors={errors} />
        <section className="card">
          <h2>Beslutet</h2>
          <div className="part-grid">
            <div className="field">
              <label htmlFor="agreement">Överenskommelse</label>
              <select id="agreement" value={form.agreementId} onChange={(e) => set({ agreementId: e.target.value })} aria-invalid={errors.agreement ? true : undefined} aria-describedby={errors.agreement ? "agreement-error" : undefined}>
                <option value="">Välj …</option>
                {agreements.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.year})
                  </option>
                ))}
              </select>
              {errors.agreement && <p className="field-error" id="agreement-error">{errors.agreement}</p>}
            </div>
            <div className="field">
              <label htmlFor="organisation">Registreras av</label>
              <select id="organisation" value={form.organisationId} onChange={(e) => set({ organisationId: e.target.value })} aria-invalid={errors.organisation ? true : undefined} aria-describedby={errors.organisation ? "organisation-error" : undefined}>
                <option value="">Välj …</option>
                {editableOrgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              {errors.organisation && <p className="field-error" id="organisation-error">{errors.organisation}</p>}
            </div>
            <TextField id="diaryNumber" label="Diarienummer" value={form.diaryNumber} onChange={(diaryNumber) => set({ diaryNumber })} hint="Till exempel S2023/00488" />
            <TextField id="decisionDate" label="Beslutsdatum" value={form.decisionDate} onChange={(decisionDate) => set({ decisionDate })} error={errors.decisionDate} hint="ÅÅÅÅ-MM-DD" />
            <TextField id="ministry" label="Departement" value={form.ministry} onChange={(ministry) => set({ ministry })} />
            <div className="field">
              <label htmlFor="payer">Utbetalare</label>
              <select id="payer" value={form.payerCode} onChange={(e) => set({ payerCode: e.target.value })}>
                <option value="">Ingen angiven</option>
                {payers.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <TextField id="title" label="Rubrik" value={form.title} onChange={(t) => set({ title: t })} error={errors.title} className="wide-input" />
          <div className="field">
            <label htmlFor="signatories">Undertecknare (en per rad)</label>
            <textarea id="signatories" className="annex-text" style={{ minHeight: "4rem" }} value={form.signatoriesText} onChange={(e) => set({ signatoriesText: e.target.value })} />
          </div>
          <TextField id="total" label="Beslutets totalbelopp" value={form.totalText} onChange={(totalText) => set({ totalText })} error={errors.total} className="num amount-input" hint="Till exempel 226 000 000 kr" />
        </section>

        <h2>Delar</h2>
        {form.parts.map((p, i) => (
          <PartFields
            key={p.key}
            index={i}
            part={p}
            orgs={payers}
            errors={errors}
            onChange={(next) => set({ parts: form.parts.map((x, j) => (j === i ? next : x)) })}
            onRemove={form.parts.length > 1 ? () => set({ parts: form.parts.filter((_, j) => j !== i) }) : undefined}
          />
        ))}
        <div className="sticky-actions actions">
          <SumCheck balanced={check.balanced} id="form-sum-check">
            <span aria-live="polite">{check.text}</span>
          </SumCheck>
          <button type="button" className="button-secondary" onClick={() => set({ parts: [...form.parts, PartFields.newPart()] })}>
            Lägg till del
          </button>
          <button type="submit" className="button-primary">
            Spara utkast
          </button>
        </div>
        <SaveErrorAlert
          error={error}
          onReload={() => {
            madeFor.current = undefined;
            setError(undefined);
            setReloads((n) => n + 1);
          }}
        />
      </form>
    </>
  );
}
