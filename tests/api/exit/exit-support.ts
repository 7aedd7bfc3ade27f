import { pathTo, ROUTES, type Activity, type ExitRequest, type Member, type Page, type Plan, type SnapshotListItem } from '@handover/shared';
import type { TestApp } from '../../support/app';
import { getBody, planWorld, type PlanWorld } from '../../support/fixtures';

/** The day the exits of these tests happen on (a Wednesday); users sign in at the real time, later than this. */
export const NOW = '2026-03-04T10:00:00.000Z';
export const TODAY = NOW.slice(0, 10);

/**
 * A fresh plan world, its users signed in at the real time and the clock then set to NOW, so that
 * moving the clock a few days on leaves their sessions valid.
 */
export async function exitWorld(t: TestApp): Promise<PlanWorld> {
  t.clock.reset();
  const world = await planWorld(t);
  t.clock.set(NOW);
  return world;
}

export const exitPath = (w: PlanWorld) => pathTo(ROUTES.planExit, { planId: w.planId });

export const exit = (t: TestApp, token: string, w: PlanWorld, body: ExitRequest = { confirm: true }) => t.as(token).post(exitPath(w)).send(body);

export const planOf = (t: TestApp, w: PlanWorld) => getBody<Plan>(t, w.admin.token, pathTo(ROUTES.plan, { planId: w.planId }));

export const membersOf = async (t: TestApp, w: PlanWorld) =>
  (await getBody<Page<Member>>(t, w.admin.token, pathTo(ROUTES.members, { planId: w.planId }))).items;

export const activityOf = async (t: TestApp, w: PlanWorld, query: Record<string, string> = {}) =>
  (await getBody<Page<Activity>>(t, w.admin.token, pathTo(ROUTES.activity, { planId: w.planId }, query))).items;

export const finalSnapshots = async (t: TestApp, w: PlanWorld) =>
  (await getBody<Page<SnapshotListItem>>(t, w.admin.token, pathTo(ROUTES.snapshots, { planId: w.planId }, { kind: 'final' }))).items;

/** What a refused exit must leave as it was: the plan, the memberships, the log and the final snapshots. */
export async function exitState(t: TestApp, w: PlanWorld): Promise<unknown> {
  return { plan: await planOf(t, w), members: await membersOf(t, w), activity: await activityOf(t, w), finals: await finalSnapshots(t, w) };
}
