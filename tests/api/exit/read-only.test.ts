import { pathTo, ROUTES as PATHS } from '@handover/shared';
import { setupApp } from '../../support/app';
import { memberInput } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';
import { ROUTES, expectedStatus, send, tokensOf, type MatrixCtx } from '../../support/route-table';
import { exit, exitWorld } from './exit-support';

// After the exit the plan is read-only on the agency side (docs/domain.md#ending-the-agency): every
// route of the role matrix that agency staff may call is tried by an agency member a lead let back
// in after the exit. Each write they could make before is now 409 `plan-exited` and changes
// nothing; each read answers as before. New routes join by being listed in the route table.
const t = setupApp();
let c: MatrixCtx;
/** Each write's target, made before the exit: some are records agency staff themselves created (their own KT sessions). */
const prepared = new Map<(typeof ROUTES)[number], unknown>();
beforeAll(async () => {
  const world = await exitWorld(t);
  c = { t, world, tokens: tokensOf(world) };
  for (const rc of writes) prepared.set(rc, await rc.prepare(c));
  expect((await exit(t, world.lead.token, world, { confirm: true, override: { reason: 'Read-only sweep' } })).status).toBe(200);
  await t.as(world.lead.token).put(pathTo(PATHS.member, { planId: world.planId, userId: world.agency.id })).send(memberInput('agency', '2099-01-01')).expect(200);
});

const agencyMay = ROUTES.filter((rc) => rc.route.includes(':planId') && expectedStatus(rc, 'agency') < 300);
const writes = agencyMay.filter((rc) => rc.method !== 'get');
const reads = agencyMay.filter((rc) => rc.method === 'get');

test('When the sweep is built, then it holds the writes agency staff may make (handovers, posts, roster, imports) and their reads', () => {
  expect(writes.map((rc) => `${rc.method} ${rc.route}`)).toEqual(
    expect.arrayContaining(['post /plans/:planId/handovers', 'post /plans/:planId/posts', 'post /plans/:planId/roster', 'post /plans/:planId/imports']),
  );
  expect(reads.length).toBeGreaterThan(10);
});

test.each(writes.map((rc) => [`${rc.method.toUpperCase()} ${rc.route}`, rc] as const))(
  'When an agency member calls %s on the exited plan, then 409 plan-exited and nothing changes',
  async (_name, rc) => {
    const target = prepared.get(rc) as Awaited<ReturnType<typeof rc.prepare>>;
    const before = rc.state ? await rc.state(c, target) : null;
    const res = await send(c, target, rc.method, c.world.agency.token);
    expectProblem(res, 409, 'plan-exited');
    expect(res.body.detail).toMatch(/^The agency exit was done on \d{4}-\d\d-\d\d/);
    if (rc.state) expect(await rc.state(c, target)).toEqual(before);
  },
);

test.each(reads.map((rc) => [`${rc.method.toUpperCase()} ${rc.route}`, rc] as const))(
  'When an agency member calls %s on the exited plan, then it answers as before',
  async (_name, rc) => {
    const res = await send(c, await rc.prepare(c), rc.method, c.world.agency.token);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: expectedStatus(rc, 'agency') });
  },
);
