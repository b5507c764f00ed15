import { useEffect, useState } from "react";
import type { User } from "../../api/types";
import { Loading } from "../../components/ErrorAlert";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { usePageTitle } from "../../router";
import { can } from "../../session";
import { nhvOutcomeLabels, nhvOutcomes, type NhvOutcome, type Registers } from "../../../core/followup/registers";
import { followupApi } from "./api";
import { AssignmentTable, PermitTable } from "./RegisterTables";
import { checkAssignmentForm, checkPermitForm, emptyAssignmentForm, emptyPermitForm, type AssignmentForm, type FormErrors, type PermitForm } from "./register-forms";
import { ScopePicker, useScope } from "./scope";
import { FollowupPage, ScopeState } from "./ui";

/** The registers the annual report prints besides its money: NHV permits and staff assignments. */
export function RegistersPage({ user }: { user: User }) {
  usePageTitle("Register för årsredovisningen");
  const scope = useScope(user);
  const org = scope.organisationId;
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [registers, setRegisters] = useState<Registers>();
  const [error, setError] = useState<unknown>();
  const validYear = /^\d{4}$/.test(year) ? Number(year) : undefined;

  const [attempt, setAttempt] = useState(0);
  // Only the answer for the year and organisation now chosen is shown: the first year's answer can
  // arrive after the one the user typed, and would otherwise overwrite it.
  useEffect(() => {
    if (org === undefined || validYear === undefined) return;
    let live = true;
    setError(undefined);
    setRegisters(undefined);
    followupApi.registers(org, validYear).then(
      (r) => live && setRegisters(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [org, validYear, attempt]);
  const load = () => setAttempt((n) => n + 1);

  const editable = org !== undefined && can(user, org, "editor");
  return (
    <FollowupPage title="Register för årsredovisningen" lead="NHV-tillstånd och uppdrag med andel av heltid, som årsredovisningen redovisar bredvid ekonomin.">
      <ScopePicker scope={scope} withYear={false} />
      <div className="field">
        <label htmlFor="register-year">År</label>
        <input id="register-year" className="fu-narrow-input" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} aria-describedby={validYear === undefined ? "register-year-error" : undefined} />
        {validYear === undefined && (
          <p className="field-error" id="register-year-error">
            Skriv året med fyra siffror, till exempel 2023.
          </p>
        )}
      </div>
      {org === undefined ? (
        <ScopeState scope={scope} what="registren" />
      ) : !registers || validYear === undefined ? (
        error ? <SaveErrorAlert error={error} onReload={load} /> : <Loading what="registren" />
      ) : (
        <>
          <PermitSection organisationId={org} year={validYear} registers={registers} editable={editable} onSaved={setRegisters} />
          <AssignmentSection organisationId={org} year={validYear} registers={registers} editable={editable} onSaved={setRegisters} />
        </>
      )}
    </FollowupPage>
  );
}

interface SectionProps {
  organisationId: number;
  year: number;
  registers: Registers;
  editable: boolean;
  onSaved(r: Registers): void;
}

const reload = (props: SectionProps) => () => void followupApi.registers(props.organisationId, props.year).then(props.onSaved);

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

const described = (id: string, message?: string) => (message ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {});

function PermitSection(props: SectionProps) {
  const { organisationId, year, registers, editable, onSaved } = props;
  const [editing, setEditing] = useState<{ id?: number; revision: number }>({ revision: 0 });
  const [form, setForm] = useState<PermitForm>(emptyPermitForm());
  const [errors, setErrors] = useState<FormErrors<PermitForm>>({});
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<PermitForm>) => setForm((f) => ({ ...f, ...patch }));

  const edit = (id: number) => {
    const p = registers.permits.find((x) => x.id === id)!;
    setEditing({ id, revision: p.revision });
    setForm({ careArea: p.careArea, applicationPhase: p.applicationPhase, outcome: p.outcome, startDate: p.startDate ?? "", principal: p.principal });
    setErrors({});
    setError(undefined);
  };
  const reset = () => {
    setEditing({ revision: 0 });
    setForm(emptyPermitForm());
    setErrors({});
  };
  async function save() {
    const checked = checkPermitForm(form);
    if ("errors" in checked) return setErrors(checked.errors);
    setErrors({});
    setError(undefined);
    try {
      onSaved(await followupApi.savePermit({ organisationId, year, ...(editing.id ? { id: editing.id } : {}), revision: editing.revision, row: checked.row }));
      reset();
    } catch (e) {
      setError(e);
    }
  }
  async function remove(id: number) {
    const p = registers.permits.find((x) => x.id === id)!;
    setError(undefined);
    try {
      await followupApi.deletePermit({ organisationId, id, revision: p.revision });
      reload(props)();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card" aria-labelledby="permits-heading">
      <h2 id="permits-heading">NHV-tillstånd</h2>
      <PermitTable
        registers={registers}
        year={year}
        actions={
          editable
            ? (id) => (
                <>
                  <button type="button" className="button-quiet fu-small" onClick={() => edit(id)} aria-label={`Ändra ${registers.permits.find((p) => p.id === id)!.careArea}`}>
                    Ändra
                  </button>{" "}
                  <button type="button" className="button-quiet fu-small" onClick={() => void remove(id)} aria-label={`Ta bort ${registers.permits.find((p) => p.id === id)!.careArea}`}>
                    Ta bort
                  </button>
                </>
              )
            : undefined
        }
      />
      <SaveErrorAlert error={error} onReload={reload(props)} />
      {editable && (
        <fieldset className="group fu-spaced">
          <legend>{editing.id ? `Ändra ${form.careArea}` : "Nytt tillstånd"}</legend>
          <div className="fu-inline-form">
            <div className="field">
              <label htmlFor="permit-area">Vårdområde</label>
              <input id="permit-area" value={form.careArea} onChange={(e) => set({ careArea: e.target.value })} {...described("permit-area", errors.careArea)} />
              <FieldError id="permit-area" message={errors.careArea} />
            </div>
            <div className="field">
              <label htmlFor="permit-phase">SoS ansökningsfas (datum)</label>
              <input id="permit-phase" className="fu-narrow-input" placeholder="ÅÅÅÅ-MM-DD" value={form.applicationPhase} onChange={(e) => set({ applicationPhase: e.target.value })} {...described("permit-phase", errors.applicationPhase)} />
              <FieldError id="permit-phase" message={errors.applicationPhase} />
            </div>
            <div className="field">
              <label htmlFor="permit-outcome">Tillstånd</label>
              <select id="permit-outcome" value={form.outcome} onChange={(e) => set({ outcome: e.target.value as NhvOutcome })}>
                {nhvOutcomes.map((o) => (
                  <option key={o} value={o}>
                    {nhvOutcomeLabels[o]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="permit-start">Start (valfri)</label>
              <input id="permit-start" className="fu-narrow-input" placeholder="ÅÅÅÅ-MM-DD" value={form.startDate} onChange={(e) => set({ startDate: e.target.value })} {...described("permit-start", errors.startDate)} />
              <FieldError id="permit-start" message={errors.startDate} />
            </div>
            <div className="field">
              <label htmlFor="permit-principal">Huvudansvar</label>
              <input id="permit-principal" className="fu-narrow-input" value={form.principal} onChange={(e) => set({ principal: e.target.value })} {...described("permit-principal", errors.principal)} />
              <FieldError id="permit-principal" message={errors.principal} />
            </div>
          </div>
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void save()}>
              {editing.id ? "Spara ändringen" : "Lägg till tillståndet"}
            </button>
            {editing.id && (
              <button type="button" className="button-secondary" onClick={reset}>
                Avbryt
              </button>
            )}
          </div>
        </fieldset>
      )}
    </section>
  );
}

function AssignmentSection(props: SectionProps) {
  const { organisationId, year, registers, editable, onSaved } = props;
  const [editing, setEditing] = useState<{ id?: number; revision: number }>({ revision: 0 });
  const [form, setForm] = useState<AssignmentForm>(emptyAssignmentForm());
  const [errors, setErrors] = useState<FormErrors<AssignmentForm>>({});
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<AssignmentForm>) => setForm((f) => ({ ...f, ...patch }));

  const edit = (id: number) => {
    const a = registers.assignments.find((x) => x.id === id)!;
    setEditing({ id, revision: a.revision });
    setForm({ unit: a.unit, role: a.role, percent: String(a.percent), note: a.note ?? "" });
    setErrors({});
    setError(undefined);
  };
  const reset = () => {
    setEditing({ revision: 0 });
    setForm((f) => ({ ...emptyAssignmentForm(), unit: f.unit }));
    setErrors({});
  };
  async function save() {
    const checked = checkAssignmentForm(form);
    if ("errors" in checked) return setErrors(checked.errors);
    setErrors({});
    setError(undefined);
    try {
      onSaved(await followupApi.saveAssignment({ organisationId, year, ...(editing.id ? { id: editing.id } : {}), revision: editing.revision, row: checked.row }));
      reset();
    } catch (e) {
      setError(e);
    }
  }
  async function remove(id: number) {
    const a = registers.assignments.find((x) => x.id === id)!;
    setError(undefined);
    try {
      await followupApi.deleteAssignment({ organisationId, id, revision: a.revision });
      reload(props)();
    } catch (e) {
      setError(e);
    }
  }
  const roleOf = (id: number) => registers.assignments.find((a) => a.id === id)!.role;

  return (
    <section className="card" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Uppdrag och andel av heltid</h2>
      <AssignmentTable
        registers={registers}
        year={year}
        actions={
          editable
            ? (id) => (
                <>
                  <button type="button" className="button-quiet fu-small" onClick={() => edit(id)} aria-label={`Ändra ${roleOf(id)}`}>
                    Ändra
                  </button>{" "}
                  <button type="button" className="button-quiet fu-small" onClick={() => void remove(id)} aria-label={`Ta bort ${roleOf(id)}`}>
                    Ta bort
                  </button>
                </>
              )
            : undefined
        }
      />
      <SaveErrorAlert error={error} onReload={reload(props)} />
      {editable && (
        <fieldset className="group fu-spaced">
          <legend>{editing.id ? `Ändra ${form.role}` : "Nytt uppdrag"}</legend>
          <div className="fu-inline-form">
            <div className="field">
              <label htmlFor="assignment-unit">Enhet</label>
              <input id="assignment-unit" value={form.unit} onChange={(e) => set({ unit: e.target.value })} {...described("assignment-unit", errors.unit)} />
              <FieldError id="assignment-unit" message={errors.unit} />
            </div>
            <div className="field">
              <label htmlFor="assignment-role">Uppdrag</label>
              <input id="assignment-role" value={form.role} onChange={(e) => set({ role: e.target.value })} {...described("assignment-role", errors.role)} />
              <FieldError id="assignment-role" message={errors.role} />
            </div>
            <div className="field">
              <label htmlFor="assignment-percent">Andel av heltid (%)</label>
              <input id="assignment-percent" className="fu-narrow-input" inputMode="numeric" value={form.percent} onChange={(e) => set({ percent: e.target.value })} {...described("assignment-percent", errors.percent)} />
              <FieldError id="assignment-percent" message={errors.percent} />
            </div>
            <div className="field">
              <label htmlFor="assignment-note">Anmärkning (valfri)</label>
              <input id="assignment-note" value={form.note} onChange={(e) => set({ note: e.target.value })} />
            </div>
          </div>
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void save()}>
              {editing.id ? "Spara ändringen" : "Lägg till uppdraget"}
            </button>
            {editing.id && (
              <button type="button" className="button-secondary" onClick={reset}>
                Avbryt
              </button>
            )}
          </div>
        </fieldset>
      )}
    </section>
  );
}
