import { ExitResultSchema, GATE_LABELS, pathTo, ROUTES, type Snapshot } from '@handover/shared';
import { setupApp } from '../../support/app';
import { getBody, meetAllGates, summaryOf } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { eventsOf } from '../events/outbox-rows';
import { NOW, TODAY, activityOf, exit, exitPath, exitState, exitWorld, finalSnapshots, planOf } from './exit-support';

// Ending the agency (docs/domain.md#ending-the-agency): the gates decide unless a lead overrides them
// with a reason; one transaction stamps exitedAt, ends agency access, takes the final snapshot, logs
// and records plan.exited; a second exit is a 409.
const t = setupApp();

describe('when gates are open', () => {
  test('When a lead ends the agency with gates open and no override, then 409 lists the unmet gates by key and name, and nothing changes', async () => {
    const w = await exitWorld(t);
    const before = await exitState(t, w);
    const res = await exit(t, w.lead.token, w);
    expectProblem(res, 409, 'exit-gates-unmet');
    // Every gate the summary reports open, whatever gates there are; an empty plan has these four at least.
    const open = (await summaryOf(t, w.lead.token, w.planId, TODAY)).gates.filter((g) => !g.met).map((g) => g.key);
    expect(res.body.unmetGates).toEqual(open);
    expect(open).toEqual(expect.arrayContaining(['internal_network', 'posts_share', 'handovers_accepted', 'milestones_done']));
    expect(open).not.toContain('skills_covered');
    for (const key of open) expect(res.body.detail).toContain(`${GATE_LABELS[key]} (${key})`);
    expect(res.body.detail).toMatch(/override/);
    expect(await exitState(t, w)).toEqual(before);
    expect(await eventsOf(t, w.planId, 'plan.exited')).toEqual([]);
    expect((await t.as(w.agency.token).get(pathTo(ROUTES.plan, { planId: w.planId }))).status).toBe(200);
  });

  test('When a lead ends the agency with an override, then 200, the open gates and the reason are in the result, the log and plan.exited', async () => {
    const w = await exitWorld(t);
    const open = (await summaryOf(t, w.lead.token, w.planId, TODAY)).gates.filter((g) => !g.met).map((g) => g.key);
    expect(open).toEqual(expect.arrayContaining(['internal_network', 'posts_share', 'handovers_accepted', 'milestones_done']));
    const res = await exit(t, w.lead.token, w, { confirm: true, override: { reason: '  Contract ends Friday; the team is ready  ' } });
    expect(res.status).toBe(200);
    expect(ExitResultSchema.strict().parse(res.body)).toEqual({
      planId: w.planId,
      exitedAt: NOW,
      unmetGates: open,
      overrideReason: 'Contract ends Friday; the team is ready',
      agencyMembershipsEnded: 1,
      accessEndsOn: TODAY,
      tokensRevoked: 0,
      snapshotId: expect.any(String),
    });
    const [entry] = await activityOf(t, w, { entity: 'plan', action: 'exit' });
    expect(entry).toMatchObject({
      action: 'exit',
      entity: 'plan',
      entityId: w.planId,
      actor: { id: w.lead.id },
      changes: { exitedAt: NOW, unmetGates: res.body.unmetGates, overrideReason: 'Contract ends Friday; the team is ready', snapshotId: res.body.snapshotId },
    });
    const events = await eventsOf(t, w.planId, 'plan.exited');
    expect(events).toEqual([
      {
        type: 'plan.exited',
        timestamp: NOW,
        data: { plan: { id: w.planId, name: 'Voice back home' }, exitedAt: NOW, unmetGates: res.body.unmetGates, overrideReason: 'Contract ends Friday; the team is ready' },
      },
    ]);
  });
});

describe('when every gate is met', () => {
  test('When a lead ends the agency, then 200 with no unmet gates, and the plan reads as exited (one, list) with its version moved on', async () => {
    const w = await exitWorld(t);
    await meetAllGates(t, w.lead.token, w.planId, TODAY);
    const before = await planOf(t, w);
    expect(before.exitedAt).toBeNull();
    const res = await exit(t, w.lead.token, w);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unmetGates: [], overrideReason: null, exitedAt: NOW, accessEndsOn: TODAY, agencyMembershipsEnded: 1 });
    const after = await t.as(w.lead.token).get(pathTo(ROUTES.plan, { planId: w.planId }));
    expect(after.body).toEqual({ ...before, exitedAt: NOW, version: before.version + 1, updatedAt: NOW });
    expect(after.headers.etag).toBe(`"${before.version + 1}"`);
    const listed = await getBody<{ items: Array<{ id: string; exitedAt: string | null }> }>(t, w.executive.token, pathTo(ROUTES.plans, {}));
    expect(listed.items.find((p) => p.id === w.planId)?.exitedAt).toBe(NOW);
    // An edit made against the version read before the exit is stale.
    const stale = await t.as(w.lead.token).patch(pathTo(ROUTES.plan, { planId: w.planId })).set('If-Match', `"${before.version}"`).send({ name: 'Renamed' });
    expectProblem(stale, 412, 'precondition-failed');
  });

  test('When the exit is done, then the final snapshot holds the plan as of that day, logged and announced like a manual one', async () => {
    const w = await exitWorld(t);
    const summary = await meetAllGates(t, w.lead.token, w.planId, TODAY);
    const res = await exit(t, w.admin.token, w);
    expect(res.status).toBe(200);
    const finals = await finalSnapshots(t, w);
    expect(finals.map((s) => s.id)).toEqual([res.body.snapshotId]);
    const snapshot = await getBody<Snapshot>(t, w.executive.token, pathTo(ROUTES.snapshot, { planId: w.planId, snapshotId: res.body.snapshotId }));
    expect(snapshot).toMatchObject({ kind: 'final', weekStart: null, takenAt: NOW, rag: null, note: null, approximate: false, version: 1 });
    expect(snapshot.summary.gates).toEqual(summary.gates);
    expect(snapshot.items.handovers).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const [logged] = await activityOf(t, w, { entity: 'snapshot' });
    expect(logged).toMatchObject({ action: 'create', entityId: res.body.snapshotId, changes: { kind: 'final' } });
    const announced = await eventsOf(t, w.planId, 'snapshot.created');
    expect(announced.map((e) => e.data.snapshot)).toEqual([expect.objectContaining({ id: res.body.snapshotId, kind: 'final' })]);
    expect((await eventsOf(t, w.planId, 'plan.exited')).map((e) => e.data)).toEqual([
      { plan: { id: w.planId, name: 'Voice back home' }, exitedAt: NOW, unmetGates: [], overrideReason: null },
    ]);
  });
});

describe('once only', () => {
  test('When the agency is ended a second time (even with an override, even days later), then 409 says when it was done, and nothing changes', async () => {
    const w = await exitWorld(t);
    expect((await exit(t, w.lead.token, w, { confirm: true, override: { reason: 'First' } })).status).toBe(200);
    t.clock.set('2026-03-06T09:00:00.000Z');
    const before = await exitState(t, w);
    const again = await exit(t, w.admin.token, w, { confirm: true, override: { reason: 'Second' } });
    expectProblem(again, 409, 'already-exited');
    expect(again.body.detail).toContain('2026-03-04');
    expect(await exitState(t, w)).toEqual(before);
    expect(await eventsOf(t, w.planId, 'plan.exited')).toHaveLength(1);
  });

  test('When a retry carries the same Idempotency-Key, then it gets the first answer again and nothing is done twice; a new key gets 409', async () => {
    const w = await exitWorld(t);
    const body = { confirm: true as const, override: { reason: 'Retry safe' } };
    const first = await t.as(w.lead.token).post(exitPath(w)).set('Idempotency-Key', 'exit-1').send(body);
    expect(first.status).toBe(200);
    const retry = await t.as(w.lead.token).post(exitPath(w)).set('Idempotency-Key', 'exit-1').send(body);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await finalSnapshots(t, w)).toHaveLength(1);
    expectProblem(await t.as(w.lead.token).post(exitPath(w)).set('Idempotency-Key', 'exit-2').send(body), 409, 'already-exited');
  });

  test('When two leads end the agency at once, then exactly one succeeds and the other gets 409', async () => {
    const w = await exitWorld(t);
    const body = { confirm: true as const, override: { reason: 'Race' } };
    const results = await Promise.all([exit(t, w.lead.token, w, body), exit(t, w.admin.token, w, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await finalSnapshots(t, w)).toHaveLength(1);
    expect(await eventsOf(t, w.planId, 'plan.exited')).toHaveLength(1);
  });
});

describe('refusals', () => {
  test.each([
    ['confirm missing', {}, 'confirm'],
    ['confirm false', { confirm: false }, 'confirm'],
    ['an override without a reason', { confirm: true, override: {} }, 'override.reason'],
    ['a blank reason', { confirm: true, override: { reason: '   ' } }, 'override.reason'],
    ['an unknown field', { confirm: true, exitedAt: NOW }, 'exitedAt'],
  ])('When the body has %s, then 422 names the field and nothing changes', async (_what, body, field) => {
    const w = await exitWorld(t);
    const before = await exitState(t, w);
    expectFieldError(await t.as(w.lead.token).post(exitPath(w)).send(body), field);
    expect(await exitState(t, w)).toEqual(before);
  });

  test('When an executive or agency member ends the agency, then 403; a non-member 404; no one signed in 401; nothing changes', async () => {
    const w = await exitWorld(t);
    const before = await exitState(t, w);
    const body = { confirm: true as const, override: { reason: 'Not mine to do' } };
    expectProblem(await exit(t, w.executive.token, w, body), 403, 'forbidden');
    expectProblem(await exit(t, w.agency.token, w, body), 403, 'forbidden');
    expectProblem(await exit(t, w.outsider.token, w, body), 404, 'not-found');
    expectProblem(await t.as().post(exitPath(w)).send(body), 401, 'unauthorized');
    expect(await exitState(t, w)).toEqual(before);
  });
});
