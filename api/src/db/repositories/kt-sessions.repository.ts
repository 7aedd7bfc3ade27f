import type { KtMethod, KtSession, KtSessionListQuery, Page } from '@handover/shared';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { Tx } from '../data-source';
import { HandoverEntity } from '../entities/handover.entity';
import { KtSessionAttendeeEntity, KtSessionEntity, KtSessionHandoverEntity, KtSessionSkillEntity } from '../entities/kt-session.entity';
import { PersonEntity } from '../entities/person.entity';
import { SkillEntity } from '../entities/skill.entity';
import { findInPlan, updateIfVersion } from './common';

// Knowledge-transfer sessions and their links (docs/domain.md#knowledge-transfer-sessions).

type Links = Pick<KtSession, 'attendees' | 'handoverIds' | 'skillIds'>;
type LinkTable = { entity: EntityTarget<ObjectLiteral>; column: 'personId' | 'handoverId' | 'skillId'; field: keyof Links };

const LINKS: LinkTable[] = [
  { entity: KtSessionAttendeeEntity, column: 'personId', field: 'attendees' },
  { entity: KtSessionHandoverEntity, column: 'handoverId', field: 'handoverIds' },
  { entity: KtSessionSkillEntity, column: 'skillId', field: 'skillIds' },
];

const toKtSession = (r: KtSessionEntity, links: Links): KtSession => ({
  id: r.id,
  planId: r.planId,
  date: r.date,
  topic: r.topic,
  method: r.method as KtMethod,
  givenBy: r.givenBy,
  ...links,
  materialsUrl: r.materialsUrl,
  notes: r.notes,
  createdBy: r.createdBy,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const toRow = (s: KtSession): KtSessionEntity => ({
  id: s.id,
  planId: s.planId,
  date: s.date,
  topic: s.topic,
  method: s.method,
  givenBy: s.givenBy,
  materialsUrl: s.materialsUrl,
  notes: s.notes,
  createdBy: s.createdBy,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** The links of each session, in the order the session lists them. */
async function linksOf(m: Tx, ids: string[]): Promise<Map<string, Links>> {
  const out = new Map<string, Links>(ids.map((id) => [id, { attendees: [], handoverIds: [], skillIds: [] }]));
  if (!ids.length) return out;
  for (const link of LINKS) {
    const rows = (await m.getRepository(link.entity).find({ where: { sessionId: In(ids) }, order: { sessionId: 'ASC', seq: 'ASC' } })) as Array<
      Record<string, string>
    >;
    for (const row of rows) out.get(row.sessionId!)?.[link.field].push(row[link.column]!);
  }
  return out;
}

/** Newest date first; of one day, the last recorded first. The handover and skill filters use their link's index. */
export async function listKtSessions(m: Tx, planId: string, q: KtSessionListQuery): Promise<Page<KtSession>> {
  const qb = m.getRepository(KtSessionEntity).createQueryBuilder('s').where('s.plan_id = :planId', { planId });
  // `IN (subquery)` rather than EXISTS: both dialects then start from the link's index on the
  // handover (or skill) instead of probing every session of the plan.
  if (q.handoverId) {
    qb.andWhere('s.id IN (SELECT lh.session_id FROM kt_session_handovers lh WHERE lh.handover_id = :handoverId)', { handoverId: q.handoverId });
  }
  if (q.skillId) {
    qb.andWhere('s.id IN (SELECT ls.session_id FROM kt_session_skills ls WHERE ls.skill_id = :skillId)', { skillId: q.skillId });
  }
  if (q.method) qb.andWhere('s.method = :method', { method: q.method });
  if (q.from) qb.andWhere('s.date >= :from', { from: q.from });
  if (q.to) qb.andWhere('s.date <= :to', { to: q.to });
  const [rows, total] = await qb
    .orderBy('s.date', 'DESC')
    .addOrderBy('s.created_at', 'DESC')
    .addOrderBy('s.id', 'DESC')
    .take(q.limit)
    .skip(q.offset)
    .getManyAndCount();
  const links = await linksOf(m, rows.map((r) => r.id));
  return { items: rows.map((r) => toKtSession(r, links.get(r.id)!)), total, limit: q.limit, offset: q.offset };
}

/** The session with its links, or 404 (a session of another plan is as unknown as none). */
export async function findKtSession(m: Tx, planId: string, id: string): Promise<KtSession> {
  const row = await findInPlan(m, KtSessionEntity, planId, id, 'knowledge-transfer session');
  return toKtSession(row, (await linksOf(m, [id])).get(id)!);
}

async function writeLinks(m: Tx, s: KtSession, fields: ReadonlyArray<keyof Links>): Promise<void> {
  for (const link of LINKS.filter((l) => fields.includes(l.field))) {
    const repo = m.getRepository(link.entity);
    await repo.delete({ sessionId: s.id });
    const rows = s[link.field].map((ref, seq) => ({ sessionId: s.id, [link.column]: ref, seq }));
    if (rows.length) await repo.insert(rows);
  }
}

export async function insertKtSession(m: Tx, s: KtSession): Promise<void> {
  await m.getRepository(KtSessionEntity).insert(toRow(s));
  await writeLinks(m, s, ['attendees', 'handoverIds', 'skillIds']);
}

/**
 * Write the session's fields if it is still at `version` (and then the links named in `changed`);
 * false when someone else moved it on.
 */
export async function updateKtSessionIfVersion(m: Tx, s: KtSession, version: number, changed: ReadonlyArray<keyof Links>): Promise<boolean> {
  const { id: _i, planId: _p, createdAt: _c, createdBy: _b, ...set } = toRow(s);
  if (!(await updateIfVersion(m, KtSessionEntity, { id: s.id, planId: s.planId }, version, set))) return false;
  await writeLinks(m, s, changed);
  return true;
}

export async function deleteKtSession(m: Tx, planId: string, id: string): Promise<void> {
  for (const link of LINKS) await m.getRepository(link.entity).delete({ sessionId: id });
  await m.getRepository(KtSessionEntity).delete({ id, planId });
}

const REFERENCED: Record<keyof Links, EntityTarget<ObjectLiteral>> = {
  attendees: PersonEntity,
  handoverIds: HandoverEntity,
  skillIds: SkillEntity,
};

/**
 * Which of `ids` name a person, handover or skill of the plan. On PostgreSQL the rows found are
 * share-locked until the commit, so a delete racing this write waits and then removes the new link
 * with the row, instead of failing the write on its foreign key.
 */
export async function existingInPlan(m: Tx, field: keyof Links, planId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const qb = m
    .getRepository(REFERENCED[field])
    .createQueryBuilder('x')
    .select('x.id', 'id')
    .where('x.plan_id = :planId', { planId })
    .andWhere('x.id IN (:...ids)', { ids: [...ids] });
  if (m.connection.options.type === 'postgres') qb.setLock('pessimistic_read');
  const rows = await qb.getRawMany<{ id: string }>();
  return new Set(rows.map((r) => r.id));
}
