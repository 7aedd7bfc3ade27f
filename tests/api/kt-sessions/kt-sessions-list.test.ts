import { setupApp } from '../../support/app';
import { createHandover, createSkill, setupPlanWorld } from '../../support/fixtures';
import { expectFieldError } from '../../support/problem';
import { listSessions, recordSession, sessionsPath, topics } from './helpers';

// The list: newest date first, paged, filtered by handover, skill, method and dates (docs/domain.md#knowledge-transfer-sessions).

const t = setupApp();
const w = setupPlanWorld(t);
const ids = { stories: '', replies: '', video: '', copy: '' };

beforeAll(async () => {
  const { lead, planId } = w;
  ids.stories = (await createHandover(t, lead.token, planId, { title: 'Stories' })).id;
  ids.replies = (await createHandover(t, lead.token, planId, { title: 'Replies' })).id;
  ids.video = (await createSkill(t, lead.token, planId, { name: 'Video' })).id;
  ids.copy = (await createSkill(t, lead.token, planId, { name: 'Copy' })).id;
  // Recorded out of date order, so the order the list gives is the list's doing.
  await recordSession(t, lead.token, planId, { topic: 'B', date: '2026-03-10', method: 'workshop', handoverIds: [ids.stories], skillIds: [ids.video] });
  await recordSession(t, lead.token, planId, { topic: 'A', date: '2026-03-01', method: 'shadowing', handoverIds: [ids.stories, ids.replies] });
  await recordSession(t, lead.token, planId, { topic: 'D', date: '2026-03-31', method: 'documentation', skillIds: [ids.copy, ids.video] });
  await recordSession(t, lead.token, planId, { topic: 'C1', date: '2026-03-20', method: 'workshop', handoverIds: [ids.replies], skillIds: [ids.copy] });
  await recordSession(t, lead.token, planId, { topic: 'C2', date: '2026-03-20', method: 'reverse_shadowing', handoverIds: [ids.stories] });
});

describe('listing sessions', () => {
  test('When the list is read, then the newest date comes first, and of one day the last recorded', async () => {
    const page = await listSessions(t, w.agency.token, w.planId);
    expect(page).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(page.items.map((s) => s.topic)).toEqual(['D', 'C2', 'C1', 'B', 'A']);
    // Each item carries its links, in the order they were given.
    expect(page.items.find((s) => s.topic === 'D')?.skillIds).toEqual([ids.copy, ids.video]);
  });

  test('When the list is paged, then each page holds its slice and the total of all', async () => {
    expect(await listSessions(t, w.executive.token, w.planId, { limit: '2', offset: '1' })).toMatchObject({ total: 5, limit: 2, offset: 1, items: [{ topic: 'C2' }, { topic: 'C1' }] });
    expect(await listSessions(t, w.executive.token, w.planId, { limit: '2', offset: '4' })).toMatchObject({ total: 5, items: [{ topic: 'A' }] });
    expect((await listSessions(t, w.executive.token, w.planId, { limit: '500' })).limit).toBe(200);
  });

  test('When filtered by handover, skill or method, then only the matching sessions are listed', async () => {
    expect(await topics(t, w.lead.token, w.planId, { handoverId: ids.stories })).toEqual(['C2', 'B', 'A']);
    expect(await topics(t, w.lead.token, w.planId, { handoverId: ids.replies })).toEqual(['C1', 'A']);
    expect(await topics(t, w.lead.token, w.planId, { skillId: ids.video })).toEqual(['D', 'B']);
    expect(await topics(t, w.lead.token, w.planId, { skillId: ids.copy })).toEqual(['D', 'C1']);
    expect(await topics(t, w.lead.token, w.planId, { method: 'workshop' })).toEqual(['C1', 'B']);
    expect((await listSessions(t, w.lead.token, w.planId, { handoverId: ids.stories })).total).toBe(3);
  });

  test('When filters are combined, then a session must match them all', async () => {
    expect(await topics(t, w.lead.token, w.planId, { handoverId: ids.stories, method: 'workshop' })).toEqual(['B']);
    expect(await topics(t, w.lead.token, w.planId, { handoverId: ids.replies, skillId: ids.copy })).toEqual(['C1']);
    expect(await topics(t, w.lead.token, w.planId, { skillId: ids.video, from: '2026-03-11' })).toEqual(['D']);
    expect(await topics(t, w.lead.token, w.planId, { handoverId: ids.stories, skillId: ids.copy })).toEqual([]);
  });

  test('When a date range is given, then both ends are inclusive', async () => {
    expect(await topics(t, w.lead.token, w.planId, { from: '2026-03-10', to: '2026-03-20' })).toEqual(['C2', 'C1', 'B']);
    expect(await topics(t, w.lead.token, w.planId, { from: '2026-03-20', to: '2026-03-20' })).toEqual(['C2', 'C1']);
    expect(await topics(t, w.lead.token, w.planId, { from: '2026-03-11', to: '2026-03-19' })).toEqual([]);
    expect(await topics(t, w.lead.token, w.planId, { from: '2026-03-31' })).toEqual(['D']);
    expect(await topics(t, w.lead.token, w.planId, { to: '2026-03-01' })).toEqual(['A']);
    expect(await topics(t, w.lead.token, w.planId, { to: '2026-02-28' })).toEqual([]);
  });

  test('When a filter names a handover or skill of no session, or another plan’s, then the list is empty', async () => {
    const other = await createHandover(t, w.lead.token, w.planId, { title: 'Ads' });
    expect((await listSessions(t, w.lead.token, w.planId, { handoverId: other.id })).total).toBe(0);
    expect((await listSessions(t, w.lead.token, w.planId, { skillId: '99999999-9999-4999-8999-999999999999' })).total).toBe(0);
  });

  test('When a filter is malformed or the range is backwards, then 422 names the parameter', async () => {
    const get = (query: Record<string, string>) => t.as(w.lead.token).get(sessionsPath(w.planId, query));
    expectFieldError(await get({ handoverId: 'stories' }), 'handoverId');
    expectFieldError(await get({ skillId: '12' }), 'skillId');
    expectFieldError(await get({ method: 'lecture' }), 'method');
    expectFieldError(await get({ from: '2026-3-1' }), 'from');
    expectFieldError(await get({ to: '2026-02-30' }), 'to');
    expectFieldError(await get({ from: '2026-03-21', to: '2026-03-20' }), 'from', 'must not be after to');
    expectFieldError(await get({ sort: 'date' }), 'sort');
  });
});
