import { setupApp } from '../support/app';
import { planWorld } from '../support/fixtures';
import { expectProblem } from '../support/problem';
import {
  CALLERS,
  CALLER_LABEL,
  ROUTES,
  adminGet,
  expectedStatus,
  send,
  tokensOf,
  type MatrixCtx,
} from '../support/route-table';

// One table (tests/support/route-table.ts) x every kind of caller, expectations from the permission table (docs/domain.md).

const t = setupApp();
let c: MatrixCtx;
beforeAll(async () => {
  const world = await planWorld(t);
  c = { t, world, tokens: tokensOf(world) };
});

const SLUG: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found' };

test('When the table is read, then every route appears once', () => {
  const keys = ROUTES.map((r) => `${r.method} ${r.route}`);
  expect(new Set(keys).size).toBe(keys.length);
});

test('When the API documents a plan, member, milestone, activity or user route, then the table lists it', () => {
  const doc = t.openapi as { paths: Record<string, Record<string, unknown>> };
  const foundation = /^\/api\/v1\/(users(\/.*)?|plans(\/\{planId\}(\/(members|milestones|activity)(\/.*)?)?)?)$/;
  const documented = Object.entries(doc.paths)
    .filter(([path]) => foundation.test(path))
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
  expect(documented.length).toBeGreaterThanOrEqual(15);
  const listed = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
  expect(documented.filter((r) => !listed.has(r))).toEqual([]);
});

for (const rc of ROUTES) {
  const name = `${rc.method.toUpperCase()} ${rc.route}`;
  describe(name, () => {
    for (const caller of CALLERS) {
      const status = expectedStatus(rc, caller);
      const refused = status >= 400;
      const outcome = refused ? `${status}${rc.state ? ' and nothing changes' : ''}` : `${status}${rc.state ? ' and the change is made' : ''}`;
      test(`When ${CALLER_LABEL[caller]} calls ${name}, then ${outcome}`, async () => {
        const prepared = await rc.prepare(c);
        const snapshot = async () =>
          rc.state
            ? {
                resource: await rc.state(c, prepared),
                activity: (await adminGet(c, `/plans/${c.world.planId}/activity?limit=1`)).body,
              }
            : null;
        const before = await snapshot();
        const res = await send(c, prepared, rc.method, c.tokens[caller]);
        if (refused) {
          expectProblem(res, status, SLUG[status]);
        } else {
          expect({ status: res.status, body: res.body }).toMatchObject({ status });
        }
        if (rc.state) {
          const after = await snapshot();
          if (refused) expect(after).toEqual(before);
          else expect(after).not.toEqual(before);
        }
      });
    }
  });
}
