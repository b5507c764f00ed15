import { useEffect, useState } from "react";
import type { User } from "../../api/types";
import { ErrorAlert, Loading } from "../../components/ErrorAlert";
import { usePageTitle } from "../../router";
import { useFetched } from "../../use-fetched";
import { deviationClass, money, percentText, roundingNote, type ReportUnit } from "./amounts";
import { budgetSieUrl, followupApi, type ReportFilter } from "./api";
import { BudgetChart } from "./BudgetChart";
import { drillFilterFor, drillTitle } from "./drill";
import { ScopePicker, useScope } from "./scope";
import { TransactionsPanel } from "./TransactionsPanel";
import type { BudgetOutcomeReport, BudgetOutcomeRow, Grouping } from "./types";
import { FollowupPage, ScopeState, UnitChoice } from "./ui";

const GROUPINGS: { value: Grouping; label: string; column: string }[] = [
  { value: "class", label: "Kontoklass", column: "Kontoklass" },
  { value: "account", label: "Konto", column: "Konto" },
  { value: "costcentre", label: "Kostnadsställe", column: "Kostnadsställe" },
  { value: "project", label: "Projekt", column: "Projekt" },
  { value: "month", label: "Månad", column: "Månad" },
];

/** What the filters select, in words, for captions and the chart's description. */
function subjectOf(project: string, costCentre: string): string {
  const parts = [project === "" ? "alla projekt" : project === "none" ? "utan projekt (nämndens egen verksamhet)" : `projekt ${project}`];
  if (costCentre === "none") parts.push("utan kostnadsställe");
  else if (costCentre) parts.push(`kostnadsställe ${costCentre}`);
  return parts.join(", ");
}

export function BudgetPage({ user }: { user: User }) {
  usePageTitle("Budget mot utfall");
  const scope = useScope(user);
  const [by, setBy] = useState<Grouping>("class");
  const [project, setProject] = useState("");
  const [costCentre, setCostCentre] = useState("");
  const [method, setMethod] = useState<"budget_remaining" | "linear">("budget_remaining");
  const [unit, setUnit] = useState<ReportUnit>("kr");
  const [report, setReport] = useState<BudgetOutcomeReport>();
  const [months, setMonths] = useState<BudgetOutcomeReport>();
  const [error, setError] = useState<unknown>();
  const [drill, setDrill] = useState<{ row: BudgetOutcomeRow | "total" }>();
  const org = scope.organisationId;
  const year = scope.year;
  const filter: ReportFilter | undefined =
    org !== undefined && year !== undefined ? { organisationId: org, year, by, project: project || undefined, costCentre: costCentre || undefined, forecastMethod: method } : undefined;
  const key = JSON.stringify(filter);

  const { value: chart, error: chartError } = useFetched(org === undefined ? undefined : () => followupApi.chart(org), [org]);

  useEffect(() => {
    if (!filter) return;
    let live = true;
    setError(undefined);
    setDrill(undefined);
    Promise.all([followupApi.budgetVsOutcome(filter), followupApi.budgetVsOutcome({ ...filter, by: "month" })])
      .then(([r, m]) => {
        if (!live) return;
        setReport(r);
        setMonths(m);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
    // The filter is compared by value through its JSON.
  }, [key]);

  const objects = (dimension: number) => chart?.objects.filter((o) => o.dimension === dimension) ?? [];
  const grouping = GROUPINGS.find((g) => g.value === by)!;
  const subject = subjectOf(project, costCentre);
  const openDrill = (row: BudgetOutcomeRow | "total") => {
    setDrill({ row });
    window.setTimeout(() => document.getElementById("drill-heading")?.focus(), 50);
  };

  return (
    <FollowupPage title="Budget mot utfall" lead="Budget och utfall ur de importerade filerna, med avvikelse och prognos för helåret. Välj en rad för att se transaktionerna bakom den.">
      <ScopePicker scope={scope} />
      <ScopeState scope={scope} what="rapporten" />
      {filter && (
        <>
          <div className="fu-controls">
            <div className="field">
              <label htmlFor="fu-by">Gruppera efter</label>
              <select id="fu-by" value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
                {GROUPINGS.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="fu-project">Projekt</label>
              <select id="fu-project" value={project} onChange={(e) => setProject(e.target.value)}>
                <option value="">Alla projekt</option>
                <option value="none">Utan projekt (nämndens egen verksamhet)</option>
                {objects(6).map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code} {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="fu-cc">Kostnadsställe</label>
              <select id="fu-cc" value={costCentre} onChange={(e) => setCostCentre(e.target.value)}>
                <option value="">Alla kostnadsställen</option>
                <option value="none">Utan kostnadsställe</option>
                {objects(1).map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code} {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="fu-method">Prognos</label>
              <select id="fu-method" value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
                <option value="budget_remaining">Utfall hittills + återstående budget</option>
                <option value="linear">Utfall hittills uppräknat till helår</option>
              </select>
            </div>
            <UnitChoice unit={unit} onChange={setUnit} />
          </div>
          <ErrorAlert error={error ?? chartError} />
          {!report && !error && <Loading what="rapporten" />}
          {report && report.year === year && (
            <>
              <div className="table-wrap">
                <table className="data" id="bvo-table">
                  <caption>
                    Budget mot utfall {report.fiscalYear.label} per {grouping.label.toLowerCase()}, {subject}
                    <span className="caption-note">{report.signNote}</span>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{grouping.column}</th>
                      <th scope="col" className="num">
                        Budget
                      </th>
                      <th scope="col" className="num">
                        Utfall
                      </th>
                      <th scope="col" className="num">
                        Avvikelse
                      </th>
                      <th scope="col" className="num">
                        Avvikelse %
                      </th>
                      <th scope="col" className="num">
                        Prognos helår
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rows.length === 0 && (
                      <tr>
                        <td colSpan={6}>Inget utfall eller budget för urvalet.</td>
                      </tr>
                    )}
                    {report.rows.map((r) => (
                      <ReportRow key={r.key} row={r} unit={unit} selected={drill?.row !== "total" && drill?.row.key === r.key} onOpen={() => openDrill(r)} />
                    ))}
                  </tbody>
                  <tfoot>
                    <ReportRow row={report.total} unit={unit} selected={drill?.row === "total"} onOpen={() => openDrill("total")} total />
                  </tfoot>
                </table>
              </div>
              <p className="fu-note" id="rounding-note">
                {roundingNote(report.rows, report.total, unit)}
              </p>
              {report.fiscalYear.label.includes("/") && (
                <p className="fu-note" id="fiscal-year-note">
                  Räkenskapsåret {report.fiscalYear.label} går från {report.fiscalYear.firstMonth} till {report.fiscalYear.lastMonth}, som SIE-filen anger; månad 1 är {report.fiscalYear.firstMonth}.
                </p>
              )}
              <p className="fu-note">
                Prognosen: {report.forecastMethodText.replace(/\.?$/, ".")} Utfall till och med {report.asOfMonth === 0 ? "– (inget utfall ännu)" : `månad ${report.asOfMonth}`}.
              </p>
              <p className="fu-note">
                <a href={budgetSieUrl(filter.organisationId, filter.year)} download>
                  Ladda ner årets budget som SIE-fil
                </a>{" "}
                för inläsning i ekonomisystemet.
              </p>
              {drill && (
                <TransactionsPanel
                  filter={drillFilterFor(filter, drill.row)}
                  title={drillTitle(drillFilterFor(filter, drill.row), drill.row === "total" ? undefined : drill.row.label)}
                  onClose={() => setDrill(undefined)}
                />
              )}
            </>
          )}
          {months && months.year === year && <BudgetChart rows={months.rows} year={months.fiscalYear.label} firstMonth={months.fiscalYear.firstMonth} unit={unit} subject={`resultat, ${subject}`} />}
        </>
      )}
    </FollowupPage>
  );
}

function ReportRow({ row, unit, selected, onOpen, total }: { row: BudgetOutcomeRow; unit: ReportUnit; selected: boolean; onOpen(): void; total?: boolean }) {
  return (
    <tr className={selected ? "fu-selected" : undefined}>
      <th scope="row">
        <button type="button" className="fu-rowbutton" onClick={onOpen} aria-expanded={selected} aria-controls={selected ? "drill" : undefined}>
          {row.label}
          <span className="visually-hidden">{total ? ": visa alla transaktioner" : ": visa transaktioner"}</span>
        </button>
      </th>
      <td className="num">{money(row.budget, unit)}</td>
      <td className="num">{money(row.outcome, unit)}</td>
      <td className={`num ${deviationClass(row.deviation)}`}>{money(row.deviation, unit)}</td>
      <td className={`num ${deviationClass(row.deviation)}`}>{percentText(row.deviationPercent)}</td>
      <td className="num">{money(row.forecast, unit)}</td>
    </tr>
  );
}
