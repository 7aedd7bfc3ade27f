import type { ExitItem } from '@handover/shared';
import { setupApp } from '../../support/app';
import { GHOST, UUID, createPerson, planWorld, type PlanWorld } from '../../support/fixtures';
import { activityOf } from '../../support/http';
import { expectFieldError, expectProblem } from '../../support/problem';
import { createExitItem, itemUrl, itemsUrl, listItems, readItem } from './exit-items.fixtures';

// The exit checklist's create, read, edit and delete (docs/domain.md#exit-checklist).
const NOW = '2026-03-02T10:00:00.000Z';
const t = setupApp({ now: NOW });

const read = (w: PlanWorld, id: string) => readItem(t, w.lead.token, w.planId, id);
const list = (w: PlanWorld, query?: Record<string, string | number>) => listItems(t, w.lead.token, w.planId, query);
const activity = async (w: PlanWorld, entityId: string) => (await activityOf(t, w.lead.token, w.planId, `entity=exit_item&entityId=${entityId}`)).items;

describe('creating', () => {
  test('When agency staff list an item, then it is 201 at "listed", version 1, with an ETag, read back the same, and logged', async () => {
    const w = await planWorld(t);
    const owner = await createPerson(t, w.lead.token, w.planId, { name: 'Mia Jensen' });
    const res = await t.as(w.agency.token).post(itemsUrl(w.planId)).send({
      kind: 'ad_account',
      name: ' Meta ad account ',
      channel: 'facebook',
      owner: owner.id,
      dueDate: '2026-04-30',
      evidence: 'Business Manager shows the brand as owner; screenshot in ticket IT-4412.',
      evidenceUrl: 'https://business.facebook.com/settings/ad-accounts/123456789012345?business_id=987654321',
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      planId: w.planId,
      kind: 'ad_account',
      name: 'Meta ad account',
      channel: 'facebook',
      owner: owner.id,
      dueDate: '2026-04-30',
      status: 'listed',
      evidence: 'Business Manager shows the brand as owner; screenshot in ticket IT-4412.',
      evidenceUrl: 'https://business.facebook.com/settings/ad-accounts/123456789012345?business_id=987654321',
      history: [],
      createdBy: w.agency.id,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await read(w, res.body.id)).toEqual(res.body);
    expect(await activity(w, res.body.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'exit_item',
        actor: expect.objectContaining({ id: w.agency.id }),
        changes: expect.objectContaining({ kind: 'ad_account', name: 'Meta ad account', status: 'listed', dueDate: '2026-04-30' }),
      }),
    ]);
  });

  test('When a lead lists an item with only kind and name, then the optional fields are null', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.lead.token, w.planId, { kind: 'contract', name: 'Agency contract', channel: undefined });
    expect(item).toMatchObject({ channel: null, owner: null, dueDate: null, evidence: null, evidenceUrl: null, status: 'listed' });
  });

  test.each([
    ['no name', { kind: 'other' }, 'name'],
    ['an unknown kind', { kind: 'password', name: 'A' }, 'kind'],
    ['a status', { kind: 'other', name: 'A', status: 'verified' }, 'status'],
    ['a version', { kind: 'other', name: 'A', version: 2 }, 'version'],
    ['a link with a user and password', { kind: 'other', name: 'A', evidenceUrl: 'https://admin:hunter2@example.com/' }, 'evidenceUrl'],
    ['a link that is not http(s)', { kind: 'other', name: 'A', evidenceUrl: 'ftp://example.com/file' }, 'evidenceUrl'],
    ['a due date that does not exist', { kind: 'other', name: 'A', dueDate: '2026-02-30' }, 'dueDate'],
  ])('When the item has %s, then it is 422 and nothing is created', async (_case, body, path) => {
    const w = await planWorld(t);
    expectFieldError(await t.as(w.lead.token).post(itemsUrl(w.planId)).send(body), path);
    expect((await list(w)).total).toBe(0);
  });

  test('When the owner is not a person of the plan, then it is 422 naming owner and nothing is created', async () => {
    const w = await planWorld(t);
    const other = await planWorld(t, w.admin);
    const stranger = await createPerson(t, other.lead.token, other.planId);
    for (const owner of [GHOST, stranger.id]) {
      const res = await t.as(w.lead.token).post(itemsUrl(w.planId)).send({ kind: 'brand_asset', name: 'Logo files', owner });
      expectFieldError(res, 'owner', 'no such person in this plan');
    }
    expect((await list(w)).total).toBe(0);
  });

  test('When a create is retried with the same Idempotency-Key and body, then the first response is replayed and one item exists', async () => {
    const w = await planWorld(t);
    const send = (body: object) => t.as(w.agency.token).post(itemsUrl(w.planId)).set('Idempotency-Key', 'exit-item-1').send(body);
    const first = await send({ kind: 'social_account', name: 'TikTok' });
    expect(first.status).toBe(201);
    const again = await send({ kind: 'social_account', name: 'TikTok' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expectProblem(await send({ kind: 'social_account', name: 'YouTube' }), 422, 'idempotency-key-reused');
    expect((await list(w)).items.map((i) => i.id)).toEqual([first.body.id]);
    expect((await activity(w, first.body.id)).map((a) => a.action)).toEqual(['create']);
  });

  test('When an executive lists an item, then it is 403 and nothing is created', async () => {
    const w = await planWorld(t);
    expectProblem(await t.as(w.executive.token).post(itemsUrl(w.planId)).send({ kind: 'other', name: 'Nope' }), 403, 'forbidden');
    expect((await list(w)).total).toBe(0);
  });
});

describe('reading', () => {
  test('When items are listed, then they come oldest first, filter by kind and status, and page', async () => {
    const w = await planWorld(t);
    const a = await createExitItem(t, w.agency.token, w.planId, { kind: 'social_account', name: 'A' });
    t.clock.advance(1000);
    const b = await createExitItem(t, w.agency.token, w.planId, { kind: 'ad_account', name: 'B' });
    t.clock.advance(1000);
    const c = await createExitItem(t, w.agency.token, w.planId, { kind: 'social_account', name: 'C' });
    await t.as(w.agency.token).post(`${itemUrl(w.planId, b.id)}/transitions`).send({ to: 'access_shared' }).expect(200);

    const all = await list(w);
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.items.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect((await list(w, { kind: 'social_account' })).items.map((i) => i.id)).toEqual([a.id, c.id]);
    expect((await list(w, { status: 'access_shared' })).items.map((i) => i.id)).toEqual([b.id]);
    const page = await list(w, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((i) => i.id)).toEqual([b.id]);
    expectFieldError(await t.as(w.lead.token).get(itemsUrl(w.planId, { status: 'done' })), 'status');
  });

  test('When an executive reads an item, then it is 200 with its ETag; another plan’s item is 404', async () => {
    const w = await planWorld(t);
    const other = await planWorld(t, w.admin);
    const item = await createExitItem(t, w.lead.token, w.planId);
    const res = await t.as(w.executive.token).get(itemUrl(w.planId, item.id));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expectProblem(await t.as(other.lead.token).get(itemUrl(other.planId, item.id)), 404, 'not-found');
    expectProblem(await t.as(w.outsider.token).get(itemUrl(w.planId, item.id)), 404, 'not-found');
  });
});

describe('editing', () => {
  const patch = (token: string, w: PlanWorld, item: ExitItem, body: object, version: number | null = item.version) => {
    const req = t.as(token).patch(itemUrl(w.planId, item.id));
    return (version === null ? req : req.set('If-Match', `"${version}"`)).send(body);
  };

  test('When a lead edits every field with If-Match, then it is 200 with version 2, read back, and each change is logged from → to', async () => {
    const w = await planWorld(t);
    const owner = await createPerson(t, w.lead.token, w.planId);
    const item = await createExitItem(t, w.agency.token, w.planId);
    const res = await patch(w.lead.token, w, item, {
      kind: 'admin_role',
      name: 'Instagram admin role',
      channel: null,
      owner: owner.id,
      dueDate: '2026-05-01',
      evidence: 'Agency removed as admin on 2 March',
      evidenceUrl: 'https://example.com/evidence/42',
    });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ kind: 'admin_role', name: 'Instagram admin role', channel: null, owner: owner.id, dueDate: '2026-05-01', version: 2, status: 'listed' });
    expect(await read(w, item.id)).toEqual(res.body);
    const [entry] = await activity(w, item.id);
    expect(entry).toMatchObject({
      action: 'update',
      changes: { kind: { from: 'social_account', to: 'admin_role' }, channel: { from: 'instagram', to: null }, dueDate: { from: null, to: '2026-05-01' } },
    });
  });

  test('When If-Match is missing, then 428; when stale, then 412; nothing changes either way', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.lead.token, w.planId);
    expectProblem(await patch(w.lead.token, w, item, { name: 'X' }, null), 428, 'precondition-required');
    expectProblem(await patch(w.lead.token, w, item, { name: 'X' }, 7), 412, 'precondition-failed');
    expect(await read(w, item.id)).toEqual(item);
  });

  test('When agency staff edit the evidence, then it is 200; any other field is 403 and nothing changes', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.agency.token, w.planId);
    const ok = await patch(w.agency.token, w, item, { evidence: 'Access shared with Mia on 2 March', evidenceUrl: 'https://example.com/ticket/7' });
    expect(ok.status).toBe(200);
    const edited = await read(w, item.id);
    expect(edited).toMatchObject({ evidence: 'Access shared with Mia on 2 March', evidenceUrl: 'https://example.com/ticket/7', version: 2 });
    for (const body of [{ name: 'Renamed' }, { evidence: 'More', dueDate: '2026-06-01' }, { owner: null }, { kind: 'other' }]) {
      expectProblem(await patch(w.agency.token, w, edited, body), 403, 'forbidden');
    }
    expectProblem(await patch(w.executive.token, w, edited, { evidence: 'x' }), 403, 'forbidden');
    expect(await read(w, item.id)).toEqual(edited);
  });

  test('When an edit names a status or an owner from another plan, then it is 422 and nothing changes', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.lead.token, w.planId);
    expectFieldError(await patch(w.lead.token, w, item, { status: 'verified' }), 'status');
    expectFieldError(await patch(w.lead.token, w, item, { owner: GHOST }), 'owner');
    expect(await read(w, item.id)).toEqual(item);
  });

  test('When the owner is removed from the people, then the item keeps no owner', async () => {
    const w = await planWorld(t);
    const owner = await createPerson(t, w.lead.token, w.planId);
    const item = await createExitItem(t, w.lead.token, w.planId, { owner: owner.id });
    await t.as(w.lead.token).delete(`/api/v1/plans/${w.planId}/people/${owner.id}`).expect(204);
    expect((await read(w, item.id)).owner).toBeNull();
  });
});

describe('deleting', () => {
  test('When a lead deletes an item with its history, then 204, it is gone, and the delete is logged', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.agency.token, w.planId);
    await t.as(w.agency.token).post(`${itemUrl(w.planId, item.id)}/transitions`).send({ to: 'access_shared' }).expect(200);
    expectProblem(await t.as(w.lead.token).delete(itemUrl(w.planId, item.id)).set('If-Match', '"1"'), 412, 'precondition-failed');
    expect((await t.as(w.lead.token).delete(itemUrl(w.planId, item.id))).status).toBe(204);
    expectProblem(await t.as(w.lead.token).get(itemUrl(w.planId, item.id)), 404, 'not-found');
    expect((await activity(w, item.id)).map((a) => a.action)).toEqual(['delete', 'transition', 'create']);
  });

  test('When agency staff or an executive delete an item, then 403 and it stays', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.agency.token, w.planId);
    for (const token of [w.agency.token, w.executive.token]) expectProblem(await t.as(token).delete(itemUrl(w.planId, item.id)), 403, 'forbidden');
    expect(await read(w, item.id)).toEqual(item);
  });
});
