import type { CreatePersonSchema, Page, PageQuery, Person, UpdatePersonSchema } from '@handover/shared';
import type { z } from 'zod';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { deleteAssessmentsOf } from '../../db/repositories/assessments.repository';
import {
  deletePerson,
  findPerson,
  insertPerson,
  listPeople,
  updatePerson,
} from '../../db/repositories/people.repository';
import { personSnapshot } from '../../db/repositories/person.mapper';
import { diff } from '../activity/activity.service';
import { ResourceService } from '../service';

export class PeopleService extends ResourceService {
  list(ctx: PlanCtx, q: PageQuery): Promise<Page<Person>> {
    return this.deps.db.read((m) => listPeople(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<Person> {
    return this.deps.db.read((m) => findPerson(m, ctx.planId, id));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreatePersonSchema>): Promise<Person> {
    return this.write(ctx, async (m) => {
      const now = this.deps.clock.now().toISOString();
      const person: Person = {
        id: newId(),
        planId: ctx.planId,
        name: input.name,
        title: input.title ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await insertPerson(m, person);
      await this.activity.log(m, ctx, 'create', 'person', person.id, personSnapshot(person));
      return person;
    });
  }

  /** People are not versioned: the last edit wins. An edit that changes nothing writes nothing. */
  async update(ctx: PlanCtx, id: string, input: z.output<typeof UpdatePersonSchema>): Promise<Person> {
    return this.write(ctx, async (m) => {
      const before = await findPerson(m, ctx.planId, id);
      const next = {
        name: input.name ?? before.name,
        title: input.title !== undefined ? input.title : before.title,
      };
      const changes = diff(personSnapshot(before), next);
      if (!Object.keys(changes).length) return before;
      const updatedAt = this.deps.clock.now().toISOString();
      await updatePerson(m, ctx.planId, id, { ...next, updatedAt });
      await this.activity.log(m, ctx, 'update', 'person', id, changes);
      return { ...before, ...next, updatedAt };
    });
  }

  /** Removes the person and every assessment of them. */
  async remove(ctx: PlanCtx, id: string): Promise<void> {
    await this.write(ctx, async (m) => {
      // Serialised with assessment writes, so none lands between counting and removing.
      await this.deps.db.lockPlan(m, ctx.planId);
      const person = await findPerson(m, ctx.planId, id);
      const assessmentsRemoved = await deleteAssessmentsOf(m, ctx.planId, { personId: id });
      await deletePerson(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'person', id, { ...personSnapshot(person), assessmentsRemoved });
    });
  }
}
