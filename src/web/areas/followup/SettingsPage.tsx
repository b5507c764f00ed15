import { useEffect, useMemo, useState } from "react";
import type { User } from "../../api/types";
import { Loading } from "../../components/ErrorAlert";
import { StaleRevisionAlert } from "../../components/StaleRevisionAlert";
import { usePageTitle } from "../../router";
import { useFetched } from "../../use-fetched";
import { can } from "../../session";
import { followupApi } from "./api";
import { AccountSuggestionCard } from "./AccountSuggestionCard";
import { checkClassRows, CLASS_LABELS, rowFromOverride, type ClassErrors, type ClassRow } from "./class-form";
import { grantLabel, grantOptions, linkedGrantName, type GrantOption } from "./grant-choice";
import { ScopePicker, useScope } from "./scope";
import type { AccountClass, Chart, ObjectLink, StoredObjectLink } from "./types";
import { FollowupPage, ScopeState } from "./ui";

const CLASSES = Object.keys(CLASS_LABELS) as AccountClass[];

export function SettingsPage({ user }: { user: User }) {
  usePageTitle("Inställningar för uppföljning");
  const scope = useScope(user);
  const org = scope.organisationId;
  const [accepted, setAccepted] = useState(0);
  return (
    <FollowupPage title="Inställningar för uppföljning" lead="Hur konton räknas i rapporterna och vilka redovisningsobjekt som hör till statsbidrag och budgetrader.">
      <ScopePicker scope={scope} withYear={false} />
      {org === undefined ? (
        <ScopeState scope={scope} what="inställningarna" />
      ) : (
        <>
          <AccountSuggestionCard organisationId={org} editable={can(user, org, "editor")} onAccepted={() => setAccepted((n) => n + 1)} />
          <AccountClasses key={accepted} organisationId={org} editable={can(user, org, "editor")} />
          <ObjectLinks organisationId={org} editable={can(user, org, "editor")} />
        </>
      )}
    </FollowupPage>
  );
}

function AccountClasses({ organisationId, editable }: { organisationId: number; editable: boolean }) {
  const [rows, setRows] = useState<ClassRow[]>();
  const [errors, setErrors] = useState<ClassErrors>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    setRows(undefined);
    let live = true;
    followupApi.accountClasses(organisationId).then(
      (set) => {
        if (!live) return;
        setRows(set.overrides.map(rowFromOverride));
        setRevision(set.revision);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [organisationId]);

  const update = (i: number, patch: Partial<ClassRow>) => {
    setSaved(false);
    setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  async function save() {
    if (!rows) return;
    const checked = checkClassRows(rows);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setError(undefined);
    try {
      const stored = await followupApi.saveAccountClasses(organisationId, checked.overrides, revision);
      setRows(stored.overrides.map(rowFromOverride));
      setRevision(stored.revision);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  const messages = Object.values(errors).flatMap((e) => Object.values(e));
  const cellError = (i: number, field: "from" | "to" | "jointFinancing") => errors[i]?.[field];
  const described = (i: number, field: "from" | "to" | "jointFinancing") => (cellError(i, field) ? { "aria-invalid": true, "aria-describedby": `class-${i}-${field}-error` } : {});
  return (
    <section className="card" aria-labelledby="classes-heading">
      <h2 id="classes-heading">Kontoklasser</h2>
      <p className="hint">
        Utan egna intervall gäller BAS: 3 intäkter, 70–76 personal, 4–6 och 77–79 övriga verksamhetskostnader, 8 finansiella poster, 1–2 balanskonton. Det snävaste intervallet som
        täcker ett konto gäller. Markera intäktskonton för solidarisk finansiering så att projektredovisningen visar dem i en egen kolumn.
      </p>
      {messages.length > 0 && (
        <div className="alert" role="alert">
          <p>Kontoklasserna kan inte sparas:</p>
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <StaleRevisionAlert
        error={error}
        load={() => followupApi.accountClasses(organisationId)}
        onReloaded={(set) => setRevision(set.revision)}
        renderSaved={(set) => (
          <p>
            Sparade intervall:{" "}
            {set.overrides.length === 0 ? "inga (BAS gäller)" : set.overrides.map((o) => `${o.from}–${o.to} ${CLASS_LABELS[o.class].toLowerCase()}${o.jointFinancing ? " (solidarisk finansiering)" : ""}`).join("; ")}.
          </p>
        )}
        onUseSaved={(set) => {
          setRows(set.overrides.map(rowFromOverride));
          setError(undefined);
        }}
      />
      {!rows ? (
        <Loading what="kontoklasserna" />
      ) : (
        <>
          <div className="table-wrap">
            <table className="data" id="class-table">
              <caption>Organisationens egna kontointervall ({rows.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Från konto</th>
                  <th scope="col">Till konto</th>
                  <th scope="col">Klass</th>
                  <th scope="col">Solidarisk finansiering</th>
                  <th scope="col">
                    <span className="visually-hidden">Ta bort</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={5}>Inga egna intervall: BAS gäller för alla konton.</td>
                  </tr>
                )}
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td>
                      <input className="fu-narrow-input" aria-label={`Från konto, rad ${i + 1}`} value={r.from} disabled={!editable} onChange={(e) => update(i, { from: e.target.value })} {...described(i, "from")} />
                      {cellError(i, "from") && (
                        <p className="field-error" id={`class-${i}-from-error`}>
                          {cellError(i, "from")}
                        </p>
                      )}
                    </td>
                    <td>
                      <input className="fu-narrow-input" aria-label={`Till konto, rad ${i + 1}`} value={r.to} disabled={!editable} onChange={(e) => update(i, { to: e.target.value })} {...described(i, "to")} />
                      {cellError(i, "to") && (
                        <p className="field-error" id={`class-${i}-to-error`}>
                          {cellError(i, "to")}
                        </p>
                      )}
                    </td>
                    <td>
                      <select aria-label={`Klass, rad ${i + 1}`} value={r.class} disabled={!editable} onChange={(e) => update(i, { class: e.target.value as AccountClass })}>
                        {CLASSES.map((c) => (
                          <option key={c} value={c}>
                            {CLASS_LABELS[c]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <label className="check-label">
                        <input type="checkbox" checked={r.jointFinancing} disabled={!editable} onChange={(e) => update(i, { jointFinancing: e.target.checked })} {...described(i, "jointFinancing")} />
                        <span className="visually-hidden">Rad {i + 1}: </span>solidarisk finansiering
                      </label>
                      {cellError(i, "jointFinancing") && (
                        <p className="field-error" id={`class-${i}-jointFinancing-error`}>
                          {cellError(i, "jointFinancing")}
                        </p>
                      )}
                    </td>
                    <td>
                      {editable && (
                        <button type="button" className="button-quiet" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Ta bort rad ${i + 1}`}>
                          Ta bort
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editable && (
            <div className="actions">
              <button type="button" className="button-secondary" onClick={() => setRows([...rows, { from: "", to: "", class: "income", jointFinancing: false }])}>
                Lägg till intervall
              </button>
              <button type="button" className="button-primary" onClick={() => void save()}>
                Spara kontoklasserna
              </button>
              {saved && (
                <span className="parsed" role="status">
                  Sparat.
                </span>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function ObjectLinks({ organisationId, editable }: { organisationId: number; editable: boolean }) {
  const [links, setLinks] = useState<StoredObjectLink[]>();
  const [chart, setChart] = useState<Chart>();
  // The grants the user can see, to choose by name; without them a link has no grant. They do not
  // depend on the organisation, so they are fetched once.
  const { value: grantList, error: grantsError } = useFetched(() => followupApi.grants(), []);
  const grants: GrantOption[] = useMemo(() => (grantList ? grantOptions(grantList) : []), [grantList]);
  const [draft, setDraft] = useState({ dimension: "6", code: "", grantId: "", budgetLine: "", label: "" });
  const [fieldErrors, setFieldErrors] = useState<{ code?: string }>({});
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setLinks(undefined);
    let live = true;
    Promise.all([followupApi.objectLinks(organisationId), followupApi.chart(organisationId)]).then(
      ([l, c]) => {
        if (!live) return;
        setLinks(l);
        setChart(c);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [organisationId]);

  async function save() {
    const errs: typeof fieldErrors = {};
    if (!draft.code.trim()) errs.code = "Ange objektets kod, till exempel projektnumret.";
    setFieldErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setError(undefined);
    try {
      const link: ObjectLink = {
        dimension: Number(draft.dimension),
        code: draft.code.trim(),
        grantId: draft.grantId ? Number(draft.grantId) : null,
        budgetLine: draft.budgetLine.trim() || null,
        label: draft.label.trim() || null,
      };
      // A change of an existing link is based on its revision as listed; a new object's is 0.
      const current = links?.find((l) => l.dimension === link.dimension && l.code === link.code);
      setLinks(await followupApi.saveObjectLink(organisationId, link, current?.revision ?? 0));
      setDraft({ ...draft, code: "", grantId: "", budgetLine: "", label: "" });
    } catch (e) {
      setError(e);
    }
  }

  const dims = chart?.dimensions.length ? chart.dimensions : [{ dimension: 1, name: "Kostnadsställe", parent: null }, { dimension: 6, name: "Projekt", parent: null }];
  const dimName = (d: number) => dims.find((x) => x.dimension === d)?.name ?? `Dimension ${d}`;
  const objects = chart?.objects.filter((o) => o.dimension === Number(draft.dimension)) ?? [];
  const err = (id: string, m: string | undefined) =>
    m ? (
      <p className="field-error" id={`${id}-error`}>
        {m}
      </p>
    ) : null;
  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">Objekt kopplade till statsbidrag och budgetrader</h2>
      <p className="hint">Kostnader på ett kopplat objekt räknas som statsbidragets förbrukning och som utfall på budgetraden.</p>
      {/* The reloaded list carries the link's new revision; the draft below stays as typed. */}
      <StaleRevisionAlert error={error ?? grantsError} load={() => followupApi.objectLinks(organisationId)} onReloaded={setLinks} />
      {!links ? (
        <Loading what="kopplingarna" />
      ) : (
        <div className="table-wrap">
          <table className="data" id="links-table">
            <caption>Kopplingar ({links.length})</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Objekt</th>
                <th scope="col">Statsbidrag</th>
                <th scope="col">Budgetrad</th>
                <th scope="col">Benämning</th>
              </tr>
            </thead>
            <tbody>
              {links.length === 0 && (
                <tr>
                  <td colSpan={5}>Inga kopplingar ännu.</td>
                </tr>
              )}
              {links.map((l) => (
                <tr key={`${l.dimension}-${l.code}`}>
                  <td>{dimName(l.dimension)}</td>
                  <th scope="row">{l.code}</th>
                  <td>{linkedGrantName(l.grantId, grants)}</td>
                  <td>{l.budgetLine ?? "–"}</td>
                  <td>{l.label ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <fieldset className="group fu-spaced">
          <legend>Ny eller ändrad koppling</legend>
          <div className="fu-inline-form">
            <div className="field">
              <label htmlFor="link-dimension">Dimension</label>
              <select id="link-dimension" value={draft.dimension} onChange={(e) => setDraft({ ...draft, dimension: e.target.value })}>
                {dims.map((d) => (
                  <option key={d.dimension} value={d.dimension}>
                    {d.dimension} {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="link-code">Objekt</label>
              <input
                id="link-code"
                list="link-objects"
                className="fu-narrow-input"
                value={draft.code}
                onChange={(e) => setDraft({ ...draft, code: e.target.value })}
                aria-invalid={fieldErrors.code ? true : undefined}
                aria-describedby={fieldErrors.code ? "link-code-error" : undefined}
              />
              <datalist id="link-objects">
                {objects.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </datalist>
              {err("link-code", fieldErrors.code)}
            </div>
            <div className="field">
              <label htmlFor="link-grant">Statsbidrag (valfritt)</label>
              <select id="link-grant" value={draft.grantId} onChange={(e) => setDraft({ ...draft, grantId: e.target.value })}>
                <option value="">Inget statsbidrag</option>
                {grants.map((g) => (
                  <option key={g.id} value={String(g.id)}>
                    {grantLabel(g)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="link-budget">Budgetrad (valfri)</label>
              <input id="link-budget" value={draft.budgetLine} onChange={(e) => setDraft({ ...draft, budgetLine: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="link-label">Benämning (valfri)</label>
              <input id="link-label" value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
            </div>
          </div>
          <button type="button" className="button-primary" onClick={() => void save()}>
            Spara kopplingen
          </button>
        </fieldset>
      )}
    </section>
  );
}
