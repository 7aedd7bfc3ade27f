import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../../lib/api-client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry, title = 'This could not be loaded' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const forbidden = isApiError(error) && error.status === 403;
  return (
    <div className={`alert ${forbidden ? 'alert--info' : 'alert--error'}`} role="alert">
      <strong>{forbidden ? 'Not available for your role' : title}</strong>
      <p className="small" style={{ margin: '0.25rem 0 0' }}>
        {errorMessage(error)}
      </p>
      {onRetry && !forbidden ? (
        <button type="button" className="button--small" onClick={onRetry} style={{ marginTop: '0.5rem' }}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export type QueryLike<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/**
 * The loading / error / data switch every page repeats. `frame` wraps the loading and error states
 * (e.g. in the card the data would fill, so its heading stays put).
 */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
  isEmpty,
  empty,
  frame = (state) => state,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  frame?: (state: ReactNode) => ReactNode;
}) {
  if (query.isPending) return <>{frame(<Loading label={loadingLabel} />)}</>;
  if (query.isError || query.data === undefined) return <>{frame(<ErrorState error={query.error} onRetry={() => void query.refetch()} />)}</>;
  if (isEmpty?.(query.data)) return <>{empty ?? <EmptyState title="Nothing here yet" />}</>;
  return <>{children(query.data)}</>;
}
