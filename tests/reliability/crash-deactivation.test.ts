import { Client, expectStatus } from '../support/client';
import { createToken, createUser } from '../support/fixtures';
import { integrity, openForChecks, scalar } from './support/db-check';
import { rng, seedFromEnv } from './support/random';
import { ADMIN, sleep, setupStore, startServer, type ServerProcess } from './support/server';

/**
 * Crash safety of deactivation (docs/domain.md#access-lifecycle): the server deactivates users one
 * after another and is killed with SIGKILL at a random moment. After the restart an acknowledged
 * deactivation holds, none of that user's sessions or API tokens works, and a deactivation cut by
 * the kill is all there (flag down, every credential revoked, one log entry) or not there at all.
 */
const CYCLES = 3;
const USERS_PER_CYCLE = 6;

type Target = { id: string; email: string; password: string; session: string; apiToken: string; outcome: 'acked' | 'unacked' | 'unsent' };

const store = setupStore();
let server: ServerProcess | undefined;

async function makeTarget(api: Client, adminToken: string, n: number): Promise<Target> {
  const password = 'a-long-enough-secret';
  const user = await createUser(api, adminToken, { email: `target-${n}-${Date.now()}@crash.test`, password });
  const session = await api.login({ email: user.email, password });
  const apiToken = (await createToken(api, session, { name: `target ${n}` })).token;
  return { id: user.id, email: user.email, password, session, apiToken, outcome: 'unsent' };
}

test(`When the server is killed with SIGKILL while deactivating users (${CYCLES} cycles), then every acknowledged deactivation survives and no revoked credential works after the restart`, async () => {
  const r = rng(seedFromEnv('crash-deactivation'));
  server = await startServer(store);
  let api = new Client(server.url);
  const admin = await api.login(ADMIN);
  const all: Target[] = [];
  let cut = { applied: 0, notApplied: 0 };

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const targets: Target[] = [];
    for (let i = 0; i < USERS_PER_CYCLE; i++) targets.push(await makeTarget(api, admin, cycle * 100 + i));
    all.push(...targets);
    let killed = false;
    const deactivator = (async () => {
      for (const target of targets) {
        target.outcome = 'unacked';
        try {
          const res = await api.call('POST', `/api/v1/users/${target.id}/deactivate`, { token: admin });
          if (res.status !== 200) throw new Error(`deactivate answered ${res.status}: ${res.text}`);
          target.outcome = 'acked';
        } catch (error) {
          if (!killed) throw error;
          return;
        }
      }
    })();
    await sleep(r.int(0, 120));
    killed = true;
    await server.kill();
    await deactivator;
    expect(server.running).toBe(false);

    server = await startServer(store);
    api = new Client(server.url);
    const db = await openForChecks(store.config);
    try {
      expect(await integrity(db)).toBe('ok');
      for (const target of targets) {
        const active = await scalar(db, `SELECT CASE WHEN active THEN 1 ELSE 0 END FROM users WHERE id = ${db.param(1)}`, [target.id]);
        const live = await scalar(
          db,
          `SELECT (SELECT COUNT(*) FROM sessions WHERE user_id = ${db.param(1)} AND revoked_at IS NULL)
                + (SELECT COUNT(*) FROM api_tokens WHERE user_id = ${db.param(2)} AND revoked_at IS NULL)`,
          [target.id, target.id],
        );
        const logged = await scalar(db, `SELECT COUNT(*) FROM activity WHERE action = 'deactivate' AND entity_id = ${db.param(1)}`, [target.id]);
        const state = { email: target.email, active, live, logged };
        // All of it or none of it; all of it when acknowledged.
        if (target.outcome === 'acked') expect(state).toEqual({ ...state, active: 0, live: 0, logged: 1 });
        else expect([{ active: 0, live: 0, logged: 1 }, { active: 1, live: 2, logged: 0 }]).toContainEqual({ active, live, logged });
        if (target.outcome === 'unacked') cut = active ? { ...cut, notApplied: cut.notApplied + 1 } : { ...cut, applied: cut.applied + 1 };
      }
    } finally {
      await db.close();
    }
    // Through the restarted server: nothing a deactivated user held works, and they cannot sign in
    // (tried for one user a cycle: each refusal counts against this address's sign-in limit).
    let signInTried = false;
    for (const target of all) {
      const found = await api.call<{ items: Array<{ active: boolean }> }>('GET', `/api/v1/users?email=${encodeURIComponent(target.email)}`, { token: admin });
      if (expectStatus(found, 200, 'list user').items[0]!.active) continue;
      expect((await api.call('GET', '/api/v1/me', { token: target.session })).status).toBe(401);
      expect((await api.call('GET', '/api/v1/me', { token: target.apiToken })).status).toBe(401);
      if (signInTried || !targets.includes(target)) continue;
      signInTried = true;
      const login = await api.call('POST', '/api/v1/auth/login', { body: { email: target.email, password: target.password } });
      expect(login.status).toBe(401);
    }
    console.log(
      `crash-deactivation cycle ${cycle}: ${targets.filter((x) => x.outcome === 'acked').length} acknowledged, ` +
        `cut by kills so far: ${cut.applied} applied, ${cut.notApplied} not applied`,
    );
  }
  expect((await server.stop()).code).toBe(0);
});
