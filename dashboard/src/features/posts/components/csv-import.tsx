import type { ImportResult } from '@handover/shared';
import { useId, useRef, useState } from 'react';
import { importPosts, type ImportProgress } from '../../../api/posts/import-posts';
import { useInvalidate } from '../../../api/query-keys';
import { DataTable } from '../../../components/ui/data-table';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { downloadText } from '../../../lib/csv';
import { count } from '../../../lib/format';
import { csvTemplate, errorRows, formatBytes, headerProblem, linesOf, type LineErrorRow } from '../utils/csv-preview';

type State =
  | { step: 'idle' }
  | { step: 'checking'; progress: ImportProgress | null }
  | { step: 'invalid'; rows: LineErrorRow[]; detail: string }
  | { step: 'refused'; message: string }
  | { step: 'ready'; preview: ImportResult }
  | { step: 'importing'; progress: ImportProgress | null }
  | { step: 'done'; result: ImportResult };

/** Files up to this size are read in the browser to show each bad line's text. */
const PREVIEW_LIMIT = 2 * 1024 * 1024;

/** A refused file: its bad lines (with their text when the file was read), or the reason. */
const refusal = (err: unknown, lines: string[] | null): State =>
  isApiError(err) && err.status === 422 && err.lineErrors.length
    ? { step: 'invalid', rows: errorRows(err.lineErrors, lines), detail: err.problem.detail === undefined ? 'Some rows are not valid; nothing was imported.' : err.message }
    : { step: 'refused', message: errorMessage(err) };

export function CsvImport({ planId, agencyOnly }: { planId: string; agencyOnly: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [lines, setLines] = useState<string[] | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const invalidate = useInvalidate(planId, 'posts');
  const inputId = useId();

  const check = async (chosen: File) => {
    setState({ step: 'checking', progress: null });
    const text = chosen.size <= PREVIEW_LIMIT ? await chosen.text() : null;
    const fileLines = text === null ? null : linesOf(text);
    setLines(fileLines);
    const bad = fileLines ? headerProblem(fileLines[0] ?? '') : null;
    if (bad) {
      setState({ step: 'invalid', rows: [{ line: 1, message: bad, text: fileLines?.[0] ?? null }], detail: 'The file has the wrong header; nothing was uploaded.' });
      return;
    }
    try {
      const preview = await importPosts(planId, chosen, { dryRun: true, onProgress: (progress) => setState({ step: 'checking', progress }) });
      setState({ step: 'ready', preview });
    } catch (err) {
      setState(refusal(err, fileLines));
    }
  };

  const handleFile = (chosen: File | null) => {
    setFile(chosen);
    if (chosen) void check(chosen);
    else setState({ step: 'idle' });
  };

  const handleImport = async () => {
    if (!file) return;
    setState({ step: 'importing', progress: null });
    try {
      const result = await importPosts(planId, file, { dryRun: false, onProgress: (progress) => setState({ step: 'importing', progress }) });
      setState({ step: 'done', result });
      void invalidate();
    } catch (err) {
      setState(refusal(err, lines));
    }
  };

  const reset = () => {
    setFile(null);
    setLines(null);
    setState({ step: 'idle' });
    if (inputRef.current) inputRef.current.value = '';
    inputRef.current?.focus();
  };

  return (
    <div className="stack">
      <p className="small muted" style={{ margin: 0 }}>
        A CSV with the header <code>channel,published_at,source,external_id,author</code>; <code>source</code> is <code>agency</code>,{' '}
        <code>in_house</code> or <code>co_authored</code>
        {agencyOnly ? ' (agency staff may import agency posts only)' : ''}. The file is checked first; nothing is stored until you import it,
        and a file with any bad line is refused whole.{' '}
        <button type="button" className="button--link" onClick={() => downloadText('posts-template.csv', csvTemplate(agencyOnly))}>
          Download a template
        </button>
      </p>
      <div className="field">
        <label htmlFor={inputId}>CSV file</label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => handleFile(e.target.files?.[0] ?? null)}
          disabled={state.step === 'checking' || state.step === 'importing'}
        />
        {file ? (
          <span className="field__hint">
            {file.name}, {formatBytes(file.size)}
          </span>
        ) : null}
      </div>

      <div aria-live="polite" className="stack">
        {state.step === 'checking' || state.step === 'importing' ? (
          <div role="status">
            <p style={{ margin: '0 0 0.35rem' }}>
              {state.step === 'checking' ? 'Checking the file (dry run)…' : 'Importing…'}{' '}
              {state.progress?.phase === 'processing'
                ? 'uploaded; the server is processing the rows.'
                : state.progress
                  ? `uploading ${formatBytes(state.progress.loaded)} of ${formatBytes(state.progress.total)}`
                  : ''}
            </p>
            <progress
              aria-label={state.step === 'checking' ? 'Checking progress' : 'Import progress'}
              max={state.progress?.total || 1}
              value={state.progress?.phase === 'processing' ? undefined : (state.progress?.loaded ?? 0)}
              style={{ width: '100%' }}
            />
          </div>
        ) : null}

        {state.step === 'invalid' ? (
          <div className="alert alert--error" role="alert" data-testid="import-errors">
            <strong>
              {state.rows.length} line{state.rows.length === 1 ? '' : 's'} to fix before importing.
            </strong>{' '}
            {state.detail} Fix the file and choose it again.
            <DataTable<LineErrorRow>
              caption="Errors by line"
              rows={state.rows}
              rowKey={(r, i) => `${r.line}-${i}`}
              columns={[
                { key: 'line', header: 'Line', numeric: true, rowHeader: true, cell: (r) => r.line },
                { key: 'message', header: 'Problem', cell: (r) => r.message },
                { key: 'text', header: 'Line content', cell: (r) => (r.text === null ? '—' : <code>{r.text}</code>) },
              ]}
            />
          </div>
        ) : null}

        {state.step === 'refused' ? (
          <p className="alert alert--error" role="alert">
            {state.message}
          </p>
        ) : null}

        {state.step === 'ready' ? <Preview preview={state.preview} onImport={() => void handleImport()} onCancel={reset} /> : null}

        {state.step === 'done' ? (
          <div className="alert alert--success" role="status" data-testid="import-done">
            Imported <strong>{state.result.inserted}</strong> post{state.result.inserted === 1 ? '' : 's'}
            {state.result.duplicates ? `; ${state.result.duplicates} duplicate${state.result.duplicates === 1 ? '' : 's'} skipped` : ''}.{' '}
            <button type="button" className="button--link" onClick={reset}>
              Import another file
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The dry run's answer: how many rows are new and how many are already recorded. A file whose rows
 * are all recorded offers nothing to import (not "Import 0 rows").
 */
function Preview({ preview, onImport, onCancel }: { preview: ImportResult; onImport: () => void; onCancel: () => void }) {
  const { valid, duplicates } = preview;
  if (valid === 0)
    return (
      <div className="alert alert--info" data-testid="import-preview">
        <p style={{ margin: 0 }}>
          {duplicates === 0
            ? 'The file has no rows to import.'
            : `${duplicates === 1 ? 'Its one row is' : `All ${duplicates} rows are`} already recorded; there is nothing new to import.`}
        </p>
        <button type="button" onClick={onCancel} style={{ marginTop: '0.5rem' }}>
          Choose another file
        </button>
      </div>
    );
  return (
    <div className="alert alert--info" data-testid="import-preview">
      <p style={{ margin: 0 }}>
        Ready: <strong>{count(valid, 'new row')}</strong> to import
        {duplicates ? `; ${count(duplicates, 'row')} already recorded (will be skipped)` : ''}. Nothing stored yet.
      </p>
      <div className="row" style={{ marginTop: '0.5rem' }}>
        <button type="button" className="button--primary" onClick={onImport}>
          Import {count(valid, 'row')}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
