import { claimImport, discardRun } from '../../../api/src/modules/posts/import-run';
import { setupApp } from '../../support/app';
import { createPost, planWorld, type PlanWorld } from '../../support/fixtures';
import { activityOf } from '../../support/http';
import { expectProblem } from '../../support/problem';
import { rollupsVersusLedger } from '../../support/rollups';
import { commit, importsPath, mapping, postsOf, rosterPlan, shareOf, upload } from './support';

// What happens to an upload over its life (docs/domain.md#mapped-imports): duplicates against the
// ledger, the import lock, a slow commit, undoing a committed import, expiry, saved mappings, roles.

jest.setTimeout(30_000);
const t = setupApp();
let w: PlanWorld;
beforeAll(async () => {
  w = await planWorld(t);
});

const CSV_HEADER = 'Network,When,Id,Link,By';
const csv = (...rows: string[]) => `${CSV_HEADER}\n${rows.join('\n')}\n`;
const COLUMNS = { columns: { channel: 'Network', publishedAt: 'When', externalId: 'Id', permalink: 'Link', author: 'By' }, dateFormat: 'ISO 8601' };

async function committed(token: string, planId: string, body: string, extra: object = {}) {
  const up = await upload(t, token, planId, body);
  expect(up.status).toBe(201);
  const preview = await mapping(t, token, planId, up.body.id, { ...COLUMNS, ...extra });
  expect(preview.status).toBe(200);
  return { id: up.body.id as string, preview: preview.body, commit: await commit(t, token, planId, up.body.id) };
}

describe('mapped import lifecycle', () => {
  it('When rows repeat stored posts by (channel, id) or by permalink, then they are skipped as duplicates and counted', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    await createPost(t, w.admin.token, planId, { channel: 'facebook', externalId: 'fb-1', source: 'agency', publishedAt: '2026-04-01T10:00:00Z' });
    const first = await committed(w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,https://twitter.com/cafenord/status/1?s=20,Ana Ruiz'));
    expect(first.commit.body).toEqual({ inserted: 1, duplicates: 0 });
    const second = await committed(
      w.admin.token,
      planId,
      csv(
        'facebook,2026-04-03T10:00:00Z,fb-1,,Ana Ruiz', // same (channel, id) as the stored post
        'x,2026-04-03T11:00:00Z,x-other,https://x.com/cafenord/status/1,Ana Ruiz', // same permalink, another id
        'x,2026-04-03T12:00:00Z,x-2,https://x.com/cafenord/status/2,Ana Ruiz',
        'x,2026-04-03T12:00:00Z,x-2,https://x.com/cafenord/status/2,Ana Ruiz', // repeats the row above
      ),
    );
    expect(second.preview).toMatchObject({ rows: 4, valid: 4, duplicates: 1 });
    expect(second.commit.body).toEqual({ inserted: 1, duplicates: 3 });
    const posts = await postsOf(t, w.admin.token, planId);
    expect(posts.map((p) => p.externalId)).toEqual(['fb-1', 'x-1', 'x-2']);
  });

  it('When a committed import is deleted, then its posts go and the share and rollups follow; other posts stay', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    await createPost(t, w.admin.token, planId, { channel: 'linkedin', source: 'in_house', publishedAt: '2026-04-01T10:00:00Z' });
    const imported = await committed(w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz', 'x,2026-04-03T10:00:00Z,x-2,,Ben Okafor'));
    expect(await shareOf(t, w.admin.token, planId)).toEqual({ agency: 1, inHouse: 2, coAuthored: 0 });
    const gone = await t.as(w.admin.token).delete(importsPath(planId, `/${imported.id}`));
    expect(gone.status).toBe(204);
    expect((await postsOf(t, w.admin.token, planId)).map((p) => p.channel)).toEqual(['linkedin']);
    expect(await shareOf(t, w.admin.token, planId)).toEqual({ agency: 0, inHouse: 1, coAuthored: 0 });
    const state = await rollupsVersusLedger(t.db, planId);
    expect(state.rollups).toEqual(state.recount);
    expectProblem(await t.as(w.admin.token).get(importsPath(planId, `/${imported.id}`)), 404, 'not-found');
    const log = (await activityOf(t, w.admin.token, planId, 'entity=import')).items.map((a) => a.action);
    expect(log).toEqual(['delete', 'import', 'map', 'upload']);
  });

  it('When a row is invalid, then the commit is refused (422) and nothing is stored; the upload stays open', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const out = await committed(w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz', 'x,2026-13-45T10:00:00Z,x-2,,Ana Ruiz', 'x,2026-04-04T10:00:00Z,x-3,,Ana Ruiz'));
    expect(out.preview).toMatchObject({ valid: 2, errorCount: 1, errors: [{ line: 3, message: expect.stringContaining('When') }] });
    expectProblem(out.commit, 422, 'validation-failed');
    expect(out.commit.body.errors).toEqual([{ line: 3, message: expect.any(String) }]);
    expect(await postsOf(t, w.admin.token, planId)).toEqual([]);
    expect(await shareOf(t, w.admin.token, planId)).toEqual({ agency: 0, inHouse: 0, coAuthored: 0 });
    const rows = await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM posts WHERE plan_id = ${t.db.param(1)}`, [planId]));
    expect(Number(rows[0].n)).toBe(0); // not even hidden rows remain
  });

  it('When another import of the plan is running, then the commit answers 409 and stores nothing', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const up = await upload(t, w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz'));
    await mapping(t, w.admin.token, planId, up.body.id, COLUMNS);
    const run = await claimImport(t.db, t.clock, { planId, userId: w.admin.id, dryRun: false });
    try {
      expectProblem(await commit(t, w.admin.token, planId, up.body.id), 409, 'import-in-progress');
    } finally {
      await discardRun(t.db, t.clock, run);
    }
    expect((await commit(t, w.admin.token, planId, up.body.id)).body).toEqual({ inserted: 1, duplicates: 0 });
    expectProblem(await commit(t, w.admin.token, planId, up.body.id), 409); // already committed
  });

  it('When a commit outlasts the wait, then it answers 202 and GET shows it committed once done', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const up = await upload(t, w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz', 'x,2026-04-03T10:00:00Z,x-2,,Ben Okafor'));
    await mapping(t, w.admin.token, planId, up.body.id, COLUMNS);
    t.services.imports.commitWaitMs = 0;
    let accepted;
    try {
      accepted = await commit(t, w.admin.token, planId, up.body.id);
    } finally {
      t.services.imports.commitWaitMs = 30_000;
    }
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ id: up.body.id, status: 'committing', progress: { rows: expect.any(Number) } });
    let status;
    for (let i = 0; i < 50; i++) {
      status = await t.as(w.admin.token).get(importsPath(planId, `/${up.body.id}`));
      if (status.body.status === 'committed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status!.body).toMatchObject({ status: 'committed', result: { inserted: 2, duplicates: 0 } });
    expect((await postsOf(t, w.admin.token, planId)).length).toBe(2);
  });

  it('When the process that was committing an upload went away, then the upload reads as open again and commits', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const up = await upload(t, w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz'));
    await mapping(t, w.admin.token, planId, up.body.id, COLUMNS);
    // As a killed process leaves it: marked committing, its import run already cleaned up as abandoned.
    const gone = '01a00000-0000-7000-8000-000000000000';
    await t.db.write((m) => m.query(`UPDATE import_uploads SET status = 'committing', run_id = ${t.db.param(1)} WHERE id = ${t.db.param(2)}`, [gone, up.body.id]));
    expect((await t.as(w.admin.token).get(importsPath(planId, `/${up.body.id}`))).body.status).toBe('open');
    expect((await commit(t, w.admin.token, planId, up.body.id)).body).toEqual({ inserted: 1, duplicates: 0 });
  });

  it('When an upload is older than 24 hours, then it is gone, and the housekeeping deletes its bytes; a committed import is kept', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const old = await upload(t, w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz'));
    const kept = await committed(w.admin.token, planId, csv('x,2026-04-05T10:00:00Z,x-9,,Ana Ruiz'));
    // A day later for the uploads (moving the clock would also end the test users' sessions).
    const dayAgo = new Date(Date.now() - 1000).toISOString();
    await t.db.write((m) => m.query(`UPDATE import_uploads SET expires_at = ${t.db.param(1)} WHERE plan_id = ${t.db.param(2)}`, [dayAgo, planId]));
    {
      expectProblem(await t.as(w.admin.token).get(importsPath(planId, `/${old.body.id}`)), 404, 'not-found');
      expectProblem(await mapping(t, w.admin.token, planId, old.body.id, COLUMNS), 404, 'not-found');
      expect(await t.services.imports.purgeExpired()).toBeGreaterThanOrEqual(1);
      const left = await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM import_upload_chunks WHERE upload_id = ${t.db.param(1)}`, [old.body.id]));
      expect(Number(left[0].n)).toBe(0);
      expect((await t.as(w.admin.token).get(importsPath(planId, `/${kept.id}`))).body.status).toBe('committed');
    }
  });

  it('When an upload is retried with the same Idempotency-Key, then the first upload is answered again and only one is kept', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const send = () => upload(t, w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz')).set('Idempotency-Key', 'upload-once');
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM import_uploads WHERE plan_id = ${t.db.param(1)}`, [planId]));
    expect(Number(rows[0].n)).toBe(1);
  });

  it('When an open upload is discarded, then it and its bytes are gone', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const up = await upload(t, w.admin.token, planId, csv('x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz'));
    expect((await t.as(w.admin.token).delete(importsPath(planId, `/${up.body.id}`))).status).toBe(204);
    expectProblem(await t.as(w.admin.token).get(importsPath(planId, `/${up.body.id}`)), 404);
    const left = await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM import_upload_chunks WHERE upload_id = ${t.db.param(1)}`, [up.body.id]));
    expect(Number(left[0].n)).toBe(0);
  });

  it('When the plan’s open uploads would pass IMPORT_MAX_MB, then the upload is refused with 413', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const big = `${CSV_HEADER}\n${'x,2026-04-02T10:00:00Z,x-1,,Ana Ruiz\n'.repeat(Math.ceil((t.config.importMaxBytes + 10) / 37))}`;
    expectProblem(await upload(t, w.admin.token, planId, big), 413, 'payload-too-large');
    const rows = await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM import_uploads WHERE plan_id = ${t.db.param(1)}`, [planId]));
    expect(Number(rows[0].n)).toBe(0);
  });
});

describe('roles', () => {
  it('When agency staff import rows that all end up agency, then it commits; when one is in-house, 403 and nothing is stored', async () => {
    const ok = await committed(w.agency.token, w.planId, csv('x,2026-04-02T10:00:00Z,ag-1,,Someone'), { defaultSide: 'agency' });
    expect(ok.commit.body).toEqual({ inserted: 1, duplicates: 0 });
    const refused = await committed(w.agency.token, w.planId, csv('x,2026-04-03T10:00:00Z,ag-2,,Someone', 'x,2026-04-03T11:00:00Z,ag-3,,Someone'), { defaultSide: 'in_house' });
    expectProblem(refused.commit, 403, 'forbidden');
    expect((await postsOf(t, w.admin.token, w.planId)).map((p) => p.externalId)).toEqual(['ag-1']);
  });

  it('When agency staff delete a committed import, then only one whose posts are all agency is undone', async () => {
    const leads = await committed(w.lead.token, w.planId, csv('x,2026-04-04T10:00:00Z,in-1,,Someone'), { defaultSide: 'in_house' });
    expect(leads.commit.status).toBe(200);
    expectProblem(await t.as(w.agency.token).delete(importsPath(w.planId, `/${leads.id}`)), 403, 'forbidden');
    expect((await postsOf(t, w.admin.token, w.planId)).map((p) => p.externalId)).toContain('in-1');
    const own = await committed(w.agency.token, w.planId, csv('x,2026-04-04T11:00:00Z,ag-9,,Someone'), { defaultSide: 'agency' });
    expect((await t.as(w.agency.token).delete(importsPath(w.planId, `/${own.id}`))).status).toBe(204);
    expect((await postsOf(t, w.admin.token, w.planId)).map((p) => p.externalId)).not.toContain('ag-9');
  });

  it('When an executive tries to upload, then 403; an outsider gets 404', async () => {
    expectProblem(await upload(t, w.executive.token, w.planId, csv('x,2026-04-02T10:00:00Z,e-1,,')), 403);
    expectProblem(await upload(t, w.outsider.token, w.planId, csv('x,2026-04-02T10:00:00Z,e-1,,')), 404);
  });
});

describe('saved mappings', () => {
  const path = () => `/api/v1/plans/${w.planId}/import-mappings/meta-paris`;

  it('When a lead saves a mapping, then anyone but agency reads it with its version, and a stale If-Match is refused', async () => {
    const created = await t.as(w.lead.token).put(path()).send({ preset: 'meta_facebook', timeZone: 'Europe/Paris' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ name: 'meta-paris', version: 1, mapping: { preset: 'meta_facebook', timeZone: 'Europe/Paris' } });
    const read = await t.as(w.executive.token).get(path());
    expect(read.status).toBe(200);
    expect(read.body.mapping).toEqual({ preset: 'meta_facebook', timeZone: 'Europe/Paris' });
    expectProblem(await t.as(w.agency.token).get(path()), 403);
    expectProblem(await t.as(w.executive.token).put(path()).send({ preset: 'meta_facebook', timeZone: 'UTC' }), 403);

    const updated = await t.as(w.lead.token).put(path()).set('If-Match', '"1"').send({ preset: 'meta_facebook', timeZone: 'Europe/London' });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expectProblem(await t.as(w.lead.token).put(path()).set('If-Match', '"1"').send({ preset: 'meta_facebook', timeZone: 'UTC' }), 412);
    expect((await t.as(w.lead.token).get(path())).body).toMatchObject({ version: 2, mapping: { timeZone: 'Europe/London' } });
    expectProblem(await t.as(w.lead.token).put(`/api/v1/plans/${w.planId}/import-mappings/Not%20a%20name`).send({ preset: 'handover' }), 404);
    expectProblem(await t.as(w.lead.token).put(path()).send({ preset: 'meta_facebook', timeZone: 'Mars/Olympus' }), 422);
    const log = (await activityOf(t, w.admin.token, w.planId, 'entity=import_mapping')).items.map((a) => a.action);
    expect(log).toEqual(['update', 'create']);
  });
});
