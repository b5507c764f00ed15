import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import type { Session } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { usePageTitle } from "../router";

export function LoginPage({ onLogin, expired }: { onLogin: (session: Session) => void; expired: boolean }) {
  usePageTitle("Logga in");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

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
