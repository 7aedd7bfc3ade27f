import { setupApp } from '../support/app';

type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: unknown[] } }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }>;
};
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};

const t = setupApp();
let doc: Doc;
beforeAll(async () => {
  const res = await t.as().get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as Doc;
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const toOpenApiPath = (p: string) => `/api/v1${p.replace(/:([A-Za-z]+)/g, '{$1}')}`;

type Layer = { name: string; rawPath?: string; handle: { stack?: Layer[] }; route?: { path: string; methods: Record<string, boolean> } };

/** Every route Express actually serves under /api/v1 (the 405 catch-alls left out). */
function mountedRoutes(): string[] {
  const stack = (t.app as unknown as { router: { stack: Layer[] } }).router.stack;
  const api = stack.find((l) => l.name === 'router' && l.rawPath === '/api/v1');
  if (!api?.handle.stack) throw new Error('the /api/v1 router is not mounted');
  return api.handle.stack.flatMap((l) =>
    l.route && !l.route.methods._all
      ? Object.keys(l.route.methods).filter((m) => m !== '_all').map((m) => `${m} ${toOpenApiPath(l.route!.path)}`)
      : [],
  );
}

function documentedRoutes(): string[] {
  return Object.entries(doc.paths).flatMap(([p, ops]) => METHODS.filter((m) => ops[m]).map((m) => `${m} ${p}`));
}

const op = (method: string, path: string): Operation => {
  const found = doc.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
};

/** The routes of issue 2; later modules are covered by the mounted-vs-documented comparison. */
const FOUNDATION = [
  'post /api/v1/auth/login',
  'post /api/v1/auth/logout',
  'get /api/v1/me',
  'post /api/v1/me/password',
  'post /api/v1/me/tokens',
  'get /api/v1/me/tokens',
  'delete /api/v1/me/tokens/{tokenId}',
  'post /api/v1/users',
  'get /api/v1/users',
  'post /api/v1/plans',
  'get /api/v1/plans',
  'get /api/v1/plans/{planId}',
  'patch /api/v1/plans/{planId}',
  'get /api/v1/plans/{planId}/members',
  'put /api/v1/plans/{planId}/members/{userId}',
  'delete /api/v1/plans/{planId}/members/{userId}',
  'get /api/v1/plans/{planId}/milestones',
  'post /api/v1/plans/{planId}/milestones',
  'get /api/v1/plans/{planId}/milestones/{milestoneId}',
  'patch /api/v1/plans/{planId}/milestones/{milestoneId}',
  'delete /api/v1/plans/{planId}/milestones/{milestoneId}',
  'get /api/v1/plans/{planId}/activity',
  'get /api/v1/health',
  'get /api/v1/openapi.json',
];

test('When the document is fetched without signing in, then it is OpenAPI 3.1 and the one the app built', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info).toMatchObject({ title: 'Handover API', version: expect.any(String) });
  expect(doc).toEqual(JSON.parse(JSON.stringify(t.openapi)));
});

test('When the foundation routes are looked up, then every one is documented', () => {
  const documented = new Set(documentedRoutes());
  expect(FOUNDATION.filter((r) => !documented.has(r))).toEqual([]);
});

test('When the mounted routes are compared with the document, then each side has exactly the other', () => {
  expect(mountedRoutes().sort()).toEqual(documentedRoutes().sort());
});

test('When an operation needs a signed-in caller, then it declares bearer and cookie security and a 401 problem; public ones declare none', () => {
  for (const route of documentedRoutes()) {
    const [method, path] = route.split(' ') as [string, string];
    const o = op(method, path);
    expect({ route, summary: typeof o.summary, tags: o.tags?.length ?? 0 }).toEqual({ route, summary: 'string', tags: 1 });
    // The receivers are public: the ingest secret in their path is their credential (docs/domain.md#receivers-and-ingest-secrets).
    const isPublic = [
      'post /api/v1/auth/login',
      'get /api/v1/health',
      'get /api/v1/openapi.json',
      'post /api/v1/ingest/{secret}/postiz',
      'post /api/v1/ingest/{secret}/agorapulse',
    ].includes(route);
    if (isPublic) {
      expect({ route, security: o.security }).toEqual({ route, security: [] });
    } else {
      expect({ route, security: o.security }).toEqual({ route, security: [{ bearer: [] }, { cookie: [] }] });
      expect({ route, has401: Boolean(o.responses['401']) }).toEqual({ route, has401: true });
    }
  }
  expect(Object.keys(doc.components.securitySchemes ?? {}).sort()).toEqual(['bearer', 'cookie']);
});

test('When clients are generated, then every operation has its own stable camelCase operationId', () => {
  const ids = documentedRoutes().map((route) => {
    const [method, path] = route.split(' ') as [string, string];
    return op(method, path).operationId;
  });
  expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id ?? ''))).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(op('get', '/api/v1/plans/{planId}/milestones').operationId).toBe('listMilestones');
  expect(op('post', '/api/v1/plans/{planId}/milestones').operationId).toBe('createMilestone');
  expect(op('get', '/api/v1/plans/{planId}/summary').operationId).toBe('getPlanSummary');
});

test('When an operation is documented, then it lists at least one 4xx problem', () => {
  for (const route of documentedRoutes()) {
    const [method, path] = route.split(' ') as [string, string];
    expect({ route, has4xx: Object.keys(op(method, path).responses).some((s) => s.startsWith('4')) }).toEqual({ route, has4xx: true });
  }
});

test('When a query flag is documented, then it is a boolean, and the API takes only "true" and "false" for it', async () => {
  const flags = [
    ['/api/v1/plans/{planId}/milestones', 'overdue'],
    ['/api/v1/plans/{planId}/skills', 'critical'],
  ] as const;
  for (const [path, name] of flags) {
    const param = op('get', path).parameters?.find((p) => p.name === name);
    expect({ path, name, schema: param?.schema }).toEqual({ path, name, schema: { type: 'boolean' } });
  }
  expect(op('post', '/api/v1/plans/{planId}/posts/import').parameters?.find((p) => p.name === 'dryRun')?.schema).toEqual({ type: 'boolean' });
  const admin = await t.user({ isAdmin: true });
  const plan = await t.as(admin.token).post('/api/v1/plans').send({ name: 'Flags', brand: 'B', agencyName: 'A', startDate: '2026-01-05', targetExitDate: '2026-06-01' });
  for (const value of ['true', 'false']) {
    expect((await t.as(admin.token).get(`/api/v1/plans/${plan.body.id}/milestones?overdue=${value}`)).status).toBe(200);
  }
  const refused = await t.as(admin.token).get(`/api/v1/plans/${plan.body.id}/milestones?overdue=yes`);
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([{ path: 'overdue', message: expect.any(String) }]);
});

test('When an operation can fail, then every 4xx response is described as application/problem+json', () => {
  for (const route of documentedRoutes()) {
    const [method, path] = route.split(' ') as [string, string];
    for (const [status, response] of Object.entries(op(method, path).responses)) {
      if (!status.startsWith('4')) continue;
      expect({ route, status, types: Object.keys(response.content ?? {}) }).toEqual({
        route,
        status,
        types: ['application/problem+json'],
      });
    }
  }
});

test('When a plan route is documented, then it lists 403 and 404 besides 401', () => {
  for (const route of documentedRoutes().filter((r) => r.includes('{planId}'))) {
    const [method, path] = route.split(' ') as [string, string];
    const statuses = Object.keys(op(method, path).responses);
    expect({ route, statuses }).toEqual({ route, statuses: expect.arrayContaining(['401', '403', '404']) });
  }
});

test('When a route writes a JSON body, then the body schema is documented along with 400, 413, 415 and 422', () => {
  for (const [method, path] of [
    ['post', '/api/v1/plans'],
    ['patch', '/api/v1/plans/{planId}'],
    ['put', '/api/v1/plans/{planId}/members/{userId}'],
    ['post', '/api/v1/plans/{planId}/milestones'],
    ['patch', '/api/v1/plans/{planId}/milestones/{milestoneId}'],
    ['post', '/api/v1/users'],
    ['post', '/api/v1/me/tokens'],
  ] as const) {
    const o = op(method, path);
    expect(o.requestBody?.content['application/json']?.schema).toBeDefined();
    expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
  }
});

test('When the milestone routes are documented, then statuses, headers and parameters match the contract', () => {
  const create = op('post', '/api/v1/plans/{planId}/milestones');
  expect(Object.keys(create.responses)).toContain('201');
  expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
  const patch = op('patch', '/api/v1/plans/{planId}/milestones/{milestoneId}');
  expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '412', '428']));
  expect(patch.parameters).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
      expect.objectContaining({ name: 'planId', in: 'path', required: true }),
      expect.objectContaining({ name: 'milestoneId', in: 'path', required: true }),
    ]),
  );
  expect(op('get', '/api/v1/plans/{planId}/milestones/{milestoneId}').responses['200']?.headers).toHaveProperty('ETag');
  const list = op('get', '/api/v1/plans/{planId}/milestones');
  expect((list.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(
    ['asOf', 'limit', 'offset', 'overdue', 'phase', 'status'],
  );
  expect(Object.keys(op('delete', '/api/v1/plans/{planId}/milestones/{milestoneId}').responses)).toContain('204');
});

test('When the shared schemas are rendered, then enums and required fields come from them', () => {
  const json = JSON.stringify(op('post', '/api/v1/plans/{planId}/milestones').requestBody);
  expect(json).toContain('"internal_network"');
  expect(json).toContain('"outward_presence"');
  expect(json).toContain('"agency_exit"');
  const body = JSON.stringify(doc);
  expect(body).toContain('"additionalProperties":false');
});

test('When the document references components, then every $ref resolves', () => {
  const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/([^/"]+)\/([^"]+)"/g)];
  for (const [, kind, name] of refs) {
    const group = (doc.components as Record<string, Record<string, unknown> | undefined>)[kind!];
    expect({ ref: `${kind}/${name}`, found: Boolean(group?.[decodeURIComponent(name!)]) }).toEqual({
      ref: `${kind}/${name}`,
      found: true,
    });
  }
});

test('When /api/v1/docs is opened, then it redirects to the Swagger UI page that loads the document', async () => {
  const redirect = await t.as().get('/api/v1/docs');
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toBe('/api/v1/docs/');
  const page = await t.as().get('/api/v1/docs/');
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(page.text).toContain('swagger-ui-bundle.js');
  const init = await t.as().get('/api/v1/docs/init.js');
  expect(init.text).toContain('/api/v1/openapi.json');
  for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
    expect((await t.as().get(`/api/v1/docs/${asset}`)).status).toBe(200);
  }
});
