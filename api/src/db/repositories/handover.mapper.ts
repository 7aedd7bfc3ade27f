import type { Handover, HandoverStatus, Transition } from '@handover/shared';
import type { HandoverEntity, HandoverTransitionEntity } from '../entities/handover.entity';

/** A step of the history; the actor's name from `names` (their email when unknown). */
export const toTransition = (t: HandoverTransitionEntity, names: Map<string, string>): Transition => ({
  from: t.fromStatus as HandoverStatus,
  to: t.toStatus as HandoverStatus,
  at: t.at,
  actor: { id: t.actorId, email: t.actorEmail, name: names.get(t.actorId) ?? t.actorEmail },
  note: t.note ?? null,
});

/** A handover with its history, already in order. */
export const toHandover = (h: HandoverEntity, history: Transition[]): Handover => ({
  id: h.id,
  planId: h.planId,
  title: h.title,
  channel: h.channel ?? null,
  description: h.description ?? null,
  status: h.status as HandoverStatus,
  targetDate: h.targetDate ?? null,
  history,
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
