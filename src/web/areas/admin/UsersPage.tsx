import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import type { Organisation, Role, User } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { Link, usePageTitle } from "../../router";
import { usersApi, type ManagedUser } from "./api";
import { RoleSelect, roleName } from "./RoleSelect";
import { ownDefault, ownFirst } from "../../own-organisation";

export function describeRoles(u: ManagedUser): string {
  const parts = u.roles.map((r) => `${roleName(r.role)} i ${r.organisationName}`);
  if (u.isAdmin) parts.unshift("systemadministratör");
  return parts.join(", ") || "inga roller";
}

export const statusText = (u: ManagedUser) => (!u.active ? `Avstängd ${u.deactivatedAt?.slice(0, 10) ?? ""}` : u.mustChangePassword ? "Ska byta lösenord" : "Aktiv");

/** The organisations whose users this user manages: all for a system administrator. */
export function useAdministeredOrganisations(user: User): Organisation[] | undefined {
  const [orgs, setOrgs] = useState<Organisation[]>();
  useEffect(() => {
    let live = true;
    api
      .organisations()
      .then((all) => live && setOrgs(ownFirst(user.isAdmin ? all : all.filter((o) => user.roles.some((r) => r.organisationId === o.id && r.role === "admin")), user)))
      .catch(() => live && setOrgs([]));
    return () => {
      live = false;
    };
  }, [user]);
  return orgs;
}

export function UsersPage({ user }: { user: User }) {
  usePageTitle("Användare");
  const [search, setSearch] = useState("");
  const [includeDeactivated, setIncludeDeactivated] = useState(false);
  const [users, setUsers] = useState<ManagedUser[]>();
  const [error, setError] = useState<unknown>();

  const load = useCallback((text: string, all: boolean) => {
    setError(undefined);
    usersApi.list(text, all).then(setUsers).catch(setError);
  }, []);
  useEffect(() => load("", false), [load]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    load(search, includeDeactivated);
  };

  return (
    <>
      <h1 tabIndex={-1}>Användare</h1>
      <p className="lead">
        {user.isAdmin ? "Som systemadministratör hanterar du alla användare." : "Du hanterar användarna i de organisationer där du är administratör."} Rollerna är läsare,
        handläggare, beslutsfattare och administratör; varje roll får det som rollerna före den får.
      </p>
      <form className="card form" role="search" onSubmit={submitSearch} aria-labelledby="search-heading">
        <h2 id="search-heading">Sök användare</h2>
        <div className="field">
          <label htmlFor="user-search">Användarnamn eller namn</label>
          <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={includeDeactivated} onChange={(e) => setIncludeDeactivated(e.target.checked)} /> Visa även avstängda användare
          </label>
        </div>
        <div className="actions">
          <button type="submit">Sök</button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {!users && !error && <Loading what="användare" />}
      {users && (
        <div className="table-wrap">
          <table>
            <caption>Användare ({users.length})</caption>
            <thead>
              <tr>
                <th scope="col">Användarnamn</th>
                <th scope="col">Namn</th>
                <th scope="col">Roller</th>
                <th scope="col">Status</th>
                <th scope="col">Sessioner</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/anvandare/${u.id}`}>{u.username}</Link>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{describeRoles(u)}</td>
                  <td>{statusText(u)}</td>
                  <td>{u.activeSessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddUserForm user={user} onAdded={() => load(search, includeDeactivated)} />
    </>
  );
}

function AddUserForm({ user, onAdded }: { user: User; onAdded: () => void }) {
  const orgs = useAdministeredOrganisations(user);
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [organisationCode, setOrganisationCode] = useState("");
  // Starts at the administrator's own organisation (a system administrator without one: none).
  const own = orgs && ownDefault(orgs, user);
  useEffect(() => {
    if (own) setOrganisationCode((c) => c || own.code);
  }, [own]);
  const [role, setRole] = useState<Role>("reader");
  const [isAdmin, setIsAdmin] = useState(false);
  const [error, setError] = useState<unknown>();
  const [added, setAdded] = useState<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setAdded(undefined);
    setBusy(true);
    try {
      const result = await usersApi.add({
        username: username.trim(),
        displayName: displayName.trim() || undefined,
        isAdmin: user.isAdmin ? isAdmin : undefined,
        roles: organisationCode ? [{ organisationCode, role }] : [],
      });
      setAdded({ username: result.user.username, password: result.oneTimePassword });
      setUsername("");
      setDisplayName("");
      setIsAdmin(false);
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-heading" noValidate>
      <h2 id="add-heading">Lägg till användare</h2>
      <div className="field">
        <label htmlFor="new-username">Användarnamn</label>
        <input id="new-username" autoComplete="off" required aria-describedby="new-username-hint" value={username} onChange={(e) => setUsername(e.target.value)} />
        <p className="hint" id="new-username-hint">
          2–64 tecken: a–z, 0–9, punkt, bindestreck, understreck eller @.
        </p>
      </div>
      <div className="field">
        <label htmlFor="new-display-name">Namn</label>
        <input id="new-display-name" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-organisation">Organisation</label>
        <select id="new-organisation" value={organisationCode} onChange={(e) => setOrganisationCode(e.target.value)}>
          <option value="">{user.isAdmin ? "Ingen (bara systemadministratör)" : "Välj organisation"}</option>
          {(orgs ?? []).map((o) => (
            <option key={o.id} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-role">Roll</label>
        <RoleSelect id="new-role" value={role} onChange={setRole} />
      </div>
      {user.isAdmin && (
        <div className="field">
          <label>
            <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} /> Systemadministratör (hanterar alla användare och organisationer)
          </label>
        </div>
      )}
      <ErrorAlert error={error} />
      {added && <OneTimePassword username={added.username} password={added.password} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Lägg till användare
        </button>
      </div>
    </form>
  );
}

/** Shown once: the server keeps only its hash. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="success" role="status">
      <p>
        Engångslösenord för {username} (visas bara nu; lämna det till användaren, som byter det vid första inloggningen):
      </p>
      <p>
        <code className="one-time-password">{password}</code>
      </p>
    </div>
  );
}
