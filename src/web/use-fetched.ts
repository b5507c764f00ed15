import { useEffect, useState, type DependencyList } from "react";

/**
 * What `load` resolves to, fetched again whenever `deps` change (the caller names what `load`
 * depends on). A reply that arrives after the deps changed again is dropped, so a slow answer
 * never overwrites a newer one; the last value stays while the next is fetched, and the error is
 * cleared at each new fetch. With `load` undefined there is nothing to fetch yet.
 */
export function useFetched<T>(load: (() => Promise<T>) | undefined, deps: DependencyList): { value: T | undefined; error: unknown } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!load) return;
    let live = true;
    setError(undefined);
    load().then(
      (v) => live && setValue(() => v),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, deps);
  return { value, error };
}
