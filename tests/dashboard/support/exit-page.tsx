import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import type { PlanRead } from '../../../dashboard/src/api/plans/get-plan';
import ExitPage from '../../../dashboard/src/app/routes/exit';
import type { PlanContext } from '../../../dashboard/src/app/use-session';
import { aPlan } from './fixtures';

/** The Exit page as the plan layout renders it: the route (which composes the sessions' list), in the plan context. */
export function renderExitPage(role: PlanContext['role'], plan: PlanRead = aPlan()) {
  const context = { plan, role, me: {} } as PlanContext;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/exit']}>
        <Routes>
          <Route element={<Outlet context={context} />}>
            <Route path="/exit" element={<ExitPage />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
