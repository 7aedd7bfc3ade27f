import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startApp, setupApp, type TestApp } from '../support/app';
import { planInput } from '../support/fixtures';
import { login } from '../support/http';
import { expectProblem } from '../support/problem';

/** Cookie writes must come from our own origin; every API answer says no-store (docs/architecture.md#the-origin-check). */

const t = setupApp();
const HOST = 'handover.test';

const plansTotal = async (token: string): Promise<number> => (await t.as(token).get('/api/v1/plans')).body.total as number;

/** A cookie POST of a new plan, as the browser would send it with these headers. */
const postPlan = (cookie: string, headers: Record<string, string>) =>
  request(t.app).post('/api/v1/plans').set('Host', HOST).set('Cookie', cookie).set(headers).send(planInput());

describe('writes with the session cookie', () => {
  test('When another origin posts with the session cookie, then 403 problem+json and no plan is created', async () => {
    const admin = await t.user({ isAdmin: true });
    const { cookie } = await login(t, admin.email, admin.password);
    const before = await plansTotal(admin.token);
    const attempts: Array<Record<string, string>> = [
      { Origin: 'https://evil.example' },
      { Origin: `http://${HOST}.evil.example` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      {},
    ];
    for (const headers of attempts) {
      const res = await postPlan(cookie, headers);
      expectProblem(res, 403, 'forbidden');
      expect(res.body.detail).toMatch(/must come from this site/);
    }
    expect(await plansTotal(admin.token)).toBe(before);
  });

  test('When the dashboard posts from its own origin (Origin of this host, or Sec-Fetch-Site: same-origin), then the write goes through', async () => {
    const admin = await t.user({ isAdmin: true });
    const { cookie } = await login(t, admin.email, admin.password);
    const before = await plansTotal(admin.token);
    expect((await postPlan(cookie, { Origin: `http://${HOST}` })).status).toBe(201);
    expect((await postPlan(cookie, { Origin: `https://${HOST}` })).status).toBe(201);
    expect((await postPlan(cookie, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    expect(await plansTotal(admin.token)).toBe(before + 3);
  });

  test('When another origin sends a body-less logout with the cookie, then 403 and the session still works', async () => {
    const u = await t.user();
    const { cookie } = await login(t, u.email, u.password);
    for (const headers of [{ Origin: 'https://evil.example' }, {}]) {
      const res = await request(t.app).post('/api/v1/auth/logout').set('Cookie', cookie).set(headers);
      expectProblem(res, 403, 'forbidden');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await request(t.app).get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
    const out = await request(t.app).post('/api/v1/auth/logout').set('Host', HOST).set('Cookie', cookie).set('Origin', `http://${HOST}`);
    expect(out.status).toBe(204);
    expectProblem(await request(t.app).get('/api/v1/me').set('Cookie', cookie), 401, 'unauthorized');
  });

  test('When a bearer-token client sends a write with a foreign Origin or none, then it is not affected', async () => {
    const admin = await t.user({ isAdmin: true });
    const before = await plansTotal(admin.token);
    expect((await t.as(admin.token).post('/api/v1/plans').set('Origin', 'https://evil.example').send(planInput())).status).toBe(201);
    expect((await t.as(admin.token).post('/api/v1/plans').send(planInput())).status).toBe(201);
    expect(await plansTotal(admin.token)).toBe(before + 2);
  });

  test('When another origin reads with the cookie, or signs in while a cookie is set, then nothing is refused (only writes as the cookie user are)', async () => {
    const u = await t.user();
    const { cookie } = await login(t, u.email, u.password);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', cookie).set('Origin', 'https://evil.example')).status).toBe(200);
    const again = await request(t.app).post('/api/v1/auth/login').set('Cookie', cookie).send({ email: u.email, password: u.password });
    expect(again.status).toBe(200);
  });

  test('When PUBLIC_URL names the site, then a cookie write from that origin goes through even though the Host differs (a proxy in front)', async () => {
    const proxied = await startApp({ PUBLIC_URL: 'https://handover.example.com' });
    try {
      const admin = await proxied.user({ isAdmin: true });
      const { cookie } = await login(proxied, admin.email, admin.password);
      const send = (origin: string) =>
        request(proxied.app).post('/api/v1/plans').set('Host', '127.0.0.1:3000').set('Cookie', cookie).set('Origin', origin).send(planInput());
      expect((await send('https://handover.example.com')).status).toBe(201);
      expectProblem(await send('https://other.example.com'), 403, 'forbidden');
    } finally {
      await proxied.close();
    }
  }, 60_000);
});

describe('Cache-Control', () => {
  let withDashboard: TestApp;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-dash-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    withDashboard = await startApp({ DASHBOARD_DIR: dir });
  }, 60_000);
  afterAll(async () => withDashboard.close());

  test('When the API answers anything (a sign-in, a refused sign-in, a read, an error, a 404), then it carries Cache-Control: no-store', async () => {
    const u = await t.user();
    const answers = [
      await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: u.password }),
      await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: 'not-the-password' }),
      await t.as(u.token).get('/api/v1/me'),
      await t.as(u.token).get('/api/v1/plans'),
      await request(t.app).get('/api/v1/me'),
      await request(t.app).get('/api/v1/no-such-route'),
      await request(t.app).get('/api/v1/health'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 200, 200, 401, 404, 200]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });

  test('When the dashboard is served, then its hashed assets keep their year-long caching and index.html is revalidated', async () => {
    const asset = await request(withDashboard.app).get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await request(withDashboard.app).get('/plans/anything');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
