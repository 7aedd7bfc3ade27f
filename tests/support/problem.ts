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

type FieldErrorExpectation = { message?: string | RegExp; only?: boolean };

/**
 * Assert a 422 validation-failed problem whose `errors` name `path` (unknown fields too), with a
 * message equal to the given string or matching the given RegExp, when one is given. `only`: and
 * no other error is listed.
 */
export function expectFieldError(res: Response, path: string, expected: string | RegExp | FieldErrorExpectation = {}): void {
  const { message, only } = typeof expected === 'string' || expected instanceof RegExp ? { message: expected, only: false } : expected;
  expectProblem(res, 422, 'validation-failed');
  const entry = { path, message: message === undefined ? expect.any(String) : typeof message === 'string' ? message : expect.stringMatching(message) };
  if (only) expect(res.body.errors).toEqual([entry]);
  else expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(entry)]));
}
