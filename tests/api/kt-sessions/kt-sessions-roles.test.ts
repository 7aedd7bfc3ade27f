import { setupApp } from '../../support/app';
import { planWorld, type PlanWorld } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';
import { listSessions, recordSession, sessionInput, sessionPath, sessionsPath } from './helpers';

// Who may record and change sessions: leads any, agency staff their own (docs/domain.md#knowledge-transfer-sessions).

const t = setupApp();
let w: PlanWorld;
beforeEach(async () => {
  w = await planWorld(t);
});

const read = async (id: string) => (await t.as(w.admin.token).get(sessionPath(w.planId, id))).body;

describe('who may record and change sessions', () => {
  test('When agency staff record a session, then it is stored as theirs and they may edit and delete it', async () => {
    const own = await recordSession(t, w.agency.token, w.planId, { topic: 'Ads manager' });
    expect(own.createdBy).toBe(w.agency.id);
    const edited = await t.as(w.agency.token).patch(sessionPath(w.planId, own.id)).set('If-Match', '"1"').send({ topic: 'Ads manager, part 2' });
    expect(edited.status).toBe(200);
    expect(await read(own.id)).toMatchObject({ topic: 'Ads manager, part 2', version: 2, createdBy: w.agency.id });
    await t.as(w.agency.token).delete(sessionPath(w.planId, own.id)).expect(204);
    expectProblem(await t.as(w.admin.token).get(sessionPath(w.planId, own.id)), 404, 'not-found');
  });

  test('When agency staff edit or delete a session someone else recorded, then 403 and it is unchanged', async () => {
    const leads = await recordSession(t, w.lead.token, w.planId);
    const otherAgency = await t.user();
    await t.as(w.admin.token).put(`/api/v1/plans/${w.planId}/members/${otherAgency.id}`).send({ role: 'agency' }).expect(201);
    const colleagues = await recordSession(t, otherAgency.token, w.planId);
    for (const s of [leads, colleagues]) {
      expectProblem(await t.as(w.agency.token).patch(sessionPath(w.planId, s.id)).set('If-Match', '"1"').send({ topic: 'Mine now' }), 403, 'forbidden');
      expectProblem(await t.as(w.agency.token).delete(sessionPath(w.planId, s.id)), 403, 'forbidden');
      expect(await read(s.id)).toEqual(s);
    }
  });

  test('When a lead or an admin edits or deletes a session agency staff recorded, then it is done', async () => {
    const a = await recordSession(t, w.agency.token, w.planId);
    const b = await recordSession(t, w.agency.token, w.planId);
    await t.as(w.lead.token).patch(sessionPath(w.planId, a.id)).set('If-Match', '"1"').send({ notes: 'Checked' }).expect(200);
    expect(await read(a.id)).toMatchObject({ notes: 'Checked', createdBy: w.agency.id });
    await t.as(w.admin.token).delete(sessionPath(w.planId, b.id)).expect(204);
    expect((await listSessions(t, w.lead.token, w.planId)).items.map((s) => s.id)).toEqual([a.id]);
  });

  test('When an executive writes, then 403; a non-member 404; nobody signed in 401; and nothing changes', async () => {
    const s = await recordSession(t, w.lead.token, w.planId);
    const tries = [
      { token: w.executive.token, status: 403 },
      { token: w.outsider.token, status: 404 },
      { token: undefined, status: 401 },
    ];
    for (const { token, status } of tries) {
      expectProblem(await t.as(token).post(sessionsPath(w.planId)).send(sessionInput()), status);
      expectProblem(await t.as(token).patch(sessionPath(w.planId, s.id)).set('If-Match', '"1"').send({ topic: 'X' }), status);
      expectProblem(await t.as(token).delete(sessionPath(w.planId, s.id)), status);
    }
    expectProblem(await t.as(w.outsider.token).get(sessionsPath(w.planId)), 404, 'not-found');
    expectProblem(await t.as(undefined).get(sessionPath(w.planId, s.id)), 401, 'unauthorized');
    expect((await listSessions(t, w.lead.token, w.planId)).items).toEqual([s]);
  });

  test('When a session of one plan is asked for under another plan, then 404', async () => {
    const s = await recordSession(t, w.lead.token, w.planId);
    const other = await planWorld(t, w.admin);
    expectProblem(await t.as(w.admin.token).get(sessionPath(other.planId, s.id)), 404, 'not-found');
    expectProblem(await t.as(w.admin.token).patch(sessionPath(other.planId, s.id)).set('If-Match', '"1"').send({ topic: 'X' }), 404, 'not-found');
    expectProblem(await t.as(w.admin.token).delete(sessionPath(other.planId, s.id)), 404, 'not-found');
    expect(await read(s.id)).toEqual(s);
  });
});
