import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, setCsrfToken, setUnauthorizedHandler } from "./api/client";
import type { User } from "./api/types";
import { Layout } from "./components/Layout";
import { Loading } from "./components/ErrorAlert";
import { AllocationDetailPage } from "./pages/AllocationDetailPage";
import { AllocationFormPage } from "./pages/AllocationFormPage";
import { AllocationListPage } from "./pages/AllocationListPage";
import { AuditPage } from "./pages/AuditPage";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { StartPage } from "./pages/StartPage";
import { areas } from "./areas";
import { matchRoute, navigate, usePath } from "./router";
import { SessionContext, type SessionValue } from "./session";

const routes = [
  { name: "start", pattern: "/" },
  { name: "new", pattern: "/ny-fordelning" },
  { name: "list", pattern: "/fordelningar" },
  { name: "detail", pattern: "/fordelningar/:id" },
  { name: "edit", pattern: "/fordelningar/:id/andra" },
  { name: "audit", pattern: "/granskningslogg" },
  { name: "password", pattern: "/byt-losenord" },
] as const;

type SessionState = { status: "loading" } | { status: "anonymous"; expired: boolean } | { status: "signed-in"; user: User };

export function App() {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const path = usePath();

  const refresh = useCallback(async () => {
    try {
      const session = await api.me();
      setCsrfToken(session.csrfToken);
      // The same user again (a second refresh) keeps the same object: pages that depend on it
      // must not reload and lose what the user has typed.
      setState((prev) => (prev.status === "signed-in" && JSON.stringify(prev.user) === JSON.stringify(session.user) ? prev : { status: "signed-in", user: session.user }));
    } catch {
      setCsrfToken(undefined);
      setState({ status: "anonymous", expired: false });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(undefined);
      setState({ status: "anonymous", expired: true });
    });
    void refresh();
    return () => setUnauthorizedHandler(undefined);
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(undefined);
      setState({ status: "anonymous", expired: false });
      navigate("/");
    }
  }, []);

  // After a client-side navigation or a login, focus the new page's heading so screen readers
  // announce it; the first render keeps the browser's own focus.
  const shown = `${state.status}:${path}`;
  const previous = useRef(shown);
  useEffect(() => {
    const wasLoading = previous.current.startsWith("loading:");
    if (previous.current === shown) return;
    previous.current = shown;
    if (wasLoading) return;
    const timer = window.setTimeout(() => document.querySelector<HTMLElement>("main h1")?.focus({ preventScroll: true }), 0);
    return () => window.clearTimeout(timer);
  }, [shown]);

  const session = useMemo<SessionValue | undefined>(
    () => (state.status === "signed-in" ? { user: state.user, refresh, logout } : undefined),
    [state, refresh, logout],
  );

  if (state.status === "loading") {
    return (
      <Layout>
        <h1 tabIndex={-1}>Fördela</h1>
        <Loading what="inloggningen" />
      </Layout>
    );
  }
  if (state.status === "anonymous" || !session) {
    return (
      <Layout>
        <LoginPage
          expired={state.status === "anonymous" && state.expired}
          onLogin={(s) => {
            setCsrfToken(s.csrfToken);
            setState({ status: "signed-in", user: s.user });
          }}
        />
      </Layout>
    );
  }

  const user = session.user;
  const route = matchRoute(path, routes);
  const areaRoutes = areas.flatMap((a) => a.routes);
  const areaMatch = route ? undefined : matchRoute(path, areaRoutes.map((r, i) => ({ name: String(i), pattern: r.pattern })));
  let page;
  if (user.mustChangePassword) page = <ChangePasswordPage forced />;
  else if (areaMatch) {
    const areaRoute = areaRoutes[Number(areaMatch.name)]!;
    page = areaRoute.adminOnly && !user.isAdmin ? <NotFoundPage /> : areaRoute.render(areaMatch.params, user);
  } else if (!route) page = <NotFoundPage />;
  else {
    const id = Number(route.params.id);
    switch (route.name) {
      case "start":
        page = <StartPage />;
        break;
      case "new":
        page = <AllocationFormPage key="new" />;
        break;
      case "list":
        page = <AllocationListPage />;
        break;
      case "detail":
        page = Number.isSafeInteger(id) && id > 0 ? <AllocationDetailPage key={id} id={id} /> : <NotFoundPage />;
        break;
      case "edit":
        page = Number.isSafeInteger(id) && id > 0 ? <AllocationFormPage key={`edit-${id}`} editId={id} /> : <NotFoundPage />;
        break;
      case "audit":
        page = user.isAdmin ? <AuditPage /> : <NotFoundPage />;
        break;
      case "password":
        page = <ChangePasswordPage forced={false} />;
        break;
      default:
        page = <NotFoundPage />;
    }
  }
  return (
    <SessionContext.Provider value={session}>
      <Layout user={user} onLogout={() => void logout()}>
        {page}
      </Layout>
    </SessionContext.Provider>
  );
}
