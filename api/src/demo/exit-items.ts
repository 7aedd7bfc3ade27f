import { EXIT_ITEM_LADDER, ROUTES, pathTo, type CreateExitItem, type ExitItem } from '@handover/shared';
import { dayOf, momentOf } from './story';
import type { Story, StoryEvent } from './timeline';

type DemoExitItem = Omit<CreateExitItem, 'owner' | 'dueDate'> & {
  /** Index into PEOPLE of the in-house owner. */
  owner: number;
  /** The week it is due (its due date is that week's Friday). */
  due: number;
  /** The week of each move up the ladder: agency staff move it up to agency_removed, the lead verifies. */
  moves: number[];
};

/**
 * The exit checklist (docs/domain.md#exit-checklist): agency staff list what they hold in week 1;
 * the Instagram account changes hands in week 20 (as the roster tells), the brand assets are
 * verified early, and the rest is on its way, each item dated before the milestones run out.
 */
const ITEMS: DemoExitItem[] = [
  {
    kind: 'social_account',
    name: 'Instagram account @northwindcoffee',
    channel: 'instagram',
    owner: 0,
    due: 22,
    moves: [3, 20, 21, 22],
    evidence: 'Owned by the brand’s business manager since week 20; screenshot of the admin list in the IT ticket.',
  },
  { kind: 'brand_asset', name: 'Brand asset library (logos, fonts, templates)', owner: 3, due: 27, moves: [5, 10, 16, 17] },
  { kind: 'social_account', name: 'LinkedIn page admin roles', channel: 'linkedin', owner: 1, due: 28, moves: [4, 12, 25] },
  { kind: 'admin_role', name: 'X account admin', channel: 'x', owner: 2, due: 29, moves: [8] },
  {
    kind: 'credential',
    name: 'Scheduling tool logins',
    owner: 1,
    due: 29,
    moves: [7, 18],
    evidence: 'Logins moved to the brand’s password manager; the agency’s seats are still active.',
  },
  { kind: 'ad_account', name: 'Meta ad account', channel: 'facebook', owner: 5, due: 30, moves: [6, 24] },
  { kind: 'content_library', name: 'Published content and source files since 2024', owner: 3, due: 31, moves: [] },
  { kind: 'analytics_history', name: 'Analytics exports since 2024', owner: 5, due: 32, moves: [14] },
  { kind: 'contract', name: 'Agency contract: notice and hand-back clauses', owner: 6, due: 33, moves: [] },
];

export const EXIT_ITEM_COUNT = ITEMS.length;

export function exitItemEvents(s: Story): StoryEvent[] {
  const ids = new Map<string, string>();
  const events: StoryEvent[] = [];
  for (const [i, item] of ITEMS.entries()) {
    const { owner, due, moves, ...fields } = item;
    events.push({
      at: momentOf(dayOf(s.start, 1, 2), 10, i),
      run: async () => {
        const body = { ...fields, owner: s.people[owner], dueDate: dayOf(s.start, due, 4) };
        ids.set(item.name, (await s.agency<ExitItem>('POST', pathTo(ROUTES.exitItems, { planId: s.planId }), body)).id);
      },
    });
    for (const [step, week] of moves.entries()) {
      const [from, to] = [EXIT_ITEM_LADDER[step], EXIT_ITEM_LADDER[step + 1]];
      if (!from || !to) throw new Error(`demo story: ${item.name} climbs past the ladder`);
      const verify = to === 'verified';
      events.push({
        at: momentOf(dayOf(s.start, week, verify ? 4 : 3), verify ? 14 : 11),
        run: async () => {
          const exitItemId = ids.get(item.name);
          if (!exitItemId) throw new Error(`demo story: ${item.name} is not there yet`);
          const note = verify ? 'Checked: the agency no longer has access.' : null;
          await (verify ? s.lead : s.agency)('POST', pathTo(ROUTES.exitItemTransitions, { planId: s.planId, exitItemId }), { to, from, note });
        },
      });
    }
  }
  return events;
}
