import { HANDOVER_LADDER, ROUTES, addDays, pathTo, type Handover, type HandoverStatus, type ImportResult, type Milestone, type RosterEntry, type Skill } from '@handover/shared';
import type { Caller } from './client';
import { MILESTONES } from './milestones';
import { POSTS_CSV_HEADER, adoptionShares, weekOfPosts } from './posts';
import { HANDOVERS, PEOPLE, SKILLS, WEEKS, dayOf, momentOf, prng, stepsOf, weekdayOf } from './story';

/** What the story's events need: who acts, in which plan, and the ids and versions so far. */
export type Story = {
  planId: string;
  start: string;
  today: string;
  lead: Caller;
  agency: Caller;
  milestones: Map<string, { id: string; version: number }>;
  skills: Map<string, string>;
  people: string[];
  handovers: Map<string, { id: string; version: number }>;
  posts: number;
  /** The Instagram account's agency-side roster entry, until it changes side (roster.ts). */
  accountEntry?: RosterEntry;
  /** The webhook that points nowhere (status.ts). */
  webhookId?: string;
};

/** One thing that happened, at its moment; events run in time order with the clock set to it. */
export type StoryEvent = { at: Date; run: (s: Story) => Promise<void> };

const found = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`demo story: ${what} is not there yet`);
  return value;
};

/** The Thursday of a due week. */
const dueOf = (s: Story, week: number) => dayOf(s.start, week, 3);

function milestoneEvents(s: Story): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const m of MILESTONES) {
    const patch = (body: object) => async () => {
      const current = found(s.milestones.get(m.title), m.title);
      const next = await s.lead<Milestone>('PATCH', pathTo(ROUTES.milestone, { planId: s.planId, milestoneId: current.id }), body, { version: current.version });
      s.milestones.set(m.title, { id: next.id, version: next.version });
    };
    const at = (week: number, weekday: number, hour: number) => momentOf(dayOf(s.start, week, weekday), hour);
    if (m.status !== 'planned') events.push({ at: at(m.started ?? Math.max(0, m.week - 3), 0, 14), run: patch({ status: 'in_progress' }) });
    if (m.moved) events.push({ at: at(m.moved[0], 0, 16), run: patch({ dueDate: dueOf(s, m.moved[1]) }) });
    if (m.blocked) {
      const [from, until] = m.blocked;
      events.push({ at: at(from, 0, 15), run: patch({ status: 'blocked' }) });
      if (until !== null) events.push({ at: at(until, 3, 10), run: patch({ status: 'in_progress' }) });
    }
    if (m.status === 'done') {
      const due = dueOf(s, m.moved ? m.moved[1] : m.week);
      events.push({ at: momentOf(weekdayOf(addDays(due, m.late ?? 0)), 16), run: patch({ status: 'done' }) });
    }
  }
  return events;
}

function skillEvents(s: Story): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const [j, skill] of SKILLS.entries()) {
    const skillId = () => found(s.skills.get(skill.name), skill.name);
    if (skill.raised) {
      const [week, requiredPeople] = skill.raised;
      events.push({
        at: momentOf(dayOf(s.start, week, 0), 10),
        run: async () => void (await s.lead<Skill>('PATCH', pathTo(ROUTES.skill, { planId: s.planId, skillId: skillId() }), { requiredPeople })),
      });
    }
    for (const person of PEOPLE.keys()) {
      for (const [week, level] of stepsOf(skill, j, person)) {
        const at = momentOf(dayOf(s.start, week, 2), 9, person);
        const body = () => ({ personId: found(s.people[person], 'a person'), skillId: skillId(), level, assessedAt: at.toISOString() });
        events.push({ at, run: async () => void (await s.lead('POST', pathTo(ROUTES.assessments, { planId: s.planId }), body())) });
      }
    }
  }
  return events;
}

const MOVE_NOTES: Record<HandoverStatus, string> = {
  agency: 'Back with the agency.',
  shadowing: 'Staff now watch the agency do it.',
  reverse_shadowing: 'Staff do it; the agency watches and corrects.',
  in_house: 'Staff do it on their own: over to the lead.',
  accepted: 'Checked over two weeks: ours now.',
};

/** Agency staff log each handover and move it up to in-house; the lead accepts and moves targets. */
function handoverEvents(s: Story): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const h of HANDOVERS) {
    const target = (week: number) => dayOf(s.start, week, 4);
    events.push({
      at: momentOf(dayOf(s.start, h.logged, 1), 10),
      run: async () => {
        const body = { title: h.title, channel: h.channel ?? undefined, targetDate: target(h.target) };
        const created = await s.agency<Handover>('POST', pathTo(ROUTES.handovers, { planId: s.planId }), body);
        s.handovers.set(h.title, { id: created.id, version: created.version });
      },
    });
    const current = () => found(s.handovers.get(h.title), h.title);
    for (const [i, week] of h.moves.entries()) {
      const [from, to] = [HANDOVER_LADDER[i], HANDOVER_LADDER[i + 1]];
      if (!from || !to) throw new Error(`demo story: ${h.title} climbs past the ladder`);
      const accept = to === 'accepted';
      events.push({
        at: momentOf(dayOf(s.start, week, accept ? 4 : 2), accept ? 15 : 11),
        run: async () => {
          const note = MOVE_NOTES[to];
          const path = pathTo(ROUTES.handoverTransitions, { planId: s.planId, handoverId: current().id });
          const moved = await (accept ? s.lead : s.agency)<Handover>('POST', path, { to, from, note });
          s.handovers.set(h.title, { id: moved.id, version: moved.version });
        },
      });
    }
    if (h.retarget) {
      const [week, to] = h.retarget;
      events.push({
        at: momentOf(dayOf(s.start, week, 1), 10),
        run: async () => {
          const path = pathTo(ROUTES.handover, { planId: s.planId, handoverId: current().id });
          const edited = await s.lead<Handover>('PATCH', path, { targetDate: target(to) }, { version: current().version });
          s.handovers.set(h.title, { id: edited.id, version: edited.version });
        },
      });
    }
  }
  return events;
}

/**
 * Adoption recorded each Friday for its week, and each week's posts imported the Monday after
 * (this week's so far, today). The PRNG is drawn in the same order on every run.
 */
function weeklyEvents(s: Story): StoryEvent[] {
  const random = prng(20260302);
  const shares = adoptionShares(random);
  const events: StoryEvent[] = [];
  for (let w = 0; w < WEEKS; w++) {
    events.push({
      at: momentOf(dayOf(s.start, w, 4), 16),
      run: async () =>
        void (await s.lead('POST', pathTo(ROUTES.adoption, { planId: s.planId }), {
          weekStart: dayOf(s.start, w),
          totalStaff: 240,
          activeUsers: Math.round(240 * (shares[w] ?? 0)),
          source: 'chat platform analytics',
        })),
    });
  }
  let numbered = 0;
  for (let w = 0; w <= WEEKS; w++) {
    const rows = weekOfPosts(random, w, dayOf(s.start, w), s.today, numbered);
    numbered += rows.length;
    if (!rows.length) continue;
    events.push({
      at: momentOf(dayOf(s.start, w + 1), 8, 30),
      run: async () => {
        const csv = [POSTS_CSV_HEADER, ...rows].join('\n') + '\n';
        const imported = await s.lead<ImportResult>('POST', pathTo(ROUTES.postsImport, { planId: s.planId }), csv, { csv: true });
        s.posts += imported.inserted;
      },
    });
  }
  return events;
}

/** Every event after the first morning with `more` told elsewhere, oldest first (ties keep the order they were told in). */
export function storyEvents(s: Story, more: StoryEvent[] = []): StoryEvent[] {
  const events = [...milestoneEvents(s), ...skillEvents(s), ...handoverEvents(s), ...weeklyEvents(s), ...more];
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map(({ e }) => e);
}
