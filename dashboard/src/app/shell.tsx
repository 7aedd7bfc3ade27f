import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorState, Loading } from '../components/ui/states';
import { ThemeToggle } from '../components/ui/theme';
import { useMe } from '../api/auth/get-me';
import { useLogout } from '../api/auth/logout';
import { isApiError, onUnauthorized } from '../lib/api-client';
import { markNavigation } from '../lib/page-focus';

/** Sends anyone not signed in to the sign-in page, and back where they were afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized(() => {
        // The session ended (expired, or signed out elsewhere): forget everything it could read.
        queryClient.clear();
        navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
      }),
    [navigate, queryClient, location.pathname, location.search],
  );
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    }
    return (
      <main>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return <>{children}</>;
}

/** The skip link lands on the page's title when there is one (the start of the content), else on main. */
function skipToContent(e: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById('page-title') ?? document.getElementById('main');
  if (!target) return;
  e.preventDefault();
  target.focus();
}

export function AppShell() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a navigation, focus goes to the new page's title (lib/page-focus); until it appears, to
  // the main region, so it never stays on a link of the page that was left. A layout effect: it runs
  // before the new page's own effects, which may then take the focus.
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    markNavigation();
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);
  const user = me.data?.user;
  const handleSignOut = async () => {
    await logout.mutateAsync().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  };
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="brand">
            Handover
          </Link>
          <nav aria-label="Account" className="row">
            <Link to="/">All plans</Link>
            <NavLink to="/settings/tokens">API tokens</NavLink>
            <NavLink to="/settings/preferences">Preferences</NavLink>
            {user?.isAdmin ? (
              <>
                <NavLink to="/admin/users">Users</NavLink>
                <NavLink to="/admin/plans">New plan</NavLink>
              </>
            ) : null}
          </nav>
          <ThemeToggle />
          <span className="user-chip hide-narrow">{user?.name}</span>
          <button type="button" className="button--small" onClick={() => void handleSignOut()} disabled={logout.isPending}>
            Sign out
          </button>
        </div>
        <div id="plan-nav-slot" />
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
    </>
  );
}
