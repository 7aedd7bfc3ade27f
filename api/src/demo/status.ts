import { ROUTES, pathTo, type Page, type Snapshot, type SnapshotBackfillResult, type SnapshotListItem, type WebhookWithSecret } from '@handover/shared';
import type { Caller } from './client';
import { dayOf, momentOf } from './story';
import type { StoryEvent, Story } from './timeline';

/** What drives webhook deliveries at a given moment (the app's dispatcher, modules/webhooks/dispatcher.ts). */
export type Dispatcher = { dispatchDue(now: Date): Promise<unknown> };

/**
 * The lead's status, week by week: amber while the internal network was built, red in week 12 when
 * a rough weekend showed one person could not cover crisis response, amber again while Maya trained,
 * green from week 20 on.
 */
export function weeklyStatus(week: number): { rag: 'red' | 'amber' | 'green'; note: string } {
  if (week === 12) return { rag: 'red', note: 'Red: a rough weekend showed only Priya can handle a crisis. We now need two people on crisis response.' };
  if (week < 4) return { rag: 'amber', note: `Week ${week + 1}: setting up. Internal chat chosen, skills audit under way, the agency still posts almost everything.` };
  if (week < 8) return { rag: 'amber', note: `Week ${week + 1}: internal chat rolling out to every office; the brand voice guide is being written.` };
  if (week < 12) return { rag: 'amber', note: `Week ${week + 1}: legal is slow on the social media policy, and hiring the community manager slipped two weeks.` };
  if (week < 20) return { rag: 'amber', note: `Week ${week + 1}: Maya and Sara train on crisis response; the playbook waits for them. LinkedIn is ours.` };
  return { rag: 'green', note: `Week ${week + 1}: in-house posts lead, Instagram handed over, crisis response covered by two people.` };
}

/** A webhook the lead wired to a receiver that was never set up: its host does not resolve (RFC 2606 `.invalid`). */
export const DEAD_WEBHOOK_URL = 'https://hooks.northwind-coffee.invalid/handover';
/** The week the lead adds it; the dispatcher then runs each weekday at 17:00 (retries, then failed). */
const WEBHOOK_WEEK = 20;

/**
 * The webhook pointing nowhere and its failed deliveries: the app's own dispatcher is driven with the
 * demo clock (not started while the demo seeds), so every attempt in its log is a real one.
 */
export function webhookEvents(s: Story, dispatcher: Dispatcher, now: () => Date): StoryEvent[] {
  const events: StoryEvent[] = [
    {
      at: momentOf(dayOf(s.start, WEBHOOK_WEEK, 0), 11),
      run: async () => {
        // Events from before the webhook existed are fanned out to no one first.
        await dispatcher.dispatchDue(now());
        const body = { url: DEAD_WEBHOOK_URL, events: ['milestone.completed', 'handover.transitioned', 'handover.accepted'] };
        s.webhookId = (await s.lead<WebhookWithSecret>('POST', pathTo(ROUTES.webhooks, { planId: s.planId }), body)).id;
      },
    },
  ];
  for (let week = WEBHOOK_WEEK; week < 26; week++) {
    for (let weekday = 0; weekday < 5; weekday++) {
      events.push({ at: momentOf(dayOf(s.start, week, weekday), 17), run: async () => void (await dispatcher.dispatchDue(now())) });
    }
  }
  return events;
}

/** The missing weekly snapshots rebuilt from history, then each one's status written (figures stay frozen). */
export async function backfillWithNotes(lead: Caller, planId: string, start: string): Promise<number> {
  await lead<SnapshotBackfillResult>('POST', pathTo(ROUTES.snapshotsBackfill, { planId }));
  const page = await lead<Page<SnapshotListItem>>('GET', pathTo(ROUTES.snapshots, { planId }, { kind: 'weekly', limit: 100 }));
  for (const snapshot of page.items) {
    const week = Math.round((Date.parse(snapshot.weekStart ?? start) - Date.parse(start)) / (7 * 86_400_000));
    await lead<Snapshot>('PATCH', pathTo(ROUTES.snapshot, { planId, snapshotId: snapshot.id }), weeklyStatus(week), { version: snapshot.version });
  }
  return page.items.length;
}
