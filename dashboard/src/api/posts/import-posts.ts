import { ImportResultSchema, ProblemSchema, ROUTES, pathTo, type ImportResult } from '@handover/shared';
import { ApiError } from '../../lib/api-client';

export type ImportProgress = { phase: 'uploading' | 'processing'; loaded: number; total: number };

/**
 * POST a CSV file to /posts/import. XMLHttpRequest rather than fetch, because only it reports upload
 * progress; the answer is parsed with the shared schema like every other response.
 */
export function importPosts(
  planId: string,
  file: Blob,
  { dryRun, onProgress, signal }: { dryRun: boolean; onProgress?: (p: ImportProgress) => void; signal?: AbortSignal },
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', pathTo(ROUTES.postsImport, { planId }, { dryRun: dryRun ? 'true' : undefined }));
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      onProgress?.({ phase: e.loaded < e.total ? 'uploading' : 'processing', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    };
    xhr.upload.onload = () => onProgress?.({ phase: 'processing', loaded: file.size, total: file.size });
    xhr.onerror = () =>
      reject(new ApiError({ type: 'network', title: 'Network error', status: 0, detail: 'The upload failed. Check your connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = ImportResultSchema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ type: 'invalid-response', title: 'Unexpected response', status: xhr.status, detail: 'The import answer did not match the contract.' }));
        return;
      }
      const problem = ProblemSchema.safeParse(body);
      reject(new ApiError(problem.success ? problem.data : { type: 'about:blank', title: xhr.statusText || 'Import failed', status: xhr.status }));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    onProgress?.({ phase: 'uploading', loaded: 0, total: file.size });
    xhr.send(file);
  });
}
