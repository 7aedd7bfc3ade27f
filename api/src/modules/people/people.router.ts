import {
  CreatePersonSchema,
  PersonListQuerySchema,
  PersonSchema,
  UpdatePersonSchema,
  UuidSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { PeopleService } from './people.service';

const PlanParams = z.object({ planId: UuidSchema });
const PersonParams = z.object({ planId: UuidSchema, personId: UuidSchema });

export function registerPeopleRoutes(api: Api, people: PeopleService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/people',
    summary: 'List the in-house team, by name',
    tags: ['People'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: PersonListQuerySchema,
    response: pageOf(PersonSchema),
    handler: async ({ query }, ctx) => ({ body: await people.list(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/people',
    summary: 'Add a person to the in-house team',
    tags: ['People'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: CreatePersonSchema,
    status: 201,
    response: PersonSchema,
    handler: async ({ body }, ctx) => ({ body: await people.create(ctx, body) }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/people/:personId',
    summary: 'Get a person',
    tags: ['People'],
    guard: { kind: 'plan', access: 'read' },
    params: PersonParams,
    response: PersonSchema,
    handler: async ({ params }, ctx) => ({ body: await people.get(ctx, params.personId) }),
  });

  api.route({
    method: 'patch',
    path: '/plans/:planId/people/:personId',
    summary: 'Edit a person (not versioned: no If-Match)',
    tags: ['People'],
    guard: { kind: 'plan', access: 'edit' },
    params: PersonParams,
    body: UpdatePersonSchema,
    response: PersonSchema,
    handler: async ({ params, body }, ctx) => ({ body: await people.update(ctx, params.personId, body) }),
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/people/:personId',
    summary: 'Remove a person and their assessments',
    tags: ['People'],
    guard: { kind: 'plan', access: 'edit' },
    params: PersonParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await people.remove(ctx, params.personId);
      return { status: 204 };
    },
  });
}
