import { pathTo, ROUTES, type ExitResult, type Plan, type Snapshot } from '@handover/shared';
import type { Db } from '../../api/src/db/data-source';
import { Client, expectStatus } from '../support/client';
import { createPlan, createToken, createUser, putMember } from '../support/fixtures';
import { integrity, openForChecks, scalar } from './support/db-check';
import { rng, seedFromEnv } from './support/random';
import { ADMIN, sleep, setupStore, startServer, type ServerProcess } from './support/server';

/**
 * Crash safety of ending the agency (docs/domain.md#ending-the-agency). First an exit answered 200
 * and the server SIGKILLed at once: after the restart the plan reads as exited, the agency member
 * is out, their plan-scoped token is revoked and the final snapshot is there. Then exits in a row
 * with a kill at a random moment: each acknowledged exit holds whole, and one cut by the kill is
 * all there (exitedAt, access ended, token revoked, final snapshot, log entry, plan.exited) or not
 * at all.
 */
const CYCLES = 3;
const PLANS_PER_CYCLE = 5;
const EXIT = { confirm: true, override: { reason: 'Crash test' } };

type Target = { planId: string; token: string; outcome: 'acked' | 'unacked' | 'unsent'; result?: ExitResult };

const store = setupStore();
let server: ServerProcess | undefined;
let api: Client;
let admin: string;
let agency: { id: string; session: string };

async function restart(): Promise<void> {
  server = await startServer(store);
  api = new Client(server.url);
  admin = await api.login(ADMIN);
}

/** A plan with the agency member in it and their token scoped to it. */
async function target(n: number): Promise<Target> {
  const plan = await createPlan(api, admin, { name: `Crash exit ${n}` });
  await putMember(api, admin, plan.id, agency.id, 'agency');
  const token = (await createToken(api, agency.session, { name: `feed ${n}`, planId: plan.id, scopes: ['posts:write'] })).token;
  return { planId: plan.id, token, outcome: 'unsent' };
}

/** What the database holds of a plan's exit, each part as 0 or 1. */
async function stored(db: Db, t: Target) {
  const p = (i: number) => db.param(i);
  const one = (sql: string, params: unknown[]) => scalar(db, sql, params);
  return {
    exited: await one(`SELECT COUNT(*) FROM plans WHERE id = ${p(1)} AND exited_at IS NOT NULL`, [t.planId]),
    accessEnded: await one(`SELECT COUNT(*) FROM plan_members WHERE plan_id = ${p(1)} AND user_id = ${p(2)} AND access_until IS NOT NULL`, [t.planId, agency.id]),
    tokenRevoked: await one(`SELECT COUNT(*) FROM api_tokens WHERE plan_id = ${p(1)} AND revoked_at IS NOT NULL`, [t.planId]),
    finalSnapshot: await one(`SELECT COUNT(*) FROM snapshots WHERE plan_id = ${p(1)} AND kind = 'final'`, [t.planId]),
    logged: await one(`SELECT COUNT(*) FROM activity WHERE plan_id = ${p(1)} AND action = 'exit'`, [t.planId]),
    announced: await one(`SELECT COUNT(*) FROM outbox_events WHERE plan_id = ${p(1)} AND type = 'plan.exited'`, [t.planId]),
  };
}
const ALL = { exited: 1, accessEnded: 1, tokenRevoked: 1, finalSnapshot: 1, logged: 1, announced: 1 };
const NONE = { exited: 0, accessEnded: 0, tokenRevoked: 0, finalSnapshot: 0, logged: 0, announced: 0 };

/** Through the restarted server: the exit as a client sees it. */
async function expectExitedThroughApi(t: Target, result: ExitResult): Promise<void> {
  const plan = expectStatus(await api.call<Plan>('GET', pathTo(ROUTES.plan, { planId: t.planId }), { token: admin }), 200, 'plan');
  expect(plan.exitedAt).toBe(result.exitedAt);
  const snapshot = pathTo(ROUTES.snapshot, { planId: t.planId, snapshotId: result.snapshotId });
  expect(expectStatus(await api.call<Snapshot>('GET', snapshot, { token: admin }), 200, 'final snapshot').kind).toBe('final');
  expect((await api.call('GET', pathTo(ROUTES.plan, { planId: t.planId }), { token: agency.session })).status).toBe(404);
  const post = { channel: 'linkedin', publishedAt: '2026-03-02T10:00:00Z', source: 'agency' };
  expect((await api.call('POST', pathTo(ROUTES.posts, { planId: t.planId }), { token: t.token, body: post })).status).toBe(401);
  const again = await api.call<{ type: string }>('POST', pathTo(ROUTES.planExit, { planId: t.planId }), { token: admin, body: EXIT });
  expect(again.status).toBe(409);
}

test(`When the server is SIGKILLed right after an exit is acknowledged, and at random moments of exits in a row (${CYCLES} cycles), then every acknowledged exit holds whole and a cut one is all or nothing`, async () => {
  const r = rng(seedFromEnv('crash-exit'));
  await restart();
  const password = 'a-long-enough-secret';
  const user = await createUser(api, admin, { email: `agency-${Date.now()}@crash.test`, password });
  agency = { id: user.id, session: await api.login({ email: user.email, password }) };

  // 1. Acknowledged, then killed at once.
  const first = await target(0);
  const res = await api.call<ExitResult>('POST', pathTo(ROUTES.planExit, { planId: first.planId }), { token: admin, body: EXIT });
  first.result = expectStatus(res, 200, 'exit');
  expect((await server!.kill()).signal).toBe('SIGKILL');
  await restart();
  let db = await openForChecks(store.config);
  try {
    expect(await integrity(db)).toBe('ok');
    expect(await stored(db, first)).toEqual(ALL);
  } finally {
    await db.close();
  }
  await expectExitedThroughApi(first, first.result);

  // 2. Exits in a row, cut by a kill at a random moment.
  const cut = { applied: 0, notApplied: 0 };
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const targets: Target[] = [];
    for (let i = 0; i < PLANS_PER_CYCLE; i++) targets.push(await target(cycle * 100 + i));
    let killed = false;
    const exits = (async () => {
      for (const t of targets) {
        t.outcome = 'unacked';
        try {
          const reply = await api.call<ExitResult>('POST', pathTo(ROUTES.planExit, { planId: t.planId }), { token: admin, body: EXIT });
          t.result = expectStatus(reply, 200, 'exit');
          t.outcome = 'acked';
        } catch (error) {
          if (!killed) throw error;
          return;
        }
      }
    })();
    await sleep(r.int(0, 600));
    killed = true;
    await server!.kill();
    await exits;
    await restart();
    db = await openForChecks(store.config);
    try {
      expect(await integrity(db)).toBe('ok');
      for (const t of targets) {
        const state = await stored(db, t);
        if (t.outcome === 'acked') expect(state).toEqual(ALL);
        else if (t.outcome === 'unsent') expect(state).toEqual(NONE);
        else {
          expect([ALL, NONE]).toContainEqual(state);
          if (state.exited) cut.applied += 1;
          else cut.notApplied += 1;
        }
      }
    } finally {
      await db.close();
    }
    for (const t of targets.filter((x) => x.outcome === 'acked')) await expectExitedThroughApi(t, t.result!);
    console.log(
      `crash-exit cycle ${cycle}: ${targets.filter((x) => x.outcome === 'acked').length} acknowledged, ` +
        `cut by kills so far: ${cut.applied} applied, ${cut.notApplied} not applied`,
    );
  }
  expect((await server!.stop()).code).toBe(0);
});
