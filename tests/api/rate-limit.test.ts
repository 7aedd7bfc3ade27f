import http from 'node:http';
import request from 'supertest';
import * as password from '../../api/src/modules/auth/password';
import { SIGN_IN_LIMITS } from '../../api/src/modules/auth/sign-in-limits';
import { setupApp, type TestUser } from '../support/app';
import { expectFieldError, expectProblem } from '../support/problem';

// TRUST_PROXY=1: the hop in front of the app (here, the test) names the client as the last
// X-Forwarded-For entry, so each test chooses its client address (docs/architecture.md#behind-a-proxy).
const t = setupApp({ env: { TRUST_PROXY: '1' } });
// Bursts of real (deliberately slow) password checks on a shared machine.
jest.setTimeout(60_000);
let n = 0;

/** A fresh address per call site, so tests do not share counters. */
const freshAddress = () => `203.0.${Math.floor(++n / 250)}.${n % 250}`;

/** One listening server for the file, so a burst of requests is really in flight at once. */
let server: http.Server;
beforeAll(() => {
  server = http.createServer(t.app).listen(0, '127.0.0.1');
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const login = (email: string, pass: string, address: string) =>
  request(server).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password: pass });

async function failTimes(times: number, email: (i: number) => string, address: (i: number) => string): Promise<void> {
  for (let i = 0; i < times; i++) expectProblem(await login(email(i), 'wrong-password-123', address(i)), 401, 'invalid-credentials');
}

/** Count the password checks made while `fn` runs. */
async function countChecks(fn: () => Promise<void>): Promise<number> {
  const spy = jest.spyOn(password, 'verifyPassword');
  try {
    await fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('sign-in attempts are reserved before the password check', () => {
  test('When 200 wrong sign-ins for one account arrive at once from one address, then at most 10 passwords are checked and the rest are 429', async () => {
    const victim = await t.user();
    const address = freshAddress();
    let statuses: number[] = [];
    const checks = await countChecks(async () => {
      const all = await Promise.all(Array.from({ length: 200 }, () => login(victim.email, 'wrong-password-123', address)));
      statuses = all.map((r) => r.status);
    });
    console.log(`200 parallel wrong sign-ins, one address, one account: ${checks} password checks`);
    expect(checks).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checks);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - checks);
    // Afterwards the pair is full: even the right password from this address waits.
    expectProblem(await login(victim.email, victim.password, address), 429, 'rate-limited');
  });

  test('When 200 wrong sign-ins for 200 accounts arrive at once from one address, then at most the per-address ceiling of passwords is checked', async () => {
    const address = freshAddress();
    const checks = await countChecks(async () => {
      await Promise.all(Array.from({ length: 200 }, (_, i) => login(`spray-${i}-${n}@example.com`, 'Winter2026!', address)));
    });
    console.log(`200 parallel wrong sign-ins, one address, 200 accounts: ${checks} password checks`);
    expect(checks).toBeLessThanOrEqual(SIGN_IN_LIMITS.address);
    const res = await login(`spray-next-${n}@example.com`, 'Winter2026!', address);
    expectProblem(res, 429, 'rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('the owner is never locked out by others', () => {
  let ann: TestUser;
  beforeAll(async () => {
    ann = await t.user();
  });

  test('When one address fails 10 times on one account, then that address is refused for that account, with Retry-After, even with the right password', async () => {
    const user = await t.user();
    const attacker = freshAddress();
    await failTimes(10, () => user.email, () => attacker);
    const res = await login(user.email, user.password, attacker);
    expectProblem(res, 429, 'rate-limited');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The email is matched however it is written.
    expectProblem(await login(` ${user.email.toUpperCase()}`, user.password, attacker), 429);
  });

  test('When an account is under attack from many addresses, then its owner still signs in from an address of their own', async () => {
    const owner = await t.user();
    const attackers = Array.from({ length: 4 }, () => freshAddress());
    // 40 guesses: far past the per-account limit of 10 (refused ones answer 429).
    for (let i = 0; i < 40; i++) expect([401, 429]).toContain((await login(owner.email, 'a-guess-123', attackers[i % 4]!)).status);
    expect((await login(owner.email, owner.password, freshAddress())).status).toBe(200);
    // Still under attack after the owner signed in: the attackers stay refused.
    for (const a of attackers) expectProblem(await login(owner.email, 'another-guess-1', a), 429, 'rate-limited');
  });

  test('When an account is under attack, then each further address gets 3 tries on it instead of 10 (guessing slows down)', async () => {
    const user = await t.user();
    await failTimes(SIGN_IN_LIMITS.account, () => user.email, () => freshAddress());
    const slow = freshAddress();
    const checks = await countChecks(async () => {
      for (let i = 0; i < 10; i++) await login(user.email, `guess-${i}-abcdef`, slow);
    });
    expect(checks).toBe(SIGN_IN_LIMITS.pairUnderAttack);
    expectProblem(await login(user.email, user.password, slow), 429, 'rate-limited');
    expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
  });

  test('When one address fails 10 times across accounts, then other people behind that address still sign in', async () => {
    const office = freshAddress();
    await failTimes(10, (i) => `nobody${i}-${n}@example.com`, () => office);
    expect((await login(ann.email, ann.password, office)).status).toBe(200);
  });

  test('When one address fails 100 times across accounts, then it is refused for any account while another address signs in', async () => {
    const address = freshAddress();
    await failTimes(SIGN_IN_LIMITS.address, (i) => `nobody${i}-${n}@example.com`, () => address);
    expectProblem(await login(ann.email, ann.password, address), 429, 'rate-limited');
    expect((await login(ann.email, ann.password, freshAddress())).status).toBe(200);
  });

  test('When someone signs in between their own failures, then their failures stop counting but the address still counts others', async () => {
    const user = await t.user();
    const home = freshAddress();
    await failTimes(9, () => user.email, () => home);
    expect((await login(user.email, user.password, home)).status).toBe(200);
    // The pair started again: nine more mistakes are still allowed.
    await failTimes(9, () => user.email, () => home);
    expect((await login(user.email, user.password, home)).status).toBe(200);
  });

  test('When 15 minutes pass after the first failure, then the address may try the account again', async () => {
    const user = await t.user();
    const address = freshAddress();
    await failTimes(10, () => user.email, () => address);
    expectProblem(await login(user.email, user.password, address), 429);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login(user.email, user.password, address)).status).toBe(200);
  });
});

describe('odd subjects', () => {
  test('When an email lower-cases to more than the counter column holds, then the sign-in is still counted and refused like any other', async () => {
    const email = `${'İ'.repeat(240)}@example.com`;
    const address = freshAddress();
    await failTimes(10, () => email, () => address);
    expectProblem(await login(email, 'wrong-password-123', address), 429, 'rate-limited');
  });
});

describe('the client address behind a proxy', () => {
  test('When a client rotates X-Forwarded-For behind one trusted hop, then the address the proxy appended is counted and it cannot escape the limit', async () => {
    const user = await t.user();
    const real = freshAddress();
    for (let i = 0; i < 10; i++) {
      const res = await login(user.email, 'wrong-password-123', `10.9.${i}.1, ${real}`);
      expectProblem(res, 401, 'invalid-credentials');
    }
    expectProblem(await login(user.email, user.password, `10.9.99.1, ${real}`), 429, 'rate-limited');
    expectProblem(await login(user.email, user.password, `${freshAddress()}, ${real}`), 429, 'rate-limited');
  });
});

describe('wrong current passwords on a password change', () => {
  const change = (token: string, currentPassword: string, address = '127.0.0.1') =>
    t.as(token).post('/api/v1/me/password').set('X-Forwarded-For', address).send({ currentPassword, newPassword: 'a-brand-new-passphrase' });

  test('When a session sends 10 wrong current passwords, then the next attempt is 429 with Retry-After, even with the right one, and the password is unchanged', async () => {
    const user = await t.user();
    for (let i = 0; i < SIGN_IN_LIMITS.passwordChange; i++) {
      expectFieldError(await change(user.token, `wrong-${i}-password`, freshAddress()), 'currentPassword', 'is wrong');
    }
    const checks = await countChecks(async () => {
      const res = await change(user.token, user.password, freshAddress());
      expectProblem(res, 429, 'rate-limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });
    expect(checks).toBe(0);
    // Nothing changed: the old password still signs in, the new one does not.
    expect((await login(user.email, user.password, freshAddress())).status).toBe(200);
    expectProblem(await login(user.email, 'a-brand-new-passphrase', freshAddress()), 401);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await change(user.token, user.password)).status).toBe(204);
  });

  test('When 30 wrong current passwords arrive at once, then at most 10 are checked', async () => {
    const user = await t.user();
    const checks = await countChecks(async () => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => change(user.token, `wrong-${i}-password`)));
    });
    expect(checks).toBeLessThanOrEqual(SIGN_IN_LIMITS.passwordChange);
  });
});
