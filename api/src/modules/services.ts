import { ActivityService } from './activity/activity.service';
import { AdoptionService } from './adoption/adoption.service';
import { AuthService } from './auth/auth.service';
import type { Deps } from './deps';
import { HandoversService } from './handovers/handovers.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ImportMappingsService } from './imports/import-mappings.service';
import { ImportsService } from './imports/imports.service';
import { MilestonesService } from './milestones/milestones.service';
import { PeopleService } from './people/people.service';
import { PlansService } from './plans/plans.service';
import { PostsService } from './posts/posts.service';
import { SkillsService } from './skills/skills.service';
import { SummaryService } from './summary/summary.service';
import { UsersService } from './users/users.service';

export type Services = ReturnType<typeof createServices>;

/** Every service, built once per app on the same dependencies. */
export function createServices(deps: Deps) {
  const activity = new ActivityService(deps);
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
    posts: new PostsService(deps, activity),
    adoption: new AdoptionService(deps, activity),
    imports: new ImportsService(deps, activity),
    importMappings: new ImportMappingsService(deps, activity),
    summary: new SummaryService(deps),
  };
}
