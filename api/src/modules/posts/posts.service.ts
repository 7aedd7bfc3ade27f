import type { Deps } from '../../deps';
import type { ActivityService } from '../activity/activity.service';
import type { IdempotencyService } from '../idempotency/idempotency.service';

export class PostsService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
    private readonly idempotency: IdempotencyService,
  ) {}
}
