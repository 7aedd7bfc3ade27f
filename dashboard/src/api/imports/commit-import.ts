import { ROUTES, pathTo } from '@handover/shared';
import { z } from 'zod';
import { request } from '../../lib/api-client';
import { readCommitState, type CommitState } from './commit-state';

const POLL_MS = 1000;

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

/** How a long commit is doing, from `GET .../imports/:id`. */
export const getImportStatus = (planId: string, importId: string, signal?: AbortSignal) =>
  request(pathTo(ROUTES.importUpload, { planId, importId }), z.unknown(), { signal }).then(readCommitState);

/**
 * Step three: store the previewed rows, all or nothing. A short commit answers with its result; a
 * long one answers 202 and is polled until it has one, reporting progress on the way.
 */
export async function commitImport(
  planId: string,
  importId: string,
  { onProgress, signal, pollMs = POLL_MS }: { onProgress?: (s: CommitState & { state: 'running' }) => void; signal?: AbortSignal; pollMs?: number } = {},
): Promise<CommitState & { state: 'done' | 'failed' }> {
  let state = readCommitState(await request(pathTo(ROUTES.importCommit, { planId, importId }), z.unknown(), { method: 'POST', signal }));
  while (state.state === 'running') {
    onProgress?.(state);
    await wait(pollMs, signal);
    state = await getImportStatus(planId, importId, signal);
  }
  return state;
}
