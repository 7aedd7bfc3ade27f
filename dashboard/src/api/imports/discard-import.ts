import { ROUTES, pathTo } from '@handover/shared';
import { request } from '../../lib/api-client';

/** Drops an upload that will not be imported (uploads also expire on their own after a day). */
export const discardImport = (planId: string, importId: string) => request(pathTo(ROUTES.importUpload, { planId, importId }), null, { method: 'DELETE' });
