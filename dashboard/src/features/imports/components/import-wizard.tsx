import { RosterSideSchema, type ImportCommitResult, type ImportPreview as Preview , type RosterSide } from '@handover/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { commitImport } from '../../../api/imports/commit-import';
import { discardImport } from '../../../api/imports/discard-import';
import { useImportPreview } from '../../../api/imports/preview-import';
import { uploadImport, type UploadedImport } from '../../../api/imports/upload-import';
import { useInvalidate } from '../../../api/query-keys';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/api-client';
import { count, localTimeZone } from '../../../lib/format';
import type { NoticeMessage } from '../../../lib/notice';
import { checkMapping, initialMapping, type MappingValues } from '../utils/mapping';
import { blockers, newPosts } from '../utils/preview';
import { CommitProgress } from './commit-progress';
import { FileDrop } from './file-drop';
import { ImportPreview } from './import-preview';
import { MappingForm } from './mapping-form';
import '../import-wizard.css';

type Step =
  | { step: 'choose'; uploading: string | null }
  | { step: 'mapping'; upload: UploadedImport; fileName: string }
  | { step: 'committing'; upload: UploadedImport; fileName: string; done: number | null; total: number | null }
  | { step: 'done'; result: ImportCommitResult; fileName: string };

/** How long typing rests before the preview is asked again. */
const PREVIEW_DELAY_MS = 300;

/**
 * The mapped import (docs/domain.md#import-wizard-and-roster-page): upload a platform's export, read it with a
 * recognised preset or a column mapping, look at the live preview, classify unknown authors and
 * channels into the roster in place, then import with progress. Agency staff map agency rows only.
 */
export function ImportWizard({ planId, agencyOnly, previewDelayMs = PREVIEW_DELAY_MS }: { planId: string; agencyOnly: boolean; previewDelayMs?: number }) {
  const [state, setState] = useState<Step>({ step: 'choose', uploading: null });
  const [values, setValues] = useState<MappingValues | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const invalidate = useInvalidate(planId, 'imports');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  // Each step replaces the control that led to it: the focus goes to the new step's start
  // (the last `data-step-focus`), never to the page's top. Not on the first render: the page keeps its own.
  const root = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);
  const stepKey = state.step === 'choose' ? (state.uploading ? 'uploading' : 'choose') : state.step;
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    [...(root.current?.querySelectorAll<HTMLElement>('[data-step-focus]') ?? [])].at(-1)?.focus();
  }, [stepKey]);

  const upload = state.step === 'mapping' || state.step === 'committing' ? state.upload : null;
  const check = useMemo(() => (values && upload ? checkMapping(values, upload) : null), [values, upload]);
  // Settled with the upload it was made for: a new file never gets the last file's mapping.
  const settled = useDebounced(check?.request && upload ? { id: upload.id, request: check.request } : null, previewDelayMs);
  const applied = settled && settled.id === upload?.id ? settled.request : null;
  const preview = useImportPreview(planId, upload?.id ?? '', applied);
  const current = preview.data && !preview.isPlaceholderData && !preview.isFetching && check?.request && JSON.stringify(applied) === JSON.stringify(check.request) ? preview.data : null;

  const handleFile = async (file: File) => {
    setNotice(null);
    setState({ step: 'choose', uploading: file.name });
    try {
      const uploaded = await uploadImport(planId, file);
      setValues(initialMapping(uploaded, localTimeZone(), agencyOnly ? 'agency' : ''));
      setState({ step: 'mapping', upload: uploaded, fileName: file.name });
    } catch (err) {
      setState({ step: 'choose', uploading: null });
      setNotice({ kind: 'error', text: `“${file.name}” could not be read: ${errorMessage(err)}` });
    }
  };

  const handleCommit = async () => {
    if (state.step !== 'mapping') return;
    const { upload: up, fileName } = state;
    // The API reports rows read so far; out of the rows the preview read.
    const rows = current?.rows ?? null;
    setNotice(null);
    setState({ step: 'committing', upload: up, fileName, done: null, total: null });
    abort.current = new AbortController();
    try {
      const outcome = await commitImport(planId, up.id, {
        signal: abort.current.signal,
        onProgress: (p) => setState({ step: 'committing', upload: up, fileName, done: p.done, total: p.total ?? rows }),
      });
      if (outcome.state === 'failed') throw new Error(outcome.message);
      setState({ step: 'done', result: outcome.result, fileName });
      setValues(null);
      void invalidate();
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') return;
      setState({ step: 'mapping', upload: up, fileName });
      setNotice({ kind: 'error', text: `Nothing was imported: ${errorMessage(err)}` });
      void preview.refetch();
    }
  };

  const reset = (discard: boolean) => {
    if (discard && upload) void discardImport(planId, upload.id).catch(() => undefined);
    setValues(null);
    setNotice(null);
    setState({ step: 'choose', uploading: null });
  };

  const sides: readonly RosterSide[] = agencyOnly ? ['agency'] : RosterSideSchema.options;
  return (
    <div className="stack" ref={root}>
      <Notice notice={notice} live focus="errors" />
      {state.step === 'choose' ? (
        <>
          <FileDrop onFile={(f) => void handleFile(f)} disabled={state.uploading !== null} agencyOnly={agencyOnly} />
          {state.uploading ? (
            <div role="status">
              <p style={{ margin: '0 0 0.35rem' }}>Uploading and reading “{state.uploading}”…</p>
              <progress aria-label="Upload progress" style={{ width: '100%' }} />
            </div>
          ) : null}
        </>
      ) : null}

      {(state.step === 'mapping' || state.step === 'committing') && values && upload ? (
        <>
          <p style={{ margin: 0 }} tabIndex={-1} data-step-focus>
            <strong>{state.fileName}</strong>: {upload.format.toUpperCase()}, {count(upload.columns.length, 'column')}
            {upload.suggestedPreset ? ', recognised' : ', not recognised: map its columns'}.
          </p>
          <MappingForm upload={upload} values={values} errors={check?.errors ?? {}} onChange={setValues} agencyOnly={agencyOnly} />
          {preview.isError && !preview.isFetching ? (
            <p className="alert alert--error" role="alert">
              The preview was refused: {errorMessage(preview.error)}
            </p>
          ) : null}
          {preview.data ? (
            <ImportPreview
              planId={planId}
              preview={preview.data}
              refreshing={preview.isFetching || current === null}
              authorSides={sides}
              channelSides={agencyOnly ? [] : sides}
              onNotice={setNotice}
            />
          ) : check?.request ? (
            <p className="muted">Reading the file with this mapping…</p>
          ) : (
            <p className="muted">Complete the mapping to see what would be imported.</p>
          )}
          {state.step === 'committing' ? (
            <CommitProgress done={state.done} total={state.total} />
          ) : (
            <CommitBar preview={current} onCommit={() => void handleCommit()} onCancel={() => reset(true)} />
          )}
        </>
      ) : null}

      {state.step === 'done' ? (
        <div className="alert alert--success stack" role="status" data-testid="import-done" tabIndex={-1} data-step-focus>
          <p style={{ margin: 0 }}>
            Imported <strong>{count(state.result.inserted, 'post')}</strong> from “{state.fileName}”
            {state.result.duplicates ? `; ${count(state.result.duplicates, 'duplicate')} skipped` : ''}. The share and the ledger are updated.
          </p>
          <div>
            <button type="button" onClick={() => reset(false)}>
              Import another file
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Import, when the current preview allows it; otherwise what stands in the way. */
function CommitBar({ preview, onCommit, onCancel }: { preview: Preview | null; onCommit: () => void; onCancel: () => void }) {
  const reasons = preview ? blockers(preview) : [];
  return (
    <div className="stack">
      {reasons.length ? (
        <ul className="small" data-testid="import-blockers" style={{ margin: 0 }}>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <button type="button" className="button--primary" disabled={!preview || reasons.length > 0} onClick={onCommit}>
          {preview && reasons.length === 0 ? `Import ${count(newPosts(preview), 'post')}` : 'Import'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** `value` once it has stopped changing for `ms` (compared by content, as mapping requests are rebuilt on each render). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    if (ms <= 0) return setSettled(value);
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content
  }, [key, ms]);
  return settled;
}
