import { EXIT_ITEM_LADDER, ROUTES, pathTo, type ExitItem, type ExitItemKind, type KtMethod } from '@handover/shared';
import { INSTAGRAM_ACCOUNT } from './roster';
import { PEOPLE, dayOf, momentOf } from './story';
import type { Story, StoryEvent } from './timeline';

/**
 * One thing the agency holds (docs/domain.md#exit-checklist): listed by the agency in week `listed`,
 * climbing one step of the ladder at each week of `moves` (the fifth step, verified, by the lead).
 * `due` is a week from the plan's start (26 is the current week).
 */
type DemoExitItem = {
  kind: ExitItemKind;
  name: string;
  channel?: string;
  /** Index into PEOPLE: who will own it in house. */
  owner: number;
  listed: number;
  due: number;
  moves: number[];
  evidence?: string;
  evidenceUrl?: string;
};

/**
 * About fifteen items at every step of the ladder. The Meta ad account is the one that blocks the
 * exit: the agency is still its only admin and pays it on its own card.
 */
export const EXIT_ITEMS: DemoExitItem[] = [
  { kind: 'social_account', name: `Instagram account ${INSTAGRAM_ACCOUNT}`, channel: 'instagram', owner: 0, listed: 2, due: 22, moves: [12, 20, 21, 22], evidence: 'Ownership moved to the Northwind business account; Brightside removed in week 20.' },
  { kind: 'social_account', name: 'LinkedIn company page', channel: 'linkedin', owner: 1, listed: 2, due: 18, moves: [6, 12, 15, 17], evidence: 'Super admins: Tom and Priya. Brightside has no role left.' },
  { kind: 'social_account', name: 'X account @northwind', channel: 'x', owner: 0, listed: 2, due: 26, moves: [8, 16, 24], evidence: 'Email and phone on the account changed to ours; agency sessions logged out.' },
  { kind: 'social_account', name: 'Facebook page Northwind Coffee', channel: 'facebook', owner: 4, listed: 3, due: 27, moves: [9, 22] },
  { kind: 'ad_account', name: 'Meta ad account (Business Manager)', channel: 'facebook', owner: 5, listed: 3, due: 27, moves: [19], evidence: 'Leo has analyst access only: the agency is still the sole admin and bills it to its card.' },
  { kind: 'ad_account', name: 'LinkedIn Campaign Manager account', channel: 'linkedin', owner: 5, listed: 4, due: 28, moves: [14, 23] },
  { kind: 'admin_role', name: 'Meta Business Suite admin role', channel: 'facebook', owner: 1, listed: 3, due: 24, moves: [9, 17, 23], evidence: 'Brightside partner access removed from the business portfolio.' },
  { kind: 'admin_role', name: 'YouTube channel manager', owner: 3, listed: 12, due: 30, moves: [] },
  { kind: 'credential', name: 'Scheduling tool workspace', owner: 0, listed: 2, due: 22, moves: [7, 16, 21], evidence: 'Workspace owner is now Priya; agency seats cancelled. Passwords were changed, not recorded here.' },
  { kind: 'credential', name: 'Link-in-bio tool login', channel: 'instagram', owner: 3, listed: 5, due: 20, moves: [8, 13, 16, 19] },
  { kind: 'brand_asset', name: 'Logo, fonts and post templates', owner: 3, listed: 2, due: 12, moves: [4, 8, 10, 11], evidenceUrl: 'https://intranet.northwind-coffee.example/brand/templates' },
  { kind: 'brand_asset', name: 'Stock photo licences', owner: 3, listed: 6, due: 29, moves: [15] },
  { kind: 'content_library', name: 'Post archive and raw footage, 2023 on', owner: 1, listed: 4, due: 28, moves: [11, 21] },
  { kind: 'analytics_history', name: 'Analytics history since 2023', owner: 5, listed: 4, due: 27, moves: [10, 19, 25], evidence: 'Monthly exports delivered to the shared drive; agency dashboards switched off.' },
  { kind: 'contract', name: 'Agency contract: notice and data return', owner: 6, listed: 1, due: 30, moves: [] },
  { kind: 'other', name: 'Community guidelines and reply templates', owner: 4, listed: 3, due: 16, moves: [6, 9, 12, 15] },
];

type DemoKtSession = {
  week: number;
  weekday: number;
  topic: string;
  method: KtMethod;
  givenBy: string;
  /** Indexes into PEOPLE. */
  attendees: number[];
  handovers: string[];
  skills: string[];
  notes?: string;
};

/** A dozen sessions over the six months: how the knowledge moved. */
export const KT_SESSIONS: DemoKtSession[] = [
  { week: 4, weekday: 2, topic: 'How we plan a week of posts', method: 'workshop', givenBy: 'Kim Rivera', attendees: [0, 1, 2], handovers: ['Monthly content calendar'], skills: ['Scheduling tools'] },
  { week: 3, weekday: 3, topic: 'The Northwind voice, with examples', method: 'workshop', givenBy: 'Kim Rivera', attendees: [0, 1, 2, 7], handovers: ['Daily LinkedIn posts'], skills: ['Brand voice', 'Copywriting'] },
  { week: 5, weekday: 1, topic: 'A day of LinkedIn posting, watched', method: 'shadowing', givenBy: 'Dev Patel', attendees: [1], handovers: ['Daily LinkedIn posts'], skills: ['Copywriting'] },
  { week: 6, weekday: 2, topic: 'Stories: shooting and editing on a phone', method: 'shadowing', givenBy: 'Dev Patel', attendees: [3, 0], handovers: ['Instagram stories'], skills: ['Video editing'] },
  { week: 8, weekday: 3, topic: 'Replying to comments: tone and escalation', method: 'workshop', givenBy: 'Kim Rivera', attendees: [0, 4], handovers: ['Replying to comments'], skills: ['Community management'] },
  { week: 10, weekday: 1, topic: 'Crisis playbook walk-through', method: 'workshop', givenBy: 'Brightside Social', attendees: [0, 2, 4], handovers: ['Crisis monitoring'], skills: ['Crisis response'], notes: 'Only Priya could run the drill unaided: a second person is needed.' },
  { week: 12, weekday: 2, topic: 'Priya posts, Dev watches and corrects', method: 'reverse_shadowing', givenBy: 'Dev Patel', attendees: [0, 1], handovers: ['Daily LinkedIn posts', 'Instagram stories'], skills: ['Brand voice'] },
  { week: 13, weekday: 3, topic: 'Campaign report: where the numbers come from', method: 'documentation', givenBy: 'Brightside Social', attendees: [5], handovers: ['Campaign reporting'], skills: ['Analytics and reporting'] },
  { week: 15, weekday: 1, topic: 'Crisis drill: a weekend complaint going viral', method: 'reverse_shadowing', givenBy: 'Kim Rivera', attendees: [2, 4], handovers: ['Crisis monitoring'], skills: ['Crisis response'] },
  { week: 17, weekday: 2, topic: 'Moderating the Facebook page', method: 'shadowing', givenBy: 'Dev Patel', attendees: [4], handovers: ['Facebook page moderation'], skills: ['Community management'] },
  { week: 20, weekday: 3, topic: 'Buying paid social: budgets, audiences, billing', method: 'workshop', givenBy: 'Brightside Social', attendees: [5, 7], handovers: ['Paid social buying'], skills: ['Paid social'], notes: 'Billing still runs through the agency card: see the Meta ad account on the checklist.' },
  { week: 23, weekday: 2, topic: 'Influencer contacts and contracts, written up', method: 'documentation', givenBy: 'Kim Rivera', attendees: [7, 1], handovers: ['Influencer relations'], skills: [] },
];

const found = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`demo story: ${what} is not there yet`);
  return value;
};

/**
 * The exit checklist and the knowledge-transfer sessions as events of the story: the agency lists
 * items and moves them up to `agency_removed`, the lead verifies; sessions are recorded by the
 * agency the day they happen.
 */
export const EXIT_ITEM_COUNT = EXIT_ITEMS.length;
export const KT_SESSION_COUNT = KT_SESSIONS.length;

/**
 * The exit checklist and the knowledge-transfer sessions as events of the story: agency staff list
 * the items, move them up to `agency_removed` and write down the evidence at their last move; the
 * lead verifies. Sessions are recorded by agency staff the evening they happen.
 */
export function exitEvents(s: Story): StoryEvent[] {
  const events: StoryEvent[] = [];
  const items = new Map<string, ExitItem>();
  for (const [i, item] of EXIT_ITEMS.entries()) {
    events.push({
      at: momentOf(dayOf(s.start, item.listed, 1), 14, i),
      run: async () => {
        const body = { kind: item.kind, name: item.name, channel: item.channel, owner: found(s.people[item.owner], 'a person'), dueDate: dayOf(s.start, item.due, 4) };
        items.set(item.name, await s.agency<ExitItem>('POST', pathTo(ROUTES.exitItems, { planId: s.planId }), body));
      },
    });
    const lastAgencyMove = item.moves.filter((_, step) => EXIT_ITEM_LADDER[step + 1] !== 'verified').length - 1;
    for (const [step, week] of item.moves.entries()) {
      const [from, to] = [EXIT_ITEM_LADDER[step], EXIT_ITEM_LADDER[step + 1]];
      if (!from || !to) throw new Error(`demo story: ${item.name} climbs past the ladder`);
      const verify = to === 'verified';
      events.push({
        at: momentOf(dayOf(s.start, week, verify ? 4 : 3), verify ? 15 : 11, i),
        run: async () => {
          const exitItemId = found(items.get(item.name), item.name).id;
          const note = verify ? 'Checked: the team owns it and the agency has no access left.' : null;
          let moved = await (verify ? s.lead : s.agency)<ExitItem>('POST', pathTo(ROUTES.exitItemTransitions, { planId: s.planId, exitItemId }), { to, from, note });
          if (step === lastAgencyMove && (item.evidence || item.evidenceUrl)) {
            const patch = { evidence: item.evidence, evidenceUrl: item.evidenceUrl };
            moved = await s.agency<ExitItem>('PATCH', pathTo(ROUTES.exitItem, { planId: s.planId, exitItemId }), patch, { version: moved.version });
          }
          items.set(item.name, moved);
        },
      });
    }
  }
  for (const kt of KT_SESSIONS) {
    const date = dayOf(s.start, kt.week, kt.weekday);
    events.push({
      at: momentOf(date, 17),
      run: async () => {
        const body = {
          date,
          topic: kt.topic,
          method: kt.method,
          givenBy: kt.givenBy,
          attendees: kt.attendees.map((p) => found(s.people[p], PEOPLE[p]?.name ?? 'a person')),
          handoverIds: kt.handovers.map((h) => found(s.handovers.get(h), h).id),
          skillIds: kt.skills.map((k) => found(s.skills.get(k), k)),
          notes: kt.notes,
        };
        await s.agency('POST', pathTo(ROUTES.ktSessions, { planId: s.planId }), body);
      },
    });
  }
  return events;
}
