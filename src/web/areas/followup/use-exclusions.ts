import { useEffect, useState } from "react";
import { loadExclusions, saveExclusions, toggleExclusion } from "./exclusions";

/** The organisation's excluded projects as page state, read from and written to the session. */
export function useExclusions(organisationId: number | undefined): { excluded: string[]; toggle: (code: string, on: boolean) => void } {
  const [excluded, setExcluded] = useState<string[]>([]);
  useEffect(() => {
    if (organisationId !== undefined) setExcluded(loadExclusions(organisationId));
  }, [organisationId]);
  const toggle = (code: string, on: boolean) => {
    if (organisationId === undefined) return;
    const next = toggleExclusion(excluded, code, on);
    saveExclusions(organisationId, next);
    setExcluded(next);
  };
  return { excluded, toggle };
}
