import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, useLocation } from 'react-router';

/** Renders with a fresh query client; with `route`, inside a router at that address (read back with `location()`). */
export function renderWithQuery(ui: ReactElement, { route }: { route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const tree = <QueryClientProvider client={client}>{ui}</QueryClientProvider>;
  const result = render(
    route === undefined ? (
      tree
    ) : (
      <MemoryRouter initialEntries={[route]}>
        {tree}
        <ShowLocation />
      </MemoryRouter>
    ),
  );
  return { client, ...result, location: () => result.container.querySelector('[data-testid="location"]')?.textContent ?? '' };
}

function ShowLocation() {
  const location = useLocation();
  return (
    <span data-testid="location" hidden>
      {location.pathname + location.search}
    </span>
  );
}
