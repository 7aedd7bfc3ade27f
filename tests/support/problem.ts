import type { Response } from 'supertest';
import { PROBLEM_BASE } from '@handover/shared';

/** Assert an RFC 9457 response with the given status (and problem type slug, when given). */
export function expectProblem(res: Response, status: number, slug?: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  if (slug) expect(res.body.type).toBe(`${PROBLEM_BASE}${slug}`);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
}
