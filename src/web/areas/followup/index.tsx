import type { Area } from "../types";
import { AnnualReportPage } from "./AnnualReportPage";
import { BudgetPage } from "./BudgetPage";
import { ImportPage } from "./ImportPage";
import { OverviewPage } from "./OverviewPage";
import { ProjectsPage } from "./ProjectsPage";
import { RegistersPage } from "./RegistersPage";
import { SettingsPage } from "./SettingsPage";

/** Follow-up: outcome imports (SIE, CSV), budget vs outcome, project accounts and the annual report. */
export const followupArea: Area = {
  tiles: [{ href: "/uppfoljning", title: "Uppföljning av utfall", text: "Importera SIE eller CSV och följ budget mot utfall, projekt och årsredovisning." }],
  nav: [{ href: "/uppfoljning", label: "Uppföljning" }],
  routes: [
    { pattern: "/uppfoljning", render: () => <OverviewPage /> },
    { pattern: "/uppfoljning/import", render: (_p, user) => <ImportPage user={user} /> },
    { pattern: "/uppfoljning/budget", render: (_p, user) => <BudgetPage user={user} /> },
    { pattern: "/uppfoljning/projekt", render: (_p, user) => <ProjectsPage user={user} /> },
    { pattern: "/uppfoljning/arsredovisning", render: (_p, user) => <AnnualReportPage user={user} /> },
    { pattern: "/uppfoljning/register", render: (_p, user) => <RegistersPage user={user} /> },
    { pattern: "/uppfoljning/installningar", render: (_p, user) => <SettingsPage user={user} /> },
  ],
};
