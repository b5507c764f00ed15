import { ErrorAlert } from "./ErrorAlert";
import { date } from "../format";
import { Link } from "../router";

/**
 * The version and who-did-what rows of a decided-or-draft record's facts (`<dl className="meta">`),
 * shared by allocations and budget documents: both version their decisions the same way.
 */
export function VersionFacts(props: {
  version: number;
  /** Link to the previous version; null for a first version. */
  previousHref: string | null;
  amountLabel: string;
  amountText: string;
  createdAt: string;
  createdBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}) {
  return (
    <>
      <div>
        <dt>Version</dt>
        <dd>
          {props.version}
          {props.previousHref !== null && (
            <>
              {" "}
              (<Link href={props.previousHref}>föregående version</Link>)
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{props.amountLabel}</dt>
        <dd className="num-inline">{props.amountText}</dd>
      </div>
      <div>
        <dt>Skapad</dt>
        <dd>
          {date(props.createdAt)}
          {props.createdBy ? ` av ${props.createdBy}` : ""}
        </dd>
      </div>
      {props.decidedAt && (
        <div>
          <dt>Beslutad</dt>
          <dd>
            {date(props.decidedAt)}
            {props.decidedBy ? ` av ${props.decidedBy}` : ""}
          </dd>
        </div>
      )}
    </>
  );
}

/** The "are you sure" step before a record is decided: a decided record never changes again. */
export function ConfirmDecide({ what, busy, onConfirm, onCancel }: { what: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="confirm card" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">Fastställ {what}? Ett fastställt beslut kan inte ändras; en ändring görs som en ny version.</p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onConfirm} disabled={busy}>
          Ja, fastställ
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}

/** The outcome of the last action on the page: its error, or its success message. */
export function ActionOutcome({ error, message }: { error: unknown; message: string | undefined }) {
  return (
    <>
      <ErrorAlert error={error} />
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
    </>
  );
}
