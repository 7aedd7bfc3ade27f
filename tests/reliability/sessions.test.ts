import request from 'supertest';
import { startApp, type TestApp, type TestUser } from '../support/app';
import { login, sessionCookie, setCookies } from '../support/http';
import { expectProblem } from '../support/problem';
import { planInput } from '../support/fixtures';

/** Sessions and auth hardening, one test per promise (in-process, on the suite's database). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let n = 0;
const freshAddress = () => `198.51.100.${++n}`;

const me = (t: TestApp, token: string) => t.as(token).get('/api/v1/me');

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => t.close());

  test('When a session is idle for 30 minutes, then it stops working, while use within 30 minutes keeps it alive', async () => {
    const u = await t.user();
    for (let i = 0; i < 4; i++) {
      t.clock.advance(29 * MINUTE);
      expect((await me(t, u.token)).status).toBe(200);
    }
    t.clock.advance(30 * MINUTE);
    expectProblem(await me(t, u.token), 401, 'unauthorized');
  });

  test('When a session is used all the time, then it still ends 12 hours after sign-in, and the cookie says so', async () => {
    const u = await t.user();
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: u.password });
    expect(setCookies(res).find((c) => c.startsWith('handover_session='))).toMatch(/Max-Age=43200\b/);
    const token = res.body.token as string;
    for (let elapsed = 0; elapsed + 20 * MINUTE < 12 * HOUR; elapsed += 20 * MINUTE) {
      t.clock.advance(20 * MINUTE);
      expect((await me(t, token)).status).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expectProblem(await me(t, token), 401, 'unauthorized');
  });

  test('When fifty requests on one session arrive together a minute after the last, then its last-seen time is written once, not fifty times', async () => {
    const u = await t.user();
    t.clock.advance(2 * MINUTE);
    const writes = jest.spyOn(t.db, 'write');
    try {
      // Straight at the service, so all fifty are in flight at once (as under load).
      const found = await Promise.all(Array.from({ length: 50 }, () => t.services.auth.authenticate(u.token)));
      expect(found.map((f) => f?.user.id)).toEqual(Array(50).fill(u.id));
      expect(writes).toHaveBeenCalledTimes(1);
      expect((await me(t, u.token)).status).toBe(200);
    } finally {
      writes.mockRestore();
    }
  });

  test('When SESSION_IDLE_MINUTES and SESSION_MAX_HOURS are set, then sessions follow them', async () => {
    const short = await startApp({ SESSION_IDLE_MINUTES: '5', SESSION_MAX_HOURS: '1' });
    try {
      const idle = await short.user();
      short.clock.advance(4 * MINUTE);
      expect((await me(short, idle.token)).status).toBe(200);
      short.clock.advance(5 * MINUTE);
      expectProblem(await me(short, idle.token), 401);

      const busy = await short.user();
      for (let i = 0; i < 14; i++) {
        short.clock.advance(4 * MINUTE);
        expect((await me(short, busy.token)).status).toBe(200);
      }
      short.clock.advance(5 * MINUTE);
      expectProblem(await me(short, busy.token), 401);
    } finally {
      await short.close();
    }
  });
});

describe('sign-in, sign-out and password change', () => {
  let t: TestApp;
  let u: TestUser;
  beforeAll(async () => {
    t = await startApp();
    u = await t.user();
  });
  afterAll(async () => t.close());

  test('When a client signs in, then it gets a new session id every time, even when it sends an existing session cookie', async () => {
    const first = await login(t, u.email, u.password);
    const res = await request(t.app)
      .post('/api/v1/auth/login')
      .set('Cookie', first.cookie)
      .send({ email: u.email, password: u.password });
    expect(res.status).toBe(200);
    const second = { token: res.body.token as string, cookie: sessionCookie(res) };
    expect(second.token).not.toBe(first.token);
    expect(second.cookie).toBe(`handover_session=${second.token}`);
    expect(second.cookie).not.toBe(first.cookie);
    const tokens = new Set([first.token, second.token]);
    for (let i = 0; i < 5; i++) tokens.add((await login(t, u.email, u.password)).token);
    expect(tokens.size).toBe(7);
  });

  test('When a client signs out, then that token and its cookie stop working and the cookie is cleared, while other sessions go on', async () => {
    const a = await login(t, u.email, u.password);
    const b = await login(t, u.email, u.password);
    const out = await request(t.app).post('/api/v1/auth/logout').set('Cookie', a.cookie).set('Sec-Fetch-Site', 'same-origin');
    expect(out.status).toBe(204);
    expect(setCookies(out).find((c) => c.startsWith('handover_session='))).toMatch(/handover_session=;.*Expires=Thu, 01 Jan 1970/);
    expectProblem(await request(t.app).get('/api/v1/me').set('Cookie', a.cookie), 401);
    expectProblem(await me(t, a.token), 401);
    expect((await me(t, b.token)).status).toBe(200);
    expectProblem(await t.as(a.token).post('/api/v1/auth/logout'), 401);
  });

  test('When a user changes their password, then every other session ends, the old password stops working and the new one works', async () => {
    const user = await t.user();
    const other = await login(t, user.email, user.password);
    const changing = await login(t, user.email, user.password);
    const res = await t.as(changing.token).post('/api/v1/me/password').send({ currentPassword: user.password, newPassword: 'a-brand-new-passphrase' });
    expect(res.status).toBe(204);
    expectProblem(await me(t, other.token), 401);
    expectProblem(await me(t, user.token), 401);
    expect((await me(t, changing.token)).status).toBe(200);
    expectProblem(await request(t.app).post('/api/v1/auth/login').send({ email: user.email, password: user.password }), 401);
    expect((await login(t, user.email, 'a-brand-new-passphrase')).token).toMatch(/^hos_/);
  });

  test('When an API token is revoked, then it stops working at once', async () => {
    const created = await t.as(u.token).post('/api/v1/me/tokens').send({ name: 'script' });
    expect(created.status).toBe(201);
    expect((await me(t, created.body.token)).status).toBe(200);
    expect((await t.as(u.token).delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(204);
    expectProblem(await me(t, created.body.token), 401);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One trusted hop: the last X-Forwarded-For entry is the client (docs/architecture.md#behind-a-proxy).
    t = await startApp({ TRUST_PROXY: '1' });
  });
  afterAll(async () => t.close());

  const attempt = (email: string, password: string, address: string) =>
    request(t.app).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });

  test('When one address has failed 10 times on one account in 15 minutes, then it gets 429 with Retry-After there, even with the right password, while the owner signs in from elsewhere', async () => {
    const victim = await t.user();
    const attacker = freshAddress();
    for (let i = 0; i < 10; i++) {
      t.clock.advance(MINUTE);
      expectProblem(await attempt(victim.email, 'not-the-password', attacker), 401, 'invalid-credentials');
    }
    const res = await attempt(victim.email, victim.password, attacker);
    expectProblem(res, 429, 'rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect((await attempt(victim.email, victim.password, freshAddress())).status).toBe(200);
  });

  test('When one address has failed 100 times in 15 minutes across accounts, then it gets 429 with Retry-After for any account', async () => {
    const address = freshAddress();
    const someone = await t.user();
    for (let i = 0; i < 100; i++) {
      expectProblem(await attempt(`nobody-${i}-${n}@example.com`, 'guess-guess', address), 401);
    }
    const res = await attempt(someone.email, someone.password, address);
    expectProblem(res, 429, 'rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);

  test('When an address sprays passwords and signs in to its own account in between, then its failures still add up to 429', async () => {
    const attacker = await t.user();
    const address = freshAddress();
    for (let i = 0; i < 50; i++) expectProblem(await attempt(`target-a${i}-${n}@example.com`, 'Winter2026!', address), 401);
    expect((await attempt(attacker.email, attacker.password, address)).status).toBe(200);
    for (let i = 0; i < 50; i++) expectProblem(await attempt(`target-b${i}-${n}@example.com`, 'Winter2026!', address), 401);
    // A hundred failures from this address in the window, whatever succeeded in between.
    expectProblem(await attempt(`target-last-${n}@example.com`, 'Winter2026!', address), 429, 'rate-limited');
  }, 60_000);
});

describe('headers, CORS and cookies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => t.close());

  test('When any response is sent (API, error, dashboard), then it carries helmet headers with a strict CSP and no X-Powered-By', async () => {
    const u = await t.user();
    for (const res of [await me(t, u.token), await request(t.app).get('/api/v1/nope'), await request(t.app).get('/')]) {
      const csp = String(res.headers['content-security-policy']);
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      expect(directives.get('default-src')).toBe("'self'");
      expect(directives.get('script-src')).toBe("'self'");
      expect(directives.get('object-src')).toBe("'none'");
      expect(directives.get('frame-ancestors')).toBe("'none'");
      expect(directives.get('base-uri')).toBe("'self'");
      expect(directives.get('form-action')).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  test('When CORS_ORIGINS is unset, then no origin is allowed, for simple requests or preflights', async () => {
    const u = await t.user();
    const res = await t.as(u.token).get('/api/v1/me').set('Origin', 'https://evil.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await request(t.app)
      .options('/api/v1/plans')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  test('When CORS_ORIGINS names an origin, then that origin (and only that one) is allowed with credentials', async () => {
    const open = await startApp({ CORS_ORIGINS: 'https://app.example' });
    try {
      const u = await open.user();
      const res = await open.as(u.token).get('/api/v1/me').set('Origin', 'https://app.example');
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers.vary).toMatch(/Origin/);
      const preflight = await request(open.app)
        .options('/api/v1/plans')
        .set('Origin', 'https://app.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
      const other = await open.as(u.token).get('/api/v1/me').set('Origin', 'https://app.example.evil.test');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  test('When a session cookie is set over plain HTTP, then it is HttpOnly, SameSite=Lax, Path=/ and not Secure, and a spoofed X-Forwarded-Proto is ignored', async () => {
    const u = await t.user();
    for (const proto of [undefined, 'https']) {
      const req = request(t.app).post('/api/v1/auth/login');
      if (proto) req.set('X-Forwarded-Proto', proto);
      const cookie = setCookies(await req.send({ email: u.email, password: u.password })).find((c) => c.startsWith('handover_session='))!;
      const attrs = cookie.split(';').map((a) => a.trim().toLowerCase());
      expect(attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
      expect(attrs).not.toContain('secure');
    }
  });

  test('When the app runs behind a TLS proxy (TRUST_PROXY=1, X-Forwarded-Proto: https), then the session cookie is also Secure', async () => {
    const proxied = await startApp({ TRUST_PROXY: '1' });
    try {
      const u = await proxied.user();
      const res = await request(proxied.app)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: u.email, password: u.password });
      const attrs = setCookies(res)
        .find((c) => c.startsWith('handover_session='))!
        .split(';')
        .map((a) => a.trim().toLowerCase());
      expect(attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']));
    } finally {
      await proxied.close();
    }
  });

  test('When another site posts a form with the session cookie, then it is refused with 403 (the Origin check) and nothing is created', async () => {
    const admin = await t.user({ isAdmin: true });
    const { cookie } = await login(t, admin.email, admin.password);
    const before = (await t.as(admin.token).get('/api/v1/plans')).body.total;
    const form = new URLSearchParams(Object.entries(planInput()).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const res = await request(t.app)
      .post('/api/v1/plans')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(form);
    expectProblem(res, 403, 'forbidden');
    expect((await t.as(admin.token).get('/api/v1/plans')).body.total).toBe(before);
  });
});
