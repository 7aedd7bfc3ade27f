import type { Role } from '@handover/shared';
import type { Db, Tx } from '../data-source';
import { DigestEmailEntity, UserPreferencesEntity } from '../entities/digest.entity';
import { SnapshotEntity } from '../entities/snapshot.entity';
import { claimRow, dueClaimableIds, writeUnderClaim } from './claims';
import { ACCESS_IN_FORCE_SQL } from './members.repository';

// Preferences and the weekly digest's email queue (docs/domain.md#email-digest).

export async function findWeeklyDigest(m: Tx, userId: string): Promise<boolean> {
  const row = await m.getRepository(UserPreferencesEntity).findOne({ where: { userId } });
  return Boolean(row?.weeklyDigest);
}

export async function saveWeeklyDigest(m: Tx, userId: string, weeklyDigest: boolean, at: string): Promise<void> {
  await m.getRepository(UserPreferencesEntity).upsert({ userId, weeklyDigest, updatedAt: at }, ['userId']);
}

/** SQL true while user `u` wants the digest, is active and is in plan `p` through membership `pm` on `:today`. */
const RECEIVES_SQL = `u.active = :yes AND pr.weekly_digest = :yes AND ${ACCESS_IN_FORCE_SQL}`;

/** Memberships of a plan joined to their users and preferences, filtered to those who receive the digest. */
const receivers = (m: Tx, planId: string, today: string) =>
  m
    .createQueryBuilder()
    .from('plan_members', 'pm')
    .innerJoin('plans', 'p', 'p.id = pm.plan_id')
    .innerJoin('users', 'u', 'u.id = pm.user_id')
    .innerJoin('user_preferences', 'pr', 'pr.user_id = u.id')
    .where('pm.plan_id = :planId', { planId })
    .andWhere(RECEIVES_SQL, { today, yes: true });

/** The members of a plan who get its digest on `today`: opted in, active, access in force. */
export async function digestRecipients(m: Tx, planId: string, today: string): Promise<string[]> {
  const rows = await receivers(m, planId, today).select('u.id', 'id').orderBy('u.id').getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

export type NewDigestEmail = { id: string; planId: string; snapshotId: string; userId: string; dueAt: string; at: string };

export async function insertDigestEmails(m: Tx, emails: NewDigestEmail[]): Promise<void> {
  if (!emails.length) return;
  await m.getRepository(DigestEmailEntity).insert(
    emails.map((e) => ({
      id: e.id,
      planId: e.planId,
      snapshotId: e.snapshotId,
      userId: e.userId,
      state: 'pending',
      attemptCount: 0,
      firstAttemptAt: null,
      nextAttemptAt: e.dueAt,
      lastError: null,
      claimToken: null,
      claimedUntil: null,
      createdAt: e.at,
      updatedAt: e.at,
    })),
  );
}

/** Ids of pending digests due at `now` that no live claim holds, soonest first. */
export const dueDigestIds = (db: Db, m: Tx, now: string, limit: number): Promise<string[]> => dueClaimableIds(db, m, 'digest_emails', now, limit);

/** Claim one digest with a conditional update only one racing process can win (as webhook deliveries are claimed). */
export const claimDigest = (m: Tx, id: string, token: string, now: string, until: string): Promise<boolean> => claimRow(m, DigestEmailEntity, id, token, now, until);

export type ClaimedDigest = {
  id: string;
  planId: string;
  planName: string;
  snapshotId: string;
  userId: string;
  attemptCount: number;
  firstAttemptAt: string | null;
  /** Null when the recipient may no longer have it: deactivated, membership ended or removed, opted out. */
  recipient: { email: string; name: string; role: Role } | null;
};

/** A claimed digest with who it goes to, judged on `today`. */
export async function findClaimedDigest(m: Tx, id: string, today: string): Promise<ClaimedDigest | null> {
  const row = await m.getRepository(DigestEmailEntity).findOne({ where: { id } });
  if (!row) return null;
  const plan = await m.createQueryBuilder().from('plans', 'p').select('p.name', 'name').where('p.id = :id', { id: row.planId }).getRawOne<{ name: string }>();
  const who = await receivers(m, row.planId, today)
    .andWhere('u.id = :userId', { userId: row.userId })
    .select(['u.email AS email', 'u.name AS name', 'pm.role AS role'])
    .getRawOne<{ email: string; name: string; role: Role }>();
  return {
    id: row.id,
    planId: row.planId,
    planName: plan?.name ?? '',
    snapshotId: row.snapshotId,
    userId: row.userId,
    attemptCount: Number(row.attemptCount),
    firstAttemptAt: row.firstAttemptAt ?? null,
    recipient: who ? { email: who.email, name: who.name, role: who.role } : null,
  };
}

export type DigestOutcome = { state: 'pending' | 'sent' | 'failed' | 'void'; attempted: boolean; firstAttemptAt: string | null; nextAttemptAt: string | null; error: string | null };

/** The result of an attempt (or of voiding), written only while this sender's claim holds. */
export function recordDigestOutcome(m: Tx, d: ClaimedDigest, token: string, o: DigestOutcome, now: string): Promise<boolean> {
  const values = { state: o.state, attemptCount: d.attemptCount + (o.attempted ? 1 : 0), firstAttemptAt: o.firstAttemptAt, nextAttemptAt: o.nextAttemptAt, lastError: o.error };
  return writeUnderClaim(m, DigestEmailEntity, d.id, token, values, now);
}

export type DigestRow = { id: string; userId: string; snapshotId: string; state: string; attemptCount: number; nextAttemptAt: string | null; lastError: string | null };

/** A plan's queued and sent digests, oldest first (tests and support). */
export async function listDigestEmails(m: Tx, planId: string): Promise<DigestRow[]> {
  const rows = await m.getRepository(DigestEmailEntity).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    snapshotId: r.snapshotId,
    state: r.state,
    attemptCount: Number(r.attemptCount),
    nextAttemptAt: r.nextAttemptAt ?? null,
    lastError: r.lastError ?? null,
  }));
}

/** The id of the plan's weekly snapshot before the week starting `weekStart`, or null for its first. */
export async function previousWeeklyId(m: Tx, planId: string, weekStart: string): Promise<string | null> {
  const row = await m
    .getRepository(SnapshotEntity)
    .createQueryBuilder('s')
    .select('s.id', 'id')
    .where("s.plan_id = :planId AND s.kind = 'weekly' AND s.week_start < :weekStart", { planId, weekStart })
    .orderBy('s.week_start', 'DESC')
    .limit(1)
    .getRawOne<{ id: string }>();
  return row?.id ?? null;
}

/** Forget digests created before `cutoff` that are done with (sent, failed or void); how many. */
export async function purgeDigestEmails(m: Tx, cutoff: string): Promise<number> {
  const result = await m
    .getRepository(DigestEmailEntity)
    .createQueryBuilder()
    .delete()
    .where("created_at < :cutoff AND state <> 'pending'", { cutoff })
    .execute();
  return result.affected ?? 0;
}
