import { requestJson } from "../../../api/client";
import type { IndexSeriesSummary } from "../api";
import type { IndexValueInput } from "./index-series-form";

export interface IndexValueRow extends IndexValueInput {
  code: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

export type { IndexSeriesSummary };

export const indexSeriesApi = {
  list: () => requestJson<IndexSeriesSummary[]>("GET", "/api/index-series"),
  values: (code: string) => requestJson<IndexValueRow[]>("GET", `/api/index-series/${encodeURIComponent(code)}`),
  /**
   * Sets one or more years, each with the revision the page read (null for a year it saw no
   * value for); the server logs the change and returns all the series' values.
   */
  set: (code: string, values: (IndexValueInput & { revision: number | null })[]) => requestJson<IndexValueRow[]>("PUT", `/api/index-series/${encodeURIComponent(code)}`, { values }),
};
