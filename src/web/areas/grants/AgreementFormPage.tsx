import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client";
import type { Organisation } from "../../api/types";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { Link, navigate, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { emptyAgreementForm, formFromAgreement, toAgreementInput, type AgreementForm } from "./agreement-form";
import { grantsApi } from "./api";
import { ErrorSummary, Pending, TextField } from "./components";
import type { Agreement } from "./types";
import { ownFirst } from "../../own-organisation";

/** Register an agreement (överenskommelse) or change one: name, year, parties, total. */
export function AgreementFormPage({ id }: { id?: number }) {
  const title = id ? "Ändra överenskommelse" : "Ny överenskommelse";
  usePageTitle(title);
  const { user } = useSession();
  const [form, setForm] = useState<AgreementForm>();
  const madeFor = useRef<string | undefined>(undefined);
  const [stored, setStored] = useState<Agreement>();
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [loadError, setLoadError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    Promise.all([api.organisations(), id ? grantsApi.agreement(id) : Promise.resolve(undefined)])
      .then(([o, a]) => {
        setOrgs(o);
        setStored(a);
        const ownOrg = user.roles.find((r) => r.role !== "reader")?.organisationId;
        // Made once per agreement: a later run (the session reloaded) must not wipe what is typed.
        if (madeFor.current === String(id ?? "new")) return;
        madeFor.current = String(id ?? "new");
        setForm(a ? formFromAgreement(a) : emptyAgreementForm(new Date().getFullYear(), ownOrg ? String(ownOrg) : ""));
      })
      .catch(setLoadError);
  }, [id, user.roles, reloads]);

  if (!form) return <Pending title={title} error={loadError} what="formuläret" back={{ href: "/statsbidrag", label: "Till statsbidragen" }} />;
  const set = (patch: Partial<AgreementForm>) => setForm({ ...form, ...patch });
  const editableOrgs = ownFirst(orgs.filter((o) => can(user, o.id, "editor")), user);

  const save = async () => {
    setError(undefined);
    const { input, errors: found } = toAgreementInput(form);
    setErrors(found);
    if (!input) return;
    try {
      const { organisationId, ...rest } = input;
      // The revision as loaded: a save over somebody else's change is refused, not merged silently.
      const saved = id && stored ? await grantsApi.updateAgreement(id, { ...rest, revision: stored.revision }) : await grantsApi.createAgreement({ organisationId, ...rest });
      navigate(`/statsbidrag/overenskommelser/${saved.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/statsbidrag">Statsbidrag</Link>
        {stored && (
          <>
            {" "}
            › <Link href={`/statsbidrag/overenskommelser/${stored.id}`}>{stored.name}</Link>
          </>
        )}
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">En överenskommelse mellan staten och SKR, eller ett annat avtal som regeringsbesluten om utbetalning hör till.</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorSummary errors={errors} />
        <section className="card">
          <TextField id="agreement-name" label="Namn" value={form.name} onChange={(name) => set({ name })} error={errors["agreement-name"]} className="wide-input" hint="Till exempel Sammanhållen, jämlik och säker vård 2023" />
          <div className="part-grid">
            <div className="field">
              <label htmlFor="agreement-organisation">Registreras av</label>
              {stored ? (
                <p className="hint" id="agreement-organisation-fixed">
                  {stored.organisationName} (kan inte ändras)
                </p>
              ) : null}
              <select
                id="agreement-organisation"
                value={form.organisationId}
                disabled={Boolean(stored)}
                onChange={(e) => set({ organisationId: e.target.value })}
                aria-invalid={errors["agreement-organisation"] ? true : undefined}
                aria-describedby={[stored ? "agreement-organisation-fixed" : "", errors["agreement-organisation"] ? "agreement-organisation-error" : ""].filter(Boolean).join(" ") || undefined}
              >
                <option value="">Välj …</option>
                {(stored ? orgs.filter((o) => o.id === stored.organisationId) : editableOrgs).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              {errors["agreement-organisation"] && (
                <p className="field-error" id="agreement-organisation-error">
                  {errors["agreement-organisation"]}
                </p>
              )}
            </div>
            <TextField id="agreement-year" label="År" value={form.yearText} onChange={(yearText) => set({ yearText })} error={errors["agreement-year"]} inputMode="numeric" className="num" />
            <TextField id="agreement-diary" label="Diarienummer (valfritt)" value={form.diaryNumber} onChange={(diaryNumber) => set({ diaryNumber })} />
            <TextField id="agreement-total" label="Totalbelopp" value={form.totalText} onChange={(totalText) => set({ totalText })} error={errors["agreement-total"]} className="num amount-input" hint="Till exempel 440 mkr" />
          </div>
          <div className="field">
            <label htmlFor="agreement-parties">Parter (en per rad)</label>
            <textarea
              id="agreement-parties"
              className="annex-text"
              style={{ minHeight: "4rem" }}
              value={form.partiesText}
              onChange={(e) => set({ partiesText: e.target.value })}
              aria-invalid={errors["agreement-parties"] ? true : undefined}
              aria-describedby={errors["agreement-parties"] ? "agreement-parties-error" : undefined}
            />
            {errors["agreement-parties"] && (
              <p className="field-error" id="agreement-parties-error">
                {errors["agreement-parties"]}
              </p>
            )}
          </div>
        </section>
        <div className="actions">
          <button type="submit" className="button-primary">
            {id ? "Spara ändringarna" : "Registrera överenskommelsen"}
          </button>
          <Link className="button-secondary" href={stored ? `/statsbidrag/overenskommelser/${stored.id}` : "/statsbidrag"}>
            Avbryt
          </Link>
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
