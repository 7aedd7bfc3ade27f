import { ImportRunEntity } from '../entities/import-run.entity';
import { PostEntity } from '../entities/post.entity';
import type { Tx } from '../data-source';

/** An import that has not committed yet (docs/domain.md#imports). */
export type ImportRun = {
  id: string;
  planId: string;
  userId: string;
  dryRun: boolean;
  holder: string;
  startedAt: string;
  heartbeatAt: string;
};

const toRun = (e: ImportRunEntity): ImportRun => ({
  id: e.id,
  planId: e.planId,
  userId: e.userId,
  dryRun: Boolean(e.dryRun),
  holder: e.holder,
  startedAt: e.startedAt,
  heartbeatAt: e.heartbeatAt,
});

export async function findImportRun(m: Tx, planId: string): Promise<ImportRun | null> {
  const row = await m.getRepository(ImportRunEntity).findOne({ where: { planId } });
  return row ? toRun(row) : null;
}

export async function listImportRuns(m: Tx): Promise<ImportRun[]> {
  return (await m.getRepository(ImportRunEntity).find({ order: { startedAt: 'ASC' } })).map(toRun);
}

/** Takes the plan's import lock: a unique violation when another import of the plan holds it. */
export async function insertImportRun(m: Tx, run: ImportRun): Promise<void> {
  await m.getRepository(ImportRunEntity).insert(run);
}

/** The holder's heartbeat. False when the run is gone or another holder took it over as abandoned. */
export async function touchImportRun(m: Tx, id: string, holder: string, at: string): Promise<boolean> {
  const result = await m.getRepository(ImportRunEntity).update({ id, holder }, { heartbeatAt: at });
  return Boolean(result.affected);
}

/**
 * Takes over an abandoned run, to discard it: only if it is still as it was seen (same holder, same
 * heartbeat), so of two processes that both saw it dead one wins, and a holder that was only slow
 * finds its heartbeat refused and stops.
 */
export async function takeOverImportRun(m: Tx, seen: ImportRun, holder: string, at: string): Promise<boolean> {
  const result = await m
    .getRepository(ImportRunEntity)
    .update({ id: seen.id, holder: seen.holder, heartbeatAt: seen.heartbeatAt }, { holder, heartbeatAt: at });
  return Boolean(result.affected);
}

/** Removing the run makes its remaining rows visible and frees the plan's lock. False when another holder has it. */
export async function deleteImportRun(m: Tx, id: string, holder: string): Promise<boolean> {
  const result = await m.getRepository(ImportRunEntity).delete({ id, holder });
  return Boolean(result.affected);
}

/** Deletes up to `limit` rows of the import; returns how many went, so the caller knows when it is done. */
export async function deleteImportRows(m: Tx, importId: string, limit: number): Promise<number> {
  const posts = m.getRepository(PostEntity);
  const ids = (await posts.find({ select: { id: true }, where: { importId }, take: limit })).map((p) => p.id);
  if (ids.length) await posts.delete(ids);
  return ids.length;
}

/**
 * The condition that hides the rows of an import that has not committed: add it to every read of
 * `posts` (alias `p`, with the plan id bound as `:planId`).
 */
export const VISIBLE_POST = '(p.import_id IS NULL OR p.import_id NOT IN (SELECT r.id FROM import_runs r WHERE r.plan_id = :planId))';
