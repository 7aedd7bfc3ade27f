import type { Milestone } from '@handover/shared';
import { startApp, setupApp } from '../support/app';
import { createMilestone, milestoneInput, planWorld, type PlanWorld } from '../support/fixtures';

// The list is one hand-written SQL statement (page, total and dependencies together), so check it
// against GET, item by item, across pages and filters.

const t = setupApp();
let w: PlanWorld;
const ids: string[] = [];

beforeAll(async () => {
  w = await planWorld(t);
  t.clock.set('2026-03-01T12:00:00.000Z');
  const phases = ['internal_network', 'outward_presence', 'agency_exit'] as const;
  for (let i = 0; i < 8; i++) {
    const dependsOn = ids.length >= 2 && i % 2 === 0 ? [ids[0]!, ids[ids.length - 1]!] : ids.length && i % 3 === 0 ? [ids[1]!] : [];
    const m = await createMilestone(t, w.lead.token, w.planId, {
      title: `Step ${String.fromCharCode(72 - i)}`, // titles sort against creation order
      phase: phases[i % 3],
      dueDate: `2026-0${2 + (i % 3)}-1${i % 2}`,
      status: i === 1 ? 'in_progress' : 'planned',
      dependsOn,
    });
    ids.push(m.id);
  }
});

const list = (query: string) => t.as(w.executive.token).get(`/api/v1/plans/${w.planId}/milestones?${query}`);

test('When milestones with dependencies are listed page by page, then every item equals its GET and the pages cover the plan once', async () => {
  const seen: string[] = [];
  for (let offset = 0; offset < 12; offset += 3) {
    const res = await list(`limit=3&offset=${offset}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 8, limit: 3, offset });
    for (const item of res.body.items) {
      const one = await t.as(w.executive.token).get(`/api/v1/plans/${w.planId}/milestones/${item.id}`);
      expect(item).toEqual(one.body);
      seen.push(item.id);
    }
  }
  expect([...seen].sort()).toEqual([...ids].sort());
  const all = (await list('limit=50')).body.items as Milestone[];
  expect(all.map((m) => m.id)).toEqual(seen);
  const sorted = [...all].sort((a, b) => (a.dueDate === b.dueDate ? (a.title < b.title ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
  expect(all).toEqual(sorted);
  expect(all.some((m) => m.dependsOn.length === 2)).toBe(true);
});

test('When the list is filtered, then items and totals match the filter, also past the last page', async () => {
  const all = (await list('limit=50')).body.items as Milestone[];
  const byPhase = await list('phase=agency_exit&limit=1');
  expect(byPhase.body.total).toBe(all.filter((m) => m.phase === 'agency_exit').length);
  expect(byPhase.body.items).toHaveLength(1);
  const byStatus = await list('status=in_progress');
  expect(byStatus.body.total).toBe(1);
  const overdue = await list('overdue=true');
  expect(overdue.body.total).toBe(all.filter((m) => m.dueDate < '2026-03-01' && m.status !== 'done').length);
  const notOverdue = await list('overdue=false');
  expect(notOverdue.body.total + overdue.body.total).toBe(8);
  const past = await list('phase=internal_network&offset=40');
  expect(past.body).toMatchObject({ items: [], total: all.filter((m) => m.phase === 'internal_network').length, offset: 40 });
});

describe('cached list pages', () => {
  test('When milestones are created, edited, re-linked and deleted between reads, then every list read shows the change', async () => {
    const t2 = await startApp();
    try {
      const w2 = await planWorld(t2);
      const url = `/api/v1/plans/${w2.planId}/milestones`;
      const read = async (query = '') => (await t2.as(w2.executive.token).get(`${url}${query}`).expect(200)).body;
      expect((await read()).total).toBe(0);
      const a = await t2.as(w2.lead.token).post(url).send(milestoneInput({ title: 'A' })).expect(201);
      expect((await read()).items.map((m: { title: string }) => m.title)).toEqual(['A']);
      const b = await t2.as(w2.lead.token).post(url).send(milestoneInput({ title: 'B', phase: 'agency_exit', dueDate: '2026-03-02' })).expect(201);
      expect((await read('?phase=agency_exit')).total).toBe(1);
      await t2.as(w2.lead.token).patch(`${url}/${b.body.id}`).set('If-Match', '"1"').send({ dependsOn: [a.body.id], title: 'B2' }).expect(200);
      const after = await read();
      expect(after.items.map((m: { title: string; dependsOn: string[] }) => [m.title, m.dependsOn])).toEqual([
        ['A', []],
        ['B2', [a.body.id]],
      ]);
      expect((await read('?phase=agency_exit')).items[0].title).toBe('B2');
      await t2.as(w2.lead.token).delete(`${url}/${b.body.id}`).expect(204);
      expect((await read()).total).toBe(1);
      // A refused write leaves the page as it was.
      await t2.as(w2.lead.token).post(url).send({ title: '', phase: 'x', dueDate: 'soon' }).expect(422);
      expect((await read()).items.map((m: { title: string }) => m.title)).toEqual(['A']);
      // Overdue depends on the day: the same query answers differently tomorrow.
      t2.clock.set('2026-02-02T12:00:00Z');
      expect((await read('?overdue=true')).total).toBe(0);
      t2.clock.set('2026-02-03T12:00:00Z');
      expect((await read('?overdue=true')).total).toBe(1);
    } finally {
      await t2.close();
    }
    // A second app on a database of its own: on PostgreSQL creating and migrating it alone takes
    // some 2 s of a busy machine, so the default 5 s is too tight.
  }, 30_000);
});
