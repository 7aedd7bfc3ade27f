import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StatusScreen } from '../../dashboard/src/features/status/components/status-screen';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aPlan, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';
import { aComparison, aSnapshot, withItems } from './support/snapshots';

const SNAPSHOTS = `/plans/${PLAN}/snapshots`;
const latest = aSnapshot(2, { kind: 'manual', weekStart: null, takenAt: '2026-11-27T09:30:00.000Z', rag: 'amber', note: 'Newsletter slipped a week.', version: 3 });
const older = aSnapshot(1, { approximate: true, summary: { ...latest.summary, readiness: { ...latest.summary.readiness, score: 0.5 } } });

const historyRows = () => within(screen.getByRole('table', { name: 'Snapshots, newest first' })).getAllByRole('row').slice(1);

afterEach(() => jest.restoreAllMocks());

describe('The Status page', () => {
  it('When an executive opens it, then the history reads newest first with RAG, note, readiness and the approximate marker, and no write control is offered', async () => {
    const { calls } = mockFetch({ [`GET ${SNAPSHOTS}`]: listOf([latest, older]), [`GET ${SNAPSHOTS}/compare`]: { status: 200, body: aComparison() } });
    renderWithQuery(<StatusScreen plan={aPlan()} canRecordStatus={false} />);
    await waitFor(() => expect(historyRows()).toHaveLength(2));
    const [first, second] = historyRows().map((r) => r.textContent);
    expect(first).toContain('Amber');
    expect(first).toContain('Newsletter slipped a week.');
    expect(first).toContain('64%');
    expect(first).not.toContain('approximate');
    expect(second).toContain('Week of 16 Nov 2026');
    expect(second).toContain('50%');
    expect(second).toContain('approximate');
    expect(second).toContain('No note');
    expect(screen.queryByRole('button', { name: /Edit the status/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take a snapshot' })).toBeNull();
    // The list is read newest first, as the API pages it.
    expect(calls.some((c) => c.url.includes('/snapshots?offset=0&limit=20'))).toBe(true);
  });

  it('When two snapshots exist, then compare shows the latest against the one before, and picking others asks for that pair', async () => {
    const oldest = aSnapshot(3, { weekStart: '2026-11-09' });
    const { calls } = mockFetch({ [`GET ${SNAPSHOTS}`]: listOf([latest, older, oldest]), [`GET ${SNAPSHOTS}/compare`]: { status: 200, body: aComparison() } });
    renderWithQuery(<StatusScreen plan={aPlan()} canRecordStatus={false} />);
    const panel = await screen.findByTestId('compare');
    await within(panel).findByText('Readiness 50% → 64% (+14 points).');
    expect(within(panel).getByText('Critical skills covered: not met → met.')).toBeTruthy();
    expect(within(panel).getByText('Brand book: due 1 Dec 2026 → 15 Dec 2026.')).toBeTruthy();
    expect(within(panel).getByText('Weekly newsletter: Shadowing → Reverse shadowing.')).toBeTruthy();
    expect(within(panel).getByText('Earliest exit 1 Mar 2027 → 15 Mar 2027.')).toBeTruthy();
    const compareUrls = () => calls.filter((c) => c.url.includes('/compare')).map((c) => c.url);
    expect(compareUrls()[0]).toContain(`from=${older.id}&to=${latest.id}`);
    fireEvent.change(within(panel).getByLabelText('From'), { target: { value: oldest.id } });
    await waitFor(() => expect(compareUrls().at(-1)).toContain(`from=${oldest.id}&to=${latest.id}`));
    fireEvent.change(within(panel).getByLabelText('From'), { target: { value: latest.id } });
    expect(await within(panel).findByText('Pick two different snapshots.')).toBeTruthy();
  });

  it('When a lead takes a snapshot with a status, then it is posted once with its RAG and trimmed note and the page says so', async () => {
    const { calls } = mockFetch({
      [`GET ${SNAPSHOTS}`]: listOf([older]),
      [`POST ${SNAPSHOTS}`]: { status: 201, body: withItems(latest) },
    });
    renderWithQuery(<StatusScreen plan={aPlan()} canRecordStatus />);
    const form = (await screen.findByRole('heading', { name: 'Take a snapshot' })).closest('section') as HTMLElement;
    fireEvent.change(within(form).getByLabelText('RAG status'), { target: { value: 'red' } });
    fireEvent.change(within(form).getByLabelText('Status note'), { target: { value: '  Two handovers stalled.  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Take a snapshot' }));
    expect(await screen.findByText('Snapshot taken: it is at the top of the history.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ rag: 'red', note: 'Two handovers stalled.' });
    expect(post?.headers['Idempotency-Key']).toBeTruthy();
    // The history is asked for again so the new snapshot shows.
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.url.includes('/snapshots?')).length).toBeGreaterThan(2));
  });

  it('When a lead edits a status note, then it is sent with If-Match on the version seen; a 412 says someone else changed it and nothing is claimed saved', async () => {
    const { calls } = mockFetch({
      [`GET ${SNAPSHOTS}`]: listOf([latest, older]),
      [`GET ${SNAPSHOTS}/compare`]: { status: 200, body: aComparison() },
      [`PATCH ${SNAPSHOTS}/${latest.id}`]: [problem(412, 'precondition-failed'), { status: 200, body: withItems({ ...latest, rag: 'green', version: 4 }) }],
    });
    renderWithQuery(<StatusScreen plan={aPlan()} canRecordStatus />);
    fireEvent.click(await screen.findByRole('button', { name: /^Edit the status of Taken by hand, 27 Nov 2026/ }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect((within(dialog).getByLabelText('Status note') as HTMLTextAreaElement).value).toBe('Newsletter slipped a week.');
    fireEvent.change(within(dialog).getByLabelText('RAG status'), { target: { value: 'green' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save status', hidden: true }));
    expect(await within(dialog).findByText(/Someone else changed this status note meanwhile/)).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.headers['If-Match']).toBe('"3"');
    expect(patch?.body).toEqual({ rag: 'green', note: 'Newsletter slipped a week.' });
    expect(screen.queryByText(/saved\.$/)).toBeNull();
    // Saving again (the server now accepts) closes the dialog with a notice.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save status', hidden: true }));
    expect(await screen.findByText(/^Status of Taken by hand, .* saved\.$/)).toBeTruthy();
  });

  it('When "Print weekly report" is pressed, then the one-page report shows the latest status, figures, gates and what changed, and the print dialog opens', async () => {
    mockFetch({ [`GET ${SNAPSHOTS}`]: listOf([latest, older]), [`GET ${SNAPSHOTS}/compare`]: { status: 200, body: aComparison() } });
    const print = jest.fn();
    window.print = print;
    renderWithQuery(<StatusScreen plan={aPlan()} canRecordStatus={false} />);
    await waitFor(() => expect(historyRows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Print weekly report' }));
    const report = await screen.findByTestId('weekly-report');
    expect(report.textContent).toContain('Weekly report: Taking our voice back');
    expect(within(report).getByText('Amber')).toBeTruthy();
    expect(report.textContent).toContain('Newsletter slipped a week.');
    expect(report.textContent).toContain('Readiness64%');
    expect(report.textContent).toContain('Every handover accepted: not met');
    expect(await within(report).findByText('Launch Slack (20 Nov 2026).')).toBeTruthy();
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: 'Close the report' }));
    expect(screen.queryByTestId('weekly-report')).toBeNull();
  });

  it('When the plan has no snapshots, then the page says so plainly', async () => {
    mockFetch({ [`GET ${SNAPSHOTS}`]: listOf([]) });
    renderWithQuery(<StatusScreen plan={aPlan()} canRecordStatus />);
    expect(await screen.findByText('No snapshots yet')).toBeTruthy();
    expect(screen.getByText(/backfill the weeks since the plan started/)).toBeTruthy();
  });
});
