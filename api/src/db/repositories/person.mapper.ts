import type { Person } from '@handover/shared';
import type { PersonEntity } from '../entities/person.entity';

export const toPerson = (p: PersonEntity): Person => ({
  id: p.id,
  planId: p.planId,
  name: p.name,
  title: p.title ?? null,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** What the activity log keeps of a person. */
export const personSnapshot = (p: Person): Record<string, unknown> => ({ name: p.name, title: p.title });
