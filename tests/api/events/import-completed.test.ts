import fs from 'node:fs';
import path from 'node:path';
import { pathTo, ROUTES } from '@handover/shared';
import { setupApp } from '../../support/app';
import { planWorld } from '../../support/fixtures';
import { eventsOf } from './outbox-rows';

// import.completed (docs/domain.md#webhooks): recorded in the transaction that makes an import's
// posts visible, once per import, for the plain CSV import and for a mapped import; a dry run or a
// refused commit records nothing.
const t = setupApp({ now: '2026-04-20T10:00:00.000Z' });
const FIXTURES = path.resolve(__dirname, '../../fixtures/ingest');

test('When a lead imports a CSV, then one import.completed names the import, its counts and the lead; a dry run adds none', async () => {
  const world = await planWorld(t);
  const csv = 'channel,published_at,source,external_id,author\nfacebook,2026-04-01T10:00:00Z,in_house,e-1,\nx,2026-04-02T10:00:00Z,agency,e-2,\n';
  const importPath = pathTo(ROUTES.postsImport, { planId: world.planId });
  await t.as(world.lead.token).post(`${importPath}?dryRun=true`).set('Content-Type', 'text/csv').send(csv).expect(200);
  expect(await eventsOf(t, world.planId, 'import.completed')).toEqual([]);

  await t.as(world.lead.token).post(importPath).set('Content-Type', 'text/csv').send(csv).expect(200);
  const events = await eventsOf(t, world.planId, 'import.completed');
  expect(events).toHaveLength(1);
  expect(events[0]!.data).toMatchObject({
    plan: { id: world.planId },
    import: { inserted: 2, duplicates: 0, valid: 2 },
    actor: { id: world.lead.id },
  });
  expect(events[0]!.timestamp).toBe('2026-04-20T10:00:00.000Z');
});

test('When a mapped import is refused and then committed, then exactly one import.completed names the upload', async () => {
  const world = await planWorld(t);
  const file = fs.readFileSync(path.join(FIXTURES, 'x-analytics-new.csv'));
  const upload = await t
    .as(world.lead.token)
    .post(pathTo(ROUTES.imports, { planId: world.planId }))
    .set('Content-Type', 'text/csv')
    .send(file)
    .expect(201);
  const id = (upload.body as { id: string }).id;
  const mapping = pathTo(ROUTES.importMapping, { planId: world.planId, importId: id });
  const commit = pathTo(ROUTES.importCommit, { planId: world.planId, importId: id });
  await t.as(world.lead.token).put(mapping).send({ preset: 'x_analytics' }).expect(200);
  await t.as(world.lead.token).post(commit).expect(422); // unclassified rows: nothing stored, nothing announced
  expect(await eventsOf(t, world.planId, 'import.completed')).toEqual([]);

  await t.as(world.lead.token).put(mapping).send({ preset: 'x_analytics', defaultSide: 'agency' }).expect(200);
  const done = await t.as(world.lead.token).post(commit).expect(200);
  const events = await eventsOf(t, world.planId, 'import.completed');
  expect(events).toHaveLength(1);
  expect(events[0]!.data.import).toEqual({ id, inserted: done.body.inserted, duplicates: done.body.duplicates, valid: done.body.inserted });
  expect(done.body.inserted).toBeGreaterThan(0);
});
