import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { Role, User } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { Link, usePageTitle } from "../../router";
import { usersApi, type ManagedUserDetail } from "./api";
import { RoleSelect, roleName } from "./RoleSelect";
import { describeRoles, OneTimePassword, statusText, useAdministeredOrganisations } from "./UsersPage";
import { ownDefault } from "../../own-organisation";

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

export function UserPage({ id, user }: { id: number; user: User }) {
  const [target, setTarget] = useState<ManagedUserDetail>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [oneTime, setOneTime] = useState<string>();
  usePageTitle(target ? `Användare ${target.username}` : "Användare");

  const load = useCallback(() => {
    usersApi.get(id).then(setTarget).catch(setLoadError);
  }, [id]);
  useEffect(load, [load]);

  /** Runs a change, shows what happened, and reloads the user (their revision moved on). */
  const change = async (work: () => Promise<string>) => {
    setError(undefined);
    setMessage(undefined);
    setOneTime(undefined);
    try {
      setMessage(await work());
      load();
    } catch (e) {
      setError(e);
    }
  };

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!target) return <Loading what="användaren" />;
  const self = target.id === user.id;

  return (
    <>
      <p>
        <Link href="/anvandare">Alla användare</Link>
      </p>
      <h1 tabIndex={-1}>Användare {target.username}</h1>
      <dl className="facts">
        <dt>Namn</dt>
        <dd>{target.displayName}</dd>
        <dt>Status</dt>
        <dd>{statusText(target)}</dd>
        <dt>Roller</dt>
        <dd>{describeRoles(target)}</dd>
        <dt>Inloggning</dt>
        <dd>{target.singleSignOn ? "Via identitetsleverantören; rollerna sätts av inloggningsreglerna vid varje inloggning" : "Med lösenord i Fördela"}</dd>
        <dt>Senast ändrad</dt>
        <dd>
          {when(target.updatedAt)} {target.updatedBy ? `av ${target.updatedBy}` : ""}
        </dd>
      </dl>
      <div aria-live="polite">
        {message && (
          <p className="success" role="status">
            {message}
          </p>
        )}
        {oneTime && <OneTimePassword username={target.username} password={oneTime} />}
      </div>
      <SaveErrorAlert error={error} onReload={() => { setError(undefined); load(); }} />

      <RolesSection target={target} user={user} change={change} />

      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Lösenord</h2>
        <p>Ett nytt engångslösenord visas en gång här. Användarens sessioner avslutas, en inloggningsspärr hävs, och användaren måste byta lösenordet vid nästa inloggning.</p>
        <button
          type="button"
          onClick={() =>
            change(async () => {
              const done = await usersApi.resetPassword(target.id, target.revision);
              setTimeout(() => setOneTime(done.oneTimePassword));
              return `Lösenordet är återställt${done.endedSessions ? `; ${done.endedSessions} sessioner avslutades` : ""}.`;
            })
          }
        >
          Återställ lösenord
        </button>
      </section>

      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Konto</h2>
        {target.active ? (
          <>
            <p>En avstängd användare kan inte logga in; hens sessioner avslutas. Allt hen har gjort finns kvar.</p>
            <button type="button" className="button-secondary" disabled={self} onClick={() => change(async () => (await usersApi.deactivate(target.id, target.revision), `${target.username} är avstängd.`))}>
              Stäng av användaren
            </button>
            {self && <p className="hint">Du kan inte stänga av ditt eget konto.</p>}
          </>
        ) : (
          <button type="button" onClick={() => change(async () => (await usersApi.reactivate(target.id, target.revision), `${target.username} är aktiv igen.`))}>
            Aktivera användaren
          </button>
        )}
      </section>

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Pågående sessioner</h2>
        {target.sessions.length === 0 ? (
          <p>Inga pågående sessioner.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <caption>Sessioner för {target.username}</caption>
                <thead>
                  <tr>
                    <th scope="col">Inloggad</th>
                    <th scope="col">Senast aktiv</th>
                    <th scope="col">Adress</th>
                    <th scope="col">Webbläsare</th>
                    <th scope="col">
                      <span className="visually-hidden">Åtgärd</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {target.sessions.map((s) => (
                    <tr key={s.id}>
                      <td>{when(s.createdAt)}</td>
                      <td>{when(s.lastSeenAt)}</td>
                      <td>{s.clientAddress ?? "okänd"}</td>
                      <td>{s.userAgent ?? ""}</td>
                      <td>
                        <button type="button" className="button-secondary" aria-label={`Avsluta sessionen från ${when(s.createdAt)}`} onClick={() => change(async () => (await usersApi.endSessions(target.id, s.id), "Sessionen är avslutad."))}>
                          Avsluta
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="button" onClick={() => change(async () => `${(await usersApi.endSessions(target.id)).ended} sessioner avslutades.`)}>
              Avsluta alla sessioner
            </button>
          </>
        )}
      </section>
    </>
  );
}

function RolesSection({ target, user, change }: { target: ManagedUserDetail; user: User; change: (work: () => Promise<string>) => Promise<void> }) {
  const orgs = useAdministeredOrganisations(user);
  const [organisationId, setOrganisationId] = useState("");
  const own = orgs && ownDefault(orgs, user);
  useEffect(() => {
    if (own) setOrganisationId((c) => c || String(own.id));
  }, [own]);
  const [role, setRole] = useState<Role>("reader");
  const [edits, setEdits] = useState<Record<number, Role>>({});

  const give = (event: FormEvent) => {
    event.preventDefault();
    const org = Number(organisationId);
    if (!org) return;
    void change(async () => {
      await usersApi.setRole(target.id, org, role, target.revision);
      return `${target.username} är ${roleName(role)} i ${orgs?.find((o) => o.id === org)?.name ?? "organisationen"}.`;
    });
  };

  return (
    <section className="card" aria-labelledby="roles-heading">
      <h2 id="roles-heading">Roller</h2>
      {target.roles.length === 0 ? (
        <p>Inga roller i någon organisation.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Roller för {target.username}</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Roll</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärder</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {target.roles.map((r) => {
                const selected = edits[r.organisationId] ?? r.role;
                return (
                  <tr key={r.organisationId}>
                    <th scope="row">{r.organisationName}</th>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${r.organisationId}`}>
                        Roll i {r.organisationName}
                      </label>
                      <RoleSelect id={`role-${r.organisationId}`} value={selected} onChange={(v) => setEdits({ ...edits, [r.organisationId]: v })} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        disabled={selected === r.role}
                        onClick={() =>
                          change(async () => {
                            await usersApi.setRole(target.id, r.organisationId, selected, target.revision);
                            setEdits({});
                            return `${target.username} är ${roleName(selected)} i ${r.organisationName}.`;
                          })
                        }
                      >
                        Byt roll i {r.organisationName}
                      </button>
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => change(async () => (await usersApi.removeRole(target.id, r.organisationId, target.revision), `Rollen i ${r.organisationName} är borttagen.`))}
                      >
                        Ta bort roll i {r.organisationName}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="form" onSubmit={give} aria-labelledby="give-role-heading">
        <h3 id="give-role-heading">Ge roll i en organisation</h3>
        <div className="field">
          <label htmlFor="give-organisation">Organisation</label>
          <select id="give-organisation" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">Välj organisation</option>
            {(orgs ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="give-role">Roll</label>
          <RoleSelect id="give-role" value={role} onChange={setRole} />
        </div>
        <div className="actions">
          <button type="submit">Ge roll</button>
        </div>
      </form>
    </section>
  );
}
