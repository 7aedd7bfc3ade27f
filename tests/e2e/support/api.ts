import type { CreateMilestone, Milestone, Plan, Role, UpdateMilestone, User } from '@handover/shared';
import { ADMIN } from './server';

/** Setup and concurrent edits through the API, as another user or script would make them. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    public token = '',
  ) {}

  static async signIn(baseUrl: string, email = ADMIN.email, password = ADMIN.password): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const { token } = await client.call<{ token: string }>('POST', '/auth/login', { email, password });
    client.token = token;
    return client;
  }

  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  createUser(email: string, name: string, password: string): Promise<User> {
    return this.call('POST', '/users', { email, name, password });
  }

  createPlan(body: Partial<Plan> & { name: string }): Promise<Plan> {
    return this.call('POST', '/plans', {
      brand: 'Acme',
      agencyName: 'Loud & Co',
      startDate: '2026-01-05',
      targetExitDate: '2026-07-27',
      contractEndDate: '2026-09-30',
      ...body,
    });
  }

  addMember(planId: string, userId: string, role: Role): Promise<unknown> {
    return this.call('PUT', `/plans/${planId}/members/${userId}`, { role });
  }

  createMilestone(planId: string, body: CreateMilestone): Promise<Milestone> {
    return this.call('POST', `/plans/${planId}/milestones`, body);
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
