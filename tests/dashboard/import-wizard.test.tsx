import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportPreview } from '@handover/shared';
import { ImportWizard } from '../../dashboard/src/features/imports/components/import-wizard';
import { mockFetch, problem, type Call } from './support/fetch';
import { PLAN } from './support/fixtures';
import { renderWithQuery } from './support/render';

const IMPORT = '22222222-2222-4222-8222-222222222222';
const BASE = `/plans/${PLAN}/imports`;

const metaUpload = {
  id: IMPORT,
  format: 'csv',
  headerRow: 1,
  columns: ['Post ID', 'Page ID', 'Publish time', 'Permalink', 'Author'],
  sampleRows: [['1', '99', '03/02/2026 10:00', 'https://facebook.com/1', 'Sam']],
  suggestedPreset: 'meta_facebook',
  // A preset's mapping has no time zone yet: the person gives it.
  mapping: { columns: { publishedAt: 'Publish time', account: 'Page ID', externalId: 'Post ID', permalink: 'Permalink' }, channel: 'facebook', dateFormat: 'MM/DD/YYYY HH:mm' },
};

const aPreview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  rows: 4,
  valid: 4,
  skipped: 0,
  errorCount: 0,
  errors: [],
  bySide: { agency: 1, inHouse: 1, coAuthored: 0, unclassified: 2 },
  unknownAuthors: [{ value: 'Sam Agency', rows: 2 }],
  unknownChannels: [{ value: '99', rows: 1 }],
  duplicates: 0,
  ...over,
});
const classified = aPreview({ bySide: { agency: 3, inHouse: 1, coAuthored: 0, unclassified: 0 }, unknownAuthors: [], unknownChannels: [] });

const file = (text: string, name: string, type = 'text/csv') => new File([text], name, { type });

async function upload(name = 'meta.csv') {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText('Export file'), file('Post ID,Page ID,Publish time\n', name));
  return user;
}

const rosterEntry = (body: { kind: string; match: string; side: string }) => ({
  id: '33333333-3333-4333-8333-333333333333',
  planId: PLAN,
  ...body,
  from: null,
  to: null,
  note: null,
  createdBy: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('ImportWizard', () => {
  it('When a Meta export is dropped in, then the preset is recognised and previewed in the browser’s time zone, an unknown author is classified in one click, and the import runs with progress to a success notice that refreshes the share', async () => {
    let rosterWritten = false;
    const { calls } = mockFetch({
      [`POST ${BASE}`]: { status: 201, body: metaUpload },
      [`PUT ${BASE}/${IMPORT}/mapping`]: () => ({ status: 200, body: rosterWritten ? classified : aPreview() }),
      [`POST /plans/${PLAN}/roster`]: (call: Call) => {
        rosterWritten = true;
        return { status: 201, body: rosterEntry(call.body as { kind: string; match: string; side: string }) };
      },
      [`POST ${BASE}/${IMPORT}/commit`]: { status: 202, body: { ...metaUpload, status: 'committing', progress: { rows: 0 } } },
      [`GET ${BASE}/${IMPORT}`]: [
        { status: 200, body: { ...metaUpload, status: 'committing', progress: { rows: 2 } } },
        { status: 200, body: { ...metaUpload, status: 'committed', progress: { rows: 4 }, result: { inserted: 4, duplicates: 0 } } },
      ],
    });
    const { client } = renderWithQuery(<ImportWizard planId={PLAN} agencyOnly={false} previewDelayMs={0} />);
    client.setQueryData(['plans', PLAN, 'share', 'week', '2026-01-05', '2026-03-02'], { weeks: [] });
    const user = await upload();

    const uploadCall = calls.find((c) => c.method === 'POST' && c.url.endsWith('/imports'))!;
    expect(uploadCall.headers['Content-Type']).toBe('text/csv');
    expect(uploadCall.body).toBeInstanceOf(File);
    expect(await screen.findByText(/recognised\./)).toBeTruthy();
    // The file input is gone: the focus moves to what was read, not to the page's top.
    expect(document.activeElement?.textContent).toMatch(/^meta\.csv: CSV, 5 columns/);
    expect((screen.getByLabelText('Preset') as HTMLSelectElement).value).toBe('meta_facebook');

    const preview = await screen.findByTestId('import-preview');
    expect(within(screen.getByTestId('import-by-side')).getByText('Not classified').nextSibling?.textContent).toBe('2');
    const mapping = calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>;
    expect(mapping).toEqual({ preset: 'meta_facebook', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    expect(screen.getByTestId('import-blockers').textContent).toContain('2 rows are not classified');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(within(preview).getByRole('button', { name: 'Agency: add “Sam Agency” to the roster as agency' }));
    await waitFor(() => expect(screen.getByTestId('unknown-authors').textContent).toContain('None: the roster knows every author'));
    expect(calls.filter((c) => c.url.endsWith('/roster')).map((c) => c.body)).toEqual([{ kind: 'author', match: 'Sam Agency', side: 'agency' }]);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
    expect(screen.getByText('“Sam Agency” is now in the roster as agency; the preview is updated.')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('Unknown authors');

    await user.click(await screen.findByRole('button', { name: 'Import 4 posts' }));
    expect((await screen.findByTestId('import-progress')).textContent).toMatch(/Importing… [02] of 4 rows processed\./);
    const done = await screen.findByTestId('import-done', {}, { timeout: 4000 });
    expect(done.textContent).toContain('Imported 4 posts from “meta.csv”');
    expect(document.activeElement).toBe(done);
    expect(client.getQueryState(['plans', PLAN, 'share', 'week', '2026-01-05', '2026-03-02'])?.isInvalidated).toBe(true);
  }, 15_000);

  it('When agency staff import, then they may classify authors as agency only, not channels, and the default side offers agency only', async () => {
    const { calls } = mockFetch({
      [`POST ${BASE}`]: { status: 201, body: metaUpload },
      [`PUT ${BASE}/${IMPORT}/mapping`]: { status: 200, body: aPreview() },
    });
    renderWithQuery(<ImportWizard planId={PLAN} agencyOnly previewDelayMs={0} />);
    await upload();
    await screen.findByTestId('import-preview');
    const authors = screen.getByTestId('unknown-authors');
    expect(within(authors).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Agency: add “Sam Agency” to the roster as agency']);
    expect(within(screen.getByTestId('unknown-channels')).queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByTestId('unknown-channels').textContent).toContain('A lead adds accounts and channels');
    const side = screen.getByLabelText('Rows no one is known for') as HTMLSelectElement;
    expect([...side.options].map((o) => o.value)).toEqual(['', 'agency']);
    expect(side.value).toBe('agency');
    expect((calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>).defaultSide).toBe('agency');
  });

  it('When the file is not recognised, then its columns are mapped by hand, the preview waits for a complete mapping, and errors are listed by line with the import held back', async () => {
    const { calls } = mockFetch({
      [`POST ${BASE}`]: { status: 201, body: { id: IMPORT, format: 'csv', headerRow: 1, columns: ['When', 'Who', 'Link'], sampleRows: [] } },
      [`PUT ${BASE}/${IMPORT}/mapping`]: {
        status: 200,
        body: aPreview({ rows: 3, valid: 2, errorCount: 1, errors: [{ line: 3, message: 'When: "yesterday" is not a date like 03/31/2026' }], unknownAuthors: [], unknownChannels: [], bySide: { agency: 0, inHouse: 2, coAuthored: 0, unclassified: 0 } }),
      },
    });
    renderWithQuery(<ImportWizard planId={PLAN} agencyOnly={false} previewDelayMs={0} />);
    const user = await upload('other.csv');
    expect(await screen.findByText(/not recognised: map its columns/)).toBeTruthy();
    expect(screen.getByText('Complete the mapping to see what would be imported.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Published at'), 'When');
    await user.selectOptions(screen.getByLabelText('Author'), 'Who');
    await user.type(screen.getByLabelText('Channel'), 'LinkedIn');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    expect(screen.getByText(/must be given with columns|Invalid option/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Date format'), 'MM/DD/YYYY');
    const errors = await screen.findByTestId('import-errors');
    expect(within(errors).getByRole('row', { name: /3/ }).textContent).toContain('is not a date like 03/31/2026');
    const put = calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(put.body).toMatchObject({ columns: { publishedAt: 'When', author: 'Who', permalink: 'Link' }, channel: 'linkedin', dateFormat: 'MM/DD/YYYY' });
    expect(screen.getByTestId('import-blockers').textContent).toContain('1 row has an error');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('When an XLSX file is uploaded, then it is sent as XLSX; when the server refuses it, then the reason is shown and the file can be chosen again', async () => {
    const { calls } = mockFetch({ [`POST ${BASE}`]: problem(413, 'payload-too-large', { detail: 'The file is over the 200 MB limit.' }) });
    renderWithQuery(<ImportWizard planId={PLAN} agencyOnly={false} previewDelayMs={0} />);
    await userEvent.setup().upload(screen.getByLabelText('Export file'), file('PK', 'posts.xlsx', ''));
    expect((await screen.findByRole('alert')).textContent).toBe('“posts.xlsx” could not be read: The file is over the 200 MB limit.');
    expect(calls[0]!.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((screen.getByLabelText('Export file') as HTMLInputElement).disabled).toBe(false);
  });

  it('When the commit is refused, then nothing is imported, the reason is shown, and the preview is asked again', async () => {
    const { calls } = mockFetch({
      [`POST ${BASE}`]: { status: 201, body: metaUpload },
      [`PUT ${BASE}/${IMPORT}/mapping`]: { status: 200, body: classified },
      [`POST ${BASE}/${IMPORT}/commit`]: problem(409, 'import-in-progress', { detail: 'Another import into this plan is running; try again when it has finished.' }),
    });
    renderWithQuery(<ImportWizard planId={PLAN} agencyOnly={false} previewDelayMs={0} />);
    const user = await upload();
    await user.click(await screen.findByRole('button', { name: 'Import 4 posts' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: Another import into this plan is running; try again when it has finished.');
    expect(screen.queryByTestId('import-done')).toBeNull();
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(await screen.findByRole('button', { name: 'Import 4 posts' })).toBeTruthy();
  });

  it('When the import is cancelled, then the upload is discarded and the file picker is back', async () => {
    const { calls } = mockFetch({
      [`POST ${BASE}`]: { status: 201, body: metaUpload },
      [`PUT ${BASE}/${IMPORT}/mapping`]: { status: 200, body: classified },
      [`DELETE ${BASE}/${IMPORT}`]: { status: 204 },
    });
    renderWithQuery(<ImportWizard planId={PLAN} agencyOnly={false} previewDelayMs={0} />);
    const user = await upload();
    await screen.findByRole('button', { name: 'Import 4 posts' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Export file'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith(`/imports/${IMPORT}`))).toBe(true));
  });
});
