import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/ui/states';
import { ThemeToggle } from '../../components/ui/theme';
import { useMe } from '../../api/auth/get-me';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useTitle } from '../use-title';

/** Only same-site paths: never send a user to another origin after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export default function SignInPage() {
  useTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNext(params.get('next'));
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.data) return <Navigate to={next} replace />;
  return (
    <main id="main" className="sign-in">
      <div className="card stack">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h1 style={{ margin: 0 }}>Sign in to Handover</h1>
          <ThemeToggle />
        </div>
        <p className="muted">Track the hand-over of your social-media voice from the agency to your own team.</p>
        <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
      </div>
    </main>
  );
}
