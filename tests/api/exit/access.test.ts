import { pathTo, ROUTES, type Membership } from '@handover/shared';
import { setupApp } from '../../support/app';
import { createHandover, createToken, getBody, memberInput, postInput } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';
import { NOW, TODAY, activityOf, exit, exitWorld, membersOf } from './exit-support';

// What the exit does to access (docs/domain.md#ending-the-agency): agency memberships end that day
// (out at once, as accessUntil always reads), an earlier end is kept, agency staff's plan-scoped
// tokens are revoked, and nobody else loses anything.
const t = setupApp();
const override = { confirm: true as const, override: { reason: 'Access tests' } };
const planPath = (planId: string) => pathTo(ROUTES.plan, { planId });
const postsPath = (planId: string) => pathTo(ROUTES.posts, { planId });

test('When the exit is done, then every agency membership ends today unless it ended earlier, other roles keep theirs, and each change is logged', async () => {
  const w = await exitWorld(t);
  const later = await t.user();
  const gone = await t.user();
  await t.as(w.admin.token).put(pathTo(ROUTES.member, { planId: w.planId, userId: later.id })).send(memberInput('agency', '2026-06-30')).expect(201);
  await t.as(w.admin.token).put(pathTo(ROUTES.member, { planId: w.planId, userId: gone.id })).send(memberInput('agency', '2026-03-01')).expect(201);
  const res = await exit(t, w.lead.token, w, override);
  expect(res.body).toMatchObject({ agencyMembershipsEnded: 2, accessEndsOn: TODAY });
  const until = Object.fromEntries((await membersOf(t, w)).map((m) => [m.userId, [m.accessUntil, m.effectiveAccessUntil]]));
  expect(until).toEqual({
    [w.lead.id]: [null, null],
    [w.executive.id]: [null, null],
    [w.agency.id]: [TODAY, TODAY],
    [later.id]: [TODAY, TODAY],
    [gone.id]: ['2026-03-01', '2026-03-01'],
  });
  const logged = (await activityOf(t, w, { entity: 'member', action: 'update' })).map((e) => [e.entityId, e.changes]);
  expect(logged).toEqual(
    expect.arrayContaining([
      [w.agency.id, { accessUntil: { from: null, to: TODAY } }],
      [later.id, { accessUntil: { from: '2026-06-30', to: TODAY } }],
    ]),
  );
  expect(logged).toHaveLength(2);
});

test('When the exit is done, then agency staff are out at once and the day after (404, the plan gone from their lists); leads and executives read on', async () => {
  const w = await exitWorld(t);
  expect((await exit(t, w.lead.token, w, override)).status).toBe(200);
  for (const at of [NOW, '2026-03-05T10:00:00.000Z', '2026-04-01T10:00:00.000Z']) {
    t.clock.set(at);
    expectProblem(await t.as(w.agency.token).get(planPath(w.planId)), 404, 'not-found');
    expectProblem(await t.as(w.agency.token).get(pathTo(ROUTES.handovers, { planId: w.planId })), 404, 'not-found');
    const mine = await getBody<{ items: Array<{ id: string }> }>(t, w.agency.token, pathTo(ROUTES.plans, {}));
    expect(mine.items.map((p) => p.id)).not.toContain(w.planId);
    const me = await getBody<{ memberships: Membership[] }>(t, w.agency.token, pathTo(ROUTES.me, {}));
    expect(me.memberships.map((m) => m.planId)).not.toContain(w.planId);
    expect((await t.as(w.lead.token).get(planPath(w.planId))).status).toBe(200);
    expect((await t.as(w.executive.token).get(planPath(w.planId))).status).toBe(200);
  }
});

test('When the agency member had access only by the contract end, already passed, then that end is pinned, and moving the contract end later does not let them back', async () => {
  const w = await exitWorld(t);
  const plan = await t.as(w.admin.token).get(planPath(w.planId));
  await t.as(w.admin.token).patch(planPath(w.planId)).set('If-Match', plan.headers.etag as string).send({ contractEndDate: '2026-03-02' }).expect(200);
  const res = await exit(t, w.lead.token, w, override);
  expect(res.body).toMatchObject({ agencyMembershipsEnded: 0 });
  expect((await membersOf(t, w)).find((m) => m.userId === w.agency.id)?.accessUntil).toBe('2026-03-02');
  const now = await t.as(w.admin.token).get(planPath(w.planId));
  await t.as(w.admin.token).patch(planPath(w.planId)).set('If-Match', now.headers.etag as string).send({ contractEndDate: '2027-12-31' }).expect(200);
  expectProblem(await t.as(w.agency.token).get(planPath(w.planId)), 404, 'not-found');
});

test("When the exit is done, then agency staff's tokens scoped to the plan are revoked (401); their other tokens and the lead's stay live", async () => {
  const w = await exitWorld(t);
  const other = await exitWorld(t);
  const scoped = (await createToken(t, w.agency.token, { name: 'feed', planId: w.planId, scopes: ['posts:write'] })).token;
  const unscoped = (await createToken(t, w.agency.token, { name: 'cli' })).token;
  const elsewhere = (await createToken(t, other.agency.token, { name: 'other feed', planId: other.planId, scopes: ['posts:write'] })).token;
  const leads = (await createToken(t, w.lead.token, { name: 'lead feed', planId: w.planId, scopes: ['posts:write'] })).token;
  const res = await exit(t, w.lead.token, w, override);
  expect(res.body.tokensRevoked).toBe(1);
  expectProblem(await t.as(scoped).post(postsPath(w.planId)).send(postInput({ source: 'agency', externalId: 'after-exit' })), 401, 'unauthorized');
  expect((await t.as(unscoped).get(pathTo(ROUTES.me, {}))).status).toBe(200);
  expectProblem(await t.as(unscoped).get(planPath(w.planId)), 404, 'not-found');
  expect((await t.as(elsewhere).post(postsPath(other.planId)).send(postInput({ source: 'agency', externalId: 'other-plan' }))).status).toBe(201);
  expect((await t.as(leads).post(postsPath(w.planId)).send(postInput({ source: 'in_house', externalId: 'lead-after' }))).status).toBe(201);
  const listed = await getBody<{ items: Array<{ name: string }> }>(t, w.agency.token, pathTo(ROUTES.myTokens, {}));
  expect(listed.items.map((tk) => tk.name)).toEqual(['cli']);
});

test('When agency staff let back in by a lead write to the exited plan, then 409 names the exit day (before the body is checked); they still read, and leads still write', async () => {
  const w = await exitWorld(t);
  const handover = await createHandover(t, w.lead.token, w.planId, { title: 'Stories' });
  expect((await exit(t, w.lead.token, w, override)).status).toBe(200);
  t.clock.set('2026-03-10T10:00:00.000Z');
  await t.as(w.lead.token).put(pathTo(ROUTES.member, { planId: w.planId, userId: w.agency.id })).send(memberInput('agency', '2026-12-31')).expect(200);
  expect((await t.as(w.agency.token).get(planPath(w.planId))).status).toBe(200);
  expect((await t.as(w.agency.token).get(pathTo(ROUTES.handovers, { planId: w.planId }))).status).toBe(200);
  const writes = [
    t.as(w.agency.token).post(postsPath(w.planId)).send(postInput({ source: 'agency', externalId: 'late' })),
    t.as(w.agency.token).post(pathTo(ROUTES.handovers, { planId: w.planId })).send({ title: 'Late' }),
    t.as(w.agency.token).post(pathTo(ROUTES.handoverTransitions, { planId: w.planId, handoverId: handover.id })).send({ to: 'shadowing' }),
    t.as(w.agency.token).post(postsPath(w.planId)).send({ nonsense: true }),
  ];
  for (const res of await Promise.all(writes)) {
    expectProblem(res, 409, 'plan-exited');
    expect(res.body.detail).toContain('The agency exit was done on 2026-03-04');
  }
  expect((await getBody<{ total: number }>(t, w.lead.token, postsPath(w.planId))).total).toBe(0);
  expect((await t.as(w.lead.token).post(pathTo(ROUTES.handoverTransitions, { planId: w.planId, handoverId: handover.id })).send({ to: 'shadowing' })).status).toBe(200);
  expect((await t.as(w.lead.token).post(postsPath(w.planId)).send(postInput({ source: 'in_house', externalId: 'lead' }))).status).toBe(201);
});

test('When the week after the exit ends, then the weekly snapshot of the exited plan is still taken', async () => {
  const w = await exitWorld(t);
  expect((await exit(t, w.lead.token, w, override)).status).toBe(200);
  const report = await t.runDueJobs(new Date('2026-03-09T06:00:00.000Z'));
  expect(report.weekly).toContainEqual({ planId: w.planId, weekStart: '2026-03-02' });
});
