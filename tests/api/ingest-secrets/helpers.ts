import { createHash } from 'node:crypto';
import type { TestApp } from '../../support/app';

// Shared by the ingest-secret and receiver tests (docs/domain.md#receivers-and-ingest-secrets).

export type Created = { id: string; secret: string; path: string; receiver: string; name: string };

export async function createSecret(t: TestApp, token: string, planId: string, body: Record<string, unknown> = { receiver: 'postiz' }): Promise<Created> {
  const res = await t.as(token).post(`/api/v1/plans/${planId}/ingest-secrets`).send(body);
  if (res.status !== 201) throw new Error(`create ingest secret: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Created;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Every column of a plan's ingest_secrets rows, as stored. */
export const storedSecrets = (t: TestApp, planId: string) =>
  t.db.read((m) => m.query(`SELECT * FROM ingest_secrets WHERE plan_id = ${t.db.param(1)} ORDER BY created_at, id`, [planId])) as Promise<
    Array<Record<string, unknown>>
  >;

/** The plan's posts (ledger) and inbox, read from the tables, for comparing before and after a delivery. */
export async function ledgerAndInbox(t: TestApp, planId: string) {
  return t.db.read(async (m) => ({
    posts: (await m.query(
      `SELECT channel, published_at, external_id, account, permalink, author, source, classified_by, origin FROM posts WHERE plan_id = ${t.db.param(1)} ORDER BY external_id`,
      [planId],
    )) as Array<Record<string, unknown>>,
    inbox: (await m.query(
      `SELECT channel, published_at, external_id, account, permalink, author, origin FROM ingest_inbox WHERE plan_id = ${t.db.param(1)} ORDER BY external_id`,
      [planId],
    )) as Array<Record<string, unknown>>,
  }));
}

/** A channel entry in the plan's roster, added through its route. */
export async function rosterChannel(t: TestApp, token: string, planId: string, match: string, side: 'agency' | 'in_house'): Promise<void> {
  const res = await t.as(token).post(`/api/v1/plans/${planId}/roster`).send({ kind: 'channel', match, side });
  if (res.status !== 201) throw new Error(`roster entry: ${res.status} ${JSON.stringify(res.body)}`);
}

export const postizRow = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  content: 'Spring launch',
  publishDate: '2026-03-02T10:00:00.000Z',
  releaseURL: `https://www.linkedin.com/feed/update/urn:li:activity:${id}?utm=x`,
  state: 'PUBLISHED',
  integration: { id: 'int-1', providerIdentifier: 'linkedin-page', name: 'Acme page', picture: null, type: 'social' },
  ...overrides,
});

export const agorapulseEvent = (action: 'PUBLISHED' | 'FAILED', postUid: string, overrides: Record<string, unknown> = {}) => ({
  uid: `evt-${postUid}-${action}`,
  type: 'PUBLISHING_POST',
  action,
  organizationId: 42,
  timestamp: '2026-03-02T10:00:05Z',
  payload: {
    actor: { uid: 'u-1', name: 'Dana Agency', email: 'Dana@Agency.example' },
    post: {
      uid: postUid,
      networkLink: `https://twitter.com/acme/status/${postUid}`,
      publishDate: '2026-03-02T10:00:00Z',
      profile: { uid: 'p-1', name: 'Acme', network: 'TWITTER' },
      status: action,
    },
  },
  ...overrides,
});
