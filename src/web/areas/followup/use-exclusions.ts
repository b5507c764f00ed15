import { useEffect, useRef, useState } from "react";
import { followupApi } from "./api";
import { toggleExclusion } from "./exclusions";

/**
 * The user's excluded projects in the organisation, read from and saved to the database (the
 * user's follow-up preferences), so every page, browser and later visit leaves out the same
 * projects. Undefined until read. Saves go one after another, each with the revision the last
 * one gave; a refused save (another tab saved first) reads the stored choice again and says why.
 * When the choices cannot be read, the reports count every project and the error is shown.
 */
export function useExclusions(organisationId: number | undefined): { excluded: string[] | undefined; toggle: (code: string, on: boolean) => void; error: unknown } {
  const [state, setState] = useState<{ organisationId: number; excluded: string[] }>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const revision = useRef(0);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (organisationId === undefined) return;
    let live = true;
    followupApi.preferences(organisationId).then(
      (p) => {
        if (!live) return;
        revision.current = p.revision;
        setState({ organisationId, excluded: p.excludedProjects });
      },
      (e: unknown) => {
        if (!live) return;
        // The reports still load, counting every project, and the page says why.
        setError(e);
        setState({ organisationId, excluded: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [organisationId, reloads]);

  const toggle = (code: string, on: boolean) => {
    if (!state || state.organisationId !== organisationId) return;
    const next = toggleExclusion(state.excluded, code, on);
    setState({ organisationId: state.organisationId, excluded: next });
    setError(undefined);
    const org = state.organisationId;
    saving.current = saving.current.then(() =>
      followupApi.savePreferences(org, next, revision.current).then(
        (p) => {
          revision.current = p.revision;
        },
        (e: unknown) => {
          setError(e);
          setReloads((n) => n + 1);
        },
      ),
    );
  };
  return { excluded: state && state.organisationId === organisationId ? state.excluded : undefined, toggle, error };
}
