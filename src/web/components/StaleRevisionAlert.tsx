import { ApiError } from "../api/client";
import { ErrorAlert } from "./ErrorAlert";

/** Somebody else saved the record after this page read it (HTTP 409, code "stale"). */
export function isStaleRevision(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.code === "stale";
}

/**
 * A save's failure. When the record changed under the user, the form keeps what was typed and
 * this says who changed it and when, with "Ladda om" beside it to fetch the stored record (the
 * typed values stay on screen until the user chooses to reload). Any other failure shows as
 * ErrorAlert does.
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
