import { useEffect, useMemo, useState, type FormEvent } from "react";
import { api, ApiError, populationDateLabel, type PopulationDate } from "../api/client";
import type { AllocationDetail, AllocationResult, Organisation } from "../api/types";
import { FreeLinesEditor } from "../allocation-form/FreeLinesEditor";
import { RecipientPicker, recipientsOf } from "../allocation-form/RecipientPicker";
import { buildRequest, emptyForm, formFromRequest, readAmount, type AllocationForm, type FieldErrors } from "../allocation-form/form-state";
import { ErrorAlert, Loading } from "../components/ErrorAlert";
import { StaleRevisionAlert } from "../components/StaleRevisionAlert";
import { RoundingUnitField } from "../components/RoundingUnitField";
import { ResultTable, sumCheck } from "../components/ResultTable";
import { kr, roundingModes } from "../format";
import { Link, navigate, usePageTitle } from "../router";
import { can, useSession } from "../session";
import { ownDefault, ownFirst } from "../own-organisation";

const kindLabels: Partial<Record<Organisation["kind"], string>> = {
  state: "Staten",
  skr: "SKR",
  region: "Regioner",
  cooperation_region: "Samverkansregioner",
  municipality: "Kommuner",
  board: "Nämnder",
  other: "Övriga",
};

/** The control an error belongs to, so the error summary can link to it. */
function fieldIdOf(errorKey: string): string | undefined {
  const fixed: Record<string, string> = { title: "title", organisation: "organisation", total: "total", populationDate: "population-date", pool: "pool" };
  if (fixed[errorKey]) return fixed[errorKey];
  if (/^line-\d+-label$/.test(errorKey)) return errorKey;
  if (/^line-\d+$/.test(errorKey)) return `${errorKey}-value`;
  return undefined;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}

export function AllocationFormPage({ editId }: { editId?: number }) {
  const editing = editId !== undefined;
  usePageTitle(editing ? "Ändra fördelning" : "Ny fördelning");
  const { user } = useSession();
  const [organisations, setOrganisations] = useState<Organisation[]>();
  const [dates, setDates] = useState<PopulationDate[]>();
  const [datesError, setDatesError] = useState<unknown>();
  const [saved, setSaved] = useState<AllocationDetail>();
  const [loadError, setLoadError] = useState<unknown>();
  const [form, setForm] = useState<AllocationForm>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<AllocationResult>();
  const [computedFor, setComputedFor] = useState<string>();
  const [apiError, setApiError] = useState<unknown>();
  const [busy, setBusy] = useState<"compute" | "save">();
  // Bumped when a submit finds errors, so focus moves to the error summary each time.
  const [errorAttempt, setErrorAttempt] = useState(0);

  useEffect(() => {
    if (errorAttempt > 0) document.getElementById("form-errors")?.focus();
  }, [errorAttempt]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [orgs, detail] = await Promise.all([api.organisations(), editing ? api.getAllocation(editId) : Promise.resolve(undefined)]);
      if (cancelled) return;
      setOrganisations(orgs);
      if (detail) {
        setSaved(detail);
        setForm(formFromRequest(detail.request, orgs, detail.title, detail.organisationId));
        setResult(detail.result);
        setComputedFor(JSON.stringify(detail.request));
      } else {
        setForm((f) => ({ ...f, selected: recipientsOf(orgs, f.group).map((o) => o.code) }));
      }
    })().catch((e) => !cancelled && setLoadError(e));
    api
      .populationDates()
      .then((list) => {
        if (cancelled) return;
        setDates(list);
        setForm((f) => (f.populationDate || !list[0] ? f : { ...f, populationDate: list[0].date }));
      })
      .catch((e) => !cancelled && setDatesError(e));
    return () => {
      cancelled = true;
    };
  }, [editing, editId]);

  // Organisations the user may own an allocation for: editor or more, or all for administrators.
  const owners = useMemo(() => {
    if (!organisations) return [];
    if (user.isAdmin) return ownFirst(organisations, user);
    const allowed = new Set(user.roles.filter((r) => can(user, r.organisationId, "editor")).map((r) => r.organisationId));
    return ownFirst(organisations.filter((o) => allowed.has(o.id)), user);
  }, [organisations, user]);

  useEffect(() => {
    if (!editing && owners.length > 0 && !form.organisationId) {
      const preferred = ownDefault(owners, user) ?? owners[0]!;
      setForm((f) => ({ ...f, organisationId: String(preferred.id) }));
    }
  }, [owners, editing, form.organisationId, user.roles]);

  const built = useMemo(() => (organisations ? buildRequest(form, organisations) : undefined), [form, organisations]);
  const currentKey = built && "request" in built ? JSON.stringify(built.request) : undefined;
  const stale = result !== undefined && currentKey !== computedFor;

  const patch = (p: Partial<AllocationForm>) => setForm((f) => ({ ...f, ...p }));

  // A parsed preview of the total, so a typo in the unit is seen before computing.
  const totalPreview = useMemo(() => {
    if (!form.totalText.trim()) return undefined;
    const e: FieldErrors = {};
    const ore = readAmount(form.totalText, "total", "Belopp att fördela", e);
    return ore === undefined ? undefined : kr(ore);
  }, [form.totalText]);

  const validateSave = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!form.title.trim()) e.title = "Rubrik: ange en rubrik, till exempel ärendets namn.";
    if (!editing && !form.organisationId) e.organisation = "Organisation: välj vilken organisation fördelningen hör till.";
    return e;
  };

  const compute = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!built) return;
    setApiError(undefined);
    if ("errors" in built) {
      setErrors(built.errors);
      setErrorAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setBusy("compute");
    try {
      setResult(await api.preview(built.request));
      setComputedFor(JSON.stringify(built.request));
    } catch (e) {
      setApiError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (!built) return;
    setApiError(undefined);
    const all = { ...("errors" in built ? built.errors : {}), ...validateSave() };
    setErrors(all);
    if (Object.keys(all).length > 0 || "errors" in built) {
      setErrorAttempt((n) => n + 1);
      return;
    }
    setBusy("save");
    try {
      const detail = editing
        ? await api.updateAllocation(editId, saved!.revision, form.title.trim(), built.request)
        : await api.createAllocation(form.title.trim(), Number(form.organisationId), built.request);
      navigate(`/fordelningar/${detail.id}`);
    } catch (e) {
      setApiError(e);
      setBusy(undefined);
    }
  };

  const heading = editing ? "Ändra fördelning" : "Ny fördelning";
  if (loadError) {
    return (
      <>
        <h1 tabIndex={-1}>{heading}</h1>
        <ErrorAlert error={loadError} />
      </>
    );
  }
  if (!organisations || (editing && !saved)) {
    return (
      <>
        <h1 tabIndex={-1}>{heading}</h1>
        <Loading what="organisationer" />
      </>
    );
  }
  if (saved && saved.status !== "draft") {
    return (
      <>
        <h1 tabIndex={-1}>{heading}</h1>
        <p className="notice">
          Fördelningen är beslutad och kan inte ändras. Skapa en ny version från <Link href={`/fordelningar/${saved.id}`}>fördelningens sida</Link>.
        </p>
      </>
    );
  }

  const errorList = Object.entries(errors);
  const usesRecipients = form.group !== "none";
  const hasRemainder = form.freeLines.some((l) => l.method === "remainder");
  const ownerGroups = [...new Set(owners.map((o) => o.kind))];

  return (
    <>
      <h1 tabIndex={-1}>{heading}</h1>
      <p className="lead">
        Ange beloppet, välj mottagare och fördelningsnyckel och tryck på Beräkna. Alla belopp räknas exakt i öre och avrundas som du väljer;
        tabellen visar varje mottagares exakta kvot och hur avrundningen gick till.
      </p>

      {errorList.length > 0 && (
        <div className="alert" role="alert" id="form-errors" tabIndex={-1}>
          <p>Rätta följande innan du fortsätter:</p>
          <ul>
            {errorList.map(([key, message]) => {
              const target = fieldIdOf(key);
              return (
                <li key={key}>
                  {target ? (
                    <a
                      href={`#${target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(target)?.focus();
                      }}
                    >
                      {message}
                    </a>
                  ) : (
                    message
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <form className="allocation-form" onSubmit={compute} noValidate>
        <section className="card" aria-labelledby="basics-heading">
          <h2 id="basics-heading">Uppgifter</h2>
          <div className="field">
            <label htmlFor="title">Rubrik</label>
            <input
              id="title"
              value={form.title}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={describedBy(errors.title && "title-error")}
              onChange={(e) => patch({ title: e.target.value })}
            />
            {errors.title && (
              <p className="field-error" id="title-error">
                {errors.title}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="organisation">Organisation som äger fördelningen</label>
            {editing ? (
              <input id="organisation" value={saved?.organisationName ?? ""} readOnly aria-describedby="organisation-hint" />
            ) : (
              <select
                id="organisation"
                value={form.organisationId}
                aria-invalid={errors.organisation ? true : undefined}
                aria-describedby={describedBy("organisation-hint", errors.organisation && "organisation-error")}
                onChange={(e) => patch({ organisationId: e.target.value })}
              >
                {owners.length === 0 && <option value="">Du saknar behörighet att skapa fördelningar</option>}
                {ownerGroups.length > 1
                  ? ownerGroups.map((kind) => (
                      <optgroup key={kind} label={kindLabels[kind] ?? kind}>
                        {owners
                          .filter((o) => o.kind === kind)
                          .map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.name}
                            </option>
                          ))}
                      </optgroup>
                    ))
                  : owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
              </select>
            )}
            <p className="hint" id="organisation-hint">
              {editing ? "Ägaren kan inte ändras på ett sparat utkast." : "Utkastet syns bara för organisationens användare tills det fastställs."}
            </p>
            {errors.organisation && (
              <p className="field-error" id="organisation-error">
                {errors.organisation}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="total">Belopp att fördela</label>
            <input
              id="total"
              className="num amount-input"
              inputMode="decimal"
              autoComplete="off"
              value={form.totalText}
              aria-invalid={errors.total ? true : undefined}
              aria-describedby={describedBy("total-hint", errors.total && "total-error")}
              onChange={(e) => patch({ totalText: e.target.value })}
            />
            <p className="hint" id="total-hint">
              Skriv med enhet, till exempel ”62 500 000 kr”, ”11 462,5 tkr” eller ”2,5 mkr”. Utan enhet räknas kronor.
              {totalPreview && !errors.total && <span className="parsed"> Tolkas som {totalPreview}.</span>}
            </p>
            {errors.total && (
              <p className="field-error" id="total-error">
                {errors.total}
              </p>
            )}
          </div>
        </section>

        <section className="card" aria-labelledby="recipients-heading">
          <h2 id="recipients-heading">Mottagare och nyckel</h2>
          <RecipientPicker form={form} organisations={organisations} error={errors.recipients} onChange={patch} />

          {usesRecipients && (
            <fieldset className="group">
              <legend>Fördelningsnyckel</legend>
              <div className="radio-row">
                <label className="radio">
                  <input type="radio" name="key" value="population" checked={form.keyKind === "population"} onChange={() => patch({ keyKind: "population" })} />
                  Folkmängd
                </label>
                <label className="radio">
                  <input type="radio" name="key" value="equal" checked={form.keyKind === "equal"} onChange={() => patch({ keyKind: "equal" })} />
                  Lika delar
                </label>
              </div>
              {form.keyKind === "population" && (
                <>
                  <div className="field inline">
                    <label htmlFor="population-date">Folkmängd per datum</label>
                    <select
                      id="population-date"
                      value={form.populationDate}
                      aria-invalid={errors.populationDate ? true : undefined}
                      aria-describedby={describedBy("population-date-hint", errors.populationDate && "population-date-error", Boolean(datesError) && "population-date-load-error")}
                      onChange={(e) => patch({ populationDate: e.target.value })}
                    >
                      {(!dates || dates.length === 0) && <option value="">{dates ? "Ingen folkmängd är inläst" : "Hämtar datum…"}</option>}
                      {form.populationDate && dates && !dates.some((d) => d.date === form.populationDate) && (
                        <option value={form.populationDate}>{form.populationDate}</option>
                      )}
                      {dates?.map((d) => (
                        <option key={d.date} value={d.date}>
                          {populationDateLabel(d)}
                        </option>
                      ))}
                    </select>
                    <p className="hint" id="population-date-hint">
                      Folkmängd enligt SCB på valt datum. Ett ofullständigt datum räcker för de områden det har siffror för; saknas någon mottagares siffra
                      säger beräkningen vilka.
                    </p>
                    {errors.populationDate && (
                      <p className="field-error" id="population-date-error">
                        {errors.populationDate}
                      </p>
                    )}
                    {Boolean(datesError) && (
                      <p className="field-error" id="population-date-load-error">
                        Kunde inte hämta datum för folkmängd: {datesError instanceof ApiError ? datesError.message : String(datesError)}
                      </p>
                    )}
                  </div>
                  {form.group === "cooperation_region" && (
                    <fieldset className="group nested">
                      <legend>Område för samverkansregionerna</legend>
                      <label className="radio block">
                        <input type="radio" name="basis" value="membership" checked={form.basis === "membership"} onChange={() => patch({ basis: "membership" })} />
                        Kommuner enligt sjukvårdsregionindelningen (södra Halland till Södra, övriga Halland till Västra)
                      </label>
                      <label className="radio block">
                        <input type="radio" name="basis" value="whole_regions" checked={form.basis === "whole_regions"} onChange={() => patch({ basis: "whole_regions" })} />
                        Hela medlemsregioner (hela Halland räknas i båda)
                      </label>
                    </fieldset>
                  )}
                </>
              )}
            </fieldset>
          )}
        </section>

        <section className="card" aria-labelledby="lines-heading">
          <h2 id="lines-heading">Fria rader</h2>
          <FreeLinesEditor lines={form.freeLines} errors={errors} onChange={(freeLines) => patch({ freeLines })} />
          {usesRecipients && hasRemainder && (
            <div className="field">
              <label htmlFor="pool">Belopp till mottagarna</label>
              <input
                id="pool"
                className="num amount-input"
                inputMode="decimal"
                value={form.poolText}
                aria-invalid={errors.pool ? true : undefined}
                aria-describedby={describedBy("pool-hint", errors.pool && "pool-error")}
                onChange={(e) => patch({ poolText: e.target.value })}
              />
              <p className="hint" id="pool-hint">
                Det belopp som mottagarna ovan delar på när en rad tar resten.
              </p>
              {errors.pool && (
                <p className="field-error" id="pool-error">
                  {errors.pool}
                </p>
              )}
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="rounding-heading">
          <h2 id="rounding-heading">Avrundning</h2>
          <div className="field-row">
            <RoundingUnitField id="unit" unit={form.unit} onChange={(unit) => patch({ unit })} />
            <div className="field">
              <label htmlFor="rounding">Sätt att avrunda</label>
              <select id="rounding" value={form.rounding} aria-describedby="rounding-hint" onChange={(e) => patch({ rounding: e.target.value as AllocationForm["rounding"] })}>
                {roundingModes.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="hint" id="rounding-hint">
            Fast total ger exakt det angivna beloppet, på ett av två sätt: största rest (andelarna avrundas nedåt och de med störst rest får en enhet extra)
            eller närmaste enhet med differensen på största andelen (så räknar Regeringskansliet, t.ex. bilaga 1 till S2023/00488). Att avrunda varje andel
            kan ge en summa som avviker från beloppet; tabellen visar då hur mycket.
          </p>
        </section>

        <div className="actions sticky-actions">
          <button type="submit" className="button-primary" disabled={busy !== undefined}>
            {busy === "compute" ? "Beräknar…" : "Beräkna"}
          </button>
          <button type="button" className="button-secondary" onClick={() => void save()} disabled={busy !== undefined || owners.length === 0}>
            {busy === "save" ? "Sparar…" : editing ? "Spara ändringar" : "Spara"}
          </button>
          {editing && <Link href={`/fordelningar/${editId}`}>Avbryt</Link>}
        </div>
      </form>

      <StaleRevisionAlert
        error={apiError}
        load={() => api.getAllocation(editId!)}
        onReloaded={setSaved}
        renderSaved={(current) => <ResultTable result={current.result} caption={`Sparad version: ${current.title}`} />}
        onUseSaved={(current) => {
          setForm(formFromRequest(current.request, organisations, current.title, current.organisationId));
          setResult(current.result);
          setComputedFor(JSON.stringify(current.request));
          setApiError(undefined);
        }}
      />

      <section className="result-section" aria-labelledby="result-heading">
        <h2 id="result-heading">Resultat</h2>
        <p className="visually-hidden" aria-live="polite">
          {result && !stale ? `Beräknat: ${result.shares.length} rader. ${sumCheck(result).text}` : ""}
        </p>
        {!result && <p className="muted">Tryck på Beräkna för att se fördelningen.</p>}
        {result && stale && (
          <p className="notice">
            Uppgifterna har ändrats sedan beräkningen. Tryck på Beräkna igen för att se den nya fördelningen.
          </p>
        )}
        {result && <ResultTable result={result} caption={form.title.trim() ? `Fördelning: ${form.title.trim()}` : "Beräknad fördelning"} />}
      </section>
    </>
  );
}
