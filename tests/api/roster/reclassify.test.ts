import { setupApp } from '../../support/app';
import { planWorld, type PlanWorld } from '../../support/fixtures';
import { addEntry, expectRollupsMatch, inbox, ledger, postOf, push, rosterPath, shareTotals } from './helpers';

// Classification by the roster, and what a roster change does to stored posts (docs/domain.md#ingest).

const t = setupApp();
let w: PlanWorld;
beforeEach(async () => {
  w = await planWorld(t);
});

const entryPath = (id: string) => `${rosterPath(w.planId)}/${id}`;
const post = (externalId: string, publishedAt: string, extra: Record<string, string> = {}) => ({ channel: 'instagram', publishedAt, externalId, ...extra });
const sideOf = async (externalId: string) => (await postOf(t, w.admin.token, w.planId, externalId))?.source ?? 'inbox';
const share = () => shareTotals(t, w.admin.token, w.planId, '2026-03-01', '2026-04-30');
async function summaryWindow(asOf: string) {
  const res = await t.as(w.admin.token).get(`/api/v1/plans/${w.planId}/summary?asOf=${asOf}`);
  return res.body.posts.window as { total: number; inHouse: number };
}

describe('classification by the roster', () => {
  test('When an account changes side on a date, then posts take the side of their UTC calendar day, both ends inclusive', async () => {
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'agency', to: '2026-03-31' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@BRAND', side: 'in_house', from: '2026-04-01' });
    const res = await push(t, w.lead.token, w.planId, [
      post('last-agency', '2026-03-31T23:59:59Z', { account: 'brand' }),
      // 01:30 in Berlin on 1 April is still 31 March in UTC.
      post('still-march', '2026-04-01T01:30:00+02:00', { account: '@brand' }),
      post('first-in-house', '2026-04-01T00:00:00Z', { account: '@Brand' }),
    ]);
    expect(res.body).toEqual({ inserted: 3, duplicates: 0, inbox: 0 });
    expect([await sideOf('last-agency'), await sideOf('still-march'), await sideOf('first-in-house')]).toEqual(['agency', 'agency', 'in_house']);
  });

  test('When author, account and network entries could all apply, then the author wins, then the account, then the network; two sides make co_authored', async () => {
    await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'ann@brand.com', side: 'in_house' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'Agency Bot', side: 'agency' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@agencyrun', side: 'agency' });
    const network = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: 'ig', side: 'in_house', from: '2026-03-10', to: '2026-03-20' });
    await push(t, w.lead.token, w.planId, [
      post('by-author', '2026-03-15T10:00:00Z', { author: 'Ann@Brand.com', account: '@agencyrun' }),
      post('by-account', '2026-03-15T10:00:00Z', { author: 'nobody', account: '@agencyrun' }),
      post('by-network', '2026-03-15T10:00:00Z', { account: '@other' }),
      post('co', '2026-03-15T10:00:00Z', { author: 'ann@brand.com', publisher: 'agency bot' }),
      post('network-too-late', '2026-03-21T00:00:00Z'),
    ]);
    expect(await sideOf('by-author')).toBe('in_house');
    expect(await sideOf('by-account')).toBe('agency');
    expect(await postOf(t, w.admin.token, w.planId, 'by-network')).toMatchObject({ source: 'in_house', classifiedBy: 'roster', rosterEntryId: network.id });
    expect(await sideOf('co')).toBe('co_authored');
    expect(await sideOf('network-too-late')).toBe('inbox');
  });
});

describe('changing the roster', () => {
  test('When an entry changes side, then the posts it classified change side, with the share and the summary', async () => {
    const entry = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'agency' });
    await push(t, w.lead.token, w.planId, [
      post('a', '2026-03-02T10:00:00Z', { account: '@brand' }),
      post('b', '2026-03-03T10:00:00Z', { account: '@brand' }),
      post('c', '2026-03-04T10:00:00Z', { source: 'agency', account: '@brand' }),
    ]);
    expect(await share()).toEqual({ agency: 3, inHouse: 0, coAuthored: 0, total: 3 });
    expect(await summaryWindow('2026-03-10')).toMatchObject({ total: 3, inHouse: 0 });

    // A note moves nothing.
    await t.as(w.lead.token).patch(entryPath(entry.id)).set('If-Match', '"1"').send({ note: 'agency-run until the switch' }).expect(200);
    const noted = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=roster_entry&action=update`);
    expect(noted.body.items[0].changes.posts).toEqual({ reclassified: 0, sideChanged: 0, toInbox: 0, promoted: 0 });
    expect(await share()).toEqual({ agency: 3, inHouse: 0, coAuthored: 0, total: 3 });

    const res = await t.as(w.lead.token).patch(entryPath(entry.id)).set('If-Match', '"2"').send({ side: 'in_house' });
    expect(res.status).toBe(200);
    expect([await sideOf('a'), await sideOf('b'), await sideOf('c')]).toEqual(['in_house', 'in_house', 'agency']);
    expect(await share()).toEqual({ agency: 1, inHouse: 2, coAuthored: 0, total: 3 });
    expect(await summaryWindow('2026-03-10')).toMatchObject({ total: 3, inHouse: 2 });
    await expectRollupsMatch(t, w.planId);
    const log = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=roster_entry&action=update`);
    expect(log.body.items[0].changes).toMatchObject({ side: { from: 'agency', to: 'in_house' }, posts: { reclassified: 2, sideChanged: 2, toInbox: 0, promoted: 0 } });
  });

  test('When an entry is narrowed or deleted, then its posts go to another entry that matches, else leave the ledger for the inbox', async () => {
    const network = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: 'instagram', side: 'in_house', to: '2026-03-10' });
    const account = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'agency' });
    await push(t, w.lead.token, w.planId, [
      post('early', '2026-03-05T10:00:00Z', { account: '@brand' }),
      post('late', '2026-03-20T10:00:00Z', { account: '@brand' }),
    ]);
    expect(await share()).toEqual({ agency: 2, inHouse: 0, coAuthored: 0, total: 2 });

    // From 15 March only: `early` falls back to the network entry, still in range; `late` stays.
    await t.as(w.lead.token).patch(entryPath(account.id)).set('If-Match', '"1"').send({ from: '2026-03-15' }).expect(200);
    expect(await postOf(t, w.admin.token, w.planId, 'early')).toMatchObject({ source: 'in_house', rosterEntryId: network.id });
    expect(await postOf(t, w.admin.token, w.planId, 'late')).toMatchObject({ source: 'agency', rosterEntryId: account.id });
    expect(await share()).toEqual({ agency: 1, inHouse: 1, coAuthored: 0, total: 2 });

    // Deleting the account entry: nothing classifies `late` any more, so it waits in the inbox.
    await t.as(w.lead.token).delete(entryPath(account.id)).set('If-Match', '"2"').expect(204);
    expect(await sideOf('late')).toBe('inbox');
    expect(await inbox(t, w.admin.token, w.planId)).toEqual([expect.objectContaining({ externalId: 'late', account: '@brand', origin: 'batch' })]);
    expect(await share()).toEqual({ agency: 0, inHouse: 1, coAuthored: 0, total: 1 });
    await expectRollupsMatch(t, w.planId);
    const log = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=roster_entry&action=delete`);
    expect(log.body.items[0].changes.posts).toEqual({ reclassified: 1, sideChanged: 0, toInbox: 1, promoted: 0 });

    // Deleting the network entry sends `early` there too.
    await t.as(w.lead.token).delete(entryPath(network.id)).expect(204);
    expect(await ledger(t, w.admin.token, w.planId)).toEqual([]);
    expect((await inbox(t, w.admin.token, w.planId)).map((i) => i.externalId).sort()).toEqual(['early', 'late']);
    await expectRollupsMatch(t, w.planId);
  });

  test('When an entry is added or widened to classify inbox posts, then they enter the ledger with their side and origin', async () => {
    await push(t, w.lead.token, w.planId, [
      post('i-1', '2026-03-02T10:00:00Z', { author: 'Bo' }),
      post('i-2', '2026-04-02T10:00:00Z', { author: 'bo' }),
      post('i-3', '2026-03-02T10:00:00Z', { author: 'someone else' }),
    ]);
    expect(await inbox(t, w.admin.token, w.planId)).toHaveLength(3);
    expect(await share()).toMatchObject({ total: 0 });

    const entry = await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'BO', side: 'in_house', to: '2026-03-31' });
    expect(await postOf(t, w.admin.token, w.planId, 'i-1')).toMatchObject({ source: 'in_house', classifiedBy: 'roster', rosterEntryId: entry.id, origin: 'batch', author: 'Bo' });
    expect((await inbox(t, w.admin.token, w.planId)).map((i) => i.externalId).sort()).toEqual(['i-2', 'i-3']);
    expect(await share()).toMatchObject({ total: 1, inHouse: 1 });

    await t.as(w.lead.token).patch(entryPath(entry.id)).set('If-Match', '"1"').send({ to: null }).expect(200);
    expect(await sideOf('i-2')).toBe('in_house');
    expect((await inbox(t, w.admin.token, w.planId)).map((i) => i.externalId)).toEqual(['i-3']);
    expect(await share()).toMatchObject({ total: 2, inHouse: 2 });
    await expectRollupsMatch(t, w.planId);
    const log = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=roster_entry`);
    expect(log.body.items.map((a: { changes: { posts: { promoted: number } } }) => a.changes.posts.promoted)).toEqual([1, 1]);
  });

  test('When a refused roster change would have moved posts, then no post moves', async () => {
    const entry = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'agency', to: '2026-03-31' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'in_house', from: '2026-04-01' });
    await push(t, w.lead.token, w.planId, [post('m', '2026-03-02T10:00:00Z', { account: '@brand' })]);
    const res = await t.as(w.lead.token).patch(entryPath(entry.id)).set('If-Match', '"1"').send({ side: 'in_house', to: '2026-04-05' });
    expect(res.status).toBe(409);
    expect(await sideOf('m')).toBe('agency');
    expect(await share()).toMatchObject({ agency: 1, total: 1 });
  });
});
