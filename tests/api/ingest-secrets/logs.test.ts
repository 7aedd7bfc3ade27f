import 'reflect-metadata';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp, type App } from '../../../api/src/app';
import { loadConfig } from '../../../api/src/config';
import { openDatabase, type Db } from '../../../api/src/db/data-source';
import { insertUser } from '../../../api/src/db/repositories/users.repository';
import { hashPassword } from '../../../api/src/modules/auth/password';
import { freshDatabase, type FreshDatabase } from '../../support/database';
import { planInput } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';
import { agorapulseEvent, postizRow } from './helpers';

// docs/domain.md#receivers-and-ingest-secrets: the secret is never written to the log, whatever
// the receiver answers (accepted, refused, revoked, or a fault on our side).
let database: FreshDatabase;
let db: Db;
let built: App;
const lines: string[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  db = await openDatabase(database.config);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = { ...loadConfig({ LOG_LEVEL: 'trace' }), database: database.config };
  built = createApp({ db, config, logger: pino({ level: 'trace' }, sink) });
});
afterAll(async () => {
  await db.close();
  await database.drop();
});

test('When receivers accept, refuse and fail, then the log names the secret’s id and never the secret', async () => {
  const password = 'correct-horse-battery';
  await db.write(async (m) => insertUser(m, { email: 'lead@example.com', name: 'Lead', passwordHash: await hashPassword(password), isAdmin: true }, new Date()));
  const { token } = (await request(built.app).post('/api/v1/auth/login').send({ email: 'lead@example.com', password }).expect(200)).body;
  const as = (path: string) => request(built.app).post(path).set('Authorization', `Bearer ${token}`);
  const plan = (await as('/api/v1/plans').send(planInput({ name: 'Logs' }))).body;
  expect(plan.id).toEqual(expect.any(String));
  const postiz = (await as(`/api/v1/plans/${plan.id}/ingest-secrets`).send({ receiver: 'postiz' }).expect(201)).body;
  const agorapulse = (await as(`/api/v1/plans/${plan.id}/ingest-secrets`).send({ receiver: 'agorapulse' }).expect(201)).body;
  const post = (secret: string, receiver: string) => request(built.app).post(`/api/v1/ingest/${secret}/${receiver}`);

  expect((await post(postiz.secret, 'postiz').send([postizRow('log-1')])).status).toBe(200);
  expect((await post(agorapulse.secret, 'agorapulse').send(agorapulseEvent('FAILED', 'log-2'))).status).toBe(200);
  expectProblem(await post(postiz.secret, 'postiz').send({ bad: true }), 422);
  expectProblem(await post(postiz.secret, 'agorapulse').send(agorapulseEvent('PUBLISHED', 'log-3')), 403);
  const fault = jest.spyOn(built.services.ingestReceivers, 'postiz').mockRejectedValueOnce(new Error('the disk is full'));
  const failed = await post(postiz.secret, 'postiz').send([postizRow('log-4')]);
  fault.mockRestore();
  expectProblem(failed, 500, 'internal');
  expect(failed.body.instance).toBe('/api/v1/ingest/{secret}/postiz');
  await request(built.app).delete(`/api/v1/plans/${plan.id}/ingest-secrets/${postiz.id}`).set('Authorization', `Bearer ${token}`).expect(204);
  expectProblem(await post(postiz.secret, 'postiz').send([postizRow('log-5')]), 410, 'gone');

  const log = lines.join('');
  expect(log).toContain(`"ingestSecretId":"${postiz.id}"`);
  expect(log).toContain('"path":"/api/v1/ingest/{secret}/postiz"');
  for (const secret of [postiz.secret, agorapulse.secret]) {
    expect(log).not.toContain(secret);
    expect(log).not.toContain(secret.slice(4));
  }
});
