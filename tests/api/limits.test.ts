import net from 'node:net';
import { MAX_ADOPTION_WEEKS, MAX_SKILLS_PER_PLAN, PROBLEM_BASE, addDays, type Matrix } from '@handover/shared';
import { GenerationCache } from '../../api/src/core/cache';
import { newId } from '../../api/src/core/ids';
import { insertAdoptionWeek } from '../../api/src/db/repositories/adoption.repository';
import { insertSkill } from '../../api/src/db/repositories/skills.repository';
import { createHttpServer } from '../../api/src/server';
import { setupApp } from '../support/app';
import { createPerson, createSkill, planInput, setupPlanWorld, skillInput } from '../support/fixtures';
import { expectProblem } from '../support/problem';

/** Bounds on what one request may cost: errors listed, time to arrive, cache memory, answer sizes. */

const t = setupApp();
const w = setupPlanWorld(t);

describe('a 422 lists at most 50 errors', () => {
  test('When a body of 869 KB of unknown fields is sent, then the 422 lists 50 of them, gives the total in detail, and is small', async () => {
    const before = (await t.as(w.admin.token).get('/api/v1/plans')).body.total as number;
    const body: Record<string, unknown> = { ...planInput() };
    // Each `"unknownN":1,` adds its key's length and 5 characters.
    for (let i = 0, size = JSON.stringify(body).length; size < 869_000; i++) {
      body[`unknown${i}`] = 1;
      size += `unknown${i}`.length + 5;
    }
    const sent = JSON.stringify(body);
    expect(sent.length).toBeGreaterThan(860_000);
    const unknown = Object.keys(body).length - Object.keys(planInput()).length;
    const res = await t.as(w.admin.token).post('/api/v1/plans').set('Content-Type', 'application/json').send(sent);
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors).toHaveLength(50);
    expect(res.body.errors[0]).toEqual({ path: 'unknown0', message: 'unknown field: unknown0' });
    expect(res.body.detail).toContain(`${unknown} errors; the first 50 are listed`);
    expect(res.text.length).toBeLessThan(8_000);
    expect((await t.as(w.admin.token).get('/api/v1/plans')).body.total).toBe(before);
  }, 30_000);

  test('When a body has a few errors, then all are listed and detail is unchanged', async () => {
    const res = await t.as(w.admin.token).post('/api/v1/plans').send({ ...planInput(), a: 1, b: 2 });
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors).toHaveLength(2);
    expect(res.body.detail).toBe('The request is well-formed but invalid.');
  });
});

describe('server time limits', () => {
  test('When the server is built, then headersTimeout and requestTimeout come from the configuration', () => {
    const server = createHttpServer(t.app, { headersTimeoutMs: 20_000, requestTimeoutMs: 300_000 });
    expect([server.headersTimeout, server.requestTimeout]).toEqual([20_000, 300_000]);
  });

  test('When a client sends half its header fields and stops, then the server answers 408 problem+json and closes', async () => {
    const server = createHttpServer(t.app, { headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: '));
        let text = '';
        socket.on('data', (d: Buffer) => (text += d.toString()));
        socket.on('error', reject);
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toMatchObject({ type: `${PROBLEM_BASE}request-timeout`, status: 408 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('caches are bounded in bytes', () => {
  test('When values are stored past the bound, then the oldest go first and the bytes held never pass it', () => {
    const cache = new GenerationCache<string>({ maxBytes: 100_000, sizeOf: (v) => 2 * v.length }, true);
    for (let i = 0; i < 100; i++) {
      cache.set('plan', `page-${i}`, cache.generation('plan'), 'x'.repeat(5_000));
      expect(cache.size).toBeLessThanOrEqual(100_000);
    }
    expect(cache.get('plan', 'page-99')).toBeDefined();
    expect(cache.get('plan', 'page-0')).toBeUndefined();
    // A value too big for a quarter of the bound is never kept, and pushes nothing out.
    const before = cache.size;
    cache.set('plan', 'huge', cache.generation('plan'), 'x'.repeat(20_000));
    expect(cache.get('plan', 'huge')).toBeUndefined();
    expect(cache.size).toBe(before);
    // Storing a key again replaces it, it is not counted twice.
    cache.set('plan', 'page-99', cache.generation('plan'), 'y');
    expect(cache.size).toBeLessThan(before);
    cache.invalidate();
    expect(cache.size).toBe(0);
  });

  test('When many milestone list pages are read, then the page cache stays within its bytes', async () => {
    const pages = t.db.planCache<Buffer>('milestone-pages', { maxBytes: 1, sizeOf: () => 0 });
    for (let i = 0; i < 30; i++) {
      expect((await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/milestones?offset=${i}`)).status).toBe(200);
    }
    expect(pages.size).toBeLessThanOrEqual(16 * 1024 * 1024);
    // Kept on both databases (on PostgreSQL checked against the plan's generation there).
    expect(pages.size).toBeGreaterThan(0);
  });
});

describe('the skills matrix and the adoption series are bounded', () => {
  test('When the matrix is read with limit and offset, then it holds that page of people, all skills, and the total', async () => {
    const { planId } = w;
    for (const name of ['Ann', 'Bea', 'Cid']) await createPerson(t, w.lead.token, planId, { name });
    await createSkill(t, w.lead.token, planId, skillInput({ name: 'Matrix skill' }));
    const read = async (query: string) => {
      const res = await t.as(w.lead.token).get(`/api/v1/plans/${planId}/skills/matrix${query}`);
      expect(res.status).toBe(200);
      return res.body as Matrix;
    };
    const all = await read('');
    expect([all.total, all.limit, all.offset, all.people.length]).toEqual([3, 200, 0, 3]);
    const first = await read('?limit=2');
    expect(first.people.map((p) => p.name)).toEqual(['Ann', 'Bea']);
    expect(first.cells).toHaveLength(2 * first.skills.length);
    const second = await read('?limit=2&offset=2');
    expect([second.total, second.people.map((p) => p.name)]).toEqual([3, ['Cid']]);
    expect((await read('?limit=5000')).limit).toBe(200);
  });

  test(`When a plan has ${MAX_SKILLS_PER_PLAN} skills, then another is refused with 409 and nothing is added`, async () => {
    const admin = await t.user({ isAdmin: true });
    const plan = (await t.as(admin.token).post('/api/v1/plans').send(planInput())).body as { id: string };
    const now = t.clock.now().toISOString();
    await t.db.write(async (m) => {
      for (let i = 1; i < MAX_SKILLS_PER_PLAN; i++) {
        await insertSkill(m, { id: newId(), planId: plan.id, name: `Skill ${i}`, category: null, requiredLevel: 2, requiredPeople: 1, critical: false, createdAt: now, updatedAt: now });
      }
    });
    await createSkill(t, admin.token, plan.id, skillInput({ name: 'The last one' }));
    const res = await t.as(admin.token).post(`/api/v1/plans/${plan.id}/skills`).send(skillInput({ name: 'One too many' }));
    expectProblem(res, 409, 'conflict');
    expect(res.body.detail).toMatch(`at most ${MAX_SKILLS_PER_PLAN} skills`);
    expect((await t.as(admin.token).get(`/api/v1/plans/${plan.id}/skills?limit=1`)).body.total).toBe(MAX_SKILLS_PER_PLAN);
  });

  test(`When a plan has ${MAX_ADOPTION_WEEKS} weeks of adoption, then a new week is refused with 409 while a recorded week can still be replaced`, async () => {
    const admin = await t.user({ isAdmin: true });
    const plan = (await t.as(admin.token).post('/api/v1/plans').send(planInput())).body as { id: string };
    const first = '2016-01-04';
    const updatedAt = t.clock.now().toISOString();
    await t.db.write(async (m) => {
      for (let i = 0; i < MAX_ADOPTION_WEEKS; i++) {
        await insertAdoptionWeek(m, plan.id, addDays(first, 7 * i), { activeUsers: 1, totalStaff: 10, source: null, updatedAt });
      }
    });
    const next = addDays(first, 7 * MAX_ADOPTION_WEEKS);
    const res = await t.as(admin.token).post(`/api/v1/plans/${plan.id}/adoption`).send({ weekStart: next, activeUsers: 2, totalStaff: 10 });
    expectProblem(res, 409, 'conflict');
    expect(res.body.detail).toMatch(`at most ${MAX_ADOPTION_WEEKS} weeks`);
    const replaced = await t.as(admin.token).post(`/api/v1/plans/${plan.id}/adoption`).send({ weekStart: first, activeUsers: 7, totalStaff: 10 });
    expect(replaced.status).toBe(200);
    const series = (await t.as(admin.token).get(`/api/v1/plans/${plan.id}/adoption`)).body as { items: Array<{ weekStart: string; activeUsers: number }> };
    expect(series.items).toHaveLength(MAX_ADOPTION_WEEKS);
    expect(series.items[0]).toMatchObject({ weekStart: first, activeUsers: 7 });
    expect(series.items.some((s) => s.weekStart === next)).toBe(false);
  });
});
