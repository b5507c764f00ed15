import { useEffect, useState, type FormEvent } from "react";
import { api } from "../api/client";
import type { Session } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { usePageTitle } from "../router";
import { ssoErrorMessage } from "./sso-errors";

export function LoginPage({ onLogin, expired }: { onLogin: (session: Session) => void; expired: boolean }) {
  usePageTitle("Logga in");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Single sign-on, when the installation has it: a link the browser follows to the provider.
  const [sso, setSso] = useState<{ enabled: boolean; name: string | null }>();
  const [ssoError] = useState(() => new URLSearchParams(window.location.search).get("inloggningsfel"));
  useEffect(() => {
    let live = true;
    api.ssoStatus().then((s) => live && setSso(s)).catch(() => live && setSso({ enabled: false, name: null }));
    return () => {
      live = false;
    };
  }, []);
  const ssoName = sso?.name ?? "organisationens inloggning";
  const ssoMessage = ssoErrorMessage(ssoError, ssoName);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await api.login(username.trim(), password));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1 tabIndex={-1}>Logga in</h1>
      <p className="lead">Fördela används för att planera, fördela och följa upp hälso- och sjukvårdens medel.</p>
      {expired && (
        <p className="notice" role="status">
          Sessionen har gått ut. Logga in igen för att fortsätta.
        </p>
      )}
      {ssoMessage && (
        <div className="alert" role="alert">
          <p>{ssoMessage}</p>
        </div>
      )}
      {sso?.enabled && (
        <div className="card">
          <p>
            <a className="button-primary" href="/api/auth/oidc/start">
              Logga in med {ssoName}
            </a>
          </p>
          <p className="hint">Eller logga in med användarnamn och lösenord i Fördela:</p>
        </div>
      )}
      <form className="card form" onSubmit={submit} noValidate aria-describedby={error ? "login-error" : undefined}>
        <div className="field">
          <label htmlFor="username">Användarnamn</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Lösenord</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorAlert error={error} id="login-error" />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? "Loggar in…" : "Logga in"}
          </button>
        </div>
      </form>
    </div>
  );
}
