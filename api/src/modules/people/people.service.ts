import { randomUUID } from 'node:crypto';
import type { CreatePersonSchema, Page, PageQuery, Person, UpdatePersonSchema } from '@handover/shared';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import type { PlanCtx } from '../../http/context';
import { notFound } from '../../http/problem';
import { diff, type ActivityService } from '../activity/activity.service';
import { AssessmentEntity } from '../skills/assessment.entity';
import { personSnapshot, toPerson } from './person.mapper';
import { PersonEntity } from './person.entity';

export class PeopleService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}

  async list(ctx: PlanCtx, q: PageQuery): Promise<Page<Person>> {
    return this.deps.db.read(async (m) => {
      const [rows, total] = await byName(m.getRepository(PersonEntity).createQueryBuilder('p'), 'p')
        .where('p.plan_id = :planId', { planId: ctx.planId })
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toPerson), total, limit: q.limit, offset: q.offset };
    });
  }

  async get(ctx: PlanCtx, id: string): Promise<Person> {
    return this.deps.db.read(async (m) => toPerson(await findPerson(m, ctx.planId, id)));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreatePersonSchema>): Promise<Person> {
    return this.deps.db.write(async (m) => {
      const now = this.deps.clock.now().toISOString();
      const row: PersonEntity = {
        id: randomUUID(),
        planId: ctx.planId,
        name: input.name,
        title: input.title ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await m.getRepository(PersonEntity).insert(row);
      const dto = toPerson(row);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'create',
        entity: 'person',
        entityId: row.id,
        changes: personSnapshot(dto),
      });
      return dto;
    });
  }

  /** People are not versioned: the last edit wins. An edit that changes nothing writes nothing. */
  async update(ctx: PlanCtx, id: string, input: z.output<typeof UpdatePersonSchema>): Promise<Person> {
    return this.deps.db.write(async (m) => {
      const row = await findPerson(m, ctx.planId, id);
      const before = toPerson(row);
      const next = {
        name: input.name ?? row.name,
        title: input.title !== undefined ? input.title : row.title,
      };
      const changes = diff(personSnapshot(before), next);
      if (!Object.keys(changes).length) return before;
      const updatedAt = this.deps.clock.now().toISOString();
      await m.getRepository(PersonEntity).update({ id, planId: ctx.planId }, { ...next, updatedAt });
      await this.activity.record(m, ctx, ctx.planId, { action: 'update', entity: 'person', entityId: id, changes });
      return { ...before, ...next, updatedAt };
    });
  }

  /** Removes the person and every assessment of them. */
  async remove(ctx: PlanCtx, id: string): Promise<void> {
    await this.deps.db.write(async (m) => {
      // Serialised with assessment writes, so none lands between counting and removing.
      await this.deps.db.lockPlan(m, ctx.planId);
      const row = await findPerson(m, ctx.planId, id);
      const assessments = await m.getRepository(AssessmentEntity).delete({ planId: ctx.planId, personId: id });
      await m.getRepository(PersonEntity).delete({ id, planId: ctx.planId });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'person',
        entityId: id,
        changes: { ...personSnapshot(toPerson(row)), assessmentsRemoved: assessments.affected ?? 0 },
      });
    });
  }
}

/** By name regardless of case, the same on both dialects whatever the database collation. */
export function byName<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return qb
    .orderBy(`LOWER(${alias}.name)`, 'ASC')
    .addOrderBy(`${alias}.name`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC');
}

export async function findPerson(m: EntityManager, planId: string, id: string): Promise<PersonEntity> {
  const row = await m.getRepository(PersonEntity).findOne({ where: { id, planId } });
  if (!row) throw notFound('person');
  return row;
}
