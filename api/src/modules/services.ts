import { ActivityService } from './activity/activity.service';
import { AdoptionService } from './adoption/adoption.service';
import { AuthService } from './auth/auth.service';
import type { Deps } from './deps';
import { ExitItemsService } from './exit-items/exit-items.service';
import { GateWatcher } from './gates/gate-watcher';
import { HandoversService } from './handovers/handovers.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ImportMappingsService } from './imports/import-mappings.service';
import { ImportsService } from './imports/imports.service';
import { KtSessionsService } from './kt-sessions/kt-sessions.service';
import { MilestonesService } from './milestones/milestones.service';
import { DigestSender } from './notify/digest-sender';
import { PreferencesService } from './notify/preferences.service';
import { OverdueMilestones } from './milestones/overdue';
import { PeopleService } from './people/people.service';
import { PlanExitService } from './plan-exit/plan-exit.service';
import { PlansService } from './plans/plans.service';
import { PushService } from './ingest/push';
import { IngestSecretsService } from './ingest-secrets/ingest-secrets.service';
import { IngestReceivers } from './ingest-secrets/receivers.service';
import { RosterService } from './ingest/roster.service';
import { PostsService } from './posts/posts.service';
import { SkillsService } from './skills/skills.service';
import { BaselinesService } from './baselines/baselines.service';
import { outboxSnapshotEvents } from './snapshots/events';
import { Scheduler } from './snapshots/scheduler';
import { SnapshotsService } from './snapshots/snapshots.service';
import { SummaryService } from './summary/summary.service';
import { UsersService } from './users/users.service';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { WebhooksService } from './webhooks/webhooks.service';

export type Services = ReturnType<typeof createServices>;

/** Every service, built once per app on the same dependencies. */
export function createServices(deps: Deps) {
  const activity = new ActivityService(deps);
  const push = new PushService(deps, activity);
  const summary = new SummaryService(deps);
  const snapshots = new SnapshotsService(deps, activity, summary, outboxSnapshotEvents);
  const gates = new GateWatcher(deps, summary, activity);
  const webhookDispatcher = new WebhookDispatcher(deps);
  return {
    activity,
    idempotency: new IdempotencyService(deps),
    auth: new AuthService(deps, activity),
    users: new UsersService(deps, activity),
    plans: new PlansService(deps, activity),
    milestones: new MilestonesService(deps, activity),
    people: new PeopleService(deps, activity),
    skills: new SkillsService(deps, activity),
    handovers: new HandoversService(deps, activity),
    exitItems: new ExitItemsService(deps, activity),
    posts: new PostsService(deps, activity),
    push,
    roster: new RosterService(deps, activity),
    ingestSecrets: new IngestSecretsService(deps, activity),
    ingestReceivers: new IngestReceivers(deps, push),
    adoption: new AdoptionService(deps, activity),
    summary,
    snapshots,
    planExit: new PlanExitService(deps, activity, summary, snapshots),
    baselines: new BaselinesService(deps, activity),
    gates,
    scheduler: new Scheduler(deps, snapshots, { overdue: new OverdueMilestones(deps), gates }),
    webhooks: new WebhooksService(deps, activity, webhookDispatcher.options),
    webhookDispatcher,
    imports: new ImportsService(deps, activity),
    importMappings: new ImportMappingsService(deps, activity),
    preferences: new PreferencesService(deps, activity),
    digestSender: new DigestSender(deps),
    ktSessions: new KtSessionsService(deps, activity),
  };
}
