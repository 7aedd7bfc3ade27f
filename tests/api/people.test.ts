import type { Page, Person } from '@handover/shared';
import { setupApp } from '../support/app';
import { createPerson, getBody, planWorld, UUID, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const t = setupApp();

const peopleUrl = (planId: string) => `/api/v1/plans/${planId}/people`;
const personUrl = (planId: string, id: string) => `${peopleUrl(planId)}/${id}`;

const personLog = async (w: PlanWorld, entityId: string) => (await activityOf(t, w.lead.token, w.planId, `entity=person&entityId=${entityId}`)).items;
const listPeople = (w: PlanWorld) => getBody<Page<Person>>(t, w.lead.token, peopleUrl(w.planId));

describe('creating people', () => {
  test('When a lead adds a person, then it is 201 with the person, readable back and logged', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(peopleUrl(w.planId)).send({ name: '  Grace Hopper ', title: 'Social lead' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      planId: w.planId,
      name: 'Grace Hopper',
      title: 'Social lead',
      createdAt: expect.any(String),
      updatedAt: res.body.createdAt,
    });
    const read = await t.as(w.lead.token).get(personUrl(w.planId, res.body.id));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    const log = await personLog(w, res.body.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'create', actor: { id: w.lead.id }, changes: { name: 'Grace Hopper', title: 'Social lead' } });
  });

  test('When an admin adds a person without a title, then the title is null', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.admin.token).post(peopleUrl(w.planId)).send({ name: 'Linus' });
    expect(res.status).toBe(201);
    expect(res.body.title).toBeNull();
  });

  test.each([
    ['an empty name', { name: '   ' }, 'name'],
    ['no name', { title: 'Editor' }, 'name'],
    ['an unknown field', { name: 'Ada', email: 'ada@example.com' }, 'email'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a client-set id', { name: 'Ada', id: '7d1b3a5e-1111-4222-8333-444455556666' }, 'id'],
  ])('When the body has %s, then it is 422 and nobody is added', async (_case, body, path) => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(peopleUrl(w.planId)).send(body);
    expectFieldError(res, path);
    expect((await listPeople(w)).total).toBe(0);
  });

  test('When the body is not JSON, then it is 415 and nobody is added', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(peopleUrl(w.planId)).set('Content-Type', 'text/plain').send('name=Ada');
    expectProblem(res, 415);
    expect((await listPeople(w)).total).toBe(0);
  });
});

describe('who may do what', () => {
  test('When an executive or agency member writes people, then it is 403 and nothing changes', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada', title: 'Editor' });
    for (const user of [w.executive, w.agency]) {
      expectProblem(await t.as(user.token).post(peopleUrl(w.planId)).send({ name: 'Intruder' }), 403, 'forbidden');
      expectProblem(await t.as(user.token).patch(personUrl(w.planId, person.id)).send({ name: 'Renamed' }), 403, 'forbidden');
      expectProblem(await t.as(user.token).delete(personUrl(w.planId, person.id)), 403, 'forbidden');
    }
    const after = await listPeople(w);
    expect(after.total).toBe(1);
    expect(after.items[0]).toMatchObject({ id: person.id, name: 'Ada', title: 'Editor' });
    expect((await personLog(w, person.id)).map((a) => a.action)).toEqual(['create']);
  });

  test('When any member reads people, then they see the list and each person', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId);
    for (const user of [w.admin, w.lead, w.executive, w.agency]) {
      const list = await t.as(user.token).get(peopleUrl(w.planId));
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
      const one = await t.as(user.token).get(personUrl(w.planId, person.id));
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(person.id);
    }
  });

  test('When someone outside the plan touches its people, then it is 404 and nothing changes', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const as = t.as(w.outsider.token);
    expectProblem(await as.get(peopleUrl(w.planId)), 404, 'not-found');
    expectProblem(await as.get(personUrl(w.planId, person.id)), 404, 'not-found');
    expectProblem(await as.post(peopleUrl(w.planId)).send({ name: 'Intruder' }), 404, 'not-found');
    expectProblem(await as.patch(personUrl(w.planId, person.id)).send({ name: 'X' }), 404, 'not-found');
    expectProblem(await as.delete(personUrl(w.planId, person.id)), 404, 'not-found');
    const after = await listPeople(w);
    expect(after.items).toEqual([expect.objectContaining({ id: person.id, name: 'Ada' })]);
  });

  test('When nobody is signed in, then every people route is 401 and nothing changes', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    expectProblem(await t.as().get(peopleUrl(w.planId)), 401, 'unauthorized');
    expectProblem(await t.as().post(peopleUrl(w.planId)).send({ name: 'Anon' }), 401, 'unauthorized');
    expectProblem(await t.as().patch(personUrl(w.planId, person.id)).send({ name: 'X' }), 401, 'unauthorized');
    expectProblem(await t.as().delete(personUrl(w.planId, person.id)), 401, 'unauthorized');
    expect((await listPeople(w)).items).toEqual([expect.objectContaining({ name: 'Ada' })]);
  });
});

describe('listing', () => {
  test('When people are listed, then they come by name with total, limit and offset', async () => {
    const w = await planWorld(t);
    for (const name of ['Carol', 'alice', 'Bob', 'Dave']) await createPerson(t, w.lead.token, w.planId, { name });
    const all = await listPeople(w);
    expect(all.total).toBe(4);
    expect(all).toMatchObject({ limit: 50, offset: 0 });
    const names = all.items.map((p) => p.name);
    expect(names).toEqual(['alice', 'Bob', 'Carol', 'Dave']);
    const page = await t.as(w.executive.token).get(`${peopleUrl(w.planId)}?limit=2&offset=1`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.body.items.map((p: { name: string }) => p.name)).toEqual(['Bob', 'Carol']);
  });

  test('When the limit is above the maximum, then it is capped at 200', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).get(`${peopleUrl(w.planId)}?limit=5000`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0, limit: 200, offset: 0 });
  });

  test.each([['limit=0'], ['limit=abc'], ['offset=-1'], ['name=Ada']])(
    'When the query has %s, then it is 422',
    async (query) => {
      const w = await planWorld(t);
      expectProblem(await t.as(w.lead.token).get(`${peopleUrl(w.planId)}?${query}`), 422, 'validation-failed');
    },
  );
});

describe('editing', () => {
  test('When a lead renames a person and clears the title without If-Match, then it is saved and logged as a diff', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada', title: 'Editor' });
    t.clock.advance(1000);
    const res = await t.as(w.lead.token).patch(personUrl(w.planId, person.id)).send({ name: 'Ada L.', title: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: person.id, name: 'Ada L.', title: null });
    expect(res.body.updatedAt > person.updatedAt).toBe(true);
    const read = await t.as(w.agency.token).get(personUrl(w.planId, person.id));
    expect(read.body).toEqual(res.body);
    const log = await personLog(w, person.id);
    expect(log[0]).toMatchObject({
      action: 'update',
      changes: { name: { from: 'Ada', to: 'Ada L.' }, title: { from: 'Editor', to: null } },
    });
  });

  test('When an edit changes nothing, then it is 200 with the person and nothing is logged', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const res = await t.as(w.lead.token).patch(personUrl(w.planId, person.id)).send({ name: 'Ada' });
    expect(res.status).toBe(200);
    expect(res.body.updatedAt).toBe(person.updatedAt);
    expect((await personLog(w, person.id)).map((a) => a.action)).toEqual(['create']);
  });

  test('When an edit is invalid, then it is 422 and the person is unchanged', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const res = await t.as(w.lead.token).patch(personUrl(w.planId, person.id)).send({ name: '', planId: w.planId });
    expectProblem(res, 422, 'validation-failed');
    expect((await t.as(w.lead.token).get(personUrl(w.planId, person.id))).body.name).toBe('Ada');
  });
});

describe('deleting', () => {
  test('When a lead deletes a person, then it is 204, they are gone with their assessments, and it is logged', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId, { name: 'Ada' });
    const other = await createPerson(t, w.lead.token, w.planId, { name: 'Bob' });
    const skill = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/skills`).send({ name: 'Video', requiredLevel: 2 });
    expect(skill.status).toBe(201);
    for (const p of [person, other]) {
      const a = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/assessments`).send({ personId: p.id, skillId: skill.body.id, level: 3 });
      expect(a.status).toBe(201);
    }
    const res = await t.as(w.lead.token).delete(personUrl(w.planId, person.id));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectProblem(await t.as(w.lead.token).get(personUrl(w.planId, person.id)), 404, 'not-found');
    expect((await listPeople(w)).items.map((p) => p.id)).toEqual([other.id]);
    const assessments = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/assessments`);
    expect(assessments.body.items.map((a: { personId: string }) => a.personId)).toEqual([other.id]);
    const log = await personLog(w, person.id);
    expect(log[0]).toMatchObject({ action: 'delete', changes: { name: 'Ada', assessmentsRemoved: 1 } });
  });

  test('When a person is deleted twice, then the second is 404', async () => {
    const w = await planWorld(t);
    const person = await createPerson(t, w.lead.token, w.planId);
    expect((await t.as(w.lead.token).delete(personUrl(w.planId, person.id))).status).toBe(204);
    expectProblem(await t.as(w.lead.token).delete(personUrl(w.planId, person.id)), 404, 'not-found');
  });
});

describe('ids', () => {
  test("When a member of plan A uses plan B's person id under plan A, then it is 404 and B's person is unchanged", async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    const theirs = await createPerson(t, b.lead.token, b.planId, { name: 'Theirs' });
    expectProblem(await t.as(a.lead.token).get(personUrl(a.planId, theirs.id)), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).patch(personUrl(a.planId, theirs.id)).send({ name: 'Mine now' }), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).delete(personUrl(a.planId, theirs.id)), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).get(personUrl(b.planId, theirs.id)), 404, 'not-found');
    expectProblem(await t.as(a.lead.token).delete(personUrl(b.planId, theirs.id)), 404, 'not-found');
    const read = await t.as(b.lead.token).get(personUrl(b.planId, theirs.id));
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Theirs');
    expect((await listPeople(a)).total).toBe(0);
  });

  test('When the person id is unknown or malformed, then it is 404', async () => {
    const w = await planWorld(t);
    expectProblem(await t.as(w.lead.token).get(personUrl(w.planId, '6f1c2a4e-0000-4000-8000-000000000000')), 404, 'not-found');
    expectProblem(await t.as(w.lead.token).get(personUrl(w.planId, 'not-a-uuid')), 404, 'not-found');
    expectProblem(await t.as(w.lead.token).patch(personUrl(w.planId, 'not-a-uuid')).send({ name: 'X' }), 404, 'not-found');
  });
});
