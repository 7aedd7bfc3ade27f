import type { ExitItemStatus } from '@handover/shared';
import { setupApp } from '../../support/app';
import { setupPlanWorld, type PlanWorld } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';
import { CALLERS, CALLER_LABEL, PERMISSION_RULES, tokensOf, type Caller } from '../../support/route-table';
import { climbTo, createExitItem, itemUrl, movesUrl, readItem } from './exit-items.fixtures';

// The rows of the permission table the route table cannot hold (docs/domain.md#who-may-do-what):
// verifying and moving back, and editing fields other than the evidence, are manageExitItems;
// climbing up to agency_removed is recordExit. Each case on a fresh item; refusals change nothing.
const t = setupApp({ now: '2026-03-02T10:00:00.000Z' });
const w: PlanWorld = setupPlanWorld(t);

const SLUG: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found' };
const expected = (rule: keyof typeof PERMISSION_RULES, caller: Caller, ok: number) => {
  const r = PERMISSION_RULES[rule][caller];
  return r === 'ok' ? ok : r;
};

async function itemAt(status: ExitItemStatus) {
  return climbTo(t, w.lead.token, w.planId, await createExitItem(t, w.lead.token, w.planId), status);
}

async function check(caller: Caller, status: number, path: string, id: string, send: (token: string | undefined) => Promise<{ status: number; body: unknown }>) {
  const before = await readItem(t, w.admin.token, w.planId, id);
  const res = await send(tokensOf(w)[caller]);
  if (status >= 400) {
    expectProblem(res as Parameters<typeof expectProblem>[0], status, SLUG[status]);
    expect(await readItem(t, w.admin.token, w.planId, id)).toEqual(before);
  } else {
    expect({ path, status: res.status }).toEqual({ path, status });
    expect(await readItem(t, w.admin.token, w.planId, id)).not.toEqual(before);
  }
}

const callers = CALLERS.map((c) => [CALLER_LABEL[c], c] as const);

describe.each(callers)('%s', (_label, caller) => {
  test('When they move an item from agency_removed to verified, then the manageExitItems row decides', async () => {
    const item = await itemAt('agency_removed');
    const path = movesUrl(w.planId, item.id);
    await check(caller, expected('manageExitItems', caller, 200), path, item.id, (token) => t.as(token).post(path).send({ to: 'verified' }));
  });

  test('When they move an item one step back, then the manageExitItems row decides', async () => {
    const item = await itemAt('ownership_transferred');
    const path = movesUrl(w.planId, item.id);
    await check(caller, expected('manageExitItems', caller, 200), path, item.id, (token) => t.as(token).post(path).send({ to: 'access_shared' }));
  });

  test('When they move an item up to agency_removed, then the recordExit row decides', async () => {
    const item = await itemAt('ownership_transferred');
    const path = movesUrl(w.planId, item.id);
    await check(caller, expected('recordExit', caller, 200), path, item.id, (token) => t.as(token).post(path).send({ to: 'agency_removed' }));
  });

  test('When they edit an item’s due date, then the manageExitItems row decides', async () => {
    const item = await itemAt('listed');
    const path = itemUrl(w.planId, item.id);
    await check(caller, expected('manageExitItems', caller, 200), path, item.id, (token) =>
      t.as(token).patch(path).set('If-Match', `"${item.version}"`).send({ dueDate: '2026-06-30' }),
    );
  });
});
