import { HANDOVER_LADDER, type Handover, type HandoverStatus, type Page, type Transition } from '@handover/shared';
import { setupApp, type TestUser } from '../support/app';
import { UUID, createHandover, getBody, moveHandover, planWorld, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const NOW = '2026-03-02T10:00:00.000Z';
const t = setupApp({ now: NOW });

const handoversUrl = (planId: string) => `/api/v1/plans/${planId}/handovers`;
const handoverUrl = (planId: string, id: string) => `${handoversUrl(planId)}/${id}`;
const transitionsUrl = (planId: string, id: string) => `${handoverUrl(planId, id)}/transitions`;

const move = (user: TestUser, planId: string, id: string, to: HandoverStatus, note?: string) => moveHandover(t, user.token, planId, id, to, note);
const read = (w: PlanWorld, id: string) => getBody<Handover>(t, w.lead.token, handoverUrl(w.planId, id));
const list = (w: PlanWorld, query = '') => getBody<Page<Handover>>(t, w.lead.token, `${handoversUrl(w.planId)}${query}`);
const activity = async (w: PlanWorld, entityId: string) => (await activityOf(t, w.lead.token, w.planId, `entity=handover&entityId=${entityId}`)).items;

describe('creating', () => {
  test('When agency staff log a handover, then it is 201 at "agency", version 1, no history, with an ETag, and logged', async () => {
    const w = await planWorld(t);
    const res = await t
      .as(w.agency.token)
      .post(handoversUrl(w.planId))
      .send({ title: ' Weekly community report ', channel: 'linkedin', description: 'Numbers every Monday' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      planId: w.planId,
      title: 'Weekly community report',
      channel: 'linkedin',
      description: 'Numbers every Monday',
      status: 'agency',
      targetDate: null,
      history: [],
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await read(w, res.body.id)).toEqual(res.body);
    expect(await activity(w, res.body.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        actor: expect.objectContaining({ id: w.agency.id }),
        changes: { title: 'Weekly community report', channel: 'linkedin', description: 'Numbers every Monday', targetDate: null, status: 'agency' },
      }),
    ]);
  });

  test('When a lead or admin logs a handover with only a title, then channel and description are null', async () => {
    const w = await planWorld(t);
    for (const user of [w.lead, w.admin]) {
      const res = await t.as(user.token).post(handoversUrl(w.planId)).send({ title: 'Crisis replies' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: null, description: null, status: 'agency' });
    }
    expect((await list(w)).total).toBe(2);
  });

  test.each([
    ['no title', { channel: 'x' }, 'title'],
    ['a blank title', { title: '  ' }, 'title'],
    ['a status', { title: 'A', status: 'accepted' }, 'status'],
    ['a version', { title: 'A', version: 3 }, 'version'],
    ['a channel over 50 characters', { title: 'A', channel: 'c'.repeat(51) }, 'channel'],
  ])('When the handover has %s, then it is 422 and nothing is created', async (_case, body, path) => {
    const w = await planWorld(t);
    const res = await t.as(w.lead.token).post(handoversUrl(w.planId)).send(body);
    expectFieldError(res, path);
    expect((await list(w)).total).toBe(0);
  });

  test('When a create is retried with the same Idempotency-Key and body, then the first response is replayed and one handover exists', async () => {
    const w = await planWorld(t);
    const send = (body: Record<string, unknown>) =>
      t.as(w.agency.token).post(handoversUrl(w.planId)).set('Idempotency-Key', 'handover-42').send(body);
    const first = await send({ title: 'Story replies' });
    expect(first.status).toBe(201);
    const again = await send({ title: 'Story replies' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.etag).toBe('"1"');
    expect(again.body).toEqual(first.body);
    const other = await send({ title: 'Something else' });
    expectProblem(other, 422, 'idempotency-key-reused');
    const all = await list(w);
    expect(all.items.map((h) => h.id)).toEqual([first.body.id]);
    expect((await activity(w, first.body.id)).map((a) => a.action)).toEqual(['create']);
  });

  test('When an executive logs a handover, then it is 403 and nothing is created', async () => {
    const w = await planWorld(t);
    expectProblem(await t.as(w.executive.token).post(handoversUrl(w.planId)).send({ title: 'Nope' }), 403, 'forbidden');
    expect((await list(w)).total).toBe(0);
  });
});

describe('reading', () => {
  test('When handovers are listed, then each carries its history and they filter by status and channel', async () => {
    const w = await planWorld(t);
    const a = await createHandover(t, w.agency.token, w.planId, { title: 'A', channel: 'instagram' });
    t.clock.advance(1000);
    const b = await createHandover(t, w.agency.token, w.planId, { title: 'B', channel: 'tiktok' });
    t.clock.advance(1000);
    const c = await createHandover(t, w.agency.token, w.planId, { title: 'C', channel: 'instagram' });
    await move(w.agency, w.planId, b.id, 'shadowing', 'Staff watch first');

    const all = await list(w);
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.items.map((h) => h.id)).toEqual([a.id, b.id, c.id]);
    expect(all.items[1]!.history).toEqual([
      { from: 'agency', to: 'shadowing', at: expect.any(String), actor: { id: w.agency.id, email: w.agency.email, name: expect.any(String) }, note: 'Staff watch first' },
    ]);
    expect(all.items[0]!.history).toEqual([]);

    const shadowing = await list(w, '?status=shadowing');
    expect(shadowing.items.map((h) => h.id)).toEqual([b.id]);
    const instagram = await t.as(w.executive.token).get(`${handoversUrl(w.planId)}?channel=instagram`);
    expect(instagram.body.items.map((h: Handover) => h.id)).toEqual([a.id, c.id]);
    const both = await list(w, '?status=agency&channel=instagram&limit=1&offset=1');
    expect(both).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(both.items.map((h) => h.id)).toEqual([c.id]);
    expectProblem(await t.as(w.lead.token).get(`${handoversUrl(w.planId)}?status=done`), 422, 'validation-failed');
  });

  test('When any member reads a handover, then it is 200 with its ETag', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    await move(w.lead, w.planId, h.id, 'shadowing');
    for (const user of [w.admin, w.lead, w.executive, w.agency]) {
      const res = await t.as(user.token).get(handoverUrl(w.planId, h.id));
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ id: h.id, status: 'shadowing', version: 2 });
    }
  });
});

describe('editing', () => {
  test('When agency staff edit a handover with the current If-Match, then it is saved with version + 1 and logged', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId, { description: 'old' });
    const res = await t
      .as(w.agency.token)
      .patch(handoverUrl(w.planId, h.id))
      .set('If-Match', '"1"')
      .send({ title: 'Reply to DMs', description: null });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ title: 'Reply to DMs', channel: 'instagram', description: null, status: 'agency', version: 2 });
    expect(await read(w, h.id)).toEqual(res.body);
    expect((await activity(w, h.id))[0]).toMatchObject({
      action: 'update',
      changes: { title: { from: 'Reply to comments', to: 'Reply to DMs' }, description: { from: 'old', to: null } },
    });
  });

  test('When If-Match is missing or stale, then it is 428 or 412 and nothing changes', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    await move(w.lead, w.planId, h.id, 'shadowing');
    expectProblem(await t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).send({ title: 'X' }), 428, 'precondition-required');
    const stale = await t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).set('If-Match', '"1"').send({ title: 'X' });
    expectProblem(stale, 412, 'precondition-failed');
    expect(stale.headers.etag).toBe('"2"');
    const after = await read(w, h.id);
    expect(after).toMatchObject({ title: 'Reply to comments', version: 2 });
  });

  test('When an edit tries to set the status, then it is 422 and the status is unchanged', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    const res = await t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).set('If-Match', '"1"').send({ status: 'accepted' });
    expectProblem(res, 422, 'validation-failed');
    expect(await read(w, h.id)).toMatchObject({ status: 'agency', version: 1 });
  });

  test('When an executive edits, moves or deletes a handover, then it is 403 and nothing changes', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    const as = t.as(w.executive.token);
    expectProblem(await as.patch(handoverUrl(w.planId, h.id)).set('If-Match', '"1"').send({ title: 'X' }), 403, 'forbidden');
    expectProblem(await as.post(transitionsUrl(w.planId, h.id)).send({ to: 'shadowing' }), 403, 'forbidden');
    expectProblem(await as.delete(handoverUrl(w.planId, h.id)), 403, 'forbidden');
    expect(await read(w, h.id)).toEqual(h);
  });
});

describe('deleting', () => {
  test('When a lead deletes a handover, then it is 204, it is gone with its history, and it is logged', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    await move(w.agency, w.planId, h.id, 'shadowing');
    const res = await t.as(w.lead.token).delete(handoverUrl(w.planId, h.id));
    expect(res.status).toBe(204);
    expectProblem(await t.as(w.lead.token).get(handoverUrl(w.planId, h.id)), 404, 'not-found');
    expect((await list(w)).total).toBe(0);
    expect((await activity(w, h.id))[0]).toMatchObject({ action: 'delete', changes: { title: 'Reply to comments', status: 'shadowing' } });
  });

  test('When agency staff delete a handover, then it is 403 and it stays', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    expectProblem(await t.as(w.agency.token).delete(handoverUrl(w.planId, h.id)), 403, 'forbidden');
    expect(await read(w, h.id)).toEqual(h);
  });

  test('When a delete sends a stale If-Match, then it is 412 and the handover stays', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    await move(w.lead, w.planId, h.id, 'shadowing');
    expectProblem(await t.as(w.lead.token).delete(handoverUrl(w.planId, h.id)).set('If-Match', '"1"'), 412, 'precondition-failed');
    expect((await read(w, h.id)).status).toBe('shadowing');
    expect((await t.as(w.lead.token).delete(handoverUrl(w.planId, h.id)).set('If-Match', '"2"')).status).toBe(204);
  });
});

describe('the ladder', () => {
  test('When a move names the step it starts from, then it moves from there; from a step it has left, 409 stale-transition and nothing changes', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    const first = await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ from: 'agency', to: 'shadowing' });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('shadowing');
    // A second click of the same button, sent from the screen that still shows "agency".
    const second = await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ from: 'agency', to: 'shadowing' });
    expectProblem(second, 409, 'stale-transition');
    const stale = await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ from: 'agency', to: 'reverse_shadowing' });
    expectProblem(stale, 409, 'stale-transition');
    expect(await read(w, h.id)).toMatchObject({ status: 'shadowing', version: 2, history: [expect.objectContaining({ from: 'agency', to: 'shadowing' })] });
  });

  test('When two moves from the same step race (a double click), then exactly one moves the handover one step', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    const send = () => t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ from: 'agency', to: 'shadowing' });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await read(w, h.id)).toMatchObject({ status: 'shadowing', history: [expect.objectContaining({ to: 'shadowing' })] });
  });

  test('When a handover gets a target date, then it is kept, edited, cleared and logged; a bad date is 422', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId, { targetDate: '2026-06-30' });
    expect(h.targetDate).toBe('2026-06-30');
    const edited = await t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).set('If-Match', '"1"').send({ targetDate: '2026-07-15' });
    expect(edited.body.targetDate).toBe('2026-07-15');
    expect((await activity(w, h.id))[0]).toMatchObject({ action: 'update', changes: { targetDate: { from: '2026-06-30', to: '2026-07-15' } } });
    const cleared = await t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).set('If-Match', '"2"').send({ targetDate: null });
    expect(cleared.body.targetDate).toBeNull();
    expectFieldError(await t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).set('If-Match', '"3"').send({ targetDate: '2026-02-30' }), 'targetDate');
    expect(await read(w, h.id)).toMatchObject({ targetDate: null, version: 3 });
  });

  test('When agency staff climb to in_house and a lead accepts, then every step is in the history in order', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    const steps: Array<[TestUser, HandoverStatus, string | undefined]> = [
      [w.agency, 'shadowing', 'Staff shadow the agency'],
      [w.agency, 'reverse_shadowing', undefined],
      [w.agency, 'in_house', 'Staff run it, agency watches'],
      [w.lead, 'accepted', 'Signed off'],
    ];
    let previous: HandoverStatus = 'agency';
    let version = 1;
    const expected: Transition[] = [];
    for (const [user, to, note] of steps) {
      t.clock.advance(60_000);
      const at = t.clock.now().toISOString();
      const res = await t.as(user.token).post(transitionsUrl(w.planId, h.id)).send({ to, ...(note ? { note } : {}) });
      expect(res.status).toBe(200);
      version += 1;
      expect(res.headers.etag).toBe(`"${version}"`);
      expected.push({ from: previous, to, at, actor: { id: user.id, email: user.email, name: expect.any(String) }, note: note ?? null });
      expect(res.body).toMatchObject({ status: to, version, updatedAt: at, history: expected });
      previous = to;
    }
    const final = await read(w, h.id);
    expect(final).toMatchObject({ status: 'accepted', version: 5, title: h.title });
    expect(final.history).toEqual(expected);
    const log = await activity(w, h.id);
    expect(log.map((a) => [a.action, a.changes.status])).toEqual([
      ['transition', { from: 'in_house', to: 'accepted' }],
      ['transition', { from: 'reverse_shadowing', to: 'in_house' }],
      ['transition', { from: 'shadowing', to: 'reverse_shadowing' }],
      ['transition', { from: 'agency', to: 'shadowing' }],
      ['create', 'agency'],
    ]);
    expect(log[0]!.changes).toEqual({ status: { from: 'in_house', to: 'accepted' }, note: 'Signed off' });
  });

  test.each<[HandoverStatus, HandoverStatus]>([
    ['agency', 'reverse_shadowing'],
    ['agency', 'in_house'],
    ['shadowing', 'in_house'],
    ['shadowing', 'accepted'],
    ['reverse_shadowing', 'accepted'],
  ])('When a lead skips from %s to %s, then it is 409 and nothing changes', async (from, to) => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    for (const step of HANDOVER_LADDER.slice(1, HANDOVER_LADDER.indexOf(from) + 1)) await move(w.lead, w.planId, h.id, step);
    const before = await read(w, h.id);
    expectProblem(await t.as(w.lead.token).post(transitionsUrl(w.planId, h.id)).send({ to }), 409, 'invalid-transition');
    expect(await read(w, h.id)).toEqual(before);
  });

  test('When the target is the current status, then it is 409 and nothing changes', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    expectProblem(await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ to: 'agency' }), 409, 'invalid-transition');
    expect(await read(w, h.id)).toEqual(h);
  });

  test('When agency staff try to accept, then it is 403 whether or not it would skip, and nothing changes', async () => {
    const w = await planWorld(t);
    const early = await createHandover(t, w.agency.token, w.planId, { title: 'Early' });
    expectProblem(await t.as(w.agency.token).post(transitionsUrl(w.planId, early.id)).send({ to: 'accepted' }), 403, 'forbidden');
    expect(await read(w, early.id)).toEqual(early);

    const ready = await createHandover(t, w.agency.token, w.planId, { title: 'Ready' });
    for (const step of HANDOVER_LADDER.slice(1, 4)) await move(w.agency, w.planId, ready.id, step);
    const before = await read(w, ready.id);
    expectProblem(await t.as(w.agency.token).post(transitionsUrl(w.planId, ready.id)).send({ to: 'accepted' }), 403, 'forbidden');
    expect(await read(w, ready.id)).toEqual(before);
  });

  test('When agency staff try to move a handover back, then it is 403 and nothing changes', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    await move(w.agency, w.planId, h.id, 'shadowing');
    await move(w.agency, w.planId, h.id, 'reverse_shadowing');
    const before = await read(w, h.id);
    expectProblem(await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ to: 'shadowing' }), 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ to: 'agency' }), 403, 'forbidden');
    expect(await read(w, h.id)).toEqual(before);
  });

  test('When a lead reopens an accepted handover to an earlier step, then it moves back and climbs again from there', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    for (const step of HANDOVER_LADDER.slice(1, 4)) await move(w.agency, w.planId, h.id, step);
    await move(w.lead, w.planId, h.id, 'accepted');
    const reopened = await move(w.lead, w.planId, h.id, 'shadowing', 'Quality slipped; back to shadowing');
    expect(reopened).toMatchObject({ status: 'shadowing', version: 6 });
    expect(reopened.history.at(-1)).toMatchObject({
      from: 'accepted',
      to: 'shadowing',
      actor: { id: w.lead.id },
      note: 'Quality slipped; back to shadowing',
    });
    // One step forward again from the reopened step; a skip is still refused.
    expectProblem(await t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ to: 'in_house' }), 409, 'invalid-transition');
    const next = await move(w.agency, w.planId, h.id, 'reverse_shadowing');
    expect(next.history.map((s) => `${s.from}>${s.to}`)).toEqual([
      'agency>shadowing',
      'shadowing>reverse_shadowing',
      'reverse_shadowing>in_house',
      'in_house>accepted',
      'accepted>shadowing',
      'shadowing>reverse_shadowing',
    ]);
    const admin = await move(w.admin, w.planId, h.id, 'agency');
    expect(admin).toMatchObject({ status: 'agency', version: 8 });
  });

  test('When a transition sends If-Match, then a stale one is 412 and the current one is honoured', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    await move(w.lead, w.planId, h.id, 'shadowing');
    const stale = await t.as(w.lead.token).post(transitionsUrl(w.planId, h.id)).set('If-Match', '"1"').send({ to: 'reverse_shadowing' });
    expectProblem(stale, 412, 'precondition-failed');
    expect(await read(w, h.id)).toMatchObject({ status: 'shadowing', version: 2 });
    const ok = await t.as(w.lead.token).post(transitionsUrl(w.planId, h.id)).set('If-Match', '"2"').send({ to: 'reverse_shadowing' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'reverse_shadowing', version: 3 });
  });

  test('When two people make the same move at once, then exactly one succeeds and the other is 409', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    const [x, y] = await Promise.all([
      t.as(w.agency.token).post(transitionsUrl(w.planId, h.id)).send({ to: 'shadowing' }),
      t.as(w.lead.token).post(transitionsUrl(w.planId, h.id)).send({ to: 'shadowing' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const after = await read(w, h.id);
    expect(after).toMatchObject({ status: 'shadowing', version: 2 });
    expect(after.history).toHaveLength(1);
  });

  test('When two edits race with the same If-Match, then exactly one is saved and the other is 412', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    const [x, y] = await Promise.all(
      ['First', 'Second'].map((title) =>
        t.as(w.lead.token).patch(handoverUrl(w.planId, h.id)).set('If-Match', '"1"').send({ title }),
      ),
    );
    expect([x!.status, y!.status].sort()).toEqual([200, 412]);
    const winner = x!.status === 200 ? x! : y!;
    expect(await read(w, h.id)).toMatchObject({ title: winner.body.title, version: 2 });
  });

  test.each([
    ['an unknown status', { to: 'done' }, 'to'],
    ['no target', { note: 'hi' }, 'to'],
    ['an unknown field', { to: 'shadowing', by: 'agency' }, 'by'],
    ['an unknown starting step', { to: 'shadowing', from: 'nowhere' }, 'from'],
  ])('When a transition has %s, then it is 422 and nothing changes', async (_case, body, path) => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.lead.token, w.planId);
    const res = await t.as(w.lead.token).post(transitionsUrl(w.planId, h.id)).send(body);
    expectFieldError(res, path);
    expect(await read(w, h.id)).toEqual(h);
  });
});

describe('ids and strangers', () => {
  test("When plan A's members use plan B's handover id, then every route is 404 and B's handover is unchanged", async () => {
    const a = await planWorld(t);
    const b = await planWorld(t, a.admin);
    const theirs = await createHandover(t, b.agency.token, b.planId, { title: 'Theirs' });
    for (const user of [a.lead, a.agency]) {
      const as = t.as(user.token);
      expectProblem(await as.get(handoverUrl(a.planId, theirs.id)), 404, 'not-found');
      expectProblem(await as.patch(handoverUrl(a.planId, theirs.id)).set('If-Match', '"1"').send({ title: 'Mine' }), 404, 'not-found');
      expectProblem(await as.post(transitionsUrl(a.planId, theirs.id)).send({ to: 'shadowing' }), 404, 'not-found');
      expectProblem(await as.get(handoverUrl(b.planId, theirs.id)), 404, 'not-found');
      expectProblem(await as.post(transitionsUrl(b.planId, theirs.id)).send({ to: 'shadowing' }), 404, 'not-found');
    }
    expectProblem(await t.as(a.lead.token).delete(handoverUrl(a.planId, theirs.id)), 404, 'not-found');
    expect((await t.as(b.lead.token).get(handoverUrl(b.planId, theirs.id))).body).toEqual(theirs);
    expect((await list(a)).total).toBe(0);
  });

  test('When someone outside the plan or signed out touches handovers, then it is 404 or 401 and nothing changes', async () => {
    const w = await planWorld(t);
    const h = await createHandover(t, w.agency.token, w.planId);
    const out = t.as(w.outsider.token);
    expectProblem(await out.get(handoversUrl(w.planId)), 404, 'not-found');
    expectProblem(await out.post(handoversUrl(w.planId)).send({ title: 'X' }), 404, 'not-found');
    expectProblem(await out.post(transitionsUrl(w.planId, h.id)).send({ to: 'shadowing' }), 404, 'not-found');
    expectProblem(await t.as().get(handoverUrl(w.planId, h.id)), 401, 'unauthorized');
    expectProblem(await t.as().post(transitionsUrl(w.planId, h.id)).send({ to: 'shadowing' }), 401, 'unauthorized');
    expect(await read(w, h.id)).toEqual(h);
    expect((await list(w)).total).toBe(1);
  });

  test('When a handover id is unknown or malformed, then it is 404', async () => {
    const w = await planWorld(t);
    expectProblem(await t.as(w.lead.token).get(handoverUrl(w.planId, '6f1c2a4e-0000-4000-8000-000000000000')), 404, 'not-found');
    expectProblem(await t.as(w.lead.token).post(transitionsUrl(w.planId, 'nope')).send({ to: 'shadowing' }), 404, 'not-found');
  });
});
