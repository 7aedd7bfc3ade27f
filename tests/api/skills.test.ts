import type { Assessment, Coverage, Skill } from '@handover/shared';
import { setupApp } from '../support/app';
import { createAssessment, createPerson, createSkill, getBody, getItems, planWorld, UUID, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const NOW = '2026-03-02T10:00:00.000Z';
const t = setupApp({ now: NOW });

const UNKNOWN_ID = '6f1c2a4e-0000-4000-8000-000000000000';
const base = (planId: string) => `/api/v1/plans/${planId}`;
const skillsUrl = (planId: string) => `${base(planId)}/skills`;
const skillUrl = (planId: string, id: string) => `${skillsUrl(planId)}/${id}`;
const assessmentsUrl = (planId: string) => `${base(planId)}/assessments`;

const listSkills = (w: PlanWorld) => getItems<Skill>(t, w.lead.token, skillsUrl(w.planId));
const listAssessments = (w: PlanWorld, query = '') => getItems<Assessment>(t, w.lead.token, `${assessmentsUrl(w.planId)}${query}`);
const coverage = (w: PlanWorld, token = w.lead.token) => getBody<Coverage>(t, token, `${skillsUrl(w.planId)}/coverage`);
const activity = async (w: PlanWorld, entity: string) => (await activityOf(t, w.lead.token, w.planId, `entity=${entity}`)).items;

describe('skills', () => {
  test('When a lead adds a skill with only a name and level, then it is 201 with the defaults and logged', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(skillsUrl(w.planId)).send({ name: 'Community management', requiredLevel: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      planId: w.planId,
      name: 'Community management',
      category: null,
      requiredLevel: 3,
      requiredPeople: 1,
      critical: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect((await t.as(w.agency.token).get(skillUrl(w.planId, res.body.id))).body).toEqual(res.body);
    const log = await activity(w, 'skill');
    expect(log).toEqual([
      expect.objectContaining({
        action: 'create',
        entityId: res.body.id,
        changes: { name: 'Community management', category: null, requiredLevel: 3, requiredPeople: 1, critical: false },
      }),
    ]);
  });

  test('When a skill is critical, then critical reads back as a boolean true', async () => {
    const w = await planWorld(t);
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Crisis response', critical: true, requiredPeople: 2, category: 'Risk' });
    expect(skill).toMatchObject({ critical: true, requiredPeople: 2, category: 'Risk' });
    const read = await t.as(w.lead.token).get(skillUrl(w.planId, skill.id));
    expect(read.body.critical).toBe(true);
    expect(read.body.requiredLevel).toBe(2);
  });

  test.each([
    ['requiredLevel 0', { name: 'A', requiredLevel: 0 }, 'requiredLevel'],
    ['requiredLevel 5', { name: 'A', requiredLevel: 5 }, 'requiredLevel'],
    ['requiredLevel 2.5', { name: 'A', requiredLevel: 2.5 }, 'requiredLevel'],
    ['requiredPeople 0', { name: 'A', requiredLevel: 2, requiredPeople: 0 }, 'requiredPeople'],
    ['critical as a string', { name: 'A', requiredLevel: 2, critical: 'yes' }, 'critical'],
    ['no requiredLevel', { name: 'A' }, 'requiredLevel'],
    ['an unknown field', { name: 'A', requiredLevel: 2, level: 3 }, 'level'],
  ])('When the skill has %s, then it is 422 and nothing is added', async (_case, body, path) => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(skillsUrl(w.planId)).send(body);
    expectFieldError(res, path);
    expect(await listSkills(w)).toEqual([]);
  });

  test('When a skill name is taken in the plan (in any case), then it is 409 and nothing is added', async () => {
    const w = await planWorld(t);
    await createSkill(t, w.lead.token, w.planId, { name: 'Video editing' });
    expectProblem(await t.as(w.lead.token).post(skillsUrl(w.planId)).send({ name: 'Video editing', requiredLevel: 3 }), 409, 'duplicate');
    expectProblem(await t.as(w.lead.token).post(skillsUrl(w.planId)).send({ name: ' VIDEO EDITING ', requiredLevel: 3 }), 409, 'duplicate');
    const skills = await listSkills(w);
    expect(skills.map((s) => [s.name, s.requiredLevel])).toEqual([['Video editing', 2]]);
    expect((await activity(w, 'skill')).map((a) => a.action)).toEqual(['create']);
  });

  test('When another plan has a skill of the same name, then it is no conflict', async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    await createSkill(t, a.lead.token, a.planId, { name: 'Copywriting' });
    const res = await t.as(b.lead.token).post(skillsUrl(b.planId)).send({ name: 'Copywriting', requiredLevel: 2 });
    expect(res.status).toBe(201);
  });

  test('When skills are listed, then they come by name and filter by category and critical', async () => {
    const w = await planWorld(t);
    await createSkill(t, w.lead.token, w.planId, { name: 'video', category: 'Content' });
    await createSkill(t, w.lead.token, w.planId, { name: 'Analytics', category: 'Data', critical: true });
    await createSkill(t, w.lead.token, w.planId, { name: 'Crisis response', category: 'Risk', critical: true });
    expect((await listSkills(w)).map((s) => s.name)).toEqual(['Analytics', 'Crisis response', 'video']);
    const critical = await t.as(w.executive.token).get(`${skillsUrl(w.planId)}?critical=true`);
    expect(critical.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(critical.body.items.map((s: Skill) => s.name)).toEqual(['Analytics', 'Crisis response']);
    const notCritical = await t.as(w.executive.token).get(`${skillsUrl(w.planId)}?critical=false`);
    expect(notCritical.body.items.map((s: Skill) => s.name)).toEqual(['video']);
    const data = await t.as(w.agency.token).get(`${skillsUrl(w.planId)}?category=Data`);
    expect(data.body.items.map((s: Skill) => s.name)).toEqual(['Analytics']);
    const page = await t.as(w.lead.token).get(`${skillsUrl(w.planId)}?limit=1&offset=2`);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 2, items: [expect.objectContaining({ name: 'video' })] });
    expectProblem(await t.as(w.lead.token).get(`${skillsUrl(w.planId)}?critical=maybe`), 422, 'validation-failed');
  });

  test('When a lead edits a skill, then it is saved, read back, and logged as a diff', async () => {
    const w = await planWorld(t);
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video', requiredPeople: 1 });
    t.clock.advance(1000);
    const res = await t.as(w.lead.token).patch(skillUrl(w.planId, skill.id)).send({ requiredLevel: 4, critical: true, category: 'Content' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Video', requiredLevel: 4, critical: true, category: 'Content', requiredPeople: 1 });
    expect(res.body.updatedAt > skill.updatedAt).toBe(true);
    expect((await t.as(w.lead.token).get(skillUrl(w.planId, skill.id))).body).toEqual(res.body);
    const log = await activity(w, 'skill');
    expect(log[0]).toMatchObject({
      action: 'update',
      changes: { requiredLevel: { from: 2, to: 4 }, critical: { from: false, to: true }, category: { from: null, to: 'Content' } },
    });
  });

  test('When a skill is renamed to a name already taken, then it is 409 and it keeps its name', async () => {
    const w = await planWorld(t);
    await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const other = await createSkill(t, w.lead.token, w.planId, { name: 'Photo' });
    expectProblem(await t.as(w.lead.token).patch(skillUrl(w.planId, other.id)).send({ name: 'video' }), 409, 'duplicate');
    expect((await t.as(w.lead.token).get(skillUrl(w.planId, other.id))).body.name).toBe('Photo');
    const recased = await t.as(w.lead.token).patch(skillUrl(w.planId, other.id)).send({ name: 'PHOTO' });
    expect(recased.status).toBe(200);
    expect(recased.body.name).toBe('PHOTO');
  });

  test('When a lead deletes a skill, then it is 204 and it is gone with its assessments', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const kept = await createSkill(t, w.lead.token, w.planId, { name: 'Photo' });
    await createAssessment(t, w.lead.token, w.planId, { personId: person.id, skillId: skill.id }, { level: 3 });
    await createAssessment(t, w.lead.token, w.planId, { personId: person.id, skillId: kept.id }, { level: 1 });
    const res = await t.as(w.lead.token).delete(skillUrl(w.planId, skill.id));
    expect(res.status).toBe(204);
    expectProblem(await t.as(w.lead.token).get(skillUrl(w.planId, skill.id)), 404, 'not-found');
    expect((await listAssessments(w)).map((a) => a.skillId)).toEqual([kept.id]);
    expect((await coverage(w)).items.map((i) => i.skillId)).toEqual([kept.id]);
    expect((await activity(w, 'skill'))[0]).toMatchObject({ action: 'delete', entityId: skill.id, changes: { name: 'Video', assessmentsRemoved: 1 } });
  });

  test('When an executive or agency member writes skills, then it is 403 and nothing changes', async () => {
    const w = await planWorld(t);
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    for (const user of [w.executive, w.agency]) {
      expectProblem(await t.as(user.token).post(skillsUrl(w.planId)).send({ name: 'Photo', requiredLevel: 1 }), 403, 'forbidden');
      expectProblem(await t.as(user.token).patch(skillUrl(w.planId, skill.id)).send({ requiredLevel: 4 }), 403, 'forbidden');
      expectProblem(await t.as(user.token).delete(skillUrl(w.planId, skill.id)), 403, 'forbidden');
    }
    expect(await listSkills(w)).toEqual([skill]);
  });

  test('When someone outside the plan or signed out touches skills, then it is 404 or 401 and nothing changes', async () => {
    const w = await planWorld(t);
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const out = t.as(w.outsider.token);
    expectProblem(await out.get(skillsUrl(w.planId)), 404, 'not-found');
    expectProblem(await out.get(`${skillsUrl(w.planId)}/coverage`), 404, 'not-found');
    expectProblem(await out.get(`${skillsUrl(w.planId)}/matrix`), 404, 'not-found');
    expectProblem(await out.get(assessmentsUrl(w.planId)), 404, 'not-found');
    expectProblem(await out.patch(skillUrl(w.planId, skill.id)).send({ requiredLevel: 4 }), 404, 'not-found');
    expectProblem(await out.delete(skillUrl(w.planId, skill.id)), 404, 'not-found');
    expectProblem(await t.as().get(skillsUrl(w.planId)), 401, 'unauthorized');
    expectProblem(await t.as().get(`${skillsUrl(w.planId)}/coverage`), 401, 'unauthorized');
    expectProblem(await t.as().post(skillsUrl(w.planId)).send({ name: 'Photo', requiredLevel: 1 }), 401, 'unauthorized');
    expect(await listSkills(w)).toEqual([skill]);
  });

  test("When plan A's lead uses plan B's skill id, then it is 404 and B's skill is unchanged", async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    const theirs = await createSkill(t, b.lead.token, b.planId, { name: 'Theirs' });
    expectProblem(await t.as(a.lead.token).get(skillUrl(a.planId, theirs.id)), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).patch(skillUrl(a.planId, theirs.id)).send({ requiredLevel: 4 }), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).delete(skillUrl(a.planId, theirs.id)), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).get(skillUrl(b.planId, theirs.id)), 404, 'not-found');
    expect((await t.as(b.lead.token).get(skillUrl(b.planId, theirs.id))).body).toEqual(theirs);
  });

  test('When a skill id is unknown or malformed, then it is 404', async () => {
    const w = await planWorld(t);
    expectProblem(await t.as(w.lead.token).get(skillUrl(w.planId, UNKNOWN_ID)), 404, 'not-found');
    expectProblem(await t.as(w.lead.token).get(skillUrl(w.planId, 'nope')), 404, 'not-found');
  });
});

describe('assessments', () => {
  test('When a lead records an assessment without a date, then it is 201, stamped now, with the assessor, and logged', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const res = await t
      .as(w.lead.token)
      .post(assessmentsUrl(w.planId))
      .send({ personId: person.id, skillId: skill.id, level: 3, note: 'Cut the launch reel alone' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      planId: w.planId,
      personId: person.id,
      skillId: skill.id,
      level: 3,
      assessedAt: t.clock.now().toISOString(),
      note: 'Cut the launch reel alone',
      assessedBy: { id: w.lead.id, email: w.lead.email },
      createdAt: t.clock.now().toISOString(),
    });
    expect(await listAssessments(w)).toEqual([res.body]);
    expect(await activity(w, 'assessment')).toEqual([
      expect.objectContaining({
        action: 'create',
        entityId: res.body.id,
        changes: { personId: person.id, skillId: skill.id, level: 3, assessedAt: res.body.assessedAt, note: 'Cut the launch reel alone' },
      }),
    ]);
  });

  test('When assessedAt carries an offset, then it is stored and returned in UTC', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const a = await createAssessment(t, w.admin.token, w.planId, { personId: person.id, skillId: skill.id }, { level: 0, assessedAt: '2026-02-10T12:30:00+02:00' });
    expect(a.assessedAt).toBe('2026-02-10T10:30:00.000Z');
    expect(a.level).toBe(0);
  });

  test('When the person and skill are unknown or from another plan, then it is 422 naming each and nothing is stored', async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    const mine = await createPerson(t, a.lead.token, a.planId, { name: 'Ada' });
    const mySkill = await createSkill(t, a.lead.token, a.planId, { name: 'Video' });
    const theirPerson = await createPerson(t, b.lead.token, b.planId, { name: 'Theirs' });
    const theirSkill = await createSkill(t, b.lead.token, b.planId, { name: 'Video' });

    const both = await t.as(a.lead.token).post(assessmentsUrl(a.planId)).send({ personId: theirPerson.id, skillId: UNKNOWN_ID, level: 2 });
    expectProblem(both, 422, 'validation-failed');
    expect(both.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['personId', 'skillId']);

    const skillOnly = await t.as(a.lead.token).post(assessmentsUrl(a.planId)).send({ personId: mine.id, skillId: theirSkill.id, level: 2 });
    expectFieldError(skillOnly, 'skillId', { only: true });

    const personOnly = await t.as(a.lead.token).post(assessmentsUrl(a.planId)).send({ personId: UNKNOWN_ID, skillId: mySkill.id, level: 2 });
    expectFieldError(personOnly, 'personId', { only: true });

    expect(await listAssessments(a)).toEqual([]);
    expect((await t.as(b.lead.token).get(assessmentsUrl(b.planId))).body.total).toBe(0);
    expect(await activity(a, 'assessment')).toEqual([]);
  });

  test.each([
    ['level 5', { level: 5 }, 'level'],
    ['level -1', { level: -1 }, 'level'],
    ['level 2.5', { level: 2.5 }, 'level'],
    ['level as a string', { level: '3' }, 'level'],
    ['a date without time', { level: 2, assessedAt: '2026-02-10' }, 'assessedAt'],
    ['an unknown field', { level: 2, seq: 7 }, 'seq'],
  ])('When the assessment has %s, then it is 422 and nothing is stored', async (_case, extra, path) => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const res = await t.as(w.lead.token).post(assessmentsUrl(w.planId)).send({ personId: person.id, skillId: skill.id, ...extra });
    expectFieldError(res, path);
    expect(await listAssessments(w)).toEqual([]);
  });

  test('When an executive or agency member records an assessment, then it is 403 and nothing is stored', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    for (const user of [w.executive, w.agency]) {
      const res = await t.as(user.token).post(assessmentsUrl(w.planId)).send({ personId: person.id, skillId: skill.id, level: 4 });
      expectProblem(res, 403, 'forbidden');
    }
    expect(await listAssessments(w)).toEqual([]);
  });

  test('When agency staff read assessments or the matrix, then it is 403; executives may read both', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const skill = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    await createAssessment(t, w.lead.token, w.planId, { personId: person.id, skillId: skill.id }, { level: 2 });
    expectProblem(await t.as(w.agency.token).get(assessmentsUrl(w.planId)), 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).get(`${skillsUrl(w.planId)}/matrix`), 403, 'forbidden');
    expect((await t.as(w.executive.token).get(assessmentsUrl(w.planId))).body.total).toBe(1);
    expect((await t.as(w.executive.token).get(`${skillsUrl(w.planId)}/matrix`)).status).toBe(200);
    expect((await t.as(w.agency.token).get(`${skillsUrl(w.planId)}/coverage`)).status).toBe(200);
  });

  test('When assessments are listed, then the history is kept newest first and filters by person and skill', async () => {
    const w = await planWorld(t);
    const ada = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const bob = await createPerson(t, w.lead.token, w.planId, { name: 'Bob' });
    const video = await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const copy = await createSkill(t, w.lead.token, w.planId, { name: 'Copy' });
    const a1 = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: video.id }, { level: 1, assessedAt: '2026-01-05T09:00:00.000Z' });
    const a2 = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: video.id }, { level: 3, assessedAt: '2026-02-05T09:00:00.000Z' });
    const a0 = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: video.id }, { level: 0, assessedAt: '2025-12-01T09:00:00.000Z' }); // late entry of an old one
    const b1 = await createAssessment(t, w.lead.token, w.planId, { personId: bob.id, skillId: video.id }, { level: 2, assessedAt: '2026-01-20T09:00:00.000Z' });
    const c1 = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: copy.id }, { level: 4, assessedAt: '2026-01-10T09:00:00.000Z' });
    const ids = (items: Assessment[]) => items.map((a) => a.id);
    expect(ids(await listAssessments(w))).toEqual([a2.id, b1.id, c1.id, a1.id, a0.id]);
    expect(ids(await listAssessments(w, `?personId=${ada.id}`))).toEqual([a2.id, c1.id, a1.id, a0.id]);
    expect(ids(await listAssessments(w, `?skillId=${video.id}`))).toEqual([a2.id, b1.id, a1.id, a0.id]);
    expect(ids(await listAssessments(w, `?personId=${ada.id}&skillId=${video.id}&limit=2&offset=1`))).toEqual([a1.id, a0.id]);
    const page = await t.as(w.lead.token).get(`${assessmentsUrl(w.planId)}?personId=${bob.id}`);
    expect(page.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expectProblem(await t.as(w.lead.token).get(`${assessmentsUrl(w.planId)}?personId=nope`), 422, 'validation-failed');
  });

  test('When two assessments share assessedAt, then the later recorded one is listed first and is current', async () => {
    const w = await planWorld(t);
    const ada = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const video = await createSkill(t, w.lead.token, w.planId, { name: 'Video', requiredLevel: 3 });
    const at = '2026-02-01T12:00:00.000Z';
    const first = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: video.id }, { level: 4, assessedAt: at });
    const second = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: video.id }, { level: 1, assessedAt: at });
    expect((await listAssessments(w)).map((a) => a.id)).toEqual([second.id, first.id]);
    expect((await coverage(w)).items[0]).toMatchObject({ qualifiedPeople: 0, gap: 1 });
    const third = await createAssessment(t, w.lead.token, w.planId, { personId: ada.id, skillId: video.id }, { level: 3, assessedAt: at });
    expect((await listAssessments(w)).map((a) => a.id)).toEqual([third.id, second.id, first.id]);
    expect((await coverage(w)).items[0]).toMatchObject({ qualifiedPeople: 1, gap: 0 });
    const matrix = await t.as(w.lead.token).get(`${skillsUrl(w.planId)}/matrix`);
    expect(matrix.body.cells).toEqual([{ personId: ada.id, skillId: video.id, level: 3, assessedAt: at }]);
  });

  test('When assessments of one person and skill arrive at once with the same assessedAt, then all are kept and the current is the first listed', async () => {
    const w = await planWorld(t);
    const ada = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const video = await createSkill(t, w.lead.token, w.planId, { name: 'Video', requiredLevel: 3 });
    const at = '2026-02-01T12:00:00.000Z';
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((level) =>
        t.as(w.lead.token).post(assessmentsUrl(w.planId)).send({ personId: ada.id, skillId: video.id, level, assessedAt: at }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const history = await listAssessments(w);
    expect(history.map((a) => a.level).sort()).toEqual([0, 1, 2, 3, 4]);
    const matrix = await t.as(w.lead.token).get(`${skillsUrl(w.planId)}/matrix`);
    expect(matrix.body.cells).toEqual([{ personId: ada.id, skillId: video.id, level: history[0]!.level, assessedAt: at }]);
    expect((await coverage(w)).items[0]!.qualifiedPeople).toBe(history[0]!.level >= 3 ? 1 : 0);
  });
});

describe('coverage', () => {
  test('When a plan has no skills, then coverage is empty and closedShare is 1', async () => {
    const w = await planWorld(t);
    await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    expect(await coverage(w, w.agency.token)).toEqual({ items: [], totals: { required: 0, gap: 0, closedShare: 1 } });
  });

  test('When skills have no assessments, then every required person is a gap and closedShare is 0', async () => {
    const w = await planWorld(t);
    await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    await createSkill(t, w.lead.token, w.planId, { name: 'Video', requiredPeople: 2 });
    await createSkill(t, w.lead.token, w.planId, { name: 'Copy', requiredPeople: 1 });
    const c = await coverage(w);
    expect(c.items.map((i) => [i.name, i.qualifiedPeople, i.gap])).toEqual([
      ['Copy', 0, 1],
      ['Video', 0, 2],
    ]);
    expect(c.totals).toEqual({ required: 3, gap: 3, closedShare: 0 });
  });

  test('When levels are mixed, then coverage counts current levels at or above the requirement and never a negative gap', async () => {
    const w = await planWorld(t);
    const [p1, p2, p3] = [
      await createPerson(t, w.lead.token, w.planId, { name: 'P1' }),
      await createPerson(t, w.lead.token, w.planId, { name: 'P2' }),
      await createPerson(t, w.lead.token, w.planId, { name: 'P3' }),
    ];
    // A: level 3, 2 people, critical. B: level 2, 1 person. C: level 4, 3 people.
    const a = await createSkill(t, w.lead.token, w.planId, { name: 'A', requiredLevel: 3, requiredPeople: 2, critical: true });
    const b = await createSkill(t, w.lead.token, w.planId, { name: 'B', requiredLevel: 2, requiredPeople: 1 });
    const c = await createSkill(t, w.lead.token, w.planId, { name: 'C', requiredLevel: 4, requiredPeople: 3 });
    const t1 = '2026-01-01T00:00:00.000Z';
    const t2 = '2026-02-01T00:00:00.000Z';
    const t3 = '2026-02-15T00:00:00.000Z';
    // A: P1 rises 2 → 3 (qualified); P2 was 4, an older 1 recorded later does not count (qualified);
    // P3 is 3 then 2 at the same instant, the later recorded 2 wins (not qualified). → 2 of 2, gap 0.
    await createAssessment(t, w.lead.token, w.planId, { personId: p1.id, skillId: a.id }, { level: 2, assessedAt: t1 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p1.id, skillId: a.id }, { level: 3, assessedAt: t2 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p2.id, skillId: a.id }, { level: 4, assessedAt: t2 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p2.id, skillId: a.id }, { level: 1, assessedAt: t1 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p3.id, skillId: a.id }, { level: 3, assessedAt: t3 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p3.id, skillId: a.id }, { level: 2, assessedAt: t3 });
    // B: over-qualified, 3 people at or above level 2 for 1 required → gap 0, not −2.
    await createAssessment(t, w.lead.token, w.planId, { personId: p1.id, skillId: b.id }, { level: 4, assessedAt: t1 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p2.id, skillId: b.id }, { level: 2, assessedAt: t1 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p3.id, skillId: b.id }, { level: 3, assessedAt: t1 });
    // C: only P1 at level 4; P2 at 3 is below; P3 never assessed. → 1 of 3, gap 2.
    await createAssessment(t, w.lead.token, w.planId, { personId: p1.id, skillId: c.id }, { level: 4, assessedAt: t2 });
    await createAssessment(t, w.lead.token, w.planId, { personId: p2.id, skillId: c.id }, { level: 3, assessedAt: t2 });

    const res = await coverage(w, w.agency.token);
    expect(res.items).toEqual([
      { skillId: a.id, name: 'A', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 2, gap: 0, critical: true },
      { skillId: b.id, name: 'B', category: null, requiredLevel: 2, requiredPeople: 1, qualifiedPeople: 3, gap: 0, critical: false },
      { skillId: c.id, name: 'C', category: null, requiredLevel: 4, requiredPeople: 3, qualifiedPeople: 1, gap: 2, critical: false },
    ]);
    // required = 2 + 1 + 3 = 6; gap = 0 + 0 + 2 = 2; closedShare = 1 − 2/6.
    expect(res.totals.required).toBe(6);
    expect(res.totals.gap).toBe(2);
    expect(res.totals.closedShare).toBeCloseTo(2 / 3, 10);

    // The matrix shows the same current levels, 0 and no date where never assessed.
    const matrix = await t.as(w.executive.token).get(`${skillsUrl(w.planId)}/matrix`);
    expect(matrix.status).toBe(200);
    expect(matrix.body.people).toEqual([
      { id: p1.id, name: 'P1', title: null },
      { id: p2.id, name: 'P2', title: null },
      { id: p3.id, name: 'P3', title: null },
    ]);
    expect(matrix.body.skills).toEqual([
      { id: a.id, name: 'A', category: null, requiredLevel: 3, critical: true },
      { id: b.id, name: 'B', category: null, requiredLevel: 2, critical: false },
      { id: c.id, name: 'C', category: null, requiredLevel: 4, critical: false },
    ]);
    expect(matrix.body.cells).toEqual([
      { personId: p1.id, skillId: a.id, level: 3, assessedAt: t2 },
      { personId: p1.id, skillId: b.id, level: 4, assessedAt: t1 },
      { personId: p1.id, skillId: c.id, level: 4, assessedAt: t2 },
      { personId: p2.id, skillId: a.id, level: 4, assessedAt: t2 },
      { personId: p2.id, skillId: b.id, level: 2, assessedAt: t1 },
      { personId: p2.id, skillId: c.id, level: 3, assessedAt: t2 },
      { personId: p3.id, skillId: a.id, level: 2, assessedAt: t3 },
      { personId: p3.id, skillId: b.id, level: 3, assessedAt: t1 },
      { personId: p3.id, skillId: c.id, level: 0, assessedAt: null },
    ]);
  });

  test('When a plan has skills but no people, then the matrix has no cells', async () => {
    const w = await planWorld(t);
    await createSkill(t, w.lead.token, w.planId, { name: 'Video' });
    const matrix = await t.as(w.lead.token).get(`${skillsUrl(w.planId)}/matrix`);
    expect(matrix.status).toBe(200);
    expect(matrix.body).toMatchObject({ people: [], cells: [] });
    expect(matrix.body.skills).toHaveLength(1);
  });

  test("When another plan has assessments, then this plan's coverage ignores them", async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    const mine = await createSkill(t, a.lead.token, a.planId, { name: 'Video', requiredLevel: 1 });
    const theirPerson = await createPerson(t, b.lead.token, b.planId, { name: 'Theirs' });
    const theirSkill = await createSkill(t, b.lead.token, b.planId, { name: 'Video', requiredLevel: 1 });
    await createAssessment(t, b.lead.token, b.planId, { personId: theirPerson.id, skillId: theirSkill.id }, { level: 4 });
    const c = await coverage(a);
    expect(c.items).toEqual([expect.objectContaining({ skillId: mine.id, qualifiedPeople: 0, gap: 1 })]);
  });

  test('When coverage or matrix is asked for with the wrong method, then it is 405', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(`${skillsUrl(w.planId)}/coverage`).send({});
    expectProblem(res, 405, 'method-not-allowed');
  });
});
