import type { ReactNode } from "react";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { kr } from "../../format";
import { Link } from "../../router";
import "./grants.css";

/** A page whose data is still loading or failed: the h1 is there either way. */
export function Pending({ title, error, what, back }: { title: string; error: unknown; what: string; back?: { href: string; label: string } }) {
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {error ? <ErrorAlert error={error} /> : <Loading what={what} />}
      {back && (
        <p>
          <Link href={back.href}>{back.label}</Link>
        </p>
      )}
    </>
  );
}

/** The sentence that says whether lines add up; the difference is what the eye must find. */
export function SumCheck({ balanced, children, id }: { balanced: boolean; children: ReactNode; id?: string }) {
  return (
    <p id={id} className={balanced ? "check check-ok" : "check check-bad"}>
      <span aria-hidden="true">{balanced ? "✓ " : "✗ "}</span>
      {children}
    </p>
  );
}

export function Meta({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="meta">
      {items
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function Badge({ status }: { status: "draft" | "decided" }) {
  return <span className={`badge ${status === "decided" ? "badge-decided" : "badge-draft"}`}>{status === "decided" ? "Fastställt" : "Utkast"}</span>;
}

export const money = (ore: number | null | undefined) => (ore === null || ore === undefined ? "–" : kr(ore));

/** A signed difference: "+1 kr", "−1 000 kr", "0 kr". */
export function signed(ore: number): string {
  if (ore === 0) return "0 kr";
  return `${ore > 0 ? "+" : "−"}${kr(Math.abs(ore))}`;
}

/** A labelled text input with its error tied to it. */
export function TextField(props: { id: string; label: string; value: string; onChange(v: string): void; error?: string; hint?: string; className?: string; type?: string; inputMode?: "numeric" | "decimal" | "text" }) {
  const described = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type={props.type ?? "text"}
        className={props.className}
        inputMode={props.inputMode}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      />
      {props.error && (
        <p className="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The error summary on top of a form: each entry links to its field. */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <p>Rätta {entries.length === 1 ? "felet" : `de ${entries.length} felen`} nedan:</p>
      <ul>
        {entries.map(([id, message]) => (
          <li key={id}>
            <a href={`#${id}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
