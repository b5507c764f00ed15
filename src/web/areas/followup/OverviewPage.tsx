import { Link, usePageTitle } from "../../router";
import { FOLLOWUP_PAGES, FollowupPage } from "./ui";

export function OverviewPage() {
  usePageTitle("Uppföljning");
  return (
    <FollowupPage title="Uppföljning" lead="Utfall från ekonomisystemet mot budget, projektredovisning och årsredovisningens tabeller – räknade exakt i hela öre ur de importerade filerna.">
      <ul className="tiles">
        {FOLLOWUP_PAGES.map((p) => (
          <li key={p.href}>
            <Link className="tile" href={p.href}>
              <span className="tile-title">{p.label}</span>
              <span className="tile-text">{p.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </FollowupPage>
  );
}
