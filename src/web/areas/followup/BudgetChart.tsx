import { useState } from "react";
import { money, type ReportUnit } from "./amounts";
import { layoutChart, monthSeries } from "./chart";
import type { BudgetOutcomeRow } from "./types";

/**
 * Budget and outcome per month as an inline SVG bar chart (or cumulative lines). The picture is
 * role="img" with a summary in aria-label; the same figures follow as a table for anyone who
 * cannot see it, and for copying.
 */
export function BudgetChart({ rows, year, unit, subject, firstMonth }: { rows: BudgetOutcomeRow[]; year: string; unit: ReportUnit; subject: string; firstMonth: string }) {
  const [cumulative, setCumulative] = useState(false);
  const points = monthSeries(rows, cumulative, Number(firstMonth.slice(5, 7)));
  const chart = layoutChart(points);
  const last = points.at(-1)!;
  const label = `${cumulative ? "Linjediagram, ackumulerat" : "Stapeldiagram per månad"}: budget och utfall ${year}, ${subject}. ${
    cumulative ? `Helår: budget ${money(last.budget, unit)}, utfall ${money(last.outcome, unit)}.` : ""
  } Värdena finns i tabellen under diagrammet.`.replace(/\s+/g, " ");
  return (
    <section className="card fu-chart" aria-labelledby="chart-heading">
      <h2 id="chart-heading">Budget och utfall per månad</h2>
      <fieldset className="group">
        <legend>Visa</legend>
        <div className="radio-row">
          <label className="radio">
            <input type="radio" name="fu-chart-mode" checked={!cumulative} onChange={() => setCumulative(false)} /> Per månad (staplar)
          </label>
          <label className="radio">
            <input type="radio" name="fu-chart-mode" checked={cumulative} onChange={() => setCumulative(true)} /> Ackumulerat (linjer)
          </label>
        </div>
      </fieldset>
      <ul className="fu-legend" aria-hidden="true">
        <li>
          <span className={cumulative ? "fu-swatch fu-line-budget" : "fu-swatch fu-swatch-budget"} />
          Budget
        </li>
        <li>
          <span className={cumulative ? "fu-swatch fu-line-outcome" : "fu-swatch fu-swatch-outcome"} />
          Utfall
        </li>
      </ul>
      <svg role="img" aria-label={label} viewBox={`0 0 ${chart.width} ${chart.height}`} id="budget-chart">
        {chart.ticks.map((t) => (
          <g key={t.value}>
            <line className={t.value === 0 ? "zero" : "grid"} x1={chart.plot.left} x2={chart.plot.right} y1={t.y} y2={t.y} />
            <text className="axis-label" x={chart.plot.left - 8} y={t.y + 4} textAnchor="end">
              {money(t.value, "tkr")}
            </text>
          </g>
        ))}
        {chart.bars.map((b) => (
          <text key={b.month} className="axis-label" x={b.x + b.band / 2} y={chart.plot.bottom + 20} textAnchor="middle">
            {b.label}
          </text>
        ))}
        {cumulative ? (
          <>
            <polyline points={chart.budgetLine} fill="none" stroke="#6b8db3" strokeWidth="3" strokeDasharray="6 4" />
            <polyline points={chart.outcomeLine} fill="none" stroke="#1c4f80" strokeWidth="3" />
          </>
        ) : (
          chart.bars.map((b) => (
            <g key={b.month}>
              <rect x={b.budget.x} y={b.budget.y} width={Math.min(b.band * 0.36, 22)} height={Math.max(b.budget.h, 0.5)} fill="#9db4cc" stroke="#1c4f80" strokeWidth="1" />
              <rect x={b.outcome.x} y={b.outcome.y} width={Math.min(b.band * 0.36, 22)} height={Math.max(b.outcome.h, 0.5)} fill="#1c4f80" />
            </g>
          ))
        )}
      </svg>
      <div className="table-wrap">
        <table className="data" id="chart-table">
          <caption>
            Diagrammets värden{cumulative ? ", ackumulerat" : ", per månad"}
            <span className="caption-note">{subject}; intäkter positiva och kostnader negativa.</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Månad</th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Utfall
              </th>
              <th scope="col" className="num">
                Avvikelse
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.name}</th>
                <td className="num">{money(p.budget, unit)}</td>
                <td className="num">{money(p.outcome, unit)}</td>
                <td className="num">{money(p.outcome - p.budget, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
