import { IngestSecretListSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** The plan's ingest secrets, revoked ones included (never the secrets themselves). */
export const getIngestSecrets = (planId: string) => request(pathTo(ROUTES.ingestSecrets, { planId }), IngestSecretListSchema);
export const ingestSecretsQueryOptions = (planId: string) =>
  queryOptions({ queryKey: queryKeys.ingestSecrets(planId), queryFn: () => getIngestSecrets(planId) });
export const useIngestSecrets = (planId: string) => useQuery(ingestSecretsQueryOptions(planId));
