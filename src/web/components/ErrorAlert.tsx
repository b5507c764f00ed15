import { ApiError } from "../api/client";

/** Shows a failure's Swedish message; role="alert" makes screen readers announce it at once. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.details.filter((d) => !message.includes(d.message)) : [];
  return (
    <div className="alert" role="alert" id={id}>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Hämtar {what}…
    </p>
  );
}
