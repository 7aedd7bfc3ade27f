import { ROUTES, addDays, pathTo, type PushResult, type RosterEntry } from '@handover/shared';
import { PEOPLE, WEEKS, dayOf, momentOf } from './story';
import type { Story, StoryEvent } from './timeline';

/** The agency's people, as their posts name them. */
export const AGENCY_STAFF = ['Brightside Social', 'Kim Rivera', 'Dev Patel'];
/** The Instagram account the agency ran for the brand, handed over to the in-house team in week 20. */
export const INSTAGRAM_ACCOUNT = '@northwindcoffee';
export const ACCOUNT_HANDED_OVER_WEEK = 20;
/** Posts scheduled straight on the account (no author): Tuesday, Thursday and Saturday at noon. */
const ACCOUNT_POST_DAYS = [1, 3, 5];

/**
 * The roster (docs/domain.md#ingest): agency staff list themselves in week 1, the lead lists the
 * in-house team and the Instagram account on the agency side; in week 20 the account changes side
 * (the agency entry ends the day before, an in-house one starts). Each week the account's own posts
 * are pushed without a side, so the roster classifies them.
 */
export function rosterEvents(s: Story): StoryEvent[] {
  const roster = pathTo(ROUTES.roster, { planId: s.planId });
  const handedOver = dayOf(s.start, ACCOUNT_HANDED_OVER_WEEK);
  const events: StoryEvent[] = [
    {
      at: momentOf(dayOf(s.start, 1, 0), 14),
      run: async () => {
        for (const match of AGENCY_STAFF) await s.agency('POST', roster, { kind: 'author', match, side: 'agency', note: 'Brightside Social staff' });
      },
    },
    {
      at: momentOf(dayOf(s.start, 1, 0), 15),
      run: async () => {
        for (const p of PEOPLE) await s.lead('POST', roster, { kind: 'author', match: p.name, side: 'in_house', note: p.title });
        const body = { kind: 'channel', match: INSTAGRAM_ACCOUNT, side: 'agency', from: s.start, note: 'Run by Brightside Social' };
        s.accountEntry = await s.lead<RosterEntry>('POST', roster, body);
      },
    },
    {
      at: momentOf(handedOver, 9),
      run: async () => {
        const entry = s.accountEntry;
        if (!entry) throw new Error('demo story: the Instagram account entry is not there yet');
        const path = pathTo(ROUTES.rosterEntry, { planId: s.planId, entryId: entry.id });
        await s.lead('PATCH', path, { to: addDays(handedOver, -1) }, { version: entry.version });
        await s.lead('POST', roster, { kind: 'channel', match: INSTAGRAM_ACCOUNT, side: 'in_house', from: handedOver, note: 'Handed over by the agency' });
      },
    },
  ];
  for (let w = 0; w < WEEKS; w++) {
    const posts = ACCOUNT_POST_DAYS.map((d) => ({
      channel: 'instagram',
      publishedAt: momentOf(dayOf(s.start, w, d), 12).toISOString(),
      externalId: `ig-account-${w}-${d}`,
      account: INSTAGRAM_ACCOUNT,
    }));
    events.push({
      at: momentOf(dayOf(s.start, w + 1), 8, 45),
      run: async () => {
        const pushed = await s.lead<PushResult>('POST', pathTo(ROUTES.postsBatch, { planId: s.planId }), posts);
        s.posts += pushed.inserted;
      },
    });
  }
  return events;
}
