import { setupApp } from '../support/app';
import { createPlan, createToken, milestoneInput } from '../support/fixtures';

const t = setupApp();

test('When sessions are expired, idle or long revoked, then the purge deletes them and keeps live ones', async () => {
  const live = await t.user();
  const idle = await t.user();
  const revoked = await t.user();
  await t.as(revoked.token).post('/api/v1/auth/logout').expect(204);
  t.clock.advance(20 * 60_000);
  await t.as(live.token).get('/api/v1/me').expect(200); // touched: no longer idle
  t.clock.advance(15 * 60_000); // idle and revoked sessions: 35 min old; live: 15 min since last use
  const before: Array<{ user_id: string }> = await t.db.read((m) => m.query('SELECT user_id FROM sessions'));
  expect(before).toHaveLength(3);
  expect(await t.services.auth.purgeExpiredSessions()).toBe(2);
  await t.as(live.token).get('/api/v1/me').expect(200);
  const after: Array<{ user_id: string }> = await t.db.read((m) => m.query('SELECT user_id FROM sessions'));
  expect(after.map((r) => r.user_id)).toEqual([live.id]);
  expect(idle.id).not.toBe(live.id);
});

test('When idempotency keys are older than a day, then the purge deletes them and a retry is a new request', async () => {
  const admin = await t.user({ isAdmin: true });
  const plan = await createPlan(t, admin.token, { name: 'P', brand: 'B', agencyName: 'A', targetExitDate: '2026-06-01' });
  const url = `/api/v1/plans/${plan.id}/milestones`;
  // An API token outlives the session across the day the clock moves forward.
  const apiToken = (await createToken(t, admin.token)).token;
  const body = milestoneInput({ title: 'M' });
  const first = await t.as(apiToken).post(url).set('Idempotency-Key', 'k-1').send(body).expect(201);
  t.clock.advance(25 * 3_600_000);
  await t.services.idempotency.purgeExpired();
  const keys: unknown[] = await t.db.read((m) => m.query('SELECT key FROM idempotency_keys'));
  expect(keys).toHaveLength(0);
  const again = await t.as(apiToken).post(url).set('Idempotency-Key', 'k-1').send(body).expect(201);
  expect(again.body.id).not.toBe(first.body.id);
});

test('When sign-in counters\' windows have closed, then the purge deletes them and keeps open ones', async () => {
  const user = await t.user();
  await t.as().post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password-1' }).expect(401);
  t.clock.advance(16 * 60_000);
  await t.as().post('/api/v1/auth/login').send({ email: 'someone-else@example.com', password: 'wrong-password-1' }).expect(401);
  const subjects = async () =>
    ((await t.db.read((m) => m.query('SELECT subject FROM rate_limits'))) as Array<{ subject: string }>).map((r) => r.subject);
  expect((await subjects()).filter((s) => s.includes(user.email))).toHaveLength(2);
  expect(await t.services.auth.purgeClosedLimits()).toBeGreaterThanOrEqual(2);
  const left = await subjects();
  expect(left.filter((s) => s.includes(user.email))).toEqual([]);
  expect(left.filter((s) => s.includes('someone-else@example.com'))).toHaveLength(2);
});
