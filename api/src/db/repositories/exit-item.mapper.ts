import type { ExitItem, ExitItemKind, ExitItemStatus, ExitItemTransition } from '@handover/shared';
import type { ExitItemEntity, ExitItemTransitionEntity } from '../entities/exit-item.entity';

/** A step of the history; the actor's name from `names` (their email when unknown). */
export const toExitItemTransition = (t: ExitItemTransitionEntity, names: Map<string, string>): ExitItemTransition => ({
  from: t.fromStatus as ExitItemStatus,
  to: t.toStatus as ExitItemStatus,
  at: t.at,
  actor: { id: t.actorId, email: t.actorEmail, name: names.get(t.actorId) ?? t.actorEmail },
  note: t.note ?? null,
});

/** An exit item with its history, already in order. */
export const toExitItem = (e: ExitItemEntity, history: ExitItemTransition[]): ExitItem => ({
  id: e.id,
  planId: e.planId,
  kind: e.kind as ExitItemKind,
  name: e.name,
  channel: e.channel ?? null,
  owner: e.ownerId ?? null,
  dueDate: e.dueDate ?? null,
  status: e.status as ExitItemStatus,
  evidence: e.evidence ?? null,
  evidenceUrl: e.evidenceUrl ?? null,
  history,
  createdBy: e.createdBy ?? null,
  version: Number(e.version),
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/** The row of an exit item (its history lives in its own table). */
export const toExitItemRow = (i: ExitItem): Omit<ExitItemEntity, 'plan' | 'owner'> => ({
  id: i.id,
  planId: i.planId,
  kind: i.kind,
  name: i.name,
  channel: i.channel,
  ownerId: i.owner,
  dueDate: i.dueDate,
  status: i.status,
  evidence: i.evidence,
  evidenceUrl: i.evidenceUrl,
  createdBy: i.createdBy,
  version: i.version,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});

/** What the activity log keeps of an exit item's editable fields (history rewinds these, docs/domain.md#as-of). */
export const exitItemSnapshot = (
  i: Pick<ExitItem, 'kind' | 'name' | 'channel' | 'owner' | 'dueDate' | 'evidence' | 'evidenceUrl'>,
): Record<string, unknown> => ({
  kind: i.kind,
  name: i.name,
  channel: i.channel,
  owner: i.owner,
  dueDate: i.dueDate,
  evidence: i.evidence,
  evidenceUrl: i.evidenceUrl,
});
