import { createHash } from 'node:crypto';
import type { Db } from '../../../api/src/db/data-source';

/**
 * Every table that holds what users made, read straight from the database, so "a refused request
 * changes nothing" is checked below the API. Left out on purpose: the moving parts of sign-in
 * (a session's last-seen time is touched by reads; rate-limit counters count refusals by design).
 */
const TABLES: Record<string, string[]> = {
  users: [],
  plans: [],
  plan_members: [],
  milestones: [],
  milestone_dependencies: [],
  people: [],
  skills: [],
  assessments: [],
  handovers: [],
  handover_transitions: [],
  exit_items: [],
  exit_item_transitions: [],
  posts: [],
  post_daily_counts: [],
  adoption_samples: [],
  activity: [],
  idempotency_keys: [],
  sessions: ['last_seen_at'],
  api_tokens: ['last_used_at'],
  // Touched by every delivery that brings the secret, like an API token's (docs/domain.md#receivers-and-ingest-secrets).
  ingest_secrets: ['last_used_at'],
};

export type Snapshot = Record<string, string[]>;

export async function snapshot(db: Db): Promise<Snapshot> {
  return db.read(async (m) => {
    const out: Snapshot = {};
    for (const [table, volatile] of Object.entries(TABLES)) {
      const rows: Array<Record<string, unknown>> = await m.query(`SELECT * FROM ${table}`);
      out[table] = rows
        .map((row) => {
          for (const column of volatile) delete row[column];
          return JSON.stringify(row, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? String(v) : v));
        })
        .sort();
    }
    return out;
  });
}

/** A short digest, for cheap equality when the snapshot is big. */
export function digest(s: Snapshot): string {
  return createHash('sha256').update(JSON.stringify(s)).digest('hex');
}

/** The tables that differ, with a few example rows each side, for a readable failure. */
export function difference(before: Snapshot, after: Snapshot): Record<string, { removed: string[]; added: string[] }> {
  const out: Record<string, { removed: string[]; added: string[] }> = {};
  for (const table of Object.keys(TABLES)) {
    const a = new Set(before[table]);
    const b = new Set(after[table]);
    const removed = [...a].filter((r) => !b.has(r));
    const added = [...b].filter((r) => !a.has(r));
    if (removed.length || added.length) out[table] = { removed: removed.slice(0, 3), added: added.slice(0, 3) };
  }
  return out;
}
