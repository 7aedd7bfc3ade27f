import { setupApp } from '../../support/app';
import { planWorld, type PlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { addEntry, rosterPath } from './helpers';

// The roster's own routes: create, read, edit, delete, versions, overlaps and roles (docs/domain.md#ingest).

const t = setupApp();
let w: PlanWorld;
beforeEach(async () => {
  w = await planWorld(t);
});

const base = () => rosterPath(w.planId);
const entryPath = (id: string) => `${base()}/${id}`;
async function total(): Promise<number> {
  return (await t.as(w.admin.token).get(`${base()}?limit=1`)).body.total as number;
}

describe('roster entries', () => {
  test('When a lead adds, reads, edits and deletes an entry, then each step is stored, versioned and logged', async () => {
    const created = await t.as(w.lead.token).post(base()).send({ kind: 'author', match: ' Ann@Brand.com ', side: 'in_house', from: '2026-01-01', note: 'Social lead' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ kind: 'author', match: 'Ann@Brand.com', side: 'in_house', from: '2026-01-01', to: null, note: 'Social lead', version: 1, createdBy: w.lead.id, planId: w.planId });
    const id = created.body.id as string;

    const read = await t.as(w.executive.token).get(entryPath(id));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.etag).toBe('"1"');
    const list = await t.as(w.agency.token).get(`${base()}?kind=author`);
    expect(list.body).toMatchObject({ total: 1, items: [{ id }] });
    expect((await t.as(w.agency.token).get(`${base()}?kind=channel`)).body.total).toBe(0);

    const edited = await t.as(w.lead.token).patch(entryPath(id)).set('If-Match', '"1"').send({ to: '2026-06-30', note: null });
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.body).toMatchObject({ from: '2026-01-01', to: '2026-06-30', note: null, version: 2 });
    expect((await t.as(w.lead.token).get(entryPath(id))).body).toEqual(edited.body);

    await t.as(w.lead.token).delete(entryPath(id)).set('If-Match', '"2"').expect(204);
    expectProblem(await t.as(w.lead.token).get(entryPath(id)), 404, 'not-found');

    const log = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/activity?entity=roster_entry`);
    expect(log.body.items.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(log.body.items[1].changes).toMatchObject({ to: { from: null, to: '2026-06-30' }, note: { from: 'Social lead', to: null } });
  });

  test('When an edit has no If-Match, a stale one, or a range that ends before it starts, then 428, 412 or 422 and nothing changes', async () => {
    const e = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'agency', from: '2026-03-01' });
    expectProblem(await t.as(w.lead.token).patch(entryPath(e.id)).send({ side: 'in_house' }), 428);
    const stale = await t.as(w.lead.token).patch(entryPath(e.id)).set('If-Match', '"7"').send({ side: 'in_house' });
    expectProblem(stale, 412);
    expect(stale.headers.etag).toBe('"1"');
    expectFieldError(await t.as(w.lead.token).patch(entryPath(e.id)).set('If-Match', '"1"').send({ to: '2026-02-01' }), 'to');
    expectFieldError(await t.as(w.lead.token).post(base()).send({ kind: 'channel', match: 'x', side: 'agency', from: '2026-02-02', to: '2026-02-01' }), 'to');
    expectFieldError(await t.as(w.lead.token).post(base()).send({ kind: 'team', match: 'x', side: 'agency' }), 'kind');
    expectFieldError(await t.as(w.lead.token).post(base()).send({ kind: 'author', match: 'x', side: 'co_authored' }), 'side');
    expectProblem(await t.as(w.lead.token).delete(entryPath(e.id)).set('If-Match', '"3"'), 412);
    expect((await t.as(w.lead.token).get(entryPath(e.id))).body).toEqual(e);
  });

  test('When an entry is created twice with one Idempotency-Key, then one entry exists and the replay matches', async () => {
    const body = { kind: 'author', match: 'Bo', side: 'agency' };
    const first = await t.as(w.lead.token).post(base()).set('Idempotency-Key', 'roster-1').send(body);
    const second = await t.as(w.lead.token).post(base()).set('Idempotency-Key', 'roster-1').send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await total()).toBe(1);
  });

  test('When two entries of one kind have the same normalised match and overlapping dates, then 409 and nothing is stored', async () => {
    await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'ann@brand.com', side: 'agency', to: '2026-03-31' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: 'Twitter', side: 'agency', from: '2026-01-01', to: '2026-03-31' });
    const before = await total();
    expectProblem(await t.as(w.lead.token).post(base()).send({ kind: 'author', match: '  ANN@brand.com', side: 'in_house', from: '2026-03-31' }), 409, 'conflict');
    // `x` is the canonical name of `Twitter`: the same channel entry.
    expectProblem(await t.as(w.lead.token).post(base()).send({ kind: 'channel', match: 'x', side: 'in_house', from: '2026-02-01' }), 409, 'conflict');
    expect(await total()).toBe(before);
    // The day after the end is free; another kind with the same text is another entry.
    await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'ann@brand.com', side: 'in_house', from: '2026-04-01' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: 'x', side: 'in_house', from: '2026-04-01' });
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: 'ann@brand.com', side: 'agency' });
    expect(await total()).toBe(before + 3);
  });

  test('When an edit would make an entry overlap another, then 409 and the entry is unchanged', async () => {
    await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@brand', side: 'agency', to: '2026-03-31' });
    const later = await addEntry(t, w.lead.token, w.planId, { kind: 'channel', match: '@Brand', side: 'in_house', from: '2026-04-01' });
    expectProblem(await t.as(w.lead.token).patch(entryPath(later.id)).set('If-Match', '"1"').send({ from: '2026-03-15' }), 409, 'conflict');
    expect((await t.as(w.lead.token).get(entryPath(later.id))).body).toEqual(later);
    // An edit of its own dates never clashes with itself.
    await t.as(w.lead.token).patch(entryPath(later.id)).set('If-Match', '"1"').send({ from: '2026-04-02' }).expect(200);
  });
});

describe('who may change the roster', () => {
  test('When agency staff add entries, then only author entries of the agency side are accepted', async () => {
    const before = await total();
    expectProblem(await t.as(w.agency.token).post(base()).send({ kind: 'author', match: 'Cy', side: 'in_house' }), 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).post(base()).send({ kind: 'channel', match: '@agency', side: 'agency' }), 403, 'forbidden');
    expect(await total()).toBe(before);
    const own = await addEntry(t, w.agency.token, w.planId, { kind: 'author', match: 'Cy', side: 'agency' });
    expect(own.createdBy).toBe(w.agency.id);
  });

  test('When agency staff edit or delete entries, then only their own, and never to another kind or side', async () => {
    const own = await addEntry(t, w.agency.token, w.planId, { kind: 'author', match: 'Di', side: 'agency' });
    const leads = await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'Ed', side: 'agency' });
    expectProblem(await t.as(w.agency.token).patch(entryPath(leads.id)).set('If-Match', '"1"').send({ note: 'mine now' }), 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).delete(entryPath(leads.id)), 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).patch(entryPath(own.id)).set('If-Match', '"1"').send({ side: 'in_house' }), 403, 'forbidden');
    expect((await t.as(w.lead.token).get(entryPath(leads.id))).body).toEqual(leads);
    expect((await t.as(w.lead.token).get(entryPath(own.id))).body).toEqual(own);
    await t.as(w.agency.token).patch(entryPath(own.id)).set('If-Match', '"1"').send({ note: 'copywriter' }).expect(200);
    await t.as(w.agency.token).delete(entryPath(own.id)).expect(204);
    // A lead may change any entry, the agency's too.
    const again = await addEntry(t, w.agency.token, w.planId, { kind: 'author', match: 'Fa', side: 'agency' });
    await t.as(w.lead.token).patch(entryPath(again.id)).set('If-Match', '"1"').send({ side: 'in_house' }).expect(200);
  });

  test('When an executive, a non-member or an anonymous caller writes, then 403, 404 or 401; reads follow the read row', async () => {
    const e = await addEntry(t, w.lead.token, w.planId, { kind: 'author', match: 'Gil', side: 'agency' });
    const body = { kind: 'author', match: 'Hal', side: 'agency' };
    expectProblem(await t.as(w.executive.token).post(base()).send(body), 403);
    expectProblem(await t.as(w.executive.token).patch(entryPath(e.id)).set('If-Match', '"1"').send({ note: 'x' }), 403);
    expectProblem(await t.as(w.executive.token).delete(entryPath(e.id)), 403);
    expectProblem(await t.as(w.outsider.token).post(base()).send(body), 404);
    expectProblem(await t.as(w.outsider.token).get(entryPath(e.id)), 404);
    expectProblem(await t.as().get(base()), 401);
    expect(await total()).toBe(1);
    // An entry of another plan is as unknown as none.
    const other = await planWorld(t, w.admin);
    expectProblem(await t.as(w.admin.token).get(`${rosterPath(other.planId)}/${e.id}`), 404);
  });
});
