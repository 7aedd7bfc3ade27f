import type { ExitItem } from '@handover/shared';
import { setupApp } from '../../support/app';
import { planWorld, type PlanWorld } from '../../support/fixtures';
import { activityOf } from '../../support/http';
import { expectProblem } from '../../support/problem';
import { eventsOf } from '../events/outbox-rows';
import { climbTo, createExitItem, moveExitItem, movesUrl, readItem } from './exit-items.fixtures';

// The exit checklist's ladder: listed → access_shared → ownership_transferred → agency_removed →
// verified, one step at a time, with history, events and the activity log (docs/domain.md#exit-checklist).
const NOW = '2026-03-02T10:00:00.000Z';
const t = setupApp({ now: NOW });

const read = (w: PlanWorld, id: string) => readItem(t, w.lead.token, w.planId, id);
const move = (token: string, w: PlanWorld, id: string, body: object) => t.as(token).post(movesUrl(w.planId, id)).send(body);
const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email, name: expect.any(String) });

test('When agency staff climb to agency_removed and a lead verifies, then each step is in the history with actor and note, and logged', async () => {
  const w = await planWorld(t);
  const item = await createExitItem(t, w.agency.token, w.planId);
  await moveExitItem(t, w.agency.token, w.planId, item.id, 'access_shared', 'Mia added as admin');
  t.clock.advance(60_000);
  await moveExitItem(t, w.agency.token, w.planId, item.id, 'ownership_transferred');
  const removed = await moveExitItem(t, w.agency.token, w.planId, item.id, 'agency_removed', 'We left the account');
  expect(removed).toMatchObject({ status: 'agency_removed', version: 4 });
  const res = await move(w.lead.token, w, item.id, { to: 'verified', from: 'agency_removed', note: 'Checked the admin list' });
  expect(res.status).toBe(200);
  expect(res.headers.etag).toBe('"5"');
  expect(res.body.history).toEqual([
    { from: 'listed', to: 'access_shared', at: NOW, actor: actorOf(w.agency), note: 'Mia added as admin' },
    { from: 'access_shared', to: 'ownership_transferred', at: '2026-03-02T10:01:00.000Z', actor: actorOf(w.agency), note: null },
    { from: 'ownership_transferred', to: 'agency_removed', at: '2026-03-02T10:01:00.000Z', actor: actorOf(w.agency), note: 'We left the account' },
    { from: 'agency_removed', to: 'verified', at: '2026-03-02T10:01:00.000Z', actor: actorOf(w.lead), note: 'Checked the admin list' },
  ]);
  expect(await read(w, item.id)).toEqual(res.body);
  const log = (await activityOf(t, w.lead.token, w.planId, `entity=exit_item&entityId=${item.id}`)).items;
  expect(log.map((a) => a.action)).toEqual(['transition', 'transition', 'transition', 'transition', 'create']);
  expect(log[0]).toMatchObject({ actor: { id: w.lead.id }, changes: { status: { from: 'agency_removed', to: 'verified' }, note: 'Checked the admin list' } });
});

test('When an item moves, then one exit.item_changed event is written with the item, the step and the actor', async () => {
  const w = await planWorld(t);
  const item = await createExitItem(t, w.agency.token, w.planId, { kind: 'ad_account', name: 'Meta ads' });
  await moveExitItem(t, w.agency.token, w.planId, item.id, 'access_shared', 'Shared with Mia');
  const events = await eventsOf(t, w.planId, 'exit.item_changed');
  expect(events).toEqual([
    {
      type: 'exit.item_changed',
      timestamp: t.clock.now().toISOString(),
      data: {
        plan: { id: w.planId, name: expect.any(String) },
        item: { id: item.id, kind: 'ad_account', name: 'Meta ads' },
        from: 'listed',
        to: 'access_shared',
        note: 'Shared with Mia',
        actor: { id: w.agency.id, name: expect.any(String) },
      },
    },
  ]);
  // A refused move writes no event.
  expectProblem(await move(w.agency.token, w, item.id, { to: 'agency_removed' }), 409, 'invalid-transition');
  expect(await eventsOf(t, w.planId, 'exit.item_changed')).toHaveLength(1);
});

describe('refused moves change nothing', () => {
  let w: PlanWorld;
  let item: ExitItem;
  beforeAll(async () => {
    w = await planWorld(t);
  });
  beforeEach(async () => {
    item = await climbTo(t, w.lead.token, w.planId, await createExitItem(t, w.agency.token, w.planId), 'access_shared');
  });
  afterEach(async () => {
    expect(await read(w, item.id)).toEqual(item);
  });

  test('When a step is skipped, then 409 invalid-transition naming the next step', async () => {
    const res = await move(w.lead.token, w, item.id, { to: 'agency_removed' });
    expectProblem(res, 409, 'invalid-transition');
    expect(res.body.detail).toContain('"ownership_transferred"');
  });

  test('When the item is asked to stay where it is, then 409 invalid-transition', async () => {
    expectProblem(await move(w.lead.token, w, item.id, { to: 'access_shared' }), 409, 'invalid-transition');
  });

  test('When `from` is not the current step (a double click or a stale screen), then 409 stale-transition', async () => {
    const res = await move(w.lead.token, w, item.id, { to: 'ownership_transferred', from: 'listed' });
    expectProblem(res, 409, 'stale-transition');
    expect(res.body.detail).toContain('Access shared');
  });

  test('When a lead moves back two steps at once, then 409 naming the previous step', async () => {
    const moved = await climbTo(t, w.lead.token, w.planId, item, 'ownership_transferred');
    const res = await move(w.lead.token, w, item.id, { to: 'listed' });
    expectProblem(res, 409, 'invalid-transition');
    expect(res.body.detail).toContain('"access_shared"');
    item = moved;
  });

  test('When agency staff ask to verify or to move back, then 403 whatever the step, before `from` is judged', async () => {
    expectProblem(await move(w.agency.token, w, item.id, { to: 'verified' }), 403, 'forbidden');
    expectProblem(await move(w.agency.token, w, item.id, { to: 'listed' }), 403, 'forbidden');
    expectProblem(await move(w.agency.token, w, item.id, { to: 'listed', from: 'verified' }), 403, 'forbidden');
  });

  test('When If-Match is stale, then 412', async () => {
    item = await moveExitItem(t, w.lead.token, w.planId, item.id, 'ownership_transferred');
    expectProblem(await t.as(w.lead.token).post(movesUrl(w.planId, item.id)).set('If-Match', '"1"').send({ to: 'agency_removed' }), 412, 'precondition-failed');
  });

  test('When the body is not a move, then 422', async () => {
    expectProblem(await move(w.lead.token, w, item.id, { to: 'done' }), 422, 'validation-failed');
    expectProblem(await move(w.lead.token, w, item.id, { to: 'ownership_transferred', status: 'x' }), 422, 'validation-failed');
  });
});

test('When a lead moves a verified item back one step, then it is at agency_removed with the step in its history', async () => {
  const w = await planWorld(t);
  const item = await climbTo(t, w.lead.token, w.planId, await createExitItem(t, w.agency.token, w.planId), 'verified');
  const back = await move(w.lead.token, w, item.id, { to: 'agency_removed', from: 'verified', note: 'The agency is still an admin' });
  expect(back.status).toBe(200);
  expect(back.body).toMatchObject({ status: 'agency_removed', version: item.version + 1 });
  expect(back.body.history.at(-1)).toMatchObject({ from: 'verified', to: 'agency_removed', note: 'The agency is still an admin' });
  expect((await read(w, item.id)).status).toBe('agency_removed');
});

test('When a move is retried with the same Idempotency-Key, then it is replayed and the item moved once', async () => {
  const w = await planWorld(t);
  const item = await createExitItem(t, w.agency.token, w.planId);
  const send = (body: object) => t.as(w.agency.token).post(movesUrl(w.planId, item.id)).set('Idempotency-Key', 'move-1').send(body);
  const first = await send({ to: 'access_shared' });
  expect(first.status).toBe(200);
  const again = await send({ to: 'access_shared' });
  expect(again.status).toBe(200);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body).toEqual(first.body);
  expectProblem(await send({ to: 'ownership_transferred' }), 422, 'idempotency-key-reused');
  const now = await read(w, item.id);
  expect(now).toMatchObject({ status: 'access_shared', version: 2 });
  expect(now.history).toHaveLength(1);
  expect(await eventsOf(t, w.planId, 'exit.item_changed')).toHaveLength(1);
});

test('When two people make the same move at once, then one succeeds and the other gets 409', async () => {
  const w = await planWorld(t);
  const item = await createExitItem(t, w.agency.token, w.planId);
  const results = await Promise.all([w.agency.token, w.lead.token].map((token) => move(token, w, item.id, { to: 'access_shared', from: 'listed' })));
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  expect((await read(w, item.id)).history).toHaveLength(1);
});
