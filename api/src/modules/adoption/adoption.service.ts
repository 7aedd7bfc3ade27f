import type { Deps } from '../../deps';
import type { ActivityService } from '../activity/activity.service';

export class AdoptionService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}
}
