import { startApp, type TestApp } from '../support/app';
import { planInput } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => t.close());

test('When the database answers, then health is ok', async () => {
  const res = await t.as().get('/api/v1/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
});

test('When an admin creates a plan, then it can be read back', async () => {
  const admin = await t.user({ isAdmin: true });
  const created = await t.as(admin.token).post('/api/v1/plans').send(planInput());
  expect(created.status).toBe(201);
  const read = await t.as(admin.token).get(`/api/v1/plans/${created.body.id}`);
  expect(read.status).toBe(200);
  expect(read.headers.etag).toBe('"1"');
  expect(read.body.targets).toEqual({ inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 });
});
