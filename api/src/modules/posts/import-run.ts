import os from 'node:os';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { isUniqueViolation, type Db, type Tx } from '../../db/data-source';
import {
  deleteImportRows,
  deleteImportRun,
  findImportRun,
  insertImportRun,
  listImportRuns,
  takeOverImportRun,
  touchImportRun,
  type ImportRun,
} from '../../db/repositories/import-runs.repository';

export type { ImportRun };

const HOST = os.hostname();
/** This process, as it signs the runs it holds: `pid:boot@host` (boot tells a reused pid apart). */
export const HOLDER = `${process.pid}:${newId()}@${HOST}`;
/** A run whose holder has not written a heartbeat for this long is abandoned (docs/domain.md#imports). */
export const LEASE_MS = 60_000;
/** A holder writes a heartbeat with every chunk, and at least this often while it only validates. */
export const HEARTBEAT_MS = 5_000;
/** Rows deleted per transaction when a run is discarded. */
const DISCARD_ROWS = 5000;

export const importInProgress = () =>
  new AppError(
    409,
    'import-in-progress',
    'Conflict',
    'Another import into this plan is running; try again when it has finished. Nothing was imported.',
  );

const takenOver = () =>
  new AppError(409, 'import-in-progress', 'Conflict', 'The import stalled and was discarded as abandoned; nothing was imported.');

/**
 * True when nobody will finish the run: its heartbeat is older than the lease, or its holder ran
 * on this host and that process is gone (so a restarted server cleans up at once).
 */
export function isAbandoned(run: ImportRun, nowMs: number): boolean {
  if (nowMs - Date.parse(run.heartbeatAt) > LEASE_MS) return true;
  if (run.holder === HOLDER) return false;
  const match = /^(\d+):([^@]+)@(.*)$/.exec(run.holder);
  if (!match || match[3] !== HOST) return false;
  const pid = Number(match[1]);
  if (pid === process.pid) return true; // an earlier life of this pid
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The plan's import lock and the id its rows carry; 409 `import-in-progress` while another run holds it. */
export async function claimImport(
  db: Db,
  clock: Clock,
  run: { planId: string; userId: string; dryRun: boolean },
): Promise<ImportRun> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await db.read((m) => findImportRun(m, run.planId));
    if (existing) {
      if (!isAbandoned(existing, clock.now().getTime())) throw importInProgress();
      await discardAbandoned(db, clock, existing);
      continue;
    }
    const now = clock.now().toISOString();
    const claimed: ImportRun = { id: newId(), ...run, holder: HOLDER, startedAt: now, heartbeatAt: now };
    try {
      await db.write((m) => insertImportRun(m, claimed));
      return claimed;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another process claimed it first: look again
    }
  }
  throw importInProgress();
}

/** A heartbeat inside the caller's transaction; 409 when the run was taken over meanwhile. */
export async function heartbeat(m: Tx, clock: Clock, run: ImportRun): Promise<void> {
  if (!(await touchImportRun(m, run.id, HOLDER, clock.now().toISOString()))) throw takenOver();
}

/** Ends a run this process holds, inside the caller's transaction: its remaining rows become visible. */
export async function releaseRun(m: Tx, run: ImportRun): Promise<void> {
  if (!(await deleteImportRun(m, run.id, HOLDER))) throw takenOver();
}

/** Deletes a run this process holds and its rows, a chunk per transaction; the rows stay hidden until the last is gone. */
export async function discardRun(db: Db, clock: Clock, run: ImportRun): Promise<void> {
  await discardRows(db, clock, run);
  await db.write((m) => deleteImportRun(m, run.id, HOLDER));
}

/** Deletes the rows of a run this process holds, a chunk per transaction; the run stays, so they stay hidden meanwhile. */
export async function discardRows(db: Db, clock: Clock, run: ImportRun): Promise<void> {
  for (;;) {
    const deleted = await db.bulkWrite(async (m) => {
      await heartbeat(m, clock, run);
      return deleteImportRows(m, run.id, DISCARD_ROWS);
    });
    if (deleted < DISCARD_ROWS) break;
  }
}

async function discardAbandoned(db: Db, clock: Clock, seen: ImportRun): Promise<boolean> {
  const taken = await db.write((m) => takeOverImportRun(m, seen, HOLDER, clock.now().toISOString()));
  if (!taken) return false;
  await discardRun(db, clock, { ...seen, holder: HOLDER });
  return true;
}

/** Discards every abandoned run (at startup and by the housekeeping); returns how many. */
export async function cleanUpAbandonedImports(db: Db, clock: Clock): Promise<number> {
  const runs = await db.read((m) => listImportRuns(m));
  let cleaned = 0;
  for (const run of runs) {
    if (isAbandoned(run, clock.now().getTime()) && (await discardAbandoned(db, clock, run))) cleaned++;
  }
  return cleaned;
}
