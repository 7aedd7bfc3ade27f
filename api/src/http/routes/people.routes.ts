import { CreatePersonSchema, PersonListQuerySchema, PersonSchema, ROUTES, UpdatePersonSchema, pageOf } from '@handover/shared';
import type { PeopleService } from '../../modules/people/people.service';
import { route, type AnyRoute } from '../route-spec';
import { PersonParams, PlanParams } from './params';

export const peopleRoutes = (people: PeopleService): AnyRoute[] => [
  route({
    operationId: 'listPeople',
    method: 'get',
    path: ROUTES.people,
    summary: 'List the in-house team, by name',
    tags: ['People'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: PersonListQuerySchema,
    response: pageOf(PersonSchema),
    handler: async ({ query }, ctx) => ({ body: await people.list(ctx, query) }),
  }),
  route({
    operationId: 'createPerson',
    method: 'post',
    path: ROUTES.people,
    summary: 'Add a person to the in-house team',
    tags: ['People'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: CreatePersonSchema,
    status: 201,
    response: PersonSchema,
    handler: async ({ body }, ctx) => ({ body: await people.create(ctx, body) }),
  }),
  route({
    operationId: 'getPerson',
    method: 'get',
    path: ROUTES.person,
    summary: 'Get a person',
    tags: ['People'],
    guard: { kind: 'plan', access: 'read' },
    params: PersonParams,
    response: PersonSchema,
    handler: async ({ params }, ctx) => ({ body: await people.get(ctx, params.personId) }),
  }),
  route({
    operationId: 'updatePerson',
    method: 'patch',
    path: ROUTES.person,
    summary: 'Edit a person (not versioned: no If-Match)',
    tags: ['People'],
    guard: { kind: 'plan', access: 'edit' },
    params: PersonParams,
    body: UpdatePersonSchema,
    response: PersonSchema,
    handler: async ({ params, body }, ctx) => ({ body: await people.update(ctx, params.personId, body) }),
  }),
  route({
    operationId: 'deletePerson',
    method: 'delete',
    path: ROUTES.person,
    summary: 'Remove a person and their assessments',
    tags: ['People'],
    guard: { kind: 'plan', access: 'edit' },
    params: PersonParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await people.remove(ctx, params.personId);
      return { status: 204 };
    },
  }),
];
