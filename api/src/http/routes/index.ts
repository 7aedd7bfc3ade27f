import type { Config } from '../../config';
import type { Db } from '../../db/data-source';
import type { Services } from '../../modules/services';
import type { AnyRoute } from '../route-spec';
import { activityRoutes } from './activity.routes';
import { adoptionRoutes } from './adoption.routes';
import { authRoutes } from './auth.routes';
import { preferencesRoutes } from './preferences.routes';
import { baselineRoutes } from './baselines.routes';
import { exitItemRoutes } from './exit-items.routes';
import { handoverRoutes } from './handovers.routes';
import { ingestSecretRoutes } from './ingest-secrets.routes';
import { importRoutes } from './imports.routes';
import { ktSessionRoutes } from './kt-sessions.routes';
import { metaRoutes } from './meta.routes';
import { milestoneRoutes } from './milestones.routes';
import { peopleRoutes } from './people.routes';
import { planExitRoutes } from './plan-exit.routes';
import { planRoutes } from './plans.routes';
import { postRoutes } from './posts.routes';
import { rosterRoutes } from './roster.routes';
import { skillRoutes } from './skills.routes';
import { snapshotRoutes } from './snapshots.routes';
import { summaryRoutes } from './summary.routes';
import { userRoutes } from './users.routes';
import { webhookRoutes } from './webhooks.routes';

/** Every route of the API, in mounting order; `document` serves the OpenAPI document built from them. */
export function allRoutes(services: Services, db: Db, config: Config, document: () => unknown): AnyRoute[] {
  return [
    ...authRoutes(services.auth, config.sessionMaxHours),
    ...preferencesRoutes(services.preferences),
    ...userRoutes(services.users),
    ...planRoutes(services.plans),
    ...milestoneRoutes(services.milestones),
    ...activityRoutes(services.activity),
    ...peopleRoutes(services.people),
    ...skillRoutes(services.skills),
    ...handoverRoutes(services.handovers),
    ...exitItemRoutes(services.exitItems),
    ...rosterRoutes(services.roster, services.push),
    ...postRoutes(services.posts),
    ...importRoutes(services.imports, services.importMappings),
    ...adoptionRoutes(services.adoption),
    ...summaryRoutes(services.summary),
    ...planExitRoutes(services.planExit),
    ...ingestSecretRoutes(services.ingestSecrets, services.ingestReceivers),
    ...snapshotRoutes(services.snapshots),
    ...baselineRoutes(services.baselines),
    ...webhookRoutes(services.webhooks),
    ...ktSessionRoutes(services.ktSessions),
    ...metaRoutes(db, document),
  ];
}
