import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CsvImport } from '../../dashboard/src/features/posts/components/csv-import';
import { csvTemplate } from '../../dashboard/src/features/posts/utils/csv-preview';
import { ApiError } from '../../dashboard/src/lib/api-client';
import { renderWithQuery } from './support/render';

jest.mock('../../dashboard/src/api/posts/import-posts', () => ({ importPosts: jest.fn() }));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module
const { importPosts } = require('../../dashboard/src/api/posts/import-posts') as { importPosts: jest.Mock };

const HEADER = 'channel,published_at,source,external_id,author';
const file = (text: string, name = 'posts.csv') => {
  const f = new File([text], name, { type: 'text/csv' });
  // jsdom's File has no text() in every version
  Object.defineProperty(f, 'text', { value: async () => text });
  return f;
};

describe('CsvImport', () => {
  beforeEach(() => importPosts.mockReset());

  it('When the dry run refuses a line, then the errors are listed by line with the line text, and nothing is imported', async () => {
    importPosts.mockRejectedValueOnce(
      new ApiError({ type: 'x/invalid-csv', title: 'Invalid CSV', status: 422, detail: '1 bad row.', errors: [{ line: 3, message: 'published_at: must be an instant' }] }),
    );
    renderWithQuery(<CsvImport planId="p" agencyOnly />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), file(`${HEADER}\ninstagram,2026-03-02T10:00:00Z,agency,a,\ninstagram,yesterday,agency,b,\n`));
    const report = await screen.findByTestId('import-errors');
    expect(report.textContent).toContain('1 line to fix');
    const row = within(report).getByRole('row', { name: /yesterday/ });
    expect(row.textContent).toContain('3');
    expect(row.textContent).toContain('published_at: must be an instant');
    expect(importPosts).toHaveBeenCalledTimes(1);
    expect(importPosts.mock.calls[0][2]).toMatchObject({ dryRun: true });
  });

  it('When the header is wrong, then it is reported without uploading', async () => {
    renderWithQuery(<CsvImport planId="p" agencyOnly={false} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), file('date,channel\n2026-03-02,instagram\n'));
    expect((await screen.findByTestId('import-errors')).textContent).toContain('must be the header');
    expect(importPosts).not.toHaveBeenCalled();
  });

  it('When the dry run passes, then the preview counts the rows and Import sends the same file for real', async () => {
    importPosts
      .mockResolvedValueOnce({ inserted: 0, duplicates: 1, valid: 2, dryRun: true })
      .mockImplementationOnce(async (_plan: string, _file: File, opts: { onProgress?: (p: unknown) => void }) => {
        opts.onProgress?.({ phase: 'uploading', loaded: 10, total: 20 });
        return { inserted: 1, duplicates: 1, valid: 2, dryRun: false };
      });
    renderWithQuery(<CsvImport planId="p" agencyOnly={false} />);
    const user = userEvent.setup();
    const f = file(`${HEADER}\ninstagram,2026-03-02T10:00:00Z,in_house,a,\ninstagram,2026-03-03T10:00:00Z,agency,b,\n`);
    await user.upload(screen.getByLabelText('CSV file'), f);
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain('Ready: 2 new rows to import; 1 row already recorded (will be skipped).');
    await user.click(within(preview).getByRole('button', { name: 'Import 2 rows' }));
    await waitFor(() => expect(screen.getByTestId('import-done').textContent).toContain('Imported 1 post; 1 duplicate skipped'));
    expect(importPosts.mock.calls[1][1]).toBe(f);
    expect(importPosts.mock.calls[1][2]).toMatchObject({ dryRun: false });
  });

  it('When every row of the file is already recorded, then it says so and offers no import', async () => {
    importPosts.mockResolvedValueOnce({ inserted: 0, duplicates: 3, valid: 0, dryRun: true });
    renderWithQuery(<CsvImport planId="p" agencyOnly={false} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), file(`${HEADER}\na\nb\nc\n`));
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain('All 3 rows are already recorded; there is nothing new to import.');
    expect(within(preview).queryByRole('button', { name: /^Import/ })).toBeNull();
    await user.click(within(preview).getByRole('button', { name: 'Choose another file' }));
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });

  it('When the server refuses lines, then their messages read in plain words', async () => {
    importPosts.mockRejectedValueOnce(
      new ApiError({
        type: 'x/validation-failed',
        title: 'Invalid',
        status: 422,
        detail: '1 row(s) are invalid; nothing was imported.',
        errors: [{ line: 2, message: 'published_at: must be an ISO 8601 date-time with seconds and an offset, e.g. 2026-03-02T10:00:00Z' }],
      }),
    );
    renderWithQuery(<CsvImport planId="p" agencyOnly />);
    await userEvent.setup().upload(screen.getByLabelText('CSV file'), file(`${HEADER}\ninstagram,2026-03-02 10:00,agency,a,\n`));
    const report = await screen.findByTestId('import-errors');
    expect(report.textContent).toContain('1 row is invalid; nothing was imported.');
    expect(report.textContent).toContain('published_at: must be a date and time with seconds and a time zone, like 2026-03-02T10:00:00Z');
    expect(report.textContent).not.toContain('ISO 8601');
  });

  it('When agency staff download the template, then its example row is an agency post they may import', () => {
    expect(csvTemplate(true).split('\r\n')[1]).toBe('instagram,2026-03-02T10:00:00Z,agency,ig-123,Sam');
    expect(csvTemplate(false).split('\r\n')[1]).toContain(',in_house,');
  });
});
