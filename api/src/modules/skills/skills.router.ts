import {
  AssessmentListQuerySchema,
  AssessmentSchema,
  CoverageSchema,
  CreateAssessmentSchema,
  CreateSkillSchema,
  MatrixSchema,
  SkillListQuerySchema,
  SkillSchema,
  UpdateSkillSchema,
  UuidSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { SkillsService } from './skills.service';

const PlanParams = z.object({ planId: UuidSchema });
const SkillParams = z.object({ planId: UuidSchema, skillId: UuidSchema });

export function registerSkillsRoutes(api: Api, skills: SkillsService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/skills',
    summary: 'List required skills, by name (filters: category, critical)',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: SkillListQuerySchema,
    response: pageOf(SkillSchema),
    handler: async ({ query }, ctx) => ({ body: await skills.list(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/skills',
    summary: 'Add a required skill (a duplicate name is 409)',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: CreateSkillSchema,
    status: 201,
    response: SkillSchema,
    handler: async ({ body }, ctx) => ({ body: await skills.create(ctx, body) }),
  });

  // Before /skills/:skillId, which would otherwise take "coverage" and "matrix" for ids.
  api.route({
    method: 'get',
    path: '/plans/:planId/skills/coverage',
    summary: 'How many qualified people each skill has against its requirement, and the gap',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    response: CoverageSchema,
    handler: async (_input, ctx) => ({ body: await skills.coverage(ctx) }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/skills/matrix',
    summary: "Every person's current level in every skill, for the heat map",
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'readSensitive' },
    params: PlanParams,
    response: MatrixSchema,
    handler: async (_input, ctx) => ({ body: await skills.matrix(ctx) }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/skills/:skillId',
    summary: 'Get a skill',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'read' },
    params: SkillParams,
    response: SkillSchema,
    handler: async ({ params }, ctx) => ({ body: await skills.get(ctx, params.skillId) }),
  });

  api.route({
    method: 'patch',
    path: '/plans/:planId/skills/:skillId',
    summary: 'Edit a skill (not versioned: no If-Match)',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'edit' },
    params: SkillParams,
    body: UpdateSkillSchema,
    response: SkillSchema,
    handler: async ({ params, body }, ctx) => ({ body: await skills.update(ctx, params.skillId, body) }),
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/skills/:skillId',
    summary: 'Remove a skill and its assessments',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'edit' },
    params: SkillParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await skills.remove(ctx, params.skillId);
      return { status: 204 };
    },
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/assessments',
    summary: 'Assessment history, newest first (filters: personId, skillId)',
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'readSensitive' },
    params: PlanParams,
    query: AssessmentListQuerySchema,
    response: pageOf(AssessmentSchema),
    handler: async ({ query }, ctx) => ({ body: await skills.listAssessments(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/assessments',
    summary: "Record a person's level in a skill (history is kept; the latest is current)",
    tags: ['Skills'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: CreateAssessmentSchema,
    status: 201,
    response: AssessmentSchema,
    handler: async ({ body }, ctx) => ({ body: await skills.assess(ctx, body) }),
  });
}
