import { setupApp, type TestUser } from '../support/app';
import { GHOST, userInput } from '../support/fixtures';
import { login } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const t = setupApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ isAdmin: true, email: 'root@example.com' });
});

const userCount = async () => (await t.as(admin.token).get('/api/v1/users')).body.total as number;

describe('POST /users', () => {
  test('When an admin creates a user, then 201 with the user and no password, and the user can sign in', async () => {
    const input = userInput({ name: 'Grace Hopper' });
    const res = await t.as(admin.token).post('/api/v1/users').send(input);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: input.email,
      name: 'Grace Hopper',
      isAdmin: false,
      active: true,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
    const { token } = await login(t, input.email, input.password);
    const me = await t.as(token).get('/api/v1/me');
    expect(me.body.user).toEqual(res.body);
  });

  test('When the email has capitals and spaces, then it is stored trimmed and lower-case', async () => {
    const res = await t.as(admin.token).post('/api/v1/users').send(userInput({ email: '  Mixed.Case@Example.COM ' }));
    expect(res.status).toBe(201);
    expect(res.body.email).toBe('mixed.case@example.com');
  });

  test('When isAdmin is true, then the new user may administer users', async () => {
    const input = userInput({ isAdmin: true });
    const res = await t.as(admin.token).post('/api/v1/users').send(input);
    expect(res.body.isAdmin).toBe(true);
    const { token } = await login(t, input.email, input.password);
    expect((await t.as(token).post('/api/v1/users').send(userInput())).status).toBe(201);
  });

  test('When the email is already taken, in any case, then 409 and no user is added', async () => {
    const input = userInput();
    expect((await t.as(admin.token).post('/api/v1/users').send(input)).status).toBe(201);
    const before = await userCount();
    const res = await t.as(admin.token).post('/api/v1/users').send({ ...input, email: input.email.toUpperCase() });
    expectProblem(res, 409, 'duplicate');
    expect(await userCount()).toBe(before);
  });

  test('When two admins create the same email at once, then exactly one succeeds and the other gets 409', async () => {
    const input = userInput();
    const [a, b] = await Promise.all([
      t.as(admin.token).post('/api/v1/users').send(input),
      t.as(admin.token).post('/api/v1/users').send(input),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = await t.as(admin.token).get(`/api/v1/users?email=${input.email}`);
    expect(list.body.total).toBe(1);
  });

  test.each([
    ['email', 'not an address', { email: 'not-an-email' }],
    ['email', 'over 254 characters', { email: `${'x'.repeat(250)}@example.com` }],
    ['name', 'blank', { name: '   ' }],
    ['name', 'over 200 characters', { name: 'n'.repeat(201) }],
    ['password', 'under 8 characters', { password: 'seven77' }],
    ['password', 'over 128 characters', { password: 'p'.repeat(129) }],
    ['isAdmin', 'not a boolean', { isAdmin: 'yes' }],
  ])('When %s is %s, then 422 names it and no user is added', async (path, _why, override) => {
    const before = await userCount();
    const res = await t.as(admin.token).post('/api/v1/users').send({ ...userInput(), ...override });
    expectFieldError(res, path);
    expect(await userCount()).toBe(before);
  });

  test('When a required field is missing or an unknown one is sent, then 422 and no user is added', async () => {
    const before = await userCount();
    const { name: _name, ...noName } = userInput();
    const missing = await t.as(admin.token).post('/api/v1/users').send(noName);
    expectFieldError(missing, 'name', { only: true });
    const extra = await t.as(admin.token).post('/api/v1/users').send({ ...userInput(), id: GHOST });
    expectFieldError(extra, 'id', { message: /unknown field.*id/, only: true });
    expect(await userCount()).toBe(before);
  });

  test('When the password is exactly 8 or 128 characters, then it is accepted', async () => {
    expect((await t.as(admin.token).post('/api/v1/users').send(userInput({ password: '8chars!!' }))).status).toBe(201);
    expect((await t.as(admin.token).post('/api/v1/users').send(userInput({ password: 'z'.repeat(128) }))).status).toBe(201);
  });

  test('When a non-admin or nobody tries, then 403 or 401 and no user is added', async () => {
    const plain = await t.user();
    const before = await userCount();
    const input = userInput();
    expectProblem(await t.as(plain.token).post('/api/v1/users').send(input), 403, 'forbidden');
    expectProblem(await t.as().post('/api/v1/users').send(input), 401, 'unauthorized');
    expect(await userCount()).toBe(before);
    expect((await t.as(admin.token).get(`/api/v1/users?email=${input.email}`)).body.total).toBe(0);
  });
});

describe('GET /users', () => {
  test('When an admin lists users, then a page of users ordered by email comes back without secrets', async () => {
    const res = await t.as(admin.token).get('/api/v1/users');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: expect.any(Array), total: expect.any(Number), limit: 50, offset: 0 });
    expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
    const emails = res.body.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort());
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
  });

  test('When limit and offset are given, then they page through the users', async () => {
    const all = await t.as(admin.token).get('/api/v1/users?limit=200');
    const page = await t.as(admin.token).get('/api/v1/users?limit=2&offset=1');
    expect(page.body.limit).toBe(2);
    expect(page.body.offset).toBe(1);
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.items).toEqual(all.body.items.slice(1, 3));
  });

  test('When limit is above 200, then it is capped at 200', async () => {
    const res = await t.as(admin.token).get('/api/v1/users?limit=1000');
    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(200);
  });

  test('When limit or offset is not a non-negative integer, then 422 names it', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=-5', 'offset'],
      ['offset=1.5', 'offset'],
    ] as const) {
      const res = await t.as(admin.token).get(`/api/v1/users?${query}`);
      expectFieldError(res, path, { only: true });
    }
  });

  test('When filtered by email, in any case, then only that user comes back', async () => {
    const res = await t.as(admin.token).get('/api/v1/users?email=ROOT@example.com');
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].id).toBe(admin.id);
  });

  test('When an unknown query parameter is sent, then 422', async () => {
    expectProblem(await t.as(admin.token).get('/api/v1/users?role=admin'), 422, 'validation-failed');
  });

  test('When a non-admin or nobody asks, then 403 or 401', async () => {
    const plain = await t.user();
    expectProblem(await t.as(plain.token).get('/api/v1/users'), 403, 'forbidden');
    expectProblem(await t.as().get('/api/v1/users'), 401, 'unauthorized');
  });
});
