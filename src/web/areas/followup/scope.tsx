import { useEffect, useMemo, useState } from "react";
import { api } from "../../api/client";
import type { User } from "../../api/types";
import { followupApi } from "./api";
import { importYears } from "./progress";
import type { LedgerImport } from "./types";
import { ownFirst } from "../../own-organisation";

// The organisation and year the follow-up pages look at, kept across the pages of a session so a
// controller moving from the report to the project accounts stays on the same ledger.

const ORG_KEY = "fordela.uppfoljning.organisation";
const YEAR_KEY = "fordela.uppfoljning.ar";

export interface OrgOption {
  id: number;
  name: string;
}

function stored(key: string): number | undefined {
  const v = Number(window.sessionStorage.getItem(key));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

export interface Scope {
  orgs: OrgOption[] | undefined;
  organisationId: number | undefined;
  setOrganisationId(id: number): void;
  imports: LedgerImport[] | undefined;
  reloadImports(): void;
  years: number[];
  year: number | undefined;
  setYear(year: number): void;
  error: unknown;
}

export function useScope(user: User): Scope {
  const [orgs, setOrgs] = useState<OrgOption[]>();
  const [organisationId, setOrg] = useState<number | undefined>(stored(ORG_KEY));
  const [imports, setImports] = useState<LedgerImport[]>();
  const [year, setYearState] = useState<number | undefined>(stored(YEAR_KEY));
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const own = user.roles
      .filter((r, i, all) => all.findIndex((x) => x.organisationId === r.organisationId) === i)
      .map((r) => ({ id: r.organisationId, name: r.organisationName }));
    if (own.length > 0 || !user.isAdmin) {
      setOrgs(own);
      return;
    }
    // An administrator without roles of their own may follow up any region or board.
    api
      .organisations()
      .then((all) => setOrgs(ownFirst(all.filter((o) => o.kind !== "municipality"), user).map((o) => ({ id: o.id, name: o.name }))))
      .catch(setError);
  }, [user]);

  useEffect(() => {
    if (orgs && orgs.length > 0 && !orgs.some((o) => o.id === organisationId)) setOrg(orgs[0]!.id);
  }, [orgs, organisationId]);

  useEffect(() => {
    if (organisationId === undefined) return;
    let live = true;
    followupApi
      .imports(organisationId)
      .then((list) => live && setImports(list))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [organisationId, reloads]);

  const years = useMemo(() => importYears(imports ?? []), [imports]);

  useEffect(() => {
    if (years.length > 0 && (year === undefined || !years.includes(year))) setYearState(years[0]);
  }, [years, year]);

  return {
    orgs,
    organisationId: orgs?.some((o) => o.id === organisationId) ? organisationId : undefined,
    setOrganisationId(id) {
      window.sessionStorage.setItem(ORG_KEY, String(id));
      setImports(undefined);
      setOrg(id);
    },
    imports,
    reloadImports: () => setReloads((n) => n + 1),
    years,
    year: year !== undefined && years.includes(year) ? year : undefined,
    setYear(y) {
      window.sessionStorage.setItem(YEAR_KEY, String(y));
      setYearState(y);
    },
    error,
  };
}

/** Organisation and (optionally) year choosers, labelled, side by side. */
export function ScopePicker({ scope, withYear = true }: { scope: Scope; withYear?: boolean }) {
  if (!scope.orgs) return null;
  return (
    <div className="field-row fu-scope">
      <div className="field">
        <label htmlFor="fu-organisation">Organisation</label>
        <select id="fu-organisation" value={scope.organisationId ?? ""} onChange={(e) => scope.setOrganisationId(Number(e.target.value))}>
          {scope.orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {withYear && scope.years.length > 0 && (
        <div className="field">
          <label htmlFor="fu-year">År</label>
          <select id="fu-year" value={scope.year ?? ""} onChange={(e) => scope.setYear(Number(e.target.value))}>
            {scope.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
