import type { AdoptionSample } from '@handover/shared';
import type { AdoptionSampleEntity } from '../entities/adoption-sample.entity';

export function toAdoptionSample(a: AdoptionSampleEntity): AdoptionSample {
  const activeUsers = Number(a.activeUsers);
  const totalStaff = Number(a.totalStaff);
  return {
    planId: a.planId,
    weekStart: a.weekStart,
    activeUsers,
    totalStaff,
    share: totalStaff > 0 ? activeUsers / totalStaff : 0,
    source: a.source ?? null,
    updatedAt: a.updatedAt,
  };
}

/** What the activity log keeps of a sample. */
export const adoptionSnapshot = (a: AdoptionSample): Record<string, unknown> => ({
  weekStart: a.weekStart,
  activeUsers: a.activeUsers,
  totalStaff: a.totalStaff,
  source: a.source,
});
