import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { setupApp } from '../support/app';
import { milestoneInput, setupPlanWorld } from '../support/fixtures';
import { expectFieldError, expectProblem } from '../support/problem';

const t = setupApp();
const world = setupPlanWorld(t);

const milestones = () => `/api/v1/plans/${world.planId}/milestones`;
const milestoneCount = async () => (await t.as(world.admin.token).get(`${milestones()}?limit=200`)).body.total as number;

/** A raw request, for bodies and headers supertest would tidy up. */
function raw(options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const server = t.app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const req = http.request(
        { host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            server.close();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      req.on('error', (e) => {
        server.close();
        reject(e);
      });
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  });
}

describe('unknown routes and methods', () => {
  test.each([
    ['GET', '/api/v1/nope'],
    ['GET', '/api/v2/plans'],
    ['POST', '/api/v1/plans/00000000-0000-4000-8000-000000000000/nothing-here'],
    ['DELETE', '/api/anything'],
    ['POST', '/not-the-api'],
  ])('When %s %s names no route, then 404 problem+json', async (method, path) => {
    const res = await request(t.app)[method.toLowerCase() as 'get'](path).set('Authorization', `Bearer ${world.admin.token}`);
    expectProblem(res, 404, 'not-found');
    expect(res.body.instance).toBe(path);
  });

  test('When a known path is called with an unsupported method, then 405 problem+json with Allow', async () => {
    const res = await t.as(world.admin.token).delete('/api/v1/plans');
    expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.allow).toBe('POST, GET, HEAD');
  });

  test('When a path segment is not valid percent-encoding, then 400 problem+json', async () => {
    for (const path of ['/api/v1/plans/%E0%A4%A', '/api/v1/plans/%ZZ/milestones']) {
      const res = await t.as(world.admin.token).get(path);
      expectProblem(res, 400, 'bad-request');
    }
  });
});

describe('bodies', () => {
  test('When the JSON is malformed, then 400 problem+json and nothing is created', async () => {
    const before = await milestoneCount();
    const res = await t.as(world.lead.token)
      .post(milestones())
      .set('Content-Type', 'application/json')
      .send('{"title": "Broken", ');
    expectProblem(res, 400, 'bad-request');
    expect(res.body.detail).toMatch(/JSON/);
    expect(JSON.stringify(res.body)).not.toMatch(/Unexpected|SyntaxError|position/);
    expect(await milestoneCount()).toBe(before);
  });

  test('When the JSON is a bare string, then 400', async () => {
    const res = await t.as(world.lead.token).post(milestones()).set('Content-Type', 'application/json').send('"just text"');
    expectProblem(res, 400, 'bad-request');
  });

  test('When the JSON is an array instead of an object, then 422', async () => {
    const res = await t.as(world.lead.token).post(milestones()).send([milestoneInput()]);
    expectProblem(res, 422, 'validation-failed');
  });

  test('When the body is over 1 MB, then 413 problem+json and nothing is created', async () => {
    const before = await milestoneCount();
    const body = JSON.stringify({ ...milestoneInput(), description: 'x'.repeat(1_100_000) });
    const res = await t.as(world.lead.token).post(milestones()).set('Content-Type', 'application/json').send(body);
    expectProblem(res, 413, 'payload-too-large');
    expect(await milestoneCount()).toBe(before);
  });

  test('When the body is just under 1 MB, then it is read and judged on its content (422, not 413)', async () => {
    const body = JSON.stringify({ ...milestoneInput(), description: 'x'.repeat(1_000_000) });
    const res = await t.as(world.lead.token).post(milestones()).set('Content-Type', 'application/json').send(body);
    expectFieldError(res, 'description', { only: true });
  });

  test.each([
    ['text/plain', 'title=x'],
    ['application/x-www-form-urlencoded', 'title=x&phase=internal_network'],
    ['text/csv', 'title,phase\nx,internal_network'],
    ['application/xml', '<milestone/>'],
  ])('When the body is %s, then 415 problem+json and nothing is created', async (type, body) => {
    const before = await milestoneCount();
    const res = await t.as(world.lead.token).post(milestones()).set('Content-Type', type).send(body);
    expectProblem(res, 415, 'unsupported-media-type');
    expect(await milestoneCount()).toBe(before);
  });

  test('When a body comes without any Content-Type, then 415', async () => {
    const res = await raw({
      method: 'POST',
      path: milestones(),
      headers: { Authorization: `Bearer ${world.lead.token}`, 'Content-Length': '2' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  test('When the JSON declares a charset other than UTF-8, then 415', async () => {
    const res = await t.as(world.lead.token)
      .post(milestones())
      .set('Content-Type', 'application/json; charset=latin1')
      .send(JSON.stringify(milestoneInput()));
    expectProblem(res, 415, 'unsupported-media-type');
  });

  test('When the JSON says charset=utf-8, then it is accepted', async () => {
    const res = await t.as(world.lead.token)
      .post(milestones())
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(milestoneInput()));
    expect(res.status).toBe(201);
  });

  test('When a required body is missing altogether, then 422', async () => {
    const res = await t.as(world.lead.token).post(milestones());
    expectProblem(res, 422, 'validation-failed');
  });

  test('When an unknown top-level field is sent, then 422 with its name as errors[].path', async () => {
    const before = await milestoneCount();
    const res = await t.as(world.lead.token).post(milestones()).send({ ...milestoneInput(), colour: 'red', size: 3 });
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'colour', message: expect.stringContaining('unknown field') },
        { path: 'size', message: expect.stringContaining('unknown field') },
      ]),
    );
    expect(await milestoneCount()).toBe(before);
  });

  test('When an unknown nested field is sent, then errors[].path points into the object', async () => {
    const res = await t.as(world.admin.token)
      .patch(`/api/v1/plans/${world.planId}`)
      .set('If-Match', '"1"')
      .send({ targets: { inHouseShare: 0.8, posts: 3 } });
    expectFieldError(res, 'targets.posts', { message: /unknown field/, only: true });
  });

  test('When several fields are wrong, then every one is listed with its path', async () => {
    const res = await t.as(world.lead.token)
      .post(milestones())
      .send({ title: '', phase: 'nope', dueDate: 'soon', weight: 99 });
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueDate', 'phase', 'title', 'weight']);
    for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
  });
});

describe('problem+json everywhere', () => {
  test('When a handler fails unexpectedly, then 500 problem+json with no stack trace or internal message', async () => {
    const boom = new Error('connection to 10.0.0.5 refused by pg_hba.conf');
    boom.stack = 'Error: connection refused\n    at PlansService.get (/work/main/api/src/modules/plans/plans.service.ts:91:11)';
    const spy = jest.spyOn(t.services.plans, 'get').mockRejectedValueOnce(boom);
    try {
      const res = await t.as(world.admin.token).get(`/api/v1/plans/${world.planId}`);
      expectProblem(res, 500, 'internal');
      expect(res.text).not.toMatch(/pg_hba|10\.0\.0\.5|plans\.service|at PlansService/);
      expect(res.body.requestId).toEqual(expect.any(String));
    } finally {
      spy.mockRestore();
    }
  });

  test('When a request fails, then the problem carries the request id from X-Request-Id', async () => {
    const res = await request(t.app).get('/api/v1/me').set('X-Request-Id', 'trace-abc.123');
    expectProblem(res, 401);
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    expect(res.body.requestId).toBe('trace-abc.123');
  });

  test('When X-Request-Id is unsafe, then a fresh id is used instead', async () => {
    const res = await request(t.app).get('/api/v1/me').set('X-Request-Id', 'bad id\twith spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  test('When the problem has an instance, then it is the path without the query string', async () => {
    const res = await t.as(world.admin.token).get('/api/v1/plans?limit=zero');
    expectProblem(res, 422);
    expect(res.body.instance).toBe('/api/v1/plans');
  });

  test('When each kind of refusal happens, then the body matches RFC 9457 with only the documented fields', async () => {
    const responses = [
      await t.as().get('/api/v1/me'),
      await t.as(world.agency.token).post(milestones()).send(milestoneInput()),
      await t.as(world.outsider.token).get(`/api/v1/plans/${world.planId}`),
      await t.as(world.lead.token).post(milestones()).send({}),
      await t.as(world.admin.token).patch(`/api/v1/plans/${world.planId}`).send({ name: 'x' }),
      await t.as(world.lead.token).post(milestones()).set('Content-Type', 'text/plain').send('x'),
    ];
    for (const res of responses) {
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      for (const key of Object.keys(res.body)) {
        expect(['type', 'title', 'status', 'detail', 'instance', 'errors', 'requestId']).toContain(key);
      }
      expect(res.body.type).toMatch(/^https:\/\/handover\.dev\/problems\/[a-z-]+$/);
      expect(res.body.status).toBe(res.status);
      expect(res.text).not.toMatch(/\n\s+at /);
    }
  });
});

describe('health and docs', () => {
  test('When the database answers, then GET /health is 200 {status: "ok"} without signing in', async () => {
    const res = await t.as().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('When the database does not answer, then health is a 500 problem', async () => {
    const spy = jest.spyOn(t.db, 'ping').mockRejectedValueOnce(new Error('ECONNREFUSED'));
    try {
      const res = await t.as().get('/api/v1/health');
      expectProblem(res, 500);
      expect(res.text).not.toContain('ECONNREFUSED');
    } finally {
      spy.mockRestore();
    }
  });
});
