import { count } from '../../../lib/format';

/** The import being written: a bar that fills as the server reports rows done, or moves without a figure until it does. */
export function CommitProgress({ done, total }: { done: number | null; total: number | null }) {
  const known = done !== null && total !== null && total > 0;
  return (
    <div role="status" data-testid="import-progress" tabIndex={-1} data-step-focus>
      <p style={{ margin: '0 0 0.35rem' }}>Importing… {known ? `${done} of ${count(total, 'row')} processed.` : 'the server is writing the rows.'}</p>
      <progress aria-label="Import progress" max={known ? total : undefined} value={known ? done : undefined} style={{ width: '100%' }} />
    </div>
  );
}
