import type { Handover, HandoverStatus, Transition } from '@handover/shared';
import type { HandoverEntity, HandoverTransitionEntity } from '../entities/handover.entity';

export const toTransition = (t: HandoverTransitionEntity): Transition => ({
  from: t.fromStatus as HandoverStatus,
  to: t.toStatus as HandoverStatus,
  at: t.at,
  actor: { id: t.actorId, email: t.actorEmail },
  note: t.note ?? null,
});

export const toHandover = (h: HandoverEntity, history: HandoverTransitionEntity[]): Handover => ({
  id: h.id,
  planId: h.planId,
  title: h.title,
  channel: h.channel ?? null,
  description: h.description ?? null,
  status: h.status as HandoverStatus,
  targetDate: h.targetDate ?? null,
  history: [...history].sort((a, b) => Number(a.seq) - Number(b.seq)).map(toTransition),
  version: Number(h.version),
  createdAt: h.createdAt,
  updatedAt: h.updatedAt,
});

/** What the activity log keeps of a handover's editable fields. */
export const handoverSnapshot = (h: Pick<Handover, 'title' | 'channel' | 'description' | 'targetDate'>): Record<string, unknown> => ({
  title: h.title,
  channel: h.channel,
  description: h.description,
  targetDate: h.targetDate,
});
