import { setupApp } from '../../support/app';
import { createHandover, createPerson, createSkill, planWorld, type PlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { listSessions, recordSession, sessionInput, sessionPath, sessionsPath } from './helpers';

// Recording, reading, editing and deleting knowledge-transfer sessions (docs/domain.md#knowledge-transfer-sessions).

const t = setupApp();
let w: PlanWorld;
beforeEach(async () => {
  w = await planWorld(t);
});

const activityOf = async (entityId: string) =>
  (await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=kt_session&entityId=${entityId}`)).body.items as Array<{
    action: string;
    changes: Record<string, unknown>;
  }>;

describe('knowledge-transfer sessions', () => {
  test('When a lead records, reads, edits and deletes a session, then each step is stored, versioned and logged', async () => {
    const ann = await createPerson(t, w.lead.token, w.planId, { name: 'Ann' });
    const bo = await createPerson(t, w.lead.token, w.planId, { name: 'Bo' });
    const stories = await createHandover(t, w.lead.token, w.planId, { title: 'Stories' });
    const video = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const created = await t.as(w.lead.token).post(sessionsPath(w.planId)).send(
      sessionInput({
        topic: '  Story templates ',
        method: 'shadowing',
        attendees: [bo.id, ann.id],
        handoverIds: [stories.id],
        skillIds: [video.id],
        materialsUrl: 'https://docs.example.com/stories',
        notes: 'Bring the brand kit',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toEqual({
      id: expect.any(String),
      planId: w.planId,
      date: '2026-03-02',
      topic: 'Story templates',
      method: 'shadowing',
      givenBy: 'Sam (Brightside Social)',
      attendees: [bo.id, ann.id],
      handoverIds: [stories.id],
      skillIds: [video.id],
      materialsUrl: 'https://docs.example.com/stories',
      notes: 'Bring the brand kit',
      createdBy: w.lead.id,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;

    for (const reader of [w.executive, w.agency, w.admin]) {
      const read = await t.as(reader.token).get(sessionPath(w.planId, id));
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(created.body);
    }
    expect((await listSessions(t, w.executive.token, w.planId)).items).toEqual([created.body]);

    const edited = await t.as(w.lead.token).patch(sessionPath(w.planId, id)).set('If-Match', '"1"').send({ attendees: [ann.id], skillIds: [], notes: null, method: 'workshop' });
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.body).toMatchObject({ attendees: [ann.id], handoverIds: [stories.id], skillIds: [], notes: null, method: 'workshop', topic: 'Story templates', version: 2, createdBy: w.lead.id });
    expect((await t.as(w.lead.token).get(sessionPath(w.planId, id))).body).toEqual(edited.body);

    await t.as(w.lead.token).delete(sessionPath(w.planId, id)).set('If-Match', '"2"').expect(204);
    expectProblem(await t.as(w.lead.token).get(sessionPath(w.planId, id)), 404, 'not-found');
    expect((await listSessions(t, w.lead.token, w.planId)).total).toBe(0);

    const log = await activityOf(id);
    expect(log.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(log[2]!.changes).toMatchObject({ topic: 'Story templates', attendees: [bo.id, ann.id], handoverIds: [stories.id] });
    expect(log[1]!.changes).toEqual({
      method: { from: 'shadowing', to: 'workshop' },
      attendees: { from: [bo.id, ann.id], to: [ann.id] },
      skillIds: { from: [video.id], to: [] },
      notes: { from: 'Bring the brand kit', to: null },
    });
  });

  test('When a session names only what it must, then the lists are empty and the optional fields null', async () => {
    const s = await recordSession(t, w.agency.token, w.planId);
    expect(s).toMatchObject({ attendees: [], handoverIds: [], skillIds: [], materialsUrl: null, notes: null, createdBy: w.agency.id });
    expect((await t.as(w.agency.token).get(sessionPath(w.planId, s.id))).body).toEqual(s);
  });

  test('When an edit has no If-Match or a stale one, then 428 or 412 with the current ETag, and nothing changes', async () => {
    const s = await recordSession(t, w.lead.token, w.planId);
    expectProblem(await t.as(w.lead.token).patch(sessionPath(w.planId, s.id)).send({ topic: 'New' }), 428, 'precondition-required');
    const stale = await t.as(w.lead.token).patch(sessionPath(w.planId, s.id)).set('If-Match', '"4"').send({ topic: 'New' });
    expectProblem(stale, 412, 'precondition-failed');
    expect(stale.headers.etag).toBe('"1"');
    expectProblem(await t.as(w.lead.token).delete(sessionPath(w.planId, s.id)).set('If-Match', '"9"'), 412, 'precondition-failed');
    expect((await t.as(w.lead.token).get(sessionPath(w.planId, s.id))).body).toEqual(s);
    expect((await activityOf(s.id)).map((a) => a.action)).toEqual(['create']);
    // Delete takes If-Match when sent, and goes without it.
    await t.as(w.lead.token).delete(sessionPath(w.planId, s.id)).expect(204);
  });

  test('When a session is recorded twice with one Idempotency-Key, then one session exists and the replay matches; another body → 422', async () => {
    const body = sessionInput({ topic: 'Ad accounts' });
    const first = await t.as(w.agency.token).post(sessionsPath(w.planId)).set('Idempotency-Key', 'kt-1').send(body);
    const second = await t.as(w.agency.token).post(sessionsPath(w.planId)).set('Idempotency-Key', 'kt-1').send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expectProblem(await t.as(w.agency.token).post(sessionsPath(w.planId)).set('Idempotency-Key', 'kt-1').send({ ...body, topic: 'Other' }), 422);
    expect((await listSessions(t, w.lead.token, w.planId)).items.map((s) => s.id)).toEqual([first.body.id]);
  });
});

describe('what a session may name', () => {
  test('When attendees, handovers or skills are not the plan’s, then 422 names each bad id and nothing is stored', async () => {
    const other = await planWorld(t, w.admin);
    const stranger = await createPerson(t, other.lead.token, other.planId);
    const foreignHandover = await createHandover(t, other.lead.token, other.planId);
    const foreignSkill = await createSkill(t, other.lead.token, other.planId);
    const ann = await createPerson(t, w.lead.token, w.planId);
    const madeUp = '99999999-9999-4999-8999-999999999999';
    const res = await t.as(w.lead.token).post(sessionsPath(w.planId)).send(
      sessionInput({ attendees: [ann.id, stranger.id], handoverIds: [foreignHandover.id], skillIds: [madeUp, foreignSkill.id] }),
    );
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors).toEqual([
      { path: 'attendees.1', message: `no such person in this plan: ${stranger.id}` },
      { path: 'handoverIds.0', message: `no such handover in this plan: ${foreignHandover.id}` },
      { path: 'skillIds.0', message: `no such skill in this plan: ${madeUp}` },
      { path: 'skillIds.1', message: `no such skill in this plan: ${foreignSkill.id}` },
    ]);
    expect((await listSessions(t, w.lead.token, w.planId)).total).toBe(0);
    expect((await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=kt_session`)).body.total).toBe(0);
  });

  test('When an edit names a stranger, then 422 and the session keeps its links', async () => {
    const ann = await createPerson(t, w.lead.token, w.planId);
    const s = await recordSession(t, w.lead.token, w.planId, { attendees: [ann.id] });
    const other = await planWorld(t, w.admin);
    const stranger = await createPerson(t, other.lead.token, other.planId);
    expectFieldError(await t.as(w.lead.token).patch(sessionPath(w.planId, s.id)).set('If-Match', '"1"').send({ attendees: [stranger.id] }), 'attendees.0', {
      message: `no such person in this plan: ${stranger.id}`,
      only: true,
    });
    expect((await t.as(w.lead.token).get(sessionPath(w.planId, s.id))).body).toEqual(s);
  });

  test('When the fields break the schema, then 422 names the field and nothing is stored', async () => {
    const ann = await createPerson(t, w.lead.token, w.planId);
    const post = (body: object) => t.as(w.lead.token).post(sessionsPath(w.planId)).send(body);
    expectFieldError(await post(sessionInput({ method: 'lecture' as never })), 'method');
    expectFieldError(await post(sessionInput({ date: '2026-02-30' })), 'date');
    expectFieldError(await post(sessionInput({ topic: '   ' })), 'topic');
    expectFieldError(await post(sessionInput({ givenBy: 'x'.repeat(201) })), 'givenBy');
    expectFieldError(await post(sessionInput({ attendees: [ann.id, ann.id] })), 'attendees', 'must not repeat an id');
    expectFieldError(await post(sessionInput({ handoverIds: ['not-a-uuid'] })), 'handoverIds.0');
    expectFieldError(await post(sessionInput({ materialsUrl: 'https://sam:hunter2@drive.example.com/kt' })), 'materialsUrl');
    expectFieldError(await post(sessionInput({ materialsUrl: 'javascript:alert(1)' })), 'materialsUrl');
    expectFieldError(await post(sessionInput({ materialsUrl: 'ftp://files.example.com/kt' })), 'materialsUrl');
    expectFieldError(await post({ ...sessionInput(), createdBy: w.agency.id }), 'createdBy');
    expectFieldError(await post({ ...sessionInput(), version: 3 }), 'version');
    const { topic: _t, ...noTopic } = sessionInput();
    expectFieldError(await post(noTopic), 'topic');
    expect((await listSessions(t, w.lead.token, w.planId)).total).toBe(0);
  });

  test('When a person, handover or skill is deleted, then the sessions stay and lose only that link', async () => {
    const ann = await createPerson(t, w.lead.token, w.planId);
    const bo = await createPerson(t, w.lead.token, w.planId);
    const stories = await createHandover(t, w.lead.token, w.planId);
    const video = await createSkill(t, w.lead.token, w.planId);
    const s = await recordSession(t, w.lead.token, w.planId, { attendees: [ann.id, bo.id], handoverIds: [stories.id], skillIds: [video.id] });
    await t.as(w.lead.token).delete(`/api/v1/plans/${w.planId}/people/${ann.id}`).expect(204);
    await t.as(w.lead.token).delete(`/api/v1/plans/${w.planId}/handovers/${stories.id}`).expect(204);
    await t.as(w.lead.token).delete(`/api/v1/plans/${w.planId}/skills/${video.id}`).expect(204);
    expect((await t.as(w.lead.token).get(sessionPath(w.planId, s.id))).body).toMatchObject({ attendees: [bo.id], handoverIds: [], skillIds: [], topic: s.topic });
  });
});
