import type { ApiToken, ApiTokenScope, Role } from '@handover/shared';
import { IsNull, MoreThan } from 'typeorm';
import type { AuthUser, PlanAccess } from '../../core/context';
import type { Db, Tx } from '../data-source';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { SessionEntity } from '../entities/session.entity';
import { planScope, userScope } from './cache-generations.repository';
import { foundRole } from './members.repository';

/** A session as the hot path reads it: [sessionId, lastSeenAt, expiresAt, revokedAt, ...user]. */
export type SessionRow = unknown[];

/**
 * On PostgreSQL a credential's row goes on with what validates cached answers
 * (docs/performance.md#the-postgresql-read-path): the user's cache generation, and for a request
 * under /plans/{planId} the plan: [planId or null, role, access_until, contract_end_date, the plan's
 * generation]. One round trip instead of three, all read in one snapshot. `$2` is the plan's id,
 * `$3` its scope.
 */
const USER_COLUMNS = `, (SELECT g.generation FROM cache_generations g WHERE g.scope = '${userScope('')}' || u.id) AS user_generation`;
const PLAN_COLUMNS = `, p.id AS plan_id, pm.role, pm.access_until, p.contract_end_date,
       (SELECT g.generation FROM cache_generations g WHERE g.scope = $3) AS plan_generation`;
const PLAN_JOINS = 'LEFT JOIN plans p ON p.id = $2 LEFT JOIN plan_members pm ON pm.plan_id = $2 AND pm.user_id = u.id';
/** How many columns PLAN_COLUMNS adds at the end of a row. */
const PLAN_WIDTH = 5;

/** The extra columns, joins and parameters of a credential lookup (none on SQLite). */
function sharedParts(db: Db, hash: string, planId: string | undefined): { columns: string; joins: string; params: unknown[] } {
  if (db.dialect === 'sqlite') return { columns: '', joins: '', params: [hash] };
  if (planId === undefined) return { columns: USER_COLUMNS, joins: '', params: [hash] };
  return { columns: USER_COLUMNS + PLAN_COLUMNS, joins: PLAN_JOINS, params: [hash, planId, planScope(planId)] };
}

/**
 * One indexed lookup as raw rows: this runs before every authenticated call that is not answered
 * from the cache. A deactivated user's sessions are revoked with the flag, and are refused here as
 * well (docs/domain.md#access-lifecycle). On PostgreSQL split the row with splitSharedRow.
 */
export async function sessionRowByHash(db: Db, m: Tx, hash: string, planId?: string): Promise<SessionRow | undefined> {
  const { columns, joins, params } = sharedParts(db, hash, planId);
  const rows = await db.rows(
    m,
    `SELECT s.id AS session_id, s.last_seen_at, s.expires_at, s.revoked_at, u.id AS user_id, u.email, u.name, u.is_admin${columns}
     FROM sessions s JOIN users u ON u.id = s.user_id ${joins} WHERE s.token_hash = ${db.param(1)} AND u.active`,
    params,
    { prepare: true },
  );
  return rows[0];
}

/** [tokenId, lastUsedAt, expiresAt, planId, scopes, ...user] of an unrevoked API token of an active user; as sessionRowByHash. */
export async function apiTokenRowByHash(db: Db, m: Tx, hash: string, planId?: string): Promise<unknown[] | undefined> {
  const { columns, joins, params } = sharedParts(db, hash, planId);
  const rows = await db.rows(
    m,
    `SELECT t.id AS token_id, t.last_used_at, t.expires_at, t.plan_id, t.scopes, u.id AS user_id, u.email, u.name, u.is_admin${columns}
     FROM api_tokens t JOIN users u ON u.id = t.user_id ${joins}
     WHERE t.token_hash = ${db.param(1)} AND t.revoked_at IS NULL AND u.active`,
    params,
    { prepare: true },
  );
  return rows[0];
}

/**
 * A PostgreSQL credential row split into its own columns (the user's start at `userAt` and are
 * four), the user's generation, and with `planId` the plan access.
 */
export function splitSharedRow(row: unknown[], userAt: number, planId: string | undefined): { own: unknown[]; userGeneration: number; access?: PlanAccess } {
  const own = row.slice(0, userAt + 4);
  const userGeneration = (row[userAt + 4] as number | null) ?? 0;
  if (planId === undefined) return { own, userGeneration };
  const [plan, role, accessUntil, contractEndDate, generation] = row.slice(userAt + 5, userAt + 5 + PLAN_WIDTH) as [
    string | null,
    Role | null,
    string | null,
    string | null,
    number | null,
  ];
  const found = foundRole(userFromRow(own.slice(userAt)).isAdmin, plan !== null, role, accessUntil, contractEndDate);
  return { own, userGeneration, access: { planId, found, generation: generation ?? 0 } };
}

/** [id, email, name, is_admin] as read raw; SQLite stores booleans as 0/1. */
export const userFromRow = ([id, email, name, isAdmin]: unknown[]): AuthUser => ({
  id: id as string,
  email: email as string,
  name: name as string,
  isAdmin: isAdmin === true || isAdmin === 1 || isAdmin === '1',
});

export async function insertSession(m: Tx, session: SessionEntity): Promise<void> {
  await m.getRepository(SessionEntity).insert(session);
}

export async function touchSession(m: Tx, id: string, at: string): Promise<void> {
  await m.getRepository(SessionEntity).update({ id }, { lastSeenAt: at });
}

export async function touchApiToken(m: Tx, id: string, at: string): Promise<void> {
  await m.getRepository(ApiTokenEntity).update({ id }, { lastUsedAt: at });
}

export async function revokeCredential(m: Tx, kind: 'session' | 'api-token', id: string, at: string): Promise<void> {
  if (kind === 'session') await m.getRepository(SessionEntity).update({ id }, { revokedAt: at });
  else await m.getRepository(ApiTokenEntity).update({ id }, { revokedAt: at });
}

/** Revoke every live session of a user but one (pass '' to keep none); how many. */
export async function revokeOtherSessions(m: Tx, userId: string, keepId: string, at: string): Promise<number> {
  const result = await m
    .getRepository(SessionEntity)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: at })
    .where('user_id = :userId AND revoked_at IS NULL AND id <> :keepId', { userId, keepId })
    .execute();
  return result.affected ?? 0;
}

/** Delete sessions expired, idle since `idleCutoff`, or revoked before `revokedCutoff`; how many went. */
export async function deleteDeadSessions(m: Tx, cutoffs: { now: string; idleCutoff: string; revokedCutoff: string }): Promise<number> {
  const result = await m
    .getRepository(SessionEntity)
    .createQueryBuilder()
    .delete()
    .where('expires_at <= :now OR last_seen_at <= :idleCutoff OR revoked_at <= :revokedCutoff', cutoffs)
    .execute();
  return result.affected ?? 0;
}

export async function insertApiToken(m: Tx, token: ApiTokenEntity): Promise<void> {
  await m.getRepository(ApiTokenEntity).insert(token);
}

/** Scopes are stored joined by spaces; '' for an unscoped token. */
export const scopesFromColumn = (value: string): ApiTokenScope[] => (value ? (value.split(' ') as ApiTokenScope[]) : []);
export const scopesToColumn = (scopes: readonly ApiTokenScope[]): string => scopes.join(' ');

/** A user's API tokens that are neither revoked nor expired at `now`, oldest first. */
export async function listLiveApiTokens(m: Tx, userId: string, now: string): Promise<ApiToken[]> {
  const rows = await m.getRepository(ApiTokenEntity).find({
    where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    expiresAt: t.expiresAt,
    planId: t.planId ?? null,
    scopes: scopesFromColumn(t.scopes),
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
  }));
}

/** Whether the user has this token unrevoked (an expired one can still be revoked). */
export const liveApiTokenExists = (m: Tx, id: string, userId: string): Promise<boolean> =>
  m.getRepository(ApiTokenEntity).exists({ where: { id, userId, revokedAt: IsNull() } });

/** Revoke every unrevoked API token of a user (password change, deactivation); how many. */
export async function revokeApiTokensOf(m: Tx, userId: string, at: string): Promise<number> {
  const result = await m.getRepository(ApiTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  return result.affected ?? 0;
}

/**
 * Take turns with other processes bootstrapping the first admin at the same moment: on PostgreSQL
 * an advisory lock for the rest of the transaction (SQLite is already serial).
 */
export async function lockBootstrap(db: Db, m: Tx): Promise<void> {
  if (db.dialect === 'postgres') await m.query('SELECT pg_advisory_xact_lock(7301985)');
}
