import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import type { Organisation, Role } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { usePageTitle } from "../../router";
import { operatorNames, ruleOperators, type RuleOperator } from "../../../core/sso/claim-rules";
import { ssoRulesApi, type SsoRule } from "./api";
import { RoleSelect, roleName } from "./RoleSelect";

const describeRule = (r: SsoRule) => `${r.claim} ${operatorNames[r.operator]} "${r.value}"`;

/**
 * The rules that give users signed in through the identity provider an organisation and a role
 * (system administrators only): tried from the top, the first that matches decides; a user no
 * rule matches is refused.
 */
export function SsoRulesPage() {
  usePageTitle("Inloggningsregler");
  const [rules, setRules] = useState<SsoRule[]>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const load = useCallback(() => {
    ssoRulesApi.list().then(setRules).catch(setError);
  }, []);
  useEffect(load, [load]);

  const act = async (work: () => Promise<unknown>, message: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(message);
    } catch (e) {
      setError(e);
    }
    load();
  };
  const move = (r: SsoRule, position: number) =>
    act(() => ssoRulesApi.update(r.id, { claim: r.claim, operator: r.operator, value: r.value, organisationCode: r.organisationCode, role: r.role, position, revision: r.revision }), `Regeln ${describeRule(r)} är nu nummer ${position}.`);

  return (
    <>
      <h1 tabIndex={-1}>Inloggningsregler</h1>
      <p className="lead">
        När någon loggar in via organisationens identitetsleverantör prövas reglerna uppifrån. Den första regel som matchar personens anspråk (till exempel en grupp i
        groups) ger organisation och roll, vid varje inloggning. Matchar ingen regel nekas inloggningen.
      </p>
      <ErrorAlert error={error} />
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      {!rules && !error && <Loading what="inloggningsregler" />}
      {rules && (
        <div className="table-wrap">
          <table>
            <caption>Inloggningsregler ({rules.length})</caption>
            <thead>
              <tr>
                <th scope="col">Ordning</th>
                <th scope="col">Villkor</th>
                <th scope="col">Organisation</th>
                <th scope="col">Roll</th>
                <th scope="col">Ändra</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={r.id}>
                  <td>{r.position}</td>
                  <td>
                    <code>{r.claim}</code> {operatorNames[r.operator]} <code>{r.value}</code>
                  </td>
                  <td>{r.organisationName}</td>
                  <td>{roleName(r.role)}</td>
                  <td>
                    <div className="actions">
                      {i > 0 && (
                        <button type="button" className="button-secondary" aria-label={`Flytta upp regel ${r.position}`} onClick={() => void move(r, r.position - 1)}>
                          Upp
                        </button>
                      )}
                      {i < rules.length - 1 && (
                        <button type="button" className="button-secondary" aria-label={`Flytta ned regel ${r.position}`} onClick={() => void move(r, r.position + 1)}>
                          Ned
                        </button>
                      )}
                      <button type="button" className="button-secondary" aria-label={`Ta bort regel ${r.position}`} onClick={() => void act(() => ssoRulesApi.remove(r.id, r.revision), `Regeln ${describeRule(r)} är borttagen.`)}>
                        Ta bort
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddRuleForm onAdded={(r) => void act(async () => undefined, `Regeln ${describeRule(r)} → ${roleName(r.role)} i ${r.organisationName} är tillagd som nummer ${r.position}.`)} />
    </>
  );
}

function AddRuleForm({ onAdded }: { onAdded: (rule: SsoRule) => void }) {
  const [orgs, setOrgs] = useState<Organisation[]>();
  useEffect(() => {
    api.organisations().then(setOrgs).catch(() => setOrgs([]));
  }, []);
  const [claim, setClaim] = useState("groups");
  const [operator, setOperator] = useState<RuleOperator>("contains");
  const [value, setValue] = useState("");
  const [organisationCode, setOrganisationCode] = useState("");
  const [role, setRole] = useState<Role>("reader");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const rule = await ssoRulesApi.add({ claim: claim.trim(), operator, value: value.trim(), organisationCode, role });
      setValue("");
      onAdded(rule);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-rule-heading" noValidate>
      <h2 id="add-rule-heading">Lägg till regel</h2>
      <p className="hint">Regeln läggs sist. Flytta den uppåt om den ska prövas före andra.</p>
      <div className="field">
        <label htmlFor="rule-claim">Anspråk</label>
        <input id="rule-claim" autoComplete="off" aria-describedby="rule-claim-hint" value={claim} onChange={(e) => setClaim(e.target.value)} />
        <p className="hint" id="rule-claim-hint">
          Namnet i identitetsleverantörens token, till exempel groups (Entra ID:s grupper), email eller tid.
        </p>
      </div>
      <div className="field">
        <label htmlFor="rule-operator">Villkor</label>
        <select id="rule-operator" value={operator} onChange={(e) => setOperator(e.target.value as RuleOperator)}>
          {ruleOperators.map((o) => (
            <option key={o} value={o}>
              {operatorNames[o]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rule-value">Värde</label>
        <input id="rule-value" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="rule-organisation">Organisation</label>
        <select id="rule-organisation" value={organisationCode} onChange={(e) => setOrganisationCode(e.target.value)}>
          <option value="">Välj organisation</option>
          {(orgs ?? []).map((o) => (
            <option key={o.id} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rule-role">Roll</label>
        <RoleSelect id="rule-role" value={role} onChange={setRole} />
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Lägg till regel
        </button>
      </div>
    </form>
  );
}
