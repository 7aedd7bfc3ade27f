import { formatDate } from '../../lib/format';

/**
 * Says the agency exit is done, on the overview and the Exit page (docs/domain.md#exit-page):
 * the day it was done and, when it was done with gates open, the reason given.
 */
export function ExitedBanner({ exitedAt, reason }: { exitedAt: string; reason?: string | null }) {
  return (
    <div className="alert alert--info" data-testid="exited-banner">
      <p style={{ margin: 0 }}>
        <strong>The agency exit was done on {formatDate(exitedAt)}.</strong> The agency side is read-only.
      </p>
      {reason ? <p style={{ margin: '0.25rem 0 0' }}>Ended with gates still open. Reason given: “{reason}”</p> : null}
    </div>
  );
}
