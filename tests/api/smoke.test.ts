import { startApp, type TestApp } from '../support/app';
import { login } from '../support/http';
import { planInput } from '../support/fixtures';

// Start-up on an empty database: health, the first admin, and a first plan.

describe('an empty database', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  test('When the database answers, then health is ok', async () => {
    t = await startApp();
    const res = await t.as().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('When ADMIN_EMAIL and ADMIN_PASSWORD are set, then the first admin is created from them and can sign in', async () => {
    t = await startApp({ ADMIN_EMAIL: 'Owner@Example.com', ADMIN_PASSWORD: 'first-admin-pass' });
    const created = await t.services.auth.bootstrapAdmin();
    expect(created).toEqual({ email: 'owner@example.com', generatedPassword: null });
    const { token } = await login(t, 'owner@example.com', 'first-admin-pass');
    const me = await t.as(token).get('/api/v1/me');
    expect(me.body.user).toMatchObject({ email: 'owner@example.com', isAdmin: true });
  });

  test('When nothing is set, then admin@localhost is created with a random password returned once', async () => {
    t = await startApp();
    const created = await t.services.auth.bootstrapAdmin();
    expect(created?.email).toBe('admin@localhost');
    expect(created?.generatedPassword).toEqual(expect.any(String));
    expect(created!.generatedPassword!.length).toBeGreaterThanOrEqual(16);
    await login(t, 'admin@localhost', created!.generatedPassword!);
    // A second start finds users and creates nobody.
    expect(await t.services.auth.bootstrapAdmin()).toBeNull();
  });

  test('When two processes bootstrap at once, then exactly one admin is created', async () => {
    t = await startApp({ ADMIN_PASSWORD: 'first-admin-pass' });
    const results = await Promise.all([t.services.auth.bootstrapAdmin(), t.services.auth.bootstrapAdmin()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const { token } = await login(t, 'admin@localhost', 'first-admin-pass');
    const users = await t.as(token).get('/api/v1/users');
    expect(users.body.total).toBe(1);
  });

  test('When users already exist, then no admin is bootstrapped', async () => {
    t = await startApp();
    await t.user();
    expect(await t.services.auth.bootstrapAdmin()).toBeNull();
  });

  test('When the first admin creates a plan, then it reads back with its ETag', async () => {
    t = await startApp();
    const admin = await t.user({ isAdmin: true });
    const created = await t.as(admin.token).post('/api/v1/plans').send(planInput());
    expect(created.status).toBe(201);
    const read = await t.as(admin.token).get(`/api/v1/plans/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });
});
