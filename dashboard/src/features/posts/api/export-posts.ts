import { buildUrl } from '../../../lib/api-client';
import type { PostFilters } from './get-posts';

/** A plain link: the session cookie authenticates it and the browser streams the file. */
export const exportUrl = (planId: string, filters: PostFilters) => buildUrl(`/plans/${planId}/posts/export`, filters);
