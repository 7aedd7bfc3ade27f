import { ROUTES, pathTo } from '@handover/shared';
import type { PostFilters } from './get-posts';

/** A plain link: the session cookie authenticates it and the browser streams the file. */
export const exportUrl = (planId: string, filters: PostFilters) => pathTo(ROUTES.postsExport, { planId }, filters);
