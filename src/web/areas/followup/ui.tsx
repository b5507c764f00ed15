import type { ReactNode } from "react";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { Link, usePath } from "../../router";
import { unitLabels } from "../../../core/money";
import { reportUnits, type ReportUnit } from "./amounts";
import type { Scope } from "./scope";
import "./followup.css";

export const FOLLOWUP_PAGES = [
  { href: "/uppfoljning/import", label: "Import", text: "Läs in utfall från SIE-filer eller CSV med en sparad kolumnmappning." },
  { href: "/uppfoljning/budget", label: "Budget mot utfall", text: "Per kontoklass, konto, kostnadsställe, projekt och månad, med prognos och transaktioner." },
  { href: "/uppfoljning/projekt", label: "Projektredovisning", text: "IB + solidarisk finansiering + övriga intäkter − kostnader = UB per projekt." },
  { href: "/uppfoljning/arsredovisning", label: "Årsredovisning", text: "Årsredovisningens tabeller och texter ur samma data, med kontroll av belopp i text." },
  { href: "/uppfoljning/register", label: "Register", text: "NHV-tillstånd och uppdrag med andel av heltid, som årsredovisningen redovisar." },
  { href: "/uppfoljning/installningar", label: "Inställningar", text: "Kontoklasser, solidarisk finansiering och kopplingar av objekt till bidrag och budgetrader." },
] as const;

/** The follow-up pages' own menu, below the main menu. */
export function FollowupNav() {
  const path = usePath();
  return (
    <nav aria-label="Uppföljning" className="fu-tabs">
      <ul>
        {FOLLOWUP_PAGES.map((p) => (
          <li key={p.href}>
            <Link href={p.href} aria-current={path === p.href ? "page" : undefined}>
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page frame: sub-menu, the one h1, a lead. */
export function FollowupPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <>
      <FollowupNav />
      <h1 tabIndex={-1}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </>
  );
}

/** Says why nothing is shown yet: loading, an error, no organisation, or no imported year. */
export function ScopeState({ scope, what }: { scope: Scope; what: string }) {
  if (scope.error) return <ErrorAlert error={scope.error} />;
  if (!scope.orgs) return <Loading what="organisationerna" />;
  if (scope.orgs.length === 0) return <p className="notice">Du har ingen roll i någon organisation. Be en administratör om behörighet för att följa upp.</p>;
  if (!scope.imports) return <Loading what="importerna" />;
  if (scope.years.length === 0)
    return (
      <p className="notice">
        Det finns inget importerat utfall för organisationen ännu, så {what} kan inte visas. <Link href="/uppfoljning/import">Importera en SIE- eller CSV-fil</Link>.
      </p>
    );
  return null;
}

export function UnitChoice({ unit, onChange }: { unit: ReportUnit; onChange(u: ReportUnit): void }) {
  return (
    <fieldset className="group fu-unit">
      <legend>Belopp i</legend>
      <div className="radio-row">
        {reportUnits.map((u) => (
          <label key={u} className="radio">
            <input type="radio" name="fu-unit" value={u} checked={unit === u} onChange={() => onChange(u)} />
            {unitLabels[u].label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
