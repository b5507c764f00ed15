import type { Area, AreaRoute } from "../types";
import { DetailPage } from "./DetailPage";
import { FormPage } from "./FormPage";
import { IndexSeriesListPage } from "./index-series/IndexSeriesListPage";
import { IndexSeriesPage } from "./index-series/IndexSeriesPage";
import { kinds } from "./kinds";
import { OverviewPage } from "./OverviewPage";

const idOf = (params: Record<string, string>) => {
  const id = Number(params.id);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

const kindRoutes: AreaRoute[] = kinds.flatMap((info): AreaRoute[] => [
  { pattern: `/budget/${info.slug}/ny`, render: () => <FormPage key={`new-${info.kind}`} info={info} /> },
  { pattern: `/budget/${info.slug}/:id`, render: (p) => { const id = idOf(p); return id ? <DetailPage key={`${info.kind}-${id}`} info={info} id={id} /> : <OverviewPage />; } },
  { pattern: `/budget/${info.slug}/:id/andra`, render: (p) => { const id = idOf(p); return id ? <FormPage key={`edit-${info.kind}-${id}`} info={info} editId={id} /> : <OverviewPage />; } },
]);

/** Budgets, frame changes, joint financing and subscriptions (issue 4). */
export const budgetArea: Area = {
  tiles: [{ href: "/budget", title: "Budget och ramar", text: "Budgetförslag med uppräkning, ramförändringar, samfinansiering och abonnemang, med beslutsunderlag." }],
  nav: [{ href: "/budget", label: "Budget" }],
  routes: [
    { pattern: "/budget", render: () => <OverviewPage /> },
    { pattern: "/budget/indexserier", render: () => <IndexSeriesListPage /> },
    { pattern: "/budget/indexserier/:code", render: (p) => <IndexSeriesPage key={p.code} code={p.code ?? ""} /> },
    ...kindRoutes,
  ],
};
