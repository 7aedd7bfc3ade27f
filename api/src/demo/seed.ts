import type { AddressInfo } from 'node:net';
import { ROUTES, pathTo, type BaselineDetail, type Milestone, type Person, type Plan, type Skill, type Summary, type User } from '@handover/shared';
import type { Express } from 'express';
import { signInWithToken, type Actor } from './client';
import type { SettableClock } from './clock';
import { EXIT_ITEM_COUNT, KT_SESSION_COUNT, exitEvents } from './exit-items';
import { MILESTONES } from './milestones';
import { rosterEvents } from './roster';
import { backfillWithNotes, webhookEvents, type Dispatcher } from './status';
import { DEMO_USERS, PEOPLE, SKILLS, dayOf, momentOf, planDates } from './story';
import { storyEvents, type Story } from './timeline';

export type DemoResult = {
  plan: Plan;
  counts: { milestones: number; people: number; skills: number; handovers: number; exitItems: number; ktSessions: number; posts: number; snapshots: number };
  baseline: BaselineDetail;
  webhookId: string;
  /** The summary read today, once the clock is back to real time. */
  summary: Summary;
};

/**
 * Seeds the demo through the public API of `app` (on a loopback port of its own), telling the
 * story at its own moments: `clock` is set to each one, then released to real time. The first
 * administrator must already exist (created with the clock at the plan's first morning). The
 * app's webhook `dispatcher` is driven at the story's moments (it must not be started meanwhile).
 */
export async function seedDemo(app: Express, clock: SettableClock, dispatcher: Dispatcher): Promise<DemoResult> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await seedThrough(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, clock, dispatcher);
  } finally {
    server.close();
  }
}

/** The plan's first morning, when the administrator is created (the demo sets its clock to it). */
export const firstMorning = (today: string): Date => momentOf(planDates(today).start, 8);

const [ADMIN, LEAD, EXECUTIVE, AGENCY] = DEMO_USERS;

async function seedThrough(base: string, clock: SettableClock, dispatcher: Dispatcher): Promise<DemoResult> {
  const today = new Date().toISOString().slice(0, 10);
  const dates = planDates(today);
  const at = (hour: number, minute = 0) => clock.set(momentOf(dates.start, hour, minute));

  // Week 0, Monday morning: accounts, the plan and its members.
  at(8, 30);
  const admin = await signInWithToken(base, ADMIN.email, ADMIN.password);
  const ids: Record<string, string> = {};
  for (const u of [LEAD, EXECUTIVE, AGENCY]) {
    ids[u.role] = (await admin.call<User>('POST', pathTo(ROUTES.users, {}), { email: u.email, name: u.name, password: u.password })).id;
  }
  at(9);
  const plan = await admin.call<Plan>('POST', pathTo(ROUTES.plans, {}), {
    name: 'Taking our voice back',
    brand: 'Northwind Coffee',
    agencyName: 'Brightside Social',
    startDate: dates.start,
    targetExitDate: dates.targetExit,
    contractEndDate: dates.contractEnd,
    leads: [ids.lead],
  });
  const planId = plan.id;
  for (const role of ['executive', 'agency'] as const) {
    await admin.call('PUT', pathTo(ROUTES.member, { planId, userId: ids[role] ?? '' }), { role });
  }
  at(9, 30);
  const lead = await signInWithToken(base, LEAD.email, LEAD.password);
  const agency = await signInWithToken(base, AGENCY.email, AGENCY.password);

  // Then the lead sets out the work: milestones (dependencies first), people and skills.
  at(10);
  const story: Story = {
    planId,
    start: dates.start,
    today,
    lead: lead.call,
    agency: agency.call,
    milestones: new Map(),
    skills: new Map(),
    people: [],
    handovers: new Map(),
    posts: 0,
  };
  for (const m of MILESTONES) {
    const created = await lead.call<Milestone>('POST', pathTo(ROUTES.milestones, { planId }), {
      title: m.title,
      phase: m.phase,
      dueDate: dayOf(dates.start, m.week, 3),
      weight: m.weight,
      owner: m.owner,
      dependsOn: (m.after ?? []).map((t) => story.milestones.get(t)?.id ?? t),
    });
    story.milestones.set(m.title, { id: created.id, version: created.version });
  }
  // The plan as agreed, frozen before anything moves: later due-date edits show as slips against it.
  at(10, 15);
  const baseline = await lead.call<BaselineDetail>('POST', pathTo(ROUTES.baselines, { planId }), { name: 'Plan as agreed with the agency' });
  at(10, 30);
  for (const person of PEOPLE) story.people.push((await lead.call<Person>('POST', pathTo(ROUTES.people, { planId }), person)).id);
  at(11);
  for (const s of SKILLS) {
    const { name, category, requiredLevel, requiredPeople, critical } = s;
    const skill = await lead.call<Skill>('POST', pathTo(ROUTES.skills, { planId }), { name, category, requiredLevel, requiredPeople, critical });
    story.skills.set(s.name, skill.id);
  }

  // The six months, event by event, each at its moment (never later than now).
  const more = [...rosterEvents(story), ...exitEvents(story), ...webhookEvents(story, dispatcher, () => clock.now())];
  for (const event of storyEvents(story, more)) {
    clock.set(new Date(Math.min(event.at.getTime(), Date.now())));
    await event.run(story);
  }

  // Back to real time: the weekly snapshots rebuilt and annotated, the seeding tokens revoked and today's answer read.
  clock.release();
  const snapshots = await backfillWithNotes(lead.call, planId, dates.start);
  const summary = await lead.call<Summary>('GET', pathTo(ROUTES.summary, { planId }));
  for (const actor of [admin, lead, agency]) await revoke(actor);
  const counts = { milestones: MILESTONES.length, people: PEOPLE.length, skills: SKILLS.length, handovers: story.handovers.size, exitItems: EXIT_ITEM_COUNT, ktSessions: KT_SESSION_COUNT, posts: story.posts, snapshots };
  return { plan, counts, summary, baseline, webhookId: story.webhookId ?? '' };
}

const revoke = (actor: Actor) => actor.call('DELETE', pathTo(ROUTES.myToken, { tokenId: actor.tokenId }));
