import path from 'node:path';
import { freshDatabase, type Dialect, type FreshDatabase } from '../tests/support/database';
import { ROOT, ServerProcess, buildIfStale } from '../tests/support/launcher';
import { ok } from './http';

export { ROOT, type ServerProcess };

const ADMIN = { email: 'bench@example.com', password: 'bench-password-123' };

/** Build everything (the dashboard's size is measured too) when api/dist is older than its sources. */
export function ensureBuilt(log: (s: string) => void): void {
  buildIfStale({ all: true, log });
}

export function freshDb(dialect: Dialect): Promise<FreshDatabase> {
  return freshDatabase({ dialect, prefix: 'handover_bench' });
}

/** The built API on a database, with the bench admin signed in. */
export async function startSignedIn(databaseUrl: string, env: Record<string, string> = {}): Promise<{ server: ServerProcess; token: string }> {
  // BENCH_NODE_ARGS adds node flags to the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean);
  const server = await ServerProcess.launch({ databaseUrl, nodeArgs, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env } });
  const { token } = await ok<{ token: string }>(server.url, 'POST', '/api/v1/auth/login', { json: ADMIN });
  return { server, token };
}

/** The baselines for requests per second: a bare Express app (bench/hello-server.ts). */
export function startHello(bodyFile: string): Promise<ServerProcess> {
  return ServerProcess.launch({ entry: path.join(ROOT, 'bench/hello-server.ts'), env: { BODY_FILE: bodyFile } });
}

/** A plan for the bench's rows, led by the bench admin. */
export async function createPlan(server: ServerProcess, token: string, name: string): Promise<string> {
  const plan = await ok<{ id: string }>(server.url, 'POST', '/api/v1/plans', {
    token,
    json: { name, brand: 'Bench', agencyName: 'Agency', startDate: '2024-01-01', targetExitDate: '2027-01-04' },
  });
  return plan.id;
}
