import type { GateKey, MilestoneStatus, Phase } from '@handover/shared';
import type { Db, Tx } from '../data-source';
import { MilestoneOverdueEventEntity, PlanGateStateEntity } from '../entities/plan-events.entity';

// What the scheduled webhook events remember (docs/domain.md#webhooks): which (milestone, due date)
// was announced overdue, and each plan's last known gates.

export type OverdueMilestone = { id: string; planId: string; title: string; phase: Phase; dueDate: string; status: MilestoneStatus };

const overdueSql = (db: Db, planFilter: boolean) =>
  `SELECT ms.id AS id, ms.plan_id AS plan_id, ms.title AS title, ms.phase AS phase, ms.due_date AS due_date, ms.status AS status
     FROM milestones ms
    WHERE ms.status <> 'done' AND ms.due_date < ${db.param(1)}${planFilter ? ` AND ms.plan_id = ${db.param(2)}` : ''}
      AND NOT EXISTS (SELECT 1 FROM milestone_overdue_events o WHERE o.milestone_id = ms.id AND o.due_date = ms.due_date)
    ORDER BY ms.plan_id, ms.due_date, ms.id`;

/** Milestones due before `today`, not done, whose current due date has not been announced overdue yet. */
export async function unannouncedOverdue(db: Db, m: Tx, today: string, planId?: string): Promise<OverdueMilestone[]> {
  const rows = await db.rows(m, overdueSql(db, planId !== undefined), planId !== undefined ? [today, planId] : [today]);
  return rows.map((r) => ({
    id: r[0] as string,
    planId: r[1] as string,
    title: r[2] as string,
    phase: r[3] as Phase,
    dueDate: r[4] as string,
    status: r[5] as MilestoneStatus,
  }));
}

/** Claim the announcement of (milestone, dueDate); false when it was claimed already (by anyone). */
export async function claimOverdue(m: Tx, row: { id: string; milestoneId: string; dueDate: string; firedAt: string }): Promise<boolean> {
  await m.getRepository(MilestoneOverdueEventEntity).createQueryBuilder().insert().values(row).orIgnore().execute();
  return m.getRepository(MilestoneOverdueEventEntity).exists({ where: { id: row.id } });
}

export type GateState = { gates: Partial<Record<GateKey, boolean>> | null; seenActivityAt: string | null };

/**
 * The plan's gate state, locked for the rest of the transaction (PostgreSQL: the row, created empty
 * when missing; SQLite is serial already), so two checks of one plan run one after the other.
 */
export async function lockGateState(db: Db, m: Tx, planId: string): Promise<GateState> {
  await m.getRepository(PlanGateStateEntity).createQueryBuilder().insert().values({ planId, gates: null, seenActivityAt: null, checkedAt: null }).orIgnore().execute();
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const [row] = await db.rows(m, `SELECT gates AS gates, seen_activity_at AS seen FROM plan_gate_states WHERE plan_id = ${db.param(1)}${lock}`, [planId]);
  return { gates: row?.[0] ? (JSON.parse(row[0] as string) as GateState['gates']) : null, seenActivityAt: (row?.[1] as string | null) ?? null };
}

export async function saveGateState(m: Tx, planId: string, gates: Record<GateKey, boolean>, seenActivityAt: string | null, checkedAt: string): Promise<void> {
  await m.getRepository(PlanGateStateEntity).update({ planId }, { gates: JSON.stringify(gates), seenActivityAt, checkedAt });
}

/** The newest activity entry of the plan (its time), or null. */
export async function latestActivityAt(db: Db, m: Tx, planId: string): Promise<string | null> {
  const [row] = await db.rows(m, `SELECT MAX(at) AS latest FROM activity WHERE plan_id = ${db.param(1)}`, [planId]);
  return (row?.[0] as string | null) ?? null;
}

/**
 * Plans whose gates may have moved since their last check: never checked, or an activity entry of
 * an entity that can move a gate is newer than the one the last check saw. One indexed probe each.
 */
export async function plansToCheck(db: Db, m: Tx, quietEntities: readonly string[]): Promise<string[]> {
  const quiet = quietEntities.map((e) => `'${e.replace(/'/g, "''")}'`).join(', ');
  const rows = await db.rows(
    m,
    `SELECT p.id AS id FROM plans p LEFT JOIN plan_gate_states g ON g.plan_id = p.id
      WHERE g.gates IS NULL
         OR EXISTS (SELECT 1 FROM activity a WHERE a.plan_id = p.id AND a.at > COALESCE(g.seen_activity_at, '') AND a.entity NOT IN (${quiet}))
      ORDER BY p.id`,
  );
  return rows.map((r) => r[0] as string);
}
