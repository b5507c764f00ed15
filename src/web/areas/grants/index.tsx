import type { Area } from "../types";
import { AgreementFormPage } from "./AgreementFormPage";
import { AgreementPage } from "./AgreementPage";
import { CalendarPage } from "./CalendarPage";
import { ClosingPage } from "./ClosingPage";
import { DecisionFormPage } from "./DecisionFormPage";
import { DecisionPage } from "./DecisionPage";
import { DistributionPage } from "./DistributionPage";
import { InternalDecisionPage } from "./InternalDecisionPage";
import { RecipientOverviewPage } from "./RecipientOverviewPage";
import { RecipientPage } from "./RecipientPage";
import { RegisterPage } from "./RegisterPage";

export { UpcomingDeadlines } from "./UpcomingDeadlines";

/** State grants (statsbidrag): register, distribution, recipients, internal decisions, deadlines. */
export const grantsArea: Area = {
  tiles: [{ href: "/statsbidrag", title: "Riktade statsbidrag", text: "Regeringsbeslut, fördelning per mottagare, rekvisition, förbrukning och återbetalning." }],
  nav: [
    { href: "/statsbidrag", label: "Statsbidrag" },
    { href: "/tidsfrister", label: "Tidsfrister" },
  ],
  routes: [
    { pattern: "/statsbidrag", render: () => <RegisterPage /> },
    { pattern: "/statsbidrag/beslut/ny", render: () => <DecisionFormPage /> },
    { pattern: "/statsbidrag/overenskommelser/ny", render: () => <AgreementFormPage /> },
    { pattern: "/statsbidrag/overenskommelser/:id", render: (p) => <AgreementPage key={p.id} id={Number(p.id)} /> },
    { pattern: "/statsbidrag/overenskommelser/:id/andra", render: (p) => <AgreementFormPage key={p.id} id={Number(p.id)} /> },
    { pattern: "/statsbidrag/overenskommelser/:id/nytt-beslut", render: (p) => <DecisionFormPage key={`new-${p.id}`} agreementId={Number(p.id)} /> },
    { pattern: "/statsbidrag/beslut/:id", render: (p) => <DecisionPage key={p.id} id={Number(p.id)} /> },
    { pattern: "/statsbidrag/beslut/:id/andra", render: (p) => <DecisionFormPage key={p.id} id={Number(p.id)} /> },
    { pattern: "/statsbidrag/beslut/:id/delar/:partId", render: (p) => <DistributionPage key={p.partId} decisionId={Number(p.id)} partId={Number(p.partId)} /> },
    { pattern: "/statsbidrag/avslut/:code", render: (p) => <ClosingPage key={p.code} code={p.code!} /> },
    { pattern: "/statsbidrag/mottagare/:code", render: (p) => <RecipientOverviewPage key={p.code} code={p.code!} /> },
    { pattern: "/statsbidrag/delar/:partId/mottagare/:code", render: (p) => <RecipientPage key={`${p.partId}/${p.code}`} partId={Number(p.partId)} code={p.code!} /> },
    { pattern: "/statsbidrag/interna/:id", render: (p) => <InternalDecisionPage key={p.id} id={Number(p.id)} /> },
    { pattern: "/tidsfrister", render: () => <CalendarPage /> },
  ],
};
