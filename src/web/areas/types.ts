import type { ReactNode } from "react";
import type { User } from "../api/types";

/** A page reachable at a path pattern such as "/statsbidrag/beslut/:id". */
export interface AreaRoute {
  pattern: string;
  render(params: Record<string, string>, user: User): ReactNode;
  adminOnly?: boolean;
}

/**
 * One part of the product (grants, budgets, follow-up) as the shell sees it: its pages and its
 * entries in the main menu. Adding an area touches only areas/index.ts, not the shell.
 */
export interface Area {
  /** Menu entries; `show` hides one from users it is not for (the server still checks access). */
  nav: { href: string; label: string; show?: (user: User) => boolean }[];
  /** Entries on the start page: where to begin with this part of the product. */
  tiles?: { href: string; title: string; text: string }[];
  routes: AreaRoute[];
}
