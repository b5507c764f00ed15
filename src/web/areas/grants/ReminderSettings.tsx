import { useEffect, useState } from "react";
import { SaveErrorAlert } from "../../components/StaleRevisionAlert";
import { grantsApi } from "./api";
import { TextField } from "./components";

/** The user's e-mail reminders: address and how many days before each deadline. */
export function ReminderSettings() {
  const [email, setEmail] = useState("");
  const [days, setDays] = useState("14");
  const [enabled, setEnabled] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [revision, setRevision] = useState(0);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    grantsApi
      .myReminders()
      .then((s) => {
        if (!s) return;
        setRevision(s.revision);
        setEmail(s.email);
        setDays(String(s.daysBefore));
        setEnabled(s.enabled);
      })
      .catch(setError);
  }, [reloads]);

  const save = async () => {
    setSaved(false);
    setError(undefined);
    const found: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found["rem-email"] = "Ange en e-postadress, till exempel namn@regionjh.se.";
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n > 365) found["rem-days"] = "Ange ett heltal mellan 0 och 365.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      setRevision((await grantsApi.saveMyReminders({ email: email.trim(), daysBefore: n, enabled, revision })).revision);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="reminder-heading" className="card grants-spaced">
      <h2 id="reminder-heading">Påminnelser via e-post</h2>
      <p className="grants-small">Ett e-brev per tidsfrist, det antal dagar före som du väljer. Startsidan visar tidsfristerna inom samma antal dagar.</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field-row">
          <TextField id="rem-email" label="E-postadress" type="email" value={email} onChange={setEmail} error={errors["rem-email"]} />
          <TextField id="rem-days" label="Dagar före" value={days} onChange={setDays} error={errors["rem-days"]} inputMode="numeric" className="num" />
        </div>
        <label className="check-label">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Skicka påminnelser
        </label>
        <div className="actions">
          <button type="submit" className="button-primary">
            Spara påminnelser
          </button>
          {saved && (
            <span className="done-mark" role="status">
              Sparat.
            </span>
          )}
        </div>
        <SaveErrorAlert
          error={error}
          onReload={() => {
            setError(undefined);
            setReloads((r) => r + 1);
          }}
        />
      </form>
    </section>
  );
}
