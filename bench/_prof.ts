import 'reflect-metadata';
import fs from 'node:fs';
import { startApp } from '../tests/support/app';
import { createPlan } from '../tests/support/fixtures';
import { writeMetaCsv } from './mapped-import';

async function main() {
  const rows = Number(process.argv[2] ?? 50000);
  await writeMetaCsv('/tmp/meta.csv', rows, new Date(Date.UTC(2026, 0, 1)));
  const t = await startApp({ IMPORT_MAX_MB: '1024' });
  const admin = await t.user({ isAdmin: true });
  const { id: planId } = await createPlan(t, admin.token);
  let s = Date.now();
  const up = await t.as(admin.token).post(`/api/v1/plans/${planId}/imports`).set('Content-Type', 'text/csv').send(fs.readFileSync('/tmp/meta.csv'));
  console.log('upload', up.status, Date.now() - s); s = Date.now();
  const pv = await t.as(admin.token).put(`/api/v1/plans/${planId}/imports/${up.body.id}/mapping`).send({ preset: 'meta_facebook', timeZone: 'UTC', defaultSide: 'agency' });
  console.log('map', pv.status, pv.body.valid, Date.now() - s); s = Date.now();
  const c = await t.as(admin.token).post(`/api/v1/plans/${planId}/imports/${up.body.id}/commit`);
  console.log('commit', c.status, JSON.stringify(c.body).slice(0, 200), Date.now() - s, 'rss', Math.round(process.memoryUsage().rss / 1e6));
  await t.close();
}
main();
