import { z } from 'zod';
import { GateKeySchema } from './gates';

/** RFC 9457 problem details, the body of every non-2xx response. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        path: z.string().optional(),
        line: z.number().int().optional(),
        message: z.string(),
      }),
    )
    .optional(),
  requestId: z.string().optional(),
  /** `exit-gates-unmet`: the gates still open (docs/domain.md#ending-the-agency). */
  unmetGates: z.array(GateKeySchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_BASE = 'https://handover.dev/problems/';

/**
 * Every problem `type` the API answers with (the last segment after PROBLEM_BASE). Clients switch
 * on these, never on titles or details.
 */
export const PROBLEM_TYPES = [
  'bad-request',
  'unauthorized',
  'invalid-credentials',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'duplicate',
  'invalid-transition',
  'stale-transition',
  'last-lead',
  'self-deactivation',
  'import-in-progress',
  'exit-gates-unmet',
  'already-exited',
  'plan-exited',
  'unmet-dependency',
  'has-dependents',
  'precondition-failed',
  'payload-too-large',
  'unsupported-media-type',
  'validation-failed',
  'idempotency-key-reused',
  'precondition-required',
  'rate-limited',
  'gone',
  'header-fields-too-large',
  'request-timeout',
  'internal',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** The problem type of a body, or null when it is not one of ours. */
export function problemType(problem: Pick<Problem, 'type'>): ProblemType | null {
  if (!problem.type.startsWith(PROBLEM_BASE)) return null;
  const slug = problem.type.slice(PROBLEM_BASE.length);
  return (PROBLEM_TYPES as readonly string[]).includes(slug) ? (slug as ProblemType) : null;
}
