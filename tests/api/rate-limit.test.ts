import request from 'supertest';
import { setupApp, type TestUser } from '../support/app';
import { expectProblem } from '../support/problem';

// TRUST_PROXY lets each test choose its client address through X-Forwarded-For.
const t = setupApp({ env: { TRUST_PROXY: 'true' } });
let n = 0;

/** A fresh address per call site, so tests do not share counters. */
const freshAddress = () => `203.0.113.${++n}`;

const login = (email: string, password: string, address: string) =>
  request(t.app).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

async function failTimes(times: number, email: (i: number) => string, address: (i: number) => string): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await login(email(i), 'wrong-password-123', address(i));
    expectProblem(res, 401, 'invalid-credentials');
  }
}

describe('login rate limit', () => {
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    ann = await t.user();
    bob = await t.user();
  });

  test('When one account fails 10 times from different addresses, then the 11th attempt is 429 with Retry-After, even with the right password', async () => {
    const victim = await t.user();
    await failTimes(10, () => victim.email, () => freshAddress());
    const res = await login(victim.email, victim.password, freshAddress());
    expectProblem(res, 429, 'rate-limited');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The email is matched however it is written.
    expectProblem(await login(` ${victim.email.toUpperCase()}`, victim.password, freshAddress()), 429);
    // Other accounts are not affected.
    expect((await login(ann.email, ann.password, freshAddress())).status).toBe(200);
  });

  test('When one address fails 10 times on different accounts, then that address gets 429 for any account while another address signs in', async () => {
    const address = freshAddress();
    await failTimes(10, (i) => `nobody${i}-${n}@example.com`, () => address);
    expectProblem(await login(bob.email, bob.password, address), 429, 'rate-limited');
    expect((await login(bob.email, bob.password, freshAddress())).status).toBe(200);
  });

  test('When an account signs in successfully, then other addresses keep their failure counts', async () => {
    const user = await t.user();
    const attacker = freshAddress();
    // Nine failures from the attacker, on other accounts and one on this user.
    await failTimes(8, (i) => `someone${i}-${n}@example.com`, () => attacker);
    await failTimes(1, () => user.email, () => attacker);
    // The real user signs in from home: that clears the user's and home's counters only.
    expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
    await failTimes(1, () => `someone-else-${n}@example.com`, () => attacker);
    expectProblem(await login(user.email, 'another-guess-123', attacker), 429, 'rate-limited');
  });

  test('When 15 minutes pass after the first failure, then the account may sign in again', async () => {
    const user = await t.user();
    await failTimes(10, () => user.email, () => freshAddress());
    expectProblem(await login(user.email, user.password, freshAddress()), 429);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
  });

  test('When sign-ins fail concurrently, then every failure is counted', async () => {
    const user = await t.user();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => login(user.email, 'wrong-password-123', freshAddress())),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(401));
    expectProblem(await login(user.email, user.password, freshAddress()), 429, 'rate-limited');
  });
});
