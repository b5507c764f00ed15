import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { Link, usePath } from "../router";
import type { User } from "../api/types";
import { areas } from "../areas";
import { watchScrollableTables } from "./scrollable-tables";

const links = [
  { href: "/", label: "Start" },
  { href: "/ny-fordelning", label: "Ny fördelning" },
  { href: "/fordelningar", label: "Sparade fördelningar" },
];

function isCurrent(path: string, href: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

export function Layout({ user, onLogout, children }: { user?: User; onLogout?: () => void; children: ReactNode }) {
  const path = usePath();
  // On a narrow screen the menu folds behind a button; on a wide one the button is hidden (CSS).
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLElement>(null);
  useEffect(() => setMenuOpen(false), [path]);
  // Escape folds an open menu from the button or any of its links, and leaves focus on the button.
  const foldOnEscape = (e: KeyboardEvent) => {
    if (e.key === "Escape" && menuOpen) {
      e.preventDefault();
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };
  useEffect(() => (main.current ? watchScrollableTables(main.current) : undefined), []);
  const nav = user ? [...links, ...areas.flatMap((a) => a.nav).filter((l) => !l.show || l.show(user)), ...(user.isAdmin ? [{ href: "/granskningslogg", label: "Granskningslogg" }] : [])] : [];
  // A chosen link folds the menu, also one to the page already shown (the path does not change).
  const foldOnLink = (e: MouseEvent) => {
    if ((e.target as Element).closest("a")) setMenuOpen(false);
  };
  return (
    <>
      <a className="skip-link" href="#innehall">
        Hoppa till innehållet
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link href="/" className="brand">
            Fördela
          </Link>
          {user && !user.mustChangePassword && (
            <button
              type="button"
              className="menu-toggle"
              ref={menuButton}
              aria-expanded={menuOpen}
              aria-controls="huvudmeny"
              onClick={() => setMenuOpen((open) => !open)}
              onKeyDown={foldOnEscape}
            >
              Meny
            </button>
          )}
          {user && !user.mustChangePassword && (
            <nav
              aria-label="Huvudmeny"
              id="huvudmeny"
              className={menuOpen ? "open" : undefined}
              onKeyDown={foldOnEscape}
              onClick={foldOnLink}
            >
              <ul>
                {nav.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href} aria-current={isCurrent(path, l.href) ? "page" : undefined}>
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {user && (
            <div className="user-box">
              <span className="user-name">{user.displayName}</span>
              <button type="button" className="button-quiet" onClick={onLogout}>
                Logga ut
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="innehall" tabIndex={-1} ref={main}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Fördela – planering, fördelning och uppföljning av hälso- och sjukvårdens medel. Belopp räknas exakt i hela öre.</p>
      </footer>
    </>
  );
}
