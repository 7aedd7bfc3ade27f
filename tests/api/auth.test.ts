import { createHash } from 'node:crypto';
import request from 'supertest';
import { setupApp } from '../support/app';
import { createToken, GHOST, planWorld } from '../support/fixtures';
import { login, sessionCookie, setCookies } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const t = setupApp();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('POST /auth/login', () => {
  test('When the email and password are right, then it answers 200 with a token, the user and an HttpOnly session cookie', async () => {
    const u = await t.user({ name: 'Ada' });
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: u.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      user: { id: u.id, email: u.email, name: 'Ada', isAdmin: false, active: true, createdAt: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
    const cookie = setCookies(res).find((c) => c.startsWith('handover_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toContain(`handover_session=${res.body.token}`);
  });

  test('When the email differs only in case and surrounding space, then the user still signs in', async () => {
    const u = await t.user();
    const res = await request(t.app)
      .post('/api/v1/auth/login')
      .send({ email: `  ${u.email.toUpperCase()} `, password: u.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(u.id);
  });

  test('When the password is wrong, then it answers 401 and sets no cookie', async () => {
    const u = await t.user();
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: 'wrong-password' });
    expectProblem(res, 401, 'invalid-credentials');
    expect(sessionCookie(res)).toBeUndefined();
  });

  test('When the email is unknown, then it answers the same 401 as a wrong password', async () => {
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: 'nobody@example.com', password: 'whatever-1' });
    expectProblem(res, 401, 'invalid-credentials');
    expect(res.body.detail).toBe('The email or password is wrong.');
  });

  test('When a field is missing or unknown, then it answers 422 naming the field', async () => {
    const missing = await request(t.app).post('/api/v1/auth/login').send({ email: 'a@example.com' });
    expectFieldError(missing, 'password');
    const extra = await request(t.app)
      .post('/api/v1/auth/login')
      .send({ email: 'a@example.com', password: 'x-password', remember: true });
    expectFieldError(extra, 'remember', { message: /remember/, only: true });
  });
});

describe('sessions', () => {
  test('When the session cookie is sent back, then the caller is signed in without a bearer token', async () => {
    const u = await t.user();
    const { cookie } = await login(t, u.email, u.password);
    const res = await request(t.app).get('/api/v1/me').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(u.id);
  });

  test('When the cookie sits among other cookies, then it is still found', async () => {
    const u = await t.user();
    const { cookie } = await login(t, u.email, u.password);
    const res = await request(t.app).get('/api/v1/me').set('Cookie', `theme=dark; ${cookie}; lang=en`);
    expect(res.status).toBe(200);
  });

  test('When the token is unknown or malformed, then protected routes answer 401 with WWW-Authenticate', async () => {
    for (const header of ['Bearer hos_not-a-real-token', 'Bearer hot_nope', 'Bearer garbage', 'Basic dXNlcjpwYXNz']) {
      const res = await request(t.app).get('/api/v1/me').set('Authorization', header);
      expectProblem(res, 401, 'unauthorized');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const cookie = await request(t.app).get('/api/v1/me').set('Cookie', 'handover_session=hos_forged');
    expectProblem(cookie, 401, 'unauthorized');
  });

  test('When the caller logs out with a bearer token, then 204 and that token stops working while other sessions live on', async () => {
    const u = await t.user();
    const other = await login(t, u.email, u.password);
    const out = await t.as(u.token).post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expectProblem(await t.as(u.token).get('/api/v1/me'), 401, 'unauthorized');
    expectProblem(await t.as(u.token).post('/api/v1/auth/logout'), 401, 'unauthorized');
    expect((await t.as(other.token).get('/api/v1/me')).status).toBe(200);
  });

  test('When the caller logs out with the cookie, then the cookie is cleared and stops working', async () => {
    const u = await t.user();
    const { cookie } = await login(t, u.email, u.password);
    // As a browser sends it from the dashboard's own page (docs/architecture.md#the-origin-check).
    const out = await request(t.app).post('/api/v1/auth/logout').set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin');
    expect(out.status).toBe(204);
    const cleared = setCookies(out).find((c) => c.startsWith('handover_session='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expectProblem(await request(t.app).get('/api/v1/me').set('Cookie', cookie), 401, 'unauthorized');
  });

  test('When nobody is signed in, then logout answers 401', async () => {
    expectProblem(await t.as().post('/api/v1/auth/logout'), 401, 'unauthorized');
  });

  test('When a session sits idle for 30 minutes, then it stops working; activity before that keeps it alive', async () => {
    const u = await t.user();
    t.clock.advance(29 * MINUTE);
    expect((await t.as(u.token).get('/api/v1/me')).status).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await t.as(u.token).get('/api/v1/me')).status).toBe(200);
    t.clock.advance(30 * MINUTE);
    expectProblem(await t.as(u.token).get('/api/v1/me'), 401, 'unauthorized');
    // Activity after expiry does not revive it.
    expectProblem(await t.as(u.token).get('/api/v1/me'), 401, 'unauthorized');
  });

  test('When a busy session reaches 12 hours, then it stops working however active it was', async () => {
    const u = await t.user();
    for (let elapsed = 0; elapsed < 11 * HOUR + 40 * MINUTE; elapsed += 20 * MINUTE) {
      t.clock.advance(20 * MINUTE);
      expect((await t.as(u.token).get('/api/v1/me')).status).toBe(200);
    }
    // Now 12 h after login: past the absolute limit.
    t.clock.advance(20 * MINUTE);
    expectProblem(await t.as(u.token).get('/api/v1/me'), 401, 'unauthorized');
  });

  test('When the session cookie is set, then its lifetime matches the absolute session limit', async () => {
    const u = await t.user();
    const res = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: u.password });
    const cookie = setCookies(res).find((c) => c.startsWith('handover_session='));
    expect(cookie).toMatch(/Max-Age=43200/);
  });
});

describe('GET /me', () => {
  test('When a member asks, then it lists the user and their plan memberships', async () => {
    const world = await planWorld(t);
    const res = await t.as(world.lead.token).get('/api/v1/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: world.lead.id, email: world.lead.email, name: expect.any(String), isAdmin: false, active: true, createdAt: expect.any(String) },
      memberships: [{ planId: world.planId, planName: 'Voice back home', role: 'lead', effectiveAccessUntil: null }],
    });
  });

  test('When the user belongs to no plan, then memberships is empty', async () => {
    const u = await t.user();
    const res = await t.as(u.token).get('/api/v1/me');
    expect(res.body.memberships).toEqual([]);
  });

  test('When nobody is signed in, then it answers 401', async () => {
    expectProblem(await t.as().get('/api/v1/me'), 401, 'unauthorized');
  });
});

describe('POST /me/password', () => {
  test('When the current password is right, then 204, the new one signs in, the old one does not, and other sessions end', async () => {
    const u = await t.user();
    const other = await login(t, u.email, u.password);
    const res = await t.as(u.token).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'a-brand-new-secret' });
    expect(res.status).toBe(204);
    expect((await t.as(u.token).get('/api/v1/me')).status).toBe(200);
    expectProblem(await t.as(other.token).get('/api/v1/me'), 401, 'unauthorized');
    const oldLogin = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: u.password });
    expectProblem(oldLogin, 401, 'invalid-credentials');
    await login(t, u.email, 'a-brand-new-secret');
  });

  test('When the current password is wrong, then 422 on currentPassword and the password is unchanged', async () => {
    const u = await t.user();
    const res = await t.as(u.token).post('/api/v1/me/password').send({ currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-secret' });
    expectFieldError(res, 'currentPassword', { only: true });
    await login(t, u.email, u.password);
    const refused = await request(t.app).post('/api/v1/auth/login').send({ email: u.email, password: 'a-brand-new-secret' });
    expectProblem(refused, 401);
  });

  test('When the new password is shorter than 8 or longer than 128 characters, then 422 on newPassword and nothing changes', async () => {
    const u = await t.user();
    for (const newPassword of ['short', 'x'.repeat(129)]) {
      const res = await t.as(u.token).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword });
      expectFieldError(res, 'newPassword', { only: true });
    }
    await login(t, u.email, u.password);
  });

  test('When the new password is 8 or 128 characters long, then it is accepted', async () => {
    const u = await t.user();
    const eight = 'abcdefgh';
    expect((await t.as(u.token).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: eight })).status).toBe(204);
    const long = 'y'.repeat(128);
    expect((await t.as(u.token).post('/api/v1/me/password').send({ currentPassword: eight, newPassword: long })).status).toBe(204);
    await login(t, u.email, long);
  });

  test('When nobody is signed in, then it answers 401', async () => {
    expectProblem(await t.as().post('/api/v1/me/password').send({ currentPassword: 'a', newPassword: 'b-long-enough' }), 401);
  });
});

describe('/me/tokens', () => {
  test('When a token is created, then 201 shows the secret once and it works as a bearer token', async () => {
    const u = await t.user();
    const res = await t.as(u.token).post('/api/v1/me/tokens').send({ name: 'CI export' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: 'CI export', expiresAt: expect.any(String), planId: null, scopes: [], token: expect.stringMatching(/^hot_/) });
    const me = await t.as(res.body.token).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(u.id);
  });

  test('When tokens are listed, then they come without their secrets, and the stored form is a hash', async () => {
    const u = await t.user();
    const created = await createToken(t, u.token, { name: 'script' });
    const list = await t.as(u.token).get('/api/v1/me/tokens');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [{ id: created.id, name: 'script', expiresAt: expect.any(String), planId: null, scopes: [], createdAt: expect.any(String), lastUsedAt: null }],
    });
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    const rows = await t.db.read((m) => m.query(`SELECT * FROM api_tokens WHERE id = '${created.id}'`));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
  });

  test('When a token is used, then the list shows when it was last used', async () => {
    const u = await t.user();
    const created = await createToken(t, u.token, { name: 'used' });
    await t.as(created.token).get('/api/v1/me');
    const list = await t.as(u.token).get('/api/v1/me/tokens');
    expect(list.body.items[0].lastUsedAt).toEqual(expect.any(String));
  });

  test("When the caller lists tokens, then another user's tokens are not shown", async () => {
    const a = await t.user();
    const b = await t.user();
    await createToken(t, a.token, { name: 'mine' });
    const list = await t.as(b.token).get('/api/v1/me/tokens');
    expect(list.body.items).toEqual([]);
  });

  test('When a token is revoked, then 204, it stops working and leaves the list', async () => {
    const u = await t.user();
    const created = await createToken(t, u.token, { name: 'temporary' });
    const del = await t.as(u.token).delete(`/api/v1/me/tokens/${created.id}`);
    expect(del.status).toBe(204);
    expectProblem(await t.as(created.token).get('/api/v1/me'), 401, 'unauthorized');
    expect((await t.as(u.token).get('/api/v1/me/tokens')).body.items).toEqual([]);
    expectProblem(await t.as(u.token).delete(`/api/v1/me/tokens/${created.id}`), 404, 'not-found');
  });

  test("When a user tries to revoke someone else's token, then 404 and the token keeps working", async () => {
    const owner = await t.user();
    const thief = await t.user();
    const created = await createToken(t, owner.token, { name: 'keep' });
    expectProblem(await t.as(thief.token).delete(`/api/v1/me/tokens/${created.id}`), 404, 'not-found');
    expect((await t.as(created.token).get('/api/v1/me')).status).toBe(200);
  });

  test('When the token id is not a UUID, then revoking answers 404', async () => {
    const u = await t.user();
    expectProblem(await t.as(u.token).delete('/api/v1/me/tokens/not-a-uuid'), 404, 'not-found');
  });

  test('When the name is blank, too long or extra fields are sent, then 422 and no token is created', async () => {
    const u = await t.user();
    for (const body of [{ name: '  ' }, { name: 'x'.repeat(101) }, {}, { name: 'ok', token: 'hot_mine' }]) {
      const res = await t.as(u.token).post('/api/v1/me/tokens').send(body);
      expectProblem(res, 422, 'validation-failed');
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect((await t.as(u.token).get('/api/v1/me/tokens')).body.items).toEqual([]);
  });

  test('When an API token logs out, then it is revoked', async () => {
    const u = await t.user();
    const created = await createToken(t, u.token, { name: 'bye' });
    expect((await t.as(created.token).post('/api/v1/auth/logout')).status).toBe(204);
    expectProblem(await t.as(created.token).get('/api/v1/me'), 401);
  });

  test('When nobody is signed in, then every token route answers 401', async () => {
    expectProblem(await t.as().get('/api/v1/me/tokens'), 401);
    expectProblem(await t.as().post('/api/v1/me/tokens').send({ name: 'x' }), 401);
    expectProblem(await t.as().delete(`/api/v1/me/tokens/${GHOST}`), 401);
  });
});
