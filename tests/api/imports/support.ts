import fs from 'node:fs';
import path from 'node:path';
import type { Post } from '@handover/shared';
import { newId } from '../../../api/src/core/ids';
import { RosterEntryEntity } from '../../../api/src/db/entities/roster.entity';
import { rosterMatchKey, type RosterRule } from '../../../api/src/modules/ingest/classify';
import type { TestApp } from '../../support/app';
import { createPlan } from '../../support/fixtures';

// Helpers for the mapped-import tests: the fixture files, a plan with a roster, and the calls.

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dir = path.join(__dirname, '../../fixtures/ingest');
export const fixture = (name: string) => fs.readFileSync(path.join(dir, name));

/** The roster of the ingest fixtures: Northstar (the agency) ran the Facebook page and the X account until 31 March 2026. */
export const ROSTER: Array<Omit<RosterRule, 'id'>> = [
  { kind: 'author', match: 'ana@northstar.example', side: 'agency' },
  { kind: 'author', match: 'Ana Ruiz', side: 'agency' },
  { kind: 'author', match: 'Ben Okafor', side: 'in_house' },
  { kind: 'author', match: 'ben@cafenord.example', side: 'in_house' },
  { kind: 'channel', match: '104200000000001', side: 'agency', to: '2026-03-31' },
  { kind: 'channel', match: '104200000000001', side: 'in_house', from: '2026-04-01' },
  { kind: 'channel', match: '@cafenord', side: 'in_house' },
  { kind: 'channel', match: 'X', side: 'agency', to: '2026-03-31' },
  { kind: 'channel', match: 'twitter', side: 'in_house', from: '2026-04-01' },
];

/** Roster entries written straight to the table (the roster's own routes are another module's). */
export async function seedRoster(t: TestApp, planId: string, entries = ROSTER): Promise<void> {
  const now = new Date().toISOString();
  await t.db.write(async (m) => {
    for (const e of entries) {
      await m.getRepository(RosterEntryEntity).insert({
        id: newId(),
        planId,
        kind: e.kind,
        match: e.match,
        matchKey: rosterMatchKey(e.kind, e.match),
        side: e.side,
        fromDate: e.from ?? null,
        toDate: e.to ?? null,
        note: null,
        createdBy: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
}

/** A fresh plan (the admin leads it) with the fixtures' roster. */
export async function rosterPlan(t: TestApp, token: string, roster = ROSTER): Promise<string> {
  const { id } = await createPlan(t, token);
  if (roster.length) await seedRoster(t, id, roster);
  return id;
}

export const importsPath = (planId: string, rest = '') => `/api/v1/plans/${planId}/imports${rest}`;

export function upload(t: TestApp, token: string, planId: string, body: Buffer | string, type = 'text/csv') {
  return t.as(token).post(importsPath(planId)).set('Content-Type', type).send(Buffer.isBuffer(body) ? body : Buffer.from(body));
}

export const mapping = (t: TestApp, token: string, planId: string, id: string, body: object) =>
  t.as(token).put(importsPath(planId, `/${id}/mapping`)).send(body);

export const commit = (t: TestApp, token: string, planId: string, id: string) => t.as(token).post(importsPath(planId, `/${id}/commit`));

/** Every visible post of the plan, oldest first. */
export async function postsOf(t: TestApp, token: string, planId: string): Promise<Post[]> {
  const res = await t.as(token).get(`/api/v1/plans/${planId}/posts?limit=200`);
  if (res.status !== 200) throw new Error(`posts: ${res.status}`);
  return (res.body.items as Post[]).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

/** Weekly share totals per source over the fixtures' weeks. */
export async function shareOf(t: TestApp, token: string, planId: string) {
  const res = await t.as(token).get(`/api/v1/plans/${planId}/posts/share?interval=week&from=2026-03-23&to=2026-04-12`);
  if (res.status !== 200) throw new Error(`share: ${res.status}`);
  const sum = { agency: 0, inHouse: 0, coAuthored: 0 };
  for (const p of res.body.points as Array<typeof sum>) {
    sum.agency += p.agency;
    sum.inHouse += p.inHouse;
    sum.coAuthored += p.coAuthored;
  }
  return sum;
}
