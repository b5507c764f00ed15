import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

// A tiny client-side router on the History API: the app has a handful of pages and no nested
// layouts, so a library would add more than it saves.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type RouteMatch = { name: string; params: Record<string, string> };

/** Matches a path against patterns like "/fordelningar/:id"; the first hit wins. */
export function matchRoute(path: string, routes: readonly { name: string; pattern: string }[]): RouteMatch | undefined {
  const parts = path.replace(/\/+$/, "").split("/").filter(Boolean);
  for (const route of routes) {
    const patternParts = route.pattern.split("/").filter(Boolean);
    if (patternParts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = patternParts.every((p, i) => {
      const part = parts[i]!;
      if (p.startsWith(":")) {
        params[p.slice(1)] = decodeURIComponent(part);
        return true;
      }
      return p === part;
    });
    if (ok) return { name: route.name, params };
  }
  return undefined;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // Let the browser handle new tabs, downloads and modified clicks.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target || rest.download !== undefined) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** Sets document.title for the page; App moves focus to the page's h1 after a navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Fördela`;
  }, [title]);
}
