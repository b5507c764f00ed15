import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import { ErrorAlert } from "../components/ErrorAlert";
import { navigate, usePageTitle } from "../router";
import { useSession } from "../session";

export function ChangePasswordPage({ forced }: { forced: boolean }) {
  usePageTitle("Byt lösenord");
  const { refresh } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await api.changePassword(current, next);
      setCurrent("");
      setNext("");
      setRepeat("");
      setDone(true);
      await refresh();
      if (forced) navigate("/");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1 tabIndex={-1}>Byt lösenord</h1>
      {forced && <p className="notice">Du loggar in för första gången eller med ett tillfälligt lösenord. Välj ett eget lösenord innan du fortsätter.</p>}
      <form className="card form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="current-password">Nuvarande lösenord</label>
          <input id="current-password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-password">Nytt lösenord</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby="new-password-hint"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <p className="hint" id="new-password-hint">
            Minst 15 tecken. Välj ett långt lösenord, gärna en mening som bara du känner till; vanliga lösenord från läckta listor godtas inte.
          </p>
        </div>
        <div className="field">
          <label htmlFor="repeat-password">Upprepa det nya lösenordet</label>
          <input
            id="repeat-password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch || undefined}
            aria-describedby={mismatch ? "repeat-password-error" : undefined}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
          {mismatch && (
            <p className="field-error" id="repeat-password-error" role="alert">
              Lösenorden är inte likadana.
            </p>
          )}
        </div>
        <ErrorAlert error={error} />
        {done && !forced && (
          <p className="success" role="status">
            Lösenordet är bytt.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Byt lösenord
          </button>
        </div>
      </form>
    </div>
  );
}
