import request from 'supertest';
import { setupApp, type TestUser } from '../support/app';
import { createPlan, createToken, memberInput } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

// docs/domain.md#access-lifecycle: a membership ends on its accessUntil (the date itself is out);
// an agency member without one follows the plan's contractEndDate as it stands.
const t = setupApp({ now: '2026-06-01T09:00:00.000Z' });

let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
});

/** Move the clock to the morning of `date` and sign in afresh (sessions idle out across days). */
async function at(date: string, ...users: TestUser[]): Promise<void> {
  t.clock.set(`${date}T09:00:00.000Z`);
  for (const u of users) {
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: u.password });
    expect(res.status).toBe(200);
    u.token = res.body.token;
  }
}

async function newPlanWith(contractEndDate: string | undefined, role: 'agency' | 'executive' | 'lead', accessUntil?: string | null) {
  await at('2026-06-01', admin);
  const plan = await createPlan(t, admin.token, { contractEndDate: contractEndDate ?? null });
  const member = await t.user();
  const put = await t.as(admin.token).put(`/api/v1/plans/${plan.id}/members/${member.id}`).send(memberInput(role, accessUntil));
  expect(put.status).toBe(201);
  return { plan, member, put };
}

/** What the member can see of the plan: the plan itself, the plan list and their memberships. */
async function seen(member: TestUser, planId: string) {
  const plan = await t.as(member.token).get(`/api/v1/plans/${planId}`);
  const list = await t.as(member.token).get('/api/v1/plans');
  const me = await t.as(member.token).get('/api/v1/me');
  return {
    plan: plan.status,
    listed: list.body.items.some((p: { id: string }) => p.id === planId),
    membership: me.body.memberships.some((m: { planId: string }) => m.planId === planId),
  };
}
const IN = { plan: 200, listed: true, membership: true };
const OUT = { plan: 404, listed: false, membership: false };

async function memberRow(planId: string, userId: string) {
  const res = await t.as(admin.token).get(`/api/v1/plans/${planId}/members`);
  return res.body.items.find((m: { userId: string }) => m.userId === userId);
}

afterAll(() => t.clock.reset());

describe('PUT /plans/:planId/members/:userId with accessUntil', () => {
  test('When an agency member has no accessUntil, then they follow the contract end: in the day before, out on the day', async () => {
    const { plan, member, put } = await newPlanWith('2026-07-01', 'agency');
    expect(put.body).toMatchObject({ role: 'agency', accessUntil: null, effectiveAccessUntil: '2026-07-01' });
    expect(await memberRow(plan.id, member.id)).toMatchObject({ accessUntil: null, effectiveAccessUntil: '2026-07-01' });
    await at('2026-06-30', member);
    expect(await seen(member, plan.id)).toEqual(IN);
    const me = await t.as(member.token).get('/api/v1/me');
    expect(me.body.memberships).toEqual([{ planId: plan.id, planName: plan.name, role: 'agency', effectiveAccessUntil: '2026-07-01' }]);
    // The boundary, to the millisecond, with an API token (sessions idle out over a day).
    const apiToken = (await createToken(t, member.token)).token;
    t.clock.set('2026-06-30T23:59:59.999Z');
    expect((await t.as(apiToken).get(`/api/v1/plans/${plan.id}`)).status).toBe(200);
    t.clock.set('2026-07-01T00:00:00.000Z');
    expectProblem(await t.as(apiToken).get(`/api/v1/plans/${plan.id}`), 404, 'not-found');
    await at('2026-07-01', member);
    expect(await seen(member, plan.id)).toEqual(OUT);
    expectProblem(await t.as(member.token).post(`/api/v1/plans/${plan.id}/posts`).send({ channel: 'X', publishedAt: '2026-06-30T10:00:00Z', source: 'agency' }), 404, 'not-found');
    // The lead still sees them in the list, with the date they went out.
    await at('2026-07-01', admin);
    expect(await memberRow(plan.id, member.id)).toMatchObject({ role: 'agency', accessUntil: null, effectiveAccessUntil: '2026-07-01' });
  });

  test('When the contract is extended, then an agency member without accessUntil is back in until the new end', async () => {
    const { plan, member } = await newPlanWith('2026-07-01', 'agency');
    await at('2026-07-10', member, admin);
    expect(await seen(member, plan.id)).toEqual(OUT);
    const patch = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send({ contractEndDate: '2026-08-01' });
    expect(patch.status).toBe(200);
    expect(await seen(member, plan.id)).toEqual(IN);
    expect(await memberRow(plan.id, member.id)).toMatchObject({ accessUntil: null, effectiveAccessUntil: '2026-08-01' });
    // And the contract end taken away: no end at all.
    await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"2"').send({ contractEndDate: null }).expect(200);
    await at('2027-01-01', member, admin);
    expect(await seen(member, plan.id)).toEqual(IN);
    expect(await memberRow(plan.id, member.id)).toMatchObject({ accessUntil: null, effectiveAccessUntil: null });
  });

  test('When an agency member has an accessUntil of their own, then it wins over the contract end, earlier or later', async () => {
    const early = await newPlanWith('2026-07-01', 'agency', '2026-06-15');
    expect(early.put.body).toMatchObject({ accessUntil: '2026-06-15', effectiveAccessUntil: '2026-06-15' });
    const late = await newPlanWith('2026-07-01', 'agency', '2026-09-01');
    await at('2026-06-15', early.member, late.member);
    expect(await seen(early.member, early.plan.id)).toEqual(OUT);
    await at('2026-08-01', late.member);
    expect(await seen(late.member, late.plan.id)).toEqual(IN);
    await at('2026-09-01', late.member);
    expect(await seen(late.member, late.plan.id)).toEqual(OUT);
  });

  test('When an executive or lead has no accessUntil, then the contract end does not apply; with one, it does', async () => {
    const exec = await newPlanWith('2026-07-01', 'executive');
    expect(exec.put.body).toMatchObject({ accessUntil: null, effectiveAccessUntil: null });
    const lead = await newPlanWith('2026-07-01', 'lead', '2026-06-20');
    await at('2026-12-01', exec.member, lead.member);
    expect(await seen(exec.member, exec.plan.id)).toEqual(IN);
    expect(await seen(lead.member, lead.plan.id)).toEqual(OUT);
  });

  test('When a plan has no contract end, then an agency member without accessUntil has no end', async () => {
    const { plan, member, put } = await newPlanWith(undefined, 'agency');
    expect(put.body).toMatchObject({ accessUntil: null, effectiveAccessUntil: null });
    await at('2030-01-01', member);
    expect(await seen(member, plan.id)).toEqual(IN);
  });

  test('When a member who is out is given a later accessUntil, then they are back in at once; a PUT without it clears it', async () => {
    const { plan, member } = await newPlanWith('2026-07-01', 'executive', '2026-06-10');
    await at('2026-06-20', member, admin);
    // Looked up first, so a remembered role is in play when it changes.
    expect(await seen(member, plan.id)).toEqual(OUT);
    const put = await t.as(admin.token).put(`/api/v1/plans/${plan.id}/members/${member.id}`).send(memberInput('executive', '2026-06-25'));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ accessUntil: '2026-06-25', effectiveAccessUntil: '2026-06-25' });
    expect(await seen(member, plan.id)).toEqual(IN);
    await t.as(admin.token).put(`/api/v1/plans/${plan.id}/members/${member.id}`).send(memberInput('executive')).expect(200);
    expect(await memberRow(plan.id, member.id)).toMatchObject({ accessUntil: null, effectiveAccessUntil: null });
    const log = await activityOf(t, admin.token, plan.id, `entity=member&entityId=${member.id}`);
    expect(log.items.map((e) => e.changes)).toEqual([
      { accessUntil: { from: '2026-06-25', to: null } },
      { accessUntil: { from: '2026-06-10', to: '2026-06-25' } },
      { email: member.email, role: 'executive', accessUntil: '2026-06-10' },
    ]);
    // The same PUT again changes nothing and logs nothing.
    await t.as(admin.token).put(`/api/v1/plans/${plan.id}/members/${member.id}`).send(memberInput('executive', null)).expect(200);
    expect((await activityOf(t, admin.token, plan.id, `entity=member&entityId=${member.id}`)).total).toBe(3);
  });

  test('When accessUntil is not a real date or not a date, then 422 naming it and the membership is unchanged', async () => {
    const { plan, member } = await newPlanWith('2026-07-01', 'agency', '2026-06-20');
    const url = `/api/v1/plans/${plan.id}/members/${member.id}`;
    expectFieldError(await t.as(admin.token).put(url).send({ role: 'agency', accessUntil: '2026-02-30' }), 'accessUntil');
    expectFieldError(await t.as(admin.token).put(url).send({ role: 'agency', accessUntil: '2026-06-20T00:00:00Z' }), 'accessUntil');
    expectFieldError(await t.as(admin.token).put(url).send({ role: 'agency', accessUntil: 20260620 }), 'accessUntil');
    expect(await memberRow(plan.id, member.id)).toMatchObject({ accessUntil: '2026-06-20' });
  });

  test('When a member is out, then their ended access is a stranger\'s: 404 even on routes their role was refused (403) before', async () => {
    const { plan, member } = await newPlanWith('2026-07-01', 'agency');
    await at('2026-06-02', member);
    expectProblem(await t.as(member.token).get(`/api/v1/plans/${plan.id}/activity`), 403, 'forbidden');
    await at('2026-07-02', member);
    expectProblem(await t.as(member.token).get(`/api/v1/plans/${plan.id}/activity`), 404, 'not-found');
    expectProblem(await t.as(member.token).get(`/api/v1/plans/${plan.id}/members`), 404, 'not-found');
  });
});
