import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/ui/states';
import { AppShell, RequireAuth } from './shell';
import { PlanLayout } from './plan-layout';

// Every page is its own chunk: the first load carries the shell and the sign-in form only.
const SignInPage = lazy(() => import('./routes/sign-in'));
const PlansPage = lazy(() => import('./routes/plans'));
const AdminUsersPage = lazy(() => import('./routes/admin-users'));
const AdminPlansPage = lazy(() => import('./routes/admin-plans'));
const OverviewPage = lazy(() => import('./routes/overview'));
const MilestonesPage = lazy(() => import('./routes/milestones'));
const StatusPage = lazy(() => import('./routes/status'));
const SkillsPage = lazy(() => import('./routes/skills'));
const HandoversPage = lazy(() => import('./routes/handovers'));
const ExitPage = lazy(() => import('./routes/exit'));
const PostsPage = lazy(() => import('./routes/posts'));
const RosterPage = lazy(() => import('./routes/roster'));
const ImportPage = lazy(() => import('./routes/import'));
const ActivityPage = lazy(() => import('./routes/activity'));
const MembersPage = lazy(() => import('./routes/members'));
const SettingsTokensPage = lazy(() => import('./routes/settings-tokens'));
const SettingsIngestPage = lazy(() => import('./routes/settings-ingest'));
const SettingsWebhooksPage = lazy(() => import('./routes/settings-webhooks'));
const SettingsPreferencesPage = lazy(() => import('./routes/settings-preferences'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

const page = (node: ReactNode) => <Suspense fallback={<Loading label="Loading page…" />}>{node}</Suspense>;

export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: page(<SignInPage />) },
    {
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: page(<PlansPage />) },
        { path: 'admin/users', element: page(<AdminUsersPage />) },
        { path: 'admin/plans', element: page(<AdminPlansPage />) },
        { path: 'settings/tokens', element: page(<SettingsTokensPage />) },
        { path: 'settings/preferences', element: page(<SettingsPreferencesPage />) },
        {
          path: 'plans/:planId',
          element: <PlanLayout />,
          children: [
            { index: true, element: page(<OverviewPage />) },
            { path: 'milestones', element: page(<MilestonesPage />) },
            { path: 'status', element: page(<StatusPage />) },
            { path: 'skills', element: page(<SkillsPage />) },
            { path: 'handovers', element: page(<HandoversPage />) },
            { path: 'exit', element: page(<ExitPage />) },
            { path: 'posts', element: page(<PostsPage />) },
            { path: 'import', element: page(<ImportPage />) },
            { path: 'roster', element: page(<RosterPage />) },
            { path: 'activity', element: page(<ActivityPage />) },
            { path: 'members', element: page(<MembersPage />) },
            { path: 'settings/ingest', element: page(<SettingsIngestPage />) },
            { path: 'settings/webhooks', element: page(<SettingsWebhooksPage />) },
          ],
        },
        { path: '*', element: page(<NotFoundPage />) },
      ],
    },
  ]);
}
