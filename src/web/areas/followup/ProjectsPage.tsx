import { useState } from "react";
import type { User } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { usePageTitle } from "../../router";
import { useFetched } from "../../use-fetched";
import type { ReportUnit } from "./amounts";
import { followupApi } from "./api";
import { excludableProjects } from "./exclusions";
import { ExclusionChoice, ProjectTable } from "./ProjectTable";
import { ScopePicker, useScope } from "./scope";
import { useExclusions } from "./use-exclusions";
import { FollowupPage, ScopeState, UnitChoice } from "./ui";

export function ProjectsPage({ user }: { user: User }) {
  usePageTitle("Projektredovisning");
  const scope = useScope(user);
  const org = scope.organisationId;
  const year = scope.year;
  const { excluded, toggle, error: exclusionError } = useExclusions(org);
  const [board, setBoard] = useState(true);
  const [unit, setUnit] = useState<ReportUnit>("kr");
  const exclusionKey = excluded?.join(",");
  const { value: table, error } = useFetched(
    org === undefined || year === undefined || exclusionKey === undefined ? undefined : () => followupApi.projectAccounts(org, year, exclusionKey ? exclusionKey.split(",") : [], board),
    [org, year, exclusionKey, board],
  );

  const projects = excludableProjects(table);
  return (
    <FollowupPage title="Projektredovisning" lead="Projektkontonas ingående balans, intäkter, kostnader och utgående balans. Utan ingående balans i filen rullas föregående års utgående balans fram.">
      <ScopePicker scope={scope} />
      <ScopeState scope={scope} what="projektredovisningen" />
      {org !== undefined && year !== undefined && (
        <>
          <div className="fu-controls">
            <ExclusionChoice
              projects={projects}
              excluded={excluded ?? []}
              onChange={toggle}
            />
            <fieldset className="group">
              <legend>Nämndens resultat</legend>
              <label className="check-label">
                <input type="checkbox" checked={board} onChange={(e) => setBoard(e.target.checked)} /> Visa resultatraden (rader utan projekt)
              </label>
            </fieldset>
            <UnitChoice unit={unit} onChange={setUnit} />
          </div>
          <ErrorAlert error={exclusionError} />
          <ErrorAlert error={error} />
          {!table && !error && <Loading what="projektredovisningen" />}
          {table && table.year === year && <ProjectTable table={table} unit={unit} id="project-table" />}
        </>
      )}
    </FollowupPage>
  );
}
