import type { ReactNode } from "react";
import { Link, usePath } from "../router";
import type { User } from "../api/types";
import { areas } from "../areas";

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
  const nav = user ? [...links, ...areas.flatMap((a) => a.nav).filter((l) => !l.show || l.show(user)), ...(user.isAdmin ? [{ href: "/granskningslogg", label: "Granskningslogg" }] : [])] : [];
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
            <nav aria-label="Huvudmeny">
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
      <main id="innehall" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Fördela – planering, fördelning och uppföljning av hälso- och sjukvårdens medel. Belopp räknas exakt i hela öre.</p>
      </footer>
    </>
  );
}
