import { ExitRequestSchema, ExitResultSchema, ROUTES } from '@handover/shared';
import type { PlanExitService } from '../../modules/plan-exit/plan-exit.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams } from './params';

export const planExitRoutes = (exits: PlanExitService): AnyRoute[] => [
  route({
    operationId: 'exitPlan',
    method: 'post',
    path: ROUTES.planExit,
    summary:
      'End the agency (leads; cannot be undone): refused while a gate is open unless overridden with a reason; ends agency access today, revokes their plan-scoped tokens, takes the final snapshot',
    tags: ['Plans'],
    guard: { kind: 'plan', access: 'manageIntegrations' },
    params: PlanParams,
    body: ExitRequestSchema,
    response: ExitResultSchema,
    idempotent: true,
    problems: {
      409: 'Exit gates not met (`exit-gates-unmet`, listing `unmetGates`), or the exit was already done (`already-exited`)',
    },
    handler: async ({ body }, ctx) => ({ body: await exits.exit(ctx, body) }),
  }),
];
