import type { PushPost } from '@handover/shared';
import { setupApp } from '../../support/app';
import { createToken, planWorld, type PlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { addEntry, batchPath, expectRollupsMatch, inbox, ledger, push } from './helpers';

// POST /plans/:planId/posts/batch (docs/domain.md#ingest).

const t = setupApp();
let w: PlanWorld;
beforeEach(async () => {
  w = await planWorld(t);
});

const many = (n: number, source: PushPost['source'] = 'in_house', prefix = 'b'): PushPost[] =>
  Array.from({ length: n }, (_, i) => ({
    channel: 'linkedin',
    publishedAt: new Date(Date.UTC(2026, 2, 2) + i * 3_600_000).toISOString(),
    externalId: `${prefix}-${i}`,
    source,
  }));

async function counts() {
  return { ledger: (await ledger(t, w.admin.token, w.planId)).length, inbox: (await inbox(t, w.admin.token, w.planId)).length };
}

describe('pushing a batch', () => {
  test('When 1,000 posts are pushed, then all are stored; the same batch again counts 1,000 duplicates and changes nothing', async () => {
    const posts = many(1000);
    const first = await push(t, w.lead.token, w.planId, posts);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ inserted: 1000, duplicates: 0, inbox: 0 });
    const total = async () => (await t.as(w.admin.token).get(`/api/v1/plans/${w.planId}/posts?limit=1`)).body.total as number;
    expect(await total()).toBe(1000);
    await expectRollupsMatch(t, w.planId);
    const again = await push(t, w.lead.token, w.planId, posts);
    expect(again.body).toEqual({ inserted: 0, duplicates: 1000, inbox: 0 });
    expect(await total()).toBe(1000);
    await expectRollupsMatch(t, w.planId);
  });

  test('When 1,001 posts are pushed, or none, then 422 and nothing is stored', async () => {
    expectFieldError(await push(t, w.lead.token, w.planId, many(1001)), '', /at most 1000/);
    expectProblem(await push(t, w.lead.token, w.planId, []), 422);
    expectProblem(await t.as(w.lead.token).post(batchPath(w.planId)).send({ posts: many(1) }), 422);
    expect(await counts()).toEqual({ ledger: 0, inbox: 0 });
  });

  test('When some posts are invalid, then 422 lists each by its index and field, and none of the batch is stored', async () => {
    const posts = many(5) as Array<Record<string, unknown>>;
    posts[1] = { ...posts[1], publishedAt: '2026-02-30T10:00:00Z' };
    posts[2] = { ...posts[2], colour: 'red' };
    posts[3] = { ...posts[3], permalink: 'not a link' };
    posts[4] = { ...posts[4], source: 'intern', channel: '' };
    const res = await t.as(w.lead.token).post(batchPath(w.planId)).send(posts);
    expectProblem(res, 422, 'validation-failed');
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['1.publishedAt', '2.colour', '4.channel', '4.source']);
    // A link that is no http(s) address is found once the fields are well-formed.
    const bad = await push(t, w.lead.token, w.planId, [...many(2), { channel: 'x', publishedAt: '2026-03-02T10:00:00Z', permalink: 'ftp://example.com/1', source: 'agency' }]);
    expectFieldError(bad, '2.permalink', { only: true });
    expect(await counts()).toEqual({ ledger: 0, inbox: 0 });
  });

  test('When channels come as aliases and links in other spellings, then they are stored canonical and one post arrives once', async () => {
    const res = await push(t, w.lead.token, w.planId, [
      { channel: 'Twitter', publishedAt: '2026-03-02T10:00:00+01:00', externalId: '111', permalink: 'https://twitter.com/Brand/status/111?s=20', source: 'in_house', account: '@Brand' },
      { channel: 'linkedin-page', publishedAt: '2026-03-02T10:00:00Z', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:9/', source: 'agency' },
      // The same X post by its other link, under another id (a scheduler's own): a duplicate.
      { channel: 'x', publishedAt: '2026-03-02T09:00:00Z', externalId: 'tool-7', permalink: 'https://x.com/brand/status/111', source: 'in_house' },
      // The same (channel, externalId) under an alias: a duplicate.
      { channel: 'X', publishedAt: '2026-03-02T09:00:00Z', externalId: '111', source: 'in_house' },
    ]);
    expect(res.body).toEqual({ inserted: 2, duplicates: 2, inbox: 0 });
    const stored = await ledger(t, w.lead.token, w.planId);
    expect(stored.map((p) => [p.channel, p.permalink, p.origin, p.classifiedBy]).sort()).toEqual([
      ['linkedin', 'https://linkedin.com/feed/update/urn:li:activity:9', 'batch', 'source'],
      ['x', 'https://x.com/brand/status/111', 'batch', 'source'],
    ]);
    expect(stored.find((p) => p.channel === 'x')).toMatchObject({ publishedAt: '2026-03-02T09:00:00.000Z', account: '@Brand' });
    // The account filter of the posts list.
    expect((await ledger(t, w.lead.token, w.planId, '&account=%40brand')).map((p) => p.externalId)).toEqual(['111']);
  });

  test('When posts without a side arrive and the roster has no entry for them, then they wait in the inbox, out of the ledger and the share', async () => {
    await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'ann@brand.com', side: 'in_house' });
    const res = await push(t, w.lead.token, w.planId, [
      { channel: 'linkedin', publishedAt: '2026-03-02T10:00:00Z', externalId: 'k-1', author: 'ANN@brand.com' },
      { channel: 'linkedin', publishedAt: '2026-03-02T11:00:00Z', externalId: 'k-2', author: 'stranger@agency.com', account: 'Brand page', publisher: 'Bot' },
    ]);
    expect(res.body).toEqual({ inserted: 1, duplicates: 0, inbox: 1 });
    expect(await postOfId('k-1')).toMatchObject({ source: 'in_house', classifiedBy: 'roster', author: 'ANN@brand.com', origin: 'batch' });
    expect(await inbox(t, w.executive.token, w.planId)).toEqual([
      expect.objectContaining({ externalId: 'k-2', author: 'stranger@agency.com', account: 'Brand page', publisher: 'Bot', origin: 'batch', planId: w.planId }),
    ]);
    const share = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/posts/share?interval=week&from=2026-03-02&to=2026-03-02`);
    expect(share.body.points[0]).toMatchObject({ total: 1, inHouse: 1 });
    // Pushing the waiting post again is a duplicate, not a second inbox row.
    expect((await push(t, w.lead.token, w.planId, [{ channel: 'linkedin', publishedAt: '2026-03-02T11:00:00Z', externalId: 'k-2' }])).body).toEqual({ inserted: 0, duplicates: 1, inbox: 0 });
    expect(await inbox(t, w.admin.token, w.planId)).toHaveLength(1);
    const log = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?action=push`);
    expect(log.body.items.map((a: { changes: unknown }) => a.changes)).toEqual([
      { origin: 'batch', received: 1, inserted: 0, duplicates: 1, inbox: 0 },
      { origin: 'batch', received: 2, inserted: 1, duplicates: 0, inbox: 1 },
    ]);
  });

  test('When a batch is sent twice with one Idempotency-Key, then the replay answers the first result', async () => {
    const first = await t.as(w.lead.token).post(batchPath(w.planId)).set('Idempotency-Key', 'batch-1').send(many(3));
    const second = await t.as(w.lead.token).post(batchPath(w.planId)).set('Idempotency-Key', 'batch-1').send(many(3));
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(first.body).toEqual({ inserted: 3, duplicates: 0, inbox: 0 });
  });
});

describe('who may push', () => {
  test('When agency staff push posts that would not end up agency, then 403 and nothing of the batch is stored', async () => {
    expectProblem(await push(t, w.agency.token, w.planId, [...many(2, 'agency'), ...many(1, 'in_house', 'ih')]), 403, 'forbidden');
    // Unclassified would wait in the inbox: not agency either.
    expectProblem(await push(t, w.agency.token, w.planId, [{ channel: 'x', publishedAt: '2026-03-02T10:00:00Z', externalId: 'u-1' }]), 403, 'forbidden');
    expect(await counts()).toEqual({ ledger: 0, inbox: 0 });
    await addEntry(t, w.agency.token, w.planId, { kind: 'author', match: 'Cy', side: 'agency' });
    const ok = await push(t, w.agency.token, w.planId, [...many(2, 'agency'), { channel: 'x', publishedAt: '2026-03-02T10:00:00Z', externalId: 'u-1', author: 'cy' }]);
    expect(ok.body).toEqual({ inserted: 3, duplicates: 0, inbox: 0 });
  });

  test('When a plan-scoped posts:write token pushes, then it works in its plan only; executives, non-members and anonymous callers are refused', async () => {
    const scoped = (await createToken(t, w.lead.token, { name: 'feed', planId: w.planId, scopes: ['posts:write'] })).token;
    expect((await push(t, scoped, w.planId, many(2))).body).toEqual({ inserted: 2, duplicates: 0, inbox: 0 });
    // The token may not touch the roster, nor another plan.
    expectProblem(await t.as(scoped).post(`/api/v1/plans/${w.planId}/roster`).send({ kind: 'author', match: 'Zed', side: 'agency' }), 403);
    const other = await planWorld(t, w.admin);
    await t.as(w.admin.token).put(`/api/v1/plans/${other.planId}/members/${w.lead.id}`).send({ role: 'lead' }).expect(201);
    expectProblem(await push(t, scoped, other.planId, many(1)), 403);
    expectProblem(await push(t, w.executive.token, w.planId, many(1, 'in_house', 'e')), 403);
    expectProblem(await push(t, w.outsider.token, w.planId, many(1, 'in_house', 'o')), 404);
    expectProblem(await push(t, undefined, w.planId, many(1, 'in_house', 'a')), 401);
    expect(await counts()).toEqual({ ledger: 2, inbox: 0 });
  });
});

async function postOfId(externalId: string) {
  return (await ledger(t, w.admin.token, w.planId)).find((p) => p.externalId === externalId);
}
