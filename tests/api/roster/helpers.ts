import type { CreateRosterEntry, InboxItem, Post, PushPost, RosterEntry } from '@handover/shared';
import type { TestApp } from '../../support/app';
import { rollupsVersusLedger } from '../../support/rollups';

// Requests the roster tests share (docs/domain.md#ingest).

export const rosterPath = (planId: string) => `/api/v1/plans/${planId}/roster`;
export const batchPath = (planId: string) => `/api/v1/plans/${planId}/posts/batch`;

export async function addEntry(t: TestApp, token: string, planId: string, body: CreateRosterEntry): Promise<RosterEntry> {
  const res = await t.as(token).post(rosterPath(planId)).send(body);
  if (res.status !== 201) throw new Error(`roster entry: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RosterEntry;
}

export function push(t: TestApp, token: string | undefined, planId: string, posts: PushPost[]) {
  return t.as(token).post(batchPath(planId)).send(posts);
}

export async function ledger(t: TestApp, token: string, planId: string, query = ''): Promise<Post[]> {
  const res = await t.as(token).get(`/api/v1/plans/${planId}/posts?limit=200${query}`);
  if (res.status !== 200) throw new Error(`posts: ${res.status}`);
  return res.body.items as Post[];
}

export async function inbox(t: TestApp, token: string, planId: string): Promise<InboxItem[]> {
  const res = await t.as(token).get(`/api/v1/plans/${planId}/ingest/inbox?limit=200`);
  if (res.status !== 200) throw new Error(`inbox: ${res.status}`);
  return res.body.items as InboxItem[];
}

/** The ledger's post of an external id, read back. */
export async function postOf(t: TestApp, token: string, planId: string, externalId: string): Promise<Post | undefined> {
  return (await ledger(t, token, planId)).find((p) => p.externalId === externalId);
}

/** Weekly share totals over a span, summed: what the rollups say. */
export async function shareTotals(t: TestApp, token: string, planId: string, from: string, to: string) {
  const res = await t.as(token).get(`/api/v1/plans/${planId}/posts/share?interval=week&from=${from}&to=${to}`);
  if (res.status !== 200) throw new Error(`share: ${res.status}`);
  const sum = { agency: 0, inHouse: 0, coAuthored: 0, total: 0 };
  for (const p of res.body.points as Array<typeof sum>) {
    sum.agency += p.agency;
    sum.inHouse += p.inHouse;
    sum.coAuthored += p.coAuthored;
    sum.total += p.total;
  }
  return sum;
}

export async function expectRollupsMatch(t: TestApp, planId: string): Promise<void> {
  const { rollups, recount } = await rollupsVersusLedger(t.db, planId);
  expect(rollups).toEqual(recount);
}
