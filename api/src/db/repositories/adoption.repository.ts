import type { AdoptionListQuery, AdoptionSample } from '@handover/shared';
import { LessThanOrEqual } from 'typeorm';
import type { Tx } from '../data-source';
import { AdoptionSampleEntity } from '../entities/adoption-sample.entity';
import { toAdoptionSample } from './adoption.mapper';

/** The weekly series, oldest first, optionally from/to a week (inclusive). */
export async function listAdoption(m: Tx, planId: string, q: AdoptionListQuery): Promise<AdoptionSample[]> {
  const qb = m.getRepository(AdoptionSampleEntity).createQueryBuilder('a').where('a.plan_id = :planId', { planId });
  if (q.from) qb.andWhere('a.week_start >= :from', { from: q.from });
  if (q.to) qb.andWhere('a.week_start <= :to', { to: q.to });
  return (await qb.orderBy('a.week_start', 'ASC').getMany()).map(toAdoptionSample);
}

/** The sample of one week, with when it was first recorded. */
export async function findAdoptionWeek(m: Tx, planId: string, weekStart: string): Promise<(AdoptionSample & { createdAt: string }) | null> {
  const row = await m.getRepository(AdoptionSampleEntity).findOne({ where: { planId, weekStart } });
  return row && { ...toAdoptionSample(row), createdAt: row.createdAt };
}

/** The latest `count` samples on or before a date, oldest first. */
export async function adoptionUpTo(m: Tx, planId: string, asOf: string, count: number): Promise<AdoptionSample[]> {
  const rows = await m.getRepository(AdoptionSampleEntity).find({
    where: { planId, weekStart: LessThanOrEqual(asOf) },
    order: { weekStart: 'DESC' },
    take: count,
  });
  return rows.reverse().map(toAdoptionSample);
}

export const countAdoptionWeeks = (m: Tx, planId: string): Promise<number> =>
  m.getRepository(AdoptionSampleEntity).count({ where: { planId } });

type Figures = { activeUsers: number; totalStaff: number; source: string | null; updatedAt: string };

export async function insertAdoptionWeek(m: Tx, planId: string, weekStart: string, figures: Figures): Promise<AdoptionSample> {
  const row: AdoptionSampleEntity = { planId, weekStart, ...figures, createdAt: figures.updatedAt };
  await m.getRepository(AdoptionSampleEntity).insert(row);
  return toAdoptionSample(row);
}

export async function updateAdoptionWeek(m: Tx, planId: string, weekStart: string, figures: Figures): Promise<void> {
  await m.getRepository(AdoptionSampleEntity).update({ planId, weekStart }, figures);
}

export async function deleteAdoptionWeek(m: Tx, planId: string, weekStart: string): Promise<void> {
  await m.getRepository(AdoptionSampleEntity).delete({ planId, weekStart });
}
