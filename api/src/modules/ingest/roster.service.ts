import {
  can,
  type CreateRosterEntrySchema,
  type InboxItem,
  type Page,
  type RosterEntry,
  type UpdateRosterEntrySchema,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, forbidden, unprocessable } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Tx } from '../../db/data-source';
import {
  deleteRosterEntry,
  findRosterEntry,
  insertRosterEntry,
  listInbox,
  listRoster,
  rosterRules,
  updateRosterEntryIfVersion,
  type RosterFilters,
} from '../../db/repositories/roster.repository';
import { diff } from '../activity/activity.service';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';
import { Roster, findOverlap, rosterMatchKey, type RosterRule } from './classify';
import { reclassifyAfterChange } from './reclassify';

// The roster: who and what publishes for a plan, on which side, when (docs/domain.md#ingest).

const snapshot = (e: RosterEntry) => ({ kind: e.kind, match: e.match, side: e.side, from: e.from, to: e.to, note: e.note });

export class RosterService extends ResourceService {
  list(ctx: PlanCtx, q: RosterFilters & { limit: number; offset: number }): Promise<Page<RosterEntry>> {
    return this.deps.db.read((m) => listRoster(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<RosterEntry> {
    return this.deps.db.read((m) => findRosterEntry(m, ctx.planId, id));
  }

  inbox(ctx: PlanCtx, q: { limit: number; offset: number }): Promise<Page<InboxItem>> {
    return this.deps.db.read((m) => listInbox(m, ctx.planId, q));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateRosterEntrySchema>): Promise<RosterEntry> {
    assertAgencyMayHold(ctx, input);
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      const now = this.deps.clock.now().toISOString();
      const entry: RosterEntry = {
        id: newId(),
        planId: ctx.planId,
        kind: input.kind,
        match: input.match,
        side: input.side,
        from: input.from ?? null,
        to: input.to ?? null,
        note: input.note || null,
        createdBy: ctx.user.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const rules = await this.rulesWithout(m, ctx.planId, entry);
      await insertRosterEntry(m, entry, rosterMatchKey(entry.kind, entry.match));
      const moved = await reclassifyAfterChange(this.deps.db, m, ctx.planId, entry.id, new Roster([...rules, entry]), now, true);
      await this.activity.log(m, ctx, 'create', 'roster_entry', entry.id, { ...snapshot(entry), posts: moved });
      return entry;
    });
  }

  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateRosterEntrySchema>): Promise<RosterEntry> {
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      const before = await findRosterEntry(m, ctx.planId, id);
      assertMayChange(ctx, before);
      assertVersion(before, version);
      const now = this.deps.clock.now().toISOString();
      const next: RosterEntry = {
        ...before,
        kind: input.kind ?? before.kind,
        match: input.match ?? before.match,
        side: input.side ?? before.side,
        from: input.from !== undefined ? input.from : before.from,
        to: input.to !== undefined ? input.to : before.to,
        note: input.note !== undefined ? input.note || null : before.note,
        version: version + 1,
        updatedAt: now,
      };
      // The schema checks a range given whole; an edit of one end is checked against the stored other.
      if (next.from && next.to && next.to < next.from) {
        throw unprocessable([input.to !== undefined ? { path: 'to', message: 'must not be before from' } : { path: 'from', message: 'must not be after to' }]);
      }
      assertAgencyMayHold(ctx, next);
      const rules = await this.rulesWithout(m, ctx.planId, next);
      const after = await writeIfVersion(
        next,
        version,
        (n, v) => updateRosterEntryIfVersion(m, n, rosterMatchKey(n.kind, n.match), v),
        () => findRosterEntry(m, ctx.planId, id),
      );
      // A note changes no post: the ledger is left alone (an entry may have classified a great many).
      const moved = sameRule(before, after)
        ? { reclassified: 0, sideChanged: 0, toInbox: 0, promoted: 0 }
        : await reclassifyAfterChange(this.deps.db, m, ctx.planId, id, new Roster([...rules, after]), now, true);
      await this.activity.log(m, ctx, 'update', 'roster_entry', id, { ...diff(snapshot(before), snapshot(after)), posts: moved });
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      const entry = await findRosterEntry(m, ctx.planId, id);
      assertMayChange(ctx, entry);
      assertVersion(entry, version);
      await deleteRosterEntry(m, ctx.planId, id);
      const now = this.deps.clock.now().toISOString();
      const rules = await rosterRules(m, ctx.planId);
      const moved = await reclassifyAfterChange(this.deps.db, m, ctx.planId, id, new Roster(rules), now, false);
      await this.activity.log(m, ctx, 'delete', 'roster_entry', id, { ...snapshot(entry), posts: moved });
    });
  }

  /** The plan's other entries, after refusing (409) an entry that clashes with one of them. */
  private async rulesWithout(m: Tx, planId: string, entry: RosterEntry): Promise<RosterRule[]> {
    const rules = (await rosterRules(m, planId)).filter((r) => r.id !== entry.id);
    const clash = findOverlap(entry, rules);
    if (clash) {
      const dates = `${clash.from ?? 'open start'} to ${clash.to ?? 'open end'}`;
      throw conflict(`The ${clash.kind} entry “${clash.match}” (${dates}) already matches this on overlapping dates; change its dates or this one's.`, 'conflict');
    }
    return rules;
  }
}

const sameRule = (a: RosterEntry, b: RosterEntry) =>
  a.kind === b.kind && a.match === b.match && a.side === b.side && a.from === b.from && a.to === b.to;

/** Agency staff keep `author` entries of their own side only (docs/domain.md#ingest). */
function assertAgencyMayHold(ctx: PlanCtx, entry: { kind: string; side: string }): void {
  if (can(ctx.role, 'editRoster') && !can(ctx.role, 'edit') && (entry.kind !== 'author' || entry.side !== 'agency')) {
    throw forbidden('Agency staff may keep only author entries on the agency side.');
  }
}

/** Agency staff edit and delete only the entries they created. */
function assertMayChange(ctx: PlanCtx, entry: RosterEntry): void {
  if (!can(ctx.role, 'edit') && entry.createdBy !== ctx.user.id) throw forbidden('Agency staff may change only the roster entries they created.');
}
