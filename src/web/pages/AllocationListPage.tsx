import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { AllocationSummary } from "../api/types";
import { AllocationSummaryTable } from "../components/AllocationSummaryTable";
import { ErrorAlert, Loading } from "../components/ErrorAlert";
import { Link, usePageTitle } from "../router";

export function AllocationListPage() {
  usePageTitle("Sparade fördelningar");
  const [rows, setRows] = useState<AllocationSummary[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api
      .listAllocations()
      .then((list) => setRows([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)))
      .catch(setError);
  }, []);

  return (
    <>
      <h1 tabIndex={-1}>Sparade fördelningar</h1>
      <p className="lead">
        Beslutade fördelningar är allmänna handlingar och syns för alla. Utkast syns bara för den egna organisationen.{" "}
        <Link href="/ny-fordelning">Gör en ny fördelning</Link>.
      </p>
      <ErrorAlert error={error} />
      {!rows && !error && <Loading what="fördelningar" />}
      {rows && rows.length === 0 && <p>Inga fördelningar är sparade ännu.</p>}
      {rows && rows.length > 0 && <AllocationSummaryTable rows={rows} caption={`${rows.length} sparade fördelningar, nyast först`} />}
    </>
  );
}
