import type { ActivityService } from './activity/activity.service';
import type { Deps } from './deps';

/** What a resource's service is built on: the shared dependencies and the activity log it writes to. */
export abstract class ResourceService {
  constructor(
    protected readonly deps: Deps,
    protected readonly activity: ActivityService,
  ) {}
}
