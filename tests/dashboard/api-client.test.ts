import { MilestoneSchema, ROUTES, pathTo } from '@handover/shared';
import { ApiError, onUnauthorized, request, requestAll } from '../../dashboard/src/lib/api-client';
import { csvCell, toCsv } from '../../dashboard/src/lib/csv';
import { mockFetch, problem } from './support/fetch';
import { aMilestone } from './support/fixtures';

const milestone = aMilestone();

describe('request', () => {
  it('When the server answers 2xx, then the body is parsed with the shared schema and If-Match is sent as an ETag', async () => {
    const { calls } = mockFetch({ 'PATCH /plans/p/milestones/m': { status: 200, body: milestone } });
    const m = await request(pathTo(ROUTES.milestone, { planId: 'p', milestoneId: 'm' }), MilestoneSchema, { method: 'PATCH', json: { title: 'x' }, ifMatch: 4 });
    expect(m.title).toBe('Launch');
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { title: 'x' }, headers: { 'If-Match': '"4"', 'Content-Type': 'application/json' } });
  });

  it('When the answer does not match the contract, then it fails as an invalid response, not as undefined later', async () => {
    mockFetch({ 'GET /x': { status: 200, body: { ...milestone, status: 'nope' } } });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(request('/x', MilestoneSchema)).rejects.toMatchObject({ status: 200, code: 'invalid-response' });
  });

  it('When the server refuses with problem+json, then an ApiError carries the field errors by path and the line errors', async () => {
    mockFetch({
      'POST /y': problem(422, 'validation', {
        detail: 'Invalid.',
        errors: [
          { path: 'title', message: 'must not be empty' },
          { path: 'dependsOn.1', message: 'would create a dependency cycle' },
          { line: 3, message: 'published_at: must be a date' },
        ],
      }),
    });
    const err = (await request('/y', MilestoneSchema, { method: 'POST', json: {} }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.code).toBe('validation');
    expect(err.fieldErrors).toEqual({ title: 'must not be empty', 'dependsOn.1': 'would create a dependency cycle' });
    expect(err.lineErrors).toEqual([{ line: 3, message: 'published_at: must be a date' }]);
  });

  it('When a call answers 401, then the unauthorized listeners hear of it', async () => {
    mockFetch({ 'GET /me': problem(401, 'unauthorized') });
    const listener = jest.fn();
    const off = onUnauthorized(listener);
    await expect(request(pathTo(ROUTES.me, {}), MilestoneSchema)).rejects.toMatchObject({ status: 401 });
    off();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('When the body is not a problem (a proxy page), then the error still has the status', async () => {
    mockFetch({ 'GET /z': { status: 502, body: 'Bad gateway' } });
    await expect(request('/z', null)).rejects.toMatchObject({ status: 502 });
  });

  it('When a list has more than one page, then requestAll follows the offsets until the total', async () => {
    const pages = [
      { items: Array(200).fill(1), total: 250 },
      { items: Array(50).fill(2), total: 250 },
    ];
    const fetchPage = jest.fn(async (offset: number) => pages[offset / 200]!);
    expect(await requestAll(fetchPage)).toHaveLength(250);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([0, 200]);
  });

  it('When a query has empty values, then they are left out of the URL', () => {
    expect(pathTo(ROUTES.milestones, { planId: 'p' }, { phase: 'agency_exit', status: undefined, overdue: '', limit: 200 })).toBe(
      '/api/v1/plans/p/milestones?phase=agency_exit&limit=200',
    );
  });
});

describe('CSV export', () => {
  it('When a cell holds a comma, a quote or a formula trigger, then it is quoted or defused', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('When rows are exported, then there is a header line and one CRLF line per row', () => {
    expect(toCsv([{ header: 'Week', value: (r: { w: string; n: number }) => r.w }, { header: 'Posts', value: (r) => r.n }], [{ w: '2026-03-02', n: 4 }])).toBe(
      'Week,Posts\r\n2026-03-02,4\r\n',
    );
  });
});
