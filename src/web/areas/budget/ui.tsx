import type { ReactNode } from "react";
import type { FieldErrors } from "./amounts";
import { statusText } from "./kinds";

// Small shared pieces of the budget pages: labelled fields with their errors, the error summary.

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}

export function StatusBadge({ status }: { status: "proposal" | "decided" }) {
  return <span className={`badge ${status === "decided" ? "badge-decided" : "badge-draft"}`}>{statusText[status]}</span>;
}

/** The error under a field; the field points at it with aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors: FieldErrors }) {
  const message = errors[id];
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

/** Props for a control whose field id is id: validity and its hint/error links. */
export function fieldProps(id: string, errors: FieldErrors, hint?: string) {
  return {
    id,
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": describedBy(hint, errors[id] && `${id}-error`),
  } as const;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  errors: FieldErrors;
  hint?: ReactNode;
  className?: string;
  inputClass?: string;
  multiline?: boolean;
  placeholder?: string;
}

export function TextField({ id, label, value, onChange, errors, hint, className, inputClass, multiline, placeholder }: TextFieldProps) {
  const props = { ...fieldProps(id, errors, hint ? `${id}-hint` : undefined), value, placeholder, className: inputClass, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input autoComplete="off" {...props} />}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

/** Lists every error with a link that moves focus to its field; announced as an alert. */
export function ErrorSummary({ errors, id = "form-errors" }: { errors: FieldErrors; id?: string }) {
  const list = Object.entries(errors);
  if (list.length === 0) return null;
  return (
    <div className="alert" role="alert" id={id} tabIndex={-1}>
      <p>Rätta följande innan du sparar:</p>
      <ul>
        {list.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${field}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(field)?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
