import type { Page, PageQuery, Person } from '@handover/shared';
import type { Tx } from '../data-source';
import { PersonEntity } from '../entities/person.entity';
import { byName, findInPlan, pageFrom } from './common';
import { toPerson } from './person.mapper';

export function listPeople(m: Tx, planId: string, q: PageQuery): Promise<Page<Person>> {
  const qb = byName(m.getRepository(PersonEntity).createQueryBuilder('p'), 'p').where('p.plan_id = :planId', { planId });
  return pageFrom(qb, q, toPerson);
}

/** Everyone in the plan, by name: the rows of the skills matrix. */
export async function allPeople(m: Tx, planId: string): Promise<Person[]> {
  const rows = await byName(m.getRepository(PersonEntity).createQueryBuilder('p'), 'p').where('p.plan_id = :planId', { planId }).getMany();
  return rows.map(toPerson);
}

export async function findPerson(m: Tx, planId: string, id: string): Promise<Person> {
  return toPerson(await findInPlan(m, PersonEntity, planId, id, 'person'));
}

export const personExists = (m: Tx, planId: string, id: string): Promise<boolean> =>
  m.getRepository(PersonEntity).exists({ where: { id, planId } });

export async function insertPerson(m: Tx, p: Person): Promise<void> {
  await m.getRepository(PersonEntity).insert(p);
}

export async function updatePerson(m: Tx, planId: string, id: string, set: Partial<Pick<Person, 'name' | 'title' | 'updatedAt'>>): Promise<void> {
  await m.getRepository(PersonEntity).update({ id, planId }, set);
}

export async function deletePerson(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(PersonEntity).delete({ id, planId });
}
