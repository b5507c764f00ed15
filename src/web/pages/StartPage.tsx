import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { AllocationSummary } from "../api/types";
import { AllocationSummaryTable } from "../components/AllocationSummaryTable";
import { ErrorAlert, Loading } from "../components/ErrorAlert";
import { Link, usePageTitle } from "../router";
import { useSession } from "../session";
import { areas } from "../areas";
import { UpcomingDeadlines } from "../areas/grants/UpcomingDeadlines";

const latestCount = 5;

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 10) return "God morgon";
  if (hour < 18) return "Hej";
  return "God kväll";
}

export function StartPage() {
  usePageTitle("Start");
  const { user } = useSession();
  const [latest, setLatest] = useState<AllocationSummary[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api
      .listAllocations()
      .then((rows) => setLatest([...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).slice(0, latestCount)))
      .catch(setError);
  }, []);

  return (
    <>
      <h1 tabIndex={-1}>
        {greeting(new Date())}, {user.displayName}
      </h1>
      <p className="lead">Här fördelar du statsbidrag och budgetramar exakt till kronan och sparar fördelningen med förklaring till varje belopp.</p>

      <ul className="tiles">
        <li>
          <Link href="/ny-fordelning" className="tile">
            <span className="tile-title">Ny fördelning</span>
            <span className="tile-text">Fördela ett belopp på regioner, samverkansregioner, kommuner eller egna rader.</span>
          </Link>
        </li>
        <li>
          <Link href="/fordelningar" className="tile">
            <span className="tile-title">Sparade fördelningar</span>
            <span className="tile-text">Utkast och beslutade fördelningar, med export till Excel och CSV.</span>
          </Link>
        </li>
        {areas.flatMap((a) => a.tiles ?? []).map((tile) => (
          <li key={tile.href}>
            <Link href={tile.href} className="tile">
              <span className="tile-title">{tile.title}</span>
              <span className="tile-text">{tile.text}</span>
            </Link>
          </li>
        ))}
        {user.isAdmin && (
          <li>
            <Link href="/granskningslogg" className="tile">
              <span className="tile-title">Granskningslogg</span>
              <span className="tile-text">Vem ändrade vad och när, med läget före och efter.</span>
            </Link>
          </li>
        )}
        <li>
          <Link href="/byt-losenord" className="tile">
            <span className="tile-title">Byt lösenord</span>
            <span className="tile-text">Välj ett nytt lösenord för ditt konto.</span>
          </Link>
        </li>
      </ul>

      <UpcomingDeadlines />
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Senast sparade fördelningar</h2>
        <ErrorAlert error={error} />
        {!latest && !error && <Loading what="fördelningar" />}
        {latest && latest.length === 0 && <p>Inga fördelningar är sparade ännu.</p>}
        {latest && latest.length > 0 && <AllocationSummaryTable rows={latest} caption={`De ${latest.length} senast sparade fördelningarna`} />}
        <p>
          <Link href="/fordelningar">Visa alla sparade fördelningar</Link>
        </p>
      </section>
    </>
  );
}
