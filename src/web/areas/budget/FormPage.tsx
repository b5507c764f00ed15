import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, type PopulationDate } from "../../api/client";
import type { Organisation } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { StaleRevisionAlert } from "../../components/StaleRevisionAlert";
import { Link, navigate, usePageTitle } from "../../router";
import { can, useSession } from "../../session";
import { budgetApi, type DocDetail, type IndexSeriesSummary, type Kind, type SpecOf } from "./api";
import type { FieldErrors } from "./amounts";
import { editorOf } from "./editors";
import type { KindInfo } from "./kinds";
import { MetadataEditor } from "./editors/MetadataEditor";
import { ResultView } from "./ResultView";
import { buildMetadata, metaFormFrom, type MetaForm } from "./metadata-form";
import { ErrorSummary, TextField } from "./ui";
import "./budget.css";
import { ownDefault, ownFirst } from "../../own-organisation";

interface Loaded {
  organisations: Organisation[];
  populationDates: PopulationDate[];
  series: IndexSeriesSummary[];
  saved?: DocDetail;
}

/** New or changed budget document of any kind, checked on the server as the user types. */
export function FormPage({ info, editId }: { info: KindInfo; editId?: number }) {
  const editing = editId !== undefined;
  const heading = editing ? `Ändra ${info.singular.toLowerCase()}` : info.newLabel;
  usePageTitle(heading);
  const { user } = useSession();
  const module = editorOf(info.kind);
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<unknown>();
  const [title, setTitle] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [organisationId, setOrganisationId] = useState("");
  const [meta, setMeta] = useState<MetaForm>(() => metaFormFrom());
  const [form, setForm] = useState<unknown>(() => module.empty(new Date().getFullYear() + 1));
  const [attempted, setAttempted] = useState(false);
  const [checked, setChecked] = useState<{ spec: unknown; result: unknown }>();
  const [checkError, setCheckError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [errorAttempt, setErrorAttempt] = useState(0);

  const fillFrom = useCallback(
    (saved: DocDetail) => {
      setTitle(saved.title);
      setYear(String(saved.year));
      setMeta(metaFormFrom(saved.metadata));
      setForm(module.fromDoc(saved));
    },
    [module],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.organisations(), api.populationDates().catch(() => []), budgetApi.indexSeries().catch(() => []), editing ? budgetApi.get(info.apiPath, editId) : undefined])
      .then(([organisations, dates, series, saved]) => {
        if (cancelled) return;
        setLoaded({ organisations, populationDates: dates, series, saved });
        if (saved) fillFrom(saved);
      })
      .catch((e) => !cancelled && setLoadError(e));
    return () => {
      cancelled = true;
    };
  }, [editing, editId, info.apiPath, fillFrom]);

  const owners = useMemo(() => (loaded ? ownFirst(loaded.organisations.filter((o) => user.isAdmin || can(user, o.id, "editor")), user) : []), [loaded, user]);
  useEffect(() => {
    if (!organisationId && owners[0]) setOrganisationId(String((ownDefault(owners, user) ?? owners[0]).id));
  }, [owners, organisationId, user.roles]);

  const live = useMemo(() => (loaded ? module.live(form, loaded.organisations) : { errors: {} }), [module, form, loaded]);
  const liveKey = live.spec === undefined ? undefined : JSON.stringify(live.spec);

  // The running check: debounced, and only the answer to the latest request is kept.
  const sequence = useRef(0);
  useEffect(() => {
    if (liveKey === undefined) return;
    const mine = ++sequence.current;
    const timer = window.setTimeout(() => {
      const spec = JSON.parse(liveKey) as SpecOf[Kind];
      budgetApi
        .check(info.apiPath, spec)
        .then((r) => mine === sequence.current && (setChecked({ spec, result: r.result }), setCheckError(undefined)))
        .catch((e) => mine === sequence.current && (setChecked(undefined), setCheckError(e)));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [liveKey, info.apiPath]);

  const validate = (): { errors: FieldErrors; spec?: unknown } => {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = "Rubrik: ange en rubrik, till exempel ärendets namn.";
    if (!/^\d{4}$/.test(year.trim())) errors.year = "År: ange budgetåret med fyra siffror, till exempel 2025.";
    if (!editing && !organisationId) errors.organisation = "Organisation: välj vilken organisation dokumentet hör till.";
    const built = loaded ? module.save(form, loaded.organisations) : { errors: {} };
    return { errors: { ...errors, ...built.errors, ...buildMetadata(meta).errors }, spec: built.spec };
  };
  const shownErrors: FieldErrors = attempted ? validate().errors : info.kind === "frame_change" ? live.errors : {};

  useEffect(() => {
    if (errorAttempt > 0) document.getElementById("form-errors")?.focus();
  }, [errorAttempt]);

  const save = async () => {
    setAttempted(true);
    setSaveError(undefined);
    const { errors, spec } = validate();
    if (Object.keys(errors).length > 0 || spec === undefined) {
      setErrorAttempt((n) => n + 1);
      return;
    }
    const metadata = buildMetadata(meta).metadata;
    if (!metadata.displayUnit) metadata.displayUnit = module.unit(form);
    const body = { title: title.trim(), year: Number(year), spec: spec as SpecOf[Kind], metadata };
    setBusy(true);
    try {
      const doc = editing ? await budgetApi.update(info.apiPath, editId, loaded!.saved!.revision, body) : await budgetApi.create(info.apiPath, Number(organisationId), body);
      navigate(`/budget/${info.slug}/${doc.id}`);
    } catch (e) {
      setSaveError(e);
      setBusy(false);
    }
  };

  if (loadError || !loaded) {
    return (
      <>
        <h1 tabIndex={-1}>{heading}</h1>
        {loadError ? <ErrorAlert error={loadError} /> : <Loading what="formuläret" />}
      </>
    );
  }
  if (loaded.saved && loaded.saved.status === "decided") {
    return (
      <>
        <h1 tabIndex={-1}>{heading}</h1>
        <p className="notice">
          Dokumentet är beslutat och kan inte ändras. Skapa en ny version från <Link href={`/budget/${info.slug}/${loaded.saved.id}`}>dokumentets sida</Link>.
        </p>
      </>
    );
  }
  const Editor = module.Editor;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/budget">Budget</Link> › {info.plural}
      </p>
      <h1 tabIndex={-1}>{heading}</h1>
      <p className="lead">{info.intro} Resultatet räknas om medan du skriver.</p>
      {attempted && <ErrorSummary errors={shownErrors} />}
      <form
        className="budget-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <section className="card" aria-labelledby="basics-heading">
          <h2 id="basics-heading">Uppgifter</h2>
          <TextField id="title" label="Rubrik" value={title} onChange={setTitle} errors={shownErrors} />
          <div className="field-row">
            {editing ? (
              <TextField id="organisation" label="Organisation" value={loaded.saved?.organisationName ?? ""} onChange={() => {}} errors={{}} hint="Ägaren kan inte ändras på ett sparat förslag." />
            ) : (
              <div className="field">
                <label htmlFor="organisation">Organisation</label>
                <select id="organisation" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} aria-invalid={shownErrors.organisation ? true : undefined}>
                  {owners.length === 0 && <option value="">Du saknar behörighet att skapa dokument</option>}
                  {owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <TextField id="year" label="År" value={year} onChange={setYear} errors={shownErrors} inputClass="num short-input" />
          </div>
        </section>
        <Editor form={form} onChange={setForm} errors={shownErrors} organisations={loaded.organisations} populationDates={loaded.populationDates} series={loaded.series} checked={checked?.result} />
        <MetadataEditor meta={meta} onChange={setMeta} errors={shownErrors} />
        <StaleRevisionAlert
          error={saveError}
          load={() => budgetApi.get(info.apiPath, editId!)}
          onReloaded={(current) => setLoaded((l) => (l ? { ...l, saved: current } : l))}
          renderSaved={(current) => <ResultView kind={info.kind} spec={current.spec} result={current.result} unit={module.unit(form)} />}
          onUseSaved={(current) => {
            fillFrom(current);
            setSaveError(undefined);
          }}
        />
        <div className="actions sticky-actions">
          <button type="submit" className="button-primary" disabled={busy || (!editing && owners.length === 0)}>
            {busy ? "Sparar…" : editing ? "Spara ändringar" : "Spara förslag"}
          </button>
          <Link href={editing ? `/budget/${info.slug}/${editId}` : "/budget"}>Avbryt</Link>
        </div>
      </form>
      <section className="result-section" aria-labelledby="check-heading">
        <h2 id="check-heading">Kontroll</h2>
        {checkError ? <ErrorAlert error={checkError} /> : null}
        {!checked && !checkError && <p className="muted">Resultatet visas här när uppgifterna räcker för en beräkning.</p>}
        {checked && live.spec === undefined && <p className="notice">Uppgifterna är ofullständiga just nu; resultatet nedan gäller den senaste fullständiga beräkningen.</p>}
        {checked && <ResultView kind={info.kind} spec={checked.spec} result={checked.result} unit={module.unit(form)} />}
      </section>
    </>
  );
}
