import type { IngestReceiver, IngestSecret } from '@handover/shared';
import { In, IsNull } from 'typeorm';
import type { Tx } from '../data-source';
import { IngestSecretEntity } from '../entities/ingest-secret.entity';
import { UserEntity } from '../entities/user.entity';

/** An ingest secret as a receiver checks it: the plan it writes to, its receiver, whether it was revoked. */
export type IngestSecretRow = { id: string; planId: string; receiver: IngestReceiver; revokedAt: string | null };

export async function insertIngestSecret(m: Tx, row: IngestSecretEntity): Promise<void> {
  await m.getRepository(IngestSecretEntity).insert(row);
}

/** A plan's secrets, oldest first, revoked ones included (a lead sees when one stopped working). */
export async function listIngestSecrets(m: Tx, planId: string): Promise<IngestSecret[]> {
  const rows = await m.getRepository(IngestSecretEntity).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const userIds = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))];
  const users = userIds.length ? await m.getRepository(UserEntity).find({ where: { id: In(userIds) }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => toIngestSecret(r, r.createdBy && names.has(r.createdBy) ? { id: r.createdBy, name: names.get(r.createdBy)! } : null));
}

export async function findIngestSecret(m: Tx, planId: string, id: string): Promise<IngestSecret | null> {
  const row = await m.getRepository(IngestSecretEntity).findOne({ where: { planId, id } });
  if (!row) return null;
  const user = row.createdBy ? await m.getRepository(UserEntity).findOne({ where: { id: row.createdBy }, select: { id: true, name: true } }) : null;
  return toIngestSecret(row, user ? { id: user.id, name: user.name } : null);
}

/** The secret whose SHA-256 this is, revoked or not; null when there is none. */
export async function ingestSecretByHash(m: Tx, hash: string): Promise<IngestSecretRow | null> {
  const row = await m.getRepository(IngestSecretEntity).findOne({
    where: { hash },
    select: { id: true, planId: true, receiver: true, revokedAt: true },
  });
  return row ? { id: row.id, planId: row.planId, receiver: row.receiver as IngestReceiver, revokedAt: row.revokedAt } : null;
}

/** Revoke a live secret; false when it was already revoked. */
export async function revokeIngestSecret(m: Tx, planId: string, id: string, at: string): Promise<boolean> {
  const result = await m.getRepository(IngestSecretEntity).update({ planId, id, revokedAt: IsNull() }, { revokedAt: at });
  return (result.affected ?? 0) > 0;
}

export async function touchIngestSecret(m: Tx, id: string, at: string): Promise<void> {
  await m.getRepository(IngestSecretEntity).update({ id }, { lastUsedAt: at });
}

function toIngestSecret(r: IngestSecretEntity, createdBy: IngestSecret['createdBy']): IngestSecret {
  return {
    id: r.id,
    planId: r.planId,
    receiver: r.receiver as IngestReceiver,
    name: r.name,
    createdAt: r.createdAt,
    createdBy,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  };
}
