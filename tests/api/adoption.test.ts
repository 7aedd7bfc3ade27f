import type { AdoptionSample } from '@handover/shared';
import { setupApp } from '../support/app';
import { getItems, planWorld, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const NOW = '2026-03-02T10:00:00.000Z';
const t = setupApp({ now: NOW });

const adoptionUrl = (planId: string) => `/api/v1/plans/${planId}/adoption`;

const post = (token: string, planId: string, body: object) => t.as(token).post(adoptionUrl(planId)).send(body);
const series = (w: PlanWorld, query = '') => getItems<AdoptionSample>(t, w.lead.token, `${adoptionUrl(w.planId)}${query}`);
const activity = async (w: PlanWorld) => (await activityOf(t, w.lead.token, w.planId, 'entity=adoption')).items;

describe('recording a week', () => {
  test('When a lead posts a new week, then it is 201 with share = activeUsers / totalStaff, readable back and logged', async () => {
    const w = await planWorld(t);
    const res = await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 45, totalStaff: 120, source: 'Slack analytics' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      planId: w.planId,
      weekStart: '2026-02-02',
      activeUsers: 45,
      totalStaff: 120,
      share: 0.375,
      source: 'Slack analytics',
      updatedAt: NOW,
    });
    expect(await series(w)).toEqual([res.body]);
    expect(await activity(w)).toEqual([
      expect.objectContaining({
        action: 'create',
        entityId: '2026-02-02',
        changes: { weekStart: '2026-02-02', activeUsers: 45, totalStaff: 120, source: 'Slack analytics' },
      }),
    ]);
  });

  test('When a week is posted again, then it is 200, the sample is replaced (not added) and the change is logged', async () => {
    const w = await planWorld(t);
    expect((await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 30, totalStaff: 120, source: 'survey' })).status).toBe(201);
    t.clock.advance(5000);
    const res = await post(w.admin.token, w.planId, { weekStart: '2026-02-02', activeUsers: 60, totalStaff: 120 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ weekStart: '2026-02-02', activeUsers: 60, totalStaff: 120, share: 0.5, source: null });
    expect(res.body.updatedAt).toBe(t.clock.now().toISOString());
    const items = await series(w);
    expect(items).toEqual([res.body]);
    const log = await activity(w);
    expect(log.map((a) => a.action)).toEqual(['replace', 'create']);
    expect(log[0]!.changes).toEqual({ activeUsers: { from: 30, to: 60 }, source: { from: 'survey', to: null } });
  });

  test('When the same figures are posted again, then it is 200 and nothing new is logged', async () => {
    const w = await planWorld(t);
    const first = await post(w.lead.token, w.planId, { weekStart: '2026-02-09', activeUsers: 10, totalStaff: 20 });
    const again = await post(w.lead.token, w.planId, { weekStart: '2026-02-09', activeUsers: 10, totalStaff: 20 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await activity(w)).map((a) => a.action)).toEqual(['create']);
  });

  test('When activeUsers exceeds totalStaff, then it is 422 on activeUsers and an existing week is kept', async () => {
    const w = await planWorld(t);
    const kept = await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 5, totalStaff: 10 });
    const res = await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 11, totalStaff: 10 });
    expectFieldError(res, 'activeUsers', { only: true });
    expectProblem(await post(w.lead.token, w.planId, { weekStart: '2026-02-09', activeUsers: 11, totalStaff: 10 }), 422, 'validation-failed');
    expect(await series(w)).toEqual([kept.body]);
  });

  test('When every staff member is active, then the share is 1; when none, 0', async () => {
    const w = await planWorld(t);
    await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 0, totalStaff: 7 });
    await post(w.lead.token, w.planId, { weekStart: '2026-02-09', activeUsers: 7, totalStaff: 7 });
    expect((await series(w)).map((s) => s.share)).toEqual([0, 1]);
  });

  test.each([
    ['a Tuesday', { weekStart: '2026-02-03', activeUsers: 1, totalStaff: 2 }, 'weekStart'],
    ['an impossible date', { weekStart: '2026-02-30', activeUsers: 1, totalStaff: 2 }, 'weekStart'],
    ['an instant for weekStart', { weekStart: '2026-02-02T00:00:00Z', activeUsers: 1, totalStaff: 2 }, 'weekStart'],
    ['no staff', { weekStart: '2026-02-02', activeUsers: 0, totalStaff: 0 }, 'totalStaff'],
    ['negative users', { weekStart: '2026-02-02', activeUsers: -1, totalStaff: 2 }, 'activeUsers'],
    ['fractional users', { weekStart: '2026-02-02', activeUsers: 1.5, totalStaff: 2 }, 'activeUsers'],
    ['a share', { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 2, share: 0.5 }, 'share'],
    ['no weekStart', { activeUsers: 1, totalStaff: 2 }, 'weekStart'],
  ])('When the sample has %s, then it is 422 and nothing is stored', async (_case, body, path) => {
    const w = await planWorld(t);
    const res = await post(w.lead.token, w.planId, body);
    expectFieldError(res, path);
    expect(await series(w)).toEqual([]);
    expect(await activity(w)).toEqual([]);
  });
});

describe('the series', () => {
  test('When weeks are posted out of order, then the series is oldest first and filters by from and to inclusive', async () => {
    const w = await planWorld(t);
    for (const [weekStart, activeUsers] of [
      ['2026-02-16', 50],
      ['2026-02-02', 20],
      ['2026-02-23', 80],
      ['2026-02-09', 40],
    ] as const) {
      expect((await post(w.lead.token, w.planId, { weekStart, activeUsers, totalStaff: 100 })).status).toBe(201);
    }
    const all = await series(w);
    expect(all.map((s) => [s.weekStart, s.share])).toEqual([
      ['2026-02-02', 0.2],
      ['2026-02-09', 0.4],
      ['2026-02-16', 0.5],
      ['2026-02-23', 0.8],
    ]);
    expect((await series(w, '?from=2026-02-09&to=2026-02-16')).map((s) => s.weekStart)).toEqual(['2026-02-09', '2026-02-16']);
    expect((await series(w, '?from=2026-02-10')).map((s) => s.weekStart)).toEqual(['2026-02-16', '2026-02-23']);
    expect((await series(w, '?to=2026-02-08')).map((s) => s.weekStart)).toEqual(['2026-02-02']);
    expect(await series(w, '?from=2027-01-01')).toEqual([]);
  });

  test.each([['from=2026-02-30'], ['to=yesterday'], ['from=2026-03-02&to=2026-02-02'], ['limit=5']])(
    'When the query has %s, then it is 422',
    async (query) => {
      const w = await planWorld(t);
      expectProblem(await t.as(w.lead.token).get(`${adoptionUrl(w.planId)}?${query}`), 422, 'validation-failed');
    },
  );

  test('When any member reads the series, then they see it', async () => {
    const w = await planWorld(t);
    await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 4 });
    for (const user of [w.admin, w.lead, w.executive, w.agency]) {
      const res = await t.as(user.token).get(adoptionUrl(w.planId));
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([expect.objectContaining({ weekStart: '2026-02-02', share: 0.25 })]);
    }
  });
});

describe('deleting a week', () => {
  test('When a lead deletes a week, then it is 204, gone from the series, and logged', async () => {
    const w = await planWorld(t);
    await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 4 });
    await post(w.lead.token, w.planId, { weekStart: '2026-02-09', activeUsers: 2, totalStaff: 4 });
    const res = await t.as(w.lead.token).delete(`${adoptionUrl(w.planId)}/2026-02-02`);
    expect(res.status).toBe(204);
    expect((await series(w)).map((s) => s.weekStart)).toEqual(['2026-02-09']);
    expect((await activity(w))[0]).toMatchObject({
      action: 'delete',
      entityId: '2026-02-02',
      changes: { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 4 },
    });
    expectProblem(await t.as(w.lead.token).delete(`${adoptionUrl(w.planId)}/2026-02-02`), 404, 'not-found');
  });

  test('When the week has no sample or is not a date, then delete is 404', async () => {
    const w = await planWorld(t);
    expectProblem(await t.as(w.lead.token).delete(`${adoptionUrl(w.planId)}/2026-02-16`), 404, 'not-found');
    expectProblem(await t.as(w.lead.token).delete(`${adoptionUrl(w.planId)}/last-week`), 404, 'not-found');
  });
});

describe('who may do what', () => {
  test('When an executive or agency member writes adoption, then it is 403 and nothing changes', async () => {
    const w = await planWorld(t);
    const kept = await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 4 });
    for (const user of [w.executive, w.agency]) {
      expectProblem(await post(user.token, w.planId, { weekStart: '2026-02-02', activeUsers: 4, totalStaff: 4 }), 403, 'forbidden');
      expectProblem(await post(user.token, w.planId, { weekStart: '2026-02-09', activeUsers: 4, totalStaff: 4 }), 403, 'forbidden');
      expectProblem(await t.as(user.token).delete(`${adoptionUrl(w.planId)}/2026-02-02`), 403, 'forbidden');
    }
    expect(await series(w)).toEqual([kept.body]);
    expect((await activity(w)).map((a) => a.action)).toEqual(['create']);
  });

  test("When someone outside the plan or signed out touches adoption, then it is 404 or 401 and nothing changes", async () => {
    const w = await planWorld(t);
    const kept = await post(w.lead.token, w.planId, { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 4 });
    const out = t.as(w.outsider.token);
    expectProblem(await out.get(adoptionUrl(w.planId)), 404, 'not-found');
    expectProblem(await out.post(adoptionUrl(w.planId)).send({ weekStart: '2026-02-02', activeUsers: 4, totalStaff: 4 }), 404, 'not-found');
    expectProblem(await out.delete(`${adoptionUrl(w.planId)}/2026-02-02`), 404, 'not-found');
    expectProblem(await t.as().get(adoptionUrl(w.planId)), 401, 'unauthorized');
    expectProblem(await t.as().post(adoptionUrl(w.planId)).send({ weekStart: '2026-02-02', activeUsers: 4, totalStaff: 4 }), 401, 'unauthorized');
    expect(await series(w)).toEqual([kept.body]);
  });

  test("When plan A's lead posts, reads or deletes weeks, then plan B's samples are untouched", async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    const theirs = await post(b.lead.token, b.planId, { weekStart: '2026-02-02', activeUsers: 3, totalStaff: 4 });
    expect((await post(a.lead.token, a.planId, { weekStart: '2026-02-02', activeUsers: 1, totalStaff: 4 })).status).toBe(201);
    expect((await t.as(a.lead.token).delete(`${adoptionUrl(a.planId)}/2026-02-02`)).status).toBe(204);
    expectProblem(await t.as(a.lead.token).delete(`${adoptionUrl(a.planId)}/2026-02-02`), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).get(adoptionUrl(b.planId)), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).delete(`${adoptionUrl(b.planId)}/2026-02-02`), 404, 'not-found');
    expect(await series(a)).toEqual([]);
    expect(await series(b)).toEqual([theirs.body]);
  });
});
