import { useEffect, useRef, useState, type ReactNode } from "react";
import { isStaleError } from "../stale-revision";
import { ErrorAlert } from "./ErrorAlert";

/** Somebody else saved the record after this page read it (HTTP 409, code "stale"). */
export const isStaleRevision = isStaleError;

/**
 * A save's failure. When the record changed under the user, the form keeps what was typed and
 * this says who changed it and when, with "Ladda om" beside it to fetch the stored record (the
 * typed values stay on screen until the user chooses to reload). Any other failure shows as
 * ErrorAlert does. StaleRevisionAlert below does the same and also shows the saved version
 * beside the typed values.
 */
export function SaveErrorAlert({ error, onReload, id }: { error: unknown; onReload: () => void; id?: string }) {
  if (!isStaleRevision(error)) return <ErrorAlert error={error} id={id} />;
  return (
    <div className="alert" role="alert" id={id}>
      <p>{error.message}</p>
      <p>Det du har skrivit finns kvar i formuläret. Kopiera det du vill behålla innan du laddar om.</p>
      <button type="button" className="button-secondary" onClick={onReload}>
        Ladda om
      </button>
    </div>
  );
}

interface Props<T> {
  /** The failure of the last save, decide or new version; anything but a stale revision shows as an ordinary error. */
  error: unknown;
  /** Reads the record as it is saved now. */
  load: () => Promise<T>;
  /**
   * The page takes the reloaded record as its new base (its revision), keeping what the user
   * typed: the next save is then made on top of the current version.
   */
  onReloaded: (current: T) => void;
  /** Shows the saved version beside the typed values, so the user can compare and re-apply. */
  renderSaved?: (current: T) => ReactNode;
  /** Replaces the typed values with the saved version's. */
  onUseSaved?: (current: T) => void;
}

/**
 * The one way a page answers "somebody else saved first" (409, code stale): it says who and when,
 * keeps what the user typed, and offers "Ladda om", which reads the saved version and shows it
 * beside the form. Pages use it instead of ErrorAlert around save, decide and new-version calls.
 */
export function StaleRevisionAlert<T>({ error, load, onReloaded, renderSaved, onUseSaved }: Props<T>) {
  const [reloaded, setReloaded] = useState<T>();
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const headingRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    setReloaded(undefined);
    setLoadError(undefined);
  }, [error]);

  useEffect(() => {
    if (reloaded) headingRef.current?.focus();
  }, [reloaded]);

  if (!isStaleError(error)) return <ErrorAlert error={error} />;

  const reload = async () => {
    setBusy(true);
    setLoadError(undefined);
    try {
      const current = await load();
      onReloaded(current);
      setReloaded(current);
    } catch (e) {
      setLoadError(e);
    } finally {
      setBusy(false);
    }
  };

  const typed = Boolean(renderSaved || onUseSaved);
  const revision = reloaded && typeof reloaded === "object" && "revision" in reloaded ? ` (revision ${String(reloaded.revision)})` : "";
  return (
    <div className="alert stale-revision" role="alert">
      <p>{error.message}</p>
      {!reloaded && (
        <>
          {typed && <p>Det du har skrivit finns kvar. Ladda om för att se den sparade versionen bredvid dina uppgifter.</p>}
          <button type="button" className="button-secondary" onClick={() => void reload()} disabled={busy}>
            {busy ? "Laddar om…" : "Ladda om"}
          </button>
        </>
      )}
      <ErrorAlert error={loadError} />
      {reloaded && (
        <div className="stale-revision-saved">
          <p tabIndex={-1} ref={headingRef}>
            {typed
              ? `Den sparade versionen är inläst${revision}. Dina uppgifter i formuläret är kvar: jämför, gör om din ändring om det behövs och spara igen.`
              : `Den sparade versionen är inläst${revision}.`}
          </p>
          {renderSaved?.(reloaded)}
          {onUseSaved && (
            <button type="button" className="button-secondary" onClick={() => onUseSaved(reloaded)}>
              Ersätt mina uppgifter med den sparade versionen
            </button>
          )}
        </div>
      )}
    </div>
  );
}
