import type { ExitItem } from '@handover/shared';
import { setupApp } from '../../support/app';
import { planWorld, type PlanWorld } from '../../support/fixtures';
import { activityOf } from '../../support/http';
import { expectFieldError, expectProblem } from '../../support/problem';
import { eventsOf } from '../events/outbox-rows';
import { createExitItem, itemUrl, itemsUrl, listItems, movesUrl, readItem } from './exit-items.fixtures';

// Credentials are never stored (docs/domain.md#exit-checklist): text that looks like one is 422 with
// a detail saying why, and nothing is written: not the item, not its history, not the activity log.
const t = setupApp({ now: '2026-03-02T10:00:00.000Z' });

const WHY = 'Looks like a password or secret; record where the evidence is, not the credential. Nothing was stored.';
const SECRET = 'hunter2-Summer2026';

const read = (w: PlanWorld, id: string) => readItem(t, w.lead.token, w.planId, id);
const logOf = async (w: PlanWorld) => (await activityOf(t, w.lead.token, w.planId, 'entity=exit_item')).items;

function expectRefused(res: Parameters<typeof expectProblem>[0], path: string): void {
  expectFieldError(res, path, { message: /^looks like a password or secret: .*(record|link to) where the evidence is/ });
  expect(res.body.detail).toBe(WHY);
  // The refusal never repeats what it refused.
  expect(JSON.stringify(res.body)).not.toContain(SECRET);
}

describe('creating', () => {
  test.each([
    ['evidence with a password', { evidence: `Instagram login, password: ${SECRET}` }, 'evidence'],
    ['evidence with a token', { evidence: 'token: ghp_0123456789abcdefABCDEF0123456789abcd' }, 'evidence'],
    ['evidence with a private key', { evidence: '-----BEGIN PRIVATE KEY-----\nMIIEvQ' }, 'evidence'],
    ['a name with a password', { name: `Facebook page (pwd=${SECRET})` }, 'name'],
    ['a link with a token parameter', { evidenceUrl: `https://example.com/shared?access_token=${SECRET}` }, 'evidenceUrl'],
    ['a link with a key parameter', { evidenceUrl: `https://example.com/doc?key=${SECRET}` }, 'evidenceUrl'],
  ])('When an item is listed with %s, then 422 saying why, and nothing is stored', async (_case, over, path) => {
    const w = await planWorld(t);
    const res = await t.as(w.agency.token).post(itemsUrl(w.planId)).send({ kind: 'credential', name: 'Instagram login', ...over });
    expectRefused(res, path);
    expect((await listItems(t, w.lead.token, w.planId)).total).toBe(0);
    expect(await logOf(w)).toEqual([]);
  });

  test('When a link holds a user and password, then the schema refuses it before anything else', async () => {
    const w = await planWorld(t);
    const res = await t.as(w.agency.token).post(itemsUrl(w.planId)).send({ kind: 'credential', name: 'Login', evidenceUrl: `https://admin:${SECRET}@example.com/` });
    expectFieldError(res, 'evidenceUrl', 'must be an http(s) link without a user name or password');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect((await listItems(t, w.lead.token, w.planId)).total).toBe(0);
  });

  test('When a credential-kind item records where the credential lives, then it is stored as written', async () => {
    const w = await planWorld(t);
    const item = await createExitItem(t, w.agency.token, w.planId, {
      kind: 'credential',
      name: 'Instagram login',
      evidence: 'Password: in the brand vault, entry "Instagram"; 2FA moved to the brand phone on 2026-03-02. Ad account 123456789012345.',
      evidenceUrl: 'https://vault.example.com/items/3f9a1c2e-4b5d-4e6f-8a7b-9c0d1e2f3a4b',
    });
    expect(await read(w, item.id)).toMatchObject({ evidence: expect.stringContaining('brand vault'), evidenceUrl: expect.stringContaining('vault.example.com') });
  });
});

describe('editing and moving', () => {
  let w: PlanWorld;
  let item: ExitItem;
  beforeAll(async () => {
    w = await planWorld(t);
    item = await createExitItem(t, w.agency.token, w.planId, { evidence: 'Access listed in ticket IT-1' });
  });

  test('When agency staff put a password into the evidence, then 422 and the item is as it was', async () => {
    const before = await logOf(w);
    const res = await t.as(w.agency.token).patch(itemUrl(w.planId, item.id)).set('If-Match', '"1"').send({ evidence: `New password: ${SECRET}` });
    expectRefused(res, 'evidence');
    expect(await read(w, item.id)).toEqual(item);
    expect(await logOf(w)).toEqual(before);
  });

  test('When a lead renames an item to a long random token or links a secret, then 422 listing each field, and nothing changes', async () => {
    const res = await t
      .as(w.lead.token)
      .patch(itemUrl(w.planId, item.id))
      .set('If-Match', '"1"')
      .send({ name: `Account Vx8Jq2mR7tLp4ZsK9wN3bYcF6hD1gT5e`, evidenceUrl: `https://example.com/?password=${SECRET}` });
    expectRefused(res, 'name');
    expectRefused(res, 'evidenceUrl');
    expect(await read(w, item.id)).toEqual(item);
  });

  test('When a move’s note holds a password, then 422 naming note, the item stays, no history, no event', async () => {
    const res = await t.as(w.agency.token).post(movesUrl(w.planId, item.id)).send({ to: 'access_shared', note: `shared, passwd=${SECRET}` });
    expectRefused(res, 'note');
    expect(await read(w, item.id)).toEqual(item);
    expect(await eventsOf(t, w.planId, 'exit.item_changed')).toEqual([]);
  });

  test('When the note says where the access is, then the move is made', async () => {
    const res = await t.as(w.agency.token).post(movesUrl(w.planId, item.id)).send({ to: 'access_shared', note: 'Mia has admin access; password in the vault.' });
    expect(res.status).toBe(200);
    expect((await read(w, item.id)).history).toEqual([expect.objectContaining({ note: 'Mia has admin access; password in the vault.' })]);
  });
});
