import type { RequestCtx } from '../core/context';
import type { Tx } from '../db/data-source';
import type { ActivityService } from './activity/activity.service';
import type { Deps } from './deps';

/** What a resource's service is built on: the shared dependencies and the activity log it writes to. */
export abstract class ResourceService {
  constructor(
    protected readonly deps: Deps,
    protected readonly activity: ActivityService,
  ) {}

  /**
   * A write transaction on behalf of a request: every change a service makes goes through here, so
   * whatever the edge asked to do before the commit (store an idempotent response) happens in the
   * same transaction, without the service knowing of it.
   */
  protected write<T>(ctx: RequestCtx, fn: (m: Tx) => Promise<T>): Promise<T> {
    return this.deps.db.write(fn, ctx.beforeCommit);
  }
}
