import type { CreateMilestone, CreatePlan, Milestone, Plan, Role, UpdateMilestone, User } from '@handover/shared';
import { Client } from '../../support/client';
import { createMilestone, createPlan, createUser, putMember } from '../../support/fixtures';
import { ADMIN } from './server';

/** Setup and concurrent edits through the API, as another user or script would make them. */
export class ApiClient {
  private constructor(
    private readonly client: Client,
    readonly token: string,
  ) {}

  static async signIn(baseUrl: string, email = ADMIN.email, password = ADMIN.password): Promise<ApiClient> {
    const client = new Client(baseUrl);
    return new ApiClient(client, await client.login({ email, password }));
  }

  /** A call under /api/v1 that must succeed; its parsed body. */
  call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.client.expect<T>(undefined, method, `/api/v1${path}`, { token: this.token, body, headers });
  }

  createUser(email: string, name: string, password: string): Promise<User> {
    return createUser(this.client, this.token, { email, name, password });
  }

  createPlan(body: Partial<CreatePlan>): Promise<Plan> {
    return createPlan(this.client, this.token, { targetExitDate: '2026-07-27', ...body });
  }

  addMember(planId: string, userId: string, role: Role): Promise<unknown> {
    return putMember(this.client, this.token, planId, userId, role);
  }

  createMilestone(planId: string, body: CreateMilestone): Promise<Milestone> {
    return createMilestone(this.client, this.token, planId, body);
  }

  getMilestone(planId: string, id: string): Promise<Milestone> {
    return this.call('GET', `/plans/${planId}/milestones/${id}`);
  }

  async patchMilestone(planId: string, id: string, body: UpdateMilestone): Promise<Milestone> {
    const current = await this.getMilestone(planId, id);
    return this.call('PATCH', `/plans/${planId}/milestones/${id}`, body, { 'If-Match': `"${current.version}"` });
  }
}

let counter = 0;
/** A user with a role in a plan, ready to sign in. */
export async function userWithRole(admin: ApiClient, planId: string, role: Role): Promise<{ email: string; password: string; user: User }> {
  counter += 1;
  const email = `${role}-${Date.now()}-${counter}@e2e.test`;
  const password = `${role}-password-123`;
  const user = await admin.createUser(email, `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`, password);
  await admin.addMember(planId, user.id, role);
  return { email, password, user };
}
